"""Spot tests (抽考) end to end on the sample mine: the admin API draws a stratified sample of a
campaign's workers (or of units), writes the exam, strata and seats, tells the reachable sitters
through the outbox (outside the nudge limits, never in quiet hours), and reports per unit with
intervals, verdicts and non-responders — as JSON, xlsx and the CLI's table.

The exam engine is not part of this branch: sitters' results are written on their seats."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.simulator import WeChatSimulator
from bot.storage.models import (
    Delivery,
    Exam,
    ExamSeat,
    Identity,
    SpotTest,
    SpotTestStratum,
    Worker,
)
from tests.conftest import TZ, Running, create_gas_campaign, eventually

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "/cgi-bin/message/template/send"
TEAM_1, TEAM_2 = "红桥煤业/通风区/瓦斯检查一班", "红桥煤业/通风区/瓦斯检查二班"


def spec(campaign: int, **overrides: Any) -> dict[str, Any]:
    return {
        "campaign": campaign,
        "margin": 0.1,
        "deadline": "2026-12-10",
        "seed": "inspection-2026-11",
        "requested_by": "监管 张三",
        **overrides,
    }


async def seats_by_team(spot_id: int) -> dict[str, list[ExamSeat]]:
    spot = await SpotTest.get(id=spot_id)
    found: dict[str, list[ExamSeat]] = {}
    seats = await ExamSeat.filter(exam_id=spot.exam_id).select_related("worker__department")
    for seat in sorted(seats, key=lambda s: s.worker_id):
        found.setdefault(seat.worker.department.name, []).append(seat)
    return found


async def sit(seats: list[ExamSeat], status: str, ratio: float) -> None:
    for seat in seats:
        seat.status, seat.best_ratio, seat.attempts = status, ratio, 1
        await seat.save()


async def test_a_campaign_spot_test_round_trip(anxun: Running) -> None:
    gas = await create_gas_campaign(anxun)
    status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas))
    assert status == 201, body
    # two teams of 8 gas inspectors; p = 0.9, e = 0.1 asks 35, a team of 8 gives 7
    assert [(u["unit"], u["population"], u["drawn"]) for u in body["units"]] == [
        (TEAM_1, 8, 7),
        (TEAM_2, 8, 7),
    ]
    assert body["requested_by"] == "监管 张三" and body["line"] == 0.9
    assert body["due_at"] == "2026-12-11T00:00:00+08:00"
    for unit in body["units"]:  # nobody has sat yet
        assert unit["no_response"] == 7 and unit["observed"]["verdict"] == "no_data"
        assert unit["worst_case"]["rate"] == 0 and unit["worst_case"]["verdict"] == "below"
    spot = await SpotTest.get(id=body["id"]).select_related("exam")
    assert spot.exam.purpose == "spot" and spot.exam.paper == [{"count": 10}]
    assert spot.exam.pass_ratio == 0.8 and spot.exam.campaign_id == gas
    assert await SpotTestStratum.filter(spot_test=spot).count() == 2
    teams = await seats_by_team(spot.id)
    assert {t: len(s) for t, s in teams.items()} == {"瓦斯检查一班": 7, "瓦斯检查二班": 7}
    assert all(
        s.status == "assigned" and s.due_at == spot.due_at for v in teams.values() for s in v
    )

    await sit(teams["瓦斯检查一班"], "passed", 0.9)  # all seven pass
    await sit(teams["瓦斯检查二班"][:3], "passed", 0.9)
    await sit(teams["瓦斯检查二班"][3:5], "failed", 0.5)  # two fail, two never answer
    status, body = await anxun.admin("GET", f"/admin/v1/spot-tests/{spot.id}")
    assert status == 200
    one, two = body["units"]
    assert one["observed"]["rate"] == 1 and one["observed"]["verdict"] == "unclear"  # 7 of 7
    assert round(one["observed"]["low"], 3) == 0.646
    assert (two["passed"], two["failed"], two["no_response"]) == (3, 2, 2)
    assert two["observed"]["rate"] == 0.6 and two["observed"]["verdict"] == "below"
    assert two["worst_case"]["rate"] == pytest.approx(3 / 7)
    assert body["overall"]["no_response"] == 2 and body["overall"]["drawn"] == 14
    assert body["overall"]["observed"]["rate"] == pytest.approx((1 + 0.6) / 2)  # equal teams
    status, exact = await anxun.admin("GET", f"/admin/v1/spot-tests/{spot.id}?method=exact")
    assert status == 200 and exact["method"] == "exact"
    assert exact["units"][1]["observed"]["low"] < two["observed"]["low"]  # the wider interval

    async with anxun.session.get(
        f"{anxun.base_url}/admin/v1/spot-tests/{spot.id}/xlsx",
        headers={"Authorization": "Bearer test-admin-token"},
    ) as resp:
        assert resp.status == 200
        data = await resp.read()
    rows = list(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r[0] == "单位")
    table = rows[at + 1 :]
    assert [r[:6] for r in table] == [
        (TEAM_1, 8, 7, 7, 7, 1),
        (TEAM_2, 8, 7, 5, 3, 0.6),
        ("合计（按人数加权）", 16, 14, 12, 10, 0.8),
    ]
    assert table[1][7] == "明显低于合格线" and table[1][8] == 2
    assert table[0][7] == "与合格线无显著差异"


async def test_the_same_seed_draws_the_same_sample(anxun: Running) -> None:
    gas = await create_gas_campaign(anxun)
    drawn = []
    for _ in range(2):
        status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas))
        assert status == 201
        spot = await SpotTest.get(id=body["id"])
        drawn.append(
            sorted(await ExamSeat.filter(exam_id=spot.exam_id).values_list("worker_id", flat=True))
        )
    assert drawn[0] == drawn[1] and len(drawn[0]) == 14
    status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas, seed="other"))
    spot = await SpotTest.get(id=body["id"])
    other = sorted(await ExamSeat.filter(exam_id=spot.exam_id).values_list("worker_id", flat=True))
    assert other != drawn[0]
    status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas, seed=None))
    assert status == 201 and len(body["seed"]) == 16  # a random seed, kept to explain the draw


async def test_units_scope_and_worst_case_sizing(anxun: Running) -> None:
    status, body = await anxun.admin(
        "POST",
        "/admin/v1/spot-tests",
        spec(None, enterprise="hongqiao", units=["红桥煤业/通风区"], expected=0.5),
    )
    assert status == 201, body
    # the unit's subtree: two teams of 8 inspectors and their leader, whose job has no bank
    # to fill the paper (not part of the population); p = 0.5 takes 8 of 8
    assert [(u["unit"], u["population"], u["drawn"]) for u in body["units"]] == [
        (TEAM_1, 8, 8),
        (TEAM_2, 8, 8),
    ]
    assert body["campaign"] is None


async def test_the_call_reaches_bound_sitters_outside_quiet_hours(
    anxun: Running, sim: WeChatSimulator
) -> None:
    gas = await create_gas_campaign(anxun)
    inspectors = await Worker.filter(job__code="gas_inspector").order_by("id")
    for w in inspectors:
        await Identity.create(
            worker=w, account="mine", openid=f"o-{w.employee_no}", method="roster", level=1,
            bound_at=anxun.clock.now(), active=True,
        )  # fmt: skip
    anxun.clock.set(datetime(2026, 11, 23, 23, 30, tzinfo=TZ))  # quiet hours (22:00-07:00)
    status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas))
    assert status == 201
    spot = await SpotTest.get(id=body["id"])
    drawn = set(await ExamSeat.filter(exam_id=spot.exam_id).values_list("worker_id", flat=True))
    rows = await Delivery.filter(kind="spot_test")
    assert {r.worker_id for r in rows} == drawn and len(rows) == 14
    morning = datetime(2026, 11, 24, 7, 0, tzinfo=TZ)
    assert all(r.next_attempt_at == morning and r.nudge_day is None for r in rows)
    anxun.services.wake_sender()
    await asyncio.sleep(0.3)  # the sender is awake and finds nothing due at night
    assert not sim.sent(TEMPLATE)
    anxun.clock.set(morning + timedelta(minutes=1))
    anxun.services.wake_sender()
    got = await eventually(lambda: len(sim.sent(TEMPLATE)) == 14 and sim.sent(TEMPLATE), within=10)
    openids = {f"o-{w.employee_no}" for w in inspectors if w.id in drawn}
    assert {r.body["touser"] for r in got} == openids
    for r in got:
        data = r.body["data"]
        assert "抽考" in data["first"]["value"] and data["keyword2"]["value"] == "2026-12-10"


async def test_another_enterprise_finds_nothing(start_anxun) -> None:  # type: ignore[no-untyped-def]
    anxun = await start_anxun(admin={"enterprises": {"lijing": "lijing-admin"}})
    gas = await create_gas_campaign(anxun)
    status, body = await anxun.admin("POST", "/admin/v1/spot-tests", spec(gas))
    assert status == 201
    spot_id = body["id"]
    assert (await anxun.api("GET", f"/admin/v1/spot-tests/{spot_id}", token="lijing-admin"))[
        0
    ] == 404
    assert (await anxun.api("POST", "/admin/v1/spot-tests", spec(gas), token="lijing-admin"))[
        0
    ] == 404
    assert (await anxun.api("GET", f"/admin/v1/spot-tests/{spot_id}"))[0] == 403
    assert (await anxun.admin("GET", "/admin/v1/spot-tests/4242"))[0] == 404
    for bad in (
        spec(gas, margin=0),
        spec(gas, deadline="2026-11-01"),
        spec(gas, units=["通风区"]),  # both scopes
        spec(None),  # neither
        spec(None, units=["通风区"]),  # units without the enterprise
        spec(None, enterprise="hongqiao", units=["没有这个单位"]),
    ):
        status, answer = await anxun.admin("POST", "/admin/v1/spot-tests", bad)
        assert status == 422, (bad, answer)
    assert await SpotTest.all().count() == 1
    assert await Exam.filter(purpose="spot").count() == 1


def spot_cli(*args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "spot-test", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


async def test_the_cli_creates_and_reports(anxun: Running, tmp_path: Path) -> None:
    gas = await create_gas_campaign(anxun)
    config = tmp_path / "c.toml"
    settings = f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
    settings += f'[privacy]\nkey = "{"k" * 32}"\n'
    await asyncio.to_thread(config.write_text, settings, "utf-8")
    args = ["--campaign", str(gas), "--margin", "0.1", "--deadline", "2099-12-10"]
    args += ["--seed", "inspection-2026-11", "--requested-by", "监管 张三", "--config", str(config)]
    code, said = await asyncio.to_thread(spot_cli, "create", *args)
    assert code == 0, said
    spot = await SpotTest.all().order_by("-id").first()
    assert spot is not None and f"spot test {spot.id} created" in said
    assert "瓦斯检查一班" in said and "无数据" in said and "监管 张三" in said
    teams = await seats_by_team(spot.id)
    await sit(teams["瓦斯检查一班"], "passed", 1.0)
    await sit(teams["瓦斯检查二班"][:4], "failed", 0.3)
    out = tmp_path / "s.xlsx"
    code, said = await asyncio.to_thread(
        spot_cli, "report", str(spot.id), "--config", str(config), "--out", str(out)
    )
    assert code == 0, said
    line = next(x for x in said.splitlines() if x.startswith(TEAM_2))
    assert "0.0%" in line and "明显低于合格线" in line and line.split()[8] == "3"
    line = next(x for x in said.splitlines() if x.startswith(TEAM_1))
    assert "100.0%" in line and "64.6%–100.0%" in line
    assert out.exists()
    code, said = await asyncio.to_thread(spot_cli, "report", "4242", "--config", str(config))
    assert code == 2 and "没有编号为 4242 的抽考" in said
    code, said = await asyncio.to_thread(spot_cli, "create", *args[:4], "--deadline", "x")
    assert code == 2
