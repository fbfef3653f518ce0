"""Atomic first-claim of a key: Redis SET NX, falling back to a unique database row."""

from __future__ import annotations

import logging

import redis.asyncio as redis
from tortoise.exceptions import IntegrityError

from bot.clock import Clock
from bot.storage import kv
from bot.storage.models import InboundClaim

log = logging.getLogger(__name__)


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
