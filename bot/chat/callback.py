"""The official-account callback endpoint `/wx/<account>`.

Order matters: cheap checks first (size, freshness), then signature and decryption, then the
replay check, and only then the effect, which bot/chat/inbox.py makes happen exactly once. A
message the database cannot take within the time budget is written to the spool first and
answered `success`; it is finished later (by the handler still running, or the spool drain),
with the answer sent through the outbox.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiohttp import web
from wechatpy.replies import ArticlesReply, BaseReply, TextReply

from bot.chat.inbox import Outcome, Turn, handle
from bot.chat.keys import BACKGROUND, CRYPTOS, DISPATCHER, SPOOL
from bot.chat.spool import Inbound, Spool
from bot.context import Services
from bot.errors import CallbackRejected
from bot.keys import SERVICES
from bot.storage import dedup
from bot.wechat.crypto import AccountCrypto, to_message
from bot.wechat.reply import News, Reply

log = logging.getLogger(__name__)

SEALING_GRACE_S = 0.5  # a passive reply already committing when the budget ran out
LATE_LIMIT_S = 60.0  # a late handler still running then is left to the spool drain


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
    """POST /wx/<account>: verify, then the message's effect exactly once (bot/chat/inbox.py),
    then the reply. Never a 5xx: what the database cannot take in time is spooled to disk and
    answered "success", its reply following through the outbox."""
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
    if await _replayed(services, crypto, query, key):
        return _reject(403, "replay")
    inbound = Inbound(key, crypto.account.name, fields, time.time_ns(), message)
    spool = request.app[SPOOL]
    if spool.holds(inbound.account, inbound.sender):
        return await _spooled(spool, inbound)  # behind this sender's waiting messages
    budget = services.config.server.callback_budget_ms / 1000 - (time.monotonic() - started)
    turn = Turn()
    task = asyncio.create_task(handle(services, request.app[DISPATCHER], inbound, turn))
    outcome: Outcome | None
    try:
        outcome = await asyncio.wait_for(asyncio.shield(task), max(budget, 0.05))
    except TimeoutError:
        if turn.late():
            log.warning("handler passed the callback budget for %s; answering later", key)
            spool.busy.add(key)
            response = await _spooled(spool, inbound)
            _finish_in_background(request.app, spool, inbound, task)
            return response
        outcome = await _sealing(task)  # the handler is committing its passive reply
    except Exception as err:  # the entry point's one broad catch: never a 5xx
        log.warning("callback %s kept for later: %s: %s", key, type(err).__name__, err)
        return await _spooled(spool, inbound)
    if outcome is None:
        return await _spooled(spool, inbound)
    if not outcome.reply:
        return _success()
    return _sealed(crypto, outcome.reply, message, query)


async def _replayed(
    services: Services, crypto: AccountCrypto, query: dict[str, str], key: str
) -> bool:
    """A (timestamp, nonce) seen before with another message: a captured request replayed."""
    ttl = 2 * services.config.wechat.timestamp_tolerance_s
    name = f"nonce:{crypto.account.name}:{query['timestamp']}:{query.get('nonce', '')}"
    try:
        first = await dedup.claim(services.redis, services.clock, name, key, ttl)
    except Exception as err:  # neither Redis nor the database: the inbox still dedups
        log.warning("replay check unavailable for %s: %s", crypto.account.name, err)
        return False
    if first is not None and first != key:
        log.info("replayed timestamp/nonce refused for %s", crypto.account.name)
        return True
    return False


async def _spooled(spool: Spool, inbound: Inbound) -> web.Response:
    try:
        await asyncio.to_thread(spool.put, inbound)
    except OSError:
        # Nowhere to keep it: without "success" WeChat retries, which may find the database.
        log.exception("cannot spool callback %s", inbound.key)
        return _reject(503, "busy")
    return _success()


async def _sealing(task: asyncio.Task[Outcome]) -> Outcome | None:
    try:
        return await asyncio.wait_for(asyncio.shield(task), SEALING_GRACE_S)
    except Exception as err:
        log.warning("commit of a passive reply failed or hung: %s", err)
        return None


def _finish_in_background(
    app: web.Application, spool: Spool, inbound: Inbound, task: asyncio.Task[Outcome]
) -> None:
    """Let the handler finish and its late reply be written; the spool file (written before
    "success") goes once that is committed, or stays for the drain if it is not."""

    async def finish() -> None:
        try:
            await asyncio.wait_for(task, LATE_LIMIT_S)
            await asyncio.to_thread(spool.remove, inbound)
        except Exception as err:
            log.warning("late callback %s left to the spool drain: %s", inbound.key, err)
        finally:
            spool.busy.discard(inbound.key)

    late = asyncio.create_task(finish())
    app[BACKGROUND].add(late)
    late.add_done_callback(app[BACKGROUND].discard)


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
