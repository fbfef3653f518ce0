"""Fixtures: each test builds its own app through create_app, against the WeChat simulator.

Storage is the embedded default (a fresh SQLite file, in-process fakeredis) unless
ANXUN_TEST_DB_URL (a PostgreSQL server URL) and/or ANXUN_TEST_REDIS_URL are set, as .ci/run does.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from aiohttp import web

from bot.app import create_app
from bot.clock import ManualClock
from bot.config import Config, parse_config
from bot.context import Services
from bot.keys import SERVICES
from bot.simulator import FakeUser, WeChatSimulator
from bot.simulator.seed import load_sample
from bot.storage import db

TZ = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("ANXUN_TEST_DB_URL", "")
REDIS_URL = os.environ.get("ANXUN_TEST_REDIS_URL", "")


def _own_redis_db(url: str, worker: str) -> str:
    """Under pytest-xdist each worker process flushes a Redis database of its own: the given
    one for gw0, the ones below it for gw1, gw2, …"""
    if not url or not worker.startswith("gw"):
        return url
    base, _, number = url.rpartition("/")
    return f"{base}/{int(number or 0) - int(worker[2:])}"


REDIS_URL = _own_redis_db(REDIS_URL, os.environ.get("PYTEST_XDIST_WORKER", ""))
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
AES_KEY_2 = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj"
ADMIN_TOKEN = "test-admin-token"


def pytest_report_header() -> list[str]:
    return [
        f"anxun storage: db={'postgres' if PG_URL else 'sqlite'} redis={REDIS_URL or 'memory://'}"
    ]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 23, 7, 0, tzinfo=TZ))


@pytest.fixture
async def sim() -> AsyncIterator[WeChatSimulator]:
    async with WeChatSimulator() as simulator:
        yield simulator


async def _pg_database() -> tuple[str, Callable[[], Awaitable[None]]]:
    import asyncpg

    name = f"anxun_test_{uuid.uuid4().hex[:12]}"
    admin_url = PG_URL.rsplit("/", 1)[0] + "/postgres"
    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()

    async def drop() -> None:
        conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()

    return PG_URL.rsplit("/", 1)[0] + "/" + name, drop


@pytest.fixture
async def db_url(tmp_path: Any) -> AsyncIterator[str]:
    if not PG_URL:
        yield f"sqlite://{tmp_path}/anxun.db"
        return
    url, drop = await _pg_database()
    yield url
    await drop()


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    if not REDIS_URL:
        yield "memory://"
        return
    import redis.asyncio as redis

    client = redis.Redis.from_url(REDIS_URL)
    await client.flushdb()
    await client.aclose()
    yield REDIS_URL


def make_config(db_url: str, redis_url: str, api_base: str, **overrides: Any) -> Config:
    raw: dict[str, Any] = {
        "db": {"url": db_url},
        "redis": {"url": redis_url},
        "wechat": {"api_base": api_base, "wecom_api_base": api_base, "timeout_s": 2.0},
        "admin": {"token": ADMIN_TOKEN},
        "privacy": {"key": "test-privacy-key-0123456789abcdefghij"},
        "sender": {"poll_interval_s": 0.05},
        # tests answer at machine speed on a stopped clock: stand-in risk would challenge every
        # one of them; tests/test_standin_*.py turn it on
        "standin": {"enabled": False},
        "accounts": [
            {
                "name": "mine",
                "enterprise": "hongqiao",
                "appid": "wxtestappid000001",
                "secret": "s3cret",
                "token": "tok",
                "encoding_aes_key": AES_KEY,
                "mode": "safe",
                "template_id": "TPL_DAILY",
            },
            {
                "name": "compatmine",
                "enterprise": "hongqiao",
                "appid": "wxtestappid000003",
                "secret": "s3cret3",
                "token": "tok3",
                "encoding_aes_key": AES_KEY,
                "mode": "compatible",
                "template_id": "TPL_DAILY",
            },
            {
                "name": "plainmine",
                "enterprise": "hongqiao",
                "appid": "wxtestappid000002",
                "secret": "s3cret2",
                "token": "tok2",
                "mode": "plain",
                "template_id": "TPL_DAILY",
            },
            {
                "name": "minework",
                "kind": "wecom",
                "enterprise": "hongqiao",
                "appid": "wwtestcorp0000001",
                "agent_id": 1000002,
                "secret": "app-secret",
                "token": "tok4",
                "encoding_aes_key": AES_KEY,
            },
            {  # another enterprise's account: see tests/test_tenants.py
                "name": "othermine",
                "enterprise": "lijing",
                "appid": "wxothermine000001",
                "secret": "s3cret6",
                "token": "tok6",
                "encoding_aes_key": AES_KEY_2,
                "mode": "safe",
                "template_id": "TPL_OTHER",
            },
            {
                "name": "mineapp",
                "kind": "miniapp",
                "enterprise": "hongqiao",
                "appid": "wxminiapp00000001",
                "secret": "app-secret-5",
                "subscribe_template_id": "SUB_DAILY",
                "subscribe_fields": {"campaign": "thing1", "deadline": "date2", "hint": "thing3"},
            },
        ],
    }
    for section, values in overrides.items():
        raw[section] = {**raw.get(section, {}), **values} if isinstance(values, dict) else values
    return parse_config(raw, "test", env={})


@dataclass
class Running:
    app: web.Application
    base_url: str
    session: aiohttp.ClientSession
    config: Config
    clock: ManualClock

    runner: web.AppRunner | None = None

    @property
    def services(self) -> Services:
        return self.app[SERVICES]

    async def stop(self) -> None:
        """Shut this instance down as a restart would (the next start reuses its storage)."""
        await self.session.close()
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None

    def user(self, openid: str, account: str = "mine") -> FakeUser:
        acct = self.config.account(account)
        assert acct is not None
        return FakeUser(self.session, self.base_url, acct, openid, clock=self.clock)

    async def admin(self, method: str, path: str, json: Any = None) -> tuple[int, Any]:
        return await self.api(method, path, json, token=ADMIN_TOKEN)

    async def api(
        self, method: str, path: str, json: Any = None, token: str | None = None
    ) -> tuple[int, Any]:
        """A JSON call as a client makes it: status and decoded body."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with self.session.request(
            method, self.base_url + path, json=json, headers=headers
        ) as r:
            return r.status, await r.json()


@pytest.fixture
async def start_anxun(
    db_url: str, redis_url: str, sim: WeChatSimulator, clock: ManualClock, tmp_path: Any
) -> AsyncIterator[Callable[..., Awaitable[Running]]]:
    stack: list[Running] = []

    async def start(**overrides: Any) -> Running:
        server = {"spool_dir": str(tmp_path / "spool"), **overrides.pop("server", {})}
        config = make_config(db_url, redis_url, sim.base_url, server=server, **overrides)
        await db.upgrade(config.db.url)  # the shipped migrations, as production runs them
        app = create_app(config, clock=clock)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            await load_sample(app[SERVICES].privacy)
        except BaseException:
            await runner.cleanup()  # an open database would hang the interpreter's exit
            raise
        running = Running(
            app, f"http://127.0.0.1:{port}", aiohttp.ClientSession(), config, clock, runner
        )
        stack.append(running)
        return running

    yield start
    for running in reversed(stack):
        await running.stop()


@pytest.fixture
async def anxun(start_anxun: Callable[..., Awaitable[Running]]) -> Running:
    return await start_anxun()


GAS_SPEC: dict[str, Any] = {
    "enterprise": "hongqiao",
    "name": "瓦斯检查工冬季专项",
    "job": "gas_inspector",
    "account": "mine",
    "push_time": "08:00",
    "start_date": "2026-11-23",
    "deadline": "2026-12-07",
    "supervisor": "HQ0001",
    "alert_threshold": 0.25,
    "cards": ["gi-card-01", "gi-card-02"],
}


async def create_gas_campaign(anxun: Running, **overrides: Any) -> int:
    """The admin API creates a campaign for the sample mine's gas inspectors; returns its id."""
    spec = {**GAS_SPEC, **overrides}
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 201, body
    return int(body["id"])


async def age_contacts(anxun: Running, days: int = 3) -> None:
    """Move every identity's last contact `days` back: WeChat's 48-hour customer-service window
    is closed, so pushes go as template (or subscribe) messages."""
    from bot.storage.models import Identity

    await Identity.all().update(last_contact_at=anxun.clock.now() - timedelta(days=days))


async def eventually(check: Callable[[], Any], within: float = 5.0) -> Any:
    """Wait for an outcome produced by a background loop (the sender), failing after `within` s.

    `check` returns the outcome, or an awaitable of it (a database query)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
