"""The roster exported in its own import layout, so an exported file imported again changes
nothing. ID numbers and phones are masked (1101**********123X, 138****5678) unless the caller
may see them; every cell is text, so Excel neither rounds an ID number nor runs a formula."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.context import Services
from bot.errors import NotFound
from bot.people.org import load_tree
from bot.people.privacy import mask_id_number, mask_phone
from bot.people.rosterplan import TRACKED_COLUMNS
from bot.people.rules.roster import EMPLOYMENT_NAMES, STATUS_NAMES
from bot.storage.models import Enterprise, Worker

COLUMNS = ["工号", *TRACKED_COLUMNS]  # the import layout
UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")


async def roster_rows(services: Services, enterprise: str, reveal: bool) -> list[list[str]]:
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    tree = await load_tree(ent)
    privacy = services.privacy
    rows: list[list[str]] = []
    for w in await Worker.filter(enterprise=ent).select_related("job").order_by("employee_no"):
        id_number = privacy.decrypt(w.id_number_enc)
        phone = privacy.decrypt(w.phone_enc) if w.phone_enc else ""
        rows.append(
            [
                w.employee_no,
                w.name,
                id_number if reveal else mask_id_number(id_number),
                (phone if reveal else mask_phone(phone)) if phone else "",
                tree.label(w.department_id),
                w.job.name,
                EMPLOYMENT_NAMES.get(w.employment_type, w.employment_type),
                w.hire_date.isoformat() if w.hire_date else "",
                STATUS_NAMES.get(w.status, w.status),
                "是" if w.is_supervisor else "否",
            ]
        )
    return rows


def text_cell(sheet: Any, value: str) -> Any:
    """A write-only cell holding `value` as text: never a number Excel rounds (an ID number
    stays 18 digits when edited), never a formula (a leading =, +, -, @ is quoted)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "@"
    if value.startswith(UNSAFE_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_roster(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(list(COLUMNS))
    for values in rows:
        sheet.append([text_cell(sheet, value) for value in values])
    book.save(path)


async def export_roster(services: Services, enterprise: str, path: Path, reveal: bool) -> int:
    rows = await roster_rows(services, enterprise, reveal)
    await asyncio.to_thread(write_roster, path, rows)
    return len(rows)
