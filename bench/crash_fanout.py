"""Crash test: kill -9 the sender at random points of a fan-out, restart it, and count what was
lost and what was sent twice.

    python -m bench.crash_fanout [--workers 10000] [--crashes 5] [--concurrency 8] [--db-url URL]

One daily push per worker is written to the outbox (as the scheduler writes it: addressed to
the worker, the channel chosen at send time). Half the workers wrote to the account within the
last 48 hours, so their push goes as a customer-service message (WeChat does not deduplicate
those); the others get a template message with `client_msg_id` (WeChat drops a resend). The
WeChat simulator runs in this process and logs every request. `anxun serve` runs as a child
process and is killed with SIGKILL `--crashes` times, each time after a random number of sends,
then restarted; the last run goes to the end.

Printed: sends per second, requests WeChat received, messages delivered (unique per worker),
resends WeChat dropped (template), duplicates a worker saw (customer service), and lost pushes.
The pass figure (RELIABILITY.md): 0 lost; duplicates no more than the sends in flight per crash
(`--concurrency`); 0 where WeChat deduplicates. It prints the figures and exits non-zero when
the pass figure is not met, so CI can run it with small numbers (tests/test_crash_fanout.py).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.harness import free_port, prepare, seed_pushes, start, stop, wait_up, write_config
from bot.simulator import WeChatSimulator

TEMPLATE = "/cgi-bin/message/template/send"
CUSTOM = "/cgi-bin/message/custom/send"


async def statuses(db_url: str) -> dict[str, int]:
    from bot.storage import db
    from bot.storage.models import Delivery

    await db.open_db(db_url)
    try:
        rows = await Delivery.all().values_list("status", flat=True)
        return dict(Counter(str(s) for s in rows))
    finally:
        await db.close_db()


def requests(sim: WeChatSimulator) -> list[Any]:
    return [r for r in sim.log if r.path in (TEMPLATE, CUSTOM) and r.answer.get("errcode") == 0]


async def run(
    workers: int, crashes: int, concurrency: int, db_url: str | None = None, seed_value: int = 1
) -> dict[str, Any]:
    rng = random.Random(seed_value)
    with tempfile.TemporaryDirectory(prefix="anxun-crash-") as tmp_name:
        tmp = Path(tmp_name)
        db_url = db_url or f"sqlite://{tmp}/anxun.db"
        async with WeChatSimulator() as sim:
            config_path, account, _ = await prepare(tmp, workers, db_url, "memory://", sim.base_url)
            pushes = await seed_pushes(db_url, account.name)
            port = free_port()
            extra = f"[sender]\nconcurrency = {concurrency}\nlease_s = 2\npoll_interval_s = 0.2\n"
            extra += "[scheduler]\nenabled = false\n"
            # the real clock may be in quiet hours: keep the policy's checks, not its windows
            extra += '[contact]\nquiet_hours = ""\n'
            write_config(config_path, port, db_url, "memory://", sim.base_url, extra=extra)
            argv = [sys.executable, "-m", "bot.cli", "serve", "--config", str(config_path)]
            started = time.monotonic()
            kills = []
            for crash in range(crashes + 1):
                proc = await start(argv, tmp / f"anxun-{crash}.log")
                await wait_up(f"http://127.0.0.1:{port}/wx/{account.name}", proc)
                if crash == crashes:
                    break
                before = len(requests(sim))
                target = before + rng.randint(max(1, pushes // 20), max(2, pushes // 6))
                # poll the log the child process fills over HTTP
                while len(requests(sim)) < target and len(requests(sim)) < pushes:  # noqa: ASYNC110
                    await asyncio.sleep(0.002)
                proc.kill()  # SIGKILL: no cleanup, rows stay claimed until their lease ends
                await proc.wait()
                kills.append(len(requests(sim)))
            deadline, last, idle_since = time.monotonic() + 600, -1, time.monotonic()
            while time.monotonic() < deadline:
                delivered = {r.body["touser"] for r in sim.delivered()}
                if len(delivered) >= pushes:
                    break
                if len(sim.log) == last:  # no progress for a while: stop waiting
                    if time.monotonic() - idle_since > 30:
                        break
                else:
                    last, idle_since = len(sim.log), time.monotonic()
                await asyncio.sleep(0.2)
            elapsed = time.monotonic() - started
            await asyncio.sleep(1)  # let the last row updates land
            await stop(proc)
            accepted = requests(sim)
            custom_seen = Counter(r.body["touser"] for r in sim.sent(CUSTOM))
            template_seen = Counter(r.body["touser"] for r in sim.sent(TEMPLATE))
            result = {
                "pushes": pushes,
                "crashes": len(kills),
                "killed_after_requests": kills,
                "seconds": round(elapsed, 1),
                "requests": len(accepted),
                "delivered": len({r.body["touser"] for r in sim.delivered()}),
                "template_resends_dropped_by_wechat": sum(
                    1 for r in accepted if r.path == TEMPLATE and r.answer.get("duplicate")
                ),
                "template_duplicates_seen": sum(n - 1 for n in template_seen.values()),
                "custom_duplicates_seen": sum(n - 1 for n in custom_seen.values()),
                "statuses": await statuses(db_url),
            }
    result["lost"] = result["pushes"] - result["delivered"]
    result["allowed_duplicates"] = concurrency * result["crashes"]
    result["passed"] = (
        result["lost"] == 0
        and result["template_duplicates_seen"] == 0
        and result["custom_duplicates_seen"] <= result["allowed_duplicates"]
        and set(result["statuses"]) == {"sent"}
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=10000)
    parser.add_argument("--crashes", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    result = asyncio.run(run(args.workers, args.crashes, args.concurrency, args.db_url, args.seed))
    for key, value in result.items():
        print(f"{key:36} {value}")
    print(f"{'sends per second':36} {result['requests'] / max(result['seconds'], 0.001):.0f}")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
