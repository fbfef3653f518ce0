"""Access tokens: one refresher for many readers, and a token fetched earlier never replaces a
token fetched later."""

from __future__ import annotations

import asyncio
from collections import Counter

import aiohttp
import pytest

from bot.storage import kv
from bot.wechat.client import WeChatClient
from tests.conftest import Running

pytestmark = pytest.mark.storage


async def test_many_readers_share_one_fetch(anxun: Running, sim) -> None:
    wechat = anxun.services.wechat
    assert wechat is not None
    account = anxun.config.account("mine")
    assert account is not None
    sim.inject("/cgi-bin/stable_token", 0, delay=0.2)  # a slow fetch: readers pile up behind it
    tokens = await asyncio.gather(*(wechat.token(account) for _ in range(20)))
    assert len(set(tokens)) == 1
    assert len([r for r in sim.log if r.path == "/cgi-bin/stable_token"]) == 1


async def test_an_older_token_never_replaces_a_newer_one(anxun: Running) -> None:
    wechat = anxun.services.wechat
    assert wechat is not None
    account = anxun.config.account("mine")
    assert account is not None
    # a refresher asked at t=200 and stored its token; one that asked at t=100 answers late
    assert await wechat.remember(account.appid, "newer", 7200, stamp=200) == "newer"
    assert await wechat.remember(account.appid, "older", 7200, stamp=100) == "newer"
    assert await wechat.token(account) == "newer"
    assert wechat._local_token(account) == "newer"  # the Redis-down fallback agrees
    # and a later fetch does replace it
    assert await wechat.remember(account.appid, "newest", 7200, stamp=300) == "newest"
    assert await wechat.token(account) == "newest"


async def test_a_refresh_after_a_token_error_is_forced_once(anxun: Running, sim) -> None:
    wechat = anxun.services.wechat
    assert wechat is not None
    sim.inject("/cgi-bin/menu/create", 40001)
    await wechat.menu.create("mine", {"button": [{"type": "click", "name": "学习", "key": "S"}]})
    fetches = [r for r in sim.log if r.path == "/cgi-bin/stable_token"]
    assert [bool(r.body.get("force_refresh")) for r in fetches] == [False, True]
    cached = await anxun.services.redis.get(kv.key("token", "wxtestappid000001"))
    assert cached is not None and cached.endswith(fetches[-1].answer["access_token"])


async def test_two_processes_share_one_refresh_when_the_token_expires_mid_send(
    anxun: Running, sim
) -> None:
    """Two senders (separate clients and HTTP sessions, sharing only Redis, as two processes
    do) are mid-fan-out when WeChat expires the token: one refresh, every send succeeds, none
    fails twice."""
    second_session = aiohttp.ClientSession()
    try:
        first = anxun.services.wechat
        assert first is not None
        second = WeChatClient(
            anxun.config.wechat, anxun.config.accounts, anxun.services.redis, second_session
        )
        payload = {"template_id": "TPL_DAILY", "data": {"first": {"value": "x"}}}
        await first.message.template("mine", {**payload, "touser": "warm"})
        await second.message.template("mine", {**payload, "touser": "warm2"})
        sim.expire_tokens()  # WeChat invalidates the token between two sends
        before = len(sim.log)
        results = await asyncio.gather(
            *(
                client.message.template("mine", {**payload, "touser": f"u{i}-{n}"})
                for i, client in enumerate((first, second))
                for n in range(20)
            )
        )
        assert all(r["errcode"] == 0 for r in results)
        after = sim.log[before:]
        assert len([r for r in after if r.path == "/cgi-bin/stable_token"]) == 1
        refused = Counter(
            r.body["touser"] for r in after if r.answer.get("errcode") in (40001, 42001)
        )
        assert max(refused.values(), default=0) <= 1  # no send failed twice
    finally:
        await second_session.close()
