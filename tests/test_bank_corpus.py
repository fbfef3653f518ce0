"""Every file of the bank corpus (tests/data/banks, made by make_corpus.py) imported as
production does, every stored question read back and compared field by field with what a
person reading the file takes it to say (NAME.expected.yaml, written by hand), and, where the
source cell is text, with the cell itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from bot.learning.library import import_content
from bot.storage.models import Question
from content.banks import SCHEMA
from tests.conftest import Running

pytestmark = pytest.mark.storage
CORPUS = Path(__file__).parent / "data" / "banks"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".csv"))
DEFAULTS = {"topic": "", "difficulty": 1, "source": "", "image": ""}
TEXT = {"题干": "stem", "解析": "explanation", "知识点": "topic", "来源": "source"}


def test_every_corpus_file_has_its_expectation() -> None:
    assert len(FILES) >= 8
    assert [p for p in FILES if not _expectation(p).exists()] == []


def _expectation(path: Path) -> Path:
    return path.with_name(f"{path.stem}.expected.yaml")


def _where(items: list[Any]) -> set[tuple[str, int | None, str]]:
    return {(i.sheet, i.row, i.column) for i in items}


def _expected_where(items: list[dict[str, Any]]) -> set[tuple[str, int | None, str]]:
    return {(i.get("sheet", ""), i["row"], i["column"]) for i in items}


def _stored(q: Question) -> dict[str, Any]:
    return {
        "code": q.code,
        "type": q.qtype,
        "stem": q.stem,
        "options": dict(q.options),
        "answer": q.answer,
        "explanation": q.explanation,
        "jobs": list(q.job_codes),
        "topic": q.topic,
        "difficulty": q.difficulty,
        "source": q.source,
        "image": q.image,
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
async def test_a_corpus_file_is_stored_as_a_person_reads_it(anxun: Running, path: Path) -> None:
    expected = yaml.safe_load(_expectation(path).read_text(encoding="utf-8"))
    before = await Question.all().values_list("id", flat=True)
    report = await import_content("hongqiao", [path])
    assert _where(report.problems) == _expected_where(expected["problems"]), report.problems
    assert _where(report.notices) == _expected_where(expected["notices"]), report.notices
    if expected["problems"]:
        assert not report.applied
        report = await import_content("hongqiao", [path], partial=True)
    assert report.applied

    stored = {q.stem: _stored(q) for q in await Question.exclude(id__in=before)}
    differences = []
    for want in expected["questions"]:
        got = stored.pop(want["stem"], None)
        if got is None:
            differences.append(f"row {want['row']}: not stored: {want['stem']!r}")
            continue
        for key, value in {**DEFAULTS, **want}.items():
            if key in got and got[key] != value:
                differences.append(f"row {want['row']} {key}: stored {got[key]!r}, file {value!r}")
    differences += [f"stored but not in the file: {stem!r}" for stem in stored]
    if path.suffix == ".xlsx":
        stored = {q.stem: _stored(q) for q in await Question.exclude(id__in=before)}
        differences += _against_cells(path, expected, stored)
    assert differences == [], "\n".join(differences)


def _against_cells(path: Path, expected: dict[str, Any], stored: dict[str, Any]) -> list[str]:
    """Where the source cell is text, the stored field is that text (an option without the
    letter typed in front of it, when that letter is the option's own)."""
    book = load_workbook(path)
    differences, compared = [], 0
    for want in expected["questions"]:
        sheet = book[want["sheet"]]
        header = sheet[expected["header_rows"][want["sheet"]]]
        columns = {c.column: SCHEMA.column(str(c.value)) for c in header if c.value}
        got = stored[want["stem"]]
        for cell in sheet[want["row"]]:
            name = columns.get(cell.column)
            if name is None or cell.data_type != "s" or not cell.value.strip():
                continue
            if name in TEXT:
                have, text = got[TEXT[name]], cell.value.strip()
            elif name.startswith("选项"):
                letter = name[-1]
                have, text = got["options"].get(letter), _without_own_letter(cell.value, letter)
            else:
                continue
            compared += 1
            if have != text:
                differences.append(f"{cell.coordinate}: cell {text!r}, stored {have!r}")
    assert compared > 0
    return differences


def _without_own_letter(text: str, letter: str) -> str:
    full = chr(ord(letter) + 0xFEE0)  # Ａ
    own = f"[{letter}{letter.lower()}{full}{full.lower()}]"
    prefix = rf"\s*(?:[(（]\s*{own}\s*[)）]|{own}\s*[.．、:：)）])\s*"
    return re.sub(f"^{prefix}", "", text).strip()
