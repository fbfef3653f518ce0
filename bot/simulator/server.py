"""A fake WeChat API server: tokens, sends, a request log, and injectable errors and delays.

Run it in-process (`async with WeChatSimulator() as sim`) or standalone (`anxun simulator`).
Over HTTP: GET /sim/log, DELETE /sim/log,
POST /sim/faults {"path", "errcode", "times", "delay", "after", "mode": ""|reset|truncated|html}.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.simulator import ladder

# WeChat's own checks on subscribe-message values (a few types; anxun's are in
# bot/wechat/subscribe.py and are tested against these)
_SUBSCRIBE_CHECKS = {
    "thing": lambda v: len(v) <= 20,
    "phrase": lambda v: len(v) <= 5 and all("\u4e00" <= c <= "\u9fff" for c in v),
    "name": lambda v: len(v) <= 10,
    "number": lambda v: len(v) <= 32 and v.replace(".", "", 1).lstrip("-").isdigit(),
    "character_string": lambda v: len(v) <= 32 and v.isascii() and " " not in v,
    "time": lambda v: ":" in v and len(v) <= 64,
    "date": lambda v: "年" in v and "月" in v and "日" in v,
}


def _subscribe_value_problem(keyword: str, value: object) -> str | None:
    check = _SUBSCRIBE_CHECKS.get(keyword.rstrip("0123456789"))
    if not isinstance(value, str) or not value:
        return "is empty"
    if check is None or not check(value):
        return f"is invalid for {keyword}"
    return None


def _custom_body_problem(body: dict[str, Any]) -> str | None:
    """What WeChat would refuse in a customer-service message's body (the kinds anxun sends)."""
    msgtype = str(body["msgtype"])
    inner = body.get(msgtype)
    if not isinstance(inner, dict):
        return f"{msgtype} is missing"
    if msgtype == "text" and not inner.get("content"):
        return "text.content is empty"
    if msgtype == "image" and not inner.get("media_id"):
        return "image.media_id is missing"
    if msgtype == "news":
        articles = inner.get("articles")
        if not isinstance(articles, list) or len(articles) != 1:
            return "news needs exactly one article"
        if not all(isinstance(articles[0].get(k), str) for k in ("title", "url")):
            return "news article needs a title and a url"
    return None


MESSAGE_PATHS = frozenset(
    {
        "/cgi-bin/message/template/send",
        "/cgi-bin/message/custom/send",
        "/cgi-bin/message/subscribe/send",
        "/cgi-bin/message/subscribe/bizsend",
        "/cgi-bin/message/send",
    }
)


@dataclass
class Fault:
    path: str
    errcode: int = 0
    times: int = 1  # how many requests it applies to; -1 for all
    delay: float = 0.0
    after: int = 0  # let this many matching requests pass first
    # how the answer breaks: "" (an errcode), "reset" (the connection is dropped without an
    # answer), "truncated" (half a JSON body), "html" (a gateway error page with status 502)
    mode: str = ""


@dataclass
class Logged:
    path: str
    query: dict[str, str]
    body: Any
    at: float
    answer: dict[str, Any] = field(default_factory=dict)


class WeChatSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, token_ttl: int = 7200) -> None:
        self.host, self.port = host, port
        self.token_ttl = token_ttl
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self.tokens: dict[str, tuple[str, float]] = {}  # token -> (appid, expires_at)
        self.client_msg_ids: set[str] = set()
        self.menus: dict[str, Any] = {}  # access token -> the last menu published with it
        # WeCom: members the corp does not have, and per-(app, member) send times for the limits
        self.wecom_unknown: set[str] = set()
        self.wecom_parties: dict[str, set[str]] = {}  # department id -> member userids
        self.wecom_tags: dict[str, set[str]] = {}  # tag id -> member userids
        self._wecom_sends: dict[tuple[str, str], list[float]] = {}
        self._wecom_recent: dict[tuple[str, str, str], float] = {}  # duplicate-check memory
        # mini-program: one-time login and phone codes, and subscribe grants per (user, template)
        self._login_codes: dict[str, tuple[str, str, float]] = {}  # code -> appid, openid, expiry
        self._phone_codes: dict[str, tuple[str, float]] = {}  # code -> phone, expiry
        self.session_keys: dict[str, str] = {}  # openid -> the session_key handed out last
        self.grants: dict[tuple[str, str], int] = {}  # (openid, template_id) -> sends allowed
        self.qr_scenes: dict[str, str] = {}  # QR ticket -> its scene string
        # the identity ladder (bot/simulator/ladder.py): WeCom's member directory, by lower-case
        # userid, and the face verifications issued, by verify_result
        self.wecom_members: dict[str, dict[str, Any]] = {}
        self.face_results: dict[str, dict[str, Any]] = {}
        self._msgid = itertools.count(1000)
        self._runner: web.AppRunner | None = None
        self.app = self._build()

    # -- control --------------------------------------------------------------------------------

    def inject(
        self,
        path: str,
        errcode: int = 0,
        *,
        times: int = 1,
        delay: float = 0.0,
        after: int = 0,
        mode: str = "",
    ) -> None:
        if mode not in ("", "reset", "truncated", "html"):
            raise ValueError(f"unknown fault mode {mode!r}")
        self.faults.append(Fault(path, errcode, times, delay, after, mode))

    def clear(self) -> None:
        self.log.clear()
        self.faults.clear()

    def sent(self, path: str = "", touser: str | None = None) -> list[Logged]:
        """Messages to `path` that reached the user: accepted (errcode 0), not a duplicate
        (`client_msg_id`, WeCom's duplicate check) nor over WeCom's per-member limit, both of
        which the platform drops silently; optionally for one user."""
        return [
            r
            for r in self.log
            if r.path.endswith(path)
            and "fault" not in r.answer
            and r.answer.get("errcode", 0) == 0
            and not r.answer.get("duplicate")
            and not r.answer.get("dropped")
            and (touser is None or (isinstance(r.body, dict) and r.body.get("touser") == touser))
        ]

    def delivered(self, touser: str | None = None) -> list[Logged]:
        """Messages of any kind that reached the user (template, customer service, subscribe,
        WeCom app message)."""
        return [r for r in self.sent(touser=touser) if r.path in MESSAGE_PATHS]

    def login_code(self, appid: str, openid: str) -> str:
        """What wx.login gives the mini-program of `openid`: a code valid once, for 5 minutes."""
        code = secrets.token_hex(16)
        self._login_codes[code] = (appid, openid, time.time() + 300)
        return code

    def phone_code(self, phone: str) -> str:
        """What the getPhoneNumber button gives the mini-program: a one-time code."""
        code = secrets.token_hex(16)
        self._phone_codes[code] = (phone, time.time() + 300)
        return code

    def grant(self, openid: str, template_id: str, times: int = 1) -> None:
        """The user accepts a subscribe-message prompt `times` times for this template."""
        self.grants[(openid, template_id)] = self.grants.get((openid, template_id), 0) + times

    def add_wecom_member(
        self, userid: str, name: str, *, alias: str = "", mobile: str | None = None
    ) -> None:
        """A member of the corp's directory; `mobile` only when the app may see it."""
        entry: dict[str, Any] = {"name": name, **({"alias": alias} if alias else {})}
        if mobile is not None:
            entry["mobile"] = mobile
        self.wecom_members[userid.lower()] = entry

    def face_verify_result(
        self, appid: str, openid: str, name: str, id_number: str, *, passed: bool = True
    ) -> str:
        """What wx.startFacialRecognitionVerify gives the mini-program `appid` of `openid`
        after verifying the person (name, ID number); `passed=False` for a face that failed."""
        return ladder.issue_face_result(
            self, appid, openid, name, id_number, 0 if passed else 10004
        )

    def expire_tokens(self) -> None:
        self.tokens.clear()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> WeChatSimulator:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> WeChatSimulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- the fake API ---------------------------------------------------------------------------

    def _build(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/cgi-bin/stable_token", self._stable_token)
        app.router.add_post("/cgi-bin/message/template/send", self._template_send)
        app.router.add_post("/cgi-bin/message/custom/send", self._custom_send)
        app.router.add_post("/cgi-bin/menu/create", self._menu_create)
        app.router.add_post("/cgi-bin/qrcode/create", self._qrcode_create)
        app.router.add_get("/sns/jscode2session", self._jscode2session)
        app.router.add_post("/wxa/business/getuserphonenumber", self._phone_number)
        app.router.add_post("/cgi-bin/message/subscribe/send", self._subscribe_send)
        app.router.add_post("/cgi-bin/message/subscribe/bizsend", self._subscribe_send)
        app.router.add_get("/cgi-bin/gettoken", self._wecom_gettoken)
        app.router.add_post("/cgi-bin/message/send", self._wecom_send)
        ladder.add_routes(self, app)
        app.router.add_get("/sim/log", self._get_log)
        app.router.add_delete("/sim/log", self._clear_log)
        app.router.add_post("/sim/faults", self._add_fault)
        return app

    async def _fault(self, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.path != path or fault.times == 0:
                continue
            if fault.after > 0:
                fault.after -= 1
                continue
            if fault.times > 0:
                fault.times -= 1
            if fault.delay:
                await asyncio.sleep(fault.delay)
            return fault
        return None

    async def _handle(self, request: web.Request, answer: Any) -> web.Response:
        body: Any = None
        if request.method == "POST":
            try:
                body = await request.json()
            except (json.JSONDecodeError, UnicodeDecodeError):
                body = None
        entry = Logged(request.path, dict(request.query), body, time.time())
        self.log.append(entry)
        fault = await self._fault(request.path)
        if fault is not None and fault.mode:
            entry.answer = {"fault": fault.mode}
            return self._broken(request, fault.mode)
        if fault is not None and fault.errcode:
            errcode = fault.errcode
            entry.answer = {"errcode": errcode, "errmsg": f"simulated error {errcode}"}
        elif request.method == "GET":
            entry.answer = answer(request, dict(request.query))
        elif not isinstance(body, dict):
            entry.answer = {"errcode": 47001, "errmsg": "data format error"}
        else:
            entry.answer = answer(request, body)
        return web.json_response(entry.answer)

    @staticmethod
    def _broken(request: web.Request, mode: str) -> web.Response:
        if mode == "reset":
            if request.transport is not None:
                request.transport.abort()  # no answer at all: the client sees a reset
            raise ConnectionResetError("simulated reset")
        if mode == "truncated":
            return web.Response(text='{"errcode":0,"errmsg":"o', content_type="application/json")
        return web.Response(
            text="<html>502 Bad Gateway</html>", status=502, content_type="text/html"
        )

    def _check_token(self, request: web.Request) -> dict[str, Any] | None:
        token = request.query.get("access_token", "")
        appid, expires = self.tokens.get(token, ("", 0.0))
        if not appid:
            return {"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"}
        if expires < time.time():
            return {"errcode": 42001, "errmsg": "access_token expired"}
        return None

    async def _stable_token(self, request: web.Request) -> web.Response:
        def answer(_: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            appid = str(body.get("appid", ""))
            if not appid or not body.get("secret"):
                return {"errcode": 40013, "errmsg": "invalid appid"}
            current = [t for t, (a, exp) in self.tokens.items() if a == appid and exp > time.time()]
            if current and not body.get("force_refresh"):
                token = current[0]
            else:
                token = secrets.token_urlsafe(24)
                self.tokens[token] = (appid, time.time() + self.token_ttl)
            return {"access_token": token, "expires_in": self.token_ttl}

        return await self._handle(request, answer)

    async def _template_send(self, request: web.Request) -> web.Response:
        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            if not body.get("touser") or not body.get("template_id"):
                return {"errcode": 40003 if not body.get("touser") else 40037, "errmsg": "invalid"}
            cmid = body.get("client_msg_id")
            if cmid and cmid in self.client_msg_ids:
                return {"errcode": 0, "errmsg": "ok", "msgid": 0, "duplicate": True}
            if cmid:
                self.client_msg_ids.add(cmid)
            return {"errcode": 0, "errmsg": "ok", "msgid": next(self._msgid)}

        return await self._handle(request, answer)

    async def _custom_send(self, request: web.Request) -> web.Response:
        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            if not body.get("touser") or not body.get("msgtype"):
                return {"errcode": 40003, "errmsg": "invalid openid"}
            if (problem := _custom_body_problem(body)) is not None:
                return {"errcode": 44002, "errmsg": problem}
            return {"errcode": 0, "errmsg": "ok"}

        return await self._handle(request, answer)

    async def _menu_create(self, request: web.Request) -> web.Response:
        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            buttons = body.get("button")
            if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
                return {"errcode": 40016, "errmsg": "invalid button size"}
            if any(len(str(b.get("name", "")).encode()) > 16 for b in buttons):
                return {"errcode": 40018, "errmsg": "invalid button name size"}
            self.menus[req.query.get("access_token", "")] = body
            return {"errcode": 0, "errmsg": "ok"}

        return await self._handle(request, answer)

    async def _qrcode_create(self, request: web.Request) -> web.Response:
        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            scene = body.get("action_info", {}).get("scene", {}).get("scene_str")
            expire = body.get("expire_seconds", 60)
            if (
                body.get("action_name") != "QR_STR_SCENE"
                or not isinstance(scene, str)
                or not 1 <= len(scene) <= 64
                or not isinstance(expire, int)
                or not 60 <= expire <= 2592000
            ):
                return {"errcode": 40097, "errmsg": "invalid args"}
            ticket = secrets.token_urlsafe(24)
            self.qr_scenes[ticket] = scene
            return {
                "ticket": ticket,
                "expire_seconds": expire,
                "url": f"http://weixin.qq.com/q/{ticket[:16]}",
            }

        return await self._handle(request, answer)

    # -- mini-program and subscribe messages ----------------------------------------------------

    async def _jscode2session(self, request: web.Request) -> web.Response:
        def answer(_: web.Request, query: dict[str, Any]) -> dict[str, Any]:
            if not query.get("appid") or not query.get("secret"):
                return {"errcode": 40013, "errmsg": "invalid appid"}
            appid, openid, expires = self._login_codes.pop(
                str(query.get("js_code", "")), ("", "", 0.0)
            )
            if not openid or appid != query["appid"]:
                return {"errcode": 40029, "errmsg": "invalid code"}
            if expires < time.time():
                return {"errcode": 40029, "errmsg": "code expired"}
            key = base64.b64encode(secrets.token_bytes(16)).decode()
            self.session_keys[openid] = key
            return {"openid": openid, "session_key": key}

        return await self._handle(request, answer)

    async def _phone_number(self, request: web.Request) -> web.Response:
        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            phone, expires = self._phone_codes.pop(str(body.get("code", "")), ("", 0.0))
            if not phone or expires < time.time():
                return {"errcode": 40029, "errmsg": "invalid code"}
            return {
                "errcode": 0,
                "errmsg": "ok",
                "phone_info": {"phoneNumber": phone, "purePhoneNumber": phone, "countryCode": "86"},
            }

        return await self._handle(request, answer)

    async def _subscribe_send(self, request: web.Request) -> web.Response:
        """subscribe/send (mini-program) and subscribe/bizsend (official account): the data
        must keep each keyword type's rules, and each send uses up one grant."""

        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            touser, template = str(body.get("touser", "")), str(body.get("template_id", ""))
            if not touser or not template:
                return {"errcode": 40003 if not touser else 40037, "errmsg": "invalid"}
            data = body.get("data")
            if not isinstance(data, dict) or not data:
                return {"errcode": 47003, "errmsg": "argument invalid! data is empty"}
            for keyword, item in data.items():
                value = item.get("value") if isinstance(item, dict) else None
                problem = _subscribe_value_problem(str(keyword), value)
                if problem:
                    return {
                        "errcode": 47003,
                        "errmsg": f"argument invalid! data.{keyword}.value {problem}",
                    }
            if self.grants.get((touser, template), 0) <= 0:
                return {"errcode": 43101, "errmsg": "user refuse to accept the msg"}
            self.grants[(touser, template)] -= 1
            return {"errcode": 0, "errmsg": "ok", "msgid": next(self._msgid)}

        return await self._handle(request, answer)

    # -- WeCom ----------------------------------------------------------------------------------

    async def _wecom_gettoken(self, request: web.Request) -> web.Response:
        def answer(_: web.Request, query: dict[str, Any]) -> dict[str, Any]:
            corpid, secret = str(query.get("corpid", "")), str(query.get("corpsecret", ""))
            if not corpid:
                return {"errcode": 40013, "errmsg": "invalid corpid"}
            if not secret:
                return {"errcode": 40001, "errmsg": "invalid secret"}
            token = secrets.token_urlsafe(24)  # one token per app: the secret names the app
            self.tokens[token] = (f"{corpid}:{secret}", time.time() + self.token_ttl)
            return {
                "errcode": 0,
                "errmsg": "ok",
                "access_token": token,
                "expires_in": self.token_ttl,
            }

        return await self._handle(request, answer)

    async def _wecom_send(self, request: web.Request) -> web.Response:
        """message/send to users, departments (`toparty`) and tags (`totag`): unknown targets
        are reported as WeCom does, and the duplicate check and per-member limits (30/min,
        1000/h per app) apply to each member reached; excess is accepted and dropped. The
        answer's (simulator-only) `reached` lists the members who got it."""

        def ids(body: dict[str, Any], name: str) -> list[str]:
            return [x for x in str(body.get(name, "")).split("|") if x]

        def answer(req: web.Request, body: dict[str, Any]) -> dict[str, Any]:
            if (bad := self._check_token(req)) is not None:
                return bad
            if not isinstance(body.get("agentid"), int):
                return {"errcode": 40056, "errmsg": "invalid agentid"}
            users, parties, tags = ids(body, "touser"), ids(body, "toparty"), ids(body, "totag")
            msgtype = str(body.get("msgtype", ""))
            if not (users or parties or tags) or not isinstance(body.get(msgtype), dict):
                return {
                    "errcode": 40008 if users or parties or tags else 41011,
                    "errmsg": "invalid message",
                }
            bad_users = [u for u in users if u in self.wecom_unknown]
            bad_parties = [p for p in parties if p not in self.wecom_parties]
            bad_tags = [t for t in tags if t not in self.wecom_tags]
            members = {u for u in users if u not in self.wecom_unknown}
            for party in parties:
                members |= self.wecom_parties.get(party, set())
            for tag in tags:
                members |= self.wecom_tags.get(tag, set())
            if not members:
                return {"errcode": 81013, "errmsg": "user & party & tag all invalid"}
            owner = self.tokens[req.query.get("access_token", "")][0]  # corpid:secret, one app
            app = f"{owner}:{body['agentid']}"
            now = time.time()
            content = json.dumps(body.get(msgtype), sort_keys=True, ensure_ascii=False)
            result: dict[str, Any] = {"errcode": 0, "errmsg": "ok", "msgid": str(next(self._msgid))}
            for name, unknown in (
                ("invaliduser", bad_users),
                ("invalidparty", bad_parties),
                ("invalidtag", bad_tags),
            ):
                if unknown:
                    result[name] = "|".join(unknown)
            reached = []
            for user in sorted(members):
                if body.get("enable_duplicate_check"):
                    window = int(body.get("duplicate_check_interval", 1800))
                    seen = self._wecom_recent.get((app, user, content), 0.0)
                    self._wecom_recent[(app, user, content)] = now
                    if now - seen < window:
                        result["duplicate"] = True
                        continue
                sends = [t for t in self._wecom_sends.get((app, user), []) if now - t < 3600]
                if sum(1 for t in sends if now - t < 60) >= 30 or len(sends) >= 1000:
                    result["dropped"] = True
                    continue
                sends.append(now)
                self._wecom_sends[(app, user)] = sends
                reached.append(user)
            result["reached"] = reached
            return result

        return await self._handle(request, answer)

    async def _get_log(self, request: web.Request) -> web.Response:
        return web.json_response(
            [
                {"path": r.path, "query": r.query, "body": r.body, "at": r.at, "answer": r.answer}
                for r in self.log
            ]
        )

    async def _clear_log(self, request: web.Request) -> web.Response:
        self.clear()
        return web.json_response({"ok": True})

    async def _add_fault(self, request: web.Request) -> web.Response:
        try:
            spec = await request.json()
            self.inject(
                str(spec["path"]),
                int(spec.get("errcode", 0)),
                times=int(spec.get("times", 1)),
                delay=float(spec.get("delay", 0)),
                after=int(spec.get("after", 0)),
                mode=str(spec.get("mode", "")),
            )
        except (ValueError, KeyError, TypeError):
            return web.json_response(
                {"error": "expected {path, errcode?, times?, delay?, after?, mode?}"}, status=400
            )
        return web.json_response({"ok": True})
