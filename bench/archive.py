"""Benchmark: the 学时 rule and the personal archive at scale.

    python -m bench.archive [--workers 1000] [--records 120] [--db URL (default: a new SQLite file)]

Prints: the pure 学时 rule over 100,000 worker-days of 20 events; appending `records` synthetic
records to each of `workers` chains (entries a second), a rerun that finds nothing new, and
`archive verify` over every chain (chains a second). Nothing here is on the quiz-answer path:
the archive is filled by the nightly job and before exports.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from bot.clock import Clock
from bot.learning import archive
from bot.learning.archive_sources import Record
from bot.learning.rules.hours import HoursRule, StudyEvent, active_seconds
from bot.people.privacy import Privacy
from bot.simulator.seed import load_sample
from bot.storage import db
from bot.storage.models import Worker

T0 = datetime(2026, 11, 23, tzinfo=UTC)


def bench_rule(days: int = 100_000) -> None:
    rng = random.Random(7)
    rule = HoursRule()
    batches = []
    for _ in range(days):
        t, events = T0, []
        for n in range(20):
            t += timedelta(seconds=rng.expovariate(1 / 45))
            events.append(
                StudyEvent(rng.choice(("read", "answer", "exam")), n, t, rng.choice((1, 2, 3)))
            )
        batches.append(events)
    start = time.perf_counter()
    for events in batches:
        active_seconds(events, rule, [])
    took = time.perf_counter() - start
    print(f"hours rule: {days} worker-days of 20 events in {took:.2f} s ({days / took:,.0f}/s)")


def made(w: int, records: int) -> list[Record]:
    return [
        Record(w, f"bench:{w}:{n}", "answer", T0 + timedelta(minutes=n), {"q": n, "ok": True})
        for n in range(records)
    ]


async def bench_chain(url: str, workers: int, records: int) -> None:
    await db.upgrade(url)
    await db.open_db(url)
    try:
        ent = await load_sample(Privacy("bench-privacy-key-0123456789abcdefghij"))
        model = await Worker.filter(enterprise=ent).first()
        assert model is not None
        have = await Worker.filter(enterprise=ent).count()
        await Worker.bulk_create(
            [
                Worker(
                    enterprise_id=ent.id,
                    department_id=model.department_id,
                    job_id=model.job_id,
                    employee_no=f"B{n:06d}",
                    name=f"工{n}",
                    id_number_enc="",
                    id_number_hash=f"h{n}",
                    id_tail_hash=f"t{n}",
                )
                for n in range(have, workers)
            ]
        )
        ids = list(await Worker.filter(enterprise=ent).limit(workers).values_list("id", flat=True))
        services = SimpleNamespace(clock=Clock())
        start = time.perf_counter()
        added = 0
        for w in ids:
            found = [
                Record(
                    w, f"bench:{w}:{n}", "answer", T0 + timedelta(minutes=n), {"q": n, "ok": True}
                )
                for n in range(records)
            ]
            added += await archive.append(services, w, found)  # type: ignore[arg-type]
        took = time.perf_counter() - start
        print(
            f"append: {added} entries for {len(ids)} workers in {took:.1f} s "
            f"({added / took:,.0f}/s)"
        )
        start = time.perf_counter()
        again = 0
        for w in ids[:100]:
            again += await archive.append(services, w, made(w, records))  # type: ignore[arg-type]
        print(f"rerun of 100 workers: {again} added in {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        checked, findings = await archive.verify(ids)
        took = time.perf_counter() - start
        print(
            f"verify: {checked} chains, {len(findings)} problems, {took:.1f} s "
            f"({checked / took:,.0f} chains/s)"
        )
    finally:
        await db.close_db()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1000)
    parser.add_argument("--records", type=int, default=120)
    parser.add_argument("--db", default="", help="an empty database (default: a new SQLite file)")
    args = parser.parse_args()
    bench_rule()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite://{Path(tmp) / 'archive-bench.db'}"
        asyncio.run(bench_chain(url, args.workers, args.records))


if __name__ == "__main__":
    main()
