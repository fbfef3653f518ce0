"""Typed context objects: the app's services, and the per-message context handed to handlers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import redis.asyncio as redis

from bot.clock import Clock
from bot.config import AccountConfig, Config
from bot.people.privacy import Privacy
from bot.storage.models import Identity, Worker
from content.copy import Copy

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


@dataclass
class Services:
    """Everything long-lived a request or job needs, built once per app in its lifespan."""

    config: Config
    clock: Clock
    copy: Copy
    privacy: Privacy
    redis: redis.Redis
    wechat: WeChatClient | None = None
    outbox_wakeup: asyncio.Event = field(default_factory=asyncio.Event)

    def wake_sender(self) -> None:
        self.outbox_wakeup.set()


@dataclass
class ChatContext:
    services: Services
    account: AccountConfig
    openid: str
    msg_type: str
    text: str = ""
    event: str = ""
    event_key: str = ""
    identity: Identity | None = None
    fields: dict[str, str] = field(default_factory=dict)  # the verified inner message, flat

    @property
    def copy(self) -> Copy:
        return self.services.copy

    @property
    def worker(self) -> Worker:
        """The bound worker; only valid in handlers registered with bound=True."""
        assert self.identity is not None
        return self.identity.worker
