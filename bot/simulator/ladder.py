"""The simulator's identity-ladder APIs: WeCom's member directory (`user/get`) and WeChat's
face-verification results (`cityservice/face/identify/getinfo`).

A test sets the directory per test (`sim.wecom_members[userid] = {...}`, or
`sim.add_wecom_member`); a member it does not list answers with just its userid, as a member
whose directory entry the app may not read in detail would (WeCom's `wecom_unknown` members
answer 60111). A face verification is issued with `sim.face_verify_result(openid, name,
id_number)`: its `verify_result` is what wx.startFacialRecognitionVerify would give the
mini-program, valid for that openid's mini-program only.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from bot.simulator.server import WeChatSimulator

FACE_RESULT_TTL_S = 3600


def add_routes(sim: WeChatSimulator, app: web.Application) -> None:
    async def member(request: web.Request) -> web.Response:
        return await sim._handle(request, lambda req, query: _member(sim, req, query))

    async def face(request: web.Request) -> web.Response:
        return await sim._handle(request, lambda req, body: _face(sim, req, body))

    app.router.add_get("/cgi-bin/user/get", member)
    app.router.add_post("/cityservice/face/identify/getinfo", face)


def _member(sim: WeChatSimulator, request: web.Request, query: dict[str, Any]) -> dict[str, Any]:
    if (bad := sim._check_token(request)) is not None:
        return bad
    userid = str(query.get("userid", ""))
    if not userid or userid in sim.wecom_unknown:
        return {"errcode": 60111, "errmsg": "invalid string value `userid`. userid not found"}
    entry = sim.wecom_members.get(userid.lower(), {"name": userid})
    # WeCom answers only the fields it has (no mobile for an app that may not see it)
    return {"errcode": 0, "errmsg": "ok", "userid": userid, "department": [1], **entry}


def _face(sim: WeChatSimulator, request: web.Request, body: dict[str, Any]) -> dict[str, Any]:
    if (bad := sim._check_token(request)) is not None:
        return bad
    appid = sim.tokens[request.query.get("access_token", "")][0]
    issued = sim.face_results.get(str(body.get("verify_result", "")))
    if issued is None or issued["appid"] != appid or issued["expires"] < time.time():
        return {"errcode": 40097, "errmsg": "invalid args: verify_result"}
    return {"errcode": 0, "errmsg": "ok", **issued["answer"]}


def issue_face_result(
    sim: WeChatSimulator, appid: str, openid: str, name: str, id_number: str, identify_ret: int
) -> str:
    verify_result = secrets.token_urlsafe(32)
    now = int(time.time())
    sim.face_results[verify_result] = {
        "appid": appid,
        "expires": now + FACE_RESULT_TTL_S,
        "answer": {
            "identify_ret": identify_ret,
            "identify_time": now,
            "validate_data": "",
            "openid": openid,
            "user_id_key": secrets.token_hex(16),
            "finish_time": now,
            "id_card_number_md5": _md5(id_number.upper()),
            "name_utf8_md5": _md5(name),
        },
    }
    return verify_result


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()
