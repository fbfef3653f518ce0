"""A worker's archive as people read it: who, 学时 totals, each entry with a label and a short
detail in Chinese (content/copy), the chain's head and whether it verified when it was read.

Reading brings the archive up to date first (bot/learning/archive.py `bring_up`), so an export
or 我的档案 shows everything recorded until that moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.context import Services
from bot.errors import NotFound
from bot.people.org import load_tree
from bot.storage.models import ArchiveEntry, ArchiveHead, Department, Enterprise, Worker

from . import archive, hours
from .rules.chain import GENESIS, Problem


@dataclass
class EntryRow:
    seq: int
    at: datetime
    kind: str
    label: str
    detail: str
    hash: str


@dataclass
class ArchiveView:
    worker: Worker
    unit: str
    job: str
    enterprise: str
    year: int
    year_hours: float
    total_hours: float
    head_seq: int
    head_hash: str
    problems: list[Problem]
    entries: list[EntryRow] = field(default_factory=list)
    completions: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.problems


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def describe(services: Services, kind: str, payload: dict[str, Any]) -> tuple[str, str]:
    """(label, detail) of an entry, from copy; an unknown kind shows as itself."""
    copy = services.copy
    label_key, detail_key = f"archive.kind.{kind}", f"archive.detail.{kind}"
    label = copy.t(label_key) if label_key in copy else kind
    if detail_key not in copy:
        return label, ""
    values = _Blank(payload)
    for flag, yes, no in (("correct", "correct", "wrong"), ("passed", "passed", "failed")):
        if isinstance(payload.get(flag), bool):
            values["result"] = copy.t(f"archive.{yes if payload[flag] else no}")
    return label, copy.template(detail_key).format_map(values)


def problem_text(services: Services, problem: Problem) -> str:
    what, _, span = problem.what.partition(":")
    return services.copy.t(f"archive.problem_{what}", seq=problem.seq, span=span)


async def find_worker(employee_no: str, enterprise: str | None) -> Worker:
    """A worker by 工号 (within `enterprise` when given); NotFound when none or several."""
    query = Worker.filter(employee_no=employee_no)
    if enterprise is not None:
        query = query.filter(enterprise__code=enterprise)
    found = await query.limit(2)
    if len(found) != 1:
        raise NotFound(
            f"no worker {employee_no}" if not found else f"{employee_no}: give the enterprise"
        )
    return found[0]


async def unit_workers(enterprise: Enterprise, path: str) -> tuple[str, list[Worker]]:
    """The workers in a unit and its sub-units, the unit named by its path (一矿/综采一队)."""
    tree = await load_tree(enterprise)
    dept = tree.by_path.get(tuple(p for p in path.strip("/").split("/") if p))
    if dept is None:
        raise NotFound(f"no unit {path!r} in {enterprise.code}")
    ids = await Department.filter(
        enterprise_id=enterprise.id, path__startswith=dept.path
    ).values_list("id", flat=True)
    workers = await Worker.filter(department_id__in=list(ids)).order_by("employee_no")
    return tree.label(dept.id), workers


async def view(services: Services, worker: Worker, refresh: bool = True) -> ArchiveView:
    if refresh:
        await archive.bring_up(services, [worker.id])
    await worker.fetch_related("department", "job", "enterprise")
    tree = await load_tree(worker.enterprise)
    year = services.clock.today().year
    year_hours, total_hours = await hours.totals(worker, year)
    head = await ArchiveHead.get_or_none(worker_id=worker.id)
    found = ArchiveView(
        worker=worker,
        unit=tree.label(worker.department_id),
        job=worker.job.name,
        enterprise=worker.enterprise.name,
        year=year,
        year_hours=year_hours,
        total_hours=total_hours,
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else GENESIS,
        problems=await archive.verify_worker(worker.id),
    )
    for e in await ArchiveEntry.filter(worker_id=worker.id).order_by("seq"):
        label, detail = describe(services, e.kind, e.payload)
        found.entries.append(EntryRow(e.seq, e.at, e.kind, label, detail, e.hash))
        if e.kind == "completed":
            found.completions.append(str(e.payload.get("campaign_name", "")))
    return found


def status_text(services: Services, v: ArchiveView) -> str:
    if v.verified:
        return services.copy.t("archive.export_ok", count=len(v.entries))
    what = "；".join(problem_text(services, p) for p in v.problems[:5])
    return services.copy.t("archive.export_bad", n=len(v.problems), what=what)
