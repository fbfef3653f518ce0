"""Channel choice: each push goes the best way the worker can receive now (WeCom app →
customer service inside the 48-hour window → template → subscribe message with a grant), falls
through in the same attempt when WeChat refuses a route, and records the way it went."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.errors import InvalidInput
from bot.simulator.server import _subscribe_value_problem
from bot.storage.models import Delivery, Identity, SubscribeGrant
from bot.wechat.subscribe import format_value, rule_problem, subscribe_data
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, age_contacts, create_gas_campaign, eventually

pytestmark = pytest.mark.storage

W1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")
APP = "wxminiapp00000001"


async def bind_mp(anxun: Running, openid: str = "o-w1") -> None:
    reply = await anxun.user(openid).say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def bind_miniapp(anxun: Running, sim, grants: int) -> str:
    code = sim.login_code(APP, "m-w1")
    _, body = await anxun.api("POST", "/api/v1/session", {"account": "mineapp", "code": code})
    token = body["token"]
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    for _ in range(grants):
        await anxun.api("POST", "/api/v1/subscriptions", {"accepted": ["SUB_DAILY"]}, token=token)
        sim.grant("m-w1", "SUB_DAILY")  # what WeChat itself recorded when the user accepted
    return str(token)


async def push(
    anxun: Running, campaign_id: int | None = None, day: int = 23, **spec: str
) -> Delivery:
    campaign_id = campaign_id or await create_gas_campaign(anxun, **spec)
    anxun.clock.set(datetime(2026, 11, day, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 1

    async def settled() -> Delivery | None:
        row = await Delivery.get(kind="daily_push", key__endswith=f"-{day}")
        return row if row.status not in ("pending", "sending") else None

    result: Delivery = await eventually(settled)
    return result


async def test_wecom_comes_first(anxun: Running, sim) -> None:
    await bind_mp(anxun)
    await anxun.user("zhangsan", "minework").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    row = await push(anxun)
    assert (row.status, row.channel, row.account, row.openid) == (
        "sent",
        "wecom",
        "minework",
        "zhangsan",
    )
    assert [r.path for r in sim.delivered()] == ["/cgi-bin/message/send"]


async def test_customer_service_inside_the_window_then_template(anxun: Running, sim) -> None:
    await bind_mp(anxun)
    row = await push(anxun)
    assert (row.status, row.channel, row.openid) == ("sent", "custom", "o-w1")

    await age_contacts(anxun)  # the next day, the worker's last action was three days ago
    row = await push(anxun, row.campaign_id, day=24)
    assert (row.status, row.channel) == ("sent", "template")
    body = sim.delivered("o-w1")[-1].body
    assert body["client_msg_id"] == row.key and body["data"]["keyword1"]["value"]


async def test_a_refused_route_falls_through_in_the_same_attempt(anxun: Running, sim) -> None:
    await bind_mp(anxun)
    await bind_miniapp(anxun, sim, grants=2)
    await age_contacts(anxun)
    sim.inject("/cgi-bin/message/template/send", 43004)  # WeChat: they unfollowed
    row = await push(anxun)
    assert (row.status, row.attempts, row.channel, row.account, row.last_error) == (
        "sent",
        1,
        "subscribe",
        "mineapp",
        "",
    )
    assert not (await Identity.get(account="mine", openid="o-w1")).followed
    assert (await SubscribeGrant.get()).remaining == 1  # one grant used
    data = sim.delivered("m-w1")[0].body["data"]
    assert data["thing1"]["value"] == "瓦斯检查工冬季专项"
    assert data["date2"]["value"] == "2026年12月7日"


async def test_a_closed_window_falls_back_to_a_template(anxun: Running, sim) -> None:
    await bind_mp(anxun)
    sim.inject("/cgi-bin/message/custom/send", 45015)  # our record said open; WeChat says not
    row = await push(anxun)
    assert (row.status, row.channel) == ("sent", "template")
    assert (await Identity.get(openid="o-w1")).last_contact_at is None


async def test_refused_grants_are_forgotten(anxun: Running, sim) -> None:
    await bind_miniapp(anxun, sim, grants=3)
    sim.grants.clear()  # the user turned subscribe messages off in WeChat's settings
    row = await push(anxun)
    assert row.status == "dropped" and "43101" in row.last_error
    assert (await SubscribeGrant.get()).remaining == 0


async def test_nobody_to_reach_is_recorded_not_retried(anxun: Running, sim) -> None:
    await bind_miniapp(anxun, sim, grants=0)  # bound, but no way to message them
    row = await push(anxun)
    assert row.status == "dropped" and row.last_error.startswith("unreachable")
    assert sim.delivered() == []


async def test_long_campaign_names_are_fitted_to_the_subscribe_rules(anxun: Running, sim) -> None:
    await bind_miniapp(anxun, sim, grants=1)
    row = await push(anxun, name="二〇二六年冬季瓦斯检查工岗位应知应会专项培训及考核")
    assert row.status == "sent"
    thing = sim.delivered("m-w1")[0].body["data"]["thing1"]["value"]
    assert len(thing) == 20 and thing.endswith("…")


def test_subscribe_rules() -> None:
    assert format_value("thing1", "一" * 25) == "一" * 19 + "…"
    assert format_value("date2", date(2026, 12, 7)) == "2026年12月7日"
    assert format_value("date2", "2026-12-07") == "2026年12月7日"
    assert format_value("time3", datetime(2026, 12, 7, 8, 5)) == "2026年12月7日 08:05"
    assert rule_problem("phrase4", "已完成") is None
    assert rule_problem("phrase4", "已经全部完成了") is not None
    assert rule_problem("number5", "12.5") is None and rule_problem("number5", "十二") is not None
    assert rule_problem("character_string6", "HQ-0001") is None
    assert rule_problem("color7", "red") is not None
    with pytest.raises(InvalidInput, match="number1"):
        subscribe_data({"campaign": "number1"}, {"campaign": "冬季专项"})
    with pytest.raises(InvalidInput, match="no field 'missing'"):
        subscribe_data({"missing": "thing1"}, {})
    # what anxun accepts, WeChat (the simulator's own checks) accepts too
    for keyword, value in [
        ("thing1", "一" * 20),
        ("date2", "2026年12月7日"),
        ("phrase3", "待完成"),
        ("number4", "90"),
        ("time5", "2026年12月7日 08:05"),
    ]:
        assert rule_problem(keyword, value) is None
        assert _subscribe_value_problem(keyword, value) is None
    assert _subscribe_value_problem("thing1", "一" * 21) is not None


async def test_a_channel_out_of_quota_is_skipped_for_the_next(anxun: Running, sim) -> None:
    await bind_mp(anxun)
    await bind_miniapp(anxun, sim, grants=1)
    await age_contacts(anxun)
    sim.inject("/cgi-bin/message/template/send", 45009)  # the template quota is used up
    row = await push(anxun)
    assert (row.status, row.channel) == ("sent", "subscribe")
    sender_pauses = await anxun.services.redis.keys("anxun:pause:mine:template")
    assert sender_pauses  # the template channel stays paused for everyone until midnight
