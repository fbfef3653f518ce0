"""The contact policy every worker-facing nudge goes through (the daily push, the reminder,
催学): quiet hours and the worker's shift defer a nudge to the first allowed moment; one a local
day and `weekly_cap` in any 7 days bound it (the decisions: bot/delivery/rules/contact.py).

Invariant: a worker never has two nudge rows for one local day — a unique (worker, nudge_day)
index refuses the second whatever the race — and the cap is decided while the workers' rows are
locked (FOR UPDATE on PostgreSQL; SQLite has one writer), so concurrent deciders, restarts and
catch-ups cannot pass it. The sender asks `send_at` as it sends: a row whose day has no allowed
moment left expires rather than arrive at night or on another day.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.delivery.channels import AUTO
from bot.delivery.rules.contact import WEEK, plan, sendable
from bot.people.rules.hours import Window, parse_window
from bot.storage.models import Campaign, Delivery, Worker, WorkerShift

log = logging.getLogger(__name__)

CHUNK = 500  # workers decided (and locked) per transaction
NUDGE_KINDS = ("daily_push", "reminder", "urge")


@dataclass
class Nudge:
    """One message a worker may get, as its decider wants it."""

    worker_id: int
    key: str
    kind: str
    account: str
    payload: dict[str, Any]
    campaign_id: int | None = None
    last_day: date | None = None  # a campaign's deadline: never land after it


@dataclass
class Outcome:
    """What became of each nudge, by worker: now | deferred | day_taken | capped | no_window |
    too_late | duplicate (its key was decided before)."""

    by_worker: dict[int, str] = field(default_factory=dict)
    # the moment each written nudge goes (local time)
    at: dict[int, datetime] = field(default_factory=dict)

    def count(self, *outcomes: str) -> int:
        return sum(1 for o in self.by_worker.values() if o in outcomes)

    @property
    def written(self) -> list[int]:
        return [w for w, o in self.by_worker.items() if o in ("now", "deferred")]


async def windows(
    services: Services, enterprise: str, worker_ids: Iterable[int]
) -> dict[int, list[Window]]:
    """Each worker's blocked windows: the enterprise's quiet hours and the worker's shift."""
    quiet = parse_window(services.config.contact.rules(enterprise).quiet_hours, "quiet_hours")
    ids = list(worker_ids)
    result: dict[int, list[Window]] = {w: [quiet] if quiet else [] for w in ids}
    for worker_id, hours in await WorkerShift.filter(worker_id__in=ids).values_list(
        "worker_id", "hours"
    ):
        try:
            shift = parse_window(str(hours), "shift")
        except ValueError as err:  # written past the admin API's check: ignore, loudly
            log.warning("worker %s: shift ignored: %s", worker_id, err)
            continue
        if shift is not None:
            result[int(worker_id)].append(shift)
    return result


async def _taken(worker_ids: list[int], today: date) -> dict[int, set[date]]:
    """Nudge days already held near `today`, per worker: every 7-day span a new nudge (today
    or, deferred, tomorrow) falls in."""
    rows = await Delivery.filter(
        worker_id__in=worker_ids,
        nudge_day__gte=today - timedelta(days=WEEK),
        nudge_day__lte=today + timedelta(days=WEEK + 1),
    ).values_list("worker_id", "nudge_day")
    taken: dict[int, set[date]] = {w: set() for w in worker_ids}
    for worker_id, day in rows:
        taken[int(worker_id)].add(day)
    return taken


After = Callable[[Outcome], Awaitable[None]]


async def enqueue_nudges(
    services: Services, enterprise: str, nudges: list[Nudge], after: After | None = None
) -> Outcome:
    """Decide and write `nudges` (one per worker) under the policy. `after` runs inside each
    chunk's transaction with that chunk's outcome, so a decider's own bookkeeping (reminders
    counted, a leader's 催学 recorded) commits with the rows or not at all."""
    outcome = Outcome()
    for start in range(0, len(nudges), CHUNK):
        chunk = nudges[start : start + CHUNK]
        for attempt in (1, 2):
            try:
                part = await _decide(services, enterprise, chunk, after)
                break
            except IntegrityError:
                # another decider (another process on SQLite) took a day in between: decide
                # again, now seeing its row
                if attempt == 2:
                    raise
        outcome.by_worker.update(part.by_worker)
        outcome.at.update(part.at)
    if outcome.written:
        services.wake_sender()
    return outcome


async def _decide(
    services: Services, enterprise: str, chunk: list[Nudge], after: After | None
) -> Outcome:
    rules = services.config.contact.rules(enterprise)
    now = services.clock.local_now()
    ids = sorted({n.worker_id for n in chunk})
    outcome = Outcome()
    async with in_transaction():
        # the cap counts rows of other days: hold the workers while deciding (no-op on SQLite)
        await Worker.filter(id__in=ids).select_for_update().order_by("id").values_list("id")
        known = set(
            await Delivery.filter(key__in=[n.key for n in chunk]).values_list("key", flat=True)
        )
        taken = await _taken(ids, now.date())
        spans = await windows(services, enterprise, ids)
        rows = []
        for nudge in chunk:
            if nudge.key in known:
                outcome.by_worker[nudge.worker_id] = "duplicate"
                continue
            decided = plan(
                now,
                spans[nudge.worker_id],
                taken[nudge.worker_id],
                rules.weekly_cap,
                nudge.last_day,
            )
            outcome.by_worker[nudge.worker_id] = decided.outcome
            if decided.at is None or decided.day is None:
                continue
            taken[nudge.worker_id].add(decided.day)
            outcome.at[nudge.worker_id] = decided.at
            rows.append(_row(services, nudge, decided.at, decided.day))
        if rows:
            await Delivery.bulk_create(rows)
        if after is not None:
            await after(outcome)
    return outcome


def _row(services: Services, nudge: Nudge, at: datetime, day: date) -> Delivery:
    return Delivery(
        key=nudge.key,
        kind=nudge.kind,
        account=nudge.account,
        openid="",
        channel=AUTO,
        payload=nudge.payload,
        campaign_id=nudge.campaign_id,
        worker_id=nudge.worker_id,
        next_attempt_at=at.astimezone(UTC),  # SQLite compares the stored text
        created_at=services.clock.now(),
        nudge_day=day,
    )


async def send_at(services: Services, row: Delivery) -> datetime | None:
    """As the sender is about to send nudge row `row` (which it holds): now (UTC) if it may go,
    else the later moment it may go (the row was put back until then, its day moved when that
    moment falls on another day), or None when no day can take it (the row was left alone: the
    caller expires it)."""
    assert row.nudge_day is not None and row.worker_id is not None
    account = services.config.account(row.account)
    enterprise = account.enterprise if account is not None else ""
    now = services.clock.local_now()
    spans = (await windows(services, enterprise, [row.worker_id]))[row.worker_id]
    at = sendable(now, row.nudge_day, spans)
    if at == now:
        return now.astimezone(UTC)
    if at is None:  # its day is over (a sender down, retries or a quota pause into the night)
        return await _move(services, enterprise, row, now, spans)
    await _put_back(row, at, row.nudge_day, "quiet hours or the worker's shift")
    return at.astimezone(UTC)


async def _move(
    services: Services, enterprise: str, row: Delivery, now: datetime, spans: list[Window]
) -> datetime | None:
    """Move a nudge whose day is over to the next day the policy allows it, if any."""
    cap = services.config.contact.rules(enterprise).weekly_cap
    worker_id, day = row.worker_id, row.nudge_day
    assert worker_id is not None and day is not None
    async with in_transaction():
        await Worker.filter(id=worker_id).select_for_update().values_list("id")
        taken = (await _taken([worker_id], now.date()))[worker_id] - {day}
        last_day: date | None = None
        if row.campaign_id is not None and row.kind != "urge":
            campaign = await Campaign.get_or_none(id=row.campaign_id)
            last_day = campaign.deadline if campaign is not None else None
        decided = plan(now, spans, taken, cap, last_day)
        if decided.at is None or decided.day is None:
            return None
        await _put_back(row, decided.at, decided.day, f"moved from {day}")
    return decided.at.astimezone(UTC)


async def _put_back(row: Delivery, at: datetime, day: date, reason: str) -> None:
    """Return a held row to pending until `at` on `day`, spending no attempt."""
    await Delivery.filter(
        id=row.id, status="sending", attempts=row.attempts
    ).update(
        status="pending",
        attempts=row.attempts - 1,
        claimed_until=None,
        next_attempt_at=at.astimezone(UTC),  # SQLite compares the stored text
        nudge_day=day,
        last_error=reason[:255],
    )
