"""Send limits and channel pauses, shared by every anxun process through Redis.

Sliding-window limits:

WeCom drops, without an error, app messages past 30 a minute or 1000 an hour to one member of
one app (https://developer.work.weixin.qq.com/document/path/90236, 发送频率限制). The sender asks
here before each such send and waits instead of losing the message. Each (app, member) keeps
the times of its sends in the last hour in a Redis sorted set; when Redis is unavailable this
process keeps them itself, which holds as long as one sender serves the account.
"""

from __future__ import annotations

import logging
import random
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import redis.asyncio as redis

from bot.storage import kv

log = logging.getLogger(__name__)

Limits = Sequence[tuple[int, int]]  # (window seconds, sends allowed in it)
WECOM_MEMBER_LIMITS: Limits = ((60, 30), (3600, 1000))


def _wait(times: Sequence[float], limits: Limits, now: float) -> float:
    """Seconds until one more send fits every window, given the sends already made."""
    wait = 0.0
    for window, allowed in limits:
        recent = sorted(t for t in times if t > now - window)
        if len(recent) >= allowed:
            # the window has room again when its oldest send that keeps it full ages out
            wait = max(wait, recent[len(recent) - allowed] + window - now)
    return wait


class SendLimiter:
    def __init__(self, r: redis.Redis) -> None:
        self.redis = r
        self._local: dict[str, list[float]] = {}

    async def acquire(self, name: str, limits: Limits, now: float) -> float:
        """Record one send for `name` at `now` and return 0.0, or return the seconds to wait
        (recording nothing) when a window is full."""
        horizon = max(window for window, _ in limits)
        try:
            return await self._acquire_shared(name, limits, now, horizon)
        except kv.REDIS_ERRORS as err:
            log.warning("send limits for %s kept in-process: Redis unavailable (%s)", name, err)
        times = [t for t in self._local.get(name, []) if t > now - horizon]
        wait = _wait(times, limits, now)
        if not wait:
            times.append(now)
        self._local[name] = times
        return wait

    async def _acquire_shared(self, name: str, limits: Limits, now: float, horizon: int) -> float:
        key, me = kv.key("sendlimit", name), uuid.uuid4().hex
        # add ourselves first, then count: two concurrent senders may both back off, but never
        # both pass a full window
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", now - horizon)
            pipe.zadd(key, {me: now})
            pipe.zrange(key, 0, -1, withscores=True)
            pipe.expire(key, horizon + 60)
            _, _, entries, _ = await pipe.execute()
        others = [score for member, score in entries if member != me]
        wait = _wait(others, limits, now)
        if wait:
            await self.redis.zrem(key, me)
        return wait


QUOTA_TZ = ZoneInfo("Asia/Shanghai")  # WeChat's daily quotas reset at midnight Beijing time


def next_quota_reset(now: datetime) -> datetime:
    """Shortly after the next midnight in Beijing (spread over a few minutes so that every
    paused sender does not return in the same second)."""
    local = now.astimezone(QUOTA_TZ)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=QUOTA_TZ)
    # in UTC, as every stored time: SQLite compares the stored text
    return (midnight + timedelta(seconds=random.uniform(60, 300))).astimezone(UTC)


class ChannelPauses:
    """Channels (an account's template, custom, … sends) paused until their quota resets, so a
    fan-out stops calling WeChat after the first 45009 instead of failing row by row. Shared
    through Redis; this process remembers them too, for when Redis is unavailable."""

    def __init__(self, r: redis.Redis) -> None:
        self.redis = r
        self._local: dict[str, float] = {}

    async def pause(self, account: str, channel: str, until: datetime, now: datetime) -> None:
        name = kv.key("pause", account, channel)
        self._local[name] = until.timestamp()
        seconds = max(int((until - now).total_seconds()), 1)
        try:
            await self.redis.set(name, str(until.timestamp()), ex=seconds)
        except kv.REDIS_ERRORS:
            pass
        log.warning("channel %s/%s paused until %s", account, channel, until.isoformat())

    async def paused_until(self, account: str, channel: str, now: datetime) -> datetime | None:
        name = kv.key("pause", account, channel)
        until = self._local.get(name, 0.0)
        if until <= now.timestamp():
            try:
                stored = await self.redis.get(name)
            except kv.REDIS_ERRORS:
                stored = None
            try:
                until = float(stored or 0.0)
            except ValueError:
                until = 0.0
        if until <= now.timestamp():
            return None
        return datetime.fromtimestamp(until, tz=UTC)
