"""Async WeChat API client (aiohttp): transport and access tokens. The API areas live in
bot/wechat/api/ (message, menu, qrcode, wecom, miniapp), reached as `client.message.template(…)`.

Every URL is built from `wechat.api_base` (`wechat.wecom_api_base` for WeCom), every call has a
timeout. Official accounts and mini-programs get tokens from `stable_token`, WeCom apps from
`gettoken`; one refresher at a time per account under a Redis lock, readers only read, and a
token fetched earlier never replaces one fetched later. After 40001/40014/42001 the token is
refreshed once and the call retried once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from typing import Any

import aiohttp
import redis.asyncio as redis
from redis.exceptions import WatchError

from bot.config import AccountConfig, WeChatConfig
from bot.errors import WeChatAPIError
from bot.storage import kv
from bot.wechat.api.menu import MenuAPI
from bot.wechat.api.message import MessageAPI
from bot.wechat.api.miniapp import MiniProgramAPI
from bot.wechat.api.qrcode import QRCodeAPI
from bot.wechat.api.wecom import WeComAPI
from bot.wechat.errors import Reaction, reaction

log = logging.getLogger(__name__)

LOCK_MS = 10_000


def _stamp_of(cached: str | bytes) -> int:
    stamp, _, _ = str(cached).partition(":")
    return int(stamp) if stamp.isdigit() else 0


def _token_of(cached: str | bytes | None) -> str | None:
    """Cached tokens are stored as "<stamp>:<token>"."""
    if not cached:
        return None
    stamp, sep, token = str(cached).partition(":")
    return token if sep and stamp.isdigit() else None


WAIT_FOR_PEER_S = 3.0


class WeChatClient:
    def __init__(
        self,
        config: WeChatConfig,
        accounts: list[AccountConfig],
        r: redis.Redis,
        session: aiohttp.ClientSession,
    ) -> None:
        self.base = config.api_base.rstrip("/")
        self.wecom_base = config.wecom_api_base.rstrip("/")
        self.timeout = aiohttp.ClientTimeout(total=config.timeout_s)
        self.accounts = {a.name: a for a in accounts}
        self.redis = r
        self.session = session
        # the newest token this process has seen, for when Redis is down: (token, expires, stamp)
        self._local: dict[str, tuple[str, float, int]] = {}
        self._refreshing: dict[str, asyncio.Lock] = {}
        # the refresh lock outlives the slowest fetch (a timeout) with room to spare
        self.lock_ms = max(LOCK_MS, int(config.timeout_s * 2000) + 1000)
        self.message = MessageAPI(self)
        self.menu = MenuAPI(self)
        self.wecom = WeComAPI(self)
        self.miniapp = MiniProgramAPI(self)
        self.qrcode = QRCodeAPI(self)

    def _base(self, account: AccountConfig) -> str:
        return self.wecom_base if account.kind == "wecom" else self.base

    async def request(
        self,
        path: str,
        payload: dict[str, Any] | None,
        token: str | None,
        base: str | None = None,
        params: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """POST `payload` as JSON (GET with `params` when payload is None); a JSON object back."""
        params = {**(params or {}), **({"access_token": token} if token else {})}
        method = "POST" if payload is not None else "GET"
        try:
            async with self.session.request(
                method,
                (base or self.base) + path,
                params=params or None,
                json=payload,
                timeout=self.timeout,
            ) as resp:
                text = await resp.text()
                if resp.status >= 500:
                    raise WeChatAPIError(f"{path}: HTTP {resp.status}", errcode=-1)
        except (aiohttp.ClientError, TimeoutError) as err:
            raise WeChatAPIError(f"{path}: {type(err).__name__} {err}", errcode=-1) from None
        try:
            data = json.loads(text)
        except ValueError:
            raise WeChatAPIError(f"{path}: answer is not JSON", errcode=-1) from None
        if not isinstance(data, dict):
            raise WeChatAPIError(f"{path}: answer is not a JSON object", errcode=-1)
        return data

    # -- tokens -------------------------------------------------------------------------------

    async def stable_token(self, account: AccountConfig, force: bool = False) -> dict[str, Any]:
        """Fetch the stable access token (official accounts and mini-programs). https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html"""
        payload = {
            "grant_type": "client_credential",
            "appid": account.appid,
            "secret": account.secret.get_secret_value(),
            "force_refresh": force,
        }
        data = await self.request("/cgi-bin/stable_token", payload, None)
        if data.get("errcode"):
            raise WeChatAPIError(
                f"stable_token for {account.name}: {data.get('errmsg')}", errcode=data["errcode"]
            )
        return data

    async def _fetch_token(self, account: AccountConfig, force: bool) -> dict[str, Any]:
        if account.kind == "wecom":
            return await self.wecom.gettoken(account)
        return await self.stable_token(account, force=force)

    @staticmethod
    def _token_id(account: AccountConfig) -> str:
        # a WeCom corp has one corpid and a secret (so a token) per app
        return f"{account.appid}:{account.agent_id}" if account.kind == "wecom" else account.appid

    async def token(self, account: AccountConfig, stale: str | None = None) -> str:
        """The cached token; refreshed (once, under a lock) only if missing or `stale`."""
        cached = await self._cached(account)
        if cached and cached != stale:
            return cached
        # one refresher per process (so also when Redis is down), then one across processes
        lock = self._refreshing.setdefault(self._token_id(account), asyncio.Lock())
        async with lock:
            cached = await self._cached(account)  # a coroutine ahead of us may have refreshed
            if cached and cached != stale:
                return cached
            return await self._refresh(account, stale)

    async def _cached(self, account: AccountConfig) -> str | None:
        try:
            return _token_of(await self.redis.get(kv.key("token", self._token_id(account))))
        except kv.REDIS_ERRORS:
            return self._local_token(account)

    def _local_token(self, account: AccountConfig) -> str | None:
        token, expires, _ = self._local.get(self._token_id(account), ("", 0.0, 0))
        return token if token and expires > time.time() else None

    async def _refresh(self, account: AccountConfig, stale: str | None) -> str:
        tid = self._token_id(account)
        lock_key = kv.key("token-lock", tid)
        owner = uuid.uuid4().hex
        try:
            locked = await self.redis.set(lock_key, owner, nx=True, px=self.lock_ms)
        except kv.REDIS_ERRORS:
            locked = True  # no Redis, no peers to coordinate with through it
        if not locked:
            return await self._wait_for_peer(account, stale)
        try:
            cached = await self._cached(account)  # a peer may have finished just before we locked
            if cached and cached != stale:
                return cached
            stamp = time.time_ns()  # when we asked: a token asked for later is newer
            data = await self._fetch_token(account, force=stale is not None)
            token, ttl = str(data["access_token"]), int(data.get("expires_in", 7200))
            return await self.remember(tid, token, ttl, stamp)
        finally:
            try:
                if await self.redis.get(lock_key) == owner:
                    await self.redis.delete(lock_key)
            except kv.REDIS_ERRORS:
                pass

    async def remember(self, tid: str, token: str, ttl: int, stamp: int) -> str:
        """Cache a token fetched at `stamp` unless a newer one is cached already (a refresher
        whose lock ran out, or whose answer came back late, must not put back a token WeChat
        has since replaced); returns the token in force."""
        local = self._local.get(tid)
        if local is None or local[2] <= stamp:
            self._local[tid] = (token, time.time() + ttl - 300, stamp)
        key = kv.key("token", tid)
        try:
            for _ in range(3):
                try:
                    async with self.redis.pipeline(transaction=True) as pipe:
                        await pipe.watch(key)
                        current = await pipe.get(key)
                        if current and _stamp_of(current) > stamp:
                            return _token_of(current) or token
                        pipe.multi()
                        pipe.set(key, f"{stamp}:{token}", ex=max(ttl - 300, 60))
                        await pipe.execute()
                        return token
                except WatchError:
                    continue  # another refresher wrote meanwhile: compare with theirs
        except kv.REDIS_ERRORS:
            pass
        return token

    async def _wait_for_peer(self, account: AccountConfig, stale: str | None) -> str:
        deadline = time.monotonic() + WAIT_FOR_PEER_S
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            try:
                cached = _token_of(await self.redis.get(kv.key("token", self._token_id(account))))
            except kv.REDIS_ERRORS:
                break  # Redis went away mid-wait: fall through to an error the sender retries
            if cached and cached != stale:
                return cached
        raise WeChatAPIError(f"token refresh for {account.name} did not finish", errcode=-1)

    # -- calls --------------------------------------------------------------------------------

    async def call(
        self,
        account_name: str,
        path: str,
        payload: dict[str, Any] | None,
        params: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """POST `payload` (GET with `params` when it is None) with the account's token; refresh
        once and retry once on a token error."""
        account = self.accounts[account_name]
        base = self._base(account)
        token = await self.token(account)
        data = await self.request(path, payload, token, base, params)
        if reaction(int(data.get("errcode", 0))) is Reaction.REFRESH_TOKEN:
            token = await self.token(account, stale=token)
            data = await self.request(path, payload, token, base, params)
        errcode = int(data.get("errcode", 0))
        if errcode:
            raise WeChatAPIError(f"{path}: {errcode} {data.get('errmsg', '')}", errcode=errcode)
        return data
