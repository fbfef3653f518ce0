"""A simulated month of nudges (issue 13, "Done means"): three overlapping campaigns with their
own push and reminder times, workers with and without shifts, some starting, some never, a
leader's 催学, a restart late one night. Over what the WeChat simulator received, each with the
manual clock's time: nothing in quiet hours or a worker's shift, at most one a day, at most the
cap in every 7 days, at most K reminders and then a pause, no reminder after a start, one 催学 a
day."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta

import pytest

from bot.people.rules.hours import parse_window
from bot.storage.models import CardRead, Delivery, Enrollment, Identity, QuizSession, Worker
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually

pytestmark = pytest.mark.storage

CAP, K = 4, 2
QUIET = parse_window("22:00-07:00")
SHIFTS = {"HQ0005": "08:00-16:00", "HQ0006": "22:00-06:00", "HQ0007": "16:00-00:00"}
STARTS = {"HQ0008": (2, time(12, 10)), "HQ0013": (4, time(20, 0)), "HQ0009": (12, time(9, 30))}
START = date(2026, 11, 23)
DAYS = 32


async def drain(anxun: Running) -> None:
    """Let the background sender send everything due at the clock's time."""
    anxun.services.wake_sender()

    async def idle() -> bool:
        now = anxun.clock.now()
        due = await Delivery.filter(status="pending", next_attempt_at__lte=now).exists()
        return not due and not await Delivery.filter(status="sending").exists()

    await eventually(idle, within=10)


def kind_of(body: object) -> str:
    text = json.dumps(body, ensure_ascii=False)
    return "urge" if "提醒您" in text else "reminder" if "还没" in text else "push"


async def test_a_month_of_nudges_keeps_quiet_hours_shifts_and_the_caps(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    anxun = await start_anxun(contact={"weekly_cap": CAP, "pause_after": K})
    clock, scheduler = anxun.clock, anxun.app[SCHEDULER]
    workers = await Worker.filter(job__code="gas_inspector").order_by("employee_no")
    leader = await Worker.get(employee_no="HQ0001")
    for w in [*workers, leader]:  # every inspector bound; pushes go as template messages
        await Identity.create(
            worker=w, account="mine", openid=f"o-{w.employee_no}", method="roster", level=1,
            bound_at=clock.now(), last_contact_at=clock.now() - timedelta(days=3),
        )  # fmt: skip
    status, body = await anxun.admin(
        "PUT", "/admin/v1/shifts", {"enterprise": "hongqiao", "shifts": SHIFTS}
    )
    assert status == 200 and body == {"set": 3, "removed": 0}, body
    a = await create_gas_campaign(
        anxun, name="冬季专项A", push_time="08:00", remind_at="18:00", deadline="2026-12-10"
    )
    b = await create_gas_campaign(
        anxun, name="复训B", push_time="21:30", remind_at="07:30",
        start_date="2026-11-25", deadline="2026-12-15",
    )  # fmt: skip
    c = await create_gas_campaign(
        anxun, name="夜班C", push_time="23:00", start_date="2026-11-30", deadline="2026-12-24"
    )
    times = {a: ("08:00", "18:00"), b: ("21:30", "07:30"), c: ("23:00", None)}

    # the month's events, in time order: (when, what)
    events: list[tuple[datetime, str, object]] = []
    for n in range(DAYS):
        day = START + timedelta(days=n)
        for cid, (push, remind) in times.items():
            events.append((at(day, push), "push", cid))
            if remind:
                events.append((at(day, remind), "remind", cid))
        if n % 3 == 1:  # the leader's 催学, and a second one the same day
            events.append((at(day, "12:00" if n % 2 else "23:15"), "urge", None))
            events.append((at(day, "12:30" if n % 2 else "23:45"), "urge", None))
        if n == 9:  # a restart late at night: catch-up of the day's runs
            events.append((at(day, "23:40"), "restart", None))
    for no, (n, when) in STARTS.items():
        events.append((datetime.combine(START + timedelta(days=n), when, TZ), "start", no))
    events.sort(key=lambda e: e[0])

    received: list[tuple[str, datetime, str, str]] = []  # openid, when, kind, body
    urge_replies: list[tuple[datetime, str]] = []
    seen = 0
    end = at(START + timedelta(days=DAYS), "00:00")
    while True:
        nxt = (
            await Delivery.filter(status="pending", next_attempt_at__gt=clock.now())
            .order_by("next_attempt_at")
            .first()
        )
        t = min([e[0] for e in events[:1]] + ([nxt.next_attempt_at] if nxt else []), default=end)
        if t >= end:
            break
        clock.set(max(t, clock.now()))
        while events and events[0][0] <= clock.now():
            _, what, arg = events.pop(0)
            if what == "push":
                await scheduler.fire_push(arg)
            elif what == "remind":
                await scheduler.fire_remind(arg)
            elif what == "restart":
                await scheduler.sync()
            elif what == "urge":
                reply = await anxun.user("o-HQ0001").say("催学")
                assert reply is not None
                urge_replies.append((clock.local_now(), reply))
            elif what == "start":
                reply = await anxun.user(f"o-{arg}").say("学习")
                assert reply is not None and "今日卡片" in reply, reply
        await drain(anxun)
        for r in sim.delivered()[seen:]:
            received.append((r.body["touser"], clock.local_now(), kind_of(r.body), str(r.body)))
        seen = len(sim.delivered())

    assert received, "nothing was sent"
    kinds = Counter(k for _, _, k, _ in received)
    assert kinds["push"] and kinds["reminder"] and kinds["urge"], kinds
    shifts = {f"o-{no}": parse_window(h) for no, h in SHIFTS.items()}
    by_worker: dict[str, list[datetime]] = defaultdict(list)
    for openid, when, _, _ in received:
        assert not QUIET.covers(when.timetz()), (openid, when)
        shift = shifts.get(openid)
        assert shift is None or not shift.covers(when.timetz()), (openid, when, shift)
        by_worker[openid].append(when)
    for openid, whens in by_worker.items():
        days = Counter(w.date() for w in whens)
        assert max(days.values()) == 1, (openid, days)
        for n in range(DAYS):
            span = START + timedelta(days=n)
            in_span = sum(c for d, c in days.items() if span <= d < span + timedelta(days=7))
            assert in_span <= CAP, (openid, span, in_span)
    # every worker heard something, and the cap was reached by some: the month was not empty
    assert len(by_worker) == len(workers)
    assert any(len(w) >= CAP * 3 for w in by_worker.values())

    # reminders: at most K per worker and campaign, none after the worker started there
    reminders = await Delivery.filter(kind="reminder", status="sent")
    per = Counter((r.worker_id, r.campaign_id) for r in reminders)
    assert per and max(per.values()) <= K, per
    for r in reminders:
        started = (
            await CardRead.filter(
                worker_id=r.worker_id, campaign_id=r.campaign_id, read_at__lte=r.sent_at
            ).exists()
            or await QuizSession.filter(
                worker_id=r.worker_id, campaign_id=r.campaign_id, started_at__lte=r.sent_at
            ).exists()
        )
        assert not started, r.key
    # paused: only who never started there, after exactly K reminders; a late starter resumed
    paused = await Enrollment.filter(paused_at__isnull=False)
    assert paused
    for e in paused:
        assert e.reminders_sent == K and e.campaign_id in (a, b), (e.worker_id, e.campaign_id)
        assert not await CardRead.filter(worker_id=e.worker_id, campaign_id=e.campaign_id).exists()
    late = await CardRead.filter(worker__employee_no="HQ0009").first()
    assert late is not None
    resumed = await Enrollment.get(worker_id=late.worker_id, campaign_id=late.campaign_id)
    assert resumed.reminders_sent == K and resumed.paused_at is None

    # 催学: one a day, the second that day says when the first went
    per_day = Counter(when.date() for when, _ in urge_replies)
    assert set(per_day.values()) == {2}
    for (first_at, first), (_, second) in zip(urge_replies[::2], urge_replies[1::2], strict=True):
        assert "已催学" in first and "今天" in second and f"{first_at:%H:%M}" in second
    urges = Counter(r.nudge_day for r in await Delivery.filter(kind="urge"))
    assert urges and max(urges.values()) <= len(workers)


def at(day: date, hhmm: str) -> datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), TZ)
