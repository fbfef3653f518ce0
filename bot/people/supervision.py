"""What a supervisor (or an enterprise admin) may do to a worker's binding: lift its lock, undo
it. A supervisor acts on their own department and the departments below it only.

Each decision is recorded in the worker's history in the same transaction as the change it
makes, and only when there was something to change: a retried unlock or unbind finds nothing
and records nothing.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.people.history import decision_key, record
from bot.storage.models import BindGuard, Identity, Worker


async def team_member(
    supervisor: Worker, employee_no: str, *, active_only: bool
) -> tuple[str, Worker | None]:
    """The worker with this 工号 if `supervisor` may act on them: (status, worker) with status
    ok | not_supervisor | unknown_worker | not_in_team."""
    if not supervisor.is_supervisor:
        return "not_supervisor", None
    query = Worker.filter(enterprise_id=supervisor.enterprise_id, employee_no=employee_no.upper())
    if active_only:
        query = query.filter(status="active")
    target = await query.select_related("department").first()
    if target is None:
        return "unknown_worker", None
    await supervisor.fetch_related("department")
    if not target.department.path.startswith(supervisor.department.path):
        return "not_in_team", target
    return "ok", target


def worker_guard(worker: Worker) -> str:
    """The BindGuard subject counting roster-match failures that named this worker."""
    return f"worker:{worker.id}"


async def unlock(services: Services, worker: Worker, *, source: str, actor: str) -> bool:
    """Lift the worker's roster-binding lock and forget its failures (the supervisor has seen
    the person). Returns False when there was nothing to lift. A WeChat identity that locked
    itself stays locked: it may be the guesser's; the worker's own phone binds through the
    supervisor's in-person code, which no lock holds up."""
    async with in_transaction():
        guard = await BindGuard.get_or_none(subject=worker_guard(worker))
        if guard is None or (guard.failures == 0 and guard.locked_until is None):
            return False
        now = services.clock.now()
        was_locked = guard.locked_until is not None and guard.locked_until > now
        still = Q(failures__gt=0) | Q(locked_until__isnull=False)
        changed = await BindGuard.filter(still, id=guard.id).update(failures=0, locked_until=None)
        if not changed:  # another unlock got there first
            return False
        await record(
            services,
            worker,
            "unlocked",
            source=source,
            actor=actor,
            data={"was_locked": was_locked, "failures": guard.failures},
            key=decision_key(services, "unlocked", worker),
        )
    return True


async def unbind(services: Services, worker: Worker, *, source: str, actor: str) -> int:
    """Retire every active identity of the worker (each account): the next binding starts from
    the bottom of the ladder. Rows stay (reads and answers point at them). Returns how many."""
    async with in_transaction():
        bound = await Identity.filter(worker=worker, active=True).order_by("id")
        if not bound:
            return 0
        changed = await Identity.filter(id__in=[i.id for i in bound], active=True).update(
            active=False
        )
        if not changed:
            return 0
        await record(
            services,
            worker,
            "unbound",
            source=source,
            actor=actor,
            data={
                "identities": changed,
                "accounts": [i.account for i in bound],
                "levels": [i.level for i in bound],
                "methods": [i.method for i in bound],
            },
            key=decision_key(services, "unbound", worker),
        )
    return changed
