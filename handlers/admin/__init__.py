"""Enterprise admin JSON API."""

from __future__ import annotations

from aiohttp import web

from handlers.admin import (
    archives,
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
        *archives.routes,
        *campaigns.routes,
        *content.routes,
        *eventrules.routes,
        *exams.routes,
        *reports.routes,
        *roster.routes,
        *shifts.routes,
        *spottests.routes,
        *wecom.routes,
        *workers.routes,
    ]
