"""The one way every rung of the identity ladder binds or raises a WeChat identity, recorded in
the worker's history in the same transaction: one WeChat identity binds one worker, and a
worker has one active identity per account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.people.history import decision_key, record
from bot.storage.models import Identity, Worker


@dataclass
class BindOutcome:
    # ok | already | mismatch | locked | taken | usage | no_match | conflict |
    # code_invalid | code_used | code_expired | disabled | failed (face)
    status: str
    worker: Worker | None = None
    left: int = 0


async def bind_or_raise(
    services: Services,
    worker: Worker,
    account: str,
    openid: str,
    method: str,
    level: int,
    *,
    replace: bool = False,
) -> BindOutcome:
    """For a way up that names its worker itself (phone, face): raise (account, openid) when it
    is already that worker's, refuse it ("conflict") when it is someone else's, bind it
    otherwise (see `bind_identity` for `replace`). One transaction."""
    async with in_transaction():
        existing = await Identity.get_or_none(account=account, openid=openid, active=True)
        if existing is not None and existing.worker_id != worker.id:
            return BindOutcome("conflict", worker)
        if existing is not None:
            await raise_identity(services, existing, worker, method, level)
            return BindOutcome("ok", worker)
        try:
            return await bind_identity(
                services, worker, account, openid, method, level, replace=replace
            )
        except IntegrityError:
            return BindOutcome("already", worker)


def _source(services: Services, account: str) -> str:
    found = services.config.account(account)
    return "miniapp" if found is not None and found.kind == "miniapp" else "chat"


async def bind_identity(
    services: Services,
    worker: Worker,
    account: str,
    openid: str,
    method: str,
    level: int,
    *,
    actor: str = "",
    replace: bool = False,
) -> BindOutcome:
    """Bind (account, openid) to `worker` and record it in the worker's history. The worker's
    other identity on the account makes it "taken", unless `replace` (the binding vouches for
    the person, not only for the data: a new phone) retires it. Call inside a transaction."""
    others = Identity.filter(worker=worker, account=account, active=True)
    replaced = await others.update(active=False) if replace else 0
    if not replace and await others.exists():
        return BindOutcome("taken", worker)
    now = services.clock.now()
    values: dict[str, Any] = {
        "worker": worker,
        "method": method,
        "level": level,
        "bound_at": now,
        "last_contact_at": now,  # binding is a contact: the window opens
        "followed": True,
        "active": True,
    }
    # a WeChat identity that once belonged to someone and was replaced keeps its row (reads
    # and answers carry their own worker); it is bound afresh rather than created twice
    if not await Identity.filter(account=account, openid=openid, active=False).update(**values):
        await Identity.create(account=account, openid=openid, **values)
    data: dict[str, Any] = {"method": method, "level": level, "account": account}
    if replaced:
        data["replaced"] = replaced
    await record(
        services,
        worker,
        "bound",
        source=_source(services, account),
        actor=actor,
        data=data,
        key=decision_key(services, "bound", worker),
    )
    return BindOutcome("ok", worker)


async def raise_identity(
    services: Services,
    identity: Identity,
    worker: Worker,
    method: str,
    level: int,
    *,
    actor: str = "",
) -> bool:
    """Raise `identity` (already bound to `worker`) to `level` by `method`, recorded in the
    history; a level it already has or passes changes nothing. Returns whether it rose."""
    if not await Identity.filter(id=identity.id, level__lt=level).update(
        method=method, level=level
    ):
        return False
    await record(
        services,
        worker,
        "bound",
        source=_source(services, identity.account),
        actor=actor,
        data={
            "method": method,
            "level": level,
            "account": identity.account,
            "raised_from": identity.level,
        },
        key=decision_key(services, "bound", worker),
    )
    identity.method, identity.level = method, level
    return True
