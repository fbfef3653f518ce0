"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import (
    campaigns,
    content,
    eventrules,
    reports,
    roster,
    shifts,
    spottests,  # spot (issue 14)
    wecom,
    workers,
)


def routes() -> list[web.AbstractRouteDef]:
    return [
        *campaigns.routes,
        *content.routes,
        *eventrules.routes,
        *reports.routes,
        *roster.routes,
        *shifts.routes,
        *spottests.routes,  # spot (issue 14)
        *wecom.routes,
        *workers.routes,
    ]
