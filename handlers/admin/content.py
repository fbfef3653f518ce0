"""POST /admin/v1/content/import (multipart upload of banks and cards),
GET /admin/v1/content/export (a question bank as xlsx)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from aiohttp import BodyPartReader, web

from bot.api import require_admin
from bot.errors import InvalidInput
from bot.keys import SERVICES
from bot.learning.library import Counts, ImportReport, export_bank, import_content
from content.copy import Copy
from content.loader import Problem

routes = web.RouteTableDef()
MAX_UPLOAD = 20 * 1024 * 1024  # per request; the callback's body cap does not apply here
SUFFIXES = (".xlsx", ".xls", ".csv", ".yaml", ".yml", ".md")
FIELDS = ("job",)  # plain form fields read beside the files
FIELD_BYTES = 256


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
    reader = await request.multipart()
    saved: list[Path] = []
    fields: dict[str, str] = {}
    total = 0
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue
        if not part.filename:
            if part.name in FIELDS:
                fields[part.name] = (await part.read_chunk(FIELD_BYTES)).decode("utf-8", "replace")
            continue
        name = Path(unquote(part.filename)).name  # some clients percent-encode non-ASCII names
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
    if not saved:
        raise InvalidInput("no files in the upload")
    return saved, fields


@routes.post("/admin/v1/content/import")
async def import_files(request: web.Request) -> web.Response:
    """?enterprise=CODE[&partial=1]: 200 with the report when written, 422 with every problem
    (nothing written) otherwise, also when a partial import found nothing valid. A form field
    `job` (a job's code or name) stands for a blank or missing 工种."""
    scope = require_admin(request)
    enterprise = request.query.get("enterprise", "")
    if not enterprise:
        raise InvalidInput("say which enterprise: ?enterprise=CODE")
    scope.check(enterprise)
    partial = request.query.get("partial", "") in ("1", "true", "yes")
    with tempfile.TemporaryDirectory(prefix="anxun-import-") as tmp:
        paths, fields = await save_uploads(request, Path(tmp))
        services = request.app[SERVICES]
        job = fields.get("job") or request.query.get("job") or None
        report = await import_content(
            enterprise, paths, partial=partial, services=services, job=job
        )
    body = _report_json(report, services.copy)
    return web.json_response(body, status=200 if report.applied else 422)


@routes.get("/admin/v1/content/export")
async def export(request: web.Request) -> web.StreamResponse:
    """?enterprise=CODE[&job=CODE]: the question bank in the import layout."""
    scope = require_admin(request)
    enterprise = request.query.get("enterprise", "")
    if not enterprise:
        raise InvalidInput("say which enterprise: ?enterprise=CODE")
    scope.check(enterprise)
    job = request.query.get("job") or None
    with tempfile.TemporaryDirectory(prefix="anxun-export-") as tmp:
        path = Path(tmp) / "bank.xlsx"
        await export_bank(enterprise, path, job)
        body = await asyncio.to_thread(path.read_bytes)
    name = f"{enterprise}-{job or 'all'}.xlsx"
    return web.Response(
        body=body,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
