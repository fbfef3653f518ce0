"""Roster (花名册) import: files read as a person reads them and stored cell by cell as they say;
every problem reported as 文件 第N行 [列]: 原因 with nothing written; re-import as a sync that
records workforce events once; dry run, partial, export (masked unless allowed) and 三违 flags."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from openpyxl import Workbook, load_workbook

from bot.people.identity import issue_bind_code
from bot.people.org import load_tree
from bot.people.rosterplan import RosterReport
from bot.people.rostersync import import_roster
from bot.storage.models import Department, Enterprise, Worker, WorkerEvent
from tests.conftest import ADMIN_TOKEN, Running
from tests.data.rosters.make_rosters import CLEAN, HEADER, idn

pytestmark = pytest.mark.storage
DATA = Path(__file__).parent / "data" / "rosters"
ENT = "yikuang"
PII_TOKEN = "test-pii-token"
OTHER_TOKEN = "test-other-enterprise-token"


@pytest.fixture
async def mine(start_anxun: Any) -> Running:
    running = await start_anxun(
        admin={"pii_token": PII_TOKEN, "enterprises": {"hongqiao": OTHER_TOKEN}}
    )
    await Enterprise.create(code=ENT, name="一矿（测试）")
    return running


def roster(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def person(
    no: str,
    name: str,
    id_number: str,
    *,
    phone: str = "",
    dept: str = "一矿/综采一队/一班",
    job: str = "采煤机司机",
    kind: str = "正式",
    hired: str = "2020-01-01",
    leader: str = "否",
) -> list[str]:
    """A roster row in HEADER's order; a distinct phone from the 工号 unless given."""
    phone = phone or f"139{no[-4:]:0>8}"
    return [no, name, id_number, phone, dept, job, kind, hired, "在岗", leader]


async def load(anxun: Running, path: Path, **kw: Any) -> RosterReport:
    return await import_roster(anxun.services, ENT, path, **kw)


async def stored(anxun: Running) -> dict[str, dict[str, Any]]:
    """Every worker of the test enterprise as the roster columns say it, decrypted."""
    ent = await Enterprise.get(code=ENT)
    tree = await load_tree(ent)
    privacy = anxun.services.privacy
    out = {}
    for w in await Worker.filter(enterprise=ent).select_related("job"):
        out[w.employee_no] = {
            "name": w.name,
            "id": privacy.decrypt(w.id_number_enc),
            "phone": privacy.decrypt(w.phone_enc) if w.phone_enc else "",
            "department": tree.label(w.department_id),
            "job": w.job.code,
            "employment": w.employment_type,
            "hired": w.hire_date.isoformat() if w.hire_date else "",
            "status": w.status,
            "leader": w.is_supervisor,
        }
    return out


EMPLOYMENT = {
    "正式": "regular",
    "劳务派遣": "dispatched",
    "外包": "outsourced",
    "临时": "temporary",
}
EMPLOYMENT |= {"灵活用工": "flexible"}
STATUS = {"在岗": "active", "休假": "leave"}
JOBS = {"班组长": "team_leader", "采煤机司机": "shearer_driver", "瓦检员": "gas_inspector"}
JOBS |= {"瓦斯检查工": "gas_inspector"}


async def test_a_clean_export_reads_back_cell_by_cell(mine: Running) -> None:
    report = await load(mine, DATA / "clean_export.xlsx")
    assert report.applied and not report.problems, [str(p) for p in report.problems]
    assert report.sheets_read == ["花名册"]
    assert report.sheets_skipped == [("填写说明", "填写说明")]
    assert (report.added, report.updated, dict(report.events)) == (6, 0, {"hired": 6})
    workers = await stored(mine)
    for no, name, id_number, phone, dept, job, kind, hired, status, leader in CLEAN:
        assert workers[no] == {
            "name": name,
            "id": id_number,
            "phone": phone,
            "department": dept,
            "job": JOBS[job],
            "employment": EMPLOYMENT[kind],
            "hired": hired,
            "status": STATUS[status],
            "leader": leader == "是",
        }, no
    levels = {d.name: d.level for d in await Department.filter(enterprise__code=ENT)}
    assert levels == {
        "一矿": "company",
        "综采一队": "workshop",
        "通风区": "workshop",
        "一班": "team",
        "二班": "team",
        "瓦检班": "team",
    }


async def test_gbk_csv_with_split_columns_and_full_width_digits(mine: Running) -> None:
    report = await load(mine, DATA / "split_columns_gbk.csv")
    assert report.applied and not report.problems, [str(p) for p in report.problems]
    workers = await stored(mine)
    assert workers["YK0101"] == {
        "name": "孙大伟",
        "id": idn("19830707", "078"),
        "phone": "13800000101",
        "department": "一矿/机电队/电钳班",
        "job": "electrician",
        "employment": "regular",
        "hired": "2018-05-06",
        "status": "active",
        "leader": True,
    }
    assert workers["YK0102"]["phone"] == "13800000102"
    assert workers["YK0102"]["hired"] == "2021-03-09"
    assert workers["YK0102"]["employment"] == "dispatched"
    assert workers["YK0102"]["leader"] is False


async def test_an_id_number_typed_as_a_number_is_refused(mine: Running) -> None:
    report = await load(mine, DATA / "id_as_number.xlsx")
    assert not report.applied
    assert [str(p) for p in report.problems] == [
        "id_as_number.xlsx 第2行 [身份证号]: 这一格是 18 位的数字（如身份证号、长编号），"
        "Excel 会把它显示成科学计数法或丢掉末几位：请把该列设置为文本格式，重新输入后再导入"
    ]
    assert await Worker.filter(enterprise__code=ENT).count() == 0
    partial = await load(mine, DATA / "id_as_number.xlsx", partial=True)
    assert partial.applied and partial.added == 1
    assert (await stored(mine))["YK0202"]["phone"] == "13800000202"  # 11 digits read exactly


async def test_a_broken_roster_reports_every_problem_and_writes_nothing(
    mine: Running, tmp_path: Path
) -> None:
    await load(mine, DATA / "clean_export.xlsx")
    before = await Worker.filter(enterprise__code=ENT).count()
    good_id = idn("19880808", "123")
    bad_check = good_id[:17] + ("0" if good_id[17] != "0" else "1")
    rows = [
        person("YK0301", "甲", bad_check),
        person("YK0302", "乙", "140581199013320011"),
        person("YK0303", "丙", idn("19890909", "303"), phone="1390000", job="采煤工"),
        person("YK0304", "丁", good_id, dept="一矿/综采一队/第1班"),
        person("YK0304", "戊", idn("19900101", "305"), kind="合伙人", hired="2020-13-01"),
        person("YK0306", "己", good_id),
        person("YK0307", "庚", CLEAN[1][2]),
        person("YK0308", "辛", idn("19910101", "308"), phone="13800000001"),
        person("YK0309", "壬", idn("19920101", "309"), leader="也许"),
    ]
    report = await load(mine, roster(tmp_path / "花名册.xlsx", rows))
    assert not report.applied
    f = "花名册.xlsx"
    assert [str(p) for p in report.problems] == [
        f"{f} 第2行 [身份证号]: 身份证号校验位不对（GB 11643），请核对是否有数字输错",
        f"{f} 第3行 [身份证号]: 身份证号中的出生日期不存在，请核对第 7–14 位",
        f"{f} 第4行 [手机号]: 手机号应为 11 位、以 1 开头的号码（13–19 开头），这里是 7 位",
        f"{f} 第4行 [工种]: 未知工种「采煤工」，最接近的有：采煤机司机；请改用已有的工种名称",
        f"{f} 第5行 [部门]: 部门「一矿/综采一队/第1班」与已有的「一矿/综采一队/一班」是同一名称的"
        "不同写法：请改成「一矿/综采一队/一班」；如确是另一个部门，请改用能明显区分的名称",
        f"{f} 第6行 [工号]: 与第5行工号重复",
        f"{f} 第6行 [用工形式]: 无法识别「合伙人」，请填写其中之一：正式、合同工、劳务派遣、外包、"
        "灵活用工、临时",
        f"{f} 第6行 [入职日期]: 无法识别日期「2020-13-01」，请写成 2024-03-01 这样的日期",
        f"{f} 第7行 [身份证号]: 与第5行身份证号相同：同一人只能有一行",
        f"{f} 第8行 [身份证号]: 与系统中工号 YK0002（李强）的身份证号相同：同一人不能有两个工号；"
        "如此人换了工号，请继续使用原工号",
        f"{f} 第9行 [手机号]: 与系统中工号 YK0001（王建国）的手机号相同：手机号用于实名绑定，"
        "每人须不同；请核对",
        f"{f} 第10行 [是否班组长]: 无法识别「也许」，请填写 是 或 否",
    ]
    assert await Worker.filter(enterprise__code=ENT).count() == before
    assert report.summary()[0] == ("身份证号：身份证号校验位不对", 1)


async def test_reimport_is_a_sync_that_records_each_event_once(
    mine: Running, tmp_path: Path
) -> None:
    day0 = mine.clock.now()
    await load(mine, DATA / "clean_export.xlsx")
    rows = [list(r) for r in CLEAN]
    rows[5][8] = "离岗"  # YK0006 goes away
    mine.clock.set(day0 + timedelta(days=10))
    away = await load(mine, roster(tmp_path / "r2.xlsx", rows))
    assert away.applied and dict(away.events) == {}  # away is a status, not an event

    header = [*HEADER, "三违", "三违日期"]
    rows = [[*r, "", ""] for r in rows]
    rows[5][8] = "在岗"  # back after 100 days
    rows[1][5], rows[1][4] = "瓦斯检查工", "一矿/通风区/瓦检班"  # YK0002: new job, new team
    rows[2][8] = "离职"  # YK0003 leaves
    rows[0][10:12] = ["未佩戴自救器入井", "2027-02-28"]
    new = person("YK0007", "新人", idn("20000101", "707"), dept="一矿/综采一队/二班", hired="")
    rows.append([*new, "", ""])
    mine.clock.set(day0 + timedelta(days=110))
    third = roster(tmp_path / "r3.xlsx", rows, header)
    synced = await load(mine, third)
    today = mine.services.clock.today()
    assert synced.applied and (synced.added, synced.updated, synced.unchanged) == (1, 4, 2)
    assert dict(synced.events) == {
        "returned": 1,
        "job_changed": 1,
        "moved": 1,
        "left": 1,
        "flagged": 1,
        "hired": 1,
    }
    again = await load(mine, third)  # the same file again: a sync with nothing to do
    assert again.applied and (again.added, again.updated, again.unchanged) == (0, 0, 7)
    assert dict(again.events) == {}

    status, body = await mine.admin("GET", f"/admin/v1/events?enterprise={ENT}&since={today}")
    assert status == 200
    seen = {(e["employee_no"], e["kind"]): e for e in body["events"]}
    assert set(seen) == {
        ("YK0006", "returned"),
        ("YK0002", "job_changed"),
        ("YK0002", "moved"),
        ("YK0003", "left"),
        ("YK0007", "hired"),
    }  # the 三违 carries its own date (2027-02-28), before today: listed by kind below
    assert seen[("YK0006", "returned")]["data"]["days_away"] == 100
    assert seen[("YK0002", "job_changed")]["data"] == {
        "from": "shearer_driver",
        "from_name": "采煤机司机",
        "to": "gas_inspector",
        "to_name": "瓦斯检查工",
    }
    assert seen[("YK0002", "moved")]["data"] == {
        "from": "一矿/综采一队/一班",
        "to": "一矿/通风区/瓦检班",
    }
    status, body = await mine.admin("GET", f"/admin/v1/events?enterprise={ENT}&kind=flagged")
    assert [
        (e["employee_no"], e["occurred_on"], e["data"]["violation"]) for e in body["events"]
    ] == [("YK0001", "2027-02-28", "未佩戴自救器入井")]
    assert "三违" in (await Worker.get(employee_no="YK0001")).flags
    assert await WorkerEvent.filter(kind="hired").count() == 7


async def test_dry_run_and_partial(mine: Running, tmp_path: Path) -> None:
    dry = await load(mine, DATA / "clean_export.xlsx", dry_run=True)
    assert dry.dry_run and not dry.applied and dry.added == 6
    assert "一矿/综采一队/一班" in dry.new_departments
    assert [c["employee_no"] for c in dry.changes] == [r[0] for r in CLEAN]
    assert await Worker.filter(enterprise__code=ENT).count() == 0
    assert await Department.filter(enterprise__code=ENT).count() == 0

    rows = [list(CLEAN[0]), [*CLEAN[1][:5], "宇航员", *CLEAN[1][6:]]]
    path = roster(tmp_path / "part.xlsx", rows)
    refused = await load(mine, path)
    assert not refused.applied and await Worker.filter(enterprise__code=ENT).count() == 0
    partial = await load(mine, path, partial=True)
    assert partial.applied and partial.added == 1 and len(partial.problems) == 1


async def test_export_is_masked_unless_the_token_allows_and_round_trips(
    mine: Running, tmp_path: Path
) -> None:
    await load(mine, DATA / "clean_export.xlsx")

    async def export(token: str) -> list[list[str]]:
        headers = {"Authorization": f"Bearer {token}"}
        url = f"{mine.base_url}/admin/v1/roster/export?enterprise={ENT}"
        async with mine.session.get(url, headers=headers) as resp:
            assert resp.status == 200
            body = await resp.read()
        path = tmp_path / f"{token}.xlsx"
        await asyncio.to_thread(path.write_bytes, body)
        ws = load_workbook(path).active
        assert ws is not None
        return [[str(c.value or "") for c in row] for row in ws.iter_rows()]

    masked = await export(ADMIN_TOKEN)
    assert masked[0] == HEADER
    first = masked[1]
    assert first[2] == CLEAN[0][2][:4] + "**********" + CLEAN[0][2][-4:]
    assert first[3] == "138****0001"
    full = await export(PII_TOKEN)
    assert full[1][2] == CLEAN[0][2] and full[1][3] == CLEAN[0][3]
    again = await load(mine, tmp_path / f"{PII_TOKEN}.xlsx")
    assert again.applied and (again.added, again.updated, again.unchanged) == (0, 0, 6)


async def test_flags_by_admin_are_recorded_once_and_tenant_scoped(mine: Running) -> None:
    await load(mine, DATA / "clean_export.xlsx")
    flag = {
        "enterprise": ENT,
        "employee_no": "yk0002",
        "violation": "违章指挥",
        "date": "2026-11-20",
        "reporter": "安监员 张三",
    }
    assert (await mine.admin("POST", "/admin/v1/roster/flag", flag))[0] == 201
    assert (await mine.admin("POST", "/admin/v1/roster/flag", flag))[0] == 200
    status, body = await mine.api("POST", "/admin/v1/roster/flag", flag, token=OTHER_TOKEN)
    assert status == 403
    status, body = await mine.api("GET", f"/admin/v1/events?enterprise={ENT}", token=OTHER_TOKEN)
    assert status == 403
    status, body = await mine.admin("POST", "/admin/v1/roster/flag", {**flag, "date": "2027-01-01"})
    assert status == 422 and "future" in body["message"]
    assert await WorkerEvent.filter(kind="flagged").count() == 1
    status, body = await mine.admin("GET", f"/admin/v1/events?enterprise={ENT}&kind=flagged")
    assert [e["data"] for e in body["events"]] == [
        {"violation": "违章指挥", "reporter": "安监员 张三"}
    ]


async def test_the_admin_api_imports_an_upload(mine: Running) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    url = f"{mine.base_url}/admin/v1/roster/import?enterprise={ENT}"

    async def upload(name: str, query: str = "") -> tuple[int, dict[str, Any]]:
        form = aiohttp.FormData()
        data = await asyncio.to_thread((DATA / name).read_bytes)
        form.add_field("file", data, filename=name)
        async with mine.session.post(url + query, data=form, headers=headers) as resp:
            return resp.status, await resp.json()

    status, body = await upload("id_as_number.xlsx")
    assert status == 422 and [p["row"] for p in body["problems"]] == [2]
    assert body["summary"][0]["rows"] == 1
    status, body = await upload("clean_export.xlsx", "&dry_run=1")
    assert status == 200 and body["dry_run"] and body["added"] == 6 and not body["applied"]
    status, body = await upload("clean_export.xlsx")
    assert status == 200 and body["applied"] and body["events"] == {"hired": 6}
    status, body = await mine.admin("GET", f"/admin/v1/departments?enterprise={ENT}")
    team = next(d for d in body["departments"] if d["path"] == "一矿/综采一队/一班")
    assert team["level"] == "team" and team["workers"] == 2
    assert team["leaders"] == [{"employee_no": "YK0001", "name": "王建国"}]


async def test_a_leader_acts_on_their_own_subtree_only(mine: Running) -> None:
    await load(mine, DATA / "clean_export.xlsx")
    services = mine.services
    team_leader = await Worker.get(employee_no="YK0001")  # 一矿/综采一队/一班
    workshop_head = await Worker.get(employee_no="YK0006")  # 一矿/通风区
    assert (await issue_bind_code(services, "mine", team_leader, "YK0002"))[0] == "ok"
    assert (await issue_bind_code(services, "mine", team_leader, "YK0003"))[0] == "not_in_team"
    assert (await issue_bind_code(services, "mine", workshop_head, "YK0004"))[0] == "ok"
    assert (await issue_bind_code(services, "mine", workshop_head, "YK0002"))[0] == "not_in_team"


def test_dates_and_future(tmp_path: Path) -> None:
    from bot.people.rules.roster import parse_date

    assert parse_date("2024/3/1") == date(2024, 3, 1)
    assert parse_date("２０２４年３月１日") == date(2024, 3, 1)
    assert parse_date("20240301") == date(2024, 3, 1)
    assert parse_date("2024.03.01 00:00") == date(2024, 3, 1)
    assert parse_date("24-3-1") is None and parse_date("45352") is None


def test_the_cli_imports_exports_and_flags(tmp_path: Path) -> None:
    """The commands as a clerk runs them: a dry run, a refused file with its summary, the
    import, the export (masked unless --reveal) and a flag; never a traceback."""
    from tests.test_config import run_cli
    from tests.test_sample_and_cli import write_site

    site = str(write_site(tmp_path))
    assert run_cli("db", "upgrade", "--config", site, cwd=tmp_path).returncode == 0
    assert run_cli("sample", "load", "--config", site, cwd=tmp_path).returncode == 0
    clean = str(DATA / "clean_export.xlsx")

    def roster_cli(*args: str) -> Any:
        done = run_cli("roster", *args, "--config", site, cwd=tmp_path)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    dry = roster_cli("import", clean, "--enterprise", "hongqiao", "--dry-run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "试导入" in dry.stdout and "新增 6 人" in dry.stdout and "入职 6" in dry.stdout
    refused = roster_cli("import", str(DATA / "id_as_number.xlsx"), "--enterprise", "hongqiao")
    assert refused.returncode == 1
    assert "id_as_number.xlsx 第2行 [身份证号]" in refused.stdout
    assert "问题汇总" in refused.stdout and "未导入任何内容" in refused.stdout
    done = roster_cli("import", clean, "--enterprise", "hongqiao")
    assert done.returncode == 0 and "花名册已导入" in done.stdout
    unknown = roster_cli("import", clean, "--enterprise", "nowhere")
    assert unknown.returncode == 2 and "nowhere" in unknown.stderr

    masked = roster_cli("export", "--enterprise", "hongqiao", "--out", str(tmp_path / "m.xlsx"))
    assert masked.returncode == 0 and "已脱敏" in masked.stdout
    rows = list(load_workbook(tmp_path / "m.xlsx").active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert CLEAN[0][2] not in {r[2] for r in rows} and len(rows) == 1 + 36 + 6
    full = roster_cli(
        "export", "--enterprise", "hongqiao", "--out", str(tmp_path / "f.xlsx"), "--reveal"
    )
    assert full.returncode == 0
    rows = list(load_workbook(tmp_path / "f.xlsx").active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert CLEAN[0][2] in {r[2] for r in rows}

    args = ("--enterprise", "hongqiao", "--employee-no", "YK0003", "--violation", "违规操作")
    flagged = roster_cli("flag", *args, "--date", "2026-11-01", "--reporter", "安监科")
    assert flagged.returncode == 0 and "已记录 YK0003 的三违" in flagged.stdout
    again = roster_cli("flag", *args, "--date", "2026-11-01", "--reporter", "安监科")
    assert again.returncode == 0 and "此前已记录过" in again.stdout
    bad_date = roster_cli("flag", *args, "--date", "11/01", "--reporter", "安监科")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


async def test_an_hr_system_export_with_merged_teams_reads_back(mine: Running) -> None:
    """One sheet per workshop under a merged banner, extra columns, the team merged down its
    block, date cells shown as 2010年3月1日, an empty 班组长 cell meaning no."""
    from tests.data.rosters.make_rosters import SHEETS

    report = await load(mine, DATA / "hr_system_export.xlsx")
    assert report.applied and not report.problems, [str(p) for p in report.problems]
    assert report.sheets_read == ["综采一队", "机电队"]
    workers = await stored(mine)
    for shop, people in SHEETS.items():
        for i, (no, name, id_number, phone, team, job, hired) in enumerate(people, 1):
            assert workers[no] == {
                "name": name,
                "id": id_number,
                "phone": phone,
                "department": f"一矿/{shop}/{team}",
                "job": {"采煤机司机": "shearer_driver", "井下电钳工": "electrician"}[job],
                "employment": "regular",
                "hired": date(*hired).isoformat(),
                "status": "active",
                "leader": i == 1,
            }, no
