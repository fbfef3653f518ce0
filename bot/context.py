"""The app's services: everything long-lived that a request, a job or a loop needs."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import redis.asyncio as redis

from bot.clock import Clock
from bot.config import Config
from bot.people.privacy import Privacy
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
