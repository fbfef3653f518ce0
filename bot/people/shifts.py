"""Workers' shifts ("08:00-16:00", "22:00-06:00"): the hours the contact policy keeps quiet for
them. Set in bulk by 工号; a batch with any bad row changes nothing and names every bad row."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from bot.context import Services
from bot.errors import InvalidInput, NotFound
from bot.people.rules.hours import parse_window
from bot.storage.models import Enterprise, Worker, WorkerShift

MAX_ROWS = 20000


async def set_shifts(services: Services, enterprise: str, shifts: dict[str, str]) -> dict[str, int]:
    """Set each 工号's shift ("" removes it); returns how many were set and removed."""
    if len(shifts) > MAX_ROWS:
        raise InvalidInput(f"at most {MAX_ROWS} shifts per call; split the list")
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    wanted = {no.strip().upper(): hours.strip() for no, hours in shifts.items()}
    problems = []
    for no, hours in sorted(wanted.items()):
        try:
            parse_window(hours, f"shift of {no}")
        except ValueError as err:
            problems.append(str(err))
    found = dict(
        await Worker.filter(enterprise=ent, employee_no__in=list(wanted)).values_list(
            "employee_no", "id"
        )
    )
    unknown = sorted(set(wanted) - set(found))
    if unknown:
        problems.append(f"not on {enterprise}'s roster: {', '.join(unknown[:20])}")
    if problems:
        raise InvalidInput("; ".join(problems[:20]) + "; nothing was changed")
    now = services.clock.now()
    setting = {found[no]: hours for no, hours in wanted.items() if hours}
    removing = [found[no] for no, hours in wanted.items() if not hours]
    async with in_transaction():
        removed = await WorkerShift.filter(worker_id__in=removing).delete()
        await WorkerShift.filter(worker_id__in=list(setting)).delete()
        await WorkerShift.bulk_create(
            [WorkerShift(worker_id=w, hours=h, updated_at=now) for w, h in setting.items()]
        )
    return {"set": len(setting), "removed": removed}
