"""Redis: the client factory and the one helper that names every key.

Redis holds only what may be lost (tokens, locks, dedup keys, counters). Every call has a short
timeout and no retry loop, so a hung Redis costs a callback at most `redis.timeout_ms`.
"""

from __future__ import annotations

from typing import Any

import redis.asyncio as redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from bot.config import RedisConfig
from bot.errors import ConfigError

PREFIX = "anxun"

# Errors that mean "Redis is unavailable right now": callers fall back or degrade, never crash.
REDIS_ERRORS: tuple[type[BaseException], ...] = (redis.RedisError, OSError, TimeoutError)


def key(*parts: Any) -> str:
    return ":".join([PREFIX, *(str(p) for p in parts)])


def create_redis(cfg: RedisConfig) -> redis.Redis:
    timeout = cfg.timeout_ms / 1000
    if cfg.url == "memory://":
        import fakeredis

        return fakeredis.FakeAsyncRedis(decode_responses=True)
    if not cfg.url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"redis.url: expected memory://, redis:// or unix://, got {cfg.url!r}")
    return redis.Redis.from_url(
        cfg.url,
        decode_responses=True,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
        retry_on_timeout=False,
        health_check_interval=0,
    )
