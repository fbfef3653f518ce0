"""The callback rows of RELIABILITY.md: retries, replays, downgrades, forged and garbage
ciphertexts, hostile XML, fuzzed messages, a slow handler and a Redis that is down or hung."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from bot.chat.keys import DISPATCHER
from bot.chat.router import Route
from bot.storage.models import CardRead, Delivery, InboundClaim, InboundMessage
from bot.wechat.crypto import sign
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign, eventually

pytestmark = pytest.mark.storage

W1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")


async def bound_and_enrolled(anxun: Running, openid: str = "o-w1"):  # type: ignore[no-untyped-def]
    await create_gas_campaign(anxun)
    user = anxun.user(openid)
    assert "绑定成功" in (await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}") or "")
    return user


async def post(anxun: Running, body: bytes, query: dict[str, str]) -> tuple[int, str]:
    async with anxun.session.post(f"{anxun.base_url}/wx/mine", params=query, data=body) as r:
        return r.status, await r.text()


def signed_garbage(anxun: Running, payload: bytes) -> tuple[bytes, dict[str, str]]:
    ts, nonce = str(anxun.clock.timestamp()), os.urandom(6).hex()
    enc = base64.b64encode(payload).decode()
    body = f"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt></xml>"
    query = {
        "timestamp": ts,
        "nonce": nonce,
        "encrypt_type": "aes",
        "msg_signature": sign("tok", ts, nonce, enc),
        "signature": sign("tok", ts, nonce),
    }
    return body.encode(), query


async def test_ten_retries_five_concurrent_have_one_effect(anxun: Running) -> None:
    user = await bound_and_enrolled(anxun)
    xml = user.text_xml("学习", msg_id=4242)
    sequential = [await user.post(*user.envelope(xml)) for _ in range(5)]
    concurrent = await asyncio.gather(*(user.post(*user.envelope(xml)) for _ in range(5)))
    statuses = [r.status for r in [*sequential, *concurrent]]
    assert statuses == [200] * 10
    assert await CardRead.all().count() == 1


async def test_two_events_in_the_same_second_both_count(anxun: Running) -> None:
    user = await bound_and_enrolled(anxun)
    second = anxun.clock.timestamp()
    first = await user.post(*user.envelope(user.event_xml("CLICK", "STUDY", create_time=second)))
    other = await user.post(*user.envelope(user.event_xml("CLICK", "ME", create_time=second)))
    assert first.text is not None and "今日卡片" in first.text
    assert other.text is not None and other.text != first.text


async def test_future_timestamps_are_refused_too(anxun: Running) -> None:
    user = anxun.user("o-x")
    body, query = user.envelope(user.text_xml("学习"), timestamp=anxun.clock.timestamp() + 301)
    assert (await post(anxun, body, query))[0] == 400
    assert not await InboundClaim.exists()


async def test_downgrade_to_raw_is_refused(anxun: Running) -> None:
    user = await bound_and_enrolled(anxun)
    ts, nonce = str(anxun.clock.timestamp()), "n-raw"
    query = {"signature": sign("tok", ts, nonce), "timestamp": ts, "nonce": nonce}
    body = user.text_xml("学习").encode()
    assert (await post(anxun, body, {**query, "encrypt_type": "raw"}))[0] == 400
    assert (await post(anxun, body, {**query, "nonce": "n-raw2"}))[0] == 400
    assert await CardRead.all().count() == 0


async def test_bit_flips_and_other_accounts_ciphertexts_are_refused(anxun: Running) -> None:
    user = await bound_and_enrolled(anxun)
    body, query = user.envelope(user.text_xml("学习"))
    i = body.index(b"<Encrypt><![CDATA[") + 30
    flipped = body[:i] + bytes([body[i] ^ 0x01]) + body[i + 1 :]
    assert (await post(anxun, flipped, query))[0] == 403  # the signature covers the ciphertext

    account = anxun.config.account("mine")
    assert account is not None
    other_key = base64.b64encode(os.urandom(32)).decode()[:43]
    for foreign in (
        account.model_copy(update={"encoding_aes_key": SecretStr(other_key)}),
        account.model_copy(update={"appid": "wxsomeoneelse0001"}),
    ):
        stranger = type(user)(anxun.session, anxun.base_url, foreign, "o-w1", clock=anxun.clock)
        status, _ = await post(anxun, *stranger.envelope(stranger.text_xml("学习")))
        assert status == 400
    assert await CardRead.all().count() == 0


async def test_thousands_of_signed_garbage_ciphertexts(
    anxun: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    sizes = [0, 1, 15, 16, 17, 31, 32, 33, 48, 64, 100, 255, 256, 1000]
    statuses: dict[int, int] = {}
    for n in range(2000):
        payload = os.urandom(sizes[n % len(sizes)])
        status, _ = await post(anxun, *signed_garbage(anxun, payload))
        statuses[status] = statuses.get(status, 0) + 1
    assert set(statuses) == {400}, statuses
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


HOSTILE = {
    "billion laughs": b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
    b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<xml><Encrypt>&c;</Encrypt></xml>",
    "external entity": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b"<xml><Encrypt>&e;</Encrypt></xml>",
    "undeclared entity": b"<xml><Encrypt>&e;</Encrypt></xml>",
    "deep nesting": b"<xml>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</xml>",
    "huge tag name": b"<xml><" + b"T" * 60000 + b"/></xml>",
    "many attributes": b"<xml " + b" ".join(b'a%d="1"' % i for i in range(5000)) + b"/>",
    "truncated": b"<xml><Encrypt><![CDATA[abc",
    "not utf-8": b"<xml><Encrypt>\xff\xfe</Encrypt></xml>",
    "over the cap": b"<xml><Encrypt>" + b"A" * 70000 + b"</Encrypt></xml>",
}


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_xml_is_refused_fast(anxun: Running, name: str) -> None:
    user = anxun.user("o-x")
    _, query = user.envelope(user.text_xml("学习"))
    started = time.monotonic()
    status, text = await post(anxun, HOSTILE[name], query)
    assert 400 <= status < 500 and "root:" not in text
    assert time.monotonic() - started < 1.0


async def test_a_slow_handler_gets_success_now_and_the_answer_by_push(
    start_anxun: Callable[..., Awaitable[Running]], sim
) -> None:
    anxun = await start_anxun(server={"callback_budget_ms": 300})

    async def slow(ctx):  # type: ignore[no-untyped-def]
        await asyncio.sleep(0.8)
        return "慢慢来的答复"

    anxun.app[DISPATCHER].routes.insert(0, Route(slow, "text", exact=frozenset({"慢"})))
    started = time.monotonic()
    user = anxun.user("o-slow")
    reply = await user.post(*user.envelope(user.text_xml("慢")))
    assert reply.status == 200 and reply.raw == "success"
    assert time.monotonic() - started < 0.6
    late = await eventually(lambda: sim.sent("/custom/send", touser="o-slow"))
    assert late[0].body["text"]["content"] == "慢慢来的答复"
    assert await Delivery.filter(kind="late_reply", status="sent").count() == 1


@pytest.fixture
async def hung_redis() -> AsyncIterator[str]:
    """A TCP server that accepts and never answers: Redis under SIGSTOP, as a client sees it."""
    held: list[asyncio.StreamWriter] = []

    async def accept(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"redis://127.0.0.1:{port}/0"
    for w in held:
        w.close()
    server.close()


@pytest.mark.parametrize("where", ["down", "hung"])
async def test_without_redis_callbacks_answer_and_the_database_dedups(
    start_anxun: Callable[..., Awaitable[Running]], hung_redis: str, where: str
) -> None:
    url = "redis://127.0.0.1:1/0" if where == "down" else hung_redis
    anxun = await start_anxun(redis={"url": url})
    user = await bound_and_enrolled(anxun)
    xml = user.text_xml("学习", msg_id=99001)
    started = time.monotonic()
    replies = [await user.post(*user.envelope(xml)) for _ in range(3)]
    per_callback = (time.monotonic() - started) / 3
    assert all(r.status == 200 for r in replies)
    assert replies[0].text is not None and "今日卡片" in replies[0].text
    assert per_callback < 4.5
    assert await CardRead.all().count() == 1
    assert [r.text for r in replies[1:]] == [replies[0].text] * 2  # retries get the same reply
    assert await InboundMessage.filter(key__contains="99001").count() == 1


FIELD_NAMES = st.sampled_from(
    [
        "MsgType",
        "Content",
        "MsgId",
        "Event",
        "EventKey",
        "CreateTime",
        "FromUserName",
        "ToUserName",
        "PicUrl",
        "MediaId",
        "Latitude",
        "Ticket",
        "x",
        "Encrypt",
    ]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["text", "event", "image", "voice", "CLICK", "subscribe", "学习", "答题", "A"]),
    st.integers(-(2**63), 2**64).map(str),
)


def _xml(fields: dict[str, str]) -> str:
    inner = "".join(f"<{k}><![CDATA[{v.replace(']]>', '')}]]></{k}>" for k, v in fields.items())
    return f"<xml>{inner}</xml>"


# A message with every field WeChat always sends, the values and extra fields fuzzed: most of
# these parse, so the handlers behind the crypto get fuzzed too, not only the parser.
WELL_FORMED = st.fixed_dictionaries(
    {
        "ToUserName": VALUES,
        "FromUserName": st.text(min_size=1, max_size=40).filter(str.strip),
        "CreateTime": st.integers(0, 2**40).map(str),
        "MsgType": st.sampled_from(["text", "event", "image", "voice", "location", "link"]),
    },
    optional={"Content": VALUES, "Event": VALUES, "EventKey": VALUES, "MsgId": VALUES},
)
FUZZ_XML = st.one_of(
    st.text(max_size=200),
    st.dictionaries(FIELD_NAMES, VALUES, max_size=8).map(_xml),
    WELL_FORMED.map(_xml),
)
VALID = _xml(
    {
        "ToUserName": "gh",
        "FromUserName": "o-fuzz",
        "CreateTime": "1",
        "MsgType": "text",
        "Content": "学习",
        "MsgId": "1",
    }
)


async def test_fuzzed_inner_xml_behind_valid_crypto(anxun: Running) -> None:
    user = await bound_and_enrolled(anxun)
    assert user.crypto is not None
    loop = asyncio.get_running_loop()
    seen: dict[int, int] = {}

    @settings(max_examples=300, deadline=None, database=None)
    @given(FUZZ_XML)
    @example(VALID)  # at least one message goes all the way through, whatever is generated
    def one(inner: str) -> None:
        ts, nonce = str(anxun.clock.timestamp()), os.urandom(6).hex()
        sealed = user.crypto.encrypt_message(inner, nonce, ts)
        fields = {"Encrypt": sealed.split("<Encrypt><![CDATA[")[1].split("]]>")[0]}
        body = f"<xml><Encrypt><![CDATA[{fields['Encrypt']}]]></Encrypt></xml>".encode()
        query = {
            "timestamp": ts,
            "nonce": nonce,
            "encrypt_type": "aes",
            "msg_signature": sign("tok", ts, nonce, fields["Encrypt"]),
        }
        status, _ = asyncio.run_coroutine_threadsafe(post(anxun, body, query), loop).result(5)
        assert status < 500
        seen[status] = seen.get(status, 0) + 1

    await asyncio.to_thread(one)
    assert sum(seen.values()) >= 100 and 200 in seen and 400 in seen, seen
