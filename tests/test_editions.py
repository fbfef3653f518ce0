"""Which regulation edition each card and question was checked against: recorded for every
shipped item from its source, never invented; kept through YAML → database → xlsx → import;
a new edition without a change of text is recorded, not a new version."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.learning.library import export_bank, import_content
from bot.storage.models import Card, CardVersion, Delivery, Question, QuestionVersion
from content import citations
from content.banks import COLUMNS
from content.citations import UNKNOWN, Citation
from content.loader import LIBRARY, load_library
from tests.conftest import Running
from tests.test_content_import import q, sheet

SHIPPED = load_library()
COAL_RULES = "煤矿安全规程"
COAL_2022 = Citation(COAL_RULES, "2022")
COLUMN = COLUMNS.index("核对版本") + 1
HOIST_CARD = (LIBRARY / "cards" / "hoist_operator" / "ho-card-04.md").read_text(encoding="utf-8")


def test_every_shipped_item_records_its_regulations_and_invents_no_edition() -> None:
    assert SHIPPED.problems == []
    for item in [*SHIPPED.cards, *SHIPPED.questions]:
        assert item.checked_against, item.code
        for cited in item.checked_against:
            assert cited.regulation in item.source, (item.code, cited)
            if cited.regulation == COAL_RULES:
                assert cited.edition == "2022", item.code  # the library was checked against 2022
            elif cited.edition != UNKNOWN:
                assert cited.edition in item.source, (item.code, cited)  # e.g. GB 30871-2022
        assert (COAL_RULES in item.source) == (COAL_2022 in item.checked_against), item.code


def test_a_citation_not_written_as_title_and_edition_is_a_problem(tmp_path: Path) -> None:
    assert citations.read("《煤矿安全规程》2022；《GB 6222》未注明") == (
        [COAL_2022, Citation("GB 6222", UNKNOWN)],
        "",
    )
    found, reason = citations.read(["煤矿安全规程2022", "《GB 6222》"])
    assert found == [] and "「煤矿安全规程2022」、「《GB 6222》」应写成「《名称》版本」" in reason
    broken = tmp_path / "ho-card-04.md"
    broken.write_text(HOIST_CARD.replace('"《煤矿安全规程》2022"', '"煤矿安全规程 2022"'), "utf-8")
    from content.loader import parse_card

    problems: list = []
    parse_card(broken, problems)
    assert [(p.file, p.column) for p in problems] == [("ho-card-04.md", "checked_against")]


@pytest.mark.storage
async def test_editions_round_trip_yaml_database_xlsx_import(
    anxun: Running, tmp_path: Path
) -> None:
    stored = dict(await Question.all().values_list("code", "checked_against"))
    assert stored == {
        item.code: citations.to_json(item.checked_against or []) for item in SHIPPED.questions
    }
    cards = dict(await Card.all().values_list("code", "checked_against"))
    assert cards["ho-card-04"] == [{"regulation": COAL_RULES, "edition": "2022"}]
    versions = await QuestionVersion.filter(question__code="el-q-19").values_list(
        "checked_against", flat=True
    )
    assert versions == [stored["el-q-19"]]

    first = tmp_path / "electrician.xlsx"
    await export_bank("hongqiao", first, "electrician")
    rows = list(load_workbook(first).worksheets[0].iter_rows(values_only=True))
    by_code = {row[0]: row for row in rows[1:]}
    assert (
        by_code["el-q-19"][COLUMN - 1]
        == "《煤矿安全规程》2022；《井下电钳工安全技术培训通用教材》未注明"
    )
    report = await import_content("hongqiao", [first])
    assert report.problems == [] and report.questions.unchanged == len(rows) - 1
    second = tmp_path / "again.xlsx"
    await export_bank("hongqiao", second, "electrician")
    assert list(load_workbook(second).worksheets[0].iter_rows(values_only=True)) == rows
    assert dict(await Question.all().values_list("code", "checked_against")) == stored


@pytest.mark.storage
async def test_a_new_edition_without_a_text_change_is_recorded_not_a_new_version(
    anxun: Running, tmp_path: Path
) -> None:
    path = tmp_path / "hoist.xlsx"
    await export_bank("hongqiao", path, "hoist_operator")
    book = load_workbook(path)
    ws = book.worksheets[0]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "ho-q-01")
    ws.cell(row, COLUMN, value="《煤矿安全规程》2025")
    book.save(path)
    report = await import_content("hongqiao", [path], services=anxun.services)
    assert (report.questions.rechecked, report.questions.updated) == (1, 0)
    question = await Question.get(code="ho-q-01")
    assert question.version == 1
    assert question.checked_against == [{"regulation": COAL_RULES, "edition": "2025"}]
    (version,) = await QuestionVersion.filter(question=question)
    assert [c["edition"] for c in version.checked_against] == ["2022", "2025"]  # both checks

    card = tmp_path / "ho-card-04.md"
    await asyncio.to_thread(card.write_text, HOIST_CARD.replace("》2022", "》2025"), "utf-8")
    report = await import_content("hongqiao", [card], services=anxun.services)
    assert (report.cards.rechecked, report.cards.updated, report.notified) == (1, 0, 0)
    assert (await Card.get(code="ho-card-04")).version == 1
    assert await CardVersion.filter(card__code="ho-card-04").count() == 1
    assert await Delivery.filter(kind="content_update").count() == 0


@pytest.mark.storage
async def test_a_bank_without_the_column_keeps_the_record(anxun: Running, tmp_path: Path) -> None:
    stem = "井下发现瓦斯超限，第一步应该怎么做？"
    row = [*q("单选", stem, ["继续作业", "停止作业撤出人员"], "B", code="t-1"), ""]  # to 图片
    await import_content("hongqiao", [sheet(tmp_path / "a.xlsx", [[*row, str(COAL_2022)]])])
    assert (await Question.get(code="t-1")).checked_against == [COAL_2022.to_json()]

    old_layout = sheet(tmp_path / "old.xlsx", [row], header=COLUMNS[:-1])
    report = await import_content("hongqiao", [old_layout])
    assert report.problems == [] and report.questions.unchanged == 1
    assert (await Question.get(code="t-1")).checked_against == [COAL_2022.to_json()]

    broken = sheet(tmp_path / "bad.xlsx", [[*row, "煤矿安全规程2022版"]])
    report = await import_content("hongqiao", [broken])
    assert [(p.row, p.column) for p in report.problems] == [(3, "核对版本")]
    assert not report.applied
