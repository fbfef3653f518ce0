"""What an item was checked against: each regulation, standard or teaching text it cites, with
the edition the reviewer read. Written 《名称》版本 (《煤矿安全规程》2022, 《GB 6222》未注明) in
card front matter and YAML banks (`checked_against`, a list) and in the bank column 核对版本
(separated by ；); stored as {"regulation", "edition"} pairs.

A new edition checked without a change of text is not a new version of the item: the worker
would re-read and re-answer the same words. The record is updated in place instead, and each
stored version keeps every edition its text was ever checked against (bot/learning/library.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

UNKNOWN = "未注明"  # the source does not say which edition; never guess one
EXAMPLE = "《煤矿安全规程》2022"
CELL_SEPARATORS = re.compile(r"[；;\n]+")
FORM = re.compile(r"《([^《》]{1,64})》([^《》；;\s][^《》；;\n]{0,31})")


@dataclass(frozen=True)
class Citation:
    regulation: str
    edition: str

    def __str__(self) -> str:
        return f"《{self.regulation}》{self.edition}"

    def to_json(self) -> dict[str, str]:
        return {"regulation": self.regulation, "edition": self.edition}


def parse(text: str) -> Citation | None:
    """《名称》版本 → Citation; None when the text is not in that form."""
    match = FORM.fullmatch(text.strip())
    if match is None:
        return None
    return Citation(match[1].strip(), match[2].strip())


def read(value: Any) -> tuple[list[Citation], str]:
    """From a YAML list or a 核对版本 cell (；-separated): the citations, each once, and the
    reason to report when some are not 《名称》版本 ("" when all are)."""
    texts = split_cell(value) if isinstance(value, str) else value
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        return [], f"应是「《名称》版本」的列表，如 [{EXAMPLE}]"
    found: list[Citation] = []
    bad: list[str] = []
    for text in texts:
        citation = parse(text)
        if citation is None:
            bad.append(text)
        elif citation not in found:
            found.append(citation)
    if bad:
        wrong = "、".join(f"「{text}」" for text in bad)
        return found, f"{wrong}应写成「《名称》版本」，如{EXAMPLE}；不知道版本的写{UNKNOWN}"
    return found, ""


def split_cell(cell: str) -> list[str]:
    return [part.strip() for part in CELL_SEPARATORS.split(cell) if part.strip()]


def to_cell(citations: list[Citation]) -> str:
    return "；".join(map(str, citations))


def to_json(citations: list[Citation]) -> list[dict[str, str]]:
    return [c.to_json() for c in citations]


def from_json(stored: list[dict[str, Any]]) -> list[Citation]:
    return [Citation(str(c["regulation"]), str(c["edition"])) for c in stored]


def merged(*records: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Every citation of the records, each once, in the order first seen."""
    seen: list[Citation] = []
    for record in records:
        seen.extend(c for c in from_json(record) if c not in seen)
    return to_json(seen)


def regulation_name(text: str) -> str:
    """A name as the content owner types it: 煤矿安全规程, 《煤矿安全规程》 or with spaces."""
    return text.strip().strip("《》").strip()


def matching(
    citations: list[Citation], regulation: str, edition: str | None = None
) -> list[Citation]:
    """The citations of `regulation` (its exact name), of `edition` if given."""
    name = regulation_name(regulation)
    return [
        c
        for c in citations
        if c.regulation == name and (edition is None or c.edition == edition.strip())
    ]


@dataclass(frozen=True)
class Citing:
    """A card or question with what it was checked against."""

    kind: str  # card | question
    code: str
    jobs: list[str]
    text: str  # a card's title, a question's stem
    checked: list[Citation]


def citing(items: list[Citing], regulation: str, edition: str | None = None) -> list[Citing]:
    """The items that cite `regulation` (of `edition`, if given): cards first, then by code."""
    found = [item for item in items if matching(item.checked, regulation, edition)]
    return sorted(found, key=lambda item: (item.kind != "card", item.code))


def similar_names(items: list[Citing], regulation: str) -> list[str]:
    """Cited names that contain what was typed: 安全生产法 → 中华人民共和国安全生产法."""
    typed = regulation_name(regulation)
    names = {c.regulation for item in items for c in item.checked}
    return sorted(name for name in names if typed and typed in name and name != typed)
