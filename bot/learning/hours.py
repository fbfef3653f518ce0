"""学时 ledger: each worker's verified study of a local day credited once, under the rule of
their enterprise (config [hours], bot/learning/rules/hours.py states the rule).

Invariant: HoursCredit rows are only added. The first credit of a (worker, day) is revision 0;
a later recount that differs (a stand-in challenge rejected afterwards voids part of the day)
adds the next revision, the correction. (worker, day, revision) is unique, so two processes
crediting the same day add one row; a day's run is recorded in JobRun (`hours:<ent>:<day>`), so
a rerun or a catch-up after downtime credits nothing twice and skips no day.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError

from bot.context import Services
from bot.storage.models import (
    Answer,
    CardRead,
    Enterprise,
    ExamAnswer,
    HoursCredit,
    JobRun,
    StandinChallenge,
    Worker,
)

from .rules.hours import DayCredit, HoursRule, StudyEvent, active_seconds, hours_for

log = logging.getLogger(__name__)

Void = list[tuple[datetime, datetime]]


def rule_for(services: Services, enterprise_code: str) -> HoursRule:
    return HoursRule(**services.config.hours.rule_values(enterprise_code))


def day_span(services: Services, day: date) -> tuple[datetime, datetime]:
    """A local day (scheduler timezone) as an instant range [start, end)."""
    start = datetime.combine(day, time(0), tzinfo=services.clock.tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=services.clock.tz)
    return start.astimezone(UTC), end.astimezone(UTC)  # SQLite compares the stored text


async def day_events(
    enterprise_id: int, start: datetime, end: datetime, worker_ids: list[int] | None = None
) -> dict[int, list[StudyEvent]]:
    """Every card read, quiz answer and exam answer of the enterprise's workers in [start, end),
    with the identity level each was recorded at and the level its campaign or exam required."""
    who: dict[str, Any] = {} if worker_ids is None else {"worker_id__in": worker_ids}
    found: dict[int, list[StudyEvent]] = defaultdict(list)
    reads = await CardRead.filter(
        read_at__gte=start, read_at__lt=end, worker__enterprise_id=enterprise_id, **who
    ).values_list("id", "worker_id", "read_at", "identity_level", "campaign__min_identity_level")
    answers = await Answer.filter(
        answered_at__gte=start, answered_at__lt=end, worker__enterprise_id=enterprise_id, **who
    ).values_list(
        "id", "worker_id", "answered_at", "identity_level", "session__campaign__min_identity_level"
    )
    exam_who = {} if worker_ids is None else {"attempt__seat__worker_id__in": worker_ids}
    exams = await ExamAnswer.filter(
        answered_at__gte=start,
        answered_at__lt=end,
        attempt__seat__exam__enterprise_id=enterprise_id,
        **exam_who,
    ).values_list(
        "id",
        "attempt__seat__worker_id",
        "answered_at",
        "attempt__identity_level",
        "attempt__seat__exam__min_identity_level",
    )
    for kind, rows in (("read", reads), ("answer", answers), ("exam", exams)):
        for ref, worker_id, at, level, required in rows:
            found[int(worker_id)].append(StudyEvent(kind, ref, at, level, required))
    return found


async def voided(worker_ids: list[int]) -> dict[int, Void]:
    """Windows voided by rejected stand-in challenges, as bot/people/standin.py `hold().void`
    gives them, for many workers in one query."""
    rows = await StandinChallenge.filter(
        worker_id__in=worker_ids, status="rejected", decided_at__not_isnull=True
    ).values_list("worker_id", "since", "decided_at")
    found: dict[int, Void] = defaultdict(list)
    for worker_id, since, decided in rows:
        found[int(worker_id)].append((since, decided))
    return found


def sources_json(credit: DayCredit) -> dict[str, Any]:
    return {**credit.counted, "excluded": {k: v for k, v in credit.excluded.items() if v}}


async def credit_day(
    services: Services,
    enterprise: Enterprise,
    day: date,
    worker_ids: list[int] | None = None,
    correct: bool = False,
) -> int:
    """Credit `day` to the enterprise's workers who studied (revision 0 where none yet); with
    `correct`, add a correction where the recount differs from the standing credit. Returns
    rows added."""
    rule = rule_for(services, enterprise.code)
    start, end = day_span(services, day)
    events = await day_events(enterprise.id, start, end, worker_ids)
    ids = sorted(set(events) | set(worker_ids or []))
    if not ids:
        return 0
    void = await voided(ids)
    standing: dict[int, HoursCredit] = {}
    for row in await HoursCredit.filter(worker_id__in=ids, day=day).order_by("revision"):
        standing[row.worker_id] = row
    added = 0
    for worker_id in ids:
        credit = active_seconds(events.get(worker_id, []), rule, void.get(worker_id, []))
        last = standing.get(worker_id)
        if last is None and credit.seconds == 0:
            continue
        if last is not None and (not correct or _same(last, credit)):
            continue
        try:
            await HoursCredit.create(
                worker_id=worker_id,
                day=day,
                revision=0 if last is None else last.revision + 1,
                seconds=credit.seconds,
                minutes=credit.minutes,
                hours=hours_for(credit.minutes, rule),
                rule=rule.as_json(),
                sources=sources_json(credit),
                reason="daily" if last is None else "correction",
                created_at=services.clock.now(),
            )
            added += 1
        except IntegrityError:
            pass  # another process credited the same revision
    return added


def _same(row: HoursCredit, credit: DayCredit) -> bool:
    return row.seconds == credit.seconds and row.sources == sources_json(credit)


def run_key(enterprise: Enterprise, day: date) -> str:
    return f"hours:{enterprise.code}:{day.isoformat()}"


async def credit_due(services: Services, today: date) -> int:
    """Credit every day up to yesterday not yet run (at most [hours] catch_up_days back), then
    correct the days a stand-in challenge rejected since has voided. Returns rows added."""
    cfg = services.config.hours
    added = 0
    for enterprise in await Enterprise.all().order_by("id"):
        for back in range(cfg.catch_up_days, 0, -1):
            day = today - timedelta(days=back)
            key = run_key(enterprise, day)
            if await JobRun.filter(key=key).exists():
                continue
            rows = await credit_day(services, enterprise, day)
            try:
                await JobRun.create(key=key, ran_at=services.clock.now(), result={"rows": rows})
            except IntegrityError:
                pass  # credited concurrently; its rows were deduplicated by revision
            added += rows
        added += await correct_rejected(services, enterprise, today)
    if added:
        log.info("hours: %d credits added up to %s", added, today - timedelta(days=1))
    return added


async def correct_rejected(services: Services, enterprise: Enterprise, today: date) -> int:
    """Recount the credited days inside windows that recently rejected challenges voided."""
    since = services.clock.now() - timedelta(days=services.config.hours.catch_up_days)
    rows = await StandinChallenge.filter(
        enterprise_id=enterprise.id, status="rejected", decided_at__gte=since
    ).values_list("worker_id", "since", "decided_at")
    added = 0
    for worker_id, start, end in rows:
        tz = services.clock.tz
        day = start.astimezone(tz).date()
        while day <= min(end.astimezone(tz).date(), today - timedelta(days=1)):
            added += await credit_day(services, enterprise, day, [worker_id], correct=True)
            day += timedelta(days=1)
    return added


async def totals(worker: Worker, year: int) -> tuple[float, float]:
    """The worker's standing 学时 in `year` and in all: each day's highest revision."""
    rows = await HoursCredit.filter(worker_id=worker.id).values_list("day", "revision", "hours")
    latest: dict[date, tuple[int, float]] = {}
    for day, revision, hours in rows:
        if day not in latest or revision > latest[day][0]:
            latest[day] = (revision, hours)
    total = sum(h for _, h in latest.values())
    this_year = sum(h for d, (_, h) in latest.items() if d.year == year)
    return round(this_year, 2), round(total, 2)
