"""The sender's reaction to each class of WeChat error, against the simulator's injected faults."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest

from bot.delivery.outbox import delivery, enqueue
from bot.delivery.sender import Sender
from bot.storage.models import Delivery, Identity, Worker
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import PG_URL, TZ, Running, age_contacts, create_gas_campaign, eventually

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


async def test_quota_pauses_the_channel_until_midnight_without_a_hot_loop(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    # no quiet hours: the quota resets at midnight, and the pushes it held go then (moved to
    # the new day, bot/delivery/contact.py); with quiet hours they would wait for their end
    anxun = await start_anxun(sender={"concurrency": 4}, contact={"quiet_hours": ""})
    now = anxun.clock.now()
    workers = await Worker.filter(job__code="gas_inspector")
    for w in workers:  # 16 bound workers whose window is closed: template messages
        await Identity.create(
            worker=w,
            account="mine",
            openid=f"o-{w.employee_no}",
            method="roster",
            level=1,
            bound_at=now,
            last_contact_at=now - timedelta(days=3),
        )
    sim.inject(TEMPLATE, 45009, after=5, times=-1)  # the daily quota ends after 5 sends
    campaign_id = await create_gas_campaign(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == len(workers)

    async def settled() -> list[Delivery] | None:
        rows = await Delivery.filter(kind="daily_push")
        due = [r for r in rows if r.status == "pending" and r.next_attempt_at <= anxun.clock.now()]
        return None if due or any(r.status == "sending" for r in rows) else rows

    rows = await eventually(settled)
    await asyncio.sleep(0.3)  # give a hot loop, if there were one, time to show itself
    calls = [r for r in sim.log if r.path == TEMPLATE]
    assert len(calls) <= 5 + 4  # the quota, plus at most the sends already in flight
    waiting = [r for r in rows if r.status == "pending"]
    assert len(waiting) == len(workers) - 5
    midnight = datetime(2026, 11, 24, 0, 0, tzinfo=TZ)
    assert all(midnight < r.next_attempt_at < midnight + timedelta(minutes=6) for r in waiting)
    assert all(r.attempts == 0 for r in waiting)  # waiting for quota costs no attempt

    sim.faults.clear()  # the quota resets at midnight
    anxun.clock.set(midnight + timedelta(minutes=6))
    anxun.services.wake_sender()

    async def all_sent() -> bool:
        return await Delivery.filter(kind="daily_push", status="sent").count() == len(workers)

    await eventually(all_sent)
    delivered = [r.body["touser"] for r in sim.sent(TEMPLATE)]
    assert sorted(delivered) == sorted(f"o-{w.employee_no}" for w in workers)  # each once


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


@pytest.mark.parametrize("mode", ["reset", "truncated", "html"])
async def test_broken_answers_are_retried_with_backoff(anxun: Running, sim, mode: str) -> None:
    sim.inject(TEMPLATE, mode=mode)  # once: the connection drops / half a body / a 502 page
    row = await push_one(anxun)
    assert row.status == "pending" and row.attempts == 1
    assert timedelta(0) < row.next_attempt_at - anxun.clock.now() <= timedelta(seconds=2)
    anxun.clock.advance(seconds=3)
    anxun.services.wake_sender()
    sent = await eventually(lambda: Delivery.filter(kind="daily_push", status="sent").first())
    assert sent.attempts == 2
    assert len(sim.sent(TEMPLATE, touser="o-w1")) == 1


async def test_refusing_recipients_are_marked_and_the_rest_delivered(anxun: Running, sim) -> None:
    gas = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:4]
    for row in gas:
        await anxun.user(f"o-{row.employee_no}").say(f"绑定 {row.name} {row.id_number[-6:]}")
    await age_contacts(anxun)
    sim.inject(TEMPLATE, 43004)  # the first send: unfollowed
    sim.inject(TEMPLATE, 40003)  # the next: not an openid of this account
    campaign_id = await create_gas_campaign(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 4

    async def settled() -> list[Delivery] | None:
        rows = await Delivery.filter(kind="daily_push")
        return rows if all(r.status in ("sent", "dropped") for r in rows) else None

    rows = await eventually(settled)
    assert sorted(r.status for r in rows) == ["dropped", "dropped", "sent", "sent"]
    assert all(r.attempts == 1 for r in rows)
    assert await Identity.filter(followed=False).count() == 2
    calls = len([r for r in sim.log if r.path == TEMPLATE])
    anxun.clock.advance(hours=3)
    anxun.services.wake_sender()
    await asyncio.sleep(0.3)
    assert len([r for r in sim.log if r.path == TEMPLATE]) == calls  # never retried


async def test_a_row_whose_lease_ran_out_is_not_sent_or_written_twice(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    anxun = await start_anxun(sender={"enabled": False, "lease_s": 5})
    await anxun.user("o-w1").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    await age_contacts(anxun)
    campaign_id = await create_gas_campaign(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    await anxun.app[SCHEDULER].fire_push(campaign_id)
    slow, fast = Sender(anxun.services), Sender(anxun.services)
    batch = await slow.claim_due()  # claimed, then stuck behind slow sends for too long
    anxun.clock.advance(seconds=6)
    assert await fast.run_once() == 1  # the lease ran out: another sender took and sent it
    await slow.send_claimed(batch)  # the first sender finally gets to it
    assert len([r for r in sim.log if r.path == TEMPLATE]) == 1
    row = await Delivery.get(kind="daily_push")
    assert row.status == "sent" and row.attempts == 2


async def test_a_row_that_breaks_the_sender_fails_after_max_attempts(
    start_anxun: Callable[..., Awaitable[Running]],
) -> None:
    anxun = await start_anxun(sender={"enabled": False, "max_attempts": 2})
    broken = delivery(
        anxun.services,
        key="broken",
        kind="daily_push",
        account="mine",
        openid="",
        channel="auto",
        payload={"not": "a notice"},
        worker_id=1,
    )
    await enqueue(anxun.services, [broken])
    sender = Sender(anxun.services)
    assert await sender.run_once() == 1  # no exception escapes the loop
    row = await Delivery.get(key="broken")
    assert row.status == "pending" and "unexpected" in row.last_error
    anxun.clock.advance(minutes=5)
    await sender.run_once()
    assert (await Delivery.get(key="broken")).status == "failed"


async def test_without_redis_one_process_refreshes_once(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    anxun = await start_anxun(redis={"url": "redis://127.0.0.1:1/0"})
    wechat = anxun.services.wechat
    account = anxun.config.account("mine")
    assert wechat is not None and account is not None
    first = await wechat.token(account)
    tokens = await asyncio.gather(*(wechat.token(account, stale=first) for _ in range(10)))
    assert len(set(tokens)) == 1 and tokens[0] != first
    forced = [r for r in sim.log if r.path.endswith("stable_token") and r.body["force_refresh"]]
    assert len(forced) == 1


async def test_concurrent_senders_claim_disjoint_rows(
    start_anxun: Callable[..., Awaitable[Running]],
) -> None:
    anxun = await start_anxun(sender={"enabled": False, "batch_size": 40})
    rows = [
        delivery(
            anxun.services,
            key=f"k{i}",
            kind="alert",
            account="mine",
            openid=f"o{i}",
            channel="custom",
            payload={},
        )
        for i in range(100)
    ]
    await enqueue(anxun.services, rows)
    senders = [Sender(anxun.services) for _ in range(3)]
    batches = await asyncio.gather(*(s.claim_due() for s in senders))
    ids = [row.id for batch in batches for row in batch]
    assert len(ids) == len(set(ids)) >= 40  # no row claimed twice
    assert await Delivery.filter(status="sending").count() == len(ids)
    if PG_URL:  # PostgreSQL skips rows another sender holds: the three take all 100
        assert len(ids) == 100
