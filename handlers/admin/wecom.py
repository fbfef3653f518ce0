"""POST /admin/v1/wecom/announcements: one WeCom app message to members, departments and tags;
GET /admin/v1/wecom/announcements/{id}: how it went."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field, model_validator

from bot.api import Id32, parse_body, path_id, require_admin
from bot.apidoc import Out, operation, respond
from bot.context import Services
from bot.delivery.channels import WECOM_DUPLICATE_WINDOW_S
from bot.delivery.outbox import delivery, enqueue
from bot.errors import InvalidInput, NotFound
from bot.keys import SERVICES
from bot.storage.models import Delivery

routes = web.RouteTableDef()
WECOM_TEXT_BYTES = 2048  # WeCom's limit for a text message


class AnnouncementIn(BaseModel):
    account: str
    text: str = Field(min_length=1)
    users: list[str] = Field(default=[], max_length=1000)  # WeCom userids
    departments: list[Id32] = Field(default=[], max_length=100)  # WeCom department ids
    tags: list[Id32] = Field(default=[], max_length=100)  # WeCom tag ids
    request_id: str = Field(default="", max_length=64)  # the same id twice sends once

    @model_validator(mode="after")
    def _targets(self) -> AnnouncementIn:
        if not (self.users or self.departments or self.tags):
            raise ValueError("name at least one of users, departments, tags")
        if len(self.text.encode()) > WECOM_TEXT_BYTES:
            raise ValueError(f"text is over WeCom's {WECOM_TEXT_BYTES} bytes")
        if any(not u or "|" in u for u in self.users):
            raise ValueError("users are WeCom userids, without '|'")
        return self


class AnnouncementOut(Out):
    id: int
    status: str
    attempts: int
    note: str | None
    sent_at: datetime | None


class AnnouncementPath(BaseModel):
    id: Id32


def _status(row: Delivery) -> dict[str, Any]:
    return {
        "id": row.id,
        "status": row.status,
        "attempts": row.attempts,
        "note": row.last_error,
        "sent_at": row.sent_at.isoformat() if row.sent_at else None,
    }


@routes.post("/admin/v1/wecom/announcements")
@operation(
    "Send one WeCom app message to members, departments and tags",
    security="admin",
    body=AnnouncementIn,
    responses={202: AnnouncementOut},
)
async def announce(request: web.Request) -> web.Response:
    scope = require_admin(request)
    services: Services = request.app[SERVICES]
    spec = await parse_body(request, AnnouncementIn)
    account = services.config.account(spec.account)
    if account is None or account.kind != "wecom" or not scope.owns(account.enterprise):
        whose = f" of {scope.enterprise!r}" if scope.enterprise else ""
        raise InvalidInput(f"{spec.account!r} is not a WeCom account{whose} in config.toml")
    payload: dict[str, Any] = {
        "msgtype": "text",
        "agentid": account.agent_id,
        "text": {"content": spec.text},
        "enable_duplicate_check": 1,
        "duplicate_check_interval": WECOM_DUPLICATE_WINDOW_S,
    }
    for name, values in (
        ("touser", spec.users),
        ("toparty", spec.departments),
        ("totag", spec.tags),
    ):
        if values:
            payload[name] = "|".join(str(v) for v in values)
    key = f"announce:{account.name}:{spec.request_id or uuid.uuid4().hex}"
    row = delivery(
        services,
        key=key,
        kind="announcement",
        account=account.name,
        openid="",
        channel="wecom",
        payload=payload,
    )
    await enqueue(services, [row])
    saved = await Delivery.get(key=key)
    return respond(AnnouncementOut, _status(saved), status=202)


@routes.get("/admin/v1/wecom/announcements/{id}")
@operation(
    "How an announcement went",
    security="admin",
    path=AnnouncementPath,
    responses={200: AnnouncementOut},
    errors=(404,),
)
async def show(request: web.Request) -> web.Response:
    scope = require_admin(request)
    missing = NotFound(f"no announcement {request.match_info['id']}")
    row = await Delivery.get_or_none(id=path_id(request, "id", missing), kind="announcement")
    account = request.app[SERVICES].config.account(row.account) if row else None
    if row is None or account is None or not scope.owns(account.enterprise):
        raise missing
    return respond(AnnouncementOut, _status(row))
