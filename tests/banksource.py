"""The bank corpus's source cells read independently of content/ (openpyxl, xlrd and csv directly),
and what a person takes each one to say, to compare every stored question with its file cell by
cell. Only cells holding text are compared (numbers, dates and percents are checked against the
hand-written NAME.expected.yaml); an empty cell (a merged block, a default job) says nothing."""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from content.banks import SCHEMA

ROOT = Path(__file__).resolve().parents[1]
TRUE = {"对", "√", "✔", "✓", "正确", "T", "是", "1", "Y"}
FALSE = {"错", "×", "✘", "✗", "✖", "错误", "F", "否", "0", "N"}
TYPES = {
    "单选": "single",
    "单项选择": "single",
    "多选": "multi",
    "多项选择": "multi",
    "判断": "judge",
}
DIFFICULTY = {
    **dict.fromkeys(["易", "容易", "简单", "较易", "1"], 1),
    **dict.fromkeys(["中", "一般", "中等", "适中", "2"], 2),
    **dict.fromkeys(["难", "困难", "较难", "3"], 3),
}
FIVE = {"1": 1, "2": 1, "3": 2, "4": 3, "5": 3}


def text_cells(path: Path, sheet: str, header: int) -> dict[int, dict[str, str]]:
    """Row number -> canonical column -> the text of each text cell below the header."""
    grid = _grid(path, sheet)
    titles = {c: SCHEMA.column(t) for c, t in grid.get(header, {}).items() if t}
    return {
        r: {titles[c]: t for c, t in cells.items() if titles.get(c) and t.strip()}
        for r, cells in grid.items()
        if r > header
    }


def _grid(path: Path, sheet: str) -> dict[int, dict[int, str]]:
    if path.suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        rows = csv.reader(io.StringIO(text, newline=""))
        return {r: dict(enumerate(row, 1)) for r, row in enumerate(rows, 1)}
    if path.suffix == ".xls":
        import xlrd

        ws = xlrd.open_workbook(str(path)).sheet_by_name(sheet)
        return {
            r + 1: {c + 1: v.value for c, v in enumerate(ws.row(r)) if v.ctype == xlrd.XL_CELL_TEXT}
            for r in range(ws.nrows)
        }
    from openpyxl import load_workbook

    grid: dict[int, dict[int, str]] = {}
    for row in load_workbook(path)[sheet].iter_rows():
        for cell in row:
            if cell.data_type == "s" and cell.value is not None:
                grid.setdefault(cell.row, {})[cell.column] = str(cell.value)
    return grid


def differences(
    cells: dict[str, str], got: dict[str, Any], default_job: str, scale: int
) -> list[str]:
    """What the stored question says differently from the cells of its row."""
    found = []
    for name, cell in cells.items():
        want: object
        have: object
        if name in ("题干", "解析", "知识点", "来源"):
            key = {"题干": "stem", "解析": "explanation", "知识点": "topic", "来源": "source"}[name]
            have, want = got[key], cell.strip()
        elif re.fullmatch("选项[A-F]", name):
            have, want = got["options"].get(name[-1]), without_own_letter(cell, name[-1])
        elif name == "选项":
            have, want = True, one_cell_matches(cell, got["options"])
        elif name == "答案":
            have, want = got["answer"], answer(cell, got)
        elif name == "工种":
            have, want = got["jobs"], jobs(cell) or [default_job]
        elif name == "难度":
            have, want = got["difficulty"], (FIVE if scale == 5 else DIFFICULTY)[_ascii(cell)]
        elif name == "题型":
            have, want = got["type"], qtype(cell, got["answer"])
        else:
            continue
        if have != want:
            found.append(f"{name} cell {cell!r}: stored {have!r}, the cell says {want!r}")
    return found


def _ascii(text: str) -> str:
    return re.sub(r"[\s\ufe0f]", "", unicodedata.normalize("NFKC", text)).upper()


def without_own_letter(text: str, letter: str) -> str:
    full = chr(ord(letter) + 0xFEE0)  # Ａ
    own = f"[{letter}{letter.lower()}{full}{full.lower()}]"
    prefix = rf"\s*(?:[(（]\s*{own}\s*[)）]|{own}\s*[.．、:：)）])\s*"
    return re.sub(f"^{prefix}", "", text).strip()


def one_cell_matches(cell: str, options: dict[str, str]) -> bool:
    """The cell is the stored options in order, each behind its own letter, and nothing else."""
    squeeze = lambda s: re.sub(r"[\s;；,，]", "", s)  # noqa: E731
    pattern = "".join(
        rf"[(（]?[{k}{chr(ord(k) + 0xFEE0)}][)）.．、:：]?" + re.escape(squeeze(v))
        for k, v in sorted(options.items())
    )
    return re.fullmatch(pattern, squeeze(cell)) is not None


def answer(cell: str, got: dict[str, Any]) -> str:
    text = _ascii(cell)
    if got["type"] != "judge":
        return "".join(sorted(set(re.sub(r"[^A-F]", "", text))))
    if text in got["options"]:
        return text
    truth = True if text in TRUE else False if text in FALSE else None
    meaning = {k: _ascii(v) in TRUE for k, v in got["options"].items()}
    return next((k for k, v in meaning.items() if v is truth), f"unreadable {cell!r}")


def qtype(cell: str, letters: str) -> str:
    text = _ascii(cell).removesuffix("题")
    if text in ("选择", "不定项选择"):
        return "single" if len(letters) == 1 else "multi"
    return TYPES.get(text, f"unknown {cell!r}")


def jobs(cell: str) -> list[str]:
    catalogue = tomllib.loads((ROOT / "content/library/jobs.toml").read_text("utf-8"))["jobs"]
    names = {n: j["code"] for j in catalogue for n in (j["code"], j["name"], *j.get("aliases", []))}
    codes: list[str] = []
    for token in re.split(r"[、,，/;；\s]+", cell.strip()):
        if token and names.get(token, token) not in codes:
            codes.append(names.get(token, token))
    return codes
