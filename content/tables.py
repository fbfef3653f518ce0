"""One reader for every spreadsheet an enterprise sends (question banks, the roster), whatever
file it comes in (content/sources.py: xlsx, xls, csv). Each sheet's header row is found below
title rows and merged banners, its spellings mapped to one schema's columns. Every row keeps the
number Excel shows and every cell the text it displays; a cell that cannot be read exactly is
carried as refused, never guessed, and nothing a person would not see (a hidden sheet, a hidden
row) is passed on unmarked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path

from content.loader import Problem
from content.sources import Refused, open_tables
from content.workbook import Table

HEADER_SEARCH = 15  # the header is among a sheet's first rows that hold anything
FORMULA_LIKE = ("=", "+", "-", "@")  # how Excel recognises the start of a formula
# a sheet whose name ends so holds instructions or an example, not data (填写说明, 导入须知…)
INSTRUCTIONS = ("说明", "注意事项", "示例", "样例", "须知", "readme")
# zero-width characters and emoji variation selectors (✔️ is ✔ + U+FE0F)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f"))


@dataclass(frozen=True)
class Schema:
    """What one kind of table holds: its columns and the other names files give them."""

    title: str  # "题库" / "花名册", used in messages
    columns: tuple[str, ...]  # canonical column names
    synonyms: Mapping[str, tuple[str, ...]]  # canonical -> other header spellings
    required: tuple[str, ...]  # a header lacking one is a problem (row, "表头")
    anchor: tuple[str, ...]  # a header row holds one of these and >= 2 known columns
    extra_headers: Callable[[str], str | None] | None = None  # a label -> canonical, or None
    implied: Callable[[str], tuple[str, ...]] | None = None  # columns a sheet's name stands for
    hints: Mapping[str, str] = field(default_factory=dict)  # missing column -> what to do

    @cached_property
    def _names(self) -> dict[str, str]:
        names = {label(c): c for c in self.columns}
        for canonical, others in self.synonyms.items():
            names.update({label(other): canonical for other in others})
        return names

    def column(self, title: str) -> str | None:
        """The canonical column a header cell names, or None for a column not ours."""
        text = label(title)
        if not text:
            return None
        found = self._names.get(text) or self._names.get(text.upper())
        if found is None and self.extra_headers is not None:
            found = self.extra_headers(text)
        return found


@dataclass
class Row:
    sheet: str
    number: int  # Excel's row number (csv: record number, 1-based)
    values: dict[str, str]  # canonical column -> displayed text (stripped, not otherwise changed)
    titles: dict[str, str]  # canonical column -> header as written in the file
    refused: dict[str, str]  # canonical column -> why this cell could not be read
    notes: dict[str, str]  # canonical column -> caveat on how it was read
    hidden: bool  # a hidden row


@dataclass(frozen=True)
class Header:
    number: int  # the header's row number
    titles: dict[str, str]  # canonical column -> header as written
    unknown: tuple[str, ...] = ()  # header cells that name no column of the schema


@dataclass
class TableFile:
    name: str  # file name, for messages
    rows: list[Row] = field(default_factory=list)  # data rows, blank rows dropped
    problems: list[Problem] = field(default_factory=list)  # file / sheet / header level
    sheets_read: list[str] = field(default_factory=list)
    sheets_skipped: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why)
    several: bool = False  # more than one sheet with content (problems then name their sheet)
    headers: dict[str, Header] = field(default_factory=dict)  # sheet ("" for csv) -> its header

    def problem(self, sheet: str, row: int | None, column: str, why: str) -> None:
        self.problems.append(Problem(self.name, row, column, why, sheet if self.several else ""))


def plain(text: str) -> str:
    """What a clerk typed in an identifier-like cell (a code, an ID number, an answer letter):
    full-width letters, digits and spaces as ASCII, NBSP and zero-width characters removed, and
    no whitespace at all. Not for content, whose spaces and characters are kept as written."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(INVISIBLE))


def label(text: str) -> str:
    """A header or sheet name as clerks vary it: full-width, spaces, * for required, a note in
    brackets after it or brackets around it, a trailing colon."""
    text = plain(text).replace("*", "").rstrip(":")
    whole = re.fullmatch(r"\((.*)\)|\[(.*)\]|【(.*)】", text)
    if whole:  # 【题干】
        text = next(part for part in whole.groups() if part is not None)
    return re.sub(r"(\([^)]*\)|\[[^]]*\]|【[^】]*】)$", "", text).rstrip(":")


def nearest(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to `name` (at most n, closest first), for "did you mean"."""
    target = label(name)
    scored = []
    for candidate in dict.fromkeys(known):
        other = label(candidate)
        if not other or not target:
            continue
        match = SequenceMatcher(None, target, other, autojunk=False)
        shared = sum(block.size for block in match.get_matching_blocks())
        score = match.ratio()
        if target in other or other in target:
            score = max(score, 0.6)
        if score >= 0.4 and shared >= min(2, len(target), len(other)):  # one 员 is no likeness
            scored.append((-score, candidate))
    return [candidate for _, candidate in sorted(scored)[:n]]


def read_table_file(path: Path, schema: Schema) -> TableFile:
    """Every sheet of `path` read against `schema`; never raises for what is in the file."""
    result = TableFile(name=path.name)
    tables = _open(path, result)
    if tables is None:
        return result
    result.several = sum(1 for t in tables if _filled(t)) > 1
    for table in tables:
        _sheet(table, schema, result)
    if not result.headers and not result.problems:
        why = f"找不到表头行（应包含「{schema.anchor[0]}」等列）"
        if result.sheets_skipped:
            skipped = "、".join(f"「{s}」（{r}）" for s, r in result.sheets_skipped if s)
            why += f"；未读取的工作表：{skipped}" if skipped else ""
        result.problem("", None, "表头", why)
    return result


def _open(path: Path, result: TableFile) -> list[Table] | None:
    try:
        return open_tables(path)
    except Refused as err:
        result.problem("", None, "文件", str(err))
        return None


def _filled(table: Table) -> bool:
    return any(any(cells) for _, cells in table.rows) or bool(table.refused)


def _is_header(cells: list[str], schema: Schema) -> bool:
    names = {schema.column(c) for c in cells if c} - {None}
    return bool(names & set(schema.anchor)) and len(names) >= 2


def _first_header(rows: list[tuple[int, list[str]]], schema: Schema) -> int | None:
    return next((n for n, cells in rows if _is_header(cells, schema)), None)


def _sheet(table: Table, schema: Schema, result: TableFile) -> None:
    sheet = table.sheet
    filled = [(n, cells) for n, cells in table.rows if any(cells)]
    if not filled and not table.refused:
        if sheet:
            result.sheets_skipped.append((sheet, "空白"))
        return
    if sheet and label(sheet).lower().endswith(INSTRUCTIONS):
        result.sheets_skipped.append((sheet, "填写说明"))
        return
    at = _first_header(filled[:HEADER_SEARCH], schema)
    later = None if at is not None else _first_header(filled[HEADER_SEARCH:], schema)
    if later is not None and not table.hidden:
        why = f"表头在第{later}行，太靠下：表头上方的标题、说明请不超过 {HEADER_SEARCH - 1} 行"
        result.problem(sheet, later, "表头", why)
        result.sheets_skipped.append((sheet, "表头太靠下"))
        return
    if at is None:
        if table.hidden:
            result.sheets_skipped.append((sheet, f"隐藏的工作表，没有{schema.title}表头"))
        elif any(sum(map(bool, cells)) >= 3 for _, cells in filled):
            why = f"找不到表头行（应包含「{schema.anchor[0]}」等列）"
            result.problem(sheet, None, "表头", why)
            result.sheets_skipped.append((sheet, "找不到表头"))
        else:
            result.sheets_skipped.append((sheet, "没有表格"))
        return
    if table.hidden:
        why = f"工作表「{sheet}」是隐藏的：请取消隐藏、确认内容后再导入，或删除该表"
        result.problem(sheet, None, "工作表", why)
        result.sheets_skipped.append((sheet, "隐藏"))
        return
    header = _header(table, at, schema, result)
    if header is None:
        result.sheets_skipped.append((sheet, "表头有误"))
        return
    result.headers[sheet] = header
    if sheet:
        result.sheets_read.append(sheet)
    columns = _indices(table, at, schema)
    for number, cells in table.rows:
        if number > at:
            row = _row(table, number, cells, columns, header, schema)
            if row is not None:
                result.rows.append(row)


def _indices(table: Table, at: int, schema: Schema) -> dict[str, int]:
    cells = next(cells for n, cells in table.rows if n == at)
    found: dict[str, int] = {}
    for i, title in enumerate(cells):
        key = schema.column(title) if title else None
        if key is not None:
            found.setdefault(key, i)
    return found


def _header(table: Table, at: int, schema: Schema, result: TableFile) -> Header | None:
    cells = next(cells for n, cells in table.rows if n == at)
    titles: dict[str, str] = {}
    unknown: list[str] = []
    for title in cells:
        key = schema.column(title) if title else None
        if key is None:
            if title:
                unknown.append(title)
            continue
        if key in titles:
            why = f"「{titles[key]}」和「{title}」两列都是{key}，请只保留一列"
            result.problem(table.sheet, at, title, why)
            return None
        titles[key] = title
    implied = schema.implied(table.sheet) if schema.implied and table.sheet else ()
    missing = [c for c in schema.required if c not in titles and c not in implied]
    if missing:
        why = f"缺少列：{'、'.join(missing)}"
        guesses = [f"「{t}」是不是「{c}」" for c in missing for t in nearest(c, unknown, 1)]
        if guesses:
            why += f"（表头里的{'，'.join(guesses)}？请改成标准列名）"
        why += "".join(f"；{schema.hints[c]}" for c in missing if c in schema.hints)
        result.problem(table.sheet, at, "表头", why)
        return None
    return Header(at, titles, tuple(unknown))


def _repeats_header(values: dict[str, str], schema: Schema) -> bool:
    anchor = next((a for a in schema.anchor if values.get(a)), None)
    if anchor is None or schema.column(values[anchor]) != anchor:  # one look for most rows
        return False
    written = [(key, text) for key, text in values.items() if text]
    return len(written) >= 2 and all(schema.column(text) == key for key, text in written)


def _row(
    table: Table,
    number: int,
    cells: list[str],
    columns: dict[str, int],
    header: Header,
    schema: Schema,
) -> Row | None:
    values = {key: cells[i] if i < len(cells) else "" for key, i in columns.items()}
    refused = {
        key: why for key, i in columns.items() if (why := table.refused.get((number, i + 1)))
    }
    if not any(values.values()) and not refused:
        return None  # blank rows between blocks are common
    if _repeats_header(values, schema):
        return None  # the header repeated above the next block
    notes = {}
    for key, i in columns.items():
        note = table.notes.get((number, i + 1))
        text = values[key]
        if note is None and text.startswith(FORMULA_LIKE) and key not in refused:
            note = f"以「{text[0]}」开头，已按文字导入（不是公式）"
        if note is not None:
            notes[key] = note
    return Row(
        sheet=table.sheet,
        number=number,
        values=values,
        titles=dict(header.titles),
        refused=refused,
        notes=notes,
        hidden=number in table.hidden_rows,
    )
