"""Archive exports and the worker's own view: xlsx read back and checked against the database,
PDF text extracted, the admin API (tenants kept apart), the CLI's verify and export, 我的档案 in
chat and GET /api/v1/me/archive."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from bot.learning import archive, hours
from bot.storage.models import ArchiveEntry, ArchiveHead, Worker
from tests.archive_helpers import W1, campaign, study_day
from tests.conftest import ADMIN_TOKEN, Running
from tests.test_miniapp import login
from tests.test_reports import ROOT

pytestmark = pytest.mark.storage


async def studied(anxun: Running) -> Worker:
    await campaign(anxun)
    worker = await study_day(anxun)
    anxun.clock.advance(days=1)
    await hours.credit_due(anxun.services, date(2026, 11, 24))
    return worker


async def download(anxun: Running, path: str, token: str = ADMIN_TOKEN) -> tuple[int, bytes, str]:
    headers = {"Authorization": f"Bearer {token}"}
    async with anxun.session.get(anxun.base_url + path, headers=headers) as r:
        return r.status, await r.read(), r.content_type


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def test_a_workers_pdf_shows_the_head_hash_name_and_hours(anxun: Running) -> None:
    worker = await studied(anxun)
    status, body, media = await download(anxun, f"/admin/v1/archives/workers/{W1.employee_no}.pdf")
    assert status == 200 and media == "application/pdf"
    head = await ArchiveHead.get(worker_id=worker.id)
    count = await ArchiveEntry.filter(worker_id=worker.id).count()
    assert head.seq == count > 0  # the export archived what was due first
    text = pdf_text(body).replace("\n", "")
    assert head.hash in text.replace(" ", "")
    assert worker.name in text and W1.employee_no in text
    assert "2026年 0.06 学时" in text and "累计 0.06 学时" in text
    assert f"完整（共 {count} 条" in text
    assert W1.id_number not in text and (W1.phone or "-") not in text


async def test_a_workers_xlsx_matches_the_database(anxun: Running) -> None:
    worker = await studied(anxun)
    status, body, _ = await download(anxun, f"/admin/v1/archives/workers/{W1.employee_no}.xlsx")
    assert status == 200
    book = openpyxl.load_workbook(io.BytesIO(body))
    summary = [list(r) for r in book["汇总"].iter_rows(values_only=True)]
    header = summary.index(
        ["工号", "姓名", "单位", "工种", "今年学时", "累计学时", "记录数", "链头哈希", "导出时校验"]
    )
    row = summary[header + 1]
    head = await ArchiveHead.get(worker_id=worker.id)
    entries = await ArchiveEntry.filter(worker_id=worker.id).order_by("seq")
    assert row[:2] == [W1.employee_no, worker.name]
    assert row[4:8] == [0.06, 0.06, len(entries), head.hash]
    assert str(row[8]).startswith("完整")
    records = list(book["记录"].iter_rows(values_only=True))[1:]
    assert [(r[2], r[6]) for r in records] == [(e.seq, e.hash) for e in entries]
    kinds = {r[4] for r in records}
    assert {"学习卡片", "答题", "学时记入", "身份绑定", "参加培训"} <= kinds


async def test_a_units_archives_and_tenants(anxun: Running) -> None:
    await studied(anxun)
    worker = await Worker.get(employee_no=W1.employee_no).prefetch_related("department")
    unit = "/".join(
        [
            d.name
            for d in await worker.department.__class__.filter(
                id__in=[int(i) for i in worker.department.path.strip("/").split("/")]
            ).order_by("id")
        ]
    )
    path = f"/admin/v1/archives/units.xlsx?enterprise=hongqiao&unit={unit}"
    status, body, _ = await download(anxun, path)
    assert status == 200, body
    book = openpyxl.load_workbook(io.BytesIO(body))
    numbers = [r[0] for r in book["汇总"].iter_rows(values_only=True)]
    team = await Worker.filter(department_id=worker.department_id).values_list(
        "employee_no", flat=True
    )
    assert set(team) <= set(numbers)
    status, body, _ = await download(anxun, path.replace(".xlsx", ".pdf"))
    assert status == 200 and worker.name in pdf_text(body)
    # an unknown worker or unit, and another enterprise's caller: 404, never a 500
    status, _, _ = await download(anxun, "/admin/v1/archives/workers/NOPE.pdf")
    assert status == 404
    status, _, _ = await download(
        anxun, "/admin/v1/archives/units.pdf?enterprise=hongqiao&unit=无此单位"
    )
    assert status == 404


def archive_cli(*args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "archive", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


async def test_the_cli_verifies_and_exports(anxun: Running, tmp_path: Path) -> None:
    worker = await studied(anxun)
    await archive.bring_up(anxun.services, [worker.id])
    config = tmp_path / "config.toml"
    settings = f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "x"\n'
    settings += f'[privacy]\nkey = "{"k" * 32}"\n'
    await asyncio.to_thread(config.write_text, settings, "utf-8")
    code, said = await asyncio.to_thread(archive_cli, "verify", "--config", str(config))
    assert code == 0 and "0 problems" in said, said
    out = tmp_path / "w.pdf"
    args = ["export", "--config", str(config), "--worker", W1.employee_no, "--format", "pdf"]
    code, said = await asyncio.to_thread(archive_cli, *args, "--out", str(out))
    assert code == 0, said
    head = await ArchiveHead.get(worker_id=worker.id)
    assert head.hash in pdf_text(await asyncio.to_thread(out.read_bytes)).replace("\n", "")
    entry = await ArchiveEntry.filter(worker_id=worker.id, kind="answer").first()
    assert entry is not None
    await ArchiveEntry.filter(id=entry.id).update(payload={**entry.payload, "choice": "D"})
    code, said = await asyncio.to_thread(
        archive_cli, "verify", "--config", str(config), "--worker", W1.employee_no
    )
    assert code == 1
    assert f"worker {W1.employee_no}: entry {entry.seq}: hash mismatch" in said
    code, said = await asyncio.to_thread(
        archive_cli, "verify", "--config", str(config), "--worker", "NOPE"
    )
    assert code == 2 and "no worker NOPE" in said


async def test_my_archive_in_chat_and_in_the_mini_program(anxun: Running, sim) -> None:
    worker = await studied(anxun)
    reply = await anxun.user("o-w1").say("我的档案")
    assert reply is not None and len(reply.encode()) <= 2048
    assert f"【我的档案】{worker.name}" in reply
    assert "2026年 0.06 学时，累计 0.06 学时" in reply
    assert "学时记入" in reply and "档案校验完整" in reply
    token = await login(anxun, sim, "m-w1")
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    status, body = await anxun.api("GET", "/api/v1/me/archive?size=2", token=token)
    assert status == 200, body
    assert body["year_hours"] == 0.06 and body["verified"] is True
    count = await ArchiveEntry.filter(worker_id=worker.id).count()
    assert body["count"] == count and body["pages"] == -(-count // 2)
    assert [e["seq"] for e in body["entries"]] == [count, count - 1]
    status, body = await anxun.api(
        "GET", f"/api/v1/me/archive?size=2&page={body['pages']}", token=token
    )
    assert status == 200 and body["entries"][-1]["seq"] == 1
    status, _ = await anxun.api("GET", "/api/v1/me/archive")
    assert status == 401
