"""Question banks in the layout Chinese enterprises keep them in: xlsx, xls or csv read through
content/tables.py (every sheet but instructions; a sheet named for a type may leave out 题型)
with the columns 编号, 题型, 题干, 选项A…选项F (or all options in one 选项 cell), 答案, 解析,
工种, 知识点, 难度, 来源, 图片, 核对版本 under the names exports give them, or the library's
YAML. Every problem is reported with file, sheet, row and column and a reason a training clerk
understands; reading never stops at the first one. Rows are numbered as Excel numbers them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from content import citations
from content.bankrows import LETTERS, Reading, five_levels, parse_row, sheet_type
from content.loader import Problem, QuestionData, parse_questions
from content.sources import SUFFIXES
from content.tables import FORMULA_LIKE, Row, Schema, TableFile, read_table_file

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
# Other names files give the columns (a header is matched after content.tables.label: spaces,
# full-width, *, a note in brackets and a colon do not count). 序号 and 题号 are row counters
# (1, 2, 3… starting again on each sheet), not codes: a code "1" would overwrite another file's
# question "1" on the next import, so they are no column of ours and are ignored. Add
# spellings here.
SYNONYMS = {
    "编号": ("试题编号", "题目编号", "试题ID", "题目ID", "试题代码"),
    "题型": ("试题类型", "题目类型", "类型", "题型名称", "试题题型"),
    "题干": ("试题内容", "题目内容", "题目", "试题", "问题", "题干内容", "试题题干", "题目名称"),
    "选项": ("备选答案", "选项内容", "备选项", "答案选项", "全部选项"),
    "答案": ("正确答案", "标准答案", "参考答案", "正确选项"),
    "解析": ("答案解析", "试题解析", "题目解析", "解释", "答案说明", "解题思路", "试题分析"),
    "工种": ("岗位", "适用工种", "适用岗位", "工种名称", "岗位名称", "适用人员"),
    "知识点": ("考点", "知识分类", "试题分类"),
    "难度": ("难易程度", "难度等级", "难易度", "试题难度", "难易"),
    "来源": ("出处", "依据", "出题依据", "法规依据"),
    "图片": ("图片链接", "图片网址"),
}
TYPE_NAMES = {"single": "单选", "multi": "多选", "judge": "判断"}
DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
UNSAFE_START = (*FORMULA_LIKE, "\t", "\r")


@dataclass
class Bank:
    """What a file holds: the questions that passed, every problem found, and notices that
    do not stop the import (how a cell was read)."""

    questions: list[QuestionData] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    rows: int = 0  # data rows read (blank rows not counted)
    sheets_read: list[str] = field(default_factory=list)
    sheets_skipped: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why)


def _option_header(text: str) -> str | None:
    """A bare option letter (A…F, a, Ａ) or "A选项" over an option column."""
    found = re.fullmatch(r"([A-F])(?:选项)?", text.upper())
    return f"选项{found.group(1)}" if found else None


def _sheet_columns(sheet: str) -> tuple[str, ...]:
    """A sheet named for a type (单选, 判断题…) needs no 题型 column."""
    return ("题型",) if sheet_type(sheet) else ()


SCHEMA = Schema(
    title="题库",
    columns=(*COLUMNS, "选项"),  # 选项: all the options in one cell
    synonyms=SYNONYMS,
    required=REQUIRED,
    anchor=("题干",),
    extra_headers=_option_header,
    implied=_sheet_columns,
    hints={
        "工种": "整个文件是同一个工种时，可在导入时指定默认工种（命令行 --job，接口表单字段 job）"
    },
)
FIVE_LEVELS = "难度按 1–5 级读取（文件里有 4 或 5）：1、2 记为易，3 记为中，4、5 记为难"


def read_bank(
    path: Path,
    jobs: dict[str, str],
    progress: Callable[[int], None] | None = None,
    *,
    job_names: dict[str, str] | None = None,
    default_job: str | None = None,
) -> Bank:
    """Read and check one bank file. `jobs` maps every accepted spelling of a job (its code,
    its name, its other names) to its code; `default_job` (a code) stands for a blank or
    missing 工种."""
    bank = Bank()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        _read_yaml(path, jobs, bank)
        return bank
    if suffix not in SUFFIXES:
        why = "只能导入 .xlsx、.xls、.csv 或 .yaml 文件"
        bank.problems.append(Problem(path.name, None, "文件", why))
        return bank
    required = tuple(c for c in REQUIRED if c != "工种" or default_job is None)
    table = read_table_file(path, replace(SCHEMA, required=required))
    bank.problems.extend(table.problems)
    bank.sheets_read, bank.sheets_skipped = table.sheets_read, table.sheets_skipped
    reading = Reading(jobs, job_names or {}, default_job)
    _Reader(table, reading, bank, progress).read()
    return bank


class _Reader:
    """Reads the rows of one file into a Bank; stems and codes must be unique across
    sheets."""

    def __init__(
        self,
        table: TableFile,
        reading: Reading,
        bank: Bank,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.table, self.reading, self.bank, self.progress = table, reading, bank, progress
        self.stems: dict[tuple[str, str], tuple[str, int]] = {}
        self.codes: dict[str, tuple[str, int]] = {}

    def read(self) -> None:
        refused = set()
        for sheet, header in self.table.headers.items():
            judge = sheet_type(sheet) == "judge" if sheet else False
            if not judge and not any(c in header.titles for c in (*OPTION_COLUMNS, "选项")):
                why = "缺少选项列（选项A…，或把选项都写在一列「选项」里）"
                self.add(self.bank.problems, sheet, header.number, "表头", why, "缺少选项列")
                refused.add(sheet)
        self.reading.five_levels = five_levels([r.values.get("难度", "") for r in self.table.rows])
        if self.reading.five_levels:
            self.add(self.bank.notices, "", None, "难度", FIVE_LEVELS, "难度按五级换算")
        for row in self.table.rows:
            if row.sheet not in refused:
                self.row(row)

    def add(
        self, to: list[Problem], sheet: str, row: int | None, column: str, why: str, kind: str = ""
    ) -> None:
        sheet = sheet if self.table.several else ""
        to.append(Problem(self.table.name, row, column, why, sheet, kind))

    def row(self, row: Row) -> None:
        problems, notices = self.bank.problems, self.bank.notices
        self.bank.rows += 1
        if self.progress is not None:
            self.progress(self.bank.rows)
        if row.hidden:
            why = f"第{row.number}行是隐藏行：请取消隐藏、确认后再导入，或删除该行"
            self.add(problems, row.sheet, row.number, "行", why, "隐藏行")
            return
        for key, reason in row.refused.items():
            self.add(problems, row.sheet, row.number, row.titles[key], reason, "单元格无法读取")
        for key, note in row.notes.items():
            kind = "以 = + - @ 开头，按文字导入" if note.startswith("以「") else "公式按结果导入"
            self.add(notices, row.sheet, row.number, row.titles[key], note, kind)
        if row.refused:
            return

        def bad(column: str, why: str, kind: str = "") -> None:
            self.add(problems, row.sheet, row.number, row.titles.get(column, column), why, kind)

        def warn(column: str, why: str, kind: str = "") -> None:
            self.add(notices, row.sheet, row.number, row.titles.get(column, column), why, kind)

        in_sheet = sheet_type(row.sheet) if row.sheet else None
        question = parse_row(row.values, self.reading, bad, warn, in_sheet)
        if question is not None and self.unique(row, question):
            self.bank.questions.append(question)

    def unique(self, row: Row, q: QuestionData) -> bool:
        here = (row.sheet, row.number)
        for job in q.jobs:
            first = self.stems.setdefault((job, q.stem), here)
            if first != here:
                why = f"与{self._at(first, row.sheet)}题干重复（同一工种）"
                self.add(
                    self.bank.problems, row.sheet, row.number, row.titles["题干"], why, "题干重复"
                )
                return False
        first = self.codes.setdefault(q.code, here)
        if first != here:
            title = row.titles.get("编号", "编号")
            why = f"与{self._at(first, row.sheet)}编号重复"
            self.add(self.bank.problems, row.sheet, row.number, title, why, "编号重复")
            return False
        return True

    def _at(self, where: tuple[str, int], sheet_now: str) -> str:
        sheet, row = where
        return f"第{row}行" if sheet == sheet_now else f"工作表「{sheet}」第{row}行"


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
