"""Atomic first-claim of a key: Redis SET NX, falling back to a unique database row; and the purge
of callback dedup rows once no retry or replay can come."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import redis.asyncio as redis
from tortoise.exceptions import IntegrityError

from bot.clock import Clock
from bot.storage import kv
from bot.storage.models import InboundClaim, InboundMessage

log = logging.getLogger(__name__)

DEDUP_KEPT = timedelta(days=2)  # WeChat retries within seconds; replays within 5 minutes


async def claim(r: redis.Redis, clock: Clock, name: str, value: str, ttl_s: int) -> str | None:
    """Claim `name` for `value`. None means we are first; otherwise the value of the first claim."""
    redis_key = kv.key("claim", name)
    try:
        if await r.set(redis_key, value, nx=True, ex=ttl_s):
            return None
        existing = await r.get(redis_key)
        return str(existing) if existing is not None else value
    except kv.REDIS_ERRORS as err:
        log.warning("redis unavailable for claim %s (%s); using the database", name, err)
    try:
        await InboundClaim.create(key=name[:160], value=value[:160], created_at=clock.now())
        return None
    except IntegrityError:
        row = await InboundClaim.get(key=name[:160])
        return row.value


async def purge(now: datetime) -> None:
    """Delete callback dedup rows (InboundMessage, InboundClaim) older than DEDUP_KEPT."""
    await InboundMessage.filter(created_at__lt=now - DEDUP_KEPT).delete()
    await InboundClaim.filter(created_at__lt=now - DEDUP_KEPT).delete()
