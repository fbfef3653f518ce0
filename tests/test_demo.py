"""The scripted demo runs end to end on the embedded defaults and shows what the README says."""

from __future__ import annotations

import io
from pathlib import Path

from bot.simulator.demo import run_demo

SCRIPT = Path(__file__).parent / "data" / "demo_script.txt"


async def test_scripted_demo_completes_and_the_leader_hears_the_team_is_behind() -> None:
    out = io.StringIO()
    assert await run_demo(script=SCRIPT.read_text(encoding="utf-8").splitlines(), out=out) == 0
    text = out.getvalue()
    assert "您还没有绑定身份" in text  # 学习 before binding
    assert "与花名册不符" in text and "绑定成功！于江" in text
    assert "📨 推送给你    ▶ 【今日安全学习】" in text  # the push arrived through the simulator
    assert "【今日卡片 3/3】" in text
    assert "请回复选项字母（A/B/C/D）" in text  # "AB" on a single-choice question
    assert "答对 3/3 题" in text and "全部学习要求" in text
    assert "状态：已完成" in text
    # the team is below the line three days out: its leader is told once /check runs, not
    # when someone completes
    before, after = text.split("预警检查：")
    assert "📣 班组长收到" not in before
    assert "📣 班组长收到  ▶ 【进度预警】" in after and "瓦斯检查一班：25%（2/8）" in after
    assert "📣 班组长收到  ▶ 【学习日报】瓦斯检查一班" in after and "完成 2/8（25%）" in after
