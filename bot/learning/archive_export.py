"""A worker's or a unit's archive as xlsx (XlsxWriter) and as a printable A4 PDF (WeasyPrint,
from content/archive/archive.html), each with the chain's head hash, its entry count, the 学时
totals and whether the chain verified at export time.

Invariant: no ID number, phone or openid is in either file (the archive holds none); every string
is written as text, so a value beginning with = is never a formula.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from bot.context import Services
from bot.errors import NotFound
from bot.storage.models import Enterprise, Worker

from .archive_view import ArchiveView, find_worker, status_text, unit_workers, view

TEMPLATES = Path(__file__).resolve().parents[2] / "content" / "archive"
FORMATS = ("pdf", "xlsx")
SUMMARY = [
    "工号",
    "姓名",
    "单位",
    "工种",
    "今年学时",
    "累计学时",
    "记录数",
    "链头哈希",
    "导出时校验",
]
ENTRIES = ["工号", "姓名", "序号", "时间", "类别", "内容", "哈希"]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _local(services: Services, at: datetime) -> str:
    return at.astimezone(services.clock.tz).strftime("%Y-%m-%d %H:%M:%S")


def summary_row(services: Services, v: ArchiveView) -> list[Any]:
    return [
        v.worker.employee_no,
        v.worker.name,
        v.unit,
        v.job,
        v.year_hours,
        v.total_hours,
        len(v.entries),
        v.head_hash,
        status_text(services, v),
    ]


def write_xlsx(services: Services, path: Path, title: str, views: list[ArchiveView]) -> None:
    """Two sheets: 汇总 (one row per worker under a header block) and 记录 (every entry)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    made = services.clock.local_now().strftime("%Y-%m-%d %H:%M")
    head = [
        [title],
        ["导出时间", made],
        ["说明", "不含身份证号与手机号；学时按企业规则由已核验的学习记录计算"],
        [],
    ]
    rows: list[list[Any]] = [*head, SUMMARY, *(summary_row(services, v) for v in views)]
    _sheet(book.add_worksheet("汇总"), rows)
    entries: list[list[Any]] = [ENTRIES]
    for v in views:
        for e in v.entries:
            row = [v.worker.employee_no, v.worker.name, e.seq, _local(services, e.at)]
            entries.append([*row, e.label, e.detail, e.hash])
    _sheet(book.add_worksheet("记录"), entries)
    book.close()


def _sheet(sheet: Any, rows: list[list[Any]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, str):
                if value:
                    sheet.write_string(r, c, value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, c, value)


def render_pdf(services: Services, title: str, views: list[ArchiveView]) -> bytes:
    from weasyprint import HTML

    html = (
        _environment()
        .get_template("archive.html")
        .render(
            title=title,
            views=views,
            statuses=[status_text(services, v) for v in views],
            made=services.clock.local_now().strftime("%Y-%m-%d %H:%M"),
            local=lambda at: _local(services, at),
        )
    )
    pdf: bytes = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    return pdf


async def worker_views(services: Services, workers: list[Worker]) -> list[ArchiveView]:
    return [await view(services, w) for w in workers]


async def export(
    services: Services,
    fmt: str,
    path: Path,
    *,
    employee_no: str | None = None,
    unit: str | None = None,
    enterprise: str | None = None,
) -> int:
    """Write one worker's archive (by 工号) or a unit's (by path, in `enterprise`) as `fmt`
    to `path`; returns the number of workers. NotFound for an unknown worker or unit."""
    if employee_no is not None:
        worker = await find_worker(employee_no, enterprise)
        views = await worker_views(services, [worker])
        title = f"{worker.name}（{worker.employee_no}）一人一档"
    else:
        ent = await Enterprise.get_or_none(code=enterprise or "")
        if ent is None:
            raise NotFound(f"no enterprise {enterprise!r}")
        label, workers = await unit_workers(ent, unit or "")
        views = await worker_views(services, workers)
        title = services.copy.t("archive.unit_title", unit=label)
    if fmt == "pdf":
        data = await asyncio.to_thread(render_pdf, services, title, views)
        await asyncio.to_thread(path.write_bytes, data)
    else:
        await asyncio.to_thread(write_xlsx, services, path, title, views)
    return len(views)
