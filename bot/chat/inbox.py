"""A callback message's effect, exactly once.

Invariant: a message's InboundMessage row is inserted in the same transaction as every effect
of its handler, as the transaction's first statement. The row therefore exists if and only if
the effect is committed: a retry that finds it repeats the stored reply and does nothing else;
a failure anywhere rolls back the row with the effect, so a later attempt (WeChat's retry, or
the spool drain) runs it again from the start. Concurrent attempts of one message wait on the
row's unique key; a worker's different messages wait on the worker's row (PostgreSQL row lock;
SQLite has one writer), so each answer is graded against the question it was sent for.

Who answers the worker is decided once per attempt (`Turn`): the waiting callback request
(passive reply), or — once the request has given up on the budget, or for spooled messages —
the outbox (a late reply written in the same transaction).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.chat.context import ChatContext
from bot.chat.router import Dispatcher
from bot.chat.spool import Inbound, Spool
from bot.context import Services
from bot.delivery.outbox import enqueue_late_reply
from bot.people.identity import note_contact
from bot.storage.db import dialect, is_outage
from bot.storage.models import Identity, InboundMessage
from bot.wechat.crypto import to_message
from bot.wechat.reply import News, Reply

log = logging.getLogger(__name__)


class Turn:
    """Who answers this attempt: decided once, by whichever side gets there first."""

    def __init__(self, late: bool = False) -> None:
        self.mode = "late" if late else ""

    def passive(self) -> bool:
        """The handler is done: answer in the waiting request, unless it has already gone."""
        self.mode = self.mode or "passive"
        return self.mode == "passive"

    def late(self) -> bool:
        """The request gives up waiting: the outbox answers, unless the reply is being sealed."""
        self.mode = self.mode or "late"
        return self.mode == "late"


@dataclass
class Outcome:
    reply: Reply | None


class _Duplicate(Exception):
    """The message's row is already committed: leave the transaction without effects."""


def cached(reply: Reply) -> str:
    return "news:" + json.dumps(reply.as_json()) if isinstance(reply, News) else "text:" + reply


def uncached(value: str) -> Reply:
    kind, _, body = value.partition(":")
    if kind == "news":
        raw = json.loads(body)
        return News(raw["title"], raw["description"], raw["url"], raw.get("picurl", ""))
    return body if kind == "text" else value


async def handle(
    services: Services, dispatcher: Dispatcher, inbound: Inbound, turn: Turn
) -> Outcome:
    """Run the message's handler with its effects, once. Raises what `is_outage` accepts when
    the database cannot take it: the caller keeps the message (spool) for a later attempt."""
    try:
        return await _attempt(services, dispatcher, inbound, turn)
    except _Duplicate:
        row = await InboundMessage.get_or_none(key=inbound.key)
        reply = uncached(row.reply) if row and row.reply else None
        if reply and not turn.passive():
            # Spooled but already committed: its passive reply may never have reached the
            # worker (the commit outlived the request). The late reply's unique key makes this
            # a no-op when it was already written.
            await _answer_late(services, inbound, reply)
        return Outcome(reply)
    except Exception as err:
        if is_outage(err):
            raise
        log.exception("chat handler failed for %s on %s", inbound.sender, inbound.account)
    # A handler bug: its effects were rolled back. Record the message as answered with the
    # error text, so neither WeChat's retries nor the drain run the failing handler again.
    reply = services.copy.t("help.error")
    try:
        async with in_transaction():
            await InboundMessage.create(
                key=inbound.key,
                account=inbound.account,
                reply=cached(reply),
                created_at=services.clock.now(),
            )
            if not turn.passive():
                await _answer_late(services, inbound, reply)
    except IntegrityError:
        return Outcome(None)
    return Outcome(reply)


async def _attempt(
    services: Services, dispatcher: Dispatcher, inbound: Inbound, turn: Turn
) -> Outcome:
    account = services.config.account(inbound.account)
    assert account is not None
    message = inbound.message or to_message(inbound.fields)
    async with in_transaction():
        try:
            row = await InboundMessage.create(
                key=inbound.key, account=inbound.account, created_at=services.clock.now()
            )
        except IntegrityError:
            raise _Duplicate from None
        query = Identity.filter(account=account.name, openid=message.source, active=True)
        if dialect(services.config.db.url) == "postgres":
            query = query.select_for_update(of=("identity",))  # one worker at a time
        identity = await query.select_related("worker").first()
        fields = inbound.fields
        msg_type = message.type
        if msg_type == "unknown" and fields.get("MsgType") == "event":
            msg_type = "event"  # one wechatpy's parser does not know (WeCom's enter_agent)
        ctx = ChatContext(
            services=services,
            account=account,
            openid=message.source,
            msg_type=msg_type,
            text=(fields.get("Content") or "").strip() if msg_type == "text" else "",
            event=(fields.get("Event") or "").lower(),
            event_key=fields.get("EventKey") or "",
            identity=identity,
            fields=fields,
        )
        if identity is not None:
            await note_contact(services, identity, ctx.event)
        reply = await dispatcher.dispatch(ctx)
        if reply:
            await InboundMessage.filter(id=row.id).update(reply=cached(reply))
            if not turn.passive():
                await _answer_late(services, inbound, reply)
    return Outcome(reply)


async def _answer_late(services: Services, inbound: Inbound, reply: Reply) -> None:
    account = services.config.account(inbound.account)
    assert account is not None
    await enqueue_late_reply(services, account, inbound.sender, inbound.key, reply)


DRAIN_ATTEMPT_S = 30.0  # one spooled message's attempt; past it the database counts as hung


class Drain:
    """Finishes spooled messages: each sender's oldest first, the outbox answering. Runs at
    start (messages left by a process that died) and every `interval` seconds after."""

    def __init__(self, services: Services, dispatcher: Dispatcher, spool: Spool) -> None:
        self.services = services
        self.dispatcher = dispatcher
        self.spool = spool

    async def run_once(self) -> int:
        """Finish what the database takes now; stop at the first outage. Returns how many."""
        done = 0
        for queue in await asyncio.to_thread(lambda: list(self.spool.queues())):
            for inbound in queue:
                if inbound.key in self.spool.busy:
                    break  # this process is finishing it; the sender's later ones wait
                try:
                    await asyncio.wait_for(
                        handle(self.services, self.dispatcher, inbound, Turn(late=True)),
                        DRAIN_ATTEMPT_S,
                    )
                except Exception as err:
                    if is_outage(err):
                        log.warning("spool: database unavailable (%s); %d finished", err, done)
                        return done
                    where = await asyncio.to_thread(self.spool.bury, inbound)
                    log.error(
                        "spool: message %s cannot be processed (%r); kept in %s",
                        inbound.key,
                        err,
                        where,
                    )
                    break
                await asyncio.to_thread(self.spool.remove, inbound)
                done += 1
        if done:
            log.info("spool: %d waiting messages finished", done)
        return done

    async def run_forever(self, interval: float) -> None:
        while True:
            try:
                await self.run_once()
            except Exception:  # the loop's one broad catch: a bad tick must not end the loop
                log.exception("spool drain failed")
            await asyncio.sleep(interval)
