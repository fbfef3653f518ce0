"""The roster over the admin API: import (a sync, or a dry run), export, 三违 flags, the
workforce events it records, and the department tree."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field, field_validator

from bot.api import ID_MAX, attachment, parse_body, parse_query, require_admin
from bot.apidoc import Multipart, Out, operation, respond
from bot.campaigns import triggers
from bot.errors import InvalidInput
from bot.keys import SERVICES
from bot.people.events import list_events, tree_json
from bot.people.flags import flag_worker
from bot.people.history import WORKFORCE_KINDS
from bot.people.rosterexport import export_roster
from bot.people.rosterplan import RosterReport
from bot.people.rostersync import import_roster
from content.loader import Problem
from handlers.admin.content import XLSX, EnterpriseQuery, SkippedOut, save_uploads

routes = web.RouteTableDef()
ROSTER_SUFFIXES = (".xlsx", ".xls", ".csv")
EVENTS_LIMIT = 500


class ImportQuery(EnterpriseQuery):
    partial: bool = Field(False, description="write the valid rows, report the rest")
    dry_run: bool = Field(False, description="report what would change; write nothing")


def _kinds(schema: dict[str, Any]) -> None:
    schema["anyOf"][0]["enum"] = list(WORKFORCE_KINDS)


class EventsQuery(EnterpriseQuery):
    kind: str | None = Field(None, json_schema_extra=_kinds)
    since: date | None = Field(None, description="events on or after this day")
    after: int = Field(0, ge=0, le=ID_MAX, description="the last id seen: the next page")
    limit: int = Field(100, ge=1, le=EVENTS_LIMIT)

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str | None) -> str | None:
        if v and v not in WORKFORCE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(WORKFORCE_KINDS)}")
        return v


class RosterProblemOut(Out):
    file: str
    sheet: str
    row: int | None
    column: str
    reason: str
    text: str


class ReasonOut(Out):
    reason: str
    rows: int


class RosterImportOut(Out):
    file: str
    applied: bool
    dry_run: bool
    sheets_read: list[str]
    sheets_skipped: list[SkippedOut]
    rows: int
    added: int
    updated: int
    unchanged: int
    absent: int
    new_departments: list[str]
    events: dict[str, int]
    problems: list[RosterProblemOut]
    notices: list[RosterProblemOut]
    summary: list[ReasonOut]
    changes: list[dict[str, Any]]


class FlagOut(Out):
    id: int
    created: bool


class EventOut(Out):
    id: int
    kind: str
    occurred_on: date
    employee_no: str
    name: str
    data: dict[str, Any]
    source: str
    actor: str
    recorded_at: datetime


class EventsOut(Out):
    events: list[EventOut]
    next_after: int | None


class LeaderOut(Out):
    employee_no: str
    name: str


class DepartmentOut(Out):
    id: int
    path: str
    name: str
    level: str
    parent_id: int | None
    workers: int
    leaders: list[LeaderOut]


class DepartmentsOut(Out):
    departments: list[DepartmentOut]


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
@operation(
    "Import (sync) the roster from one file",
    security="admin",
    query=ImportQuery,
    body=Multipart(suffixes=ROSTER_SUFFIXES),
    responses={200: RosterImportOut, 422: RosterImportOut},
    errors=(404,),
)
async def import_file(request: web.Request) -> web.Response:
    """One file (xlsx, xls or csv) as multipart: 200 with the report when written (or for a
    clean dry run), 422 with every problem."""
    scope = require_admin(request)
    query = parse_query(request, ImportQuery)
    enterprise = query.enterprise
    scope.check(enterprise)
    services = request.app[SERVICES]
    with tempfile.TemporaryDirectory(prefix="anxun-roster-") as tmp:
        paths, _ = await save_uploads(request, Path(tmp), ROSTER_SUFFIXES)
        if len(paths) != 1:
            raise InvalidInput("upload one roster file at a time")
        report = await import_roster(
            services,
            enterprise,
            paths[0],
            partial=query.partial,
            dry_run=query.dry_run,
            actor=f"admin:{scope.enterprise or '*'}",
        )
    ok = report.applied or (report.dry_run and not report.problems)
    if report.applied:  # new hires, returns, job changes, 三违: their event rules, now
        await triggers.fire_for(services, enterprise)
    return respond(RosterImportOut, report_json(report), status=200 if ok else 422)


@routes.get("/admin/v1/roster/export")
@operation(
    "The roster as xlsx",
    security="admin",
    query=EnterpriseQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def export(request: web.Request) -> web.StreamResponse:
    """The roster in its import layout; masked unless the token may see personal data."""
    scope = require_admin(request)
    enterprise = parse_query(request, EnterpriseQuery).enterprise
    scope.check(enterprise)
    with tempfile.TemporaryDirectory(prefix="anxun-export-") as tmp:
        path = Path(tmp) / "roster.xlsx"
        await export_roster(request.app[SERVICES], enterprise, path, scope.reveal)
        body = await asyncio.to_thread(path.read_bytes)
    return web.Response(
        body=body,
        content_type=XLSX.media_type,
        headers=attachment(f"{enterprise}-roster.xlsx"),
    )


class FlagIn(BaseModel):
    enterprise: str = Field(min_length=1, max_length=64)
    employee_no: str = Field(min_length=1, max_length=32)
    violation: str = Field(min_length=1, max_length=200)
    date: date
    reporter: str = Field(min_length=1, max_length=64)


@routes.post("/admin/v1/roster/flag")
@operation(
    "Record a 三违 against a worker",
    security="admin",
    body=FlagIn,
    responses={201: FlagOut, 200: FlagOut},
    errors=(404,),
)
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
    if created:
        await triggers.fire_for(request.app[SERVICES], body.enterprise)
    answer = {"id": event.id, "created": created}
    return respond(FlagOut, answer, status=201 if created else 200)


@routes.get("/admin/v1/events")
@operation(
    "Workforce events, oldest first",
    security="admin",
    query=EventsQuery,
    responses={200: EventsOut},
    errors=(404,),
)
async def events(request: web.Request) -> web.Response:
    """Page with `after` = the last id seen (`next_after`)."""
    scope = require_admin(request)
    q = parse_query(request, EventsQuery)
    scope.check(q.enterprise)
    rows = await list_events(
        q.enterprise, kind=q.kind or None, since=q.since, after=q.after, limit=q.limit
    )
    return respond(EventsOut, {"events": rows, "next_after": rows[-1]["id"] if rows else None})


@routes.get("/admin/v1/departments")
@operation(
    "The department tree",
    security="admin",
    query=EnterpriseQuery,
    responses={200: DepartmentsOut},
    errors=(404,),
)
async def departments(request: web.Request) -> web.Response:
    """Parents before children, with head counts and each unit's leaders."""
    scope = require_admin(request)
    enterprise = parse_query(request, EnterpriseQuery).enterprise
    scope.check(enterprise)
    return respond(DepartmentsOut, {"departments": await tree_json(enterprise)})
