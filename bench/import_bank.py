"""Benchmark: importing a large question bank from xlsx, as a training clerk would.

    python -m bench.import_bank [--rows 5000] [--db-url URL] [--bomb MB]

Writes a sheet of `--rows` single-choice questions in the enterprise layout, migrates a fresh
database (SQLite unless --db-url), loads the sample mine, then times `import_content` on the
sheet: reading and checking it, and writing every question and its first version in one
transaction. Prints rows, seconds, CPU seconds (steadier than wall time on a shared machine),
rows/s and the process's peak RSS. With --bomb, imports instead an xlsx whose sheet is padded
with MB megabytes of whitespace (~1000x compression), which must be refused unexpanded. It
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook

from bot.learning.library import import_content
from bot.people.privacy import Privacy
from bot.simulator.seed import load_sample
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


def pad_sheet(path: Path, megabytes: int) -> None:
    """Turn the workbook at `path` into a zip bomb: its sheet padded with whitespace."""
    padded = path.with_suffix(".bomb")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            with dst.open(info.filename, "w") as out:
                out.write(head + b"<sheetData>")
                for _ in range(megabytes):
                    out.write(b" " * 1024 * 1024)
                out.write(tail)
    padded.replace(path)


async def run(rows: int, db_url: str | None, bomb: int = 0) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="anxun-import-bench-") as tmp_name:
        tmp = Path(tmp_name)
        url = db_url or f"sqlite://{tmp}/bench.db"
        sheet = tmp / "bank.xlsx"
        await asyncio.to_thread(write_sheet, sheet, rows)
        if bomb:
            await asyncio.to_thread(pad_sheet, sheet, bomb)
        size_kb = sheet.stat().st_size // 1024
        await db.upgrade(url)
        await db.open_db(url)
        try:
            await load_sample(Privacy("bench-privacy-key-0123456789abcdefghijkl"))
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            started, cpu = time.perf_counter(), time.process_time()
            report = await import_content("hongqiao", [sheet])
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            await db.close_db()
    return {
        "file_kb": size_kb,
        "rows": report.rows,
        "created": report.questions.created,
        "problems": "; ".join(str(p) for p in report.problems) or 0,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "rows_per_s": round(report.rows / seconds),
        "peak_rss_mb": f"{rss_before} before the import, "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} after",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--bomb", type=int, default=0, metavar="MB", help="pad the sheet (MB)")
    args = parser.parse_args()
    for key, value in asyncio.run(run(args.rows, args.db_url, args.bomb)).items():
        print(f"{key:12} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
