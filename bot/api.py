"""JSON API plumbing: one middleware turns errors into {"code", "message"}; admin auth."""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from tortoise.exceptions import ValidationError as TortoiseValidationError

from bot.config import Config
from bot.errors import AnxunError, Forbidden, InvalidInput, WeChatAPIError, invalid_input
from bot.keys import CONFIG, SERVICES

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

ID_MAX = 2**31 - 1  # an IntField key is a PostgreSQL integer (int4)
Id32 = Annotated[int, Field(ge=1, le=ID_MAX)]  # an id in a body (WeCom's ids are 32-bit too)
_ID_TEXT = re.compile(r"-?[0-9]+")  # ASCII digits only: int() also takes " 1", "+1", "١"
_BEARER = re.compile(r"bearer +(\S+)", re.IGNORECASE)  # RFC 6750; the scheme in any case


class ErrorOut(BaseModel):
    """Every error of /admin/ and /api/: a stable `code`, a `message` for humans and, for
    per-item problems, `details` (item -> what is wrong)."""

    model_config = ConfigDict(extra="forbid")
    code: str
    message: str
    details: dict[str, str] | None = None


def error_json(
    status: int, code: str, message: str, details: dict[str, str] | None = None
) -> web.Response:
    body = ErrorOut(code=code, message=message, details=details)
    return web.json_response(body.model_dump(exclude_none=True), status=status)


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
        return error_json(err.status, err.code, err.message, err.details or None)
    except web.HTTPException as err:
        return error_json(err.status, "http", err.reason)
    except TortoiseValidationError as err:  # a value no column can hold, e.g. over its length
        return error_json(422, InvalidInput.code, str(err))
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


def attachment(name: str) -> dict[str, str]:
    """The Content-Disposition of a download named `name`, whatever characters it holds
    (RFC 6266: an ASCII fallback, the real name percent-encoded)."""
    fallback = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    value = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
    return {"Content-Disposition": value}


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
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):  # also nested too deep
        raise InvalidInput("the body must be a JSON object") from None
    return _validated(model, raw, "")


def parse_query(request: web.Request, model: type[M]) -> M:
    """The query string read by `model` (a name given twice: its first value)."""
    raw = {name: request.query[name] for name in request.query}
    return _validated(model, raw, "?")


def _validated(model: type[M], raw: Any, where: str) -> M:
    if _has_nul(raw):  # PostgreSQL text cannot hold it; nothing a person types contains it
        what = "the query" if where else "the body"
        raise InvalidInput(f"{what} holds a NUL character (\\u0000): remove it")
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise invalid_input(err, where) from None


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False
