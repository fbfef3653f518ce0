"""One rollup over the organisation tree for a campaign, or for every running campaign of an
enterprise: per unit head count, bound, enrolled, completed, quiz pass rate; the trend by day;
the late list.

Invariant: the work is set-based — a fixed handful of aggregate queries (a few more per
campaign in scope), each grouped by department, never a query per unit or per worker — and a
unit's figures are the sum over its subtree (bot/campaigns/rules/rollup.py). "Bound" is what
bot/delivery/channels.py bound_workers means: an active identity on an account of the
enterprise. A finished quiz's `position` is its number of questions (bot/learning/training.py
finishes a quiz when the position reaches the end), so the pass test needs no JSON in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from tortoise.expressions import RawSQL
from tortoise.functions import Count

from bot.context import Services
from bot.errors import NotFound
from bot.learning.training import STUDYING
from bot.people.org import OrgTree, load_tree
from bot.storage.models import Campaign, Department, Enrollment, Enterprise, QuizSession, Worker

from .rules.rollup import TrendDay, UnitCounts, rollup, trend

PASS_EPSILON = 1e-9  # as CompletionRule.quiz_passed: 0.6 of 5 questions is 3


def passed_sum(ratio: float) -> RawSQL:
    """SUM over finished quizzes of "passed" (correct / questions >= ratio). The ratio is a
    literal: as a parameter PostgreSQL would type it like `position`, a smallint."""
    bar = f"{float(ratio) - PASS_EPSILON:.12f}"
    return RawSQL(
        f'SUM(CASE WHEN "quizsession"."correct" >= "quizsession"."position" * {bar} '
        "THEN 1 ELSE 0 END)"
    )


@dataclass
class Scope:
    """What a page or a report covers: an enterprise's tree and the campaigns counted."""

    enterprise: Enterprise
    campaigns: list[Campaign]
    tree: OrgTree
    accounts: list[str]
    today: date
    tz: tzinfo

    @property
    def campaign_ids(self) -> list[int]:
        return [c.id for c in self.campaigns]

    def subtree(self, root: Department | None) -> list[int]:
        """The ids of `root` and every department below it (every department for None)."""
        return [
            d.id for d in self.tree.by_id.values() if root is None or d.path.startswith(root.path)
        ]

    def label(self, dept_id: int) -> str:
        return self.tree.label(dept_id)


async def load_scope(
    services: Services, enterprise: Enterprise, campaign_id: int | None = None
) -> Scope:
    """`campaign_id` of this enterprise (NotFound otherwise), or its running campaigns."""
    today = services.clock.today()
    if campaign_id is not None:
        campaign = await Campaign.get_or_none(id=campaign_id, enterprise_id=enterprise.id)
        if campaign is None:
            raise NotFound(f"no campaign {campaign_id} in enterprise {enterprise.code}")
        campaigns = [campaign]
    else:
        campaigns = await Campaign.filter(
            enterprise_id=enterprise.id,
            status="active",
            start_date__lte=today,
            deadline__gte=today,
        ).order_by("deadline", "id")
    accounts = [a.name for a in services.config.accounts if a.enterprise == enterprise.code]
    tree = await load_tree(enterprise)
    return Scope(enterprise, list(campaigns), tree, accounts, today, services.clock.tz)


def _by_dept(rows: Sequence[tuple[object, ...]]) -> dict[int, int]:
    return {int(str(dept)): int(str(n)) for dept, n in rows}


async def own_counts(scope: Scope, dept_ids: list[int]) -> dict[int, UnitCounts]:
    """Each department's own figures (its own workers only), from grouped counts."""
    own = {d: UnitCounts() for d in dept_ids}
    workers = Worker.filter(
        enterprise_id=scope.enterprise.id, status="active", department_id__in=dept_ids
    )
    head = workers.group_by("department_id").annotate(n=Count("id"))
    for dept, n in _by_dept(await head.values_list("department_id", "n")).items():
        own[dept].head = n
    bound = (
        workers.filter(identities__active=True, identities__account__in=scope.accounts)
        .group_by("department_id")
        .annotate(n=Count("id", distinct=True))
    )
    for dept, n in _by_dept(await bound.values_list("department_id", "n")).items():
        own[dept].bound = n
    if not scope.campaigns:
        return own
    enrolled = (
        Enrollment.filter(
            campaign_id__in=scope.campaign_ids,
            worker__department_id__in=dept_ids,
            status__in=STUDYING,  # not those withdrawn from the audience
        )
        .group_by("worker__department_id", "status")
        .annotate(n=Count("id"))
    )
    for dept, status, n in await enrolled.values_list("worker__department_id", "status", "n"):
        own[int(dept)].enrolled += int(n)
        own[int(dept)].completed += int(n) if status == "complete" else 0
    for campaign in scope.campaigns:
        grouped = (
            QuizSession.filter(
                campaign_id=campaign.id,
                finished_at__not_isnull=True,
                worker__department_id__in=dept_ids,
            )
            .group_by("worker__department_id")
            .annotate(n=Count("id"), passed=passed_sum(campaign.quiz_pass_ratio))
        )
        for dept, n, passed in await grouped.values_list("worker__department_id", "n", "passed"):
            own[int(dept)].quizzes += int(n)
            own[int(dept)].passed += int(passed or 0)
    return own


async def unit_counts(scope: Scope, root: Department | None) -> dict[int, UnitCounts]:
    """Every department of `root`'s subtree with its subtree's figures."""
    ids = scope.subtree(root)
    own = await own_counts(scope, ids)
    return rollup({d: scope.tree.by_id[d].path for d in ids}, own)


def total(scope: Scope, counts: dict[int, UnitCounts], root: Department | None) -> UnitCounts:
    """The figures of `root` (the whole enterprise: the sum of its top departments)."""
    if root is not None:
        return counts[root.id]
    out = UnitCounts()
    for dept in scope.tree.by_id.values():
        if dept.parent_id is None and dept.id in counts:
            out.add(counts[dept.id])
    return out


async def completion_trend(scope: Scope, root: Department | None, enrolled: int) -> list[TrendDay]:
    """Completions per day (local dates) and the cumulative share, from the first campaign's
    start to today or the last deadline, whichever is earlier."""
    if not scope.campaigns:
        return []
    done: list[datetime] = await Enrollment.filter(  # type: ignore[assignment]
        campaign_id__in=scope.campaign_ids,
        status="complete",
        completed_at__not_isnull=True,
        worker__department_id__in=scope.subtree(root),
    ).values_list("completed_at", flat=True)
    days = [at.astimezone(scope.tz).date() for at in done]
    first = min(c.start_date for c in scope.campaigns)
    last = min(scope.today, max(c.deadline for c in scope.campaigns))
    return trend(days, enrolled, first, last)


async def find_unit(scope: Scope, unit_id: int) -> Department:
    dept = scope.tree.by_id.get(unit_id)
    if dept is None:
        raise NotFound(f"no unit {unit_id}")
    return dept
