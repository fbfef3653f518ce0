"""Histories of a backing service failing under quiz traffic, judged by one invariant.

Workers answer their quiz while WeChat retries as it does (an answer that is not a 200 within
its timeout is posted again, up to four attempts) and some answers are posted again later (a
reply lost on the way back), so retries cross both edges of the fault. The service is cut (or
hung) for longer than WeChat's retry window of any one message, then comes back. Afterwards:
every answer a worker sent is stored exactly once, in the order sent; no request got a 5xx;
every message was answered, passively or by push.

They need the real servers (ANXUN_TEST_DB_URL, ANXUN_TEST_REDIS_URL), as .ci/run provides;
the fault is a loopback TCP proxy in front of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
import pytest
import yaml

from bot.chat.keys import BACKGROUND, SPOOL
from bot.simulator import FakeUser
from bot.storage.models import Answer, Delivery, InboundMessage, QuizSession
from content.loader import LIBRARY, load_enterprise
from tests.conftest import PG_URL, REDIS_URL, Running, create_gas_campaign, eventually
from tests.faults import TcpProxy

pytestmark = pytest.mark.storage

WECHAT_TIMEOUT_S = 5.0  # WeChat drops a callback that has not answered by then
RETRY_GAP_S = 0.3  # compressed: WeChat retries about 5 s apart
BUDGET_MS = 800


def _single_and_judge(job: str = "gas_inspector") -> list[str]:
    items = yaml.safe_load((LIBRARY / "questions" / f"{job}.yaml").read_text(encoding="utf-8"))
    return [q["id"] for q in items if q["type"] in ("single", "judge")]


@dataclass
class Platform:
    """WeChat's side of the history: what was sent, what came back."""

    statuses: list[int | str] = field(default_factory=list)
    replied: set[str] = field(default_factory=set)  # message keys answered with a passive reply
    sent: dict[str, list[str]] = field(default_factory=dict)  # openid -> choices, in order
    keys: list[str] = field(default_factory=list)

    async def attempt(self, user: FakeUser, xml: str, key: str) -> bool:
        try:
            reply = await asyncio.wait_for(user.post(*user.envelope(xml)), WECHAT_TIMEOUT_S)
        except (TimeoutError, aiohttp.ClientError) as err:
            self.statuses.append(type(err).__name__)
            return False
        self.statuses.append(reply.status)
        if reply.status == 200 and reply.text:
            self.replied.add(key)
        return reply.status == 200

    async def deliver(self, user: FakeUser, xml: str, key: str) -> None:
        """One message as WeChat delivers it: up to four attempts."""
        for _ in range(4):
            if await self.attempt(user, xml, key):
                return
            await asyncio.sleep(RETRY_GAP_S)

    async def worker(
        self, user: FakeUser, msg_ids: list[int], rng: random.Random, echoes: list[asyncio.Task]
    ) -> None:
        for msg_id in msg_ids:
            choice = rng.choice("AB")
            xml = user.text_xml(choice, msg_id=msg_id)
            key = f"msg:mine:{msg_id}"
            self.sent.setdefault(user.openid, []).append(choice)
            self.keys.append(key)
            await self.deliver(user, xml, key)
            # the reply to some attempt was lost on the way back: WeChat posts it again later
            echo = self.attempt(user, xml, key)
            echoes.append(asyncio.create_task(_later(rng.uniform(0.2, 2.5), echo)))
            await asyncio.sleep(rng.uniform(0.1, 0.4))


async def _later(delay: float, what: Awaitable[bool]) -> None:
    await asyncio.sleep(delay)
    await what


async def _quiz_takers(anxun: Running, count: int) -> list[FakeUser]:
    await create_gas_campaign(anxun, questions=_single_and_judge(), questions_per_quiz=20)
    roster = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:count]
    users = []
    for n, person in enumerate(roster):
        user = anxun.user(f"o-out-{n}")
        assert "绑定成功" in (await user.say(f"绑定 {person.name} {person.id_number[-6:]}") or "")
        assert "第1/20题" in (await user.say("答题") or "")
        users.append(user)
    return users


async def _settled(anxun: Running) -> None:
    """Wait until nothing is left in flight: no spooled message, no late handler."""
    spool = anxun.app[SPOOL]

    async def idle() -> bool:
        return not anxun.app[BACKGROUND] and await asyncio.to_thread(spool.size) == 0

    await eventually(idle, within=60)


async def _check_invariant(anxun: Running, platform: Platform, users: list[FakeUser]) -> None:
    assert not [s for s in platform.statuses if isinstance(s, int) and s >= 500]
    for user in users:
        session = await QuizSession.get(worker__identities__openid=user.openid)
        stored = await Answer.filter(session=session).order_by("position")
        assert [a.position for a in stored] == list(range(len(stored)))
        assert [a.shown for a in stored] == platform.sent[user.openid], user.openid
    stored_keys = set(
        await InboundMessage.filter(key__in=platform.keys).values_list("key", flat=True)
    )
    assert stored_keys == set(platform.keys)
    pushed = {
        k.removeprefix("late:")
        for k in await Delivery.filter(kind="late_reply").values_list("key", flat=True)
    }
    unanswered = [k for k in platform.keys if k not in platform.replied and k not in pushed]
    assert not unanswered, "messages the worker never heard back about"


async def _history(
    anxun: Running, users: list[FakeUser], fault: Callable[[], None], heal: Callable[[], None]
) -> Platform:
    platform, echoes = Platform(), []
    rng = random.Random(20261203)
    ids = iter(range(7_000_000, 8_000_000))
    traffic = [
        asyncio.create_task(platform.worker(u, [next(ids) for _ in range(12)], rng, echoes))
        for u in users
    ]
    await asyncio.sleep(1.0)
    fault()
    await asyncio.sleep(3 * (BUDGET_MS / 1000 + RETRY_GAP_S) + 1.5)  # past any one retry window
    heal()
    await asyncio.gather(*traffic)
    await asyncio.gather(*echoes)
    await _settled(anxun)
    return platform


async def _proxied(configured: str, url: str, what: str) -> AsyncIterator[tuple[TcpProxy, str]]:
    if not configured:
        pytest.skip(f"needs {what}, as .ci/run provides")
    proxy, through = await TcpProxy.for_url(url)
    yield proxy, through
    await proxy.close()


@pytest.fixture
async def db_proxy(db_url: str) -> AsyncIterator[tuple[TcpProxy, str]]:
    async for pair in _proxied(PG_URL, db_url, "PostgreSQL (ANXUN_TEST_DB_URL)"):
        yield pair


@pytest.fixture
async def redis_proxy(redis_url: str) -> AsyncIterator[tuple[TcpProxy, str]]:
    async for pair in _proxied(REDIS_URL, redis_url, "Redis (ANXUN_TEST_REDIS_URL)"):
        yield pair


@pytest.mark.parametrize("how", ["down", "hung"])
async def test_database_outage_loses_and_doubles_nothing(
    start_anxun: Callable[..., Awaitable[Running]], db_proxy: tuple[TcpProxy, str], how: str
) -> None:
    proxy, url = db_proxy
    anxun = await start_anxun(db={"url": url}, server={"callback_budget_ms": BUDGET_MS})
    users = await _quiz_takers(anxun, 6)
    fault = proxy.cut if how == "down" else proxy.pause
    platform = await _history(anxun, users, fault, proxy.resume)
    await _check_invariant(anxun, platform, users)
    assert len(platform.keys) == 72


async def test_redis_outage_loses_and_doubles_nothing(
    start_anxun: Callable[..., Awaitable[Running]], redis_proxy: tuple[TcpProxy, str]
) -> None:
    proxy, url = redis_proxy
    anxun = await start_anxun(redis={"url": url}, server={"callback_budget_ms": BUDGET_MS})
    users = await _quiz_takers(anxun, 6)
    platform = await _history(anxun, users, proxy.cut, proxy.resume)
    await _check_invariant(anxun, platform, users)


@contextlib.asynccontextmanager
async def _write_lock(db_url: str) -> AsyncIterator[None]:
    """Another client holds the inbox table: the callback's transaction waits on it."""
    if db_url.startswith("sqlite://"):
        lock = sqlite3.connect(db_url.removeprefix("sqlite://"), isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            lock.execute("COMMIT")
            lock.close()
        return
    import asyncpg

    conn = await asyncpg.connect(db_url.replace("postgres://", "postgresql://", 1))
    try:
        async with conn.transaction():
            await conn.execute("LOCK TABLE inboundmessage IN ACCESS EXCLUSIVE MODE")
            yield
    finally:
        await conn.close()


async def test_a_process_that_dies_after_success_is_finished_by_the_next(
    start_anxun: Callable[..., Awaitable[Running]], db_url: str, sim
) -> None:
    """WeChat does not retry after "success": the message must outlive the process."""
    server = {"callback_budget_ms": 300, "spool_drain_s": 60.0}  # only the restart drains
    anxun = await start_anxun(server=server)
    [user] = await _quiz_takers(anxun, 1)
    async with _write_lock(db_url):
        reply = await user.post(*user.envelope(user.text_xml("B", msg_id=8_100_001)))
        assert (reply.status, reply.raw) == (200, "success")
        assert await asyncio.to_thread(anxun.app[SPOOL].size) == 1
        for task in list(anxun.app[BACKGROUND]):  # the process dies: its handler never commits
            task.cancel()
        await anxun.stop()

    again = await start_anxun(server={**server, "spool_drain_s": 0.1})
    await _settled(again)
    [answer] = await Answer.all()
    assert (answer.position, answer.shown) == (0, "B")
    late = await eventually(lambda: sim.sent("/custom/send", touser=user.openid))
    assert "第2/20题" in late[-1].body["text"]["content"]
