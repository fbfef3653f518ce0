"""A fake WeChat user: posts correctly signed callbacks (plaintext or safe mode) to a running
anxun and decrypts the passive reply, as WeChat's servers would."""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import aiohttp
from wechatpy.crypto import WeChatCrypto
from wechatpy.work.crypto import PrpCrypto as WorkPrpCrypto
from wechatpy.work.crypto import WeChatCrypto as WorkWeChatCrypto

from bot.config import AccountConfig
from bot.wechat.crypto import nested_items, parse_xml_flat, sign

_msg_ids = itertools.count(int(time.time() * 1000) % 10**12 * 1000)


@dataclass
class Reply:
    status: int
    text: str | None  # the reply's Content, or None for "success"/empty
    raw: str


class FakeUser:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        account: AccountConfig,
        openid: str,
        clock: Any = None,
    ) -> None:
        self.session = session
        self.url = f"{base_url.rstrip('/')}/wx/{account.name}"
        self.account = account
        self.openid = openid
        self.clock = clock
        self.token = account.token.get_secret_value() if account.token else ""
        key = account.encoding_aes_key
        kind = WorkWeChatCrypto if account.kind == "wecom" else WeChatCrypto
        self.crypto = kind(self.token, key.get_secret_value(), account.appid) if key else None

    def _now(self) -> int:
        return self.clock.timestamp() if self.clock is not None else int(time.time())

    def message_xml(
        self,
        msg_type: str,
        fields: dict[str, str],
        create_time: int | None = None,
        raw: str = "",
    ) -> str:
        """The inner message; `raw` is XML appended as it is (nested event lists)."""
        wecom = self.account.kind == "wecom"
        base = {
            "ToUserName": self.account.appid if wecom else "gh_anxun",
            "FromUserName": self.openid,
            "CreateTime": str(create_time or self._now()),
            "MsgType": msg_type,
            **fields,
            **({"AgentID": str(self.account.agent_id)} if wecom else {}),
        }
        return (
            "<xml>"
            + "".join(f"<{k}><![CDATA[{escape(v)}]]></{k}>" for k, v in base.items())
            + raw
            + "</xml>"
        )

    def text_xml(self, content: str, msg_id: int | None = None) -> str:
        return self.message_xml(
            "text", {"Content": content, "MsgId": str(msg_id or next(_msg_ids))}
        )

    def image_xml(self, pic_url: str, media_id: str, msg_id: int | None = None) -> str:
        """A photo the user sent: WeChat hosts it at PicUrl; MediaId fetches it for three days."""
        fields = {"PicUrl": pic_url, "MediaId": media_id, "MsgId": str(msg_id or next(_msg_ids))}
        return self.message_xml("image", fields)

    def event_xml(self, event: str, key: str = "", create_time: int | None = None) -> str:
        fields = {"Event": event, **({"EventKey": key} if key else {})}
        return self.message_xml("event", fields, create_time)

    def envelope(
        self, xml: str, timestamp: int | None = None, nonce: str | None = None
    ) -> tuple[bytes, dict[str, str]]:
        """The body and query string WeChat would send for this inner message."""
        ts, nonce = str(timestamp or self._now()), nonce or secrets.token_hex(8)
        query = {
            "signature": sign(self.token, ts, nonce),
            "timestamp": ts,
            "nonce": nonce,
            "openid": self.openid,
        }
        if self.account.mode == "plain" or self.crypto is None:
            return xml.encode(), query
        sealed = parse_xml_flat(self.crypto.encrypt_message(xml, nonce, ts).encode())
        encrypt = f"<Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt>"
        if self.account.kind == "wecom":  # WeCom: no plaintext signature, no encrypt_type
            query = {k: query[k] for k in ("timestamp", "nonce")}
            query["msg_signature"] = sealed["MsgSignature"]
            body = f"<xml><ToUserName><![CDATA[{self.account.appid}]]></ToUserName>{encrypt}"
            body += f"<AgentID><![CDATA[{self.account.agent_id}]]></AgentID></xml>"
            return body.encode(), query
        if self.account.mode == "compatible":  # 兼容模式: the plaintext fields and the ciphertext
            body = xml.replace("</xml>", encrypt + "</xml>")
        else:
            body = f"<xml><ToUserName><![CDATA[gh_anxun]]></ToUserName>{encrypt}</xml>"
        query.update(encrypt_type="aes", msg_signature=sealed["MsgSignature"])
        return body.encode(), query

    def url_check_query(self, echo: str, timestamp: int | None = None) -> dict[str, str]:
        """The query of the console's URL check: an official account signs a plain `echostr`;
        a WeCom app encrypts it and signs the ciphertext (`msg_signature`)."""
        ts, nonce = str(timestamp or self._now()), secrets.token_hex(8)
        if self.account.kind != "wecom":
            return {
                "signature": sign(self.token, ts, nonce),
                "timestamp": ts,
                "nonce": nonce,
                "echostr": echo,
            }
        assert self.crypto is not None
        encrypted = WorkPrpCrypto(self.crypto.key).encrypt(echo, self.account.appid)
        encrypted = encrypted.decode() if isinstance(encrypted, bytes) else str(encrypted)
        return {
            "msg_signature": sign(self.token, ts, nonce, encrypted),
            "timestamp": ts,
            "nonce": nonce,
            "echostr": encrypted,
        }

    async def url_check(self, echo: str) -> tuple[int, str]:
        async with self.session.get(self.url, params=self.url_check_query(echo)) as resp:
            return resp.status, await resp.text()

    async def post(self, body: bytes, query: dict[str, str]) -> Reply:
        async with self.session.post(
            self.url, params=query, data=body, headers={"Content-Type": "text/xml"}
        ) as resp:
            raw = await resp.text()
            return Reply(
                resp.status, self.open_reply(raw, query) if resp.status == 200 else None, raw
            )

    def open_reply(self, raw: str, query: dict[str, str]) -> str | None:
        if not raw or raw == "success":
            return None
        fields = parse_xml_flat(raw.encode())
        if "Encrypt" in fields:
            assert self.crypto is not None
            inner = self.crypto.decrypt_message(
                raw, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"]
            )
            fields = parse_xml_flat(inner.encode())
        if fields.get("MsgType") == "news":  # title, description and link, one per line
            articles = nested_items(fields, "Articles", "item")
            return "\n".join(f"{a['Title']}\n{a['Description']}\n{a['Url']}" for a in articles)
        return fields.get("Content")

    async def say(self, content: str) -> str | None:
        reply = await self.post(*self.envelope(self.text_xml(content)))
        return reply.text

    async def image(self, pic_url: str, media_id: str = "") -> str | None:
        media_id = media_id or "media-" + secrets.token_hex(8)
        reply = await self.post(*self.envelope(self.image_xml(pic_url, media_id)))
        return reply.text

    async def event(self, event: str, key: str = "") -> str | None:
        reply = await self.post(*self.envelope(self.event_xml(event, key)))
        return reply.text
