"""三违 flags: a violation recorded against a worker with its date and reporter, by a roster
column, `anxun roster flag` or the admin API — the same key for all three, so one violation
is one event however it arrives."""

from __future__ import annotations

from datetime import date

from tortoise.transactions import in_transaction

from bot.context import Services
from bot.errors import InvalidInput, NotFound
from bot.people.rosterplan import event_key
from bot.storage.models import Worker, WorkerEvent

FLAG = "三违"
VIOLATION_LIMIT = 200


async def flag_worker(
    services: Services,
    enterprise: str,
    employee_no: str,
    violation: str,
    day: date,
    reporter: str,
    *,
    source: str,
    actor: str,
) -> tuple[WorkerEvent, bool]:
    """Record the violation; returns (event, created). Raises InvalidInput / NotFound with
    what to fix."""
    violation, reporter = violation.strip(), reporter.strip()
    if not violation or len(violation) > VIOLATION_LIMIT:
        raise InvalidInput(f"violation: describe it in 1–{VIOLATION_LIMIT} characters")
    if not reporter:
        raise InvalidInput("reporter: say who reported the violation (name or 工号)")
    if day > services.clock.today():
        raise InvalidInput(f"date {day.isoformat()} is in the future")
    worker = await Worker.get_or_none(enterprise__code=enterprise, employee_no=employee_no.upper())
    if worker is None:
        raise NotFound(f"no worker {employee_no!r} in enterprise {enterprise!r}")
    async with in_transaction():
        event, created = await WorkerEvent.get_or_create(
            key=event_key(worker.enterprise_id, worker.employee_no, "flagged", day, violation),
            defaults={
                "enterprise_id": worker.enterprise_id,
                "worker_id": worker.id,
                "kind": "flagged",
                "occurred_on": day,
                "data": {"violation": violation, "reporter": reporter},
                "source": source,
                "actor": actor,
                "recorded_at": services.clock.now(),
            },
        )
        if FLAG not in worker.flags:
            await Worker.filter(id=worker.id).update(flags=[*worker.flags, FLAG])
    return event, created
