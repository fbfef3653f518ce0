"""Reading an xlsx workbook as a clerk sees it: every sheet, each cell's displayed text, which
rows and sheets are hidden, formulas by the value Excel saved for them; and refusing an archive
that would expand past a sane size before anything is expanded.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content.cells import Unreadable, displayed

MB = 1024 * 1024
# A 20,000-question bank is ~20 MB of sheet XML; the workbook is read whole (hidden rows and
# merged cells are not visible to openpyxl's streaming mode), ~4 bytes of memory per byte.
MAX_EXPANDED = 50 * MB
MAX_MEMBERS = 1000
MAX_RATIO = 200  # deflate on real sheets gives 5–50x; a padded bomb 1000x
RATIO_FLOOR = MB  # small members may compress absurdly well and do no harm


@dataclass
class Table:
    """One sheet (or a csv file): rows of displayed text by their own row number, and what
    could not be read, or was read with a caveat, by (row, column index)."""

    sheet: str = ""  # the sheet's name; "" for csv
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden: bool = False
    refused: dict[tuple[int, int], str] = field(default_factory=dict)
    notes: dict[tuple[int, int], str] = field(default_factory=dict)


def check_archive(path: Path, limit: int = MAX_EXPANDED) -> str | None:
    """Why this xlsx must not be opened, or None. The sizes a zip declares can lie, but
    zipfile never returns more than the declared size (and then fails the CRC), so each
    member is also read through once here, in chunks, to catch a liar before openpyxl
    reads whole members into memory."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        return None  # not a zip at all: openpyxl says so in its own words
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            return f"文件包含 {len(members)} 个部件，疑似异常文件，未读取"
        total = sum(m.file_size for m in members)
        if total > limit:
            return (
                f"文件解压后超过 {limit // MB} MB（约 {total // MB} MB），疑似异常文件，"
                "未读取；题库很大时请拆成几个文件分别导入"
            )
        for m in members:
            if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
                ratio = m.file_size // max(m.compress_size, 1)
                return f"文件内容的压缩比异常（{ratio} 倍），疑似异常文件，未读取"
        try:
            for m in members:
                with archive.open(m) as member:
                    while member.read(MB):
                        pass
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as err:
            return f"文件已损坏或大小与声明不符（{err}），未读取"
    return None


def read_workbook(path: Path) -> list[Table]:
    from openpyxl import load_workbook

    with path.open("rb") as f:  # a file, not a name: openpyxl refuses an xlsx named .xls
        book = load_workbook(f, data_only=False)
        try:
            cached = _cached_values(path) if _has_formulas(book) else {}
            return [_table(ws, cached.get(ws.title, {})) for ws in book.worksheets]
        finally:
            book.close()


def _has_formulas(book: Any) -> bool:
    return any(c.data_type == "f" for ws in book.worksheets for c in ws._cells.values())


def _cached_values(path: Path) -> dict[str, dict[tuple[int, int], Any]]:
    """The results Excel saved beside each formula (a second, streaming read)."""
    from openpyxl import load_workbook

    with path.open("rb") as f:
        return _cached_in(load_workbook(f, read_only=True, data_only=True))


def _cached_in(book: Any) -> dict[str, dict[tuple[int, int], Any]]:
    try:
        return {
            ws.title: {
                (c.row, c.column): c.value
                for r in ws.iter_rows()
                for c in r
                if getattr(c, "value", None) is not None
            }
            for ws in book.worksheets
        }
    finally:
        book.close()


def _table(ws: Any, cached: dict[tuple[int, int], Any]) -> Table:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    table = Table(sheet=ws.title, hidden=ws.sheet_state != "visible")
    table.hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
    rows: dict[int, dict[int, str]] = {}
    # ws._cells holds only the cells the file has; iter_rows would create every cell of the
    # used rectangle, and a formatted cell far to the right makes that rectangle huge
    for (r, c), cell in ws._cells.items():
        value, where = cell.value, (r, c)
        if value is None:
            continue
        if cell.data_type == "s":  # text shows as it is, whatever the format
            rows.setdefault(r, {})[c] = value.strip()
            continue
        fmt_id = cell._style.numFmtId
        unknown = fmt_id < BUILTIN_FORMATS_MAX_SIZE and fmt_id not in BUILTIN_FORMATS
        fmt = None if unknown else cell.number_format  # an id whose format Excel's language sets
        try:
            if cell.data_type == "e":
                raise Unreadable(f"这一格显示的是错误值 {value}，请改正后再导入")
            if cell.data_type == "f":
                value = cached.get(where)
                if value is None:
                    raise Unreadable(
                        f"这一格是公式（{cell.value}），文件里没有保存它的结果："
                        "请在 Excel 中打开、保存后再导入，或把它改成文字"
                    )
            text = displayed(value, fmt)
        except Unreadable as err:
            table.refused[where] = err.reason
            text = ""
        if cell.data_type == "f" and where not in table.refused:
            table.notes[where] = f"这一格是公式（{cell.value}），已按它显示的「{text}」导入"
        rows.setdefault(r, {})[c] = text.strip()
    _fill_vertical_merges(ws, rows)
    table.rows = [
        (r, [cells.get(c, "") for c in range(1, max(cells) + 1)])
        for r, cells in sorted(rows.items())
    ]
    return table


def _fill_vertical_merges(ws: Any, rows: dict[int, dict[int, str]]) -> None:
    """A cell merged down over several rows (a job written once for a block of questions)
    reads, to a person, as that value in each of those rows that holds anything else."""
    last = max(rows, default=0)
    for span in ws.merged_cells.ranges:
        text = rows.get(span.min_row, {}).get(span.min_col, "")
        if span.min_row == span.max_row or not text:
            continue
        for r in range(span.min_row + 1, min(span.max_row, last) + 1):
            if r in rows:
                rows[r][span.min_col] = text
