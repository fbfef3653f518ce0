"""Channel state kept from WeChat's own events: follows, the contact window, template receipts."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.storage.models import Delivery, Identity
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, age_contacts, create_gas_campaign, eventually

pytestmark = pytest.mark.storage

GAS = [r for r in load_enterprise().roster if r.job == "gas_inspector" and r.department == "tf-1"]
TEMPLATE = "/cgi-bin/message/template/send"


async def bind_two(anxun: Running) -> int:
    for openid, row in (("o-w1", GAS[0]), ("o-w2", GAS[1])):
        reply = await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")
        assert reply is not None and "绑定成功" in reply
    return await create_gas_campaign(anxun)


async def test_an_unfollow_stops_pushes_without_asking_wechat(anxun: Running, sim) -> None:
    campaign_id = await bind_two(anxun)
    reply = await anxun.user("o-w1").event("unsubscribe")
    assert reply is None
    assert not (await Identity.get(openid="o-w1")).followed

    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 2
    await eventually(lambda: sim.delivered("o-w2"))
    dropped = await eventually(
        lambda: Delivery.get_or_none(worker__employee_no=GAS[0].employee_no, status="dropped")
    )
    assert dropped.last_error.startswith("unreachable")
    assert [r for r in sim.log if r.body and r.body.get("touser") == "o-w1"] == []  # never asked

    # following again (any message proves it) restores pushes from the next day
    await anxun.user("o-w1").event("subscribe")
    assert (await Identity.get(openid="o-w1")).followed
    anxun.clock.set(datetime(2026, 11, 24, 8, 0, 1, tzinfo=TZ))
    assert await anxun.app[SCHEDULER].fire_push(campaign_id) == 2
    await eventually(lambda: sim.delivered("o-w1"))


async def test_43004_marks_the_worker_unfollowed(anxun: Running, sim) -> None:
    campaign_id = await bind_two(anxun)
    sim.inject(TEMPLATE, 43004)  # the first send: WeChat says this user does not follow
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    await age_contacts(anxun)
    await anxun.app[SCHEDULER].fire_push(campaign_id)
    await eventually(lambda: Identity.filter(followed=False).exists())
    assert await Identity.filter(followed=False).count() == 1


async def test_template_receipts_are_recorded_and_not_answered(anxun: Running, sim) -> None:
    campaign_id = await bind_two(anxun)
    anxun.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    await age_contacts(anxun)
    await anxun.app[SCHEDULER].fire_push(campaign_id)

    async def both_sent() -> list[Delivery] | None:
        rows = await Delivery.filter(status="sent")
        return rows if len(rows) == 2 else None

    rows = {d.openid: d for d in await eventually(both_sent)}
    second = anxun.clock.timestamp()
    for openid, status in (("o-w1", "success"), ("o-w2", "failed:user block")):
        user = anxun.user(openid)
        fields = {
            "Event": "TEMPLATESENDJOBFINISH",
            "MsgID": rows[openid].wechat_msgid,
            "Status": status,
        }
        reply = await user.post(*user.envelope(user.message_xml("event", fields, second)))
        assert reply.status == 200 and reply.raw == "success"
    receipts = {d.openid: d.receipt for d in await Delivery.filter(status="sent")}
    assert receipts == {"o-w1": "success", "o-w2": "failed:user block"}


async def test_contact_time_is_written_at_most_every_ten_minutes(anxun: Running) -> None:
    await bind_two(anxun)
    first = (await Identity.get(openid="o-w1")).last_contact_at
    assert first == anxun.clock.now()
    anxun.clock.advance(minutes=5)
    await anxun.user("o-w1").say("帮助")
    assert (await Identity.get(openid="o-w1")).last_contact_at == first
    anxun.clock.advance(minutes=6)
    await anxun.user("o-w1").say("帮助")
    assert (await Identity.get(openid="o-w1")).last_contact_at == anxun.clock.now()
