"""The mini-program JSON API (/api/v1): login, binding, the worker's own study and quiz."""

from __future__ import annotations

from aiohttp import web

from handlers.api import archive, exam, session, standin, worker


def routes() -> list[web.AbstractRouteDef]:
    return [*session.routes, *worker.routes, *standin.routes, *exam.routes, *archive.routes]
