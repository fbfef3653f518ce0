"""One row of a question bank → a question, checked column by column: the type, the options
as written (a letter the clerk typed in front of an option removed only when it is that
option's own letter), a 判断 row's own pair of options, and the answer resolved against them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from content import citations
from content.loader import QuestionData
from content.tables import plain

LETTERS = "ABCDEF"
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
JUDGE_OPTIONS = {"A": "正确", "B": "错误"}
TRUE_WORDS = {"正确", "对", "√", "✓", "✔", "是"}
FALSE_WORDS = {"错误", "错", "×", "✗", "✘", "否"}
ANSWER_WORDS = {
    **dict.fromkeys([*TRUE_WORDS, "T", "TRUE", "Y"], True),
    **dict.fromkeys([*FALSE_WORDS, "X", "F", "FALSE", "N"], False),
}
DIFFICULTY = {"1": 1, "2": 2, "3": 3, "易": 1, "简单": 1, "中": 2, "中等": 2, "难": 3, "困难": 3}
LIMITS = {"题干": 200, "选项": 80, "解析": 300, "知识点": 64, "来源": 255, "编号": 64, "图片": 255}
SPLIT = re.compile(r"[、,，/;；\s]+")
# "A.", "A、", "A:", "A)", "（A）" in front of an option's text, half- or full-width
PREFIX = re.compile(
    r"\s*(?:[(（]\s*([A-Fa-fＡ-Ｆａ-ｆ])\s*[)）]|([A-Fa-fＡ-Ｆａ-ｆ])\s*[.．、:：)）])\s*"
)

Bad = Callable[[str, str], None]


def parse_row(
    record: dict[str, str], jobs: dict[str, str], bad: Bad, sheet_type: str | None
) -> QuestionData | None:
    """The question this row says, or None after reporting through `bad` what is wrong."""
    found: list[str] = []

    def check(column: str, reason: str) -> None:
        found.append(column)
        bad(column, reason)

    written = record.get("题型", "")
    qtype = TYPES.get(plain(written)) if written else sheet_type
    if qtype is None:
        check("题型", f"题型「{written}」无法识别，应为 单选、多选 或 判断")
    elif sheet_type is not None and qtype != sheet_type:
        check("题型", f"题型「{written}」与所在工作表的题型不符")
    stem = record.get("题干", "")
    if not stem:
        check("题干", "题干为空")
    for column in ("题干", "解析", "知识点", "来源", "编号", "图片"):
        if len(record.get(column, "")) > LIMITS[column]:
            check(column, f"{len(record[column])} 字，超过 {LIMITS[column]} 字")
    options = _options(record, check)
    answer = None
    if qtype == "judge":
        options, answer = _judge(options, record.get("答案", ""), check)
    elif qtype is not None:
        _choices(options, check)
        answer = _letters(qtype, record.get("答案", ""), options, check)
    explanation = record.get("解析", "")
    if not explanation:
        check("解析", "解析为空：每道题都要写明为什么（工人答错时会看到）")
    job_codes = _jobs(record.get("工种", ""), jobs, check)
    image = record.get("图片", "")
    if image and not image.startswith(("https://", "http://")):
        check("图片", "图片请填写以 https:// 开头的网址（表格里嵌入的图片无法导入）")
    checked, wrong = citations.read(record.get("核对版本", ""))
    if wrong:
        check("核对版本", wrong)
    level = plain(record.get("难度", "")) or "1"
    difficulty = DIFFICULTY.get(level)
    if difficulty is None:
        check("难度", f"难度「{record.get('难度', '')}」应为 1、2、3 或 易、中、难")
    if found or qtype is None or answer is None or difficulty is None:
        return None
    return QuestionData(
        code=record.get("编号", "") or _code(job_codes, stem),
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


def _options(record: dict[str, str], bad: Bad) -> dict[str, str]:
    options = {}
    for letter in LETTERS:
        text = record.get(f"选项{letter}", "")
        prefix = PREFIX.match(text)
        if prefix:
            written = plain(prefix.group(1) or prefix.group(2)).upper()
            rest = text[prefix.end() :]
            if written == letter:
                text = rest.strip()
            elif not re.match(r"[A-Fa-fＡ-Ｆａ-ｆ]", rest):  # "A、B 都对" names options
                shown = prefix.group().strip()
                bad(
                    f"选项{letter}",
                    f"选项{letter}以「{shown}」开头，与所在列不符：请核对选项是否错位",
                )
        if text:
            options[letter] = text
    for letter, text in options.items():
        if len(text) > LIMITS["选项"]:
            bad(f"选项{letter}", f"{len(text)} 字，超过 {LIMITS['选项']} 字")
    return options


def _choices(options: dict[str, str], bad: Bad) -> None:
    present = [letter for letter in LETTERS if letter in options]
    if len(present) < 2:
        bad("选项A", "选择题至少要有 A、B 两个选项")
    elif present != list(LETTERS[: len(present)]):
        gap = next(letter for letter in LETTERS if letter not in options)
        bad(f"选项{gap}", f"选项{gap}为空，但后面还有选项")


def _judge(options: dict[str, str], raw: str, bad: Bad) -> tuple[dict[str, str], str | None]:
    """A 判断 row keeps its own two options (one true, one false); only a row without options
    gets A=正确, B=错误. The answer is a letter of those options or a true/false word."""
    if not options:
        options = dict(JUDGE_OPTIONS)
    extra = [letter for letter in options if letter not in "AB"]
    if extra:
        bad(f"选项{extra[0]}", "判断题只能有 A、B 两个选项（一个表示正确，一个表示错误）")
        return options, None
    meaning = {letter: _truth(text) for letter, text in options.items()}
    if sorted(meaning.values(), key=str) != [False, True]:
        shown = "、".join(f"{k}「{v}」" for k, v in options.items())
        why = "判断题的选项应一个表示正确、一个表示错误（正确/错误、对/错、√/×、是/否）"
        bad("选项A" if "A" in options else "选项B", f"{why}，写的是 {shown}")
        return options, None
    text = plain(raw).upper()
    if not text:
        bad("答案", "答案为空")
        return options, None
    if text in options:
        return options, text
    truth = ANSWER_WORDS.get(text)
    if truth is None:
        bad("答案", f"判断题答案「{raw}」应为 正确 或 错误（也可写 对/错、√/×，或选项字母）")
        return options, None
    return options, next(letter for letter, value in meaning.items() if value is truth)


def _truth(text: str) -> bool | None:
    word = plain(text)
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def _letters(qtype: str, raw: str, options: dict[str, str], bad: Bad) -> str | None:
    text = plain(raw).upper()
    if not text:
        bad("答案", "答案为空")
        return None
    letters = "".join(sorted(set(re.sub(r"[、,，;；]", "", text))))
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


def _jobs(written: str, jobs: dict[str, str], bad: Bad) -> list[str]:
    codes: list[str] = []
    for token in (t for t in SPLIT.split(written) if t):
        code = jobs.get(token)
        if code is None:
            known = "、".join(sorted({k for k, v in jobs.items() if k != v})) or "（无）"
            bad("工种", f"未知工种「{token}」，本单位工种有：{known}")
        elif code not in codes:
            codes.append(code)
    if not written.strip():
        bad("工种", "工种为空：每道题要写明适用的工种")
    return codes


def _code(jobs: list[str], stem: str) -> str:
    """A stable code for a question without 编号: its job and the hash of its stem."""
    digest = hashlib.sha256(stem.encode()).hexdigest()[:10]
    return f"{jobs[0] if jobs else 'q'}-{digest}"
