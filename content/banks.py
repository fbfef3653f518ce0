"""Question banks in the layout Chinese enterprises keep them in: xlsx (every sheet; a sheet
per question type may leave out 题型) or csv with the columns 编号, 题型, 题干, 选项A…选项F,
答案, 解析, 工种, 知识点, 难度, 来源, 图片, 核对版本 (编号, 图片 and 核对版本 optional; common
other names such as 试题内容 or 正确答案 accepted), or the library's YAML. Every problem is
reported with file, sheet, row and column and a reason a training clerk understands; reading
never stops at the first one. Rows are numbered as Excel numbers them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from content import citations
from content.bankrows import LETTERS, TYPES, parse_row, plain
from content.loader import Problem, QuestionData, parse_questions
from content.workbook import Table, check_archive, read_workbook

OPTION_COLUMNS = [f"选项{letter}" for letter in LETTERS]
COLUMNS = [
    "编号",
    "题型",
    "题干",
    *OPTION_COLUMNS,
    "答案",
    "解析",
    "工种",
    "知识点",
    "难度",
    "来源",
    "图片",
    "核对版本",  # optional: 《名称》版本 for each regulation checked (content/citations.py)
]
REQUIRED = ("题型", "题干", "答案", "解析", "工种")
SYNONYMS = {
    "编号": ("题号", "试题编号", "题目编号"),
    "题型": ("试题类型", "题目类型", "类型"),
    "题干": ("试题内容", "题目内容", "题目", "试题", "问题", "题干内容"),
    "答案": ("正确答案", "标准答案", "参考答案"),
    "解析": ("答案解析", "试题解析", "题目解析", "解释"),
    "工种": ("岗位", "适用工种", "适用岗位"),
    "知识点": ("考点",),
    "难度": ("难易程度", "难度等级", "难易度"),
    "来源": ("出处", "依据", "出题依据"),
    "图片": ("图片链接", "图片网址"),
}
HEADERS = {
    **{name: name for name in COLUMNS},
    **{alias: name for name, aliases in SYNONYMS.items() for alias in aliases},
    **{f"{letter}{suffix}": f"选项{letter}" for letter in LETTERS for suffix in ("", "选项")},
}
TYPE_NAMES = {"single": "单选", "multi": "多选", "judge": "判断"}
DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
FORMULA_LIKE = ("=", "+", "-", "@")  # how Excel recognises the start of a formula
UNSAFE_START = (*FORMULA_LIKE, "\t", "\r")


@dataclass
class Bank:
    """What a file holds: the questions that passed, every problem found, and notices that
    do not stop the import (how a cell was read)."""

    questions: list[QuestionData] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    rows: int = 0  # data rows read (blank rows not counted)


def read_bank(
    path: Path, jobs: dict[str, str], progress: Callable[[int], None] | None = None
) -> Bank:
    """Read and check one bank file. `jobs` maps every accepted spelling of a job (its code and
    its name) to its code."""
    bank = Bank()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        _read_yaml(path, jobs, bank)
        return bank
    try:
        if suffix == ".xlsx":
            refusal = check_archive(path)  # before anything is expanded
            if refusal is not None:
                bank.problems.append(Problem(path.name, None, "文件", refusal))
                return bank
            tables = _xlsx_tables(path)
        elif suffix == ".csv":
            tables = [_csv_table(path)]
        else:
            bank.problems.append(
                Problem(path.name, None, "文件", "只能导入 .xlsx、.csv 或 .yaml 文件")
            )
            return bank
    except (OSError, ValueError, KeyError, csv.Error) as err:  # openpyxl raises these
        bank.problems.append(Problem(path.name, None, "文件", f"文件无法打开：{err}"))
        return bank
    _Reader(path.name, jobs, bank, progress, several=len(tables) > 1).read(tables)
    return bank


def _xlsx_tables(path: Path) -> list[Table]:
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return read_workbook(path)
    except InvalidFileException as err:
        raise ValueError(str(err)) from None
    except Exception as err:  # zipfile.BadZipFile and friends: not an xlsx at all
        raise ValueError(f"不是有效的 xlsx 文件（{type(err).__name__}）") from None


def _csv_table(path: Path) -> Table:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    records = csv.reader(io.StringIO(text, newline=""))  # a quoted cell may hold line breaks
    return Table(rows=[(n, [v.strip() for v in values]) for n, values in enumerate(records, 1)])


def _label(text: str) -> str:
    """A header or sheet name as clerks vary it: full-width, spaces, * for required, a note
    in brackets, a trailing colon."""
    return re.sub(r"\([^)]*\)$", "", plain(text).replace("*", "")).rstrip(":")


def _column(title: str) -> str | None:
    label = _label(title)
    return HEADERS.get(label) or HEADERS.get(label.upper())


def _is_header(cells: list[str]) -> bool:
    names = {_column(c) for c in cells if c} - {None}
    return "题干" in names and len(names) >= 2


Columns = dict[str, tuple[int, str]]  # known column → (its index, its title as written)


class _Reader:
    """Reads the tables of one file into a Bank; stems and codes must be unique across
    sheets."""

    def __init__(
        self,
        name: str,
        jobs: dict[str, str],
        bank: Bank,
        progress: Callable[[int], None] | None,
        several: bool,
    ) -> None:
        self.name, self.jobs, self.bank, self.progress = name, jobs, bank, progress
        self.several = several  # problems name their sheet only in a workbook of several
        self.stems: dict[tuple[str, str], tuple[str, int]] = {}
        self.codes: dict[str, tuple[str, int]] = {}

    def read(self, tables: list[Table]) -> None:
        found = [self.table(t) for t in tables]
        if not any(found):
            self.bank.problems.append(
                Problem(self.name, None, "表头", "找不到表头行（应包含「题干」等列）")
            )

    def add(self, to: list[Problem], table: Table, row: int | None, column: str, why: str) -> None:
        to.append(Problem(self.name, row, column, why, table.sheet if self.several else ""))

    def table(self, table: Table) -> bool:
        """False for a sheet with nothing to import: empty, or notes without a table."""
        problems = self.bank.problems
        at = next((i for i, (_, cells) in enumerate(table.rows) if _is_header(cells)), None)
        if at is None and not any(sum(map(bool, cells)) >= 3 for _, cells in table.rows):
            return False
        if table.hidden:
            why = f"工作表「{table.sheet}」是隐藏的：请取消隐藏、确认内容后再导入，或删除该表"
            self.add(problems, table, None, "工作表", why)
        elif at is None:
            self.add(problems, table, None, "表头", "找不到表头行（应包含「题干」等列）")
        elif (columns := self.header(table, at)) is not None:
            sheet_type = TYPES.get(_label(table.sheet))
            for number, cells in table.rows[at + 1 :]:
                self.row(table, columns, sheet_type, number, cells)
        return True

    def header(self, table: Table, at: int) -> Columns | None:
        number, cells = table.rows[at]
        columns: Columns = {}
        for i, title in enumerate(cells):
            key = _column(title) if title else None
            if key is None:
                continue
            if key in columns:
                why = f"「{columns[key][1]}」和「{title}」两列都是{key}，请只保留一列"
                self.add(self.bank.problems, table, number, title, why)
                return None
            columns[key] = (i, title)
        sheet_type = TYPES.get(_label(table.sheet))
        missing = [c for c in REQUIRED if c not in columns and not (c == "题型" and sheet_type)]
        if missing:
            self.add(self.bank.problems, table, number, "表头", f"缺少列：{'、'.join(missing)}")
            return None
        if sheet_type != "judge" and not any(c in columns for c in OPTION_COLUMNS):
            self.add(self.bank.problems, table, number, "表头", "缺少选项列（选项A…）")
            return None
        return columns

    def row(
        self,
        table: Table,
        columns: Columns,
        sheet_type: str | None,
        number: int,
        cells: list[str],
    ) -> None:
        problems, notices = self.bank.problems, self.bank.notices
        record = {key: cells[i] if i < len(cells) else "" for key, (i, _) in columns.items()}
        refused = [(t, table.refused.get((number, i + 1))) for i, t in columns.values()]
        if not any(record.values()) and not any(why for _, why in refused):
            return  # blank rows between blocks are common
        self.bank.rows += 1
        if self.progress is not None:
            self.progress(self.bank.rows)
        if number in table.hidden_rows:
            why = f"第{number}行是隐藏行：请取消隐藏、确认后再导入，或删除该行"
            self.add(problems, table, number, "行", why)
            return
        for title, reason in refused:
            if reason:
                self.add(problems, table, number, title, reason)
        for i, title in columns.values():
            note = table.notes.get((number, i + 1))
            text = cells[i] if i < len(cells) else ""
            if note is None and text.startswith(FORMULA_LIKE):
                note = f"以「{text[0]}」开头，已按文字导入（不是公式）"
            if note is not None:
                self.add(notices, table, number, title, note)
        if any(why for _, why in refused):
            return

        def bad(column: str, why: str) -> None:
            title = columns[column][1] if column in columns else column
            self.add(problems, table, number, title, why)

        question = parse_row(record, self.jobs, bad, sheet_type)
        if question is not None and self.unique(table, columns, number, question):
            self.bank.questions.append(question)

    def unique(self, table: Table, columns: Columns, number: int, q: QuestionData) -> bool:
        here = (table.sheet, number)
        for job in q.jobs:
            first = self.stems.setdefault((job, q.stem), here)
            if first != here:
                why = f"与{self._at(first, table)}题干重复（同一工种）"
                self.add(self.bank.problems, table, number, columns["题干"][1], why)
                return False
        first = self.codes.setdefault(q.code, here)
        if first != here:
            title = columns["编号"][1] if "编号" in columns else "编号"
            self.add(
                self.bank.problems, table, number, title, f"与{self._at(first, table)}编号重复"
            )
            return False
        return True

    def _at(self, where: tuple[str, int], table: Table) -> str:
        sheet, row = where
        return f"第{row}行" if sheet == table.sheet else f"工作表「{sheet}」第{row}行"


def _read_yaml(path: Path, jobs: dict[str, str], bank: Bank) -> None:
    questions = parse_questions(path, bank.problems, path.stem)
    for q in questions:
        unknown = [j for j in q.jobs if j not in jobs.values()]
        if unknown:
            bank.problems.append(
                Problem(path.name, None, "jobs", f"{q.code}: 未知工种 {'、'.join(unknown)}")
            )
            continue
        bank.questions.append(q)
    bank.rows = len(questions)


def write_bank(path: Path, questions: list[QuestionData], job_names: dict[str, str]) -> None:
    """Write questions in the import layout (xlsx), 编号 first, so a round trip changes
    nothing. Text that Excel would take for a formula is written as text, never as one."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "题库"
    sheet.append(COLUMNS)
    for q in questions:
        sheet.append(
            [
                q.code,
                TYPE_NAMES[q.qtype],
                q.stem,
                *(q.options.get(letter, "") for letter in LETTERS),
                q.answer,
                q.explanation,
                "、".join(job_names.get(j, j) for j in q.jobs),
                q.topic,
                DIFFICULTY_NAMES.get(q.difficulty, str(q.difficulty)),
                q.source,
                q.image,
                citations.to_cell(q.checked_against or []),
            ]
        )
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(UNSAFE_START):
                cell.data_type = "s"  # openpyxl stores any str starting with "=" as a formula
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    book.save(path)
