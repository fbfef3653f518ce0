"""POST /admin/v1/content/import (multipart upload of banks and cards),
GET /admin/v1/content/export (a question bank as xlsx)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from aiohttp import BodyPartReader, MultipartReader, web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.multipart import BadContentDispositionHeader, BadContentDispositionParam
from pydantic import BaseModel, Field

from bot.api import attachment, parse_query, require_admin
from bot.apidoc import Binary, Multipart, Out, operation, respond
from bot.campaigns import triggers
from bot.errors import InvalidInput
from bot.keys import SERVICES
from bot.learning.library import Counts, ImportReport, export_bank, import_content
from bot.storage.models import Enterprise
from content.copy import Copy
from content.loader import Problem

routes = web.RouteTableDef()
MAX_UPLOAD = 20 * 1024 * 1024  # per request; the callback's body cap does not apply here
SUFFIXES = (".xlsx", ".xls", ".csv", ".yaml", ".yml", ".md")
FIELDS = ("job",)  # plain form fields read beside the files
FIELD_BYTES = 256
FILE_NAME_BYTES = 200  # a file system's limit is 255 bytes
XLSX = Binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class EnterpriseQuery(BaseModel):
    enterprise: str = Field(
        min_length=1, max_length=64, description="the enterprise's code", examples=["hongqiao"]
    )


class ImportQuery(EnterpriseQuery):
    partial: bool = Field(False, description="write the valid items, report the rest")
    job: str | None = Field(
        None, max_length=64, description="a job's code or name for a blank 工种"
    )


class ExportQuery(EnterpriseQuery):
    job: str | None = Field(None, max_length=64, description="only this job's questions")


class ProblemOut(Out):
    file: str
    sheet: str
    row: int | None
    column: str
    reason: str
    kind: str


class CountsOut(Out):
    created: int
    updated: int
    rechecked: int
    unchanged: int


class SkippedOut(Out):
    sheet: str
    why: str


class SheetsOut(Out):
    file: str
    read: list[str]
    skipped: list[SkippedOut]


class ReasonOut(Out):
    reason: str
    rows: int


class ImportOut(Out):
    applied: bool
    message: str
    rows: int
    problems: list[ProblemOut]
    notices: list[ProblemOut]
    cards: CountsOut
    questions: CountsOut
    notified: int
    sheets: list[SheetsOut]
    default_job: str | None
    summary: dict[str, list[ReasonOut]]


def _report_json(report: ImportReport, copy: Copy) -> dict[str, Any]:
    def listed(problems: list[Problem]) -> list[dict[str, Any]]:
        return [
            {
                "file": p.file,
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column,
                "reason": p.reason,
                "kind": p.kind,
            }
            for p in problems
        ]

    return {
        "applied": report.applied,
        "message": copy.t("import.nothing_valid") if report.nothing_valid else "",
        "rows": report.rows,
        "problems": listed(report.problems),
        "notices": listed(report.notices),
        "cards": _counts(report.cards),
        "questions": _counts(report.questions),
        "notified": report.notified,
        "sheets": [
            {
                "file": s.file,
                "read": s.read,
                "skipped": [{"sheet": sheet, "why": why} for sheet, why in s.skipped],
            }
            for s in report.sheets
        ],
        "default_job": report.default_job,
        "summary": {
            kind: [{"reason": reason, "rows": rows} for reason, rows in items]
            for kind, items in report.summary().items()
        },
    }


def _counts(counts: Counts) -> dict[str, int]:
    return {k: getattr(counts, k) for k in ("created", "updated", "rechecked", "unchanged")}


async def save_uploads(
    request: web.Request, folder: Path, suffixes: tuple[str, ...] = SUFFIXES
) -> tuple[list[Path], dict[str, str]]:
    """The uploaded files, saved under `folder`, and the plain form fields (e.g. job)."""
    if not request.content_type.startswith("multipart/"):
        raise InvalidInput("upload the files as multipart/form-data (one or more file fields)")
    saved: list[Path] = []
    fields: dict[str, str] = {}
    try:
        await _read_parts(await request.multipart(), folder, suffixes, saved, fields)
    # aiohttp's multipart parser refused it (a bad Content-Disposition is only a warning to
    # aiohttp, raised where warnings are errors, as in the tests; else the part is skipped)
    except (
        HttpProcessingError,
        ValueError,
        BadContentDispositionHeader,
        BadContentDispositionParam,
    ) as err:
        message = getattr(err, "message", "") or str(err)
        raise InvalidInput(
            f"the upload is not well-formed multipart/form-data: {message}"
        ) from None
    if not saved:
        raise InvalidInput("no files in the upload")
    return saved, fields


async def _read_parts(
    reader: MultipartReader,
    folder: Path,
    suffixes: tuple[str, ...],
    saved: list[Path],
    fields: dict[str, str],
) -> None:
    total = 0
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue
        if not part.filename:
            if part.name in FIELDS:
                text = (await part.read_chunk(FIELD_BYTES)).decode("utf-8", "replace")
                fields[part.name] = text.replace("\x00", "")
            continue
        name = Path(unquote(part.filename)).name  # some clients percent-encode non-ASCII names
        if "\x00" in name or len(name.encode()) > FILE_NAME_BYTES:
            raise InvalidInput(f"a file name must be under {FILE_NAME_BYTES} bytes, without NUL")
        if Path(name).suffix.lower() not in suffixes:
            raise InvalidInput(f"{name}: only {', '.join(suffixes)} files can be imported here")
        target = folder / f"{len(saved):03d}" / name  # keep the clerk's file name for reports
        target.parent.mkdir()
        with target.open("wb") as out:
            while chunk := await part.read_chunk(64 * 1024):
                total += len(chunk)
                if total > MAX_UPLOAD:
                    raise InvalidInput(f"the upload is over {MAX_UPLOAD // (1024 * 1024)} MB")
                out.write(chunk)
        saved.append(target)


@routes.post("/admin/v1/content/import")
@operation(
    "Import question banks and cards",
    security="admin",
    query=ImportQuery,
    body=Multipart(many=True, suffixes=SUFFIXES, fields={"job": "a job's code or name"}),
    responses={200: ImportOut, 422: ImportOut},
    errors=(404,),
)
async def import_files(request: web.Request) -> web.Response:
    """?enterprise=CODE[&partial=1]: 200 with the report when written, 422 with every problem
    (nothing written) otherwise, also when a partial import found nothing valid. A form field
    `job` (a job's code or name) stands for a blank or missing 工种."""
    scope = require_admin(request)
    query = parse_query(request, ImportQuery)
    scope.check(query.enterprise)
    with tempfile.TemporaryDirectory(prefix="anxun-import-") as tmp:
        paths, fields = await save_uploads(request, Path(tmp))
        services = request.app[SERVICES]
        job = fields.get("job") or query.job or None
        report = await import_content(
            query.enterprise, paths, partial=query.partial, services=services, job=job
        )
    if report.applied and report.cards.changed:
        ent = await Enterprise.get(code=query.enterprise)
        await triggers.on_handbook_change(services, ent.id, report.cards.changed)
    body = _report_json(report, services.copy)
    return respond(ImportOut, body, status=200 if report.applied else 422)


@routes.get("/admin/v1/content/export")
@operation(
    "A question bank as xlsx",
    security="admin",
    query=ExportQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def export(request: web.Request) -> web.StreamResponse:
    """The question bank in the import layout."""
    scope = require_admin(request)
    query = parse_query(request, ExportQuery)
    enterprise, job = query.enterprise, query.job or None
    scope.check(enterprise)
    with tempfile.TemporaryDirectory(prefix="anxun-export-") as tmp:
        path = Path(tmp) / "bank.xlsx"
        await export_bank(enterprise, path, job)
        body = await asyncio.to_thread(path.read_bytes)
    name = f"{enterprise}-{job or 'all'}.xlsx"
    return web.Response(
        body=body,
        content_type=XLSX.media_type,
        headers=attachment(name),
    )
