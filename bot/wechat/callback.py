"""The official-account callback endpoint `/wx/<account>`.

Order matters: cheap checks first (size, freshness), then signature and decryption, then the
atomic replay and dedup claims, and only then any effect. A handler that would pass the time
budget is left running; the worker gets `success` now and the answer later through the outbox.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from aiohttp import web
from wechatpy.replies import ArticlesReply, BaseReply, TextReply

from bot import dedup, kv
from bot.context import ChatContext, Services
from bot.errors import CallbackRejected
from bot.identity import note_contact
from bot.keys import BACKGROUND, CRYPTOS, DISPATCHER, SERVICES
from bot.outbox import enqueue_late_reply
from bot.router import News, Reply
from bot.storage.models import Identity
from bot.wechat.crypto import AccountCrypto, to_message

log = logging.getLogger(__name__)

REPLY_CACHE_S = 60


def _success() -> web.Response:
    return web.Response(text="success")


def _reject(status: int, reason: str) -> web.Response:
    return web.Response(status=status, text=reason)


def _account(request: web.Request) -> AccountCrypto | None:
    return request.app[CRYPTOS].get(request.match_info["account"])


async def url_check(request: web.Request) -> web.Response:
    crypto = _account(request)
    if crypto is None:
        return _reject(404, "unknown account")
    echo = crypto.url_echo(dict(request.query))
    if echo is None:
        return _reject(403, "bad signature")
    return web.Response(text=echo)


def _fresh(services: Services, timestamp: str) -> bool:
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    return abs(services.clock.timestamp() - ts) <= services.config.wechat.timestamp_tolerance_s


def _dedup_key(account: str, fields: dict[str, str]) -> str:
    if fields.get("MsgId"):
        return f"msg:{account}:{fields['MsgId']}"
    parts = (fields.get("FromUserName", ""), fields.get("CreateTime", ""))
    # CreateTime has whole seconds: the event, its key and (for send receipts) the message id
    # tell apart two events from one user in one second.
    event = (fields.get("Event", ""), fields.get("EventKey", ""), fields.get("MsgID", ""))
    return f"evt:{account}:{':'.join(parts)}:{':'.join(event)}"


async def receive(request: web.Request) -> web.Response:
    """POST /wx/<account>: verify, claim, dispatch, reply. Never a 5xx."""
    started = time.monotonic()
    crypto = _account(request)
    if crypto is None:
        return _reject(404, "unknown account")
    services = request.app[SERVICES]
    query = dict(request.query)
    try:
        if not _fresh(services, query.get("timestamp", "")):
            raise CallbackRejected("stale or missing timestamp")
        body = await request.read()
        fields = crypto.open(body, query)
        message = to_message(fields)
    except CallbackRejected as err:
        log.info("callback refused for %s: %s", crypto.account.name, err.message)
        return _reject(403 if "signature" in err.message else 400, "refused")

    key = _dedup_key(crypto.account.name, fields)
    ttl = 2 * services.config.wechat.timestamp_tolerance_s
    nonce_name = f"nonce:{crypto.account.name}:{query['timestamp']}:{query.get('nonce', '')}"
    first = await dedup.claim(services.redis, services.clock, nonce_name, key, ttl)
    if first is not None and first != key:
        log.info("replayed timestamp/nonce refused for %s", crypto.account.name)
        return _reject(403, "replay")
    if await dedup.claim(services.redis, services.clock, key, "1", 86400) is not None:
        return await _cached_reply(services, crypto, key, message, query)

    ctx = await _context(services, crypto, message, fields)
    if ctx.identity is not None:
        await note_contact(services, ctx.identity, ctx.event)
    budget = services.config.server.callback_budget_ms / 1000 - (time.monotonic() - started)
    reply = await _run_in_budget(request.app, ctx, key, budget)
    if not reply:
        return _success()
    return await _seal(services, crypto, key, reply, message, query)


async def _context(
    services: Services, crypto: AccountCrypto, message: Any, fields: dict[str, str]
) -> ChatContext:
    # Only the worker: handlers that need its job or team fetch them (a three-way
    # select_related costs Tortoise about 2 ms of CPU on every callback).
    identity = await Identity.get_or_none(
        account=crypto.account.name, openid=message.source, active=True
    ).select_related("worker")
    return ChatContext(
        services=services,
        account=crypto.account,
        openid=message.source,
        msg_type=message.type,
        text=(fields.get("Content") or "").strip() if message.type == "text" else "",
        event=(fields.get("Event") or "").lower(),
        event_key=fields.get("EventKey") or "",
        identity=identity,
        fields=fields,
    )


async def _run_in_budget(
    app: web.Application, ctx: ChatContext, key: str, budget: float
) -> Reply | None:
    dispatcher = app[DISPATCHER]

    async def run() -> Reply | None:
        try:
            return await dispatcher.dispatch(ctx)
        except Exception:
            log.exception("chat handler failed for %s on %s", ctx.openid, ctx.account.name)
            return ctx.copy.t("help.error")

    task = asyncio.create_task(run())
    try:
        return await asyncio.wait_for(asyncio.shield(task), max(budget, 0.05))
    except TimeoutError:
        log.warning("handler passed the callback budget for %s; answering later", key)
        late = asyncio.create_task(_answer_late(ctx, key, task))
        app[BACKGROUND].add(late)
        late.add_done_callback(app[BACKGROUND].discard)
        return None


async def _answer_late(ctx: ChatContext, key: str, task: asyncio.Task[Reply | None]) -> None:
    reply = await task
    if reply:
        await enqueue_late_reply(ctx.services, ctx.account, ctx.openid, key, reply)


def _safe_text(text: str) -> str:
    # wechatpy writes replies inside CDATA without escaping "]]>".
    return text.replace("]]>", "]]＞")


def _sealed(
    crypto: AccountCrypto, reply: Reply, message: Any, query: dict[str, str]
) -> web.Response:
    built: BaseReply
    if isinstance(reply, News):
        built = ArticlesReply(source=message.target, target=message.source)
        built.add_article(
            {
                "title": _safe_text(reply.title),
                "description": _safe_text(reply.description),
                "url": _safe_text(reply.url),
                "image": _safe_text(reply.image),
            }
        )
    else:
        built = TextReply(source=message.target, target=message.source, content=_safe_text(reply))
    sealed = crypto.seal(built, query)
    return web.Response(text=sealed, content_type="application/xml")


def _cached(reply: Reply) -> str:
    return "news:" + json.dumps(reply.as_json()) if isinstance(reply, News) else "text:" + reply


def _uncached(value: str) -> Reply:
    kind, _, body = value.partition(":")
    if kind == "news":
        raw = json.loads(body)
        return News(raw["title"], raw["description"], raw["url"], raw.get("picurl", ""))
    return body if kind == "text" else value  # a reply cached before replies had a kind


async def _seal(
    services: Services,
    crypto: AccountCrypto,
    key: str,
    reply: Reply,
    message: Any,
    query: dict[str, str],
) -> web.Response:
    try:
        await services.redis.set(kv.key("reply", key), _cached(reply), ex=REPLY_CACHE_S)
    except kv.REDIS_ERRORS:
        pass  # the cache only serves WeChat's retries; losing it costs them a "success"
    return _sealed(crypto, reply, message, query)


async def _cached_reply(
    services: Services, crypto: AccountCrypto, key: str, message: Any, query: dict[str, str]
) -> web.Response:
    """A retry of a message already handled: repeat the first reply if we still have it."""
    try:
        cached = await services.redis.get(kv.key("reply", key))
    except kv.REDIS_ERRORS:
        cached = None
    return _sealed(crypto, _uncached(str(cached)), message, query) if cached else _success()
