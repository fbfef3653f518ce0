"""What the benchmarks share: a generated mine, a config, a migrated database with the sample
loaded, `anxun serve` started and stopped as a child process, and a push per worker in the outbox.

bench/callback.py and bench/crash_fanout.py both build on it; neither imports the other.
"""

from __future__ import annotations

import asyncio
import csv
import shutil
import socket
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from subprocess import DEVNULL
from zoneinfo import ZoneInfo

import aiohttp

from bot.config import AccountConfig, parse_config
from content.loader import SAMPLE_MINE
from content.sample.make_roster import id_number

ROOT = Path(__file__).resolve().parents[1]
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
ADMIN = "bench-admin-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pinned(cpu: int, argv: list[str]) -> list[str]:
    return ["taskset", "-c", str(cpu), *argv] if shutil.which("taskset") else argv


async def wait_up(url: str, proc: asyncio.subprocess.Process, within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if proc.returncode is not None:
                raise SystemExit(f"server exited with {proc.returncode} before it was ready")
            try:
                async with session.get(url) as resp:
                    if resp.status < 500:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"server at {url} not ready in {within}s")


def write_mine(folder: Path, workers: int) -> list[dict[str, str]]:
    """The sample mine's departments with a generated roster: one leader, `workers` inspectors."""
    import random

    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_MINE / "enterprise.toml", folder / "enterprise.toml")
    rng = random.Random(7)
    rows = [
        {
            "employee_no": f"BN{i:05d}",
            "name": f"工人{i:05d}",
            "id_number": id_number(rng),
            "phone": f"1000001{i:04d}",
            "department": "tf-1",
            "job": "team_leader" if i == 0 else "gas_inspector",
            "employment_type": "regular",
            "hire_date": "2015-03-01",
            "supervisor": "1" if i == 0 else "0",
        }
        for i in range(workers + 1)
    ]
    with (folder / "roster.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    return rows


def write_config(
    path: Path, port: int, db_url: str, redis_url: str, api_base: str, extra: str = ""
) -> None:
    """A config for one account ("bench"); `extra` is TOML appended before the account."""
    path.write_text(
        f"""
[server]
port = {port}
spool_dir = "{path.parent / "spool"}"
[db]
url = "{db_url}"
[redis]
url = "{redis_url}"
[wechat]
api_base = "{api_base}"
[admin]
token = "{ADMIN}"
[privacy]
key = "bench-privacy-key-0123456789abcdefghijkl"
{extra}
[[accounts]]
name = "bench"
enterprise = "hongqiao"
appid = "wxbench000000001"
secret = "bench-secret"
token = "benchtoken"
encoding_aes_key = "{AES_KEY}"
mode = "safe"
template_id = "TPL"
""",
        encoding="utf-8",
    )


def account_of(config_path: Path) -> AccountConfig:
    import tomllib

    config = parse_config(tomllib.loads(config_path.read_text("utf-8")), "bench", env={})
    return config.accounts[0]


async def prepare(
    tmp: Path, workers: int, db_url: str, redis_url: str, api_base: str
) -> tuple[Path, AccountConfig, list[dict[str, str]]]:
    """Migrate, load the generated mine and the library, as `anxun db upgrade` + `sample load`."""
    from bot.people.privacy import Privacy
    from bot.simulator.seed import load_sample
    from bot.storage import db

    config_path = tmp / "bench.toml"
    write_config(config_path, 0, db_url, redis_url, api_base)
    rows = write_mine(tmp / "mine", workers)
    await db.upgrade(db_url)
    await db.open_db(db_url)
    try:
        await load_sample(Privacy("bench-privacy-key-0123456789abcdefghijkl"), mine=tmp / "mine")
    finally:
        await db.close_db()
    return config_path, account_of(config_path), rows


async def start(argv: list[str], log: Path) -> asyncio.subprocess.Process:
    with log.open("wb") as sink:  # the child keeps its own descriptor
        return await asyncio.create_subprocess_exec(
            *pinned(0, argv), cwd=ROOT, stdout=DEVNULL, stderr=sink
        )


async def stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 30)


async def seed_pushes(db_url: str, account: str, skip: int = 0, due: datetime | None = None) -> int:
    """An identity per inspector (half of them inside the 48-hour window) and one push each,
    due at `due` (now by default); the first `skip` inspectors are left alone."""
    from bot.delivery.channels import AUTO, Notice
    from bot.storage import db
    from bot.storage.models import Delivery, Identity, Worker

    await db.open_db(db_url)
    try:
        now = datetime.now(UTC)
        workers = (await Worker.filter(job__code="gas_inspector").order_by("id"))[skip:]
        await Identity.bulk_create(
            [
                Identity(
                    worker_id=w.id,
                    account=account,
                    openid=f"o-{w.employee_no}",
                    method="roster",
                    level=1,
                    bound_at=now,
                    last_contact_at=now if i % 2 else now - timedelta(days=3),
                )
                for i, w in enumerate(workers)
            ],
            batch_size=1000,
        )
        notice = Notice("今日安全学习", {"first": "今日安全学习"}, {}).to_json()
        await Delivery.bulk_create(
            [
                Delivery(
                    key=f"push:crash:{w.id}",
                    kind="daily_push",
                    account=account,
                    openid="",
                    channel=AUTO,
                    payload=notice,
                    worker_id=w.id,
                    next_attempt_at=due or now,
                    created_at=now,
                    # a nudge, as daily_push writes it: the sender checks the contact policy
                    nudge_day=(due or now).astimezone(ZoneInfo("Asia/Shanghai")).date(),
                )
                for w in workers
            ],
            batch_size=1000,
        )
        return len(workers)
    finally:
        await db.close_db()
