"""Benchmark: importing a large question bank from xlsx, as a training clerk would.

    python -m bench.import_bank [--rows 5000] [--db-url URL]

Writes a sheet of `--rows` single-choice questions in the enterprise layout, migrates a fresh
database (SQLite unless --db-url), loads the sample mine, then times `import_content` on the
sheet: reading and checking it, and writing every question and its first version in one
transaction. Prints rows, seconds and rows/s. It asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from bot.library import import_content
from bot.privacy import Privacy
from bot.seed import load_sample
from bot.storage import db
from content.banks import COLUMNS


def write_sheet(path: Path, rows: int) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(COLUMNS)
    for i in range(rows):
        sheet.append(
            [
                "",
                "单选",
                f"第{i}题：井下发现瓦斯超限时应如何处理？",
                "继续作业",
                "停止作业撤出人员",
                "",
                "",
                "",
                "",
                "B",
                "超限必须停止作业、撤出人员。",
                "瓦斯检查工",
                "瓦斯",
                "易",
                "练习",
                "",
            ]
        )
    book.save(path)


async def run(rows: int, db_url: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="anxun-import-bench-") as tmp_name:
        tmp = Path(tmp_name)
        url = db_url or f"sqlite://{tmp}/bench.db"
        sheet = tmp / "bank.xlsx"
        await asyncio.to_thread(write_sheet, sheet, rows)
        await db.upgrade(url)
        await db.open_db(url)
        try:
            await load_sample(Privacy("bench-privacy-key-0123456789abcdefghijkl"))
            started = time.perf_counter()
            report = await import_content("hongqiao", [sheet])
            seconds = time.perf_counter() - started
        finally:
            await db.close_db()
    return {
        "rows": report.rows,
        "created": report.questions.created,
        "problems": len(report.problems),
        "seconds": round(seconds, 2),
        "rows_per_s": round(report.rows / seconds),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    for key, value in asyncio.run(run(args.rows, args.db_url)).items():
        print(f"{key:12} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
