"""The induction gate with an exam: a `hired` rule with `gate` and `exam` seats each new hire when
it fires (once, over a replay), and GET /admin/v1/clearance lists them until they pass — not
merely until the induction's cards are read; a rule without an exam keeps the old behaviour."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.campaigns import triggers
from bot.people.rostersync import import_roster
from bot.storage.models import Campaign, Enrollment, Exam, ExamSeat
from tests.conftest import Running
from tests.data.rosters.make_rosters import idn
from tests.test_exams import shown_answer
from tests.test_roster_import import person, roster

pytestmark = pytest.mark.storage

RULE = {"enterprise": "hongqiao", "account": "mine", "rule": "hired"}
EXAM = {"paper": [{"count": 4}], "pass_ratio": 0.75, "time_limit_minutes": 10}
ID1, ID2 = idn("19990101", "012"), idn("19990202", "023")


async def hire(anxun: Running, tmp_path: Path) -> None:
    today = anxun.clock.today()
    rows = [
        person("HQ0100", "新员工甲", ID1, dept="红桥煤业/机电队/电钳班", job="井下电钳工",
               hired=(today - timedelta(days=1)).isoformat()),
        person("HQ0101", "新员工乙", ID2, dept="红桥煤业/机电队/电钳班", job="井下电钳工",
               hired=today.isoformat()),
    ]  # fmt: skip
    report = await import_roster(anxun.services, "hongqiao", roster(tmp_path / "r.xlsx", rows))
    assert report.applied, report.problems


async def uncleared(anxun: Running) -> dict[str, str | None]:
    status, body = await anxun.admin("GET", "/admin/v1/clearance?enterprise=hongqiao")
    assert status == 200, body
    return {u["employee_no"]: u["exam_status"] for u in body["uncleared"]}


async def test_new_hires_are_listed_until_they_pass_the_exam(
    anxun: Running, tmp_path: Path
) -> None:
    spec = {**RULE, "settings": {"days": 3, "gate": True, "exam": EXAM}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", spec)
    assert status == 201, body
    campaign_id = body["id"]
    await hire(anxun, tmp_path)
    for _ in range(2):  # a replay seats nobody twice
        await triggers.fire(anxun.services)
    exam = await Exam.get(campaign_id=campaign_id, purpose="induction")
    assert (exam.name, exam.pass_ratio, exam.time_limit_s) == ("新员工岗前培训考试", 0.75, 600)
    seats = await ExamSeat.filter(exam=exam).order_by("worker__employee_no")
    assert len(seats) == 2
    assert seats[0].due_at is not None
    due = seats[0].due_at.astimezone(anxun.clock.tz)
    assert due.date() == anxun.clock.today() + timedelta(days=2) and due.hour == 23
    assert await uncleared(anxun) == {"HQ0100": "assigned", "HQ0101": "assigned"}

    # 甲 reads every induction card: the enrolment completes, but the gate holds until the exam
    enrollment = await Enrollment.get(campaign_id=campaign_id, worker__employee_no="HQ0100")
    await Enrollment.filter(id=enrollment.id).update(status="complete")
    assert "HQ0100" in await uncleared(anxun)

    user = anxun.user("o-new")
    assert "绑定成功" in (await user.say(f"绑定 新员工甲 {ID1[-6:]}") or "")
    reply = await user.say("考试") or ""
    assert "新员工岗前培训考试" in reply and "共 4 题" in reply
    seat = await ExamSeat.get(exam=exam, worker__employee_no="HQ0100")
    attempt = await seat.attempts_made.all().first()
    assert attempt is not None
    for position in range(4):
        reply = await user.say(await shown_answer(attempt, position)) or ""
    assert "考试合格" in reply
    assert await uncleared(anxun) == {"HQ0101": "assigned"}

    # the rule changed: the same exam brought in line, no second one
    spec["settings"]["exam"] = {**EXAM, "pass_ratio": 1}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", spec)
    assert status == 200, body
    exams = await Exam.filter(campaign_id=campaign_id)
    assert [e.pass_ratio for e in exams] == [1.0]


async def test_a_rule_without_an_exam_clears_on_completion(anxun: Running, tmp_path: Path) -> None:
    spec = {**RULE, "settings": {"days": 3, "gate": True}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", spec)
    assert status == 201, body
    await hire(anxun, tmp_path)
    await triggers.fire(anxun.services)
    assert await ExamSeat.all().count() == 0
    assert await uncleared(anxun) == {"HQ0100": None, "HQ0101": None}
    hired = await Enrollment.get(worker__employee_no="HQ0100")
    await Enrollment.filter(id=hired.id).update(status="complete")
    assert await uncleared(anxun) == {"HQ0101": None}


async def test_an_exam_needs_a_gated_hired_rule(anxun: Running) -> None:
    bad = {**RULE, "settings": {"gate": False, "exam": EXAM}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", bad)
    assert status == 422 and "gate" in body["message"]
    bad = {**RULE, "rule": "returned", "settings": {"gate": True, "exam": EXAM}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", bad)
    assert status == 422 and "settings.exam" in body["message"]
    bad = {**RULE, "settings": {"gate": True, "exam": {**EXAM, "paper": []}}}
    status, body = await anxun.admin("POST", "/admin/v1/event-rules", bad)
    assert status == 422 and "settings.exam.paper" in body["message"]
    assert await Campaign.filter(kind="event").count() == 0
