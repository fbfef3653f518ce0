"""Typed application keys (aiohttp AppKey) for everything the app factory stores."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Config

if TYPE_CHECKING:
    from bot.chat.router import Dispatcher
    from bot.chat.spool import Spool
    from bot.context import Services
    from bot.wechat.crypto import AccountCrypto
    from scheduler.service import CampaignScheduler

CONFIG = web.AppKey("config", Config)
SERVICES: web.AppKey[Services] = web.AppKey("services")
CRYPTOS: web.AppKey[dict[str, AccountCrypto]] = web.AppKey("cryptos")
DISPATCHER: web.AppKey[Dispatcher] = web.AppKey("dispatcher")
SCHEDULER: web.AppKey[CampaignScheduler] = web.AppKey("scheduler")
BACKGROUND = web.AppKey("background", set[asyncio.Task[None]])
SPOOL: web.AppKey[Spool] = web.AppKey("spool")
