"""Question banks stored exactly as the file shows them (issue 10, items 1–5): every sheet, cells
as displayed, judge rows with their own options, letter-prefixed options, hidden rows, --partial
with nothing valid, and text that looks like a formula."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.learning.library import export_bank, import_content
from bot.storage.models import Question
from tests.conftest import ADMIN_TOKEN, Running
from tests.xlsx import Cell, Formula, Sheet, write

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[1]
TITLE = ["某煤矿 2026 年应知应会题库"]
# 题型 题干 选项A 选项B 选项C 答案 解析 工种, the usual columns in a clerk's own order
HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "工种"]
WHY = "因为规程如此规定。"
JOB = "瓦斯检查工"


def row(kind: str, stem: str, options: list[object], answer: object) -> list[object]:
    return [kind, stem, *[*options, "", "", ""][:3], answer, WHY, JOB]


async def stored(stem: str) -> Question:
    return await Question.get(stem=stem)


async def test_every_sheet_of_a_workbook_is_read(anxun: Running, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet("说明", [["填写说明：每个工作表一种题型。"], ["答案写选项字母。"]]),
            Sheet("单选", [TITLE, HEADER, row("单选", "单选第一题", ["甲", "乙"], "A")]),
            Sheet("多选", [HEADER, row("多选", "多选第一题", ["甲", "乙", "丙"], "AB")]),
            Sheet(
                "判断",
                [
                    TITLE,
                    HEADER,
                    row("判断", "判断第一题", [], "对"),
                    row("判断", "判断写错答案", [], "也许"),  # row 4 of its own sheet
                    row("判断", "单选第一题", [], "错"),  # a duplicate of another sheet's stem
                ],
            ),
            Sheet("备用", [["", "随手记", "没有表头的数据", "第三格"]]),
        ],
    )
    report = await import_content("hongqiao", [path])
    where = {(p.sheet, p.row, p.column) for p in report.problems}
    assert where == {("判断", 4, "答案"), ("判断", 5, "题干"), ("备用", None, "表头")}
    text = {str(p) for p in report.problems}
    assert any(t.startswith("bank.xlsx [判断] 第4行 [答案]: ") for t in text), text
    assert any("「单选」第3行" in p.reason for p in report.problems if p.row == 5)
    assert report.rows == 5 and not report.applied

    partial = await import_content("hongqiao", [path], partial=True)
    assert partial.questions.created == 3
    assert {q.qtype for q in await Question.filter(stem__contains="第一题")} == {
        "single",
        "multi",
        "judge",
    }


async def test_a_sheet_per_type_needs_no_type_column(anxun: Running, tmp_path: Path) -> None:
    header = HEADER[1:]
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet("单选题", [header, row("", "无题型列的单选", ["甲", "乙"], "B")[1:]]),
            Sheet("判断题", [header, row("", "无题型列的判断", [], "错误")[1:]]),
        ],
    )
    report = await import_content("hongqiao", [path])
    assert report.problems == [] and report.questions.created == 2
    assert (await stored("无题型列的单选")).qtype == "single"
    assert (await stored("无题型列的判断")).answer == "B"


async def test_cells_are_read_as_they_are_displayed(anxun: Running, tmp_path: Path) -> None:
    percent = [Cell(0.005, "0.0%"), Cell(0.01, "0.0%"), Cell(0.015, "0.0%")]
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet(
                "题库",
                [
                    HEADER,
                    row("单选", "甲烷浓度达到多少时必须停止打眼？", percent, "B"),
                    row("单选", "一位小数", [Cell(1.0, "0.0"), Cell(2.5, "0.00"), 3], "A"),
                    row("单选", "千分位", [Cell(1234.5, "#,##0.00"), Cell(0.5, "0%"), 7.0], "A"),
                    row(
                        "单选",
                        "日期",
                        [Cell(_date(), "yyyy-mm-dd"), Cell(_date(), 'yyyy"年"m"月"d"日"')],
                        "A",
                    ),
                    row("单选", "身份证号", [110101199001011234, "乙"], "A"),  # row 6
                    row("单选", "看不懂的格式", [Cell(3.5, '0.0" 米"'), "乙"], "A"),  # row 7
                    row("单选", "布尔", [True, False], "A"),
                ],
            )
        ],
    )
    report = await import_content("hongqiao", [path])
    assert {(p.row, p.column) for p in report.problems} == {(6, "选项A"), (7, "选项A")}
    reasons = " ".join(p.reason for p in report.problems)
    assert "文本格式" in reasons
    await import_content("hongqiao", [path], partial=True)
    q = await stored("甲烷浓度达到多少时必须停止打眼？")
    assert q.options == {"A": "0.5%", "B": "1.0%", "C": "1.5%"}
    assert (await stored("一位小数")).options == {"A": "1.0", "B": "2.50", "C": "3"}
    assert (await stored("千分位")).options == {"A": "1,234.50", "B": "50%", "C": "7"}
    assert (await stored("日期")).options == {"A": "2025-03-07", "B": "2025年3月7日"}
    assert (await stored("布尔")).options == {"A": "TRUE", "B": "FALSE"}


def _date() -> object:
    from datetime import datetime

    return datetime(2025, 3, 7)


async def test_a_judge_row_keeps_its_own_options(anxun: Running, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet(
                "题库",
                [
                    HEADER,
                    row("判断", "反着写的判断题", ["错误", "正确"], "A"),  # A means 错误 here
                    row("判断", "用词作答的判断题", ["错", "对"], "对"),
                    row("判断", "没有选项的判断题", [], "正确"),
                    row("判断", "选项不是对错", ["甲", "乙"], "A"),  # row 5
                    row("判断", "三个选项的判断题", ["对", "错", "不确定"], "A"),  # row 6
                ],
            )
        ],
    )
    report = await import_content("hongqiao", [path])
    assert {(p.row, p.column) for p in report.problems} == {(5, "选项A"), (6, "选项C")}
    await import_content("hongqiao", [path], partial=True)
    reversed_ = await stored("反着写的判断题")
    assert (reversed_.options, reversed_.answer) == ({"A": "错误", "B": "正确"}, "A")
    worded = await stored("用词作答的判断题")
    assert (worded.options, worded.answer) == ({"A": "错", "B": "对"}, "B")
    plain = await stored("没有选项的判断题")
    assert (plain.options, plain.answer) == ({"A": "正确", "B": "错误"}, "A")

    out = tmp_path / "out.xlsx"
    await export_bank("hongqiao", out, "gas_inspector")
    again = await import_content("hongqiao", [out])
    assert again.problems == [] and again.questions.updated == again.questions.created == 0
    assert (await stored("反着写的判断题")).options == {"A": "错误", "B": "正确"}


async def test_option_cells_that_carry_their_letter(anxun: Running, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet(
                "题库",
                [
                    HEADER,
                    row("单选", "带字母的选项", ["A.0.5%", "B、1.0%", "（C）1.5%"], "B"),
                    row("单选", "全角字母", ["Ａ．停电", "B:撤人", "c) 报告"], "B"),
                    row("单选", "字母错位", ["A.停电", "A.撤人"], "B"),  # row 4
                    row("单选", "本来就以字母开头", ["A级防护", "B超检查"], "A"),
                ],
            )
        ],
    )
    report = await import_content("hongqiao", [path])
    assert [(p.row, p.column) for p in report.problems] == [(4, "选项B")]
    await import_content("hongqiao", [path], partial=True)
    assert (await stored("带字母的选项")).options == {"A": "0.5%", "B": "1.0%", "C": "1.5%"}
    assert (await stored("全角字母")).options == {"A": "停电", "B": "撤人", "C": "报告"}
    assert (await stored("本来就以字母开头")).options == {"A": "A级防护", "B": "B超检查"}


async def test_hidden_rows_and_sheets_are_not_imported_silently(
    anxun: Running, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet(
                "题库",
                [
                    HEADER,
                    row("单选", "看得见的题", ["甲", "乙"], "A"),
                    row("单选", "藏起来的旧题", ["甲", "乙"], "B"),  # row 3, hidden
                ],
                hidden_rows={3},
            ),
            Sheet("旧题", [HEADER, row("单选", "隐藏表里的题", ["甲", "乙"], "A")], state="hidden"),
        ],
    )
    report = await import_content("hongqiao", [path])
    assert {(p.sheet, p.row) for p in report.problems} == {("题库", 3), ("旧题", None)}
    assert any("隐藏行" in p.reason for p in report.problems)
    assert not report.applied
    partial = await import_content("hongqiao", [path], partial=True)
    assert partial.questions.created == 1
    assert not await Question.filter(stem__in=["藏起来的旧题", "隐藏表里的题"]).exists()


async def test_partial_with_nothing_valid_writes_nothing_and_says_so(
    anxun: Running, tmp_path: Path
) -> None:
    path = write(tmp_path / "bank.xlsx", [Sheet("题库", [HEADER, row("问答", "x", [], "A")])])
    report = await import_content("hongqiao", [path], partial=True)
    assert not report.applied

    status, body = await _upload(anxun, path, "&partial=1")
    assert status == 422 and not body["applied"] and body["problems"]
    assert "未导入任何内容" in body["message"]


def test_the_cli_with_partial_and_nothing_valid_exits_non_zero(
    anxun: Running, tmp_path: Path
) -> None:
    path = write(tmp_path / "bank.xlsx", [Sheet("题库", [HEADER, row("问答", "x", [], "A")])])
    config = tmp_path / "c.toml"
    config.write_text(
        f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
        f'[privacy]\nkey = "{"k" * 32}"\n',
        encoding="utf-8",
    )
    args = ["content", "import", str(path), "--enterprise", "hongqiao", "--partial"]
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args, "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "未导入任何内容" in result.stdout


async def _upload(anxun: Running, path: Path, query: str = "") -> tuple[int, dict]:
    import asyncio

    import aiohttp

    form = aiohttp.FormData()
    form.add_field("file", await asyncio.to_thread(path.read_bytes), filename=path.name)
    url = f"{anxun.base_url}/admin/v1/content/import?enterprise=hongqiao{query}"
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with anxun.session.post(url, data=form, headers=headers) as resp:
        return resp.status, await resp.json()


LINK = '=HYPERLINK("http://example.invalid/x","点我")'


async def test_formula_like_text_stays_text_both_ways(anxun: Running, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bank.xlsx",
        [
            Sheet(
                "题库",
                [
                    HEADER,
                    row(
                        "单选", Cell(LINK, text=True), [Cell("=1+1", text=True), "@甲", "-5℃"], "A"
                    ),
                    row("单选", Formula(LINK, cached="点我看图"), ["甲", "乙"], "A"),
                    row("单选", Formula("=1/0"), ["甲", "乙"], "A"),  # row 4: no saved result
                ],
            )
        ],
    )
    report = await import_content("hongqiao", [path])
    assert [(p.row, p.column) for p in report.problems] == [(4, "题干")]
    assert {(n.row, n.column) for n in report.notices} >= {(2, "题干"), (2, "选项A"), (3, "题干")}
    await import_content("hongqiao", [path], partial=True)
    q = await stored(LINK)
    assert q.options["A"] == "=1+1" and q.options["C"] == "-5℃"
    assert await Question.filter(stem="点我看图").exists()

    out = tmp_path / "out.xlsx"
    await export_bank("hongqiao", out, "gas_inspector")
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", xml) for xml in sheets)
    cells = {c.value for r in load_workbook(out).worksheets[0].iter_rows() for c in r}
    assert LINK in cells and "=1+1" in cells
    again = await import_content("hongqiao", [out])
    assert again.problems == [] and again.questions.updated == 0
    assert (await stored(LINK)).options == q.options
