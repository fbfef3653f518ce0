"""Callback crypto around wechatpy's offline parts: signatures, AES envelope, safe XML parsing.

Every failure raises CallbackRejected; nothing here lets a wechatpy or expat exception escape.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from typing import Any
from xml.parsers import expat

from wechatpy import parse_message
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException
from wechatpy.messages import BaseMessage
from wechatpy.replies import BaseReply
from wechatpy.work.crypto import PrpCrypto as WorkPrpCrypto
from wechatpy.work.crypto import WeChatCrypto as WorkWeChatCrypto
from wechatpy.work.exceptions import InvalidCorpIdException

from bot.config import AccountConfig
from bot.errors import CallbackRejected

MAX_DEPTH = 4
# Every error wechatpy's decrypt or parser is known to raise on hostile input (RELIABILITY.md).
_DECODE_ERRORS = (
    struct.error,
    UnicodeDecodeError,
    IndexError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    binascii.Error,
    expat.ExpatError,
    InvalidAppIdException,
    InvalidCorpIdException,
)


def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def signature_ok(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


def parse_xml_flat(body: bytes) -> dict[str, str]:
    """Parse a callback envelope or message strictly: no DTD, no entities, shallow.

    The root's children map to their text. Leaves nested deeper (the lists of subscribe-message
    events, for instance) are kept under a path key such as
    "SubscribeMsgPopupEvent[0]/List[1]/TemplateId[0]" (read them with `nested_items`)."""
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise CallbackRejected("DOCTYPE and entities are not accepted")
    parser = expat.ParserCreate(encoding="utf-8")
    result: dict[str, str] = {}
    path: list[str] = []  # "Name[i]" of each open element below the root
    siblings: list[dict[str, int]] = [{}]  # per open element: how many children of each name
    leaf: list[bool] = []
    text: list[str] = []

    def start(name: str, _attrs: dict[str, str]) -> None:
        if len(leaf) + 1 > MAX_DEPTH:
            raise CallbackRejected("XML nested too deeply")
        if leaf:
            leaf[-1] = False  # the parent has a child: not a leaf
            index = siblings[-1].get(name, 0)
            siblings[-1][name] = index + 1
            path.append(f"{name}[{index}]")
        leaf.append(True)
        siblings.append({})
        text.clear()

    def end(name: str) -> None:
        depth = len(leaf)
        was_leaf = leaf.pop()
        siblings.pop()
        if depth == 2:
            result[name] = "".join(text) if was_leaf else ""
        elif depth > 2 and was_leaf:
            result["/".join(path)] = "".join(text)
        if depth > 1:
            path.pop()
        text.clear()

    def chars(data: str) -> None:
        text.append(data)

    def refuse(*_args: Any) -> None:
        raise CallbackRejected("DTD declarations are not accepted")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(body, True)
    except CallbackRejected:
        raise
    except (expat.ExpatError, ValueError, RecursionError) as err:
        raise CallbackRejected(f"malformed XML: {err}") from None
    return result


def nested_items(fields: dict[str, str], parent: str, item: str) -> list[dict[str, str]]:
    """The `item` elements inside the root child `parent`, each as {leaf name: text}."""
    items: dict[int, dict[str, str]] = {}
    prefix = f"{parent}[0]/{item}["
    for key, value in fields.items():
        if key.startswith(prefix):
            index, _, rest = key[len(prefix) :].partition("]/")
            name = rest.rpartition("[")[0]
            if index.isdigit() and name and "/" not in name:
                items.setdefault(int(index), {})[name] = value
    return [items[i] for i in sorted(items)]


class AccountCrypto:
    """Verification and envelope handling for one official account."""

    def __init__(self, account: AccountConfig) -> None:
        self.account = account
        self.token = account.token.get_secret_value() if account.token else ""
        self._aes_key: bytes | None = None
        self._crypto: WeChatCrypto | None = None
        if account.encoding_aes_key is not None:
            raw = account.encoding_aes_key.get_secret_value()
            self._aes_key = base64.b64decode(raw + "=")
            kind = WorkWeChatCrypto if self.wecom else WeChatCrypto
            self._crypto = kind(self.token, raw, account.appid)

    @property
    def wecom(self) -> bool:
        return self.account.kind == "wecom"

    @property
    def safe(self) -> bool:
        return self.account.mode == "safe"

    def encrypted(self, query: dict[str, str]) -> bool:
        """Whether this callback is (and its reply must be) AES-encrypted: always in safe mode,
        in compatible mode when WeChat says so, never in plain mode."""
        if self.wecom:
            return True  # WeCom always encrypts, and says nothing about it in the query
        if self.account.mode == "plain":
            return False
        return self.safe or query.get("encrypt_type") == "aes"

    def check_url(self, signature: str, timestamp: str, nonce: str) -> bool:
        return signature_ok(sign(self.token, timestamp, nonce), signature)

    def url_echo(self, query: dict[str, str]) -> str | None:
        """The answer to the console's URL check, or None if it is not genuine.

        An official account echoes `echostr` after checking `signature`; a WeCom app checks
        `msg_signature` over the encrypted `echostr` and answers with its decrypted content."""
        timestamp, nonce, echo = (query.get(k, "") for k in ("timestamp", "nonce", "echostr"))
        if not self.wecom:
            return echo if self.check_url(query.get("signature", ""), timestamp, nonce) else None
        if not echo or not signature_ok(
            sign(self.token, timestamp, nonce, echo), query.get("msg_signature", "")
        ):
            return None
        assert self._aes_key is not None
        try:
            return str(WorkPrpCrypto(self._aes_key).decrypt(echo, self.account.appid))
        except _DECODE_ERRORS:
            return None

    def open(self, body: bytes, query: dict[str, str]) -> dict[str, str]:
        """Verify and, in safe mode, decrypt a callback body; return the flat inner message."""
        timestamp, nonce = query.get("timestamp", ""), query.get("nonce", "")
        if self.encrypted(query):
            if "msg_signature" not in query or not (
                self.wecom or query.get("encrypt_type") == "aes"
            ):
                raise CallbackRejected("safe-mode account refuses an unencrypted callback")
            envelope = parse_xml_flat(body)
            encrypted = envelope.get("Encrypt")
            if not encrypted:
                raise CallbackRejected("no Encrypt element")
            expected = sign(self.token, timestamp, nonce, encrypted)
            if not signature_ok(expected, query["msg_signature"]):
                raise CallbackRejected("bad msg_signature")
            assert self._aes_key is not None
            try:
                prp = WorkPrpCrypto if self.wecom else PrpCrypto
                inner = prp(self._aes_key).decrypt(encrypted, self.account.appid)
                inner_bytes = inner.encode()
            except _DECODE_ERRORS as err:
                raise CallbackRejected(f"cannot decrypt: {type(err).__name__}") from None
            return parse_xml_flat(inner_bytes)
        if not self.check_url(query.get("signature", ""), timestamp, nonce):
            raise CallbackRejected("bad signature")
        return parse_xml_flat(body)

    def seal(self, reply: BaseReply, query: dict[str, str]) -> str:
        """Render the passive reply, in the signed AES envelope when the callback was encrypted."""
        xml = reply.render()
        nonce, timestamp = query.get("nonce", ""), query.get("timestamp", "")
        if self.encrypted(query):
            assert self._crypto is not None
            return str(self._crypto.encrypt_message(xml, nonce, timestamp))
        return str(xml)


def to_message(fields: dict[str, str]) -> BaseMessage:
    """Turn the flat verified fields into a wechatpy message object."""
    try:
        message = parse_message(_rebuild(fields))
    except _DECODE_ERRORS as err:
        raise CallbackRejected(f"unparseable message: {type(err).__name__}") from None
    if message is None or not getattr(message, "source", None):
        raise CallbackRejected("message without sender")
    return message


def _rebuild(fields: dict[str, str]) -> str:
    from xml.sax.saxutils import escape

    inner = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in fields.items() if k.isidentifier())
    return f"<xml>{inner}</xml>"
