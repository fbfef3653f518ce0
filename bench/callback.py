"""Benchmark: the quiz-answer callback in safe mode, against a bare aiohttp handler.

    python -m bench.callback [--workers 1000] [--connections 16] [--db-url URL] [--redis-url URL]

What is measured, in one run on this machine:

- anxun: `anxun serve` in its own process pinned to CPU 0, on the embedded defaults (a fresh
  SQLite file, in-process Redis) unless --db-url/--redis-url say otherwise. Each request is a
  worker answering the current question of an open 20-question quiz: a signed, AES-encrypted
  callback with a fresh MsgId and nonce, so the full path runs — freshness, msg_signature,
  decrypt, XML parse, replay and dedup claims, routing, grading, the Answer insert and the quiz
  update, the reply sealed and encrypted. The requests are built before the run and replayed by
  wrk; each worker's answers are spaced `--workers` requests apart, so no two are in flight at
  once and each one lands on an open question.
- bare: a bare aiohttp handler that returns "success", in its own process pinned to CPU 0, on the
  same event loop (uvloop when installed, as for anxun), hit by the same wrk with the same request
  bodies for a fixed time.

wrk (`apt-get install wrk`) runs pinned to CPU 1 with one thread. The figures printed are
requests/s, p50 and p99 latency, peak RSS of the server process (VmHWM), and anxun/bare ratios.
Afterwards the stored answers are counted, so a run where callbacks were refused shows it.
It asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from subprocess import PIPE
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bench.harness import (
    ADMIN,
    free_port,
    pinned,
    prepare,
    seed_pushes,
    start,
    stop,
    wait_up,
    write_config,
)
from bot.clock import Clock
from bot.config import AccountConfig
from bot.simulator import FakeUser, WeChatSimulator

QUIZ = 20

LUA = r"""
-- Replays pre-built requests in order for a fixed time. Running out before the time is up would
-- replay stale requests, so the thread stops and the run is reported as exhausted.
local requests, n, i, loop = {}, 0, 0, os.getenv("BENCH_LOOP") == "1"
init = function(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local tab = line:find("\t", 1, true)
    n = n + 1
    requests[n] = wrk.format("POST", line:sub(1, tab - 1),
      {["Content-Type"] = "text/xml"}, line:sub(tab + 1))
  end
end
request = function()
  i = i + 1
  if i > n then
    if not loop then wrk.thread:stop() end
    i = 1
  end
  return requests[i]
end
done = function(summary, latency, _)
  io.stderr:write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non2xx": %d,' ..
    ' "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""

BARE = r"""
import sys
from aiohttp import web

async def success(request):
    await request.read()
    return web.Response(text="success")

try:  # the same event loop anxun serve uses
    import uvloop
    loop = uvloop.new_event_loop()
except ImportError:
    loop = None

app = web.Application()
app.router.add_post("/wx/{account}", success)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None, loop=loop)
"""


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def open_quizzes(base: str, account: AccountConfig, rows: list[dict[str, str]]) -> None:
    """Over HTTP, as workers would: bind everyone, create the campaign, start each quiz."""
    leader, workers = rows[0], rows[1:]
    limit = asyncio.Semaphore(16)
    async with aiohttp.ClientSession() as session:

        async def say(row: dict[str, str], text: str) -> str | None:
            async with limit:
                user = FakeUser(session, base, account, f"o-{row['employee_no']}")
                return await user.say(text)

        binds = await asyncio.gather(
            *(say(r, f"绑定 {r['name']} {r['id_number'][-6:]}") for r in rows)
        )
        if not all(b and "绑定成功" in b for b in binds):
            failed = next(b for b in binds if not b or "绑定成功" not in b)
            raise SystemExit(f"binding failed: {failed}")
        today = Clock().today().isoformat()  # the server's today (its default timezone)
        spec = {
            "enterprise": "hongqiao",
            "name": "基准测试",
            "job": "gas_inspector",
            "account": "bench",
            "push_time": "23:59",
            "start_date": today,
            "deadline": "2099-12-31",
            "supervisor": leader["employee_no"],
            "questions_per_quiz": QUIZ,
            "quiz_passes_required": 50,
        }
        headers = {"Authorization": f"Bearer {ADMIN}"}
        async with session.post(f"{base}/admin/v1/campaigns", json=spec, headers=headers) as r:
            if r.status != 201:
                raise SystemExit(f"campaign: {r.status} {await r.text()}")
        starts = await asyncio.gather(*(say(r, "答题") for r in workers))
        if not all(s and "第1/" in s for s in starts):
            raise SystemExit(f"quiz start failed: {starts[0]}")


def build_requests(path: Path, account: AccountConfig, rows: list[dict[str, str]]) -> int:
    """One line per answer callback, `path-with-query \\t body`, round-robin over the workers."""
    user = FakeUser(None, "http://unused", account, "")  # type: ignore[arg-type]
    base_id = int(time.time() * 1000) * 1000
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for rnd in range(QUIZ):
            for i, row in enumerate(rows[1:]):
                user.openid = f"o-{row['employee_no']}"
                msg_id = base_id + rnd * 100_000 + i
                body, query = user.envelope(user.text_xml("AB"[i % 2], msg_id=msg_id))
                out.write(f"/wx/bench?{urlencode(query)}\t{body.decode()}\n")
                count += 1
    return count


async def run_wrk(
    url: str, requests: Path, connections: int, loop: bool, seconds: int
) -> dict[str, Any]:
    script = requests.with_suffix(".lua")
    script.write_text(LUA, encoding="utf-8")
    env = {**os.environ, "BENCH_REQUESTS": str(requests), "BENCH_LOOP": "1" if loop else "0"}
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
    proc = await asyncio.create_subprocess_exec(*pinned(1, argv), env=env, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    for line in err.decode().splitlines():
        if line.startswith("{"):
            result: dict[str, Any] = json.loads(line)
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            return result
    raise SystemExit(f"wrk failed: {out.decode()}\n{err.decode()}")


PARKED = datetime(2100, 1, 1, tzinfo=UTC)


async def release(db_url: str) -> None:
    """Make the parked pushes due now: the running sender starts the fan-out."""
    from bot.storage import db
    from bot.storage.models import Delivery

    await db.open_db(db_url)
    try:
        await Delivery.filter(next_attempt_at=PARKED).update(next_attempt_at=datetime.now(UTC))
    finally:
        await db.close_db()


async def count_answers(db_url: str) -> int:
    from bot.storage import db
    from bot.storage.models import Answer

    await db.open_db(db_url)
    try:
        return await Answer.all().count()
    finally:
        await db.close_db()


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured run")
    parser.add_argument("--db-url", default="")
    parser.add_argument("--redis-url", default="memory://")
    parser.add_argument(
        "--fanout",
        type=int,
        default=0,
        help="this many more workers get a daily push that the sender sends during the run",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench/callback.py needs wrk: apt-get install wrk", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="anxun-bench-") as tmp_name:
        tmp = Path(tmp_name)
        db_url = args.db_url or f"sqlite://{tmp}/bench.db"
        async with WeChatSimulator() as sim:
            config_path, account, rows = await prepare(
                tmp, args.workers + args.fanout, db_url, args.redis_url, sim.base_url
            )
            rows = rows[: args.workers + 1]  # the leader and the quiz takers
            if args.fanout:  # pushes parked in the future until the measured run starts
                await seed_pushes(db_url, account.name, skip=args.workers, due=PARKED)
            port = free_port()
            extra = "[sender]\npoll_interval_s = 0.2\n" if args.fanout else ""
            write_config(config_path, port, db_url, args.redis_url, sim.base_url, extra=extra)
            serve = [sys.executable, "-m", "bot.cli", "serve", "--config", str(config_path)]
            server = await start(serve, tmp / "server.log")
            try:
                base = f"http://127.0.0.1:{port}"
                await wait_up(f"{base}/healthz", server)
                await open_quizzes(base, account, rows)
                answers_before = await count_answers(db_url) if args.db_url else 0
                requests_file = tmp / "requests.txt"
                total = build_requests(requests_file, account, rows)
                if args.fanout:
                    await release(db_url)
                sent_before = len(sim.delivered())
                anxun = await run_wrk(
                    f"{base}/wx/bench", requests_file, args.connections, False, args.seconds
                )
                anxun["rss_mb"] = peak_rss_mb(server.pid)
                pushed = len(sim.delivered()) - sent_before
            finally:
                await stop(server)
        stored = await count_answers(db_url) - answers_before

        port = free_port()
        bare_proc = await start([sys.executable, "-c", BARE, str(port)], tmp / "bare.log")
        try:
            await wait_up(f"http://127.0.0.1:{port}/", bare_proc)
            bare = await run_wrk(
                f"http://127.0.0.1:{port}/wx/bench",
                requests_file,
                args.connections,
                True,
                args.seconds,
            )
            bare["rss_mb"] = peak_rss_mb(bare_proc.pid)
        finally:
            await stop(bare_proc)

    if anxun["requests"] > total:
        print(
            f"anxun answered all {total} prepared requests in under {args.seconds}s; "
            "rerun with more --workers so the run measures a full interval",
            file=sys.stderr,
        )
        return 1
    storage = "postgres" if db_url.startswith("postgres") else "sqlite"
    print(f"quiz-answer callback, safe mode, {storage} + {args.redis_url.split('://')[0]} redis")
    print(f"{args.workers} workers x {QUIZ} answers, {args.connections} connections, wrk on CPU 1")
    if args.fanout:
        print(f"fan-out running in the same process: {pushed} of {args.fanout} pushes sent")
    print(
        f"answers stored: {stored} of {anxun['requests']} sent; non-2xx: {anxun['non2xx']}, "
        f"socket errors: {anxun['socket_errors']}"
    )
    print(f"{'':8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'peak RSS MB':>14}")
    for name, r in (("anxun", anxun), ("bare", bare)):
        print(
            f"{name:8}{r['rps']:>10.0f}{r['p50_us'] / 1000:>10.2f}"
            f"{r['p99_us'] / 1000:>10.2f}{r['rss_mb']:>14.1f}"
        )
    print(f"ratio anxun/bare: throughput {anxun['rps'] / bare['rps']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
