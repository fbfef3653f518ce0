"""GET /admin/v1/archives/workers/{employee_no}.pdf|.xlsx and /admin/v1/archives/units.pdf|.xlsx:
一人一档 exports (bot/learning/archive_export.py), brought up to date first. An enterprise token
reaches its own workers and units only; another enterprise's are answered as missing ones."""

from __future__ import annotations

import tempfile
from pathlib import Path

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import AdminScope, attachment, parse_query, require_admin
from bot.apidoc import Binary, operation
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.learning.archive_export import export
from handlers.admin.content import XLSX

routes = web.RouteTableDef()
PDF = Binary("application/pdf", "a printable A4 PDF")
MEDIA = {"pdf": PDF, "xlsx": XLSX}


class WorkerArchivePath(BaseModel):
    employee_no: str = Field(min_length=1, max_length=32, description="the worker's 工号")


class WorkerArchiveQuery(BaseModel):
    enterprise: str | None = Field(
        None, max_length=64, description="the enterprise code (an operator token, 工号 repeated)"
    )


class UnitArchiveQuery(BaseModel):
    unit: str = Field(min_length=1, max_length=255, description="the unit's path, 一矿/综采一队")
    enterprise: str | None = Field(
        None, max_length=64, description="the enterprise code (required with an operator token)"
    )


def _enterprise(scope: AdminScope, given: str | None) -> str | None:
    if given is not None and not scope.owns(given):
        raise NotFound("no such worker or unit")
    return scope.enterprise or given


async def _send(request: web.Request, fmt: str, name: str, **target: str | None) -> web.Response:
    with tempfile.TemporaryDirectory(prefix="anxun-archive-") as tmp:
        path = Path(tmp) / f"archive.{fmt}"
        await export(request.app[SERVICES], fmt, path, **target)
        body = path.read_bytes()
    return web.Response(
        body=body, content_type=MEDIA[fmt].media_type, headers=attachment(f"{name}.{fmt}")
    )


async def _worker(request: web.Request, fmt: str) -> web.Response:
    scope = require_admin(request)
    query = parse_query(request, WorkerArchiveQuery)
    employee_no = request.match_info["employee_no"]
    if not 1 <= len(employee_no) <= 32 or not employee_no.isprintable():
        raise NotFound("no such worker")
    enterprise = _enterprise(scope, query.enterprise)
    return await _send(
        request, fmt, f"archive-{employee_no}", employee_no=employee_no, enterprise=enterprise
    )


async def _unit(request: web.Request, fmt: str) -> web.Response:
    scope = require_admin(request)
    query = parse_query(request, UnitArchiveQuery)
    enterprise = _enterprise(scope, query.enterprise)
    if enterprise is None:
        raise NotFound("give the unit's enterprise as ?enterprise=CODE")
    return await _send(request, fmt, "archive-unit", unit=query.unit, enterprise=enterprise)


@routes.get("/admin/v1/archives/workers/{employee_no}.pdf")
@operation(
    "A worker's archive (一人一档) as a printable PDF",
    security="admin",
    path=WorkerArchivePath,
    query=WorkerArchiveQuery,
    responses={200: PDF},
    errors=(404,),
)
async def worker_pdf(request: web.Request) -> web.Response:
    return await _worker(request, "pdf")


@routes.get("/admin/v1/archives/workers/{employee_no}.xlsx")
@operation(
    "A worker's archive (一人一档) as xlsx",
    security="admin",
    path=WorkerArchivePath,
    query=WorkerArchiveQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def worker_xlsx(request: web.Request) -> web.Response:
    return await _worker(request, "xlsx")


@routes.get("/admin/v1/archives/units.pdf")
@operation(
    "The archives of a unit's workers as one printable PDF",
    security="admin",
    query=UnitArchiveQuery,
    responses={200: PDF},
    errors=(404,),
)
async def unit_pdf(request: web.Request) -> web.Response:
    return await _unit(request, "pdf")


@routes.get("/admin/v1/archives/units.xlsx")
@operation(
    "The archives of a unit's workers as xlsx",
    security="admin",
    query=UnitArchiveQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def unit_xlsx(request: web.Request) -> web.Response:
    return await _unit(request, "xlsx")
