"""Question banks in the layout Chinese enterprises keep them in: xlsx or csv with the
columns 编号, 题型, 题干, 选项A…选项F, 答案, 解析, 工种, 知识点, 难度, 来源, 图片, 核对版本 (编号,
图片 and 核对版本 optional), or
the library's YAML. Every problem is reported with file, row and column and a reason a
training clerk understands; reading never stops at the first one.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content import citations
from content.loader import Problem, QuestionData, parse_questions

LETTERS = "ABCDEF"
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
TYPES = {
    "单选": "single",
    "单选题": "single",
    "单项选择": "single",
    "单项选择题": "single",
    "多选": "multi",
    "多选题": "multi",
    "多项选择": "multi",
    "多项选择题": "multi",
    "判断": "judge",
    "判断题": "judge",
}
TYPE_NAMES = {"single": "单选", "multi": "多选", "judge": "判断"}
JUDGE_OPTIONS = {"A": "正确", "B": "错误"}
JUDGE_ANSWERS = {
    **dict.fromkeys(["A", "正确", "对", "√", "✓", "是", "T", "TRUE", "Y"], "A"),
    **dict.fromkeys(["B", "错误", "错", "×", "✗", "X", "否", "F", "FALSE", "N"], "B"),
}
DIFFICULTY = {"1": 1, "2": 2, "3": 3, "易": 1, "简单": 1, "中": 2, "中等": 2, "难": 3, "困难": 3}
DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
LIMITS = {"题干": 200, "选项": 80, "解析": 300, "知识点": 64, "来源": 255, "编号": 64, "图片": 255}
SPLIT = re.compile(r"[、,，/;；\s]+")


@dataclass
class Bank:
    """What a file holds: the questions that passed, and every problem found."""

    questions: list[QuestionData] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
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
            rows = list(_xlsx_rows(path))
        elif suffix == ".csv":
            rows = list(_csv_rows(path))
        else:
            bank.problems.append(
                Problem(path.name, None, "文件", "只能导入 .xlsx、.csv 或 .yaml 文件")
            )
            return bank
    except (OSError, ValueError, KeyError) as err:  # openpyxl raises these on broken files
        bank.problems.append(Problem(path.name, None, "文件", f"文件无法打开：{err}"))
        return bank
    _read_table(path.name, rows, jobs, bank, progress)
    return bank


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as err:
        raise ValueError(str(err)) from None
    except Exception as err:  # zipfile.BadZipFile and friends: not an xlsx at all
        raise ValueError(f"不是有效的 xlsx 文件（{type(err).__name__}）") from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            yield number, [_cell(v) for v in values]
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps 2 as 2.0
    return str(value).strip()


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV")
    for number, values in enumerate(csv.reader(text.splitlines()), 1):
        yield number, [v.strip() for v in values]


def _read_table(
    name: str,
    rows: list[tuple[int, list[str]]],
    jobs: dict[str, str],
    bank: Bank,
    progress: Callable[[int], None] | None,
) -> None:
    header_at = next((i for i, (_, cells) in enumerate(rows) if "题干" in cells), None)
    if header_at is None:
        bank.problems.append(Problem(name, None, "表头", "找不到表头行（应包含「题干」等列）"))
        return
    header = rows[header_at][1]
    columns = {title: i for i, title in enumerate(header) if title}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        bank.problems.append(
            Problem(name, rows[header_at][0], "表头", f"缺少列：{'、'.join(missing)}")
        )
        return
    if not any(c in columns for c in OPTION_COLUMNS):
        bank.problems.append(Problem(name, rows[header_at][0], "表头", "缺少选项列（选项A…）"))
        return
    stems: dict[tuple[str, str], int] = {}
    codes: dict[str, int] = {}
    for number, cells in rows[header_at + 1 :]:
        record = {title: cells[i] if i < len(cells) else "" for title, i in columns.items()}
        if not any(record.values()):
            continue  # blank rows between blocks are common
        bank.rows += 1
        if progress is not None:
            progress(bank.rows)
        question = _row(name, number, record, jobs, bank.problems)
        if question is None:
            continue
        for job in question.jobs:
            first = stems.setdefault((job, question.stem), number)
            if first != number:
                bank.problems.append(
                    Problem(name, number, "题干", f"与第{first}行题干重复（同一工种）")
                )
                question = None
                break
        if question is None:
            continue
        first = codes.setdefault(question.code, number)
        if first != number:
            bank.problems.append(Problem(name, number, "编号", f"与第{first}行编号重复"))
            continue
        bank.questions.append(question)


def _row(
    name: str, number: int, record: dict[str, str], jobs: dict[str, str], problems: list[Problem]
) -> QuestionData | None:
    found: list[Problem] = []

    def bad(column: str, reason: str) -> None:
        found.append(Problem(name, number, column, reason))

    qtype = TYPES.get(record.get("题型", "").replace(" ", ""))
    if qtype is None:
        bad("题型", f"题型「{record.get('题型', '')}」无法识别，应为 单选、多选 或 判断")
    stem = record.get("题干", "")
    if not stem:
        bad("题干", "题干为空")
    for column in ("题干", "解析", "知识点", "来源", "编号", "图片"):
        if len(record.get(column, "")) > LIMITS[column]:
            bad(column, f"{len(record[column])} 字，超过 {LIMITS[column]} 字")
    options = {
        letter: record.get(f"选项{letter}", "") for letter in LETTERS if record.get(f"选项{letter}")
    }
    if qtype == "judge":
        options = dict(JUDGE_OPTIONS)
    elif qtype is not None:
        present = [letter for letter in LETTERS if letter in options]
        if len(present) < 2:
            bad("选项A", "选择题至少要有 A、B 两个选项")
        elif present != list(LETTERS[: len(present)]):
            gap = next(letter for letter in LETTERS if letter not in options)
            bad(f"选项{gap}", f"选项{gap}为空，但后面还有选项")
        for letter, text in options.items():
            if len(text) > LIMITS["选项"]:
                bad(f"选项{letter}", f"{len(text)} 字，超过 {LIMITS['选项']} 字")
    answer = _answer(qtype, record.get("答案", ""), options, bad)
    explanation = record.get("解析", "")
    if not explanation:
        bad("解析", "解析为空：每道题都要写明为什么（工人答错时会看到）")
    job_codes = []
    for token in (t for t in SPLIT.split(record.get("工种", "")) if t):
        code = jobs.get(token)
        if code is None:
            known = "、".join(sorted({k for k, v in jobs.items() if k != v})) or "（无）"
            bad("工种", f"未知工种「{token}」，本单位工种有：{known}")
        elif code not in job_codes:
            job_codes.append(code)
    if not record.get("工种", "").strip():
        bad("工种", "工种为空：每道题要写明适用的工种")
    image = record.get("图片", "")
    if image and not image.startswith(("https://", "http://")):
        bad("图片", "图片请填写以 https:// 开头的网址（表格里嵌入的图片无法导入）")
    checked, wrong = citations.read(record.get("核对版本", ""))
    if wrong:
        bad("核对版本", wrong)
    level = record.get("难度", "") or "1"
    difficulty = DIFFICULTY.get(level)
    if difficulty is None:
        bad("难度", f"难度「{level}」应为 1、2、3 或 易、中、难")
    if found or qtype is None or answer is None or difficulty is None:
        problems.extend(found)
        return None
    code = record.get("编号", "") or _code(job_codes, stem)
    return QuestionData(
        code=code,
        jobs=job_codes,
        qtype=qtype,
        stem=stem,
        options=options,
        answer=answer,
        explanation=explanation,
        topic=record.get("知识点", ""),
        difficulty=difficulty,
        source=record.get("来源", ""),
        image=image,
        checked_against=checked if "核对版本" in record else None,  # absent: keep the record
    )


def _answer(
    qtype: str | None, raw: str, options: dict[str, str], bad: Callable[[str, str], None]
) -> str | None:
    text = raw.strip().upper()
    if not text:
        bad("答案", "答案为空")
        return None
    if qtype == "judge":
        answer = JUDGE_ANSWERS.get(text)
        if answer is None:
            bad("答案", f"判断题答案「{raw}」应为 正确 或 错误（也可写 对/错、√/×）")
        return answer
    letters = "".join(sorted(set(re.sub(r"[\s、,，;；]", "", text))))
    if not letters or any(c not in LETTERS for c in letters):
        bad("答案", f"答案「{raw}」应为选项字母，如 A 或 ABD")
        return None
    outside = [c for c in letters if c not in options]
    if outside:
        bad("答案", f"答案 {''.join(outside)} 不在选项之中（本题选项 {''.join(options)}）")
        return None
    if qtype == "single" and len(letters) != 1:
        bad("答案", f"单选题只能有一个答案，写的是 {letters}")
        return None
    if qtype == "multi" and len(letters) < 2:
        bad("答案", "多选题至少有两个正确选项；只有一个请把题型改为单选")
        return None
    return letters


def _code(jobs: list[str], stem: str) -> str:
    """A stable code for a question without 编号: its job and the hash of its stem."""
    digest = hashlib.sha256(stem.encode()).hexdigest()[:10]
    return f"{jobs[0] if jobs else 'q'}-{digest}"


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
    nothing."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "题库"
    sheet.append(COLUMNS)
    for q in questions:
        options = {} if q.qtype == "judge" else q.options
        sheet.append(
            [
                q.code,
                TYPE_NAMES[q.qtype],
                q.stem,
                *(options.get(letter, "") for letter in LETTERS),
                {"A": "正确", "B": "错误"}[q.answer] if q.qtype == "judge" else q.answer,
                q.explanation,
                "、".join(job_names.get(j, j) for j in q.jobs),
                q.topic,
                DIFFICULTY_NAMES.get(q.difficulty, str(q.difficulty)),
                q.source,
                q.image,
                citations.to_cell(q.checked_against or []),
            ]
        )
    book.save(path)
