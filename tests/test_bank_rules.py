"""How one bank row is read, without a database: options in one cell split only when a person
could not read them another way, sheet names that give the type, answers, difficulty, jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.bankoptions import split
from content.bankrows import Reading, parse_row, sheet_type
from content.sources import Refused, open_tables
from tests.xlsx import Sheet, write

JOBS = {"瓦斯检查工": "gas_inspector", "gas_inspector": "gas_inspector", "瓦检员": "gas_inspector"}
NAMES = {"gas_inspector": "瓦斯检查工", "electrician": "井下电钳工"}


def said(found: list[tuple[str, str, str]]) -> object:
    return lambda column, why, kind="": found.append((column, why, kind))


@pytest.mark.parametrize(
    ("cell", "options"),
    [
        ("A.继续作业 B.撤出人员", {"A": "继续作业", "B": "撤出人员"}),
        ("A.B超检查 B.CT检查", {"A": "B超检查", "B": "CT检查"}),  # B超 is no option letter
        ("A.pH值 B.CO.浓度", {"A": "pH值", "B": "CO.浓度"}),  # nor O. right after C
        ("A、以上都对；B、A和C\nC、丙", {"A": "以上都对", "B": "A和C", "C": "丙"}),
        ("(a) 停电 (b) 验电", {"A": "停电", "B": "验电"}),
    ],
)
def test_options_in_one_cell_that_split_one_way_only(cell: str, options: dict[str, str]) -> None:
    found: list[tuple[str, str, str]] = []
    assert split(cell, "选项", said(found)) == options and found == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "cell",
    [
        "B.乙 A.甲",
        "A.甲 A.乙",
        "说明：A.甲 B.乙",
        "A.甲",
        "甲\n乙",
        "A.甲 B. C.丙",
        "D.A、B都对 A.x",
    ],
)
def test_options_in_one_cell_a_person_could_read_two_ways_are_refused(cell: str) -> None:
    found: list[tuple[str, str, str]] = []
    assert split(cell, "选项", said(found)) is None  # type: ignore[arg-type]
    assert [(c, k) for c, _, k in found] == [("选项", "选项无法拆分")]
    assert "选项A" in found[0][1]  # what to do


def test_sheet_names_that_give_the_type() -> None:
    names = {"单选": "single", "一、单项选择题（50题）": "single", "2.多选题": "multi"}
    names |= {"三、判断题": "judge", "判断题库": "judge", "选择题": "choice", "Sheet1": None}
    assert {name: sheet_type(name) for name in names} == names


def row(**cells: str) -> dict[str, str]:
    base = {
        "题型": "单选",
        "题干": "题",
        "选项A": "甲",
        "选项B": "乙",
        "答案": "A",
        "解析": "因为。",
    }
    return {**base, "工种": "瓦斯检查工", **cells}


def read(record: dict[str, str], reading: Reading | None = None) -> tuple[object, list, list]:
    bad: list[tuple[str, str, str]] = []
    warn: list[tuple[str, str, str]] = []
    reading = reading or Reading(JOBS, NAMES)
    q = parse_row(record, reading, said(bad), said(warn), None)  # type: ignore[arg-type]
    return q, bad, warn


def test_a_choice_is_single_or_multiple_by_its_answer() -> None:
    one, _, _ = read(row(题型="选择题", 答案="b"))
    two, _, _ = read(row(题型="不定项选择题", 答案="A、B"))
    assert (one.qtype, one.answer) == ("single", "B")  # type: ignore[attr-defined]
    assert (two.qtype, two.answer) == ("multi", "AB")  # type: ignore[attr-defined]


def test_difficulty_words_and_a_five_level_scale() -> None:
    three = Reading(JOBS, NAMES)
    five = Reading(JOBS, NAMES, five_levels=True)
    levels = {
        w: read(row(难度=w), three)[0].difficulty for w in ("较易", "适中", "较难", "２", "3.0")
    }  # type: ignore[attr-defined]
    assert levels == {"较易": 1, "适中": 2, "较难": 3, "２": 2, "3.0": 3}
    assert [read(row(难度=str(n)), five)[0].difficulty for n in range(1, 6)] == [1, 1, 2, 3, 3]  # type: ignore[attr-defined]
    _, bad, _ = read(row(难度="4"), three)
    assert [(c, k) for c, _, k in bad] == [("难度", "难度无法识别")]


def test_an_unknown_job_suggests_the_nearest_and_a_default_fills_blanks() -> None:
    _, bad, _ = read(row(工种="瓦检"))
    assert bad[0][0] == "工种" and "是不是「瓦斯检查工」" in bad[0][1]
    q, bad, _ = read(row(工种=""), Reading(JOBS, NAMES, default_job="electrician"))
    assert bad == [] and q.jobs == ["electrician"]  # type: ignore[attr-defined]
    _, bad, _ = read(row(工种=""))
    assert bad[0][2] == "工种为空" and "默认工种" in bad[0][1]


def test_an_empty_explanation_is_a_warning_not_a_refusal() -> None:
    q, bad, warn = read(row(解析=""))
    assert q is not None and bad == [] and [(c, k) for c, _, k in warn] == [("解析", "缺少解析")]


def test_stems_up_to_300_characters() -> None:
    assert read(row(题干="案" * 300))[0] is not None
    _, bad, _ = read(row(题干="案" * 301))
    assert bad[0][:1] == ("题干",) and "知识卡片" in bad[0][1]


def test_a_file_is_judged_by_what_it_is_not_its_name(tmp_path: Path) -> None:
    page = tmp_path / "考试系统导出.xls"
    page.write_text("<html><table><tr><td>题干</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(Refused, match="另存为"):
        open_tables(page)
    renamed = write(tmp_path / "x.xlsx", [Sheet("题库", [["题干", "答案"], ["题", "A"]])])
    named_xls = renamed.rename(tmp_path / "其实是xlsx.xls")
    assert open_tables(named_xls)[0].rows == [(1, ["题干", "答案"]), (2, ["题", "A"])]
    damaged = tmp_path / "damaged.xls"
    source = (Path(__file__).parent / "data" / "banks" / "legacy.xls").read_bytes()
    for cut in (600, 1500, len(source) - 100):
        damaged.write_bytes(source[:cut])
        with pytest.raises(Refused, match="另存为"):
            open_tables(damaged)


def test_row_counters_are_not_codes(tmp_path: Path) -> None:
    from content.banks import read_bank

    header = ["题号", "序号", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet("单选", [header, [1, 1, "单选第一题", "甲", "乙", "A", "因为。", "瓦检员"]]),
            Sheet("判断", [header, [1, 1, "判断第一题", "", "", "对", "因为。", "瓦检员"]]),
        ],
    )
    bank = read_bank(path, JOBS)
    assert bank.problems == [] and len(bank.questions) == 2
    assert all(q.code.startswith("gas_inspector-") for q in bank.questions)  # from job and stem
