"""Importing content as enterprises keep it (xlsx, csv, YAML banks; Markdown cards): every
problem reported by file, row and column; nothing half written; --partial; the xlsx round trip."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.learning.library import export_bank, import_content
from bot.storage.models import (
    Card,
    CardRead,
    CardVersion,
    Delivery,
    Question,
    QuestionVersion,
)
from content.banks import COLUMNS
from content.loader import LIBRARY
from tests.conftest import Running

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[1]


def sheet(path: Path, rows: list[list[object]], header: list[str] = COLUMNS) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["某煤矿 2026 年应知应会题库"])  # a title row above the header, as clerks do
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def q(
    kind: str,
    stem: str,
    options: list[str],
    answer: str,
    explanation: str = "因为规程如此规定。",
    job: str = "瓦斯检查工",
    code: str = "",
    difficulty: str = "中",
) -> list[object]:
    padded = (options + [""] * 6)[:6]
    return [code, kind, stem, *padded, answer, explanation, job, "测试", difficulty, "测试来源"]


GOOD_1 = q("单选", "井下发现瓦斯超限，第一步应该怎么做？", ["继续作业", "停止作业撤出人员"], "B")
GOOD_2 = q("判断", "入井必须携带自救器。", [], "√", difficulty="1")
BROKEN = [
    q("问答", "题型写错的一题", ["甲", "乙"], "A"),  # row 5
    q("单选", "", ["甲", "乙"], "A"),  # 6: empty stem
    q("单选", "答案不在选项里", ["甲", "乙"], "C"),  # 7
    q("单选", "单选写了两个答案", ["甲", "乙", "丙"], "AB"),  # 8
    q("多选", "多选只写了一个答案", ["甲", "乙", "丙"], "A"),  # 9
    q("判断", "判断题答案写成了也许", [], "也许"),  # 10
    q("单选", "解析为空的一题", ["甲", "乙"], "A", explanation=""),  # 11: imported, noted
    q("单选", "工种写错的一题", ["甲", "乙"], "A", job="挖掘机司机"),  # 12
    q("单选", "井下发现瓦斯超限，第一步应该怎么做？", ["甲", "乙"], "A"),  # 13: duplicate of row 3
    q("单选", "难度写错的一题", ["甲", "乙"], "A", difficulty="待定"),  # 14
    q("单选", "选项中间空了一个", ["甲", "乙", "", "丁"], "A"),  # 15
    q("单选", "长" * 301, ["甲", "乙"], "A"),  # 16: over a phone screen
]
EXPECTED = {
    (5, "题型"),
    (6, "题干"),
    (7, "答案"),
    (8, "答案"),
    (9, "答案"),
    (10, "答案"),
    (12, "工种"),
    (13, "题干"),
    (14, "难度"),
    (15, "选项C"),
    (16, "题干"),
}


async def test_every_shipped_bank_and_card_imports_cleanly(anxun: Running) -> None:
    report = await import_content("hongqiao", [LIBRARY])
    assert report.problems == [] and report.applied
    # load_sample already loaded the same library: nothing is new or changed
    assert report.questions.created == report.questions.updated == 0
    assert report.questions.unchanged == await Question.filter(enterprise__code="hongqiao").count()
    assert report.cards.unchanged >= 10


async def test_a_broken_sheet_reports_every_row_and_writes_nothing(
    anxun: Running, tmp_path: Path
) -> None:
    path = sheet(tmp_path / "bank.xlsx", [GOOD_1, GOOD_2, *BROKEN])
    before = await Question.all().count()
    report = await import_content("hongqiao", [path])
    assert {(p.row, p.column) for p in report.problems} == EXPECTED
    assert all(p.file == "bank.xlsx" for p in report.problems)
    reasons = {p.row: p.reason for p in report.problems}
    assert "C 不在选项之中（本题选项 AB）" in reasons[7]
    assert "未知工种「挖掘机司机」" in reasons[12] and "瓦斯检查工" in reasons[12]
    assert "与第3行题干重复" in reasons[13]
    assert [(n.row, n.column, n.kind) for n in report.notices] == [(11, "解析", "缺少解析")]
    assert not report.applied and await Question.all().count() == before

    partial = await import_content("hongqiao", [path], partial=True)
    assert partial.applied and partial.questions.created == 3
    assert await Question.all().count() == before + 3
    assert (await Question.get(stem="解析为空的一题")).explanation == ""
    judge = await Question.get(stem="入井必须携带自救器。")
    assert (judge.qtype, judge.answer, judge.options) == ("judge", "A", {"A": "正确", "B": "错误"})


async def test_csv_in_gbk_and_files_that_are_not_banks(anxun: Running, tmp_path: Path) -> None:
    csv_path = tmp_path / "bank.csv"
    lines = [",".join(COLUMNS), ",".join(str(c) for c in GOOD_1)]
    csv_path.write_bytes("\n".join(lines).encode("gb18030"))  # as Excel in China saves it
    report = await import_content("hongqiao", [csv_path])
    assert report.problems == [] and report.questions.created == 1

    fake = tmp_path / "fake.xlsx"
    fake.write_text("这不是表格")
    headless = sheet(tmp_path / "headless.xlsx", [GOOD_2], header=["题型", "题干", "选项A", "答案"])
    report = await import_content("hongqiao", [fake, headless, tmp_path / "missing.xlsx"])
    reasons = {(p.file, p.column): p.reason for p in report.problems}
    assert "不是有效的 xlsx" in reasons[("fake.xlsx", "文件")]
    assert "缺少列：解析、工种" in reasons[("headless.xlsx", "表头")]
    assert reasons[("missing.xlsx", "文件")] == "文件不存在"
    assert not report.applied


async def test_xlsx_round_trip_is_lossless(anxun: Running, tmp_path: Path) -> None:
    first = tmp_path / "gas.xlsx"
    count = await export_bank("hongqiao", first, "gas_inspector")
    assert count == 30
    report = await import_content("hongqiao", [first])
    assert report.problems == [] and report.questions.unchanged == 30
    assert report.questions.created == report.questions.updated == 0
    second = tmp_path / "again.xlsx"
    await export_bank("hongqiao", second, "gas_inspector")

    def cells(path: Path) -> list[tuple[object, ...]]:
        ws = load_workbook(path).worksheets[0]
        return list(ws.iter_rows(values_only=True))

    assert cells(first) == cells(second)
    assert cells(first)[0] == tuple(COLUMNS)


async def test_an_edit_makes_a_new_version(anxun: Running, tmp_path: Path) -> None:
    path = tmp_path / "gas.xlsx"
    await export_bank("hongqiao", path, "gas_inspector")
    book = load_workbook(path)
    ws = book.worksheets[0]
    ws.cell(row=2, column=COLUMNS.index("解析") + 1, value="修改后的解析：依据规程。")
    code = ws.cell(row=2, column=1).value
    book.save(path)
    report = await import_content("hongqiao", [path])
    assert report.questions.updated == 1 and report.questions.unchanged == 29
    edited = await Question.get(code=code)
    assert edited.version == 2 and edited.explanation == "修改后的解析：依据规程。"
    old, new = await QuestionVersion.filter(question=edited).order_by("version")
    assert (old.version, new.version) == (1, 2)
    assert old.explanation != new.explanation == "修改后的解析：依据规程。"


def test_the_cli_reports_problems_in_chinese_and_exits_non_zero(
    anxun: Running, tmp_path: Path
) -> None:
    path = sheet(tmp_path / "bank.xlsx", [GOOD_1, *BROKEN[:2]])
    config = tmp_path / "c.toml"
    config.write_text(
        f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
        f'[privacy]\nkey = "{"k" * 32}"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "content",
            "import",
            str(path),
            "--enterprise",
            "hongqiao",
            "--config",
            str(config),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "bank.xlsx 第4行 [题型]" in result.stdout and "bank.xlsx 第5行 [题干]" in result.stdout
    assert "未导入任何内容" in result.stdout and "Traceback" not in result.stderr


async def test_an_edited_card_is_versioned_shown_again_and_announced(
    anxun: Running, tmp_path: Path
) -> None:
    from content.loader import load_enterprise
    from tests.conftest import create_gas_campaign

    w1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")
    user = anxun.user("o-w1")
    await user.say(f"绑定 {w1.name} {w1.id_number[-6:]}")
    await create_gas_campaign(anxun, cards=["gi-card-01"])
    first = await user.say("学习")
    assert first is not None and "今日卡片 1/1" in first and "（复习）" not in first
    read = await CardRead.get(card__code="gi-card-01")
    assert read.card_version == 1

    # the safety department revises the card
    source = (LIBRARY / "cards" / "gas_inspector" / "gi-card-01.md").read_text(encoding="utf-8")
    edited = tmp_path / "gi-card-01.md"
    edited.write_text(source.replace("9.5%左右最猛烈", "9.5%左右爆炸最猛烈"), encoding="utf-8")
    report = await import_content("hongqiao", [edited], services=anxun.services)
    assert report.cards.updated == 1 and report.cards.changed == ["gi-card-01"]

    card = await Card.get(code="gi-card-01")
    assert card.version == 2
    versions = await CardVersion.filter(card=card).order_by("version")
    assert [v.version for v in versions] == [1, 2]
    assert "9.5%左右最猛烈" in versions[0].body and "爆炸最猛烈" in versions[1].body
    assert read.card_version == 1  # the old read still points at what was read

    # every bound worker of the job is told once; the revised card is unread again
    rows = await Delivery.filter(kind="content_update")
    assert {r.worker_id for r in rows} == {read.worker_id}
    notice = rows[0].payload["notice"]["text"]
    assert "1 张卡片已修订" in notice and "瓦斯爆炸的三个条件" in notice
    again = await import_content("hongqiao", [edited], services=anxun.services)
    assert again.cards.unchanged == 1 and again.notified == 0
    shown = await user.say("学习")
    assert shown is not None and "爆炸最猛烈" in shown and "复习" not in shown
    assert await CardRead.filter(card=card, card_version=2).count() == 1


async def test_versions_exist_for_every_shipped_item(anxun: Running) -> None:
    assert await CardVersion.all().count() == await Card.all().count()
    assert await QuestionVersion.all().count() == await Question.all().count()


async def test_the_admin_api_imports_uploads_and_exports(anxun: Running, tmp_path: Path) -> None:
    import io

    import aiohttp

    from tests.conftest import ADMIN_TOKEN

    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    url = f"{anxun.base_url}/admin/v1/content/import?enterprise=hongqiao"

    async def upload(path: Path, query: str = "") -> tuple[int, dict]:
        form = aiohttp.FormData()
        form.add_field("file", await asyncio.to_thread(path.read_bytes), filename=path.name)
        async with anxun.session.post(url + query, data=form, headers=headers) as resp:
            return resp.status, await resp.json()

    broken = sheet(tmp_path / "题库.xlsx", [GOOD_1, *BROKEN[:3]])
    status, body = await upload(broken)
    assert status == 422 and not body["applied"]
    assert [(p["file"], p["row"], p["column"]) for p in body["problems"]] == [
        ("题库.xlsx", 4, "题型"),
        ("题库.xlsx", 5, "题干"),
        ("题库.xlsx", 6, "答案"),
    ]
    status, body = await upload(broken, "&partial=1")
    assert status == 200 and body["questions"]["created"] == 1

    status, body = await anxun.api(
        "POST",
        "/admin/v1/content/import?enterprise=hongqiao",
        {"not": "multipart"},
        token=ADMIN_TOKEN,
    )
    assert status == 422 and "multipart" in body["message"]

    export = f"{anxun.base_url}/admin/v1/content/export?enterprise=hongqiao&job=gas_inspector"
    async with anxun.session.get(export, headers=headers) as resp:
        assert resp.status == 200
        book = load_workbook(io.BytesIO(await resp.read()))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == tuple(COLUMNS) and len(rows) == 1 + 31  # the 30 shipped + the new one


async def test_questions_may_carry_a_picture(anxun: Running, tmp_path: Path) -> None:
    with_picture = [*GOOD_1[:-1], "测试来源", "https://img.example/q1.png"]
    with_picture[2] = "看图：图中的做法对吗？"
    embedded = [*GOOD_2[:-1], "测试来源", "图1.png"]
    path = sheet(tmp_path / "pictures.xlsx", [with_picture, embedded])
    report = await import_content("hongqiao", [path])
    assert [(p.row, p.column) for p in report.problems] == [(4, "图片")]
    assert "https://" in report.problems[0].reason
    await import_content("hongqiao", [path], partial=True)
    question = await Question.get(stem="看图：图中的做法对吗？")
    assert question.image == "https://img.example/q1.png"
    out = tmp_path / "out.xlsx"
    await export_bank("hongqiao", out, "gas_inspector")
    rows = {r[2]: r for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}
    assert rows["看图：图中的做法对吗？"][COLUMNS.index("图片")] == "https://img.example/q1.png"
