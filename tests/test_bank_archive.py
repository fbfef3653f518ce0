"""An xlsx is a zip: one that expands a thousandfold, or that lies about its expanded size, is
refused before it is expanded (issue 10, item 6)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from bench.import_bank import pad_sheet
from bot.learning.library import import_content
from bot.storage.models import Question
from tests.conftest import Running
from tests.test_bank_fidelity import HEADER, _upload, row
from tests.xlsx import Sheet, write

pytestmark = pytest.mark.storage
MB = 1024 * 1024


def bomb(path: Path, padding_mb: int) -> Path:
    """A valid bank whose sheet XML is padded with whitespace: ~1000x compression."""
    write(path, [Sheet("题库", [HEADER, row("单选", "炸弹里的题", ["甲", "乙"], "A")])])
    pad_sheet(path, padding_mb)
    return path


def declare_smaller(path: Path, member: str, size: int) -> None:
    """Rewrite the central directory so `member` claims to expand to `size` bytes."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02" + b"", 0)
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 1)
    else:
        raise AssertionError(member)
    path.write_bytes(bytes(data))


async def test_an_xlsx_that_expands_past_the_cap_is_refused(anxun: Running, tmp_path: Path) -> None:
    path = bomb(tmp_path / "bomb.xlsx", padding_mb=120)
    assert path.stat().st_size < 1 * MB
    report = await import_content("hongqiao", [path])
    assert [(p.file, p.row, p.column) for p in report.problems] == [("bomb.xlsx", None, "文件")]
    assert "解压后" in report.problems[0].reason and "MB" in report.problems[0].reason
    assert not report.applied and not await Question.filter(stem="炸弹里的题").exists()

    status, body = await _upload(anxun, path)
    assert status == 422 and "解压后" in body["problems"][0]["reason"]


async def test_an_absurd_compression_ratio_is_refused(anxun: Running, tmp_path: Path) -> None:
    path = bomb(tmp_path / "bomb.xlsx", padding_mb=20)  # under the size cap, ~1000x
    report = await import_content("hongqiao", [path])
    assert [p.column for p in report.problems] == ["文件"]
    assert "压缩比" in report.problems[0].reason


async def test_a_member_that_lies_about_its_size_is_refused(anxun: Running, tmp_path: Path) -> None:
    path = bomb(tmp_path / "liar.xlsx", padding_mb=20)
    declare_smaller(path, "xl/worksheets/sheet1.xml", 4096)  # ratio and total now look fine
    report = await import_content("hongqiao", [path])
    assert [p.column for p in report.problems] == ["文件"]
    assert "损坏" in report.problems[0].reason or "不符" in report.problems[0].reason
    assert not await Question.filter(stem="炸弹里的题").exists()
