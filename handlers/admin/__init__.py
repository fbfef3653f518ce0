"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import campaigns


def routes() -> list[web.AbstractRouteDef]:
    return list(campaigns.routes)
