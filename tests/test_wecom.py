"""The WeCom self-built app channel, end to end against the simulator: its URL check, chat over
its own crypto, pushes as app messages, the per-member limits, and members WeCom does not know."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.delivery.outbox import delivery, enqueue
from bot.delivery.sender import Sender
from bot.storage.models import Answer, Delivery, Identity, QuizSession
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.quizzes import shown_answers

pytestmark = pytest.mark.storage

SEND = "/cgi-bin/message/send"
W1, W2 = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:2]


async def bind(anxun: Running, userid: str, row) -> str | None:
    return await anxun.user(userid, "minework").say(f"绑定 {row.name} {row.id_number[-6:]}")


async def test_url_check_answers_with_the_decrypted_echostr(anxun: Running) -> None:
    user = anxun.user("zhangsan", "minework")
    assert await user.url_check("8843174812351") == (200, "8843174812351")
    query = user.url_check_query("8843174812351")
    query["msg_signature"] = "0" * 40
    async with anxun.session.get(user.url, params=query) as resp:
        assert resp.status == 403
    # an official account's plain signature is not a WeCom check
    mp_query = anxun.user("x").url_check_query("e1")
    async with anxun.session.get(user.url, params=mp_query) as resp:
        assert resp.status == 403


async def test_bind_study_and_quiz_over_wecom(anxun: Running) -> None:
    reply = await bind(anxun, "zhangsan", W1)
    assert reply is not None and "绑定成功" in reply
    identity = await Identity.get(account="minework", openid="zhangsan")
    assert identity.level == 1
    await create_gas_campaign(anxun)
    user = anxun.user("zhangsan", "minework")
    card = await user.say("学习")
    assert card is not None and "今日卡片 1/2" in card
    first = await user.say("答题")
    assert first is not None and "第1/3题" in first
    session = await QuizSession.get(finished_at=None, worker__identities__openid="zhangsan")
    for letters in await shown_answers(session):
        last = await user.say(letters)
    assert last is not None and "答对 3/3 题" in last
    assert await Answer.filter(worker__employee_no=W1.employee_no, correct=True).count() == 3


async def test_daily_push_is_an_app_message_sent_once(anxun: Running, sim) -> None:
    await bind(anxun, "zhangsan", W1)
    campaign_id = await create_gas_campaign(anxun, account="minework")
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 1
    pushes = await eventually(lambda: sim.sent(SEND))
    body = pushes[0].body
    assert body["touser"] == "zhangsan" and body["agentid"] == 1000002
    assert body["enable_duplicate_check"] == 1
    assert "瓦斯检查工冬季专项" in body["text"]["content"] and "答题" in body["text"]["content"]
    token_calls = [r for r in sim.log if r.path == "/cgi-bin/gettoken"]
    assert token_calls and token_calls[0].query["corpid"] == "wwtestcorp0000001"
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 0
    await eventually(lambda: Delivery.filter(status="sent", channel="wecom").exists())


async def queue_texts(anxun: Running, userid: str, count: int) -> None:
    rows = [
        delivery(
            anxun.services,
            key=f"t:{userid}:{i}",
            kind="alert",
            account="minework",
            openid=userid,
            channel="wecom",
            payload={
                "touser": userid,
                "msgtype": "text",
                "agentid": 1000002,
                "text": {"content": f"第{i}条"},
            },
        )
        for i in range(count)
    ]
    await enqueue(anxun.services, rows)


async def test_sender_waits_for_the_per_member_limit_instead_of_losing_messages(
    start_anxun, sim
) -> None:
    anxun = await start_anxun(sender={"enabled": False, "batch_size": 100})
    await queue_texts(anxun, "zhangsan", 35)
    await queue_texts(anxun, "lisi", 3)  # the limit is per member
    sender = Sender(anxun.services)
    await sender.run_once()
    assert len(sim.sent(SEND, touser="zhangsan")) == 30
    assert len(sim.sent(SEND, touser="lisi")) == 3
    assert not any(r.answer.get("dropped") for r in sim.log)  # nothing WeCom would drop
    waiting = await Delivery.filter(status="pending", openid="zhangsan")
    assert len(waiting) == 5
    assert all(r.attempts == 0 and "limit" in r.last_error for r in waiting)
    assert all(0 < (r.next_attempt_at - anxun.clock.now()).total_seconds() <= 60 for r in waiting)
    anxun.clock.advance(seconds=61)  # the manual clock: the minute window has passed for anxun
    sim._wecom_sends.clear()  # and for the simulator, which counts in real time
    await sender.run_once()
    assert await Delivery.filter(status="sent", openid="zhangsan").count() == 35


async def test_the_simulator_drops_what_the_limit_would_have_kept(anxun: Running, sim) -> None:
    """Without the sender's limiter WeCom loses messages silently: the simulator does too."""
    wechat = anxun.services.wechat
    assert wechat is not None
    for i in range(31):
        await wechat.wecom.send(
            "minework",
            {
                "touser": "wangwu",
                "msgtype": "text",
                "agentid": 1000002,
                "text": {"content": str(i)},
            },
        )
    assert len(sim.sent(SEND, touser="wangwu")) == 30
    assert sim.log[-1].answer.get("dropped") is True


async def test_duplicate_check_suppresses_a_repeat(anxun: Running, sim) -> None:
    wechat = anxun.services.wechat
    assert wechat is not None
    payload = {
        "touser": "wangwu",
        "msgtype": "text",
        "agentid": 1000002,
        "text": {"content": "同一条"},
        "enable_duplicate_check": 1,
    }
    await wechat.wecom.send("minework", payload)
    await wechat.wecom.send("minework", payload)
    assert len(sim.sent(SEND, touser="wangwu")) == 1


async def test_a_member_wecom_does_not_know_is_dropped_not_retried(anxun: Running, sim) -> None:
    sim.wecom_unknown.add("ghost")
    await queue_texts(anxun, "ghost", 1)  # the running sender picks it up
    row = await eventually(lambda: Delivery.get_or_none(openid="ghost", status="dropped"))
    assert row.status == "dropped" and row.attempts == 1 and "81013" in row.last_error


async def test_an_announcement_reaches_departments_tags_and_users_once(anxun: Running, sim) -> None:
    sim.wecom_parties = {"2": {"zhangsan", "lisi"}, "3": {"wangwu"}}
    sim.wecom_tags = {"7": {"lisi", "zhaoliu"}}
    spec = {
        "account": "minework",
        "text": "今晚 20:00 全员安全例会，请准时参加。",
        "departments": [2, 9],
        "tags": [7],
        "users": ["sunqi"],
        "request_id": "meeting-1",
    }
    status, body = await anxun.admin("POST", "/admin/v1/wecom/announcements", spec)
    # the live status: the sender, woken by the enqueue, may have claimed it already
    assert status == 202 and body["status"] in ("pending", "sending")
    assert (await anxun.admin("POST", "/admin/v1/wecom/announcements", spec))[1]["id"] == body[
        "id"
    ]  # the same request_id is one announcement

    async def done() -> dict | None:
        _, row = await anxun.admin("GET", f"/admin/v1/wecom/announcements/{body['id']}")
        return row if row["status"] == "sent" else None

    row = await eventually(done)
    assert row["note"] == "invalidparty=9"  # WeCom did not know department 9
    [call] = [r for r in sim.log if r.path == SEND]
    assert call.body["toparty"] == "2|9" and call.body["totag"] == "7"
    assert call.body["touser"] == "sunqi" and call.body["enable_duplicate_check"] == 1
    assert sorted(call.answer["reached"]) == ["lisi", "sunqi", "zhangsan", "zhaoliu"]


async def test_a_bad_announcement_says_what_is_wrong(anxun: Running) -> None:
    bad = [
        ({"account": "minework", "text": "x"}, "at least one of users, departments, tags"),
        ({"account": "mine", "text": "x", "users": ["a"]}, "not a WeCom account"),
        ({"account": "minework", "text": "长" * 700, "users": ["a"]}, "2048 bytes"),
        ({"account": "minework", "text": "x", "departments": ["研发部"]}, "departments"),
    ]
    for spec, message in bad:
        status, body = await anxun.admin("POST", "/admin/v1/wecom/announcements", spec)
        assert status == 422 and message in body["message"], body
    assert not await Delivery.filter(kind="announcement").exists()
