"""A stand-in challenge nobody answers is reported, never confirmed by the clock; and only the
worker's own leaders may decide it, with a clear reply for every other attempt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.storage.models import Alert, Enrollment, StandinChallenge, WorkerEvent
from scheduler.service import SCHEDULER
from tests.conftest import Running, eventually
from tests.test_standin_challenge import (
    LEADER,
    OTHER_LEADER,
    PHOTO,
    WORKER,
    bind,
    challenged,
    history,
)

pytestmark = pytest.mark.storage


@pytest.fixture
async def anxun(start_anxun: Callable[..., Awaitable[Running]]) -> Running:
    return await start_anxun(standin={"enabled": True})


async def test_a_photo_not_sent_in_time_is_reported_and_waits_for_the_leader(
    anxun: Running, sim
) -> None:
    campaign_id = await challenged(anxun)
    assert "现场核验" in (await anxun.user("o-w").say("学习") or "")
    scheduler = anxun.app[SCHEDULER]
    anxun.clock.advance(minutes=2)
    await scheduler.sync()
    assert (await StandinChallenge.get(worker__employee_no=WORKER)).status == "asked"
    assert "13 分钟" in (await anxun.user("o-w").say("答题") or "")  # the time left

    anxun.clock.advance(minutes=14)
    await scheduler.sync()  # past the deadline: expired and reported, not confirmed
    challenge = await StandinChallenge.get(worker__employee_no=WORKER)
    assert challenge.status == "expired" and challenge.open_for is not None
    report = await eventually(lambda: sim.sent("/custom/send", touser="o-lead"))
    text = report[0].body["text"]["content"]
    assert "现场核验超时" in text and "15 分钟" in text and "答得比读完题目还快" in text
    assert await Alert.filter(kind="standin_expired").count() == 1
    await scheduler.sync()  # a second tick reports nothing twice
    assert len(sim.sent("/custom/send", touser="o-lead")) == 1

    # the worker goes on studying; nothing completes until the leader decides
    assert "今日卡片" in (await anxun.user("o-w").say("学习") or "")
    status = (await Enrollment.get(campaign_id=campaign_id, worker__employee_no=WORKER)).status
    assert status == "enrolled"

    # a day on, the leader who has not decided is reminded, once
    anxun.clock.advance(hours=24)
    await scheduler.sync()
    await scheduler.sync()
    reminders = await eventually(
        lambda: [
            r
            for r in sim.sent("/message/template/send", touser="o-lead")
            + sim.sent("/custom/send", touser="o-lead")
            if "待处理" in str(r.body)
        ]
    )
    assert len(reminders) == 1
    assert (await history(WORKER))[-2:] == ["challenge_expired", "challenge_reminded"]

    # a late photo still reaches the leader, who then decides
    late = await anxun.user("o-w").image(PHOTO)
    assert late is not None and "已转给班组长" in late
    event = await WorkerEvent.get(worker__employee_no=WORKER, kind="challenge_photo")
    assert event.data["late"] is True
    assert "已确认" in (await anxun.user("o-lead").say("确认 HQ0005") or "")
    status = (await Enrollment.get(campaign_id=campaign_id, worker__employee_no=WORKER)).status
    assert status == "complete"


async def test_only_the_worker_s_own_leaders_decide(anxun: Running) -> None:
    await challenged(anxun)
    await bind(anxun, "o-peer", "HQ0006")  # a colleague in the same team, not a leader
    other = await anxun.user("o-other").say("确认 HQ0005")
    assert other is not None and "不在您管理的班组" in other
    peer = await anxun.user("o-peer").say("驳回 HQ0005")
    assert peer is not None and "只有班组长" in peer
    usage = await anxun.user("o-lead").say("确认")
    assert usage is not None and "格式" in usage
    unknown = await anxun.user("o-lead").say("确认 HQ9999")
    assert unknown is not None and "找不到工号为 HQ9999" in unknown
    nothing = await anxun.user("o-lead").say("确认 HQ0006")
    assert nothing is not None and "没有待处理" in nothing
    assert (await StandinChallenge.get(worker__employee_no=WORKER)).status == "armed"
    assert not await WorkerEvent.filter(kind__in=("challenge_confirmed", "challenge_rejected"))


async def test_a_photo_nobody_asked_for_and_one_from_a_stranger(anxun: Running) -> None:
    await bind(anxun, "o-w", WORKER)
    reply = await anxun.user("o-w").image(PHOTO)
    assert reply is not None and "没有需要您拍照核验" in reply
    stranger = await anxun.user("o-nobody").image(PHOTO)
    assert stranger == anxun.services.copy.t("help.unknown")
    assert not await StandinChallenge.exists()


async def test_a_leader_cannot_decide_their_own_challenge(anxun: Running) -> None:
    await bind(anxun, "o-lead", LEADER)
    reply = await anxun.user("o-lead").say(f"确认 {LEADER}")
    assert reply is not None and "不能处理自己的现场核验" in reply
    assert OTHER_LEADER != LEADER
