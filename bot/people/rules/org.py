"""Department names as clerks vary them, and the typo twin: a new department whose name is an
existing one written differently (一班 / 1班 / 第一班, a stray space, a full-width letter). A
twin would split a team in two without anyone noticing, so it is refused; a name one character
away from a sibling's is only a warning, because 机电队 and 机运队 are both real. Pure.
"""

from __future__ import annotations

import re
import unicodedata

_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_NUMERALS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+")
_NOISE = re.compile(r"[\s·.．、,，\-_—()（）\[\]【】]")


def levels(depth: int) -> str:
    """company at the root, workshop below it, team for anything deeper."""
    return ("company", "workshop")[depth] if depth < 2 else "team"


def _cn_to_int(text: str) -> str:
    if "十" not in text:
        return "".join(str(_NUMERALS[ch]) for ch in text)
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return text  # not a number a department is named with
    return str((_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0))


def normal(name: str) -> str:
    """The name with everything a clerk varies by accident taken out: 第一班 → 1班."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _NOISE.sub("", text)
    text = _CN_NUMBER.sub(lambda m: _cn_to_int(m.group()), text)
    return re.sub(r"第(?=\d)", "", text)


def twin(name: str, siblings: list[str]) -> str | None:
    """The sibling `name` is a different spelling of, if any (an exact match is no twin)."""
    key = normal(name)
    return next((s for s in siblings if s != name and normal(s) == key), None)


def near(name: str, siblings: list[str]) -> str | None:
    """A sibling one character away (same length, not differing in a number): maybe a typo."""
    for other in siblings:
        if other == name or len(other) != len(name) or len(name) < 3:
            continue
        diff = [(a, b) for a, b in zip(name, other, strict=True) if a != b]
        if len(diff) == 1 and not any(normal(ch).isdigit() for ch in diff[0]):
            return other
    return None
