"""POST /admin/v1/workers/{id}/unlock, POST /admin/v1/workers/{id}/unbind,
GET /admin/v1/workers/{id}/history.

Another enterprise's worker id is answered exactly as a missing one. The history shows what
WorkerEvent rows hold, which is never an ID number or a phone."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.api import AdminScope, path_id, require_admin
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.people.supervision import unbind, unlock
from bot.storage.models import Worker, WorkerEvent

routes = web.RouteTableDef()
HISTORY_LIMIT = 1000


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


@routes.post("/admin/v1/workers/{id}/{action:(unlock|unbind)}")
async def decide(request: web.Request) -> web.Response:
    """unlock: lift the worker's roster-binding lock (`unlocked` false when there was none);
    unbind: retire every WeChat identity bound to the worker (`unbound` counts them)."""
    scope = require_admin(request)
    worker = await _worker(request, scope)
    services, actor = request.app[SERVICES], _actor(scope)
    if request.match_info["action"] == "unlock":
        result: dict[str, Any] = {
            "unlocked": await unlock(services, worker, source="admin", actor=actor)
        }
    else:
        result = {"unbound": await unbind(services, worker, source="admin", actor=actor)}
    return web.json_response({"worker": _summary(worker), **result})


@routes.get("/admin/v1/workers/{id}/history")
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
    return web.json_response(
        {"worker": _summary(worker), "events": events, "truncated": len(rows) > HISTORY_LIMIT}
    )
