"""Campaign audiences over the sample mine's tree (红桥煤业 → 通风区 / 综采一队 / 机电队 → teams):
the rule in words, the preview, the launch, each job's own content, the daily re-evaluation after
a roster import, ownership, and the admin's list / change / pause / resume / cancel."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.campaigns.planner import daily_push
from bot.learning.links import dashboard_path
from bot.learning.training import worker_items
from bot.people.rostersync import import_roster
from bot.storage.models import Campaign, Delivery, Department, Enrollment, Worker
from content.loader import load_enterprise
from scheduler.service import SCHEDULER, push_job_id
from tests.conftest import GAS_SPEC, Running
from tests.data.rosters.make_rosters import idn
from tests.test_roster_import import person, roster

pytestmark = pytest.mark.storage
SAMPLE = {w.employee_no: w for w in load_enterprise().roster}
BASE = {**GAS_SPEC, "name": "通风区派遣工专项", "job": None, "cards": None}


async def team(code: str, job: str) -> list[str]:
    """The 工号 of a sample team's workers of one job, in order."""
    dept = await Department.get(enterprise__code="hongqiao", code=code)
    found = await Worker.filter(department=dept, job__code=job).order_by("employee_no")
    return [w.employee_no for w in found]


async def set_worker(no: str, **values: Any) -> None:
    worker = await Worker.get(enterprise__code="hongqiao", employee_no=no)
    await Worker.filter(id=worker.id).update(**values)


async def enrolled(campaign_id: int) -> dict[str, str]:
    rows = await Enrollment.filter(campaign_id=campaign_id).values_list(
        "worker__employee_no", "status"
    )
    return dict(rows)  # type: ignore[arg-type]


async def test_the_preview_says_the_rule_counts_and_samples(anxun: Running) -> None:
    g = await team("tf-1", "gas_inspector")
    h = await team("tf-2", "gas_inspector")
    e = await team("jd-1", "electrician")
    await Worker.filter(enterprise_id=(await Department.get(code="tf")).enterprise_id).update(
        employment_type="regular"
    )
    for no in (g[0], g[1], g[2], h[0], e[0]):
        await set_worker(no, employment_type="dispatched")
    await set_worker(g[2], status="leave")
    rule = {
        "units": [{"unit": "红桥煤业/通风区"}],
        "jobs": ["瓦斯检查工", "electrician"],  # a name and a code
        "employment_types": ["劳务派遣"],
        "statuses": ["active", "away"],
    }
    status, body = await anxun.admin(
        "POST", "/admin/v1/campaigns/preview", {**BASE, "audience": rule}
    )
    assert status == 200, body
    assert body["description"] == (
        "红桥煤业/通风区 及下属, 工种 瓦斯检查工 或 井下电钳工, 劳务派遣, 不含 休假"
    )
    assert body["count"] == 3, body
    assert [s["employee_no"] for s in body["sample"]] == sorted([g[0], g[1], h[0]])
    assert body["by_unit"] == {"红桥煤业/通风区/瓦斯检查一班": 2, "红桥煤业/通风区/瓦斯检查二班": 1}
    assert body["per_job"]["瓦斯检查工"]["cards"] > 0
    # an explicit 工号 joins whatever the filters say; an exclusion beats everything
    rule |= {"employee_nos": [e[1]], "exclude": {"employee_nos": [g[1]]}}
    status, body = await anxun.admin(
        "POST", "/admin/v1/campaigns/preview", {**BASE, "audience": rule}
    )
    assert status == 200 and body["count"] == 3
    assert {s["employee_no"] for s in body["sample"]} == {g[0], h[0], e[1]}
    assert body["description"].endswith(f"另加 工号 {e[1]}, 不含 {g[1]}、休假")
    assert await Campaign.all().count() == 0  # a preview writes nothing


async def test_each_worker_studies_their_own_job_plus_the_shared_set(anxun: Running) -> None:
    spec = {
        **BASE,
        "audience": {"units": [{"unit": "红桥煤业"}], "jobs": ["gas_inspector", "electrician"]},
        "cards": ["as-c-01"],
        "job_content": True,
    }
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 201, body
    assert body["audience_text"] == "红桥煤业 及下属, 工种 瓦斯检查工 或 井下电钳工"
    gas = await team("tf-1", "gas_inspector") + await team("tf-2", "gas_inspector")
    electricians = await team("jd-1", "electrician")
    assert sorted(await enrolled(body["id"])) == sorted(gas + electricians)
    assert body["enrolled"] == len(gas) + len(electricians)
    campaign = await Campaign.get(id=body["id"])
    for no, job in ((gas[0], "gi-"), (electricians[0], "el")):
        worker = await Worker.get(employee_no=no)
        codes = [c.code for c in (await worker_items(worker.id, campaign)).cards]
        assert "as-c-01" in codes  # the shared card, for everyone
        own = [c for c in codes if c != "as-c-01"]
        assert own and all(c.startswith(job) for c in own), codes
    # the chat shows the electrician their own count of cards
    w = SAMPLE[electricians[0]]
    user = anxun.user("o-el")
    assert "绑定成功" in str(await user.say(f"绑定 {w.name} {w.id_number[-6:]}"))
    worker = await Worker.get(employee_no=electricians[0])
    total = len((await worker_items(worker.id, campaign)).cards)
    assert str(await user.say("学习")).startswith(f"【今日卡片 1/{total}】")


async def test_jobs_without_content_are_refused_until_left_out(anxun: Running) -> None:
    spec = {**BASE, "audience": {"units": [{"unit": "红桥煤业/机电队"}]}}
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 422
    assert "班组长 (team_leader) would have no cards" in body["message"]
    assert "audience.exclude.jobs" in body["message"]
    spec["audience"]["exclude"] = {"jobs": ["班组长"]}
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 201, body
    assert body["audience_text"] == "红桥煤业/机电队 及下属, 不含 班组长"


async def test_the_audience_is_re_evaluated_daily_after_a_roster_import(
    anxun: Running, tmp_path: Path
) -> None:
    spec = {
        **BASE,
        "audience": {"units": [{"unit": "红桥煤业/机电队"}], "exclude": {"jobs": ["班组长"]}},
    }
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 201, body
    campaign_id = body["id"]
    e = await team("jd-1", "electrician")
    assert sorted(await enrolled(campaign_id)) == e
    leaver = SAMPLE[e[0]]
    today = anxun.clock.today()
    rows = [
        person(
            "HQ0100",
            "新员工甲",
            idn("19990101", "012"),
            dept="红桥煤业/机电队/电钳班",
            job="井下电钳工",
            hired=today.isoformat(),
        ),
        [
            leaver.employee_no,
            leaver.name,
            leaver.id_number,
            "",  # blank: the stored phone stays
            "红桥煤业/机电队/电钳班",
            "井下电钳工",
            "正式",
            leaver.hire_date,
            "离职",
            "否",
        ],
    ]
    report = await import_roster(anxun.services, "hongqiao", roster(tmp_path / "r.xlsx", rows))
    assert report.applied, report.problems
    await daily_push(anxun.services, campaign_id, today + timedelta(days=1))
    now = await enrolled(campaign_id)
    assert now["HQ0100"] == "enrolled"  # the new hire joined
    assert now[e[0]] == "withdrawn"  # the leaver is out before completing
    status, body = await anxun.admin("GET", f"/admin/v1/campaigns/{campaign_id}")
    assert body["enrolled"] == len(e) and body["withdrawn"] == 1
    rows[1][8] = "在岗"  # back again
    await import_roster(anxun.services, "hongqiao", roster(tmp_path / "r2.xlsx", rows))
    await daily_push(anxun.services, campaign_id, today + timedelta(days=2))
    assert (await enrolled(campaign_id))[e[0]] == "enrolled"


async def test_a_campaign_stays_inside_its_owner(anxun: Running) -> None:
    outside = {
        **BASE,
        "owner": "红桥煤业/综采一队",
        "audience": {"units": [{"unit": "红桥煤业/通风区"}]},
    }
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", outside)
    assert status == 422 and "outside the owner 红桥煤业/综采一队" in body["message"]
    g = await team("tf-1", "gas_inspector")
    h = await team("tf-2", "gas_inspector")
    mine = {
        **BASE,
        "owner": "红桥煤业/通风区/瓦斯检查一班",
        "audience": {"jobs": ["瓦斯检查工"], "employee_nos": [h[0]]},  # h[0] is not theirs
    }
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", mine)
    assert status == 201, body
    assert sorted(await enrolled(body["id"])) == g
    assert body["owner"] == "红桥煤业/通风区/瓦斯检查一班"


async def test_names_the_roster_does_not_have_are_refused_with_the_nearest(
    anxun: Running,
) -> None:
    rule = {
        "units": [{"unit": "红桥煤业/通风"}],
        "jobs": ["瓦斯检察工"],
        "employment_types": ["包工头"],
        "employee_nos": ["HQ9999"],
    }
    status, body = await anxun.admin(
        "POST", "/admin/v1/campaigns/preview", {**BASE, "audience": rule}
    )
    assert status == 422
    message = body["message"]
    assert "no department '红桥煤业/通风'; the nearest are 红桥煤业/通风区" in message
    assert "no job '瓦斯检察工' in this enterprise; the nearest are 瓦斯检查工" in message
    assert "'包工头' is not one of regular (正式)" in message
    assert "'HQ9999' is not on hongqiao's roster" in message


async def test_an_admin_lists_changes_pauses_resumes_and_cancels(start_anxun) -> None:
    anxun = await start_anxun(sender={"enabled": False})  # queued pushes stay queued
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", GAS_SPEC)
    assert status == 201
    cid = body["id"]
    status, listed = await anxun.admin("GET", "/admin/v1/campaigns?enterprise=hongqiao")
    assert [c["id"] for c in listed["campaigns"]] == [cid]
    g = await team("tf-1", "gas_inspector")
    change = {
        "name": "只给一班",
        "audience": {"units": [{"unit": "瓦斯检查一班", "subtree": False}]},
    }
    # a team's name alone is not a path: refused with the full path as the nearest
    status, body = await anxun.admin("PATCH", f"/admin/v1/campaigns/{cid}", change)
    assert status == 422 and "红桥煤业/通风区/瓦斯检查一班" in body["message"]
    change["audience"]["units"][0]["unit"] = "红桥煤业/通风区/瓦斯检查一班"
    status, body = await anxun.admin("PATCH", f"/admin/v1/campaigns/{cid}", change)
    assert status == 200, body
    assert body["name"] == "只给一班" and body["enrolled"] == len(g) and body["withdrawn"] == 8
    status, body = await anxun.admin("PATCH", f"/admin/v1/campaigns/{cid}", {"push_time": "25:00"})
    assert status == 422 and "HH:MM" in body["message"]

    services = anxun.services
    await _bind_all(anxun, g)
    assert await daily_push(services, cid, anxun.clock.today()) == len(g)
    assert await Delivery.filter(campaign_id=cid, status="pending").count() == len(g)
    scheduler = anxun.app[SCHEDULER]
    status, body = await anxun.admin("POST", f"/admin/v1/campaigns/{cid}/pause")
    assert status == 200 and body["status"] == "paused"
    assert await Delivery.filter(campaign_id=cid, status="pending").count() == 0
    assert await Delivery.filter(campaign_id=cid, status="cancelled").count() == len(g)
    assert scheduler.job(push_job_id(cid)) is None
    anxun.clock.advance(days=1, hours=1)  # tomorrow, 08:00
    tomorrow = anxun.clock.today()
    assert await daily_push(services, cid, tomorrow) == 0
    status, body = await anxun.admin("POST", f"/admin/v1/campaigns/{cid}/pause")
    assert status == 409 and "paused" in body["message"]
    status, body = await anxun.admin("POST", f"/admin/v1/campaigns/{cid}/resume")
    assert status == 200 and body["status"] == "active"
    assert scheduler.job(push_job_id(cid)) is not None
    # resumed after its push time: the scheduler catches up today's push at once
    assert await Delivery.filter(campaign_id=cid, status="pending").count() == len(g)
    assert await daily_push(services, cid, tomorrow) == 0  # and only once
    status, body = await anxun.admin("POST", f"/admin/v1/campaigns/{cid}/cancel")
    assert status == 200 and body["status"] == "cancelled"
    assert await Delivery.filter(campaign_id=cid, status="pending").count() == 0
    for method, path, payload in (
        ("POST", f"/admin/v1/campaigns/{cid}/cancel", None),
        ("POST", f"/admin/v1/campaigns/{cid}/resume", None),
        ("PATCH", f"/admin/v1/campaigns/{cid}", {"name": "x"}),
    ):
        status, body = await anxun.admin(method, path, payload)
        assert status == 409 and "cancelled" in body["message"], (path, body)
    status, listed = await anxun.admin("GET", "/admin/v1/campaigns?status=active")
    assert listed["campaigns"] == []


async def _bind_all(anxun: Running, employee_nos: list[str]) -> None:
    for no in employee_nos:
        w = SAMPLE[no]
        reply = await anxun.user(f"o-{no}").say(f"绑定 {w.name} {w.id_number[-6:]}")
        assert "绑定成功" in str(reply)


async def test_a_leader_launches_for_their_own_unit_only(anxun: Running) -> None:
    leader = await Worker.get(department__code="tf-1", is_supervisor=True)
    path = dashboard_path(anxun.services.privacy, leader.id, anxun.clock.timestamp())
    token = path.rsplit("/", 1)[1]
    spec = {**BASE, "audience": {"jobs": ["瓦斯检查工"]}}
    status, body = await anxun.api("POST", "/admin/v1/campaigns", spec, token=token)
    assert status == 201, body
    assert body["owner"] == "红桥煤业/通风区/瓦斯检查一班"
    assert sorted(await enrolled(body["id"])) == await team("tf-1", "gas_inspector")
    elsewhere = {**spec, "owner": "红桥煤业/综采一队"}
    status, body = await anxun.api("POST", "/admin/v1/campaigns", elsewhere, token=token)
    assert status == 403 and "own unit only" in body["message"]
    wider = {**spec, "audience": {"units": [{"unit": "红桥煤业/通风区"}]}}
    status, body = await anxun.api("POST", "/admin/v1/campaigns/preview", wider, token=token)
    assert status == 422 and "outside the owner" in body["message"]
    worker = await Worker.filter(department__code="tf-1", is_supervisor=False).first()
    assert worker is not None
    not_a_leader = dashboard_path(anxun.services.privacy, worker.id, anxun.clock.timestamp())
    status, body = await anxun.api(
        "POST", "/admin/v1/campaigns", spec, token=not_a_leader.rsplit("/", 1)[1]
    )
    assert status == 403


async def test_a_leader_sees_and_stops_only_their_units_campaigns(anxun: Running) -> None:
    spec = {**BASE, "audience": {"jobs": ["瓦斯检查工"]}}
    theirs = await anxun.admin(
        "POST", "/admin/v1/campaigns", {**spec, "owner": "红桥煤业/通风区/瓦斯检查一班"}
    )
    other = await anxun.admin("POST", "/admin/v1/campaigns", {**spec, "owner": "红桥煤业/通风区"})
    assert theirs[0] == other[0] == 201
    leader = await Worker.get(department__code="tf-1", is_supervisor=True)
    token = dashboard_path(anxun.services.privacy, leader.id, anxun.clock.timestamp())
    token = token.rsplit("/", 1)[1]
    status, body = await anxun.api("GET", "/admin/v1/campaigns", token=token)
    assert status == 200 and [c["id"] for c in body["campaigns"]] == [theirs[1]["id"]]
    for cid, expected in ((theirs[1]["id"], 200), (other[1]["id"], 404)):
        status, _ = await anxun.api("POST", f"/admin/v1/campaigns/{cid}/pause", token=token)
        assert status == expected
    status, body = await anxun.admin("GET", f"/admin/v1/campaigns/{other[1]['id']}")
    assert body["status"] == "active"  # the workshop's campaign is not the team leader's
