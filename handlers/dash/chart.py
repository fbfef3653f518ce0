"""The trend chart's geometry, drawn server-side as inline SVG: one bar a day for the day's
completions, one line for the cumulative completion percentage (0–100 %)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.campaigns.rules.rollup import TrendDay

WIDTH, HEIGHT, PAD = 640, 200, 28


@dataclass
class Chart:
    bars: list[tuple[float, float, float, float, str]]  # x, y, width, height, title
    line: str  # polyline points
    first: str
    last: str
    percent: str  # the last cumulative percentage
    width: int = WIDTH
    height: int = HEIGHT
    pad: int = PAD


def chart(days: list[TrendDay]) -> Chart | None:
    if not days:
        return None
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = inner_w / len(days)
    most = max(d.completed for d in days) or 1
    bars, points = [], []
    for i, d in enumerate(days):
        h = inner_h * d.completed / most * 0.6  # bars keep to the lower part, under the line
        x = PAD + i * step
        title = f"{d.day.isoformat()} 完成 {d.completed} 人，累计 {d.percent:.1f}%"
        bars.append(
            (
                round(x + step * 0.15, 1),
                round(PAD + inner_h - h, 1),
                round(step * 0.7, 1),
                round(h, 1),
                title,
            )
        )
        y = PAD + inner_h * (1 - d.percent / 100)
        points.append(f"{x + step / 2:.1f},{y:.1f}")
    return Chart(
        bars,
        " ".join(points),
        days[0].day.isoformat(),
        days[-1].day.isoformat(),
        f"{days[-1].percent:.1f}%",
    )
