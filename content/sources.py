"""Opening the files clerks send as tables of displayed text: xlsx (refused unexpanded when it is a
zip bomb), the older .xls (read with xlrd, formats included, so a number shows as Excel shows
it), and csv in UTF-8 (with or without BOM) or GBK/GB18030. A file is judged by what it is, not
by its name: an xlsx saved as .xls is read as xlsx; a web page saved as .xls is refused with the
steps to save it properly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from content.cells import Unreadable, displayed
from content.workbook import MAX_EXPANDED, MB, Table, check_archive, read_workbook

SUFFIXES = (".xlsx", ".xls", ".csv")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file signature of a real .xls
ZIP = b"PK\x03\x04"
SAVE_AS_XLSX = (
    "请用 Excel 或 WPS 打开它，点「文件 → 另存为」，保存类型选「Excel 工作簿(*.xlsx)」，"
    "再导入新保存的 .xlsx 文件"
)
LOCALE_DATES = {14: "yyyy/m/d", 22: "yyyy/m/d h:mm"}  # built-in short dates, as zh-CN shows them


class Refused(ValueError):
    """The file cannot be read at all; the message says why and what to do."""


def open_tables(path: Path) -> list[Table]:
    """Every sheet of the file (one table for a csv), or Refused."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Refused("只能导入 .xlsx、.xls 或 .csv 文件")
    try:
        if suffix == ".csv":
            return [_csv_table(path)]
        with path.open("rb") as f:
            head = f.read(8)
        if head.startswith(ZIP) or suffix == ".xlsx":
            return _xlsx_tables(path)
        if head == OLE:
            return _xls_tables(path)
    except (OSError, ValueError, KeyError, csv.Error) as err:  # openpyxl and xlrd raise these
        if isinstance(err, Refused):
            raise
        raise Refused(f"文件无法打开：{err}") from None
    raise Refused(f"这个 .xls 文件其实不是 Excel 表格（可能是网页导出的）：{SAVE_AS_XLSX}")


def _xlsx_tables(path: Path) -> list[Table]:
    from openpyxl.utils.exceptions import InvalidFileException

    refusal = check_archive(path)  # before anything is expanded
    if refusal is not None:
        raise Refused(refusal)
    try:
        return read_workbook(path)
    except InvalidFileException as err:
        raise Refused(f"文件无法打开：{err}") from None
    except Exception as err:  # zipfile.BadZipFile and friends: not an xlsx at all
        raise Refused(f"不是有效的 xlsx 文件（{type(err).__name__}）") from None


def _csv_table(path: Path) -> Table:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused("编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    records = csv.reader(io.StringIO(text, newline=""))  # a quoted cell may hold line breaks
    return Table(rows=[(n, [v.strip() for v in values]) for n, values in enumerate(records, 1)])


def _xls_tables(path: Path) -> list[Table]:
    import xlrd

    if path.stat().st_size > MAX_EXPANDED:
        raise Refused(f"文件超过 {MAX_EXPANDED // MB} MB，未读取；题库很大时请拆成几个文件")
    try:
        quiet = io.StringIO()  # xlrd writes its warnings on a damaged file to stdout otherwise
        book = xlrd.open_workbook(str(path), formatting_info=True, logfile=quiet)
        try:
            return [_xls_table(book, sheet) for sheet in book.sheets()]
        finally:
            book.release_resources()
    except xlrd.XLRDError as err:
        raise Refused(f"这个 .xls 文件无法读取（{err}）：{SAVE_AS_XLSX}") from None
    except Exception as err:  # a damaged file: xlrd fails with struct, index and assertion errors
        why = type(err).__name__
        raise Refused(f"这个 .xls 文件已损坏，无法读取（{why}）：{SAVE_AS_XLSX}") from None


def _xls_table(book: Any, sheet: Any) -> Table:
    table = Table(sheet=sheet.name, hidden=sheet.visibility != 0)
    table.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    rows: dict[int, dict[int, str]] = {}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            where = (r + 1, c + 1)
            try:
                text = _xls_text(book, cell)
            except Unreadable as err:
                table.refused[where] = err.reason
                text = ""
            if text or where in table.refused:
                rows.setdefault(r + 1, {})[c + 1] = text.strip()
    for r_lo, r_hi, c_lo, _ in sheet.merged_cells:  # a value merged down over several rows
        text = rows.get(r_lo + 1, {}).get(c_lo + 1, "")
        for r in range(r_lo + 2, r_hi + 1):
            if text and r in rows:
                rows[r][c_lo + 1] = text
    table.rows = [
        (r, [cells.get(c, "") for c in range(1, max(cells) + 1)])
        for r, cells in sorted(rows.items())
    ]
    return table


def _xls_text(book: Any, cell: Any) -> str:
    import xlrd
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if kind == xlrd.XL_CELL_ERROR:
        shown = xlrd.error_text_from_code.get(cell.value, "错误")
        raise Unreadable(f"这一格显示的是错误值 {shown}，请改正后再导入")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return displayed(bool(cell.value), "General")
    key = book.xf_list[cell.xf_index].format_key
    if key in LOCALE_DATES:
        fmt: str | None = LOCALE_DATES[key]
    elif key < 164:  # built in: the same strings openpyxl knows; others depend on the language
        fmt = BUILTIN_FORMATS.get(key)
    else:
        fmt = book.format_map[key].format_str
    if kind == xlrd.XL_CELL_DATE:
        try:
            value: object = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            raise Unreadable() from None
        return displayed(value, fmt)
    return displayed(cell.value, fmt)
