"""Access tokens: one refresher for many readers, and a token fetched earlier never replaces a
token fetched later."""

from __future__ import annotations

import asyncio

import pytest

from bot import kv
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
