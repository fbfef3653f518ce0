"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import (
    archives,
    campaigns,
    content,
    eventrules,
    reports,
    roster,
    shifts,
    wecom,
    workers,
)


def routes() -> list[web.AbstractRouteDef]:
    return [
        *archives.routes,  # archive (issue 14)
        *campaigns.routes,
        *content.routes,
        *eventrules.routes,
        *reports.routes,
        *roster.routes,
        *shifts.routes,
        *wecom.routes,
        *workers.routes,
    ]
