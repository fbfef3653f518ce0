"""Every file of the bank corpus (tests/data/banks, made by make_corpus.py: xlsx, xls and csv
shaped like the exports clerks send) imported as production does, every stored question read
back and compared field by field with what a person reading the file takes it to say
(NAME.expected.yaml, written by hand), and with each text cell of its row read independently
(tests/banksource.py): stem, options in order, answer letters, explanation, job, topic,
difficulty, source and type. 0 differences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.learning.library import import_content
from bot.storage.models import Question
from tests import banksource
from tests.conftest import Running

pytestmark = pytest.mark.storage
CORPUS = Path(__file__).parent / "data" / "banks"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xls", ".csv"))
DEFAULTS = {"topic": "", "difficulty": 1, "source": "", "image": ""}


def test_every_corpus_file_has_its_expectation() -> None:
    assert len(FILES) >= 15
    assert {p.suffix for p in FILES} == {".xlsx", ".xls", ".csv"}
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
    job = expected.get("job")
    before = await Question.all().values_list("id", flat=True)
    report = await import_content("hongqiao", [path], job=job)
    assert _where(report.problems) == _expected_where(expected["problems"]), report.problems
    assert _where(report.notices) == _expected_where(expected["notices"]), report.notices
    if "sheets_read" in expected:
        assert [s for f in report.sheets for s in f.read] == expected["sheets_read"]
    for kind, rows in expected.get("summary", {}).items():
        assert sorted(report.summary()[kind]) == sorted(map(tuple, rows))
    if expected["problems"]:
        assert not report.applied
        report = await import_content("hongqiao", [path], partial=True, job=job)
    assert report.applied

    stored = {q.stem: _stored(q) for q in await Question.exclude(id__in=before)}
    differences = []
    for want in expected["questions"]:
        got = stored.get(want["stem"])
        if got is None:
            differences.append(f"row {want['row']}: not stored: {want['stem']!r}")
            continue
        for key, value in {**DEFAULTS, **want}.items():
            if key in got and got[key] != value:
                differences.append(f"row {want['row']} {key}: stored {got[key]!r}, file {value!r}")
    wanted = {want["stem"] for want in expected["questions"]}
    differences += [
        f"stored but not in the file: {stem!r}" for stem in stored if stem not in wanted
    ]
    differences += _against_cells(path, expected, stored)
    assert differences == [], "\n".join(differences)


def _against_cells(path: Path, expected: dict[str, Any], stored: dict[str, Any]) -> list[str]:
    """Each stored question against the text cells of its own row, read without content/."""
    default = banksource.jobs(expected.get("job") or "")
    scale = expected.get("difficulty_scale", 3)
    differences, compared = [], 0
    rows: dict[str, dict[int, dict[str, str]]] = {}
    for want in expected["questions"]:
        sheet = want.get("sheet", "")
        if sheet not in rows:
            header = expected.get("header_rows", {}).get(sheet, 1)
            rows[sheet] = banksource.text_cells(path, sheet, header)
        cells = rows[sheet].get(want["row"], {})
        compared += len(cells)
        found = banksource.differences(cells, stored[want["stem"]], (default or [""])[0], scale)
        differences += [f"{sheet} row {want['row']}: {d}" for d in found]
    assert compared > 0
    return differences
