"""The callback's defences, each over real HTTP: URL check, signatures, safe mode, freshness,
replays, duplicates, malformed bodies. Every refusal is a 4xx (or "success"), never a 5xx."""

from __future__ import annotations

import pytest

from bot.storage.models import CardRead, Identity, InboundClaim, InboundMessage
from bot.wechat.crypto import sign
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign

pytestmark = pytest.mark.storage

W1 = {r.employee_no: r for r in load_enterprise().roster}["HQ0005"]


async def status_of(anxun: Running, body: bytes, query: dict[str, str], account: str = "mine"):
    url = f"{anxun.base_url}/wx/{account}"
    async with anxun.session.post(url, params=query, data=body) as resp:
        return resp.status, await resp.text()


async def test_url_check_echoes_only_with_a_good_signature(anxun: Running) -> None:
    ts = str(anxun.clock.timestamp())
    good = {"signature": sign("tok", ts, "n1"), "timestamp": ts, "nonce": "n1", "echostr": "e42"}
    async with anxun.session.get(f"{anxun.base_url}/wx/mine", params=good) as resp:
        assert resp.status == 200 and await resp.text() == "e42"
    bad = {**good, "signature": "0" * 40}
    async with anxun.session.get(f"{anxun.base_url}/wx/mine", params=bad) as resp:
        assert resp.status == 403
    async with anxun.session.get(f"{anxun.base_url}/wx/nosuch", params=good) as resp:
        assert resp.status == 404


async def test_plain_account_round_trip(anxun: Running) -> None:
    reply = await anxun.user("o-p", account="plainmine").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def test_safe_account_refuses_plaintext(anxun: Running) -> None:
    user = anxun.user("o-x")
    xml = user.text_xml(f"绑定 {W1.name} {W1.id_number[-6:]}")
    ts = str(anxun.clock.timestamp())
    query = {"signature": sign("tok", ts, "n2"), "timestamp": ts, "nonce": "n2"}
    status, _ = await status_of(anxun, xml.encode(), query)
    assert status == 400
    assert not await Identity.exists()


async def test_bad_signatures_are_refused(anxun: Running) -> None:
    user = anxun.user("o-x")
    body, query = user.envelope(user.text_xml("学习"))
    assert (await status_of(anxun, body, {**query, "msg_signature": "f" * 40}))[0] == 403
    plain = anxun.user("o-x", account="plainmine")
    body, query = plain.envelope(plain.text_xml("学习"))
    assert (await status_of(anxun, body, {**query, "signature": "f" * 40}, "plainmine"))[0] == 403
    assert not await InboundClaim.exists()


async def test_stale_or_missing_timestamp_is_refused(anxun: Running) -> None:
    user = anxun.user("o-x")
    old = anxun.clock.timestamp() - 301
    body, query = user.envelope(user.text_xml("学习"), timestamp=old)
    assert (await status_of(anxun, body, query))[0] == 400
    body, query = user.envelope(user.text_xml("学习"))
    del query["timestamp"]
    assert (await status_of(anxun, body, query))[0] == 400


async def test_reused_nonce_with_other_content_is_refused(anxun: Running) -> None:
    user = anxun.user("o-x")
    body, query = user.envelope(user.text_xml("学习", msg_id=777001))
    assert (await user.post(body, query)).status == 200
    ts, nonce = int(query["timestamp"]), query["nonce"]
    other, other_query = user.envelope(user.text_xml("答题", msg_id=777002), ts, nonce)
    assert (await user.post(other, other_query)).status == 403


async def test_duplicate_msgid_has_one_effect(anxun: Running) -> None:
    await create_gas_campaign(anxun)
    user = anxun.user("o-w1")
    await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    replies = [
        await user.post(*user.envelope(user.text_xml("学习", msg_id=88001))) for _ in range(3)
    ]
    assert replies[0].text is not None and "今日卡片 1/2" in replies[0].text
    assert [r.text for r in replies[1:]] == [replies[0].text] * 2  # the stored first reply
    assert await CardRead.all().count() == 1


async def test_dedup_rows_are_purged_after_every_retry_window(anxun: Running) -> None:
    from scheduler.service import SCHEDULER

    user = anxun.user("o-purge")
    await user.post(*user.envelope(user.text_xml("帮助", msg_id=88101)))
    assert await InboundMessage.filter(key="msg:mine:88101").exists()
    await anxun.app[SCHEDULER].sync()
    assert await InboundMessage.filter(key="msg:mine:88101").exists()  # still inside the window
    anxun.clock.advance(seconds=2 * 86400 + 60)
    await anxun.app[SCHEDULER].sync()
    assert not await InboundMessage.filter(key="msg:mine:88101").exists()


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not xml at all",
        b"<xml><Encrypt>",
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Encrypt>&a;</Encrypt></xml>',
        b"<xml>" + b"<a>" * 10 + b"</a>" * 10 + b"</xml>",
        b"<xml><Encrypt><![CDATA[bm90IGEgdmFsaWQgY2lwaGVydGV4dA==]]></Encrypt></xml>",
    ],
)
async def test_malformed_bodies_get_a_4xx(anxun: Running, body: bytes) -> None:
    user = anxun.user("o-x")
    _, query = user.envelope(user.text_xml("学习"))
    status, text = await status_of(anxun, body, query)
    assert 400 <= status < 500, (status, text)
    assert "Traceback" not in text


async def test_oversized_body_is_refused(anxun: Running) -> None:
    user = anxun.user("o-x")
    _, query = user.envelope(user.text_xml("学习"))
    status, _ = await status_of(anxun, b"<xml>" + b"x" * 200_000 + b"</xml>", query)
    assert status == 413


async def test_other_message_types_get_the_fallback(anxun: Running) -> None:
    user = anxun.user("o-x")
    xml = user.message_xml("image", {"PicUrl": "http://x/y.jpg", "MediaId": "m", "MsgId": "5"})
    reply = await user.post(*user.envelope(xml))
    assert reply.status == 200 and reply.text == anxun.services.copy.t("help.unknown")


async def test_compatible_mode_answers_each_callback_in_kind(anxun: Running) -> None:
    user = anxun.user("o-c", account="compatmine")
    body, query = user.envelope(user.text_xml(f"绑定 {W1.name} {W1.id_number[-6:]}"))
    assert b"<Content>" in body and b"<Encrypt>" in body  # both forms, as WeChat sends them
    reply = await user.post(body, query)
    assert reply.text is not None and "绑定成功" in reply.text and "<Encrypt>" in reply.raw

    ts = str(anxun.clock.timestamp())
    plain_query = {"signature": sign("tok3", ts, "n-c"), "timestamp": ts, "nonce": "n-c"}
    status, raw = await status_of(anxun, user.text_xml("帮助").encode(), plain_query, "compatmine")
    assert status == 200 and "<Encrypt>" not in raw and "学习" in raw


async def test_compatible_mode_trusts_only_the_ciphertext(anxun: Running) -> None:
    user = anxun.user("o-c", account="compatmine")
    body, query = user.envelope(user.text_xml("帮助"))
    forged = body.replace("帮助".encode(), f"绑定 {W1.name} {W1.id_number[-6:]}".encode())
    reply = await user.post(forged, query)
    assert reply.text is not None and "绑定成功" not in reply.text
    assert not await Identity.exists()
