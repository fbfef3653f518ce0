"""The 学时 ledger: yesterday credited once from verified activity, a rerun adds nothing, days
missed in downtime are caught up, and a stand-in challenge rejected later corrects a day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.learning import hours
from bot.storage.models import (
    Answer,
    ArchiveEntry,
    CardRead,
    HoursCredit,
    JobRun,
    StandinChallenge,
)
from tests.archive_helpers import campaign, study_day
from tests.conftest import TZ, Running

pytestmark = pytest.mark.storage

DAY = date(2026, 11, 23)


async def test_a_day_is_credited_once_with_its_sources(anxun: Running) -> None:
    await campaign(anxun)
    worker = await study_day(anxun, step_s=40)  # a read, then 3 answers 40 s apart
    read = await CardRead.get(worker_id=worker.id)
    answers = sorted(await Answer.filter(worker_id=worker.id).values_list("id", flat=True))
    anxun.clock.advance(days=1)
    services = anxun.services
    assert await hours.credit_due(services, DAY + timedelta(days=1)) == 1
    credit = await HoursCredit.get(worker_id=worker.id, day=DAY)
    # lead 20 s, reading until the quiz's first answer 80 s, two answers of 40 s
    assert credit.seconds == 20 + 80 + 40 + 40 and credit.minutes == 3
    assert credit.hours == 0.06  # 3 / 45 rounded down to hundredths
    assert credit.sources["read"] == [read.id] and credit.sources["answer"] == answers
    assert credit.rule["minutes_per_hour"] == 45 and credit.revision == 0
    # the job again, and again the next day: nothing new for that day
    assert await hours.credit_due(services, DAY + timedelta(days=1)) == 0
    assert await hours.credit_due(services, DAY + timedelta(days=2)) == 0
    assert await HoursCredit.filter(worker_id=worker.id).count() == 1
    year, total = await hours.totals(worker, 2026)
    assert (year, total) == (0.06, 0.06)


async def test_days_missed_in_downtime_are_caught_up(anxun: Running) -> None:
    await campaign(anxun)
    worker = await study_day(anxun)
    anxun.clock.advance(days=1)
    await study_day(anxun)
    # the server was down for five days: the first run after credits both days
    assert await hours.credit_due(anxun.services, DAY + timedelta(days=6)) == 2
    days = (
        await HoursCredit.filter(worker_id=worker.id).order_by("day").values_list("day", flat=True)
    )
    assert days == [DAY, DAY + timedelta(days=1)]
    assert await JobRun.filter(key__startswith="hours:hongqiao:").count() == 14


async def test_a_rejected_challenge_corrects_the_day_with_a_new_row(anxun: Running) -> None:
    await campaign(anxun)
    start = anxun.clock.now()
    worker = await study_day(anxun)
    anxun.clock.advance(days=1)
    await hours.credit_due(anxun.services, DAY + timedelta(days=1))
    first = await HoursCredit.get(worker_id=worker.id, day=DAY)
    assert first.seconds > 0
    await StandinChallenge.create(
        enterprise_id=worker.enterprise_id,
        worker=worker,
        status="rejected",
        score=0.9,
        since=start,
        raised_at=start,
        decided_at=anxun.clock.now(),
    )
    assert await hours.credit_due(anxun.services, DAY + timedelta(days=1)) == 1
    rows = await HoursCredit.filter(worker_id=worker.id, day=DAY).order_by("revision")
    assert [(r.revision, r.reason, r.hours) for r in rows] == [
        (0, "daily", first.hours),
        (1, "correction", 0.0),
    ]
    assert rows[1].sources["read"] == [] and rows[1].sources["excluded"]["answer"]
    assert await hours.totals(worker, 2026) == (0.0, 0.0)
    assert await hours.credit_due(anxun.services, DAY + timedelta(days=1)) == 0


async def test_the_scheduler_credits_and_archives_once_a_day(anxun: Running) -> None:
    from scheduler.service import ARCHIVE_JOB, SCHEDULER

    await campaign(anxun)
    worker = await study_day(anxun)
    scheduler = anxun.app[SCHEDULER]
    await scheduler.archive_tick()  # before 02:30 of the next day: nothing yet
    assert not await HoursCredit.filter(worker_id=worker.id).exists()
    # the server was down across 02:30; its next tick catches up
    anxun.clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=TZ))
    await scheduler.archive_tick()
    assert scheduler.job(ARCHIVE_JOB) is not None
    assert await HoursCredit.filter(worker_id=worker.id, day=DAY).count() == 1
    entries = await ArchiveEntry.filter(worker_id=worker.id).count()
    assert entries > 0 and await ArchiveEntry.filter(worker_id=worker.id, kind="hours").exists()
    await scheduler.archive_tick()
    assert await scheduler.fire_archive() == 0  # a double fire adds nothing
    assert await ArchiveEntry.filter(worker_id=worker.id).count() == entries
