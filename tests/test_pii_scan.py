"""Personal data stays encrypted: load a roster, bind workers through the simulator (chat and
mini-program), run a campaign's push, study and quiz, call the admin and worker APIs, then scan
the database (the SQLite file, or a pg_dump of the PostgreSQL database), every log record and
every response for each ID number, ID tail and phone of the roster: none may appear."""

from __future__ import annotations

import asyncio
import logging
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from bot.people.rostersync import import_roster
from content.loader import load_enterprise
from handlers.admin.roster import report_json
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.data.rosters.make_rosters import CLEAN
from tests.test_roster_import import roster

pytestmark = pytest.mark.storage
DATA = Path(__file__).parent / "data" / "rosters"
APPID = "wxminiapp00000001"


def secrets_of_the_roster() -> dict[str, str]:
    """What must never be stored or shown in plaintext: value → what it is."""
    found: dict[str, str] = {}
    people = [(r[0], r[2], r[3]) for r in CLEAN]
    people += [(r.employee_no, r.id_number, r.phone) for r in load_enterprise().roster]
    for number, id_number, phone in people:
        found[id_number] = f"{number} ID number"
        found[id_number[-6:]] = f"{number} ID tail"
        if phone:
            found[phone] = f"{number} phone"
    return found


async def database_text(anxun: Running, db_url: str) -> bytes:
    if db_url.startswith("sqlite://"):
        path = Path(db_url.removeprefix("sqlite://"))
        parts = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")]
        return b"".join([await asyncio.to_thread(p.read_bytes) for p in parts if p.exists()])
    dsn = db_url.replace("postgres://", "postgresql://", 1)
    done = await asyncio.to_thread(
        subprocess.run, ["pg_dump", "--data-only", dsn], capture_output=True, check=True
    )
    return done.stdout


async def test_no_plaintext_id_number_or_phone_anywhere(
    anxun: Running, sim, db_url: str, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    responses: list[str] = []
    report = await import_roster(anxun.services, "hongqiao", DATA / "clean_export.xlsx")
    assert report.applied

    # chat binding (level 1) for a roster worker, mini-program phone binding (level 3)
    inspector = next(r for r in CLEAN if r[0] == "YK0004")
    reply = await anxun.user("o-pii").say(f"绑定 {inspector[1]} {inspector[2][-6:]}")
    assert reply is not None and "绑定成功" in reply
    responses.append(reply)
    status, body = await anxun.api(
        "POST", "/api/v1/session", {"account": "mineapp", "code": sim.login_code(APPID, "m-pii")}
    )
    assert status == 200, body
    token = body["token"]
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(CLEAN[1][3])}, token=token
    )
    assert status == 200, body
    responses.append(str(body))

    # a roster whose problems concern ID numbers and phones: the report names none of them
    broken = [[*r[:2], r[2][:-1], r[3][:-1], *r[4:]] for r in CLEAN]
    bad = await import_roster(anxun.services, "hongqiao", roster(tmp_path / "bad.xlsx", broken))
    columns = [p.column for p in bad.problems]
    assert (columns.count("身份证号"), columns.count("手机号")) == (6, 5)  # one has no phone
    responses.append(str(report_json(bad)))

    campaign_id = await create_gas_campaign(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 5, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) >= 1
    await eventually(lambda: sim.delivered("o-pii"))
    for text in ("学习", "学习", "答题", "A", "B", "A", "我的进度"):
        responses.append(str(await anxun.user("o-pii").say(text)))
    for path in ("/api/v1/me/tasks", "/api/v1/me/progress"):
        responses.append(str(await anxun.api("GET", path, token=token)))
    for path in (
        "/admin/v1/events?enterprise=hongqiao",
        "/admin/v1/departments?enterprise=hongqiao",
        f"/admin/v1/campaigns/{campaign_id}",
    ):
        status, body = await anxun.admin("GET", path)
        assert status == 200, (path, body)
        responses.append(str(body))
    async with anxun.session.get(
        f"{anxun.base_url}/admin/v1/roster/export?enterprise=hongqiao",
        headers={"Authorization": "Bearer test-admin-token"},
    ) as resp:
        exported = await resp.read()
    await anxun.stop()  # flush everything to disk

    stored = await database_text(anxun, db_url)
    logs = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    spool_dir = Path(anxun.config.server.spool_dir)
    spool = await asyncio.to_thread(
        lambda: b"".join(p.read_bytes() for p in spool_dir.rglob("*") if p.is_file())
    )
    assert len(stored) > 10_000 and caplog.records  # the scan looked at something real
    leaks = []
    for value, what in secrets_of_the_roster().items():
        for where, text in (
            ("database", stored),
            ("logs", logs.encode()),
            ("responses", "\n".join(responses).encode()),
            ("spool", spool),
        ):
            if value.encode() in text:
                leaks.append(f"{what} in {where}")
        if value.encode() in _xlsx_text(exported):
            leaks.append(f"{what} in the masked export")
    assert leaks == []


def _xlsx_text(body: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())
