"""Teams behind before a deadline: a team below the campaign's line `escalate_days` out is
reported to its own leader and the workshop head, at the deadline one level further; once per
team and checkpoint, one message per recipient. A team that never reaches the line is reported
(the old alert only fired when a team reached it)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest

from bot.storage.models import Alert, Identity
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.leaders import COMPANY_HEAD, ROSTER, TEAM_ONE, WORKSHOP_HEAD, bind, bind_row, grow_tree
from tests.leaders import texts as delivered
from tests.test_walking_skeleton import answer_quiz

pytestmark = pytest.mark.storage


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, 30, tzinfo=TZ)


def warnings(sim, openid: str) -> list[str]:
    return [t for t in delivered(sim, openid) if "预警】" in t]


@pytest.fixture
async def mine(start_anxun: Callable[..., Awaitable[Running]], tmp_path: Path) -> Running:
    """The sample mine with a workshop head over 通风区, a company head above, and a third team
    with no leader of its own; every leader bound."""
    anxun = await start_anxun()
    await grow_tree(anxun, tmp_path)
    await bind_row(anxun, "o-t1", ROSTER["HQ0001"])
    await bind_row(anxun, "o-t2", ROSTER["HQ0002"])
    await bind(anxun, "o-ws", WORKSHOP_HEAD[1], WORKSHOP_HEAD[2])
    await bind(anxun, "o-co", COMPANY_HEAD[1], COMPANY_HEAD[2])
    return anxun


async def check(anxun: Running, when: datetime) -> int:
    """The day's check at `when`; the leaders wrote to the account just before, so WeChat's
    48-hour window is open and the whole text goes as a customer-service message."""
    anxun.clock.set(when)
    for openid in ("o-t1", "o-t2", "o-ws", "o-co"):
        if await Identity.filter(openid=openid).exists():
            await anxun.user(openid).say("日报")
    return await anxun.app[SCHEDULER].fire_escalation()


async def test_teams_behind_escalate_at_n_days_and_at_the_deadline(mine: Running, sim) -> None:
    # the line is 25%: team one reaches it (2 of 8), teams two and three never do
    campaign_id = await create_gas_campaign(mine, alert_threshold=0.25, escalate_days=3)
    for openid, row in (("o-a", TEAM_ONE[0]), ("o-b", TEAM_ONE[1])):
        await bind_row(mine, openid, row)
        for _ in range(2):
            await mine.user(openid).say("学习")
        await answer_quiz(mine, openid, wrong_first=False)
    assert await check(mine, at(12, 3)) == 0  # four days out: nothing yet
    assert await check(mine, at(12, 4)) == 2  # three days out: teams two and three
    team_two = (await eventually(lambda: warnings(sim, "o-t2")))[0]
    assert team_two.startswith("【进度预警】瓦斯检查工冬季专项\n截止 2026-12-07，还剩 3 天")
    assert "瓦斯检查二班：0%（0/8），未完成 8 人" in team_two and "三班" not in team_two
    # the workshop head hears of both, in one message; team three has no leader, so the
    # workshop head leads it and the company head is the level above it
    workshop = (await eventually(lambda: warnings(sim, "o-ws")))[0]
    assert "瓦斯检查二班：0%（0/8）" in workshop and "瓦斯检查三班：0%（0/2）" in workshop
    company = (await eventually(lambda: warnings(sim, "o-co")))[0]
    assert "瓦斯检查三班" in company and "二班" not in company
    assert warnings(sim, "o-t1") == []  # team one is at the line
    # the same checkpoint again, the same day and the next: nothing new
    assert await check(mine, at(12, 4, 15)) == 0
    assert await check(mine, at(12, 5)) == 0
    assert await check(mine, at(12, 6)) == 0
    # at the deadline one level further: the company head hears of team two as well
    assert await check(mine, at(12, 7)) == 2
    final = await eventually(lambda: len(m := warnings(sim, "o-co")) == 2 and m)
    assert final[1].startswith("【截止预警】瓦斯检查工冬季专项\n今天（2026-12-07）截止")
    assert "瓦斯检查二班" in final[1] and "瓦斯检查三班" in final[1]
    assert await check(mine, at(12, 8)) == 0
    await eventually(lambda: all(entry.answer for entry in sim.log))
    counts = {o: len(warnings(sim, o)) for o in ("o-t1", "o-t2", "o-ws", "o-co")}
    assert counts == {"o-t1": 0, "o-t2": 2, "o-ws": 2, "o-co": 2}
    keys = await Alert.filter(campaign_id=campaign_id).values_list("key", flat=True)
    assert len(keys) == 4 and len(set(keys)) == 4


async def test_completing_alerts_nobody_and_a_team_that_never_reaches_the_line_does(
    anxun: Running, sim
) -> None:
    """The defect: the old alert fired when a team reached the line, to the campaign's one
    supervisor, and a team that never reached it produced nothing."""
    await bind_row(anxun, "o-t1", ROSTER["HQ0001"])
    await bind_row(anxun, "o-t2", ROSTER["HQ0002"])
    await create_gas_campaign(anxun, alert_threshold=0.1, supervisor="HQ0001")
    await bind_row(anxun, "o-a", TEAM_ONE[0])
    for _ in range(2):
        await anxun.user("o-a").say("学习")
    await answer_quiz(anxun, "o-a", wrong_first=False)  # team one reaches the line (1 of 8)
    assert await check(anxun, at(12, 4)) == 1
    alert = (await eventually(lambda: warnings(sim, "o-t2")))[0]
    assert "瓦斯检查二班：0%（0/8）" in alert  # to team two's own leader, not the supervisor
    await eventually(lambda: all(entry.answer for entry in sim.log))
    assert warnings(sim, "o-t1") == []
