"""Benchmark: the dashboard and the reports of a 20,000-worker campaign on PostgreSQL.

    python -m bench.dashboard [--workers 20000] [--runs 7] [--db-url postgres://…/postgres]

Creates a fresh database on the server of --db-url (dropped afterwards), migrates it, and
bulk-inserts one enterprise: 3 mines × 10 workshops × 5 teams, `--workers` workers, four
accounts' worth of bindings (about 80 % bound), a campaign enrolling everyone with two cards,
reads, finished quizzes and completions spread over a week. Then anxun runs in this process
(scheduler and sender off) and the timings are taken over HTTP on loopback, as a browser or an
inspector's client gets them: the company page, a team page, a worker page, and both xlsx
reports. Prints the median and the slowest of `--runs` runs each (after one warm-up). It
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.clock import ManualClock
from bot.config import parse_config
from bot.storage import db
from bot.storage.models import (
    Campaign,
    Card,
    CardRead,
    Department,
    Enrollment,
    Enterprise,
    Identity,
    Job,
    QuizSession,
    Worker,
)

ADMIN = "bench-admin-token"
START = date(2026, 11, 23)
NOW = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)
BATCH = 2000


async def build(workers: int) -> tuple[int, int]:
    """The enterprise and its campaign; returns (campaign id, a team's department id)."""
    rng = random.Random(13)
    ent = await Enterprise.create(code="bench", name="基准矿业集团")
    job = await Job.create(enterprise=ent, code="gas", name="瓦斯检查工")
    teams: list[int] = []
    for m in range(3):
        mine = await Department.create(
            enterprise=ent, code=f"m{m}", name=f"{m + 1}矿", level="company"
        )
        mine.path = f"/{mine.id}/"
        await mine.save(update_fields=["path"])
        for s in range(10):
            shop = await Department.create(
                enterprise=ent,
                parent=mine,
                code=f"m{m}s{s}",
                name=f"第{s + 1}工区",
                level="workshop",
            )
            shop.path = f"{mine.path}{shop.id}/"
            await shop.save(update_fields=["path"])
            for t in range(5):
                team = await Department.create(
                    enterprise=ent,
                    parent=shop,
                    code=f"m{m}s{s}t{t}",
                    name=f"{t + 1}班",
                    level="team",
                )
                team.path = f"{shop.path}{team.id}/"
                await team.save(update_fields=["path"])
                teams.append(team.id)
    rows = [
        Worker(
            enterprise=ent,
            department_id=teams[i % len(teams)],
            job=job,
            employee_no=f"B{i:06d}",
            name=f"工人{i:05d}",
            id_number_enc="-",
            id_number_hash=f"h{i}",
            id_tail_hash=f"t{i}",
            is_supervisor=i < len(teams),
        )
        for i in range(workers)
    ]
    await Worker.bulk_create(rows, batch_size=BATCH)
    ids = await Worker.filter(enterprise=ent).order_by("id").values_list("id", flat=True)
    supervisor = ids[0]
    campaign = await Campaign.create(
        enterprise=ent,
        name="冬季专项",
        job=job,
        account="bench",
        push_time="08:00",
        start_date=START,
        deadline=START + timedelta(days=14),
        supervisor_id=supervisor,
        alert_threshold=0.8,
    )
    cards = [
        await Card.create(
            enterprise=ent,
            code=f"c{k}",
            title=f"卡片{k}",
            body="…",
            topic="t",
            source="s",
            content_hash=f"{k}",
        )
        for k in range(2)
    ]
    await campaign.cards.add(*cards)
    start = datetime(2026, 11, 23, 1, tzinfo=UTC)
    await Enrollment.bulk_create(
        [Enrollment(campaign=campaign, worker_id=w) for w in ids], batch_size=BATCH
    )
    bound = [w for w in ids if rng.random() < 0.8]
    await Identity.bulk_create(
        [
            Identity(
                worker_id=w,
                account="bench",
                openid=f"o{w}",
                method="roster",
                level=1 + w % 2,
                bound_at=start,
            )
            for w in bound
        ],
        batch_size=BATCH,
    )
    identity = dict(await Identity.all().values_list("worker_id", "id"))
    reads, quizzes, done = [], [], []
    for w in bound:
        for card in cards[: rng.randrange(3)]:
            reads.append(
                CardRead(
                    worker_id=w,
                    card=card,
                    card_version=1,
                    campaign=campaign,
                    identity_id=identity[w],
                    identity_level=1,
                    read_at=start,
                )
            )
        for _ in range(rng.randrange(3)):
            quizzes.append(
                QuizSession(
                    worker_id=w,
                    campaign=campaign,
                    question_ids=[1, 2, 3],
                    position=3,
                    correct=rng.randrange(4),
                    started_at=start,
                    finished_at=start,
                )
            )
        if rng.random() < 0.55:
            done.append((w, start + timedelta(days=rng.randrange(7), hours=rng.randrange(10))))
    await CardRead.bulk_create(reads, batch_size=BATCH)
    await QuizSession.bulk_create(quizzes, batch_size=BATCH)
    for chunk in range(0, len(done), BATCH):
        part = done[chunk : chunk + BATCH]
        for day in {at for _, at in part}:
            await Enrollment.filter(
                campaign=campaign, worker_id__in=[w for w, at in part if at == day]
            ).update(status="complete", completed_at=day, completed_identity_level=1)
    return campaign.id, teams[7]


async def timed(session: aiohttp.ClientSession, url: str, runs: int) -> tuple[float, float, int]:
    headers = {"Authorization": f"Bearer {ADMIN}"}
    seconds = []
    size = 0
    for i in range(runs + 1):
        started = time.perf_counter()
        async with session.get(url, headers=headers) as resp:
            body = await resp.read()
            if resp.status != 200:
                raise SystemExit(f"{url}: {resp.status} {body[:200]!r}")
        if i:  # the first run warms the caches
            seconds.append(time.perf_counter() - started)
        size = len(body)
    return statistics.median(seconds), max(seconds), size


async def breakdown(app: web.Application, campaign: int, runs: int) -> None:
    """Where the workers report's time goes: gathering its rows, and writing the xlsx."""
    from bot.campaigns.reports import header_block, report_rows, report_scope, write_report
    from bot.keys import SERVICES

    services = app[SERVICES]
    gather, write = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            started = time.perf_counter()
            scope = await report_scope(services, campaign, None)
            columns, rows = await report_rows(scope, "workers")
            gathered = time.perf_counter()
            head = header_block(services, scope, "workers")
            write_report(Path(tmp) / "w.xlsx", head, columns, rows)
            gather.append(gathered - started)
            write.append(time.perf_counter() - gathered)
    print(
        f"  of which: rows {statistics.median(gather) * 1000:.0f}ms, "
        f"xlsx {statistics.median(write) * 1000:.0f}ms ({len(rows)} rows, median of {runs})"
    )


async def run(workers: int, runs: int, server_url: str) -> None:
    import asyncpg

    name = f"anxun_bench_{uuid.uuid4().hex[:10]}"
    admin_url = server_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(admin_url)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    url = server_url.rsplit("/", 1)[0] + "/" + name
    try:
        await db.upgrade(url)
        await db.open_db(url)
        started = time.perf_counter()
        campaign, team = await build(workers)
        print(f"built {workers} workers in {time.perf_counter() - started:.1f} s")
        await db.close_db()
        await measure(url, campaign, team, runs)
    finally:
        conn = await asyncpg.connect(admin_url)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


async def measure(url: str, campaign: int, team: int, runs: int) -> None:
    config = parse_config(
        {
            "db": {"url": url},
            "admin": {"token": ADMIN},
            "privacy": {"key": "bench-privacy-key-0123456789abcdefghijkl"},
            "scheduler": {"enabled": False},
            "sender": {"enabled": False},
            "accounts": [
                {
                    "name": "bench",
                    "enterprise": "bench",
                    "appid": "wxbench000000001",
                    "secret": "s",
                    "token": "t",
                    "mode": "plain",
                    "template_id": "TPL",
                }
            ],
        },
        "bench",
        env={},
    )
    app = create_app(config, clock=ManualClock(NOW))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    worker = await Worker.filter(department_id=team).order_by("id").first()
    assert worker is not None
    pages = {
        "company page (/dash)": f"/dash?campaign={campaign}",
        "team page": f"/dash/units/{team}?campaign={campaign}",
        "worker page": f"/dash/workers/{worker.id}?campaign={campaign}",
        "units report (xlsx)": f"/admin/v1/reports/units?campaign={campaign}",
        "workers report (xlsx)": f"/admin/v1/reports/workers?campaign={campaign}",
    }
    try:
        async with aiohttp.ClientSession() as session:
            print(f"{'what':28} {'median':>9} {'slowest':>9} {'bytes':>10}   ({runs} runs)")
            for label, path in pages.items():
                median, slowest, size = await timed(session, base + path, runs)
                print(f"{label:28} {median * 1000:7.0f}ms {slowest * 1000:7.0f}ms {size:10}")
        await breakdown(app, campaign, runs)
    finally:
        await runner.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    if not args.db_url.startswith("postgres"):
        raise SystemExit("--db-url must be a PostgreSQL server URL")
    asyncio.run(run(args.workers, args.runs, args.db_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
