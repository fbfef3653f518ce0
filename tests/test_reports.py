"""The inspector's xlsx reports (per unit, per worker) over the admin API and the CLI, read
back and compared cell by cell with the database; no ID number or phone in them; another
enterprise's token finds nothing."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.campaigns.reports import write_report
from bot.learning.training import worker_items
from bot.people.rules.roster import EMPLOYMENT_NAMES
from bot.storage.models import (
    CardRead,
    Department,
    Enrollment,
    Identity,
    QuizSession,
    Worker,
)
from content.loader import load_enterprise
from tests.conftest import ADMIN_TOKEN, Running, create_gas_campaign
from tests.dashdata import build_world, oracle

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS = ["mine", "compatmine", "plainmine", "minework", "mineapp"]


async def fetch(anxun: Running, path: str, token: str | None = ADMIN_TOKEN) -> tuple[int, bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with anxun.session.get(anxun.base_url + path, headers=headers) as resp:
        return resp.status, await resp.read()


def sheet_rows(data: bytes) -> list[tuple[Any, ...]]:
    book = load_workbook(io.BytesIO(data))
    rows = book.worksheets[0].iter_rows(values_only=True)
    return [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows]


def split(rows: list[tuple[Any, ...]], first_column: str) -> tuple[dict[str, Any], list[Any]]:
    at = next(i for i, r in enumerate(rows) if r[0] == first_column)
    head = {r[0]: r[1] for r in rows[1:at] if r and r[0] and len(r) > 1}
    return head, rows[at:]


def no_personal_numbers(rows: list[tuple[Any, ...]]) -> None:
    text = " ".join(str(v) for r in rows for v in r if v is not None)
    for person in load_enterprise().roster:
        assert person.id_number not in text and person.id_number[-6:] not in text
        assert person.phone not in text


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 9) if b else None


async def test_units_report_matches_the_database(anxun: Running) -> None:
    world = await build_world(anxun)
    status, data = await fetch(anxun, f"/admin/v1/reports/units?campaign={world.gas}")
    assert status == 200
    rows = sheet_rows(data)
    head, table = split(rows, "单位")
    assert head == {
        "企业": "红桥煤业（示例）",
        "培训任务": "瓦斯检查工冬季专项",
        "起止日期": "2026-11-23 至 2026-12-07",
        "生成时间": "2026-11-23 07:00",
        "说明": head["说明"],
    }
    assert "身份证" in head["说明"]  # says none is there
    expected = await oracle([world.gas], ACCOUNTS)
    departments = {d.id: d for d in await Department.all()}

    def label(d: Department) -> str:
        ids = [int(i) for i in d.path.strip("/").split("/")]
        return "/".join(departments[i].name for i in ids)

    wanted: list[tuple[Any, ...]] = []
    for dept in sorted(departments.values(), key=label):
        f = expected[dept.id]
        wanted.append(
            (
                label(dept),
                f["head"],
                f["bound"],
                ratio(f["bound"], f["head"]),
                f["enrolled"],
                f["completed"],
                ratio(f["completed"], f["enrolled"]),
                ratio(f["passed"], f["quizzes"]),
                f["enrolled"] - f["completed"],
            )
        )
    company = next(d for d in departments.values() if d.parent_id is None)
    assert table[0][0] == "单位" and table[1] == ("红桥煤业（示例）", *wanted[0][1:])
    assert wanted[0][0] == company.name
    assert table[2:] == wanted
    no_personal_numbers(rows)


async def expected_worker(row: tuple[Any, ...], campaign_id: int) -> tuple[Any, ...]:
    worker = await Worker.get(employee_no=row[0]).select_related("job", "department")
    enrollment = await Enrollment.get(worker=worker, campaign_id=campaign_id)
    ids = [int(i) for i in worker.department.path.strip("/").split("/")]
    names = {d.id: d.name for d in await Department.filter(id__in=ids)}
    levels = [
        i.level for i in await Identity.filter(worker=worker, active=True, account__in=ACCOUNTS)
    ]
    campaign = await enrollment.campaign
    cards = [c.id for c in (await worker_items(worker.id, campaign)).cards]  # the worker's own
    read = {r.card_id for r in await CardRead.filter(worker=worker, card_id__in=list(cards))}
    sessions = await QuizSession.filter(
        worker=worker, campaign_id=campaign_id, finished_at__not_isnull=True
    )
    passes = sum(s.correct / len(s.question_ids) >= campaign.quiz_pass_ratio for s in sessions)
    done = enrollment.completed_at
    return (
        worker.employee_no,
        worker.name,
        "/".join(names[i] for i in ids),
        worker.job.name,
        EMPLOYMENT_NAMES[worker.employment_type],
        f"{max(levels)} 级" if levels else "未绑定",
        len(read),
        len(cards),
        passes,
        done.astimezone(anxun_tz()).strftime("%Y-%m-%d %H:%M") if done else None,
        f"{enrollment.completed_identity_level} 级" if done else None,
        "已完成" if enrollment.status == "complete" else "未完成",
    )


def anxun_tz():  # type: ignore[no-untyped-def]
    from tests.conftest import TZ

    return TZ


async def test_workers_report_matches_the_database(anxun: Running) -> None:
    world = await build_world(anxun)
    status, data = await fetch(anxun, f"/admin/v1/reports/workers?campaign={world.gas}")
    assert status == 200
    rows = sheet_rows(data)
    _, table = split(rows, "工号")
    assert table[0][:3] == ("工号", "姓名", "单位")
    body = table[1:]
    assert len(body) == await Enrollment.filter(campaign_id=world.gas).count() == 16
    for row in body:
        assert row == await expected_worker(row, world.gas)
    assert any(r[-1] == "已完成" for r in body) and any(r[-1] == "未完成" for r in body)
    assert any(r[5] == "未绑定" for r in body) and any(r[6] == 2 for r in body)
    no_personal_numbers(rows)


async def test_reports_keep_to_the_callers_enterprise(start_anxun) -> None:  # type: ignore[no-untyped-def]
    anxun = await start_anxun(admin={"enterprises": {"lijing": "lijing-admin"}})
    world = await build_world(anxun)
    for kind in ("units", "workers"):
        path = f"/admin/v1/reports/{kind}?campaign={world.gas}"
        assert (await fetch(anxun, path, "lijing-admin"))[0] == 404
        assert (await fetch(anxun, path, None))[0] == 403
        for bad in ("", "abc", "-1", "1.5", "１"):
            status, _ = await fetch(anxun, f"/admin/v1/reports/{kind}?campaign={bad}")
            assert status == 422, bad
        assert (await fetch(anxun, f"/admin/v1/reports/{kind}?campaign=99999999999"))[0] == 404
        assert (await fetch(anxun, f"/admin/v1/reports/{kind}?campaign=4242"))[0] == 404


def report_cli(*args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "report", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


async def test_the_cli_writes_the_same_rows(anxun: Running, tmp_path: Path) -> None:
    world = await build_world(anxun)
    config = tmp_path / "c.toml"
    settings = f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
    settings += f'[privacy]\nkey = "{"k" * 32}"\n'
    await asyncio.to_thread(config.write_text, settings, "utf-8")
    out = tmp_path / "w.xlsx"
    args = ["workers", "--campaign", str(world.gas), "--config", str(config), "--out", str(out)]
    code, said = await asyncio.to_thread(report_cli, *args)
    assert code == 0 and "16" in said
    _, from_cli = split(sheet_rows(await asyncio.to_thread(out.read_bytes)), "工号")
    status, data = await fetch(anxun, f"/admin/v1/reports/workers?campaign={world.gas}")
    assert status == 200
    _, from_api = split(sheet_rows(data), "工号")
    # the CLI's config names no account: nobody counts as bound there; the rest is the same
    assert [r[:5] + r[6:11] for r in from_cli] == [r[:5] + r[6:11] for r in from_api]
    assert {r[5] for r in from_cli[1:]} == {"未绑定"}
    code, said = await asyncio.to_thread(
        report_cli, "units", "--campaign", "4242", "--config", str(config)
    )
    assert code == 2 and "no campaign 4242" in said


async def test_each_job_is_counted_against_its_own_cards(anxun: Running) -> None:
    """A campaign of two jobs, each studying its own job's cards: the report counts each
    worker's reads and total against their own job's items."""
    await build_world(anxun)  # a gas inspector has read two cards of their job
    both = await create_gas_campaign(
        anxun,
        name="两工种",
        job=None,
        cards=None,
        audience={"jobs": ["gas_inspector", "electrician"]},
    )
    status, data = await fetch(anxun, f"/admin/v1/reports/workers?campaign={both}")
    assert status == 200
    _, rows = split(sheet_rows(data), "工号")
    body = rows[1:]
    assert {r[3] for r in body} == {"瓦斯检查工", "井下电钳工"}
    for row in body:
        assert row == await expected_worker(row, both), row[0]
        assert row[7] > 0  # every worker has cards of their own job to read


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    columns = ["姓名", "完成率"]
    write_report(path, [["标题"]], columns, [["=HYPERLINK('x')", 0.5], ["-1", None]])
    sheet = load_workbook(path).worksheets[0]
    cells = {c.coordinate: c for row in sheet.iter_rows() for c in row}
    assert cells["A3"].value == "=HYPERLINK('x')" and cells["A3"].data_type == "s"
    assert cells["A4"].value == "-1" and cells["A4"].data_type == "s"
    assert cells["B3"].value == 0.5 and cells["B3"].number_format == "0.0%"
