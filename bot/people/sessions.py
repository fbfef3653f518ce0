"""Mini-program sessions: a `wx.login` code becomes anxun's own bearer token.

WeChat's `session_key` (which decrypts the user's data) stays on the server, encrypted; the
client only ever holds a random token, and the database only its SHA-256.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import AccountConfig
from bot.context import Services
from bot.errors import Forbidden, Unauthorized, WeChatAPIError
from bot.storage.models import ApiSession, Identity

SESSION_TTL = timedelta(days=7)
LOGIN_CODE_ERRORS = frozenset({40029, 40163, 40226})  # invalid, used or high-risk code


@dataclass
class Caller:
    session: ApiSession
    account: AccountConfig
    identity: Identity | None  # None until the user binds


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def login(services: Services, account: AccountConfig, code: str) -> tuple[str, datetime]:
    """Exchange the code with WeChat and open a session; returns (token, expires_at)."""
    assert services.wechat is not None
    try:
        data = await services.wechat.miniapp.code2session(account, code)
    except WeChatAPIError as err:
        if err.errcode in LOGIN_CODE_ERRORS:
            raise Unauthorized(services.copy.t("api.bad_login_code"), code="bad_code") from None
        raise
    token = secrets.token_urlsafe(32)
    now = services.clock.now()
    await ApiSession.create(
        token_hash=_hash(token),
        account=account.name,
        openid=str(data["openid"]),
        session_key_enc=services.privacy.encrypt(str(data.get("session_key", ""))),
        created_at=now,
        expires_at=now + SESSION_TTL,
    )
    return token, now + SESSION_TTL


async def caller(services: Services, token: str) -> Caller:
    """The session of the request's bearer token ("" when it sent none), or 401 with what to do."""
    if not token:
        raise Unauthorized(services.copy.t("api.bearer_required"), code="login_required")
    return await lookup(services, token)


async def lookup(services: Services, token: str) -> Caller:
    """The live session of `token`, with its account and (once bound) identity."""
    session = None
    if token:
        session = await ApiSession.get_or_none(
            token_hash=_hash(token), expires_at__gt=services.clock.now()
        )
    account = services.config.account(session.account) if session else None
    if session is None or account is None:
        raise Unauthorized(services.copy.t("api.login_again"), code="login_required")
    identity = await Identity.get_or_none(
        account=session.account, openid=session.openid, active=True
    ).select_related("worker")
    return Caller(session, account, identity)


async def worker_caller(services: Services, token: str) -> Caller:
    """Like `caller`, for endpoints that need a bound worker."""
    found = await caller(services, token)
    if found.identity is None:
        raise Forbidden(services.copy.t("api.not_bound"), code="not_bound")
    return found


async def purge_expired(now: datetime) -> None:
    """Delete sessions past their expiry: of no use to anyone."""
    await ApiSession.filter(expires_at__lt=now).delete()
