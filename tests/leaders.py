"""Helpers for the leaders' tests: the sample mine grown into a full tree by a roster import (a
workshop head over 通风区, a company head, a third team with no leader of its own), binding,
and reading what the WeChat simulator delivered to someone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bot.people.rostersync import import_roster
from bot.simulator import WeChatSimulator
from content.loader import load_enterprise
from tests.conftest import Running
from tests.data.rosters.make_rosters import HEADER, idn

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
TEAM_ONE = [r for r in ROSTER.values() if r.department == "tf-1" and r.job == "gas_inspector"]
TEAM_TWO = [r for r in ROSTER.values() if r.department == "tf-2" and r.job == "gas_inspector"]
# (工号, 姓名, 身份证号, 部门, 工种, 是否班组长)
GROWN = [
    ("HQ0101", "周通风", idn("19750101", "111"), "红桥煤业/通风区", "班组长", "是"),
    ("HQ0102", "郑总", idn("19700202", "222"), "红桥煤业", "班组长", "是"),
    ("HQ0103", "钱三", idn("19880303", "333"), "红桥煤业/通风区/瓦斯检查三班", "瓦斯检查工", "否"),
    ("HQ0104", "孙四", idn("19890404", "444"), "红桥煤业/通风区/瓦斯检查三班", "瓦斯检查工", "否"),
]
WORKSHOP_HEAD, COMPANY_HEAD = GROWN[0], GROWN[1]


async def grow_tree(anxun: Running, tmp_path: Path) -> None:
    """Import the GROWN rows into the sample mine (the workers it does not list stay)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(HEADER)
    for no, name, id_number, dept, job, leader in GROWN:
        ws.append([no, name, id_number, f"139{no[-4:]:0>8}", dept, job, "正式", "2020-01-01",
                   "在岗", leader])  # fmt: skip
    path = tmp_path / "grown.xlsx"
    book.save(path)
    report = await import_roster(anxun.services, "hongqiao", path)
    assert report.applied and not report.problems, [str(p) for p in report.problems]


async def bind(anxun: Running, openid: str, name: str, id_number: str) -> None:
    reply = await anxun.user(openid).say(f"绑定 {name} {id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply, reply


async def bind_row(anxun: Running, openid: str, row: Any) -> None:
    await bind(anxun, openid, row.name, row.id_number)


def texts(sim: WeChatSimulator, openid: str) -> list[str]:
    """The text of every message delivered to `openid`, in order."""
    out = []
    for entry in sim.delivered(openid):
        body: dict[str, Any] = entry.body if isinstance(entry.body, dict) else {}
        if "data" in body:
            out.append("\n".join(str(v.get("value", "")) for v in body["data"].values()))
        else:
            out.append(str(body.get("text", {}).get("content", "")))
    return out
