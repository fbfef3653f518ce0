"""The roster over the admin API: import (a sync, or a dry run), export, 三违 flags, the
workforce events it records, and the department tree."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import AdminScope, parse_body, require_admin
from bot.errors import InvalidInput
from bot.keys import SERVICES
from bot.people.events import list_events, tree_json
from bot.people.flags import flag_worker
from bot.people.history import WORKFORCE_KINDS
from bot.people.rosterexport import export_roster
from bot.people.rosterplan import RosterReport
from bot.people.rostersync import import_roster
from content.loader import Problem
from handlers.admin.content import save_uploads

routes = web.RouteTableDef()
ROSTER_SUFFIXES = (".xlsx", ".xls", ".csv")
EVENTS_LIMIT = 500


def _enterprise(request: web.Request, scope: AdminScope) -> str:
    enterprise = request.query.get("enterprise", "")
    if not enterprise:
        raise InvalidInput("say which enterprise: ?enterprise=CODE")
    scope.check(enterprise)
    return enterprise


def _flag(request: web.Request, name: str) -> bool:
    return request.query.get(name, "") in ("1", "true", "yes")


def report_json(report: RosterReport) -> dict[str, Any]:
    def listed(problems: list[Problem]) -> list[dict[str, Any]]:
        return [
            {
                "file": p.file,
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column,
                "reason": p.reason,
                "text": str(p),
            }
            for p in problems
        ]

    return {
        "file": report.file,
        "applied": report.applied,
        "dry_run": report.dry_run,
        "sheets_read": report.sheets_read,
        "sheets_skipped": [{"sheet": s, "why": why} for s, why in report.sheets_skipped],
        "rows": report.rows,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "absent": report.absent,
        "new_departments": report.new_departments,
        "events": dict(report.events),
        "problems": listed(report.problems),
        "notices": listed(report.notices),
        "summary": [{"reason": reason, "rows": n} for reason, n in report.summary()],
        "changes": report.changes,
    }


@routes.post("/admin/v1/roster/import")
async def import_file(request: web.Request) -> web.Response:
    """?enterprise=CODE[&partial=1][&dry_run=1], one file (xlsx, xls or csv) as multipart:
    200 with the report when written (or for a clean dry run), 422 with every problem."""
    scope = require_admin(request)
    enterprise = _enterprise(request, scope)
    services = request.app[SERVICES]
    with tempfile.TemporaryDirectory(prefix="anxun-roster-") as tmp:
        paths, _ = await save_uploads(request, Path(tmp), ROSTER_SUFFIXES)
        if len(paths) != 1:
            raise InvalidInput("upload one roster file at a time")
        report = await import_roster(
            services,
            enterprise,
            paths[0],
            partial=_flag(request, "partial"),
            dry_run=_flag(request, "dry_run"),
            actor=f"admin:{scope.enterprise or '*'}",
        )
    ok = report.applied or (report.dry_run and not report.problems)
    return web.json_response(report_json(report), status=200 if ok else 422)


@routes.get("/admin/v1/roster/export")
async def export(request: web.Request) -> web.StreamResponse:
    """?enterprise=CODE: the roster in its import layout; masked unless the token may see
    personal data in full."""
    scope = require_admin(request)
    enterprise = _enterprise(request, scope)
    with tempfile.TemporaryDirectory(prefix="anxun-export-") as tmp:
        path = Path(tmp) / "roster.xlsx"
        await export_roster(request.app[SERVICES], enterprise, path, scope.reveal)
        body = await asyncio.to_thread(path.read_bytes)
    return web.Response(
        body=body,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{enterprise}-roster.xlsx"'},
    )


class FlagIn(BaseModel):
    enterprise: str = Field(min_length=1, max_length=64)
    employee_no: str = Field(min_length=1, max_length=32)
    violation: str = Field(min_length=1, max_length=200)
    date: date
    reporter: str = Field(min_length=1, max_length=64)


@routes.post("/admin/v1/roster/flag")
async def flag(request: web.Request) -> web.Response:
    """A 三违 against one worker: 201 when recorded, 200 when it already was."""
    scope = require_admin(request)
    body = await parse_body(request, FlagIn)
    scope.check(body.enterprise)
    event, created = await flag_worker(
        request.app[SERVICES],
        body.enterprise,
        body.employee_no,
        body.violation,
        body.date,
        body.reporter,
        source="admin",
        actor=f"admin:{scope.enterprise or '*'}",
    )
    return web.json_response({"id": event.id, "created": created}, status=201 if created else 200)


@routes.get("/admin/v1/events")
async def events(request: web.Request) -> web.Response:
    """?enterprise=CODE[&kind=K][&since=YYYY-MM-DD][&after=ID][&limit=N]: workforce events,
    oldest first; page with `after` = the last id seen."""
    scope = require_admin(request)
    enterprise = _enterprise(request, scope)
    kind = request.query.get("kind") or None
    if kind is not None and kind not in WORKFORCE_KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(WORKFORCE_KINDS)}")
    try:
        since = date.fromisoformat(request.query["since"]) if "since" in request.query else None
        after = int(request.query.get("after", "0"))
        limit = int(request.query.get("limit", "100"))
    except ValueError:
        raise InvalidInput("since is YYYY-MM-DD; after and limit are numbers") from None
    if not 1 <= limit <= EVENTS_LIMIT:
        raise InvalidInput(f"limit must be 1–{EVENTS_LIMIT}")
    rows = await list_events(enterprise, kind=kind, since=since, after=after, limit=limit)
    return web.json_response({"events": rows, "next_after": rows[-1]["id"] if rows else None})


@routes.get("/admin/v1/departments")
async def departments(request: web.Request) -> web.Response:
    """?enterprise=CODE: the department tree with head counts and each unit's leaders."""
    scope = require_admin(request)
    enterprise = _enterprise(request, scope)
    return web.json_response({"departments": await tree_json(enterprise)})
