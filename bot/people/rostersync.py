"""Roster import, the writing half: a checked plan written in one transaction — departments,
job rows, new workers, changed workers and their workforce events — or nothing at all. A
dry run reports the same plan and writes nothing. Personal data is stored only encrypted
with its blind index; reports and events carry none of it.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from bot.context import Services
from bot.errors import NotFound
from bot.people.jobs import JobCatalogue, ensure_job, load_catalogue
from bot.people.org import OrgTree, ensure, load_tree
from bot.people.roster import Checked, Progress, check_roster, read_roster
from bot.people.rosterplan import Planned, RosterReport, detail, event_key
from bot.storage.models import Enterprise, Worker, WorkerEvent
from content.loader import Problem

CHUNK = 500  # rows per statement: SQLite's bound-variable limit, PostgreSQL's round trips


async def import_roster(
    services: Services,
    enterprise: str,
    path: Path,
    *,
    partial: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: str = "",
) -> RosterReport:
    """Check the whole file first; write nothing if anything is wrong, unless `partial`, which
    writes the valid rows (and nothing when there are none)."""
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    report = RosterReport(path.name, dry_run=dry_run, partial=partial)
    if not await asyncio.to_thread(path.exists):
        report.problems.append(Problem(path.name, None, "文件", "文件不存在"))
        return report
    table = await asyncio.to_thread(read_roster, path)
    tree, jobs = await load_tree(ent), await load_catalogue(ent)
    workers = await Worker.filter(enterprise=ent)
    flagged: dict[tuple[str, str], set[date]] = {}
    for number, data, day in await WorkerEvent.filter(enterprise=ent, kind="flagged").values_list(
        "worker__employee_no", "data", "occurred_on"
    ):
        flagged.setdefault((number, str(data.get("violation", ""))), set()).add(day)
    checked = check_roster(services, table, tree, jobs, workers, report, flagged, progress)
    _describe(checked, tree, jobs)
    if report.problems and not partial:
        return report
    if not checked.plans:
        report.nothing_valid = bool(report.problems)
        return report
    if dry_run:
        return report
    async with in_transaction():
        await _write(services, ent, checked, tree, jobs, actor or f"roster:{path.name}")
    report.applied = True
    return report


def _describe(checked: Checked, tree: OrgTree, jobs: JobCatalogue) -> None:
    report = checked.report
    for plan in checked.plans:
        if plan.worker is None:
            report.added += 1
        elif plan.changed or plan.events:
            report.updated += 1
        else:
            report.unchanged += 1
            continue
        report.events.update(kind for kind, _, _ in plan.events)
        report.changes.append(
            {
                "employee_no": plan.record.employee_no,
                "name": plan.record.name,
                "action": "add" if plan.worker is None else "update",
                "changed": plan.changed,
                "events": [kind for kind, _, _ in plan.events],
            }
        )


def _values(services: Services, plan: Planned, department_id: int, job_id: int) -> dict[str, Any]:
    r, privacy = plan.record, services.privacy
    values: dict[str, Any] = {
        "name": r.name,
        "department_id": department_id,
        "job_id": job_id,
        "id_number_enc": privacy.encrypt(r.id_number),
        "id_number_hash": plan.id_hash,
        "id_tail_hash": privacy.tail_hash(r.name, r.id_number[-6:]),
        "employment_type": r.employment_type,
        "status": r.status,
        "is_supervisor": r.is_supervisor,
    }
    if r.phone:
        values |= {"phone_enc": privacy.encrypt(r.phone), "phone_hash": plan.phone_hash}
    if r.hire_date is not None:
        values["hire_date"] = r.hire_date
    worker = plan.worker
    if worker is None:  # active since hired; away since an unknown day unless the file says
        values["status_since"] = r.status_date or (r.hire_date if r.status == "active" else None)
    elif worker.status != r.status:
        values["status_since"] = r.status_date or services.clock.today()
    if any(kind == "flagged" for kind, _, _ in plan.events):
        flags = list(worker.flags) if worker is not None else []
        values["flags"] = flags if "三违" in flags else [*flags, "三违"]
    return values


async def _write(
    services: Services,
    ent: Enterprise,
    checked: Checked,
    tree: OrgTree,
    jobs: JobCatalogue,
    actor: str,
) -> None:
    for path in sorted(checked.departments, key=len):
        await ensure(tree, path)
    job_ids = {code: (await ensure_job(jobs, ent.id, code)).id for code in _codes(checked)}
    fresh: list[Worker] = []
    for plan in checked.plans:
        if plan.worker is not None and not plan.changed and not plan.events:
            continue
        dept_id = tree.by_path[plan.record.department].id
        values = _values(services, plan, dept_id, job_ids[plan.record.job])
        if plan.worker is None:
            fresh.append(
                Worker(enterprise_id=ent.id, employee_no=plan.record.employee_no, **values)
            )
        else:
            await Worker.filter(id=plan.worker.id).update(**values)
    await Worker.bulk_create(fresh, batch_size=CHUNK)
    ids = await _ids(ent, [w.employee_no for w in fresh])
    for plan in checked.plans:
        if plan.worker is not None:
            ids[plan.record.employee_no] = plan.worker.id
    now = services.clock.now()
    events = [
        WorkerEvent(
            key=event_key(ent.id, plan.record.employee_no, kind, day, detail(kind, data)),
            enterprise_id=ent.id,
            worker_id=ids[plan.record.employee_no],
            kind=kind,
            occurred_on=day,
            data=data,
            source="import",
            actor=actor,
            recorded_at=now,
        )
        for plan in checked.plans
        for kind, day, data in plan.events
    ]
    await WorkerEvent.bulk_create(events, batch_size=CHUNK, ignore_conflicts=True)


def _codes(checked: Checked) -> set[str]:
    return {plan.record.job for plan in checked.plans}


async def _ids(ent: Enterprise, numbers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i in range(0, len(numbers), CHUNK):
        rows = await Worker.filter(enterprise=ent, employee_no__in=numbers[i : i + CHUNK])
        found |= {w.employee_no: w.id for w in rows}
    return found
