"""The one tolerant table reader every spreadsheet import uses (question banks, the roster):
a file (xlsx, csv in UTF-8 or GBK) → the data rows under each sheet's header, by canonical
column name, with what each cell displays. Title rows and merged banners above the header are
skipped; so are sheets with no table (填写说明); which sheets were read is reported.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from content.loader import Problem
from content.workbook import Table, check_archive, read_workbook

HEADER_SEARCH = 15  # rows above the header: titles, banners, notes to the clerk
INSTRUCTION_SHEETS = (
    "填写说明",
    "说明",
    "使用说明",
    "导入说明",
    "填表说明",
    "模板说明",
    "注意事项",
)
XLS_STEPS = (
    "这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中打开，点「文件 → 另存为」，"
    "保存类型选「Excel 工作簿 (*.xlsx)」，再导入新文件"
)


@dataclass(frozen=True)
class Schema:
    title: str  # "题库" / "花名册", used in messages
    columns: tuple[str, ...]  # canonical column names
    synonyms: Mapping[str, tuple[str, ...]]  # canonical → other header spellings
    required: tuple[str, ...]  # a header lacking one is a problem
    anchor: tuple[str, ...]  # a header row holds one of these and ≥ 2 known columns
    extra_headers: Callable[[str], str | None] | None = None  # e.g. bare "A" → 选项A

    def column(self, title: str) -> str | None:
        key = label(title)
        found = _headers(self).get(key) or _headers(self).get(key.upper())
        if found is None and self.extra_headers is not None:
            found = self.extra_headers(key)
        return found


_HEADER_CACHE: dict[int, dict[str, str]] = {}


def _headers(schema: Schema) -> dict[str, str]:
    found = _HEADER_CACHE.get(id(schema))
    if found is None:
        found = {name: name for name in schema.columns}
        for name, aliases in schema.synonyms.items():
            found.update({label(alias): name for alias in aliases})
        _HEADER_CACHE[id(schema)] = found
    return found


@dataclass
class Row:
    sheet: str
    number: int  # Excel's row number (csv: the record's number, from 1)
    values: dict[str, str]  # canonical column → displayed text, stripped
    titles: dict[str, str]  # canonical column → its header as written
    refused: dict[str, str] = field(default_factory=dict)  # column → why it cannot be read
    notes: dict[str, str] = field(default_factory=dict)  # column → how it was read
    hidden: bool = False


@dataclass
class TableFile:
    name: str
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheets_read: list[str] = field(default_factory=list)
    sheets_skipped: list[tuple[str, str]] = field(default_factory=list)
    several: bool = False  # more than one sheet read: problems name their sheet


def plain(text: str) -> str:
    """Full-width letters, digits and spaces as ASCII, invisible characters and blanks
    removed: for identifiers and headers, never for content."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u200b\u200c\u200d\ufeff]+", "", text)


def label(text: str) -> str:
    """A header or sheet name as clerks vary it: full-width, spaces, * for required, a note
    in brackets, a trailing colon."""
    return re.sub(r"\([^)]*\)$", "", plain(text).replace("*", "")).rstrip(":")


def nearest(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to `name`, for 「最接近的有」."""
    names = sorted(set(known))
    found = get_close_matches(name, names, n=n, cutoff=0.4)
    found += [k for k in names if k not in found and (k in name or name in k)]
    return found[:n]


def read_table_file(path: Path, schema: Schema) -> TableFile:
    result = TableFile(path.name)
    try:
        tables = _open(path)
    except ValueError as err:
        result.problems.append(Problem(path.name, None, "文件", str(err)))
        return result
    _Sheets(result, schema).read(tables)
    return result


def _open(path: Path) -> list[Table]:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValueError(XLS_STEPS)
    if suffix == ".csv":
        return [_csv_table(path)]
    if suffix not in (".xlsx", ".xlsm"):
        raise ValueError("只能导入 .xlsx 或 .csv 文件")
    refusal = check_archive(path)  # before anything is expanded
    if refusal is not None:
        raise ValueError(refusal)
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return read_workbook(path)
    except InvalidFileException as err:
        raise ValueError(f"文件无法打开：{err}") from None
    except OSError as err:
        raise ValueError(f"文件无法打开：{err}") from None
    except Exception as err:  # zipfile.BadZipFile and friends: not an xlsx at all
        raise ValueError(f"不是有效的 xlsx 文件（{type(err).__name__}）") from None


def _csv_table(path: Path) -> Table:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ValueError(f"文件无法打开：{err}") from None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))  # quoted cells keep newlines
    except csv.Error as err:
        raise ValueError(f"CSV 格式错误：{err}") from None
    return Table(rows=[(n, [v.strip() for v in values]) for n, values in enumerate(records, 1)])


Columns = dict[str, tuple[int, str]]  # canonical column → (its index, its title as written)


class _Sheets:
    def __init__(self, result: TableFile, schema: Schema) -> None:
        self.result, self.schema = result, schema

    def read(self, tables: list[Table]) -> None:
        found: list[tuple[Table, Columns, int]] = []
        for table in tables:
            header = self.sheet(table)
            if header is not None:
                found.append((table, *header))
        self.result.several = len(found) > 1 or (len(tables) > 1 and bool(found))
        if not found and not self.result.problems:
            anchor = "」或「".join(self.schema.anchor)
            why = f"找不到表头行（{self.schema.title}应有「{anchor}」等列）"
            self.result.problems.append(Problem(self.result.name, None, "表头", why))
        for table, columns, at in found:
            if table.sheet:  # a csv file has no sheets to name
                self.result.sheets_read.append(table.sheet)
            self.rows(table, columns, at)

    def skip(self, table: Table, why: str) -> None:
        self.result.sheets_skipped.append((table.sheet, why))

    def sheet(self, table: Table) -> tuple[Columns, int] | None:
        name = label(table.sheet)
        at = next(
            (i for i, (_, cells) in enumerate(table.rows[:HEADER_SEARCH]) if self.is_header(cells)),
            None,
        )
        if at is None:
            if any(word in name for word in INSTRUCTION_SHEETS):
                self.skip(table, "填写说明，不是数据")
            elif not any(sum(map(bool, cells)) >= 3 for _, cells in table.rows):
                self.skip(table, "没有表格内容")
            else:
                anchor = "」或「".join(self.schema.anchor)
                self.problem(table, None, "表头", f"找不到表头行（应有「{anchor}」等列）")
            return None
        if table.hidden:
            why = f"工作表「{table.sheet}」是隐藏的：请取消隐藏、确认内容后再导入，或删除该表"
            self.problem(table, None, "工作表", why)
            return None
        columns = self.header(table, at)
        return (columns, at) if columns is not None else None

    def problem(self, table: Table, row: int | None, column: str, why: str) -> None:
        self.result.problems.append(Problem(self.result.name, row, column, why, table.sheet))

    def is_header(self, cells: list[str]) -> bool:
        names = {self.schema.column(c) for c in cells if c} - {None}
        return bool(names & set(self.schema.anchor)) and len(names) >= 2

    def header(self, table: Table, at: int) -> Columns | None:
        number, cells = table.rows[at]
        columns: Columns = {}
        for i, title in enumerate(cells):
            key = self.schema.column(title) if title else None
            if key is None:
                continue
            if key in columns:
                why = f"「{columns[key][1]}」和「{title}」两列都是{key}，请只保留一列"
                self.problem(table, number, title, why)
                return None
            columns[key] = (i, title)
        missing = [c for c in self.schema.required if c not in columns]
        if missing:
            self.problem(table, number, "表头", f"缺少列：{'、'.join(missing)}")
            return None
        return columns

    def rows(self, table: Table, columns: Columns, at: int) -> None:
        titles = {key: title for key, (_, title) in columns.items()}
        for number, cells in table.rows[at + 1 :]:
            values = {key: cells[i] if i < len(cells) else "" for key, (i, _) in columns.items()}
            refused = {
                key: why
                for key, (i, _) in columns.items()
                if (why := table.refused.get((number, i + 1)))
            }
            if not any(values.values()) and not refused:
                continue  # blank rows between blocks are common
            notes = {
                key: note
                for key, (i, _) in columns.items()
                if (note := table.notes.get((number, i + 1)))
            }
            self.result.rows.append(
                Row(
                    table.sheet, number, values, titles, refused, notes, number in table.hidden_rows
                )
            )
