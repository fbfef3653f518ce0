"""GET /api/v1/me/archive: the worker's own 学时 and archive (一人一档) for the mini-program,
newest entries first, a page at a time."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import bearer_token, parse_query
from bot.apidoc import Out, operation, respond
from bot.keys import SERVICES
from bot.learning.archive_view import view
from bot.people import sessions
from bot.storage.models import Worker

routes = web.RouteTableDef()


class ArchiveQuery(BaseModel):
    page: int = Field(1, ge=1, le=100_000, description="1 is the newest entries")
    size: int = Field(20, ge=1, le=100, description="entries per page")


class EntryOut(Out):
    seq: int
    at: datetime
    kind: str
    label: str
    detail: str


class ArchiveOut(Out):
    year: int
    year_hours: float
    total_hours: float
    completions: list[str]
    count: int
    head_hash: str
    verified: bool
    page: int
    pages: int
    entries: list[EntryOut]


@routes.get("/api/v1/me/archive")
@operation(
    "The worker's own 学时 and archive (一人一档), newest first",
    security="worker",
    query=ArchiveQuery,
    responses={200: ArchiveOut},
)
async def my_archive(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    query = parse_query(request, ArchiveQuery)
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    worker = await Worker.get(id=found.identity.worker_id)
    v = await view(services, worker)
    newest = list(reversed(v.entries))
    start = (query.page - 1) * query.size
    page = newest[start : start + query.size]
    return respond(
        ArchiveOut,
        {
            "year": v.year,
            "year_hours": v.year_hours,
            "total_hours": v.total_hours,
            "completions": v.completions,
            "count": len(v.entries),
            "head_hash": v.head_hash,
            "verified": v.verified,
            "page": query.page,
            "pages": max(1, -(-len(newest) // query.size)),
            "entries": [
                {"seq": e.seq, "at": e.at, "kind": e.kind, "label": e.label, "detail": e.detail}
                for e in page
            ],
        },
    )
