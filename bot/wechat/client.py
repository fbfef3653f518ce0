"""Async WeChat API client (aiohttp). Every URL is built from `wechat.api_base`.

Official accounts get tokens from `stable_token`, WeCom apps from `gettoken`; one refresher at
a time per account under a Redis lock, readers only read. After 40001/40014/42001 the token is
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

from bot import kv
from bot.config import AccountConfig, WeChatConfig
from bot.errors import WeChatAPIError
from bot.wechat.errors import Reaction, reaction

log = logging.getLogger(__name__)

LOCK_MS = 10_000
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
        self._local: dict[str, tuple[str, float]] = {}  # last token seen, for when Redis is down

    def _base(self, account: AccountConfig) -> str:
        return self.wecom_base if account.kind == "wecom" else self.base

    async def _post(
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
        """Fetch the stable access token. https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html"""
        payload = {
            "grant_type": "client_credential",
            "appid": account.appid,
            "secret": account.secret.get_secret_value(),
            "force_refresh": force,
        }
        data = await self._post("/cgi-bin/stable_token", payload, None)
        if data.get("errcode"):
            raise WeChatAPIError(
                f"stable_token for {account.name}: {data.get('errmsg')}", errcode=data["errcode"]
            )
        return data

    async def gettoken(self, account: AccountConfig) -> dict[str, Any]:
        """Fetch a WeCom app's access token. https://developer.work.weixin.qq.com/document/path/91039"""
        params = {"corpid": account.appid, "corpsecret": account.secret.get_secret_value()}
        data = await self._post("/cgi-bin/gettoken", None, None, self.wecom_base, params)
        if data.get("errcode"):
            raise WeChatAPIError(
                f"gettoken for {account.name}: {data.get('errmsg')}", errcode=data["errcode"]
            )
        return data

    async def _fetch_token(self, account: AccountConfig, force: bool) -> dict[str, Any]:
        if account.kind == "wecom":
            return await self.gettoken(account)
        return await self.stable_token(account, force=force)

    @staticmethod
    def _token_id(account: AccountConfig) -> str:
        # a WeCom corp has one corpid and a secret (so a token) per app
        return f"{account.appid}:{account.agent_id}" if account.kind == "wecom" else account.appid

    async def token(self, account: AccountConfig, stale: str | None = None) -> str:
        """The cached token; refreshed (once, under a lock) only if missing or `stale`."""
        cache_key = kv.key("token", self._token_id(account))
        try:
            cached = await self.redis.get(cache_key)
        except kv.REDIS_ERRORS:
            cached = self._local_token(account)
        if cached and cached != stale:
            return str(cached)
        return await self._refresh(account, stale)

    def _local_token(self, account: AccountConfig) -> str | None:
        token, expires = self._local.get(self._token_id(account), ("", 0.0))
        return token if token and expires > time.time() else None

    async def _refresh(self, account: AccountConfig, stale: str | None) -> str:
        tid = self._token_id(account)
        cache_key, lock_key = kv.key("token", tid), kv.key("token-lock", tid)
        owner = uuid.uuid4().hex
        try:
            locked = await self.redis.set(lock_key, owner, nx=True, px=LOCK_MS)
        except kv.REDIS_ERRORS:
            locked = True  # no Redis, no peers to coordinate with through it
        if not locked:
            return await self._wait_for_peer(account, stale)
        try:
            data = await self._fetch_token(account, force=stale is not None)
            token, ttl = str(data["access_token"]), int(data.get("expires_in", 7200))
            self._local[tid] = (token, time.time() + ttl - 300)
            try:
                await self.redis.set(cache_key, token, ex=max(ttl - 300, 60))
            except kv.REDIS_ERRORS:
                pass
            return token
        finally:
            try:
                if await self.redis.get(lock_key) == owner:
                    await self.redis.delete(lock_key)
            except kv.REDIS_ERRORS:
                pass

    async def _wait_for_peer(self, account: AccountConfig, stale: str | None) -> str:
        deadline = time.monotonic() + WAIT_FOR_PEER_S
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            try:
                cached = await self.redis.get(kv.key("token", self._token_id(account)))
            except kv.REDIS_ERRORS:
                break  # Redis went away mid-wait: fall through to an error the sender retries
            if cached and cached != stale:
                return str(cached)
        raise WeChatAPIError(f"token refresh for {account.name} did not finish", errcode=-1)

    # -- calls --------------------------------------------------------------------------------

    async def call(self, account_name: str, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST with the account's token; refresh once and retry once on a token error."""
        account = self.accounts[account_name]
        base = self._base(account)
        token = await self.token(account)
        data = await self._post(path, payload, token, base)
        if reaction(int(data.get("errcode", 0))) is Reaction.REFRESH_TOKEN:
            token = await self.token(account, stale=token)
            data = await self._post(path, payload, token, base)
        errcode = int(data.get("errcode", 0))
        if errcode:
            raise WeChatAPIError(f"{path}: {errcode} {data.get('errmsg', '')}", errcode=errcode)
        return data

    async def send_template(self, account_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a template message. https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html"""
        return await self.call(account_name, "/cgi-bin/message/template/send", payload)

    async def send_custom(self, account_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a customer-service message. https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html"""
        return await self.call(account_name, "/cgi-bin/message/custom/send", payload)

    async def create_menu(self, account_name: str, menu: dict[str, Any]) -> dict[str, Any]:
        """Publish the custom menu. https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html"""
        return await self.call(account_name, "/cgi-bin/menu/create", menu)

    async def send_wecom(self, account_name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a WeCom app message. https://developer.work.weixin.qq.com/document/path/90236"""
        data = await self.call(account_name, "/cgi-bin/message/send", payload)
        invalid = str(data.get("invaliduser", ""))
        if payload.get("touser") and payload["touser"] in invalid.split("|"):
            raise WeChatAPIError(f"WeCom: {payload['touser']} is not a member", errcode=81013)
        return data
