"""`anxun content cites`: exactly the cards and questions citing a regulation (of an edition),
from the shipped library or an enterprise's stored content, as a table or an xlsx sheet."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.learning.library import import_content
from content.loader import LIBRARY, load_library
from tests.conftest import Running

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = load_library()
HOIST_CARD = (LIBRARY / "cards" / "hoist_operator" / "ho-card-04.md").read_text(encoding="utf-8")


def cites(*args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "content", "cites", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def listed(stdout: str) -> set[str]:
    return {line.split()[1] for line in stdout.splitlines() if line.startswith(("卡片", "题目"))}


def test_cites_lists_exactly_the_library_items_citing_a_regulation() -> None:
    expected = {i.code for i in [*SHIPPED.cards, *SHIPPED.questions] if "煤矿安全规程" in i.source}
    code, out = cites("《煤矿安全规程》", "--edition", "2022")
    assert code == 0 and listed(out) == expected
    assert f"卡片 {sum(c.code in expected for c in SHIPPED.cards)} 张" in out

    code, out = cites("GB 30871", "--edition", "2022")
    assert code == 0 and listed(out) == {
        i.code for i in SHIPPED.questions + SHIPPED.cards if "GB 30871-2022" in i.source
    }
    code, out = cites("煤矿安全规程", "--edition", "2025")
    assert code == 1 and listed(out) == set() and "没有卡片或题目引用" in out
    code, out = cites("安全生产法")
    assert code == 1 and "《中华人民共和国安全生产法》" in out


@pytest.mark.storage
async def test_cites_lists_an_enterprise_items_into_xlsx(anxun: Running, tmp_path: Path) -> None:
    card = tmp_path / "ho-card-04.md"
    await asyncio.to_thread(card.write_text, HOIST_CARD.replace("》2022", "》2025"), "utf-8")
    await import_content("hongqiao", [card])
    config = tmp_path / "c.toml"
    settings = f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
    settings += f'[privacy]\nkey = "{"k" * 32}"\n'
    await asyncio.to_thread(config.write_text, settings, "utf-8")
    out = tmp_path / "cites.xlsx"
    args = ["--enterprise", "hongqiao", "--config", str(config), "--out", str(out)]
    code, stdout = await asyncio.to_thread(cites, "煤矿安全规程", "--edition", "2025", *args)
    assert code == 0 and "已把 1 项写入" in stdout
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows == [
        ("类型", "编号", "工种", "标题或题干", "核对版本"),
        ("卡片", "ho-card-04", "提升机操作工", "这些保护也必须完好", "2025"),
    ]
