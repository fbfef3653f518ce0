"""The per-message context handed to chat handlers: built once per message, typed."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import AccountConfig
from bot.context import Services
from bot.storage.models import Identity, Worker
from content.copy import Copy


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
