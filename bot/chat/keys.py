"""Typed application keys (aiohttp AppKey) for the chat entry's pieces, set by the app factory."""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.chat.router import Dispatcher
from bot.chat.spool import Spool
from bot.wechat.crypto import AccountCrypto

CRYPTOS = web.AppKey("cryptos", dict[str, AccountCrypto])
DISPATCHER = web.AppKey("dispatcher", Dispatcher)
BACKGROUND = web.AppKey("background", set[asyncio.Task[None]])  # late callback handlers
SPOOL = web.AppKey("spool", Spool)
