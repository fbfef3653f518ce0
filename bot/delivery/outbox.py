"""The outbox: a Delivery row per message, written with the decision to send it.

A row's unique key makes a second decision (a double fire, a restart, a retried callback) write
nothing new; bot/delivery/sender.py claims the due rows and sends them.
"""

from __future__ import annotations

from typing import Any

from bot.config import AccountConfig
from bot.context import Services
from bot.delivery.channels import reply_later
from bot.storage.models import Delivery
from bot.wechat.reply import Reply


async def enqueue(services: Services, rows: list[Delivery]) -> int:
    """Insert rows, ignoring keys already present; returns how many were new."""
    if not rows:
        return 0
    keys = [r.key for r in rows]
    before = await Delivery.filter(key__in=keys).count()
    await Delivery.bulk_create(rows, ignore_conflicts=True)
    after = await Delivery.filter(key__in=keys).count()
    services.wake_sender()
    return after - before


def delivery(
    services: Services,
    *,
    key: str,
    kind: str,
    account: str,
    openid: str,
    channel: str,
    payload: dict[str, Any],
    **links: Any,
) -> Delivery:
    now = services.clock.now()
    return Delivery(
        key=key,
        kind=kind,
        account=account,
        openid=openid,
        channel=channel,
        payload=payload,
        next_attempt_at=now,
        created_at=now,
        **links,
    )


async def enqueue_late_reply(
    services: Services, account: AccountConfig, openid: str, dedup_key: str, reply: Reply
) -> None:
    channel, payload = reply_later(account, openid, reply)
    row = delivery(
        services,
        key=f"late:{dedup_key}"[:128],
        kind="late_reply",
        account=account.name,
        openid=openid,
        channel=channel,
        payload=payload,
    )
    await enqueue(services, [row])
