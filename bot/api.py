"""JSON API plumbing: one middleware turns errors into {"code", "message"}; admin auth."""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, Field, SecretStr, ValidationError

from bot.config import Config
from bot.errors import AnxunError, Forbidden, InvalidInput, WeChatAPIError
from bot.keys import CONFIG, SERVICES

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

ID_MAX = 2**31 - 1  # an IntField key is a PostgreSQL integer (int4)
Id32 = Annotated[int, Field(ge=1, le=ID_MAX)]  # an id in a body (WeCom's ids are 32-bit too)
_ID_TEXT = re.compile(r"-?[0-9]+")  # ASCII digits only: int() also takes " 1", "+1", "١"
_BEARER = re.compile(r"bearer +(\S+)", re.IGNORECASE)  # RFC 6750; the scheme in any case


def error_json(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return web.json_response({"code": code, "message": message, **extra}, status=status)


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if not request.path.startswith(("/admin/", "/api/")):
        return await handler(request)
    try:
        return await handler(request)
    except WeChatAPIError as err:
        log.warning("API %s: WeChat call failed: %s", request.path, err.message)
        message = request.app[SERVICES].copy.t("api.wechat_unavailable")
        return error_json(503, "wechat_unavailable", message)
    except AnxunError as err:
        extra = {"details": err.details} if err.details else {}
        return error_json(err.status, err.code, err.message, **extra)
    except web.HTTPException as err:
        return error_json(err.status, "http", err.reason)
    except Exception:
        log.exception("API handler failed: %s %s", request.method, request.path)
        return error_json(500, "internal", "internal error; it has been logged")


@dataclass(frozen=True)
class AdminScope:
    """Who is calling: the operator (every enterprise) or one enterprise's admin."""

    enterprise: str | None
    reveal: bool = False  # may see ID numbers and phones in full

    def owns(self, enterprise: str) -> bool:
        """Whether this caller reaches `enterprise`. A row or account found by id or name that
        it does not reach is answered exactly as a missing one, so ids cannot be counted."""
        return self.enterprise is None or self.enterprise == enterprise

    def check(self, enterprise: str) -> None:
        """403 for an enterprise the caller named itself (?enterprise=, a body field)."""
        if not self.owns(enterprise):
            raise Forbidden(f"this admin token is for enterprise {self.enterprise!r} only")


def bearer_token(request: web.Request) -> str:
    """The token of the header `Authorization: Bearer <token>`; "" for any other shape."""
    found = _BEARER.fullmatch(request.headers.get("Authorization", ""))
    return found.group(1) if found else ""


def match_admin(config: Config, matches: Callable[[str], bool]) -> AdminScope | None:
    """The scope of the admin token `matches` accepts, trying every token (constant work)."""
    admin = config.admin
    found: AdminScope | None = None
    candidates: list[tuple[str | None, SecretStr, bool]] = [(None, admin.token, False)]
    candidates += [(e, t, False) for e, t in admin.enterprises.items()]
    candidates += [(None, admin.pii_token, True)] if admin.pii_token is not None else []
    candidates += [(e, t, True) for e, t in admin.pii_enterprises.items()]
    for enterprise, token, reveal in candidates:
        if matches(token.get_secret_value()):
            found = AdminScope(enterprise, reveal)
    return found


def admin_token_scope(config: Config, given: str) -> AdminScope | None:
    """The scope of the admin token `given`, if it is one."""
    raw = given.encode()
    return match_admin(config, lambda token: bool(raw) and hmac.compare_digest(token.encode(), raw))


def require_admin(request: web.Request) -> AdminScope:
    found = admin_token_scope(request.app[CONFIG], bearer_token(request))
    if found is None:
        raise Forbidden(
            "missing or wrong admin token: send the header Authorization: Bearer <token>"
        )
    return found


def path_id(request: web.Request, name: str, missing: AnxunError) -> int:
    """The id in path segment `name`: 422 unless it is a number; `missing` (the handler's own
    answer for a row that does not exist) when no row can have it, before any query."""
    text = request.match_info[name]
    if not _ID_TEXT.fullmatch(text):
        raise InvalidInput(f"{name} in the path must be a number")
    if len(text) > 20 or not 1 <= int(text) <= ID_MAX:
        raise missing
    return int(text)


async def parse_body(request: web.Request, model: type[M]) -> M:
    try:
        raw = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InvalidInput("the body must be a JSON object") from None
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in err.errors()
        )
        raise InvalidInput(details) from None
