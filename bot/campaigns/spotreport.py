"""A spot test's result for people: the table the CLI prints and the inspector's xlsx (in the
style of bot/campaigns/reports.py). Figures come from bot/campaigns/spottest.py, never
recomputed here; no ID number or phone is in either."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.campaigns.reports import write_report
from bot.campaigns.rules.spotsample import Estimate, UnitResult
from bot.context import Services

from .spottest import SpotResult

COLUMNS = ["单位", "人数", "抽取", "实考", "合格", "通过率", "95%置信区间", "结论", "未参考"]
COLUMNS += ["其中未绑定", "最坏情况通过率", "最坏情况结论"]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def span(e: Estimate) -> str:
    if e.low is None or e.high is None:
        return "—"
    return f"{percent(e.low)}–{percent(e.high)}"


def verdict(services: Services, e: Estimate) -> str:
    return services.copy.t(f"spot.verdict_{e.verdict}")


def row(services: Services, label: str, r: UnitResult, unreachable: int | str) -> list[Any]:
    """One line: numbers as numbers (rates as fractions), words as text."""
    return [
        label,
        r.population,
        r.drawn,
        r.observed.sat,
        r.passed,
        r.observed.rate,
        span(r.observed),
        verdict(services, r.observed),
        r.no_response,
        unreachable,
        r.worst.rate,
        verdict(services, r.worst),
    ]


def rows(services: Services, result: SpotResult) -> list[list[Any]]:
    unreachable = sum(u.unreachable for u in result.units)
    body = [row(services, u.label, u.result, u.unreachable) for u in result.units]
    return [*body, row(services, services.copy.t("spot.overall"), result.overall, unreachable)]


def head(services: Services, result: SpotResult) -> list[list[str]]:
    spot, copy = result.spot, services.copy
    tz = services.clock.tz
    return [
        [copy.t("spot.title_report", enterprise=result.enterprise.name)],
        ["抽考", f"#{spot.id} {spot.exam.name}"],
        ["组织者", spot.requested_by or "—"],
        ["截止时间", spot.due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")],
        ["合格线", percent(spot.line)],
        ["误差", f"±{percent(spot.margin)}"],
        ["区间方法", copy.t(f"spot.method_{result.method}")],
        ["随机种子", spot.seed],
        ["生成时间", services.clock.local_now().strftime("%Y-%m-%d %H:%M")],
        ["说明", copy.t("spot.note")],
        [],
    ]


def table(services: Services, result: SpotResult) -> list[str]:
    """The result as aligned text lines for a terminal."""
    lines = [f"{h[0]}：{h[1]}" if len(h) > 1 else h[0] for h in head(services, result) if h]
    cells = [COLUMNS] + [
        [percent(v) if i in (5, 10) else str(v) for i, v in enumerate(r)]
        for r in rows(services, result)
    ]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(COLUMNS))]
    for r in cells:
        lines.append("  ".join(v + " " * (w - _width(v)) for v, w in zip(r, widths, strict=True)))
    if result.moved:
        lines.append(f"另有 {result.moved} 名被抽中人员已调离上述单位，未计入各单位结果。")
    return lines


def _width(text: str) -> int:
    """Columns a terminal gives `text`: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


async def write_spot_report(services: Services, result: SpotResult, path: Path) -> int:
    """Write the xlsx to `path`; returns its number of unit rows."""
    body = rows(services, result)
    await asyncio.to_thread(write_report, path, head(services, result), COLUMNS, body)
    return len(body) - 1
