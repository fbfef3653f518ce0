"""Per-worker rows of a unit for the dashboard's drill-down and the workers report, and the
late list: one row per enrolment (worker × campaign) in scope.

Invariant: set-based like bot/campaigns/unitstats.py — enrolments with their workers in one
joined query, then bound levels, cards read and quizzes passed each grouped by worker (per
campaign in scope), never a query per worker. No ID number or phone is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.functions import Count, Max

from bot.learning.campaign_items import items_for
from bot.learning.training import STUDYING
from bot.storage.models import CardRead, Enrollment, Identity, QuizSession

from .unitstats import Scope, passed_sum

FIELDS = (
    "worker_id",
    "campaign_id",
    "status",
    "completed_at",
    "completed_identity_level",
    "worker__employee_no",
    "worker__name",
    "worker__department_id",
    "worker__job__name",
    "worker__job__code",
    "worker__employment_type",
    "worker__status",
)


@dataclass
class WorkerRow:
    worker_id: int
    employee_no: str
    name: str
    dept_id: int
    unit: str  # the unit path, 一矿/综采一队/一班
    job: str
    job_code: str
    employment_type: str  # the code: regular, dispatched, …
    worker_status: str  # active | away | leave | left
    campaign_id: int
    campaign: str
    status: str  # enrolled | complete
    completed_at: datetime | None  # local time
    completed_level: int | None
    days_left: int
    bound_level: int = 0  # 0: no active identity on the enterprise's accounts
    cards_read: int = 0
    cards_total: int = 0
    quizzes_passed: int = 0


def _row(scope: Scope, raw: dict[str, Any]) -> WorkerRow:
    campaign = next(c for c in scope.campaigns if c.id == raw["campaign_id"])
    done = raw["completed_at"]
    return WorkerRow(
        worker_id=raw["worker_id"],
        employee_no=raw["worker__employee_no"],
        name=raw["worker__name"],
        dept_id=raw["worker__department_id"],
        unit=scope.label(raw["worker__department_id"]),
        job=raw["worker__job__name"],
        job_code=raw["worker__job__code"],
        employment_type=raw["worker__employment_type"],
        worker_status=raw["worker__status"],
        campaign_id=campaign.id,
        campaign=campaign.name,
        status=raw["status"],
        completed_at=done.astimezone(scope.tz) if done is not None else None,
        completed_level=raw["completed_identity_level"],
        days_left=(campaign.deadline - scope.today).days,
    )


async def worker_rows(
    scope: Scope, dept_ids: list[int], worker_id: int | None = None
) -> list[WorkerRow]:
    """Every enrolment in scope of the workers of `dept_ids` (or of one worker), by unit path
    then 工号."""
    if not scope.campaigns:
        return []
    query = Enrollment.filter(
        campaign_id__in=scope.campaign_ids,
        worker__department_id__in=dept_ids,
        status__in=STUDYING,  # not those withdrawn from the audience
    )
    if worker_id is not None:
        query = query.filter(worker_id=worker_id)
    rows = [_row(scope, raw) for raw in await query.values(*FIELDS)]
    await _fill(scope, dept_ids, rows, worker_id)
    rows.sort(key=lambda r: (r.unit, r.employee_no, r.campaign_id))
    return rows


async def _fill(
    scope: Scope, dept_ids: list[int], rows: list[WorkerRow], worker_id: int | None
) -> None:
    where: dict[str, Any] = {"worker__department_id__in": dept_ids}
    if worker_id is not None:
        where["worker_id"] = worker_id
    levels = dict(
        await Identity.filter(active=True, account__in=scope.accounts, **where)
        .group_by("worker_id")
        .annotate(level=Max("level"))
        .values_list("worker_id", "level")
    )
    read: dict[tuple[int, int], int] = {}
    passed: dict[tuple[int, int], int] = {}
    totals: dict[tuple[int, str], int] = {}
    for campaign in scope.campaigns:
        # each job studies its own items (bot/learning/campaign_items.py): read counts per job
        for job in sorted({r.job_code for r in rows if r.campaign_id == campaign.id}):
            card_ids = [c.id for c in (await items_for(campaign, job)).cards]
            totals[(campaign.id, job)] = len(card_ids)
            reads = (
                CardRead.filter(card_id__in=card_ids, worker__job__code=job, **where)
                .group_by("worker_id")
                .annotate(n=Count("card_id", distinct=True))
            )
            for worker, n in await reads.values_list("worker_id", "n"):
                read[(int(worker), campaign.id)] = int(n)
        quizzes = (
            QuizSession.filter(campaign_id=campaign.id, finished_at__not_isnull=True, **where)
            .group_by("worker_id")
            .annotate(n=passed_sum(campaign.quiz_pass_ratio))
        )
        for worker, n in await quizzes.values_list("worker_id", "n"):
            passed[(int(worker), campaign.id)] = int(n or 0)
    for row in rows:
        key = (row.worker_id, row.campaign_id)
        row.bound_level = int(levels.get(row.worker_id) or 0)
        row.cards_read = read.get(key, 0)
        row.cards_total = totals.get((row.campaign_id, row.job_code), 0)
        row.quizzes_passed = passed.get(key, 0)


async def late_list(scope: Scope, dept_ids: list[int], limit: int) -> list[WorkerRow]:
    """The first `limit` enrolments not complete: fewest days left first, then by unit, 工号."""
    if not scope.campaigns:
        return []
    raws = (
        await Enrollment.filter(
            campaign_id__in=scope.campaign_ids,
            status="enrolled",
            worker__department_id__in=dept_ids,
        )
        .order_by("campaign__deadline", "worker__department__path", "worker__employee_no")
        .limit(limit)
        .values(*FIELDS)
    )
    return [_row(scope, raw) for raw in raws]
