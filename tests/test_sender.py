"""The sender's reaction to each class of WeChat error, against the simulator's injected faults."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest

from bot.keys import SCHEDULER
from bot.outbox import Sender
from bot.storage.models import Delivery
from content.loader import load_enterprise
from tests.conftest import TZ, Running, age_contacts, create_gas_campaign, eventually

pytestmark = pytest.mark.storage

W1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")
TEMPLATE = "/cgi-bin/message/template/send"


async def push_one(anxun: Running) -> Delivery:
    """Bind one worker, push the day's message to them, and wait for the first attempt to end."""
    await anxun.user("o-w1").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    campaign_id = await create_gas_campaign(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    await age_contacts(anxun)  # no customer-service window: the push is a template message
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 1

    async def settled() -> Delivery | None:
        row = await Delivery.get(kind="daily_push")
        return row if row.status != "sending" and row.attempts >= 1 else None

    result: Delivery = await eventually(settled)
    return result


async def test_recipient_errors_drop_without_retry(anxun: Running, sim) -> None:
    sim.inject(TEMPLATE, 43004, times=-1)  # the worker unfollowed
    row = await push_one(anxun)
    assert row.status == "dropped" and row.attempts == 1 and "43004" in row.last_error
    anxun.clock.advance(hours=2)
    assert await Sender(anxun.services).run_once() == 0  # nothing left to claim
    assert len([r for r in sim.log if r.path == TEMPLATE]) == 1


async def test_configuration_errors_fail_loudly(anxun: Running, sim) -> None:
    sim.inject(TEMPLATE, 40037, times=-1)  # invalid template_id
    row = await push_one(anxun)
    assert row.status == "failed" and row.attempts == 1 and "40037" in row.last_error


async def test_quota_pauses_for_an_hour_or_so(anxun: Running, sim) -> None:
    sim.inject(TEMPLATE, 45009)
    row = await push_one(anxun)
    assert row.status == "pending" and row.attempts == 1
    wait = row.next_attempt_at - anxun.clock.now()
    assert timedelta(minutes=29) < wait <= timedelta(hours=1)


async def test_transient_errors_back_off_then_send(anxun: Running, sim) -> None:
    sim.inject(TEMPLATE, -1)  # system busy, once
    row = await push_one(anxun)
    assert row.status == "pending" and row.next_attempt_at > anxun.clock.now()
    assert row.next_attempt_at - anxun.clock.now() <= timedelta(seconds=2)
    anxun.clock.advance(seconds=3)
    anxun.services.wake_sender()
    sent = await eventually(lambda: Delivery.filter(kind="daily_push", status="sent").first())
    assert sent.attempts == 2 and sent.last_error == ""
    assert len(sim.sent(TEMPLATE, touser="o-w1")) == 1


async def test_an_invalid_token_is_refreshed_within_the_same_attempt(anxun: Running, sim) -> None:
    sim.inject(TEMPLATE, 40001)
    row = await push_one(anxun)
    assert row.status == "sent" and row.attempts == 1
    refreshes = [
        r for r in sim.log if r.path.endswith("stable_token") and r.body.get("force_refresh")
    ]
    assert len(refreshes) == 1


async def test_a_timeout_is_retried(start_anxun: Callable[..., Awaitable[Running]], sim) -> None:
    anxun = await start_anxun(wechat={"timeout_s": 0.2})
    sim.inject(TEMPLATE, 0, delay=0.5)
    row = await push_one(anxun)
    assert row.status == "pending" and "TimeoutError" in row.last_error
