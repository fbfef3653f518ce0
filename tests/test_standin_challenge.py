"""The live stand-in challenge in chat, round trip through the simulator: a quiz answered at
machine speed arms it, the next session asks for a photo, the photo reaches the leader with the
reasons, the leader confirms or rejects; completions wait meanwhile, and every step is in the
worker's history."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.storage.models import (
    Enrollment,
    QuizSession,
    RiskScore,
    StandinChallenge,
    WorkerEvent,
)
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign, eventually
from tests.quizzes import shown_answers

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
WORKER, LEADER, OTHER_LEADER = "HQ0005", "HQ0001", "HQ0002"  # tf-1, its leader, tf-2's leader
PHOTO = "http://mmbiz.qpic.cn/mmbiz_jpg/at-work/0"


@pytest.fixture
async def anxun(start_anxun: Callable[..., Awaitable[Running]]) -> Running:
    return await start_anxun(standin={"enabled": True})


async def bind(anxun: Running, openid: str, employee_no: str) -> None:
    row = ROSTER[employee_no]
    reply = await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def quiz(anxun: Running, openid: str, seconds: float) -> list[str]:
    """Answer today's quiz rightly, `seconds` after each question (0: a script)."""
    user = anxun.user(openid)
    replies = [await user.say("答题") or ""]
    session = await QuizSession.filter(finished_at=None, worker__identities__openid=openid).first()
    assert session is not None, replies
    for letters in await shown_answers(session):
        anxun.clock.advance(seconds=seconds)
        replies.append(await user.say(letters) or "")
    return replies


async def study(anxun: Running, openid: str) -> None:
    for _ in range(2):
        anxun.clock.advance(seconds=90)
        reply = await anxun.user(openid).say("学习")
        assert reply is not None and "今日卡片" in reply, reply


async def history(employee_no: str) -> list[str]:
    """The challenge's steps in the worker's history, in order."""
    rows = await WorkerEvent.filter(worker__employee_no=employee_no).order_by("id")
    return [e.kind for e in rows if e.kind.startswith("challenge_")]


async def enrollment(campaign_id: int) -> Enrollment:
    return await Enrollment.get(campaign_id=campaign_id, worker__employee_no=WORKER)


async def challenged(anxun: Running) -> int:
    """Bind the worker and both leaders; the worker studies, then answers like a script."""
    await bind(anxun, "o-w", WORKER)
    await bind(anxun, "o-lead", LEADER)
    await bind(anxun, "o-other", OTHER_LEADER)
    campaign_id = await create_gas_campaign(anxun, supervisor=LEADER)
    await study(anxun, "o-w")
    replies = await quiz(anxun, "o-w", seconds=0)
    assert "答对 3/3 题" in replies[-1] and "全部学习要求" not in replies[-1]
    assert (await enrollment(campaign_id)).status == "enrolled"  # waiting for the challenge
    challenge = await StandinChallenge.get(worker__employee_no=WORKER)
    assert challenge.status == "armed" and challenge.reasons[0]["code"] == "too_fast"
    score = await RiskScore.get(worker__employee_no=WORKER)
    assert score.score >= 0.6 and score.key.startswith("quiz:")
    return campaign_id


async def test_confirmed_challenge_round_trip(anxun: Running, sim) -> None:
    campaign_id = await challenged(anxun)
    user = anxun.user("o-w")

    # the next session opens with the challenge, asked again until the photo comes
    prompt = await user.say("学习")
    assert prompt is not None and "现场核验" in prompt and "15 分钟" in prompt
    assert "现场核验" in (await user.say("答题") or "")
    assert (await StandinChallenge.get(worker__employee_no=WORKER)).status == "asked"

    # the photo goes to the leader with the reasons, as a customer-service news message
    received = await user.image(PHOTO, "MEDIA-1")
    assert received is not None and "已转给班组长" in received
    sent = await eventually(lambda: sim.sent("/custom/send", touser="o-lead"))
    article = sent[0].body["news"]["articles"][0]
    assert article["picurl"] == PHOTO and article["url"] == PHOTO
    assert "于江（HQ0005）" in article["title"]
    assert "答得比读完题目还快" in article["description"]
    assert "确认 HQ0005" in article["description"]
    assert not sim.sent("/custom/send", touser="o-other")  # tf-2's leader is not asked
    again = await user.image(PHOTO + "1")
    assert again is not None and "无需重发" in again

    # completions still wait, whatever the worker does meanwhile
    await study(anxun, "o-w")
    assert (await enrollment(campaign_id)).status == "enrolled"

    # the leader confirms: the held completion is made, the worker is told
    reply = await anxun.user("o-lead").say("确认 hq0005")
    assert reply is not None and "已确认 于江（HQ0005）" in reply
    done = await enrollment(campaign_id)
    assert done.status == "complete" and done.completed_identity_level == 1
    told = await eventually(lambda: sim.sent("/custom/send", touser="o-w"))
    assert "现场核验已通过" in told[-1].body["text"]["content"]
    challenge = await StandinChallenge.get(worker__employee_no=WORKER)
    assert (challenge.status, challenge.decided_by) == ("confirmed", LEADER)
    assert challenge.open_for is None
    assert challenge.photo_url == PHOTO and challenge.photo_media == "MEDIA-1"
    assert await history(WORKER) == [
        "challenge_raised",
        "challenge_asked",
        "challenge_photo",
        "challenge_confirmed",
    ]
    event = await WorkerEvent.get(worker__employee_no=WORKER, kind="challenge_confirmed")
    assert event.actor == LEADER and event.data["completed"] == [campaign_id]
    # decided: the next session is an ordinary one, and a second decision finds nothing
    assert "今日卡片" in (await user.say("学习") or "")
    assert "没有待处理" in (await anxun.user("o-lead").say("确认 HQ0005") or "")


async def test_rejected_challenge_voids_the_window_until_the_worker_redoes_it(
    anxun: Running, sim
) -> None:
    campaign_id = await challenged(anxun)
    await anxun.user("o-w").say("学习")
    await anxun.user("o-w").image(PHOTO)
    reply = await anxun.user("o-lead").say("驳回 HQ0005 不是本人")
    assert reply is not None and "已驳回 于江（HQ0005）" in reply and "重新学习" in reply
    challenge = await StandinChallenge.get(worker__employee_no=WORKER)
    assert challenge.status == "rejected"
    told = await eventually(lambda: sim.sent("/custom/send", touser="o-w"))
    assert "现场核验未通过" in told[-1].body["text"]["content"]
    assert (await history(WORKER))[-1] == "challenge_rejected"

    # what was read and answered in the window no longer counts: one quiz is not enough
    anxun.clock.advance(minutes=5)
    replies = await quiz(anxun, "o-w", seconds=25)
    assert "全部学习要求" not in replies[-1]
    assert (await enrollment(campaign_id)).status == "enrolled"
    # re-reading the cards, themselves, completes it
    anxun.clock.advance(minutes=5)
    await anxun.user("o-w").say("学习")
    anxun.clock.advance(seconds=90)
    last = await anxun.user("o-w").say("学习")
    assert last is not None and "全部学习要求" in last
    assert (await enrollment(campaign_id)).status == "complete"


async def test_a_completion_made_in_the_rejected_window_is_taken_back(anxun: Running) -> None:
    await bind(anxun, "o-w", WORKER)
    await bind(anxun, "o-lead", LEADER)
    campaign_id = await create_gas_campaign(anxun, supervisor=LEADER)
    await study(anxun, "o-w")
    await quiz(anxun, "o-w", seconds=25)  # at a person's pace: complete, nothing raised
    assert (await enrollment(campaign_id)).status == "complete"
    assert not await StandinChallenge.exists()
    anxun.clock.advance(minutes=10)
    await quiz(anxun, "o-w", seconds=0)  # then a script: 3 of the window's 6 answers too fast
    assert not await StandinChallenge.exists()
    await quiz(anxun, "o-w", seconds=0)  # 6 of 9: armed
    assert (await StandinChallenge.get(worker__employee_no=WORKER)).status == "armed"
    reply = await anxun.user("o-lead").say("驳回 HQ0005")  # the leader decides before asking
    assert reply is not None and "已驳回" in reply
    assert (await enrollment(campaign_id)).status == "enrolled"
    event = await WorkerEvent.get(worker__employee_no=WORKER, kind="challenge_rejected")
    assert event.data["taken_back"] == [campaign_id] and event.data["was"] == "armed"
