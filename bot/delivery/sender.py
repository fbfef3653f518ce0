"""The sender: loops that claim the outbox's due Delivery rows and send them.

A row is claimed by an UPDATE that leases it (status pending → sending, or a sending row whose
lease ran out after a crash): FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional UPDATE per row
on SQLite. Any number of sender loops never send one row twice while it is leased. Template
messages carry `client_msg_id` = the row key, so WeChat itself drops a resend after a crash.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Q

from bot.config import AccountConfig
from bot.context import Services
from bot.delivery import contact
from bot.delivery.channels import (
    AUTO,
    Notice,
    Route,
    drop_grants,
    give_back_grant,
    payload_for,
    routes_for,
    take_grant,
)
from bot.delivery.ratelimit import WECOM_MEMBER_LIMITS, ChannelPauses, SendLimiter, next_quota_reset
from bot.errors import InvalidInput, WeChatAPIError
from bot.storage.db import dialect
from bot.storage.models import Delivery, Identity
from bot.wechat.errors import Reaction, reaction

log = logging.getLogger(__name__)

UNFOLLOWED = (43004, 40003)  # the user does not follow (or the openid is not of this account)
INVALID_TARGETS = ("invaliduser", "invalidparty", "invalidtag")  # WeCom targets it did not know
GRANT_RACE_RETRY = timedelta(seconds=30)


def _reaction(err: WeChatAPIError) -> Reaction:
    return reaction(err.errcode if err.errcode is not None else -1)


async def _route_refused(route: Route, err: WeChatAPIError) -> None:
    """Remember why WeChat will not take this route for this recipient, so later pushes skip it
    until the worker's next action restores it."""
    if err.errcode in UNFOLLOWED or err.errcode == 81013:
        await Identity.filter(id=route.identity.id).update(followed=False)
    elif err.errcode == 45015:  # the window closed earlier than our record says
        await Identity.filter(id=route.identity.id).update(last_contact_at=None)
    elif err.errcode == 43101:
        await drop_grants(route)


class Sender:
    """Claims due rows and sends them; one broad catch per row, in one place."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.cfg = services.config.sender
        self.limiter = SendLimiter(services.redis)
        self.pauses = ChannelPauses(services.redis)

    async def claim_due(self) -> list[Delivery]:
        """Lease up to `batch_size` due rows to this sender. On PostgreSQL one statement with
        FOR UPDATE SKIP LOCKED, so concurrent senders never wait on each other's rows; on SQLite
        (one writer anyway) a conditional UPDATE per row."""
        now = self.services.clock.now()
        lease = now + timedelta(seconds=self.cfg.lease_s)
        # rows whose sender stopped mid-send every time (a crash, a row that kills it)
        dead = Q(status="sending", claimed_until__lt=now, attempts__gte=self.cfg.max_attempts)
        dead_keys = await Delivery.filter(dead).values_list("key", flat=True)
        if dead_keys:
            log.error("deliveries failed, no attempt ever finished: %s", dead_keys)
            await Delivery.filter(dead).update(
                status="failed",
                claimed_until=None,
                last_error="gave up: no attempt ended with an outcome",
            )
        due = Q(status="pending", next_attempt_at__lte=now) | Q(
            status="sending", claimed_until__lt=now
        )
        if dialect(self.services.config.db.url) == "postgres":
            ids = await self._claim_skip_locked(now, lease)
            return await Delivery.filter(id__in=ids).order_by("next_attempt_at")
        candidates = (
            await Delivery.filter(due).order_by("next_attempt_at").limit(self.cfg.batch_size)
        )
        claimed = []
        for row in candidates:
            won = await (
                Delivery.filter(id=row.id, status=row.status, attempts=row.attempts)
                .filter(due)
                .update(status="sending", claimed_until=lease, attempts=row.attempts + 1)
            )
            if won:
                row.status, row.attempts = "sending", row.attempts + 1
                claimed.append(row)
        return claimed

    async def _claim_skip_locked(self, now: datetime, lease: datetime) -> list[int]:
        conn = connections.get("default")
        rows = await conn.execute_query_dict(
            """
            UPDATE "delivery" SET "status" = 'sending', "claimed_until" = $1,
                   "attempts" = "attempts" + 1
            WHERE "id" IN (
                SELECT "id" FROM "delivery"
                WHERE ("status" = 'pending' AND "next_attempt_at" <= $2)
                   OR ("status" = 'sending' AND "claimed_until" < $2)
                ORDER BY "next_attempt_at"
                LIMIT $3
                FOR UPDATE SKIP LOCKED
            )
            RETURNING "id"
            """,
            [lease, now, self.cfg.batch_size],
        )
        return [int(r["id"]) for r in rows]

    async def send_one(self, row: Delivery) -> None:
        if row.nudge_day is not None and row.worker_id is not None and not await self._may(row):
            return
        if row.channel == AUTO:
            await self._send_auto(row)
            return
        # a row bound to one identity and channel (a late chat reply)
        if await Identity.filter(account=row.account, openid=row.openid, followed=False).exists():
            await self._finish(row, "dropped", "recipient unfollowed")
            return
        account = self.services.config.account(row.account)
        if account is None:
            await self._finish(row, "failed", f"account {row.account!r} is not configured")
            return
        now = self.services.clock.now()
        until = await self.pauses.paused_until(account.name, row.channel, now)
        if until is not None:
            await self._defer(row, until, f"{account.name}/{row.channel} paused: daily quota")
            return
        # WeCom counts its per-member limits for departments and tags itself: only a message
        # to one member can be held back here
        if (
            row.channel == "wecom"
            and row.openid
            and await self._over_member_limit(row, account, row.openid)
        ):
            return
        try:
            result = await self._call(row.channel, account, row.payload)
        except WeChatAPIError as err:
            if err.errcode in UNFOLLOWED:  # stop every later push to them, not just this one
                await Identity.filter(account=row.account, openid=row.openid).update(followed=False)
            if _reaction(err) is Reaction.PAUSE_QUOTA:
                until = next_quota_reset(now)
                await self.pauses.pause(account.name, row.channel, until, now)
                await self._defer(row, until, f"{account.name}/{row.channel}: {err.message}")
                return
            await self._failed(row, err)
            return
        await self._sent(row, result)

    async def _send_auto(self, row: Delivery) -> None:
        """Try the worker's routes best first; a route refused for this recipient is marked and
        the next one tried in the same attempt, a paused one skipped (bot/delivery/channels.py)."""
        notice = Notice.from_json(row.payload)
        now = self.services.clock.now()
        refused: list[str] = []
        paused: list[datetime] = []
        raced = False
        routes = await routes_for(self.services, row.worker_id) if row.worker_id else []
        for route in routes:
            until = await self.pauses.paused_until(route.account.name, route.channel, now)
            if until is not None:
                paused.append(until)
                continue
            if route.channel == "wecom" and await self._over_member_limit(
                row, route.account, route.identity.openid
            ):
                return
            try:
                payload = payload_for(route, notice, row.key)
            except InvalidInput as err:
                log.error("delivery %s: %s cannot carry it: %s", row.key, route.name, err.message)
                refused.append(f"{route.name}: {err.message}")
                continue
            if route.channel == "subscribe" and not await take_grant(route):
                raced = True  # a concurrent send took it; it may give it back
                continue
            try:
                result = await self._call(route.channel, route.account, payload)
            except WeChatAPIError as err:
                what = _reaction(err)
                if route.channel == "subscribe" and what is not Reaction.DROP_RECIPIENT:
                    await give_back_grant(route)
                if what is Reaction.DROP_RECIPIENT:
                    await _route_refused(route, err)
                    refused.append(f"{route.name}: {err.message}")
                    continue
                if what is Reaction.PAUSE_QUOTA:
                    until = next_quota_reset(now)
                    await self.pauses.pause(route.account.name, route.channel, until, now)
                    paused.append(until)
                    continue
                await self._failed(row, err, route)
                return
            await self._sent(row, result, route)
            return
        if paused:  # a channel that may take it once its quota resets
            await self._defer(row, min(paused), "every open channel is paused: daily quota")
            return
        if raced:
            await self._defer(row, now + GRANT_RACE_RETRY, "a concurrent send held the grant")
            return
        reason = "; ".join(refused) or "no bound identity that can receive now"
        await self._finish(row, "dropped", f"unreachable: {reason}")
        log.info("delivery %s: worker %s unreachable (%s)", row.key, row.worker_id, reason)

    async def _may(self, row: Delivery) -> bool:
        """A nudge goes only outside quiet hours and the worker's shift, on its own day
        (bot/delivery/contact.py puts it back until it may, on a later day if its own is over);
        one no day can take expires."""
        at = await contact.send_at(self.services, row)
        if at is None:
            await self._finish(row, "expired", f"no day could take it after {row.nudge_day}")
            return False
        return at <= self.services.clock.now()

    async def _defer(self, row: Delivery, until: datetime, reason: str) -> None:
        """Put the row back until `until` without spending an attempt: nothing was wrong with
        it, the channel had no room."""
        await self._settle(
            row,
            status="pending",
            attempts=row.attempts - 1,
            claimed_until=None,
            next_attempt_at=until.astimezone(UTC),  # SQLite compares the stored text
            last_error=reason[:255],
        )

    async def _call(
        self, channel: str, account: AccountConfig, payload: dict[str, Any]
    ) -> dict[str, Any]:
        assert self.services.wechat is not None
        wechat = self.services.wechat
        try:
            if channel == "template":
                return await wechat.message.template(account.name, payload)
            if channel == "wecom":
                return await wechat.wecom.send(account.name, payload)
            if channel == "subscribe" and account.kind == "miniapp":
                return await wechat.miniapp.subscribe(account.name, payload)
            if channel == "subscribe":
                return await wechat.message.subscribe(account.name, payload)
            return await wechat.message.custom(account.name, payload)
        except WeChatAPIError:
            raise
        except Exception:
            log.exception("send on %s/%s failed unexpectedly", account.name, channel)
            raise WeChatAPIError("unexpected error", errcode=-1) from None

    async def _sent(
        self, row: Delivery, result: dict[str, Any], route: Route | None = None
    ) -> None:
        update: dict[str, Any] = {}
        if route is not None:  # record what carried it
            update = {
                "channel": route.channel,
                "account": route.account.name,
                "openid": route.identity.openid,
            }
        # WeCom names the targets it did not know (the rest got the message)
        unknown = [f"{k}={result[k]}" for k in INVALID_TARGETS if result.get(k)]
        await self._settle(
            row,
            status="sent",
            sent_at=self.services.clock.now(),
            claimed_until=None,
            last_error="; ".join(unknown)[:255],
            wechat_msgid=str(result.get("msgid", ""))[:32],
            **update,
        )

    async def _finish(self, row: Delivery, status: str, reason: str) -> None:
        await self._settle(row, status=status, claimed_until=None, last_error=reason[:255])

    async def _settle(self, row: Delivery, **update: Any) -> None:
        """Write the row's outcome, only while this sender still holds it: a row whose lease ran
        out belongs to whoever claimed it since, and must not be put back or overwritten."""
        held = await Delivery.filter(id=row.id, status="sending", attempts=row.attempts).update(
            **update
        )
        if not held:
            log.warning("delivery %s: lease lost before its outcome was written", row.key)

    async def _take(self, row: Delivery) -> bool:
        """Renew the lease as the send starts (a row may wait in its batch for a while); False
        when another sender has it."""
        until = self.services.clock.now() + timedelta(seconds=self.cfg.lease_s)
        return bool(
            await Delivery.filter(id=row.id, status="sending", attempts=row.attempts).update(
                claimed_until=until
            )
        )

    async def _over_member_limit(self, row: Delivery, account: AccountConfig, openid: str) -> bool:
        """WeCom drops app messages past its per-member limits silently: wait for room instead
        (without spending an attempt) and say whether this row was put back."""
        now = self.services.clock.now()
        wait = await self.limiter.acquire(
            f"wecom:{account.appid}:{account.agent_id}:{openid}",
            WECOM_MEMBER_LIMITS,
            now.timestamp(),
        )
        if not wait:
            return False
        reason = "waiting for room under WeCom's per-member send limit"
        await self._defer(row, now + timedelta(seconds=wait), reason)
        return True

    async def _failed(self, row: Delivery, err: WeChatAPIError, route: Route | None = None) -> None:
        what = _reaction(err)
        where = f"{route.name}: " if route is not None else ""
        update: dict[str, Any] = {"last_error": (where + err.message)[:255], "claimed_until": None}
        if (
            what in (Reaction.DROP_RECIPIENT, Reaction.CONFIG)
            or row.attempts >= self.cfg.max_attempts
        ):
            update["status"] = "dropped" if what is Reaction.DROP_RECIPIENT else "failed"
            if what is Reaction.CONFIG:  # every later send fails the same way: say so loudly
                log.error(
                    "delivery %s failed on a configuration error (%s): check the account in "
                    "config.toml and the WeChat console (secret, template id, IP whitelist)",
                    row.key,
                    err.message,
                )
            else:
                log.warning("delivery %s gave up (%s): %s", row.key, what.value, err.message)
        else:
            delay = min(2**row.attempts, 300) * random.uniform(0.5, 1.0)
            update["status"] = "pending"
            update["next_attempt_at"] = self.services.clock.now() + timedelta(seconds=delay)
            log.info("delivery %s retry in %.0fs (%s)", row.key, delay, err.message)
        await self._settle(row, **update)

    async def run_once(self) -> int:
        """Claim the due rows and send them; returns how many were claimed."""
        return await self.send_claimed(await self.claim_due())

    async def send_claimed(self, rows: list[Delivery]) -> int:
        limit = asyncio.Semaphore(self.cfg.concurrency)

        async def guarded(row: Delivery) -> None:
            async with limit:
                try:
                    if await self._take(row):
                        await self.send_one(row)
                except Exception as err:  # the one broad catch: a row never stops the loop
                    log.exception("delivery %s failed unexpectedly", row.key)
                    try:
                        await self._failed(row, WeChatAPIError(f"unexpected: {err!r}", errcode=-1))
                    except Exception:
                        log.exception("delivery %s: could not record the failure", row.key)

        await asyncio.gather(*(guarded(r) for r in rows), return_exceptions=True)
        return len(rows)

    async def run_forever(self) -> None:
        wakeup = self.services.outbox_wakeup
        while True:
            wakeup.clear()  # before the claim: a row enqueued during run_once wakes the next wait
            try:
                sent = await self.run_once()
            except Exception:
                log.exception("sender loop iteration failed")
                sent = 0
            if sent:
                continue
            try:
                await asyncio.wait_for(wakeup.wait(), self.cfg.poll_interval_s)
            except TimeoutError:
                pass
