"""Typed application keys (aiohttp AppKey) for what every entry point reads: config, services.

The chat entry's keys are in bot/chat/keys.py, the scheduler's in scheduler/service.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Config

if TYPE_CHECKING:
    from bot.context import Services

CONFIG = web.AppKey("config", Config)
SERVICES: web.AppKey[Services] = web.AppKey("services")
