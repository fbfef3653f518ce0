"""Building workbooks the way clerks' files come: several sheets, number formats, hidden rows
and sheets, merged cells, text that looks like a formula, and real formulas with or without
the value Excel saved for them. Used by the bank tests and tests/data/banks/make_corpus.py."""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook


@dataclass(frozen=True)
class Cell:
    """A cell with a number format; `text=True` stores a string even when it starts with '='."""

    value: object
    fmt: str = "General"
    text: bool = False


@dataclass(frozen=True)
class Formula:
    """A formula cell; `cached` is the value Excel saved with it (None: never calculated)."""

    formula: str
    cached: str | None = None


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    hidden_rows: set[int] = field(default_factory=set)
    state: str = "visible"
    merged: list[str] = field(default_factory=list)


def write(path: Path, sheets: list[Sheet]) -> Path:
    book = Workbook()
    book.remove(book.worksheets[0])
    cached: dict[tuple[int, str], str] = {}
    for index, spec in enumerate(sheets, 1):
        ws = book.create_sheet(spec.name)
        ws.sheet_state = spec.state
        for r, row in enumerate(spec.rows, 1):
            for c, value in enumerate(row, 1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, Formula):
                    cell.value = value.formula
                    if value.cached is not None:
                        cached[(index, cell.coordinate)] = value.cached
                elif isinstance(value, Cell):
                    cell.value = value.value
                    cell.number_format = value.fmt
                    if value.text:
                        cell.data_type = "s"
                else:
                    cell.value = value
        for r in spec.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for span in spec.merged:
            ws.merge_cells(span)
    book.save(path)
    if cached:
        _add_cached_values(path, cached)
    return path


def _add_cached_values(path: Path, cached: dict[tuple[int, str], str]) -> None:
    """openpyxl writes formulas without a saved result; Excel saves one (<v>) beside each."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / path.name
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                found = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
                if found:
                    text = data.decode()
                    for (sheet, ref), value in cached.items():
                        if sheet != int(found.group(1)):
                            continue
                        text = re.sub(
                            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                            rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v></c>',
                            text,
                        )
                    data = text.encode()
                dst.writestr(info, data)
        shutil.copy(out, path)
