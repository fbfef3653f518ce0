"""A leader's daily digest (at the time they choose, about their subtree, nothing when nothing
changed, once a day across restarts), 班组进度 in chat, and the binding-lock alert reaching the
locked worker's leader — all read back from what the WeChat simulator received."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest

from bot.learning.links import read_dashboard_token
from bot.storage.models import Enrollment, QuizSession, StandinChallenge, Worker
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.leaders import ROSTER, TEAM_ONE, WORKSHOP_HEAD, bind, bind_row, grow_tree, texts
from tests.quizzes import shown_answers
from tests.test_walking_skeleton import answer_quiz

pytestmark = pytest.mark.storage
LEADER = ROSTER["HQ0001"]  # team leader of 瓦斯检查一班 (tf-1)
PUBLIC = "https://anxun.example"
# locks that outlast the days these tests cover: an expiring lock is a change the digest reports
SETTINGS = {"digest": {"behind_shown": 2}, "bind": {"lock_hours": 96}}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, 30, tzinfo=TZ)


async def fail_quiz(anxun: Running, openid: str) -> None:
    """Answer every question of a quiz wrongly: 0 correct, below any pass ratio."""
    user = anxun.user(openid)
    await user.say("答题")
    session = await QuizSession.filter(finished_at=None, worker__identities__openid=openid).first()
    assert session is not None
    for letters in await shown_answers(session, right=False):
        await user.say(letters)


async def study(anxun: Running, openid: str) -> None:
    for _ in range(2):
        await anxun.user(openid).say("学习")


async def lock_out(anxun: Running, row) -> None:
    """Ten wrong ID tails for one worker from five WeChat users lock the worker's binding."""
    for i in range(10):
        await anxun.user(f"o-ring-{i % 5}").say(f"绑定 {row.name} 1{i:05d}")


async def worker(row) -> Worker:
    return await Worker.get(employee_no=row.employee_no, enterprise__code="hongqiao")


async def digest_now(anxun: Running, when: datetime) -> int:
    anxun.clock.set(when)
    return await anxun.app[SCHEDULER].fire_digest()


@pytest.fixture
async def team(start_anxun: Callable[..., Awaitable[Running]]) -> Running:
    """Team one mid-campaign: one done, one failed twice, one paused, one locked, one flagged
    as a possible stand-in, three more behind; its leader bound."""
    anxun = await start_anxun(server={"public_url": PUBLIC}, **SETTINGS)
    await create_gas_campaign(anxun, alert_threshold=0.5)
    await bind_row(anxun, "o-lead", LEADER)
    done, failing, paused, locked, flagged = TEAM_ONE[:5]
    await bind_row(anxun, "o-done", done)
    await study(anxun, "o-done")
    await answer_quiz(anxun, "o-done", wrong_first=False)
    await bind_row(anxun, "o-fail", failing)
    await study(anxun, "o-fail")
    await fail_quiz(anxun, "o-fail")
    await fail_quiz(anxun, "o-fail")
    # reminders are another part's: it stops them after ignored ones and sets paused_at
    await Enrollment.filter(worker=await worker(paused)).update(paused_at=anxun.clock.now())
    await lock_out(anxun, locked)
    w = await worker(flagged)
    await StandinChallenge.create(
        enterprise_id=w.enterprise_id, worker=w, open_for=w.id, status="asked", score=0.8,
        since=anxun.clock.now(), raised_at=anxun.clock.now(),
    )  # fmt: skip
    return anxun


async def test_the_digest_says_what_a_leader_needs(team: Running, sim) -> None:
    done, failing, paused, locked, flagged, *behind = TEAM_ONE
    assert await digest_now(team, at(23, 17, 59)) == 0  # not yet: the default time is 18:00
    assert await digest_now(team, at(23, 18, 0)) == 1
    digest = (await eventually(lambda: [t for t in texts(sim, "o-lead") if "学习日报" in t]))[0]
    assert digest.startswith("【学习日报】瓦斯检查一班 11-23")
    assert "瓦斯检查工冬季专项（截止 2026-12-07）\n完成 1/8（12%）" in digest
    # named up to behind_shown (2), then a count; in 工号 order
    unfinished = [failing, locked, flagged, *behind]
    assert f"未完成：{unfinished[0].name}、{unfinished[1].name}等4人" in digest
    assert done.name not in digest.split("未完成：")[1].split("\n")[0]
    assert f"两次答题不合格：{failing.name}" in digest
    assert f"多次提醒未学，已停止提醒：{paused.name}" in digest
    assert f"实名绑定被锁定：{locked.name}" in digest
    assert f"疑似代学，待核验：{flagged.name}" in digest
    link = digest.split("班组页面：")[1].strip()
    assert link.startswith(f"{PUBLIC}/dash/leader/")
    leader = await worker(LEADER)
    status, leader_id = read_dashboard_token(
        team.services.privacy, link.rsplit("/", 1)[1], team.clock.timestamp()
    )
    assert (status, leader_id) == ("ok", leader.id)
    assert len(digest.encode()) <= 2048


async def test_nothing_twice_a_day_and_nothing_when_nothing_changed(
    team: Running, sim, start_anxun: Callable[..., Awaitable[Running]]
) -> None:
    assert await digest_now(team, at(23, 18, 0)) == 1
    await eventually(lambda: texts(sim, "o-lead"))
    assert await digest_now(team, at(23, 18, 5)) == 0  # the next tick, the same day
    # a restart in the evening: the day's digest is not sent again
    await team.stop()
    again = await start_anxun(server={"public_url": PUBLIC}, **SETTINGS)
    assert await digest_now(again, at(23, 21, 0)) == 0
    # the next day nothing changed: nothing is sent
    assert await digest_now(again, at(24, 18, 0)) == 0
    # the day after, one more worker finished: a digest again
    await bind_row(again, "o-w6", TEAM_ONE[5])
    await study(again, "o-w6")
    await answer_quiz(again, "o-w6", wrong_first=False)
    assert await digest_now(again, at(25, 18, 0)) == 1
    digests = await eventually(
        lambda: len(d := [t for t in texts(sim, "o-lead") if "学习日报" in t]) == 2 and d
    )
    # two days after the leader's last message WeChat's 48-hour window is closed: a template
    # message, whose remark carries the summary
    assert "瓦斯检查工冬季专项 完成 2/8" in digests[1]


async def test_a_restart_after_the_digest_time_sends_the_days_digest_once(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    first = await start_anxun()
    await create_gas_campaign(first)
    await bind_row(first, "o-lead", LEADER)
    await first.stop()
    first.clock.set(at(23, 20, 0))  # down over 18:00
    second = await start_anxun()
    scheduler = second.app[SCHEDULER]
    assert await scheduler.fire_digest() == 1
    await scheduler.sync()
    assert await scheduler.fire_digest() == 0
    await eventually(lambda: texts(sim, "o-lead"))
    assert len([t for t in texts(sim, "o-lead") if "学习日报" in t]) == 1


async def test_the_leader_chooses_the_time_or_none(team: Running, sim) -> None:
    lead = team.user("o-lead")
    assert "每天 18:00" in (await lead.say("日报") or "")
    assert "格式" in (await lead.say("日报 25:00") or "")
    assert "每天 20:30" in (await lead.say("日报 20：30") or "")
    assert await digest_now(team, at(23, 18, 0)) == 0
    assert await digest_now(team, at(23, 20, 29)) == 0
    assert await digest_now(team, at(23, 20, 30)) == 1
    await eventually(lambda: texts(sim, "o-lead"))
    assert "已停止" in (await lead.say("日报 关") or "")
    await bind_row(team, "o-w6", TEAM_ONE[5])  # something changes, but they asked for none
    await study(team, "o-w6")
    await answer_quiz(team, "o-w6", wrong_first=False)
    assert await digest_now(team, at(24, 20, 30)) == 0
    assert "每天 20:30" in (await lead.say("日报 开") or "")
    assert await digest_now(team, at(25, 20, 30)) == 1
    # a worker who leads no one cannot have one
    assert "只对班组长开放" in (await team.user("o-done").say("日报 18:00") or "")


async def test_the_workshop_head_sees_every_team_below(
    start_anxun: Callable[..., Awaitable[Running]], sim, tmp_path: Path
) -> None:
    anxun = await start_anxun()
    await grow_tree(anxun, tmp_path)
    await create_gas_campaign(anxun)
    _, name, id_number, *_ = WORKSHOP_HEAD
    await bind(anxun, "o-ws", name, id_number)
    await bind_row(anxun, "o-lead", LEADER)
    assert await digest_now(anxun, at(23, 18, 0)) == 2
    workshop = (await eventually(lambda: texts(sim, "o-ws")))[0]
    assert workshop.startswith("【学习日报】通风区")
    assert "完成 0/18（0%）" in workshop  # teams one (8), two (8) and three (2)
    team_one = (await eventually(lambda: texts(sim, "o-lead")))[0]
    assert "完成 0/8（0%）" in team_one


async def test_team_progress_in_chat(team: Running, sim) -> None:
    reply = await team.user("o-lead").say("班组进度")
    assert reply is not None and reply.startswith("【班组进度】瓦斯检查一班")
    assert "完成 1/8（12%）" in reply and "等4人" in reply
    assert f"两次答题不合格：{TEAM_ONE[1].name}" in reply
    assert f"{PUBLIC}/dash/leader/" in reply
    assert "只对班组长开放" in (await team.user("o-done").say("班组进度") or "")


async def test_the_lock_alert_reaches_the_leader_once_per_lock(anxun: Running, sim) -> None:
    await bind_row(anxun, "o-lead", LEADER)
    target = TEAM_ONE[3]
    await lock_out(anxun, target)
    alerts = await eventually(lambda: [t for t in texts(sim, "o-lead") if "绑定锁定" in t])
    assert f"【绑定锁定】{target.name}（{target.employee_no}，瓦斯检查一班）" in alerts[0]
    assert f"解锁 {target.employee_no}" in alerts[0]
    for i in range(3):  # more guesses while it is locked: the same lock, no new message
        await anxun.user(f"o-ring-{i}").say(f"绑定 {target.name} 2{i:05d}")
    assert await anxun.app[SCHEDULER].fire_digest() == 0
    await eventually(lambda: all(entry.answer for entry in sim.log))
    assert len([t for t in texts(sim, "o-lead") if "绑定锁定" in t]) == 1
