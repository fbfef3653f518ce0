"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import campaigns, content, reports, roster, wecom, workers


def routes() -> list[web.AbstractRouteDef]:
    return [
        *campaigns.routes,
        *content.routes,
        *reports.routes,
        *roster.routes,
        *wecom.routes,
        *workers.routes,
    ]
