"""Identity level 4: a WeCom member, matched to the roster through the corp's own directory.

The employer provisioned the userid. WeCom's `user/get` says who the member is — userid and
alias (many enterprises make the userid the 工号), mobile where the app may see it — and exactly
one active roster worker of the account's enterprise must match by 工号 or phone: two clues
pointing at two workers bind nothing. A member whose lookup bound nothing is not looked up again
for RETRY_AFTER_S (WeCom counts calls, and members keep writing); the mark lives in Redis and
may be lost, which costs one more lookup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.config import AccountConfig
from bot.context import Services
from bot.errors import WeChatAPIError
from bot.people.binding import bind_identity, raise_identity
from bot.people.rules.ladder import WECOM, employee_numbers, normalize_mobile, single
from bot.storage import kv
from bot.storage.models import Identity, Worker

log = logging.getLogger(__name__)

WECOM_LEVEL = WECOM
RETRY_AFTER_S = 3600
# WeCom's answers that mean "this app may not read members": a console setting, not the member
CONFIG_ERRORS = frozenset({48002, 60011, 60020, 301002})


@dataclass
class MemberOutcome:
    # bound | raised | no_match | ambiguous | conflict | taken | unavailable | skipped
    status: str
    identity: Identity | None = None  # the identity in force afterwards
    worker: Worker | None = None  # the roster worker the directory names, when one does


async def recognise_member(
    services: Services, account: AccountConfig, userid: str, identity: Identity | None
) -> MemberOutcome:
    """Bind an unbound WeCom member at level 4, or raise their lower identity, when the
    directory names exactly one active roster worker; otherwise change nothing."""
    if identity is not None and identity.level >= WECOM_LEVEL:
        return MemberOutcome("skipped", identity)
    if not await _due(services, account, userid):
        return MemberOutcome("skipped", identity)
    assert services.wechat is not None
    try:
        member = await services.wechat.wecom.member(account.name, userid)
    except WeChatAPIError as err:
        # unreachable, or the app may not read members: nothing is known about the member
        unknown = err.errcode == -1 or err.errcode in CONFIG_ERRORS
        level = logging.WARNING if err.errcode in CONFIG_ERRORS else logging.INFO
        log.log(level, "WeCom member lookup on %s failed: %s", account.name, err.message)
        return MemberOutcome("unavailable" if unknown else "no_match", identity)
    status, worker = await _roster_match(services, account.enterprise, member)
    if worker is None:
        return MemberOutcome(status, identity)
    outcome = await _apply(services, account, userid, identity, worker)
    if outcome.status in ("bound", "raised"):
        await _forget(services, account, userid)
    return outcome


async def _roster_match(
    services: Services, enterprise: str, member: dict[str, object]
) -> tuple[str, Worker | None]:
    active = Worker.filter(enterprise__code=enterprise, status="active")
    numbers = employee_numbers(str(member.get("userid", "")), str(member.get("alias", "")))
    mobile = normalize_mobile(str(member.get("mobile", "")))
    clues = [active.filter(employee_no__in=numbers)] if numbers else []
    if mobile:
        clues.append(active.filter(phone_hash=services.privacy.blind(mobile)))
    ids: list[int] = []
    for clue in clues:
        ids.extend(await clue.values_list("id", flat=True))  # type: ignore[arg-type]
    status, worker_id = single(ids)
    if worker_id is None:
        return ("no_match" if status == "none" else "ambiguous"), None
    return "ok", await Worker.get(id=worker_id).select_related("job", "department")


async def _apply(
    services: Services,
    account: AccountConfig,
    userid: str,
    identity: Identity | None,
    worker: Worker,
) -> MemberOutcome:
    if identity is not None and identity.worker_id != worker.id:
        log.warning(
            "a WeCom member on %s is bound to another worker than its directory names", account.name
        )
        return MemberOutcome("conflict", identity, worker)
    if identity is not None:
        await raise_identity(services, identity, worker, "wecom", WECOM_LEVEL)
        return MemberOutcome("raised", await _loaded(identity.id), worker)
    try:
        async with in_transaction():
            bound = await bind_identity(
                services, worker, account.name, userid, "wecom", WECOM_LEVEL
            )
    except IntegrityError:  # the same member's other message bound it a moment ago
        return MemberOutcome("skipped", None, worker)
    if bound.status != "ok":
        return MemberOutcome("taken", None, worker)
    found = await Identity.get(account=account.name, openid=userid, active=True)
    return MemberOutcome("bound", await _loaded(found.id), worker)


async def _loaded(identity_id: int) -> Identity:
    return await Identity.get(id=identity_id).select_related("worker__job", "worker__department")


def _mark(account: AccountConfig, userid: str) -> str:
    return kv.key("wecom-member", account.name, userid)


async def _due(services: Services, account: AccountConfig, userid: str) -> bool:
    """Whether to look this member up now: not within RETRY_AFTER_S (on the service clock) of
    the last lookup. Two messages at once may both look up: harmless. Without Redis, look up
    (one call more, nothing lost)."""
    now = services.clock.timestamp()
    try:
        last = await services.redis.get(_mark(account, userid))
        if last is not None and now - int(last) < RETRY_AFTER_S:
            return False
        await services.redis.set(_mark(account, userid), str(now), ex=RETRY_AFTER_S)
    except kv.REDIS_ERRORS:
        pass
    return True


async def _forget(services: Services, account: AccountConfig, userid: str) -> None:
    """A member who bound is looked up afresh if ever unbound (the directory may say it again)."""
    try:
        await services.redis.delete(_mark(account, userid))
    except kv.REDIS_ERRORS:
        pass
