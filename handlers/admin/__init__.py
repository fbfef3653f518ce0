"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import (
    campaigns,
    content,
    eventrules,
    exams,
    reports,
    roster,
    shifts,
    spottests,
    wecom,
    workers,
)


def routes() -> list[web.AbstractRouteDef]:
    return [
        *campaigns.routes,
        *content.routes,
        *eventrules.routes,
        *exams.routes,
        *reports.routes,
        *roster.routes,
        *shifts.routes,
        *spottests.routes,  # spot (issue 14)
        *wecom.routes,
        *workers.routes,
    ]
