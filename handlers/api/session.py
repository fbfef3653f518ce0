"""POST /api/v1/session (wx.login), /api/v1/bind (roster), /api/v1/bind/phone (phone number),
/api/v1/bind/face (face verification, when enabled), /api/v1/subscriptions (subscribe-message
grants)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import bearer_token, parse_body
from bot.apidoc import Out, operation, respond
from bot.campaigns.alerts import forward_locks
from bot.context import Services
from bot.delivery.channels import add_grants
from bot.errors import AnxunError, Conflict, Forbidden, InvalidInput, NotFound, WeChatAPIError
from bot.keys import SERVICES
from bot.people import sessions
from bot.people.face import bind_by_face
from bot.people.identity import BindOutcome, bind_by_phone, bind_by_roster
from bot.storage.models import Identity

routes = web.RouteTableDef()


class LoginIn(BaseModel):
    account: str = Field(min_length=1, max_length=32)  # the mini-program's account name
    code: str = Field(min_length=1, max_length=128)  # from wx.login()


class BindIn(BaseModel):
    name: str = Field(min_length=1, max_length=32)
    id_tail: str = Field(min_length=1, max_length=8)  # last six characters of the ID number


class PhoneIn(BaseModel):
    code: str = Field(min_length=1, max_length=128)  # from the getPhoneNumber button


class FaceIn(BaseModel):
    # what wx.startFacialRecognitionVerify returned as `verifyResult`
    verify_result: str = Field(min_length=1, max_length=512)


class GrantsIn(BaseModel):
    accepted: list[str] = Field(max_length=20)  # template ids the user accepted


class BoundWorkerOut(Out):
    name: str
    employee_no: str
    job: str
    team: str
    identity_level: int


class LoginOut(Out):
    token: str
    expires_at: datetime
    bound: bool
    worker: BoundWorkerOut | None


class BoundOut(Out):
    bound: bool
    worker: BoundWorkerOut


class GrantsOut(Out):
    grants: dict[str, int] = Field(description="template id -> messages it now allows")


BIND_ERRORS = (403, 404, 409)  # mismatch/locked, not on the roster, bound to another worker


async def worker_json(identity: Identity | None) -> dict[str, Any] | None:
    if identity is None:
        return None
    worker = identity.worker
    await worker.fetch_related("job", "department")
    return {
        "name": worker.name,
        "employee_no": worker.employee_no,
        "job": worker.job.name,
        "team": worker.department.name,
        "identity_level": identity.level,
    }


@routes.post("/api/v1/session")
@operation(
    "Log in with wx.login's code: anxun's own session token",
    security="none",
    body=LoginIn,
    responses={200: LoginOut},
    errors=(401, 503),
)
async def login(request: web.Request) -> web.Response:
    services: Services = request.app[SERVICES]
    body = await parse_body(request, LoginIn)
    account = services.config.account(body.account)
    if account is None or account.kind != "miniapp":
        raise InvalidInput(f"unknown mini-program account {body.account!r}")
    token, expires_at = await sessions.login(services, account, body.code)
    found = await sessions.lookup(services, token)
    worker = await worker_json(found.identity)
    return respond(
        LoginOut,
        {"token": token, "expires_at": expires_at, "bound": worker is not None, "worker": worker},
    )


# a binding outcome's answer: (error, copy key, code); bind.* keys by status otherwise
_BIND_ERRORS: dict[str, tuple[type[AnxunError], str, str]] = {
    "no_match": (NotFound, "api.phone_not_on_roster", "phone_not_on_roster"),
    "conflict": (Conflict, "api.phone_of_another_worker", "conflict"),
    "usage": (InvalidInput, "bind.usage", "usage"),
    "locked": (Forbidden, "bind.locked", "locked"),
    "disabled": (Forbidden, "ladder.face_disabled", "face_disabled"),
    "failed": (Forbidden, "ladder.face_failed", "face_failed"),
    "face_no_match": (NotFound, "ladder.face_not_on_roster", "face_not_on_roster"),
    "face_conflict": (Conflict, "ladder.face_conflict", "conflict"),
}


def _bind_error(services: Services, outcome: BindOutcome) -> AnxunError:
    copy = services.copy
    if outcome.status == "mismatch":
        return Forbidden(copy.t("bind.mismatch", left=outcome.left), code="mismatch")
    error, key, code = _BIND_ERRORS.get(
        outcome.status, (Conflict, f"bind.{outcome.status}", outcome.status)
    )
    return error(copy.t(key), code=code)


async def _bound(services: Services, request: web.Request, outcome: BindOutcome) -> web.Response:
    if outcome.status not in ("ok", "already"):
        raise _bind_error(services, outcome)
    found = await sessions.caller(services, bearer_token(request))
    return respond(BoundOut, {"bound": True, "worker": await worker_json(found.identity)})


@routes.post("/api/v1/bind")
@operation(
    "Bind the session to a worker by name and ID-card tail (level 1)",
    security="session",
    body=BindIn,
    responses={200: BoundOut},
    errors=BIND_ERRORS,
)
async def bind_roster(request: web.Request) -> web.Response:
    services: Services = request.app[SERVICES]
    found = await sessions.caller(services, bearer_token(request))
    body = await parse_body(request, BindIn)
    outcome = await bind_by_roster(
        services,
        found.account.enterprise,
        found.account.name,
        found.session.openid,
        body.name.strip(),
        body.id_tail.strip(),
    )
    if outcome.status in ("mismatch", "locked"):
        await forward_locks(services)  # a worker this guess named may be locked now
    return await _bound(services, request, outcome)


@routes.post("/api/v1/bind/phone")
@operation(
    "Bind by the WeChat-verified phone number (level 3)",
    security="session",
    body=PhoneIn,
    responses={200: BoundOut},
    errors=(*BIND_ERRORS, 503),
)
async def bind_phone(request: web.Request) -> web.Response:
    services: Services = request.app[SERVICES]
    found = await sessions.caller(services, bearer_token(request))
    body = await parse_body(request, PhoneIn)
    assert services.wechat is not None
    try:
        info = await services.wechat.miniapp.phone_number(found.account.name, body.code)
    except WeChatAPIError as err:
        if err.errcode in sessions.LOGIN_CODE_ERRORS:
            raise InvalidInput(services.copy.t("api.bad_phone_code"), code="bad_code") from None
        raise
    outcome = await bind_by_phone(
        services,
        found.account.enterprise,
        found.account.name,
        found.session.openid,
        str(info["purePhoneNumber"]),
    )
    return await _bound(services, request, outcome)


@routes.post("/api/v1/bind/face")
@operation(
    "Bind by face verification (level 5)",
    security="session",
    body=FaceIn,
    responses={200: BoundOut},
    errors=(*BIND_ERRORS, 503),
)
async def bind_face(request: web.Request) -> web.Response:
    """Level 5: the mini-program's face verification result, checked with WeChat (403
    face_disabled unless `bind.face_enabled`)."""
    services: Services = request.app[SERVICES]
    found = await sessions.caller(services, bearer_token(request))
    body = await parse_body(request, FaceIn)
    outcome = await bind_by_face(services, found.account, found.session.openid, body.verify_result)
    if outcome.status in ("no_match", "conflict"):  # said in face terms, not the phone's
        outcome.status = "face_" + outcome.status
    return await _bound(services, request, outcome)


@routes.post("/api/v1/subscriptions")
@operation(
    "Record the subscribe-message templates the user accepted",
    security="worker",
    body=GrantsIn,
    responses={200: GrantsOut},
)
async def record_grants(request: web.Request) -> web.Response:
    """The mini-program reports which subscribe-message templates the user accepted in
    wx.requestSubscribeMessage; each acceptance allows one message."""
    services: Services = request.app[SERVICES]
    found = await sessions.worker_caller(services, bearer_token(request))
    body = await parse_body(request, GrantsIn)
    assert found.identity is not None
    granted = await add_grants(services, found.identity, body.accepted)
    return respond(GrantsOut, {"grants": granted})
