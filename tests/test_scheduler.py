"""Step 4 in detail: jobs rebuilt from the database, catch-up after downtime, once per day."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest

from bot.storage.models import Delivery, Enrollment, JobRun
from content.loader import load_enterprise
from scheduler.service import SCHEDULER, push_job_id
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.test_walking_skeleton import answer_quiz

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
GAS = [r for r in ROSTER.values() if r.job == "gas_inspector" and r.department == "tf-1"]


async def bind(anxun: Running, openid: str, row) -> None:
    reply = await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def test_jobs_are_rebuilt_from_the_database_at_start(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    first = await start_anxun()
    await bind(first, "o-w1", GAS[0])
    campaign_id = await create_gas_campaign(first, push_time="08:00")
    await first.stop()  # a restart: nothing survives in memory

    second = await start_anxun()
    scheduler = second.app[SCHEDULER]
    job = scheduler.job(push_job_id(campaign_id))
    assert job is not None and job.args == (campaign_id,)
    seven = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
    assert scheduler.next_fire(campaign_id, seven) == datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    # the job APScheduler would run at 08:00 is the campaign's push
    second.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await job.func(*job.args) == 1
    await eventually(lambda: sim.delivered("o-w1"))


async def test_a_restart_after_the_push_time_catches_up_once(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    first = await start_anxun()
    await bind(first, "o-w1", GAS[0])
    campaign_id = await create_gas_campaign(first, push_time="08:00")
    await first.stop()

    first.clock.set(datetime(2026, 11, 23, 9, 30, tzinfo=TZ))  # down over the push time
    second = await start_anxun()
    await eventually(lambda: sim.delivered("o-w1"))
    assert await JobRun.filter(key=f"push:{campaign_id}:2026-11-23").count() == 1
    await second.app[SCHEDULER].sync()  # the periodic resync finds today done
    await second.stop()
    await start_anxun()  # and so does another restart
    assert await Delivery.filter(kind="daily_push").count() == 1


async def test_second_day_push_skips_those_who_completed(anxun: Running, sim) -> None:
    await bind(anxun, "o-w1", GAS[0])
    await bind(anxun, "o-w2", GAS[1])
    campaign_id = await create_gas_campaign(anxun, alert_threshold=0.9)
    scheduler = anxun.app[SCHEDULER]

    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 5, tzinfo=TZ))
    assert await scheduler.fire_push(campaign_id) == 2
    for openid in ("o-w1", "o-w2"):
        await anxun.user(openid).say("学习")
    await anxun.user("o-w1").say("学习")
    await answer_quiz(anxun, "o-w1", wrong_first=False)
    assert (await Enrollment.get(worker__identities__openid="o-w1")).status == "complete"

    anxun.clock.set(datetime(2026, 11, 24, 8, 0, 5, tzinfo=TZ))
    assert await scheduler.fire_push(campaign_id) == 1
    day2 = await eventually(
        lambda: Delivery.filter(key__endswith=":2026-11-24", status="sent").values_list(
            "openid", flat=True
        )
    )
    assert day2 == ["o-w2"]
    card = await anxun.user("o-w2").say("学习")  # day 2 continues where day 1 stopped
    assert card is not None and "今日卡片 2/2" in card


async def test_no_push_outside_the_campaign_dates(anxun: Running) -> None:
    await bind(anxun, "o-w1", GAS[0])
    campaign_id = await create_gas_campaign(anxun, start_date="2026-11-25", deadline="2026-11-26")
    scheduler = anxun.app[SCHEDULER]
    anxun.clock.set(datetime(2026, 11, 24, 8, 0, 5, tzinfo=TZ))
    assert await scheduler.fire_push(campaign_id) == 0
    anxun.clock.set(datetime(2026, 11, 27, 8, 0, 5, tzinfo=TZ))
    assert await scheduler.fire_push(campaign_id) == 0
    anxun.clock.set(datetime(2026, 11, 25, 8, 0, 5, tzinfo=TZ))
    assert await scheduler.fire_push(campaign_id) == 1
