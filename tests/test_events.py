"""Official-account events beyond chat: in-person binding through a supervisor's parametric QR
code (SCAN, and subscribe with the scene for a new follower), and subscribe-notice events
(prompt answers, setting changes, send receipts)."""

from __future__ import annotations

import re

import pytest

from bot.delivery.channels import reply_later
from bot.storage.models import BindCode, Delivery, Identity, SubscribeGrant
from bot.wechat.reply import News
from content.loader import load_enterprise
from tests.conftest import Running

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
LEADER = ROSTER["HQ0001"]  # team leader of tf-1
W1 = next(r for r in ROSTER.values() if r.department == "tf-1" and r.job == "gas_inspector")
OUTSIDER = next(r for r in ROSTER.values() if r.department == "zc-1" and r.job != "team_leader")


async def roster_bind(anxun: Running, openid: str, row) -> None:
    reply = await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def issue(anxun: Running, sim, employee_no: str) -> str:
    """The leader asks for a code; returns the scene WeChat encodes in the QR."""
    reply = await anxun.user("o-leader").say(f"发码 {employee_no}")
    # a news article: title, description, and the QR image as its link
    assert reply is not None and "的绑定二维码" in reply and "showqrcode?ticket=" in reply, reply
    ticket = re.search(r"ticket=(\S+)", reply)
    assert ticket is not None
    created = [r for r in sim.log if r.path == "/cgi-bin/qrcode/create"][-1]
    assert created.answer["ticket"] in ticket.group(1).replace("%2D", "-")
    return str(sim.qr_scenes[created.answer["ticket"]])


async def scan(anxun: Running, openid: str, scene: str, new_follower: bool) -> str | None:
    user = anxun.user(openid)
    event, key = ("subscribe", "qrscene_" + scene) if new_follower else ("SCAN", scene)
    fields = {"Event": event, "EventKey": key, "Ticket": "t"}
    reply = await user.post(*user.envelope(user.message_xml("event", fields)))
    return reply.text


async def test_a_new_follower_binds_by_scanning_the_leaders_code(anxun: Running, sim) -> None:
    await roster_bind(anxun, "o-leader", LEADER)
    scene = await issue(anxun, sim, W1.employee_no)
    assert scene.startswith("bind:")
    reply = await scan(anxun, "o-w1", scene, new_follower=True)
    assert reply is not None and "绑定成功" in reply and "现场核验" in reply
    identity = await Identity.get(openid="o-w1").select_related("worker")
    assert (identity.worker.employee_no, identity.method, identity.level) == (
        W1.employee_no,
        "inperson",
        2,
    )
    # the code is spent: a second phone scanning the same QR gets nothing
    again = await scan(anxun, "o-someone", scene, new_follower=False)
    assert again is not None and "已经被使用过" in again
    assert not await Identity.filter(openid="o-someone").exists()


async def test_scanning_raises_a_roster_binding_and_replaces_an_old_phone(
    anxun: Running, sim
) -> None:
    await roster_bind(anxun, "o-leader", LEADER)
    await roster_bind(anxun, "o-w1", W1)
    reply = await scan(anxun, "o-w1", await issue(anxun, sim, W1.employee_no), False)
    assert reply is not None and "绑定成功" in reply
    assert (await Identity.get(openid="o-w1")).level == 2
    # a new phone: the leader vouches again, the old WeChat identity stops counting
    reply = await scan(anxun, "o-w1-new", await issue(anxun, sim, W1.employee_no), False)
    assert reply is not None and "绑定成功" in reply
    assert not (await Identity.get(openid="o-w1")).active
    assert (await Identity.get(openid="o-w1-new")).active


async def test_codes_expire_and_only_leaders_issue_them_for_their_own_team(
    anxun: Running, sim
) -> None:
    await roster_bind(anxun, "o-leader", LEADER)
    await roster_bind(anxun, "o-w1", W1)
    refused = await anxun.user("o-w1").say(f"发码 {OUTSIDER.employee_no}")
    assert refused is not None and "只有班组长" in refused
    leader = anxun.user("o-leader")
    assert "不在您管理的班组" in (await leader.say(f"发码 {OUTSIDER.employee_no}") or "")
    assert "没有工号为 HQ9999" in (await leader.say("发码 HQ9999") or "")
    assert "格式" in (await leader.say("发码") or "")
    assert await BindCode.all().count() == 0

    scene = await issue(anxun, sim, W1.employee_no)
    anxun.clock.advance(minutes=11)
    reply = await scan(anxun, "o-late", scene, new_follower=True)
    assert reply is not None and "已过期" in reply
    forged = await scan(anxun, "o-late", "bind:not-a-code", new_follower=False)
    assert forged is not None and "无效" in forged
    assert not await Identity.filter(openid="o-late").exists()


POPUP = (
    "<SubscribeMsgPopupEvent>"
    "<List><TemplateId>SUB_A</TemplateId><SubscribeStatusString>accept</SubscribeStatusString>"
    "<PopupScene>2</PopupScene></List>"
    "<List><TemplateId>SUB_B</TemplateId><SubscribeStatusString>reject</SubscribeStatusString>"
    "<PopupScene>2</PopupScene></List>"
    "</SubscribeMsgPopupEvent>"
)


async def test_subscribe_notice_events_keep_grants_and_receipts(anxun: Running) -> None:
    await roster_bind(anxun, "o-w1", W1)
    user = anxun.user("o-w1")
    for second in (0, 1):  # accepted twice: two messages allowed
        xml = user.message_xml(
            "event",
            {"Event": "subscribe_msg_popup_event"},
            anxun.clock.timestamp() + second,
            raw=POPUP,
        )
        reply = await user.post(*user.envelope(xml))
        assert reply.status == 200 and reply.raw == "success"
    grants = {g.template_id: g.remaining for g in await SubscribeGrant.all()}
    assert grants == {"SUB_A": 2}

    change = (
        "<SubscribeMsgChangeEvent><List><TemplateId>SUB_A</TemplateId>"
        "<SubscribeStatusString>reject</SubscribeStatusString></List></SubscribeMsgChangeEvent>"
    )
    xml = user.message_xml("event", {"Event": "subscribe_msg_change_event"}, raw=change)
    await user.post(*user.envelope(xml))
    assert (await SubscribeGrant.get(template_id="SUB_A")).remaining == 0

    identity = await Identity.get(openid="o-w1")
    row = await Delivery.create(
        key="k1",
        kind="daily_push",
        account="mine",
        openid="o-w1",
        channel="subscribe",
        payload={},
        status="sent",
        wechat_msgid="777",
        next_attempt_at=anxun.clock.now(),
        created_at=anxun.clock.now(),
        worker_id=identity.worker_id,
    )
    sent = (
        "<SubscribeMsgSentEvent><List><TemplateId>SUB_A</TemplateId><MsgID>777</MsgID>"
        "<ErrorCode>0</ErrorCode><ErrorStatus>success</ErrorStatus></List></SubscribeMsgSentEvent>"
    )
    xml = user.message_xml("event", {"Event": "subscribe_msg_sent_event"}, raw=sent)
    await user.post(*user.envelope(xml))
    assert (await Delivery.get(id=row.id)).receipt == "success"


async def test_a_retried_news_reply_is_repeated_not_reissued(anxun: Running, sim) -> None:
    await roster_bind(anxun, "o-leader", LEADER)
    leader = anxun.user("o-leader")
    message = leader.text_xml(f"发码 {W1.employee_no}", msg_id=5150)
    first = await leader.post(*leader.envelope(message))
    again = await leader.post(*leader.envelope(message))  # WeChat's retry of the same MsgId
    assert first.text is not None and "的绑定二维码" in first.text
    assert again.text == first.text
    assert await BindCode.all().count() == 1


def test_a_late_news_reply_goes_as_a_news_message(anxun: Running) -> None:
    news = News("标题", "说明", "https://example.invalid/a", "https://example.invalid/p.png")
    mp, wecom = anxun.config.account("mine"), anxun.config.account("minework")
    assert mp is not None and wecom is not None
    channel, payload = reply_later(mp, "o-1", news)
    assert channel == "custom" and payload["msgtype"] == "news"
    assert payload["news"]["articles"] == [
        {
            "title": "标题",
            "description": "说明",
            "url": "https://example.invalid/a",
            "picurl": "https://example.invalid/p.png",
        }
    ]
    channel, payload = reply_later(wecom, "zhangsan", news)
    assert channel == "wecom" and payload["agentid"] == 1000002 and payload["msgtype"] == "news"


async def test_a_replaced_wechat_can_bind_again_later(anxun: Running, sim) -> None:
    await roster_bind(anxun, "o-leader", LEADER)
    await roster_bind(anxun, "o-shared", W1)
    # W1 moves to a new phone in front of the leader: o-shared is no longer W1's
    await scan(anxun, "o-w1-new", await issue(anxun, sim, W1.employee_no), new_follower=False)
    assert not (await Identity.get(openid="o-shared")).active
    # the old phone passes to a colleague, who binds it by roster
    other = next(
        r
        for r in ROSTER.values()
        if r.department == "tf-1" and r.job == "gas_inspector" and r.employee_no != W1.employee_no
    )
    reply = await anxun.user("o-shared").say(f"绑定 {other.name} {other.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply and other.name in reply
    identity = await Identity.get(openid="o-shared").select_related("worker")
    assert identity.active and identity.worker.employee_no == other.employee_no
