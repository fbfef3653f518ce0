"""A bank row's options as the clerk wrote them: one column per option (a letter typed in front
of an option removed only when it is that option's own letter), or all of them in one 选项 cell
(A.… B.…, A、…, （A）…, A:…, one per line), split only when the letters run A, B, C… in order
and nothing else in the cell looks like a letter in front of an option; and a 判断 row's own pair
of options (one true, one false), or 正确/错误 when it has none.
"""

from __future__ import annotations

import re
from typing import Protocol

from content.tables import plain

LETTERS = "ABCDEF"
OPTION_LIMIT = 80
JUDGE_OPTIONS = {"A": "正确", "B": "错误"}
TRUE_WORDS = {"正确", "对", "√", "✓", "✔", "是"}
FALSE_WORDS = {"错误", "错", "×", "✗", "✘", "✕", "✖", "╳", "否"}
_LETTER = "[A-Fa-fＡ-Ｆａ-ｆ]"
# "A.", "A、", "A:", "A)", "（A）" in front of an option's text, half- or full-width
PREFIX = re.compile(rf"\s*(?:[(（]\s*({_LETTER})\s*[)）]|({_LETTER})\s*[.．、:：)）])\s*")
# the same inside a cell of several options; not right after a Latin letter (pH. CO.)
MARK = re.compile(
    rf"[(（]\s*({_LETTER})\s*[)）]|(?<![A-Za-zＡ-Ｚａ-ｚ])({_LETTER})\s*[.．、:：)）]"
)
SEPARATORS = " \t\r\n;；,，"  # between options written in one cell


class Say(Protocol):
    def __call__(self, column: str, why: str, kind: str = "") -> None: ...


def options(record: dict[str, str], bad: Say) -> dict[str, str] | None:
    """The options of the row, or None after saying through `bad` why they cannot be read."""
    combined = record.get("选项", "")
    columns = {letter: record.get(f"选项{letter}", "") for letter in LETTERS}
    if combined and any(columns.values()):
        why = "「选项」列和「选项A…」列都写了选项：请只保留一种写法"
        bad("选项", why, "选项写了两遍")
        return None
    only_a = columns["A"] if not any(v for k, v in columns.items() if k != "A") else ""
    if combined:
        found = split(combined, "选项", bad)
    elif len(MARK.findall(only_a)) >= 2:  # all the options typed into the first column
        found = split(only_a, "选项A", bad)
    else:
        found = _columns(columns, bad)
    if found is None:
        return None
    for letter, text in found.items():
        if len(text) > OPTION_LIMIT:
            column = "选项" if combined else f"选项{letter}"
            bad(column, f"选项{letter} {len(text)} 字，超过 {OPTION_LIMIT} 字", "选项太长")
    return found


def split(cell: str, column: str, bad: Say) -> dict[str, str] | None:
    """Options written in one cell, split where the letters run A, B, C… and nowhere else."""
    marks = list(MARK.finditer(cell))
    letters = [plain(m.group(1) or m.group(2)).upper() for m in marks]
    todo = "请把每个选项分别填入「选项A」「选项B」…列，或在一格里按 A.… B.… 的格式依次写"
    if len(marks) < 2 or cell[: marks[0].start()].strip():
        why = f"「{column}」一格里找不到依次写在开头的选项字母（A. B. …）：{todo}"
        bad(column, why, "选项无法拆分")
        return None
    if letters != list(LETTERS[: len(letters)]):
        shown = "、".join(letters)
        why = f"「{column}」一格里的字母依次是 {shown}，不是 A、B、C… 的顺序，"
        why += f"无法确定怎样拆分：{todo}"
        bad(column, why, "选项无法拆分")
        return None
    found = {}
    for i, (letter, mark) in enumerate(zip(letters, marks, strict=True)):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(cell)
        text = cell[mark.end() : end].strip(SEPARATORS)
        if not text:
            bad(column, f"「{column}」一格里选项{letter}是空的：{todo}", "选项无法拆分")
            return None
        found[letter] = text
    return found


def _columns(columns: dict[str, str], bad: Say) -> dict[str, str]:
    found = {}
    for letter, written in columns.items():
        text = written
        prefix = PREFIX.match(text)
        if prefix:
            own = plain(prefix.group(1) or prefix.group(2)).upper()
            rest = text[prefix.end() :]
            if own == letter:
                text = rest.strip()
            elif not re.match(_LETTER, rest):  # "A、B 都对" names options
                shown = prefix.group().strip()
                why = f"选项{letter}以「{shown}」开头，与所在列不符：请核对选项是否错位"
                bad(f"选项{letter}", why, "选项错位")
        if text:
            found[letter] = text
    return found


def choices(found: dict[str, str], column: str, bad: Say) -> bool:
    present = [letter for letter in LETTERS if letter in found]
    if len(present) < 2:
        bad(column, "选择题至少要有 A、B 两个选项", "选项不足")
        return False
    if present != list(LETTERS[: len(present)]):
        gap = next(letter for letter in LETTERS if letter not in found)
        where = column if column == "选项" else f"选项{gap}"
        bad(where, f"选项{gap}为空，但后面还有选项", "选项中间有空")
        return False
    return True


def judge_pair(found: dict[str, str], column: str, bad: Say) -> dict[str, bool] | None:
    """What each option of a 判断 row means (True for the true one); None after `bad`."""
    extra = [letter for letter in found if letter not in "AB"]
    if extra:
        where = column if column == "选项" else f"选项{extra[0]}"
        why = "判断题只能有 A、B 两个选项（一个表示正确，一个表示错误）"
        bad(where, why, "判断题选项有误")
        return None
    meaning = {letter: truth(text) for letter, text in found.items()}
    if sorted(meaning.values(), key=str) != [False, True]:
        shown = "、".join(f"{k}「{v}」" for k, v in found.items())
        why = "判断题的选项应一个表示正确、一个表示错误（正确/错误、对/错、√/×、是/否）"
        where = column if column == "选项" else "选项A" if "A" in found else "选项B"
        bad(where, f"{why}，写的是 {shown}", "判断题选项有误")
        return None
    return {letter: bool(value) for letter, value in meaning.items()}


def truth(text: str) -> bool | None:
    word = plain(text)
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
