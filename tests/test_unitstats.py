"""The unit rollup over the sample mine's tree, per campaign and across running campaigns,
against an oracle that walks worker by worker; the trend, the late list, worker rows."""

from __future__ import annotations

import pytest

from bot.campaigns.rules.rollup import UnitCounts, rollup, trend
from bot.campaigns.unitrows import late_list, worker_rows
from bot.campaigns.unitstats import completion_trend, load_scope, total, unit_counts
from bot.storage.models import Campaign, Department, Enrollment, Enterprise, Worker
from tests.conftest import Running
from tests.dashdata import build_world, oracle

pytestmark = pytest.mark.storage
ACCOUNTS = ["mine", "compatmine", "plainmine", "minework", "mineapp"]


def figures(c: UnitCounts) -> dict[str, int]:
    return {
        "head": c.head,
        "bound": c.bound,
        "enrolled": c.enrolled,
        "completed": c.completed,
        "quizzes": c.quizzes,
        "passed": c.passed,
    }


@pytest.mark.parametrize("which", ["gas", "all"])
async def test_every_unit_matches_the_worker_by_worker_oracle(anxun: Running, which: str) -> None:
    world = await build_world(anxun)
    ent = await Enterprise.get(code="hongqiao")
    scope = await load_scope(anxun.services, ent, world.gas if which == "gas" else None)
    ids = [world.gas] if which == "gas" else [world.gas, world.elec]
    assert scope.campaign_ids == ids
    counts = await unit_counts(scope, None)
    expected = await oracle(ids, ACCOUNTS)
    assert {d: figures(c) for d, c in counts.items()} == expected
    company = await Department.get(code="hq")
    assert figures(total(scope, counts, None)) == expected[company.id]
    assert expected[company.id]["head"] == 36
    assert expected[company.id]["enrolled"] == {"gas": 16, "all": 24}[which]
    assert 0 < expected[company.id]["passed"] < expected[company.id]["quizzes"]
    workshop = await Department.get(code="tf")  # a subtree alone gives the same figures
    below = await unit_counts(scope, workshop)
    assert set(below) == {d.id for d in await Department.filter(path__startswith=workshop.path)}
    assert {d: figures(c) for d, c in below.items()} == {d: expected[d] for d in below}


async def test_worker_rows_late_list_and_trend(anxun: Running) -> None:
    world = await build_world(anxun)
    ent = await Enterprise.get(code="hongqiao")
    scope = await load_scope(anxun.services, ent, world.gas)
    team = await Department.get(code="tf-1")
    rows = await worker_rows(scope, scope.subtree(team))
    enrolled = await Enrollment.filter(campaign_id=world.gas, worker__department=team)
    assert {r.worker_id for r in rows} == {e.worker_id for e in enrolled} and len(rows) == 8
    studied = next(r for r in rows if r.employee_no == world.studied)
    assert (studied.status, studied.cards_read, studied.cards_total) == ("complete", 2, 2)
    assert studied.quizzes_passed == 1 and studied.bound_level == 1 == studied.completed_level
    assert studied.unit == "红桥煤业/通风区/瓦斯检查一班" and studied.job == "瓦斯检查工"
    for row in rows:
        worker = await Worker.get(id=row.worker_id)
        assert (row.name, row.employee_no) == (worker.name, worker.employee_no)
    late = await late_list(scope, scope.subtree(None), 100)
    assert [r.status for r in late] == ["enrolled"] * len(late)
    not_done = await Enrollment.filter(campaign_id=world.gas, status="enrolled").count()
    assert len(late) == not_done > 0
    assert [r.days_left for r in late] == [14] * len(late)  # 2026-11-23 → 2026-12-07
    assert [(r.unit, r.employee_no) for r in late] == sorted((r.unit, r.employee_no) for r in late)
    counts = await unit_counts(scope, None)
    whole = total(scope, counts, None)
    anxun.clock.advance(days=6)
    scope = await load_scope(anxun.services, ent, world.gas)
    days = await completion_trend(scope, None, whole.enrolled)
    assert days[0].day.isoformat() == "2026-11-23" and len(days) == 7
    assert days[-1].cumulative == whole.completed == sum(d.completed for d in days)
    assert days[-1].percent == pytest.approx(100 * whole.completed / whole.enrolled)


async def test_no_running_campaign_still_counts_people(anxun: Running) -> None:
    world = await build_world(anxun)
    await Campaign.filter(id__in=[world.gas, world.elec]).update(status="cancelled")
    scope = await load_scope(anxun.services, await Enterprise.get(code="hongqiao"))
    whole = total(scope, await unit_counts(scope, None), None)
    assert scope.campaigns == [] and whole.head == 36 and whole.enrolled == 0
    assert whole.completion is None and await completion_trend(scope, None, 0) == []


def test_rollup_and_trend_rules() -> None:
    own = {1: UnitCounts(head=1), 2: UnitCounts(head=2, enrolled=2), 3: UnitCounts(head=4)}
    paths = {1: "/1/", 2: "/1/2/", 3: "/1/2/3/", 4: "/4/"}
    up = rollup(paths, own)
    assert [up[d].head for d in (1, 2, 3, 4)] == [7, 6, 4, 0]
    from datetime import date

    days = trend(
        [date(2026, 1, 1), date(2026, 1, 3), date(2025, 12, 1), date(2026, 2, 1)],
        4,
        date(2026, 1, 1),
        date(2026, 1, 3),
    )
    assert [(d.completed, d.cumulative, d.percent) for d in days] == [
        (2, 2, 50.0),
        (0, 2, 50.0),
        (2, 4, 100.0),
    ]
