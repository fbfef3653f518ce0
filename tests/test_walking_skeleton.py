"""The whole slice over HTTP: bind in chat, admin creates a campaign, the scheduler pushes at the
push time, workers study and answer, completion, and the supervisor's alert — callbacks in,
simulator log out, with a controlled clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.storage.models import Answer, CardRead, Delivery, Enrollment, QuizSession
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.quizzes import shown_answer

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}


def team(dept: str, job: str) -> list:
    return [r for r in ROSTER.values() if r.department == dept and r.job == job]


async def bind(anxun: Running, openid: str, employee_no: str) -> str | None:
    row = ROSTER[employee_no]
    return await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")


async def answer_quiz(anxun: Running, openid: str, wrong_first: bool) -> list[str]:
    user = anxun.user(openid)
    replies = [await user.say("答题")]
    session = await QuizSession.filter(finished_at=None, worker__identities__openid=openid).first()
    assert session is not None
    for i in range(len(session.question_ids)):
        replies.append(
            await user.say(await shown_answer(session, i, right=not (wrong_first and i == 0)))
        )
    return replies


async def test_campaign_end_to_end(anxun: Running, sim) -> None:
    sup_no = "HQ0001"
    w1, w2 = team("tf-1", "gas_inspector")[:2]

    # 2. binding: a welcome on follow, a wrong attempt with a clear reply, then success
    welcome = await anxun.user("o-w1").event("subscribe")
    assert welcome is not None and "绑定" in welcome
    wrong = await anxun.user("o-w1").say(f"绑定 {w1.name} 000000")
    assert wrong is not None and "不符" in wrong and "4 次" in wrong
    ok = await bind(anxun, "o-w1", w1.employee_no)
    assert ok is not None and "绑定成功" in ok and "瓦斯检查工" in ok
    assert "绑定成功" in (await bind(anxun, "o-w2", w2.employee_no) or "")
    assert "绑定成功" in (await bind(anxun, "o-sup", sup_no) or "")

    # 3. the admin creates a campaign for one job
    campaign_id = await create_gas_campaign(anxun, supervisor=sup_no)
    _, body = await anxun.admin("GET", f"/admin/v1/campaigns/{campaign_id}")
    assert body["enrolled"] == len([r for r in ROSTER.values() if r.job == "gas_inspector"])

    # 4. at the push time the scheduler writes one row per enrolled, bound worker; sent once
    scheduler = anxun.app[SCHEDULER]
    fire_at = scheduler.next_fire(campaign_id, datetime(2026, 11, 23, 7, 0, tzinfo=TZ))
    assert fire_at == datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    assert sim.delivered() == []  # nothing before the push time
    anxun.clock.set(fire_at + timedelta(seconds=1))
    assert await scheduler.fire_push(campaign_id) == 2
    pushes = await eventually(lambda: len(sim.delivered()) == 2 and sim.delivered())
    assert {p.body["touser"] for p in pushes} == {"o-w1", "o-w2"}
    # they bound an hour ago: WeChat's 48-hour window is open, so a customer-service message
    assert {p.path for p in pushes} == {"/cgi-bin/message/custom/send"}
    assert all("瓦斯检查工冬季专项" in p.body["text"]["content"] for p in pushes)
    assert await scheduler.fire_push(campaign_id) == 0  # a second firing the same day
    assert await Delivery.filter(kind="daily_push").count() == 2
    await eventually(lambda: all(p.answer for p in sim.log))  # nothing in flight
    sent = await Delivery.filter(kind="daily_push", status="sent")
    assert {(d.channel, d.openid) for d in sent} == {("custom", "o-w1"), ("custom", "o-w2")}
    assert all(d.key.startswith(f"push:{campaign_id}:") for d in sent)
    assert len([r for r in sim.log if r.body and "text" in r.body]) == 2

    # 5. study and quiz, one question at a time, with feedback and a score
    user = anxun.user("o-w1")
    card1 = await user.say("学习")
    assert card1 is not None and "今日卡片 1/2" in card1
    card2 = await user.say("学习")
    assert card2 is not None and "今日卡片 2/2" in card2
    replies = await answer_quiz(anxun, "o-w1", wrong_first=True)
    assert "第1/3题" in replies[0]
    assert "回答错误" in replies[1] and "解析" in replies[1] and "第2/3题" in replies[1]
    assert "回答正确" in replies[2]
    assert "答对 2/3 题" in replies[3] and "全部学习要求" in replies[3]
    assert await Answer.filter(worker__employee_no=w1.employee_no, identity_level=1).count() == 3
    assert await CardRead.filter(worker__employee_no=w1.employee_no, identity_level=1).count() == 2

    # 6. completion; no message to the leader per completion (the digest and the escalation
    # speak for the team, tests/test_leaders.py), who asks for the team's progress in chat
    enrollment = await Enrollment.get(campaign_id=campaign_id, worker__employee_no=w1.employee_no)
    assert enrollment.status == "complete" and enrollment.completed_identity_level == 1
    await anxun.user("o-w2").say("学习")
    await anxun.user("o-w2").say("学习")
    await answer_quiz(anxun, "o-w2", wrong_first=False)
    summary = await anxun.user("o-sup").say("班组进度")
    assert summary is not None and "瓦斯检查一班" in summary and "完成 2/8（25%）" in summary
    assert sim.delivered("o-sup") == []
    _, report = await anxun.admin("GET", f"/admin/v1/campaigns/{campaign_id}")
    assert report["complete"] == 2
