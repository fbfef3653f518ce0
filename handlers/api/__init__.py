"""The mini-program JSON API (/api/v1): login, binding, and the worker's own study and quiz.

Every endpoint shares the area code with the chat handlers (bot/learning/, bot/people/).
"""

from __future__ import annotations

from aiohttp import web

from handlers.api import session, worker


def routes() -> list[web.AbstractRouteDef]:
    return [*session.routes, *worker.routes]
