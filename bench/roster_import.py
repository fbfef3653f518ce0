"""Benchmark: importing a large 花名册 as an enterprise's safety department would.

    python -m bench.roster_import [--rows 10000] [--db-url URL]

Writes an xlsx roster of `--rows` workers (three mines, their workshops and teams, every
employment type, real-shaped ID numbers and phones), migrates a fresh database (SQLite unless
--db-url), then times three imports of it: the first (every worker added, a `hired` event
each), the same file again (a sync with nothing to do), and a file with 5 % of the rows
changed (new jobs, moves, people leaving and coming back). Prints seconds, CPU seconds,
rows/s, the events recorded and the peak RSS for each. It asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from bot.app import services_for_cli
from bot.config import parse_config
from bot.people.rostersync import import_roster
from bot.people.rules.idcard import check_digit
from bot.storage import db
from bot.storage.models import Enterprise

HEADER = ["工号", "姓名", "身份证号", "手机号", "部门", "工种", "用工形式", "入职日期", "状态"]
HEADER += ["是否班组长"]
JOBS = ["瓦斯检查工", "采煤机司机", "井下电钳工", "提升机操作工", "瓦检员", "全员"]
KINDS = ["正式", "正式", "正式", "劳务派遣", "外包", "灵活用工", "临时"]
TODAY = date(2026, 12, 1)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国志强海军文明红卫春生永刚立新国庆晓东宏伟振华云峰德福金山玉林树森长江保平"


def people(count: int, seed: int = 20261203) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        born = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 36))
        first17 = f"1405{rng.randrange(10, 99)}{born:%Y%m%d}{i % 1000:03d}"
        mine, shop, team = i % 3 + 1, i // 3 % 10 + 1, i // 30 % 5 + 1
        rows.append(
            [
                f"P{i:06d}",
                rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
                first17 + check_digit(first17),
                f"139{i:08d}",
                f"{mine}矿/第{shop}工区/{team}班",
                rng.choice(JOBS),
                rng.choice(KINDS),
                min(born + timedelta(days=365 * 18 + rng.randrange(0, 9000)), TODAY).isoformat(),
                "在岗",
                "是" if i % 30 == 0 else "否",
            ]
        )
    return rows


def write(path: Path, rows: list[list[str]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["某集团 2026 年员工花名册"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def changed(rows: list[list[str]], share: float = 0.05) -> list[list[str]]:
    rng = random.Random(7)
    out = [list(r) for r in rows]
    for row in rng.sample(out, int(len(out) * share)):
        what = rng.randrange(3)
        if what == 0:
            row[5] = "井下电钳工" if row[5] != "井下电钳工" else "采煤机司机"
        elif what == 1:
            row[4] = row[4].replace("1班", "2班") if "1班" in row[4] else row[4][:-2] + "1班"
        else:
            row[8] = "离职"
    return out


async def run(rows: int, db_url: str | None) -> list[dict[str, object]]:
    results = []
    with tempfile.TemporaryDirectory(prefix="anxun-roster-bench-") as tmp_name:
        tmp = Path(tmp_name)
        url = db_url or f"sqlite://{tmp}/bench.db"
        data = people(rows)
        first, second = tmp / "roster.xlsx", tmp / "roster-changed.xlsx"
        await asyncio.to_thread(write, first, data)
        await asyncio.to_thread(write, second, changed(data))
        config = parse_config(
            {"admin": {"token": "bench"}, "privacy": {"key": "bench-privacy-key-0123456789abcdef"}},
            "bench",
            env={},
        )
        await db.upgrade(url)
        await db.open_db(url)
        try:
            await Enterprise.create(code="bench", name="基准测试集团")
            async with services_for_cli(config) as services:
                for label, path in (("first", first), ("again", first), ("5% changed", second)):
                    ticks: list[int] = []
                    started, cpu = time.perf_counter(), time.process_time()
                    report = await import_roster(
                        services,
                        "bench",
                        path,
                        progress=lambda done, _t, ticks=ticks: ticks.append(done),
                    )
                    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
                    results.append(
                        {
                            "import": label,
                            "rows": report.rows,
                            "applied": report.applied,
                            "problems": "; ".join(str(p) for p in report.problems[:3]) or 0,
                            "added/updated/unchanged": (
                                f"{report.added}/{report.updated}/{report.unchanged}"
                            ),
                            "events": dict(report.events),
                            "progress_ticks": len(ticks),
                            "seconds": round(seconds, 2),
                            "cpu_seconds": round(cpu, 2),
                            "rows_per_s": round(report.rows / seconds),
                            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                            // 1024,
                        }
                    )
        finally:
            await db.close_db()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    for result in asyncio.run(run(args.rows, args.db_url)):
        print()
        for key, value in result.items():
            print(f"{key:24} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
