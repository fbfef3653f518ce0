"""POST /admin/v1/workers/{id}/unlock, POST /admin/v1/workers/{id}/unbind,
GET /admin/v1/workers/{id}/history.

Another enterprise's worker id is answered exactly as a missing one. The history shows what
WorkerEvent rows hold, which is never an ID number or a phone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel

from bot.api import AdminScope, Id32, path_id, require_admin
from bot.apidoc import Out, operation, respond
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.people.supervision import unbind, unlock
from bot.storage.models import Worker, WorkerEvent

routes = web.RouteTableDef()
HISTORY_LIMIT = 1000


class WorkerPath(BaseModel):
    id: Id32


class WorkerSummaryOut(Out):
    id: int
    employee_no: str
    name: str


class UnlockOut(Out):
    worker: WorkerSummaryOut
    unlocked: bool


class UnbindOut(Out):
    worker: WorkerSummaryOut
    unbound: int


class HistoryEventOut(Out):
    id: int
    kind: str
    occurred_on: date
    recorded_at: datetime
    source: str
    actor: str
    data: dict[str, Any]


class HistoryOut(Out):
    worker: WorkerSummaryOut
    events: list[HistoryEventOut]
    truncated: bool


async def _worker(request: web.Request, scope: AdminScope) -> Worker:
    missing = NotFound(f"no worker {request.match_info['id']}")
    worker = await Worker.get_or_none(id=path_id(request, "id", missing)).select_related(
        "enterprise"
    )
    if worker is None or not scope.owns(worker.enterprise.code):
        raise missing
    return worker


def _actor(scope: AdminScope) -> str:
    return f"admin:{scope.enterprise or 'operator'}"


def _summary(worker: Worker) -> dict[str, Any]:
    return {"id": worker.id, "employee_no": worker.employee_no, "name": worker.name}


@routes.post("/admin/v1/workers/{id}/unlock")
@operation(
    "Lift a worker's roster-binding lock",
    security="admin",
    path=WorkerPath,
    responses={200: UnlockOut},
    errors=(404,),
)
async def unlock_worker(request: web.Request) -> web.Response:
    """`unlocked` is false when there was no lock."""
    scope = require_admin(request)
    worker = await _worker(request, scope)
    done = await unlock(request.app[SERVICES], worker, source="admin", actor=_actor(scope))
    return respond(UnlockOut, {"worker": _summary(worker), "unlocked": done})


@routes.post("/admin/v1/workers/{id}/unbind")
@operation(
    "Retire every WeChat identity bound to a worker",
    security="admin",
    path=WorkerPath,
    responses={200: UnbindOut},
    errors=(404,),
)
async def unbind_worker(request: web.Request) -> web.Response:
    """`unbound` counts the identities retired."""
    scope = require_admin(request)
    worker = await _worker(request, scope)
    count = await unbind(request.app[SERVICES], worker, source="admin", actor=_actor(scope))
    return respond(UnbindOut, {"worker": _summary(worker), "unbound": count})


@routes.get("/admin/v1/workers/{id}/history")
@operation(
    "A worker's history, oldest first",
    security="admin",
    path=WorkerPath,
    responses={200: HistoryOut},
    errors=(404,),
)
async def history(request: web.Request) -> web.Response:
    """The worker's history, oldest first (the latest HISTORY_LIMIT events)."""
    scope = require_admin(request)
    worker = await _worker(request, scope)
    rows = (
        await WorkerEvent.filter(worker=worker)
        .order_by("-recorded_at", "-id")
        .limit(HISTORY_LIMIT + 1)
    )
    events = [
        {
            "id": row.id,
            "kind": row.kind,
            "occurred_on": row.occurred_on.isoformat(),
            "recorded_at": row.recorded_at.isoformat(),
            "source": row.source,
            "actor": row.actor,
            "data": row.data,
        }
        for row in reversed(rows[:HISTORY_LIMIT])
    ]
    body = {"worker": _summary(worker), "events": events, "truncated": len(rows) > HISTORY_LIMIT}
    return respond(HistoryOut, body)
