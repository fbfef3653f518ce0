"""Level 4, the WeCom member, end to end: a member of the corp writes to the WeCom app, anxun
asks the simulator's directory (`user/get`) who they are, and binds or raises them when exactly
one active roster worker matches by 工号 (userid or alias) or phone; conflicts, ambiguity and
strangers are refused with what to do, and nobody is looked up more than once an hour."""

from __future__ import annotations

import pytest

from bot.storage.models import Identity, WorkerEvent
from content.loader import load_enterprise
from tests.conftest import Running

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
W1, W2 = ROSTER["HQ0005"], ROSTER["HQ0006"]
USER_GET = "/cgi-bin/user/get"


def lookups(sim, userid: str) -> int:
    return sum(1 for r in sim.log if r.path == USER_GET and r.query.get("userid") == userid)


async def identity(userid: str) -> Identity | None:
    return await Identity.get_or_none(account="minework", openid=userid, active=True)


async def test_a_member_whose_userid_is_the_employee_number_binds_at_level_4(
    anxun: Running, sim
) -> None:
    sim.add_wecom_member("hq0005", W1.name)  # WeCom userids ignore case
    reply = await anxun.user("hq0005", "minework").say("学习")
    assert reply is not None and "已通过企业微信通讯录确认您的身份" in reply and W1.name in reply
    # the message itself was answered too: no campaign runs, so a card of their own job
    assert "今日卡片" in reply
    bound = await Identity.get(account="minework", openid="hq0005").select_related("worker")
    assert (bound.worker.employee_no, bound.method, bound.level) == (W1.employee_no, "wecom", 4)
    event = await WorkerEvent.get(worker_id=bound.worker_id, kind="bound")
    assert event.data == {"method": "wecom", "level": 4, "account": "minework"}
    assert event.source == "chat"
    # bound at the top level WeCom gives: no more lookups for this member
    await anxun.user("hq0005", "minework").say("我的")
    assert lookups(sim, "hq0005") == 1


async def test_opening_the_app_binds_by_the_directorys_mobile(anxun: Running, sim) -> None:
    sim.add_wecom_member("zhangsan", "张三", mobile=f"+86 {W2.phone}")
    reply = await anxun.user("zhangsan", "minework").event("enter_agent")
    assert reply is not None and "已通过企业微信通讯录确认" in reply and W2.name in reply
    bound = await identity("zhangsan")
    assert bound is not None and bound.level == 4
    assert (await bound.worker).employee_no == W2.employee_no


async def test_a_roster_binding_is_raised_once_the_directory_knows_the_member(
    anxun: Running, sim
) -> None:
    user = anxun.user("lisi", "minework")
    reply = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")  # the directory says nothing
    assert reply is not None and "绑定成功" in reply and "企业微信通讯录" not in reply
    assert (await identity("lisi")).level == 1  # type: ignore[union-attr]
    # the admin sets the member's alias to the 工号; within the hour nobody asks again
    sim.add_wecom_member("lisi", W1.name, alias=W1.employee_no)
    await user.say("我的")
    assert lookups(sim, "lisi") == 1
    anxun.clock.advance(minutes=61)
    reply = await user.say("我的")
    assert reply is not None and "提升为 4 级" in reply and "没有进行中的学习任务" in reply
    raised = await identity("lisi")
    assert raised is not None and (raised.method, raised.level) == ("wecom", 4)
    events = await WorkerEvent.filter(kind="bound").order_by("id").values_list("data", flat=True)
    assert [(e["method"], e["level"]) for e in events] == [("roster", 1), ("wecom", 4)]
    assert events[1]["raised_from"] == 1


async def test_a_conflict_changes_nothing_and_says_so(anxun: Running, sim) -> None:
    user = anxun.user("wangwu", "minework")
    await user.say(f"绑定 {W2.name} {W2.id_number[-6:]}")
    sim.add_wecom_member("wangwu", "王五", alias=W1.employee_no)  # the directory says W1
    anxun.clock.advance(minutes=61)
    reply = await user.say("帮助")
    assert reply is not None and "另一名员工" in reply and "未作更改" in reply
    kept = await identity("wangwu")
    assert kept is not None and kept.level == 1
    assert (await kept.worker).employee_no == W2.employee_no


async def test_a_worker_bound_elsewhere_on_the_app_is_not_taken_over(anxun: Running, sim) -> None:
    await anxun.user("someone", "minework").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    sim.add_wecom_member("yujiang", W1.name, alias=W1.employee_no)
    reply = await anxun.user("yujiang", "minework").say("学习")
    assert reply is not None and "已由另一个账号绑定" in reply and "联系班组长" in reply
    assert await identity("yujiang") is None
    assert await identity("someone") is not None


async def test_clues_naming_two_workers_bind_nobody(anxun: Running, sim) -> None:
    sim.add_wecom_member(W1.employee_no, W1.name, mobile=W2.phone)
    reply = await anxun.user(W1.employee_no, "minework").say("学习")
    assert reply is not None and "对应花名册上的不同员工" in reply
    assert await identity(W1.employee_no) is None


async def test_a_stranger_is_told_how_to_bind_and_not_asked_about_again(
    anxun: Running, sim
) -> None:
    user = anxun.user("visitor", "minework")
    reply = await user.say("学习")
    assert reply is not None and "企业微信通讯录未能确认您的身份" in reply
    assert "绑定 姓名 身份证后六位" in reply and "班组长" in reply
    assert reply.count("绑定 姓名 身份证后六位") == 1  # not repeated by the not-bound answer
    again = await user.say("学习")
    assert again is not None and "还没有绑定身份" in again
    assert lookups(sim, "visitor") == 1
    # a 绑定 command answers for itself, after an hour as before
    anxun.clock.advance(minutes=61)
    bind = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert bind is not None and bind.startswith("绑定成功") and lookups(sim, "visitor") == 2


async def test_a_directory_the_app_may_not_read_binds_nobody_and_breaks_nothing(
    anxun: Running, sim
) -> None:
    sim.add_wecom_member("hq0005", W1.name)
    sim.inject(USER_GET, 60011, times=-1)  # no privilege: the app's visible range
    reply = await anxun.user("hq0005", "minework").say("学习")
    assert reply is not None and "还没有绑定身份" in reply
    sim.faults.clear()
    sim.wecom_unknown.add("ghost")  # WeCom: no such member
    reply = await anxun.user("ghost", "minework").event("enter_agent")
    assert reply is not None and "企业微信通讯录未能确认您的身份" in reply
    assert not await Identity.filter(account="minework").exists()


async def test_official_account_users_are_never_looked_up(anxun: Running, sim) -> None:
    await anxun.user(W1.employee_no, "mine").say("学习")
    assert not [r for r in sim.log if r.path == USER_GET]
