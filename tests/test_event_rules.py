"""Event rules over the sample mine: a new hire's gated induction, a return after months away,
a job change and a 三违 each make one personal enrolment — exactly once, judged over a history
with restarts, replays, a re-import and a repeated flag; a handbook revision re-opens only the
revised cards."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.campaigns import triggers
from bot.campaigns.planner import daily_push
from bot.learning.training import worker_items
from bot.people.rostersync import import_roster
from bot.storage.models import Campaign, Card, Delivery, Enrollment, RuleFiring, Worker
from content.loader import LIBRARY, load_enterprise
from tests.conftest import ADMIN_TOKEN, Running
from tests.data.rosters.make_rosters import idn
from tests.test_roster_import import person, roster
from tests.test_targeting import set_worker, team

pytestmark = pytest.mark.storage
SAMPLE = {w.employee_no: w for w in load_enterprise().roster}
RULE = {"enterprise": "hongqiao", "account": "mine"}


def row(no: str, *, dept: str, job: str, status: str = "在岗") -> list[str]:
    """A sample worker's roster row: blank phone (kept), their ID number, the given facts."""
    w = SAMPLE[no]
    return [no, w.name, w.id_number, "", dept, job, "正式", w.hire_date, status, "否"]


async def upload(anxun: Running, url: str, field: str, path: Path) -> tuple[int, dict]:
    form = aiohttp.FormData()
    form.add_field(field, await asyncio.to_thread(path.read_bytes), filename=path.name)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with anxun.session.post(anxun.base_url + url, data=form, headers=headers) as resp:
        return resp.status, await resp.json()


async def rules(anxun: Running) -> dict[str, int]:
    """The four workforce rules, set up through the admin API; their campaign ids."""
    specs = {
        "hired": {"settings": {"days": 3, "gate": True}, "topics": []},
        "returned": {"settings": {"days": 7, "min_days_away": 90}},
        "job_changed": {"settings": {"days": 14}},
        "violation": {"settings": {"days": 7, "tell_leader": True}, "quiz_pass_ratio": 0.9},
    }
    ids = {}
    for rule, extra in specs.items():
        spec = {**RULE, "rule": rule, **extra}
        spec["audience"] = {"exclude": {"jobs": ["班组长"]}}
        status, body = await anxun.admin("POST", "/admin/v1/event-rules", spec)
        assert status == 201, body
        ids[rule] = body["id"]
    return ids


async def test_each_rule_fires_once_over_restarts_replays_and_repeats(
    start_anxun, tmp_path: Path
) -> None:
    anxun = await start_anxun()
    ids = await rules(anxun)
    today = anxun.clock.today()
    e = await team("jd-1", "electrician")
    g = await team("tf-1", "gas_inspector")
    await set_worker(e[0], status="away", status_since=today - timedelta(days=100))
    await set_worker(e[1], status="away", status_since=today - timedelta(days=20))
    rows = [
        person("HQ0100", "新员工甲", idn("19990101", "012"), dept="红桥煤业/机电队/电钳班",
               job="井下电钳工", hired=(today - timedelta(days=1)).isoformat()),
        person("HQ0101", "老员工乙", idn("19800101", "013"), dept="红桥煤业/机电队/电钳班",
               job="井下电钳工", hired="2020-05-01"),  # a first import of someone long hired
        row(e[0], dept="红桥煤业/机电队/电钳班", job="井下电钳工"),  # back after 100 days
        row(e[1], dept="红桥煤业/机电队/电钳班", job="井下电钳工"),  # back after 20 days
        row(e[2], dept="红桥煤业/机电队/电钳班", job="采煤机司机"),  # a job change
    ]  # fmt: skip
    path = roster(tmp_path / "r.xlsx", rows)
    # the import as the CLI makes it (nothing fires yet), then a crash and a restart: the
    # restarted scheduler replays the events it has not fired for
    report = await import_roster(anxun.services, "hongqiao", path)
    assert report.applied, report.problems
    await anxun.stop()
    anxun = await start_anxun()
    # the same file again through the admin API, then a 三违 flagged twice, then a replay
    for _ in range(2):
        status, body = await upload(
            anxun, "/admin/v1/roster/import?enterprise=hongqiao", "file", path
        )
        assert status == 200, body
    topic = (await Card.get(code="gi-card-01")).topic
    flag = {
        "enterprise": "hongqiao",
        "employee_no": g[0],
        "violation": f"违反{topic}规定",
        "date": today.isoformat(),
        "reporter": "安监科",
    }
    assert (await anxun.admin("POST", "/admin/v1/roster/flag", flag))[0] == 201
    assert (await anxun.admin("POST", "/admin/v1/roster/flag", flag))[0] == 200
    await triggers.fire(anxun.services)
    await anxun.stop()
    anxun = await start_anxun()
    await triggers.fire(anxun.services)

    # the invariant, over everything: one firing and one enrolment per qualifying event
    fired = Counter(
        (r, no)
        for r, no, outcome in await RuleFiring.all().values_list(
            "rule", "worker__employee_no", "outcome"
        )
        if outcome == "enrolled"
    )
    assert fired == Counter(
        {("hired", "HQ0100"): 1, ("returned", e[0]): 1, ("job_changed", e[2]): 1,
         ("violation", g[0]): 1}
    )  # fmt: skip
    skipped = await RuleFiring.filter(outcome="skipped").values_list(
        "worker__employee_no", flat=True
    )
    assert sorted(skipped) == [e[1]]  # back after 20 days: not a refresher case
    enrolled = await Enrollment.filter(source="event").values_list(
        "campaign_id", "worker__employee_no", "due_on"
    )
    assert sorted((c, n) for c, n, _ in enrolled) == sorted(
        [(ids["hired"], "HQ0100"), (ids["returned"], e[0]), (ids["job_changed"], e[2]),
         (ids["violation"], g[0])]
    )  # fmt: skip
    due = {n: d for _, n, d in enrolled}
    assert due["HQ0100"] == today - timedelta(days=1) + timedelta(days=3)

    # the new hire's push names their own due date, not the standing rule's
    reply = await anxun.user("o-new").say(f"绑定 新员工甲 {idn('19990101', '012')[-6:]}")
    assert "绑定成功" in str(reply)
    assert await daily_push(anxun.services, ids["hired"], today) == 1
    push = await Delivery.get(kind="daily_push", worker__employee_no="HQ0100")
    assert due["HQ0100"].isoformat() in str(push.payload)

    # the gate: the new hire is not cleared for work until the induction is passed
    status, body = await anxun.admin("GET", "/admin/v1/clearance?enterprise=hongqiao")
    assert [u["employee_no"] for u in body["uncleared"]] == ["HQ0100"]

    # the 三违: the violated topic only, a stricter pass mark, and the leader told once
    violation = await Campaign.get(id=ids["violation"])
    assert violation.quiz_pass_ratio == 0.9
    offender = await Worker.get(employee_no=g[0])
    cards = (await worker_items(offender.id, violation)).cards
    assert cards and {c.topic for c in cards} == {topic}
    told = await Delivery.filter(kind="alert", key__startswith="alert:violation:").values_list(
        "worker__employee_no", flat=True
    )
    leader = (await Worker.get(department__code="tf-1", is_supervisor=True)).employee_no
    assert told == [leader]


async def test_a_handbook_revision_reopens_only_the_revised_cards(
    anxun: Running, tmp_path: Path
) -> None:
    spec = {**RULE, "rule": "handbook", "audience": {"jobs": ["瓦斯检查工"]}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", spec)
    assert status == 201, body
    source = (LIBRARY / "cards" / "gas_inspector" / "gi-card-01.md").read_text(encoding="utf-8")
    edited = tmp_path / "gi-card-01.md"
    edited.write_text(source.replace("9.5%左右最猛烈", "9.5%左右爆炸最猛烈"), encoding="utf-8")
    url = "/admin/v1/content/import?enterprise=hongqiao"
    for _ in range(2):  # the second upload changes nothing and re-opens nothing
        status, report = await upload(anxun, url, "files", edited)
        assert status == 200, report
    campaign = await Campaign.get(id=body["id"])
    gas = await team("tf-1", "gas_inspector") + await team("tf-2", "gas_inspector")
    assert await Enrollment.filter(campaign=campaign).count() == len(gas)
    assert await RuleFiring.filter(campaign=campaign).count() == len(gas)
    worker = await Worker.get(employee_no=gas[0])
    assert [c.code for c in (await worker_items(worker.id, campaign)).cards] == ["gi-card-01"]


async def test_rules_from_config_are_set_up_once_and_a_bad_one_is_named(
    start_anxun, caplog: pytest.LogCaptureFixture
) -> None:
    rule = {**RULE, "rule": "hired", "settings": {"days": 3, "gate": True}}
    rule["audience"] = {"exclude": {"jobs": ["班组长"]}}
    anxun = await start_anxun(event_rules=[rule])
    await anxun.stop()
    anxun = await start_anxun(event_rules=[{**rule, "settings": {"days": 5}}])  # changed
    rules = await Campaign.filter(kind="event")
    assert [(c.rule, c.name, c.trigger["days"]) for c in rules] == [("hired", "新员工岗前培训", 5)]
    await anxun.stop()
    bad = {**RULE, "rule": "hired", "account": "nosuch"}
    with caplog.at_level("ERROR"):
        await start_anxun(event_rules=[bad])
    assert "event rule 1 (hired): account 'nosuch'" in caplog.text
