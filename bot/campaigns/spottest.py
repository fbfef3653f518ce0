"""Spot tests (抽考): a random sample of a campaign's workers, or of units' workers, stratified by
each worker's own unit and sized for a margin, called to a short exam by a deadline; the result
per unit is its pass rate with a 95 % interval judged against the line (rules/spotsample.py).

Invariant: a spot test is written whole or not at all — its Exam, SpotTest, strata, one
ExamSeat per drawn worker and the outbox row telling each reachable sitter commit in one
transaction — and the draw is a function of the seed and the roster at that moment, so the
stored seed explains every seat. Results are read from the seats: only passed and failed seats
have sat; any other seat is a non-responder, never a pass.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, Field, model_validator
from tortoise.transactions import in_transaction

from bot.campaigns.audience import members, resolve
from bot.campaigns.rules.audience import AudienceRule, UnitRule
from bot.campaigns.rules.spotsample import Method, UnitResult, draw, overall, unit_result
from bot.context import Services
from bot.delivery.channels import AUTO, Notice, bound_workers
from bot.delivery.contact import windows
from bot.delivery.rules.contact import first_allowed
from bot.errors import InvalidInput, NotFound
from bot.learning import exams
from bot.learning.training import STUDYING
from bot.people.org import OrgTree, load_tree
from bot.storage.models import (
    Campaign,
    Delivery,
    Enrollment,
    Enterprise,
    Exam,
    ExamSeat,
    SpotTest,
    SpotTestStratum,
    Worker,
)

SAT = ("passed", "failed")


class SpotSpec(BaseModel):
    """A spot test as the inspector asks for it (POST /admin/v1/spot-tests, the CLI)."""

    enterprise: str | None = Field(None, min_length=1, max_length=64, description="its code")
    campaign: int | None = Field(None, ge=1, le=2**31 - 1, description="draw from its workers")
    units: list[str] = Field(
        [], max_length=50, description="or from these units (path or code) and below"
    )
    margin: float = Field(gt=0, le=0.5, description="the half-width each unit is sized for")
    line: float = Field(0.9, gt=0, lt=1, description="the pass-rate line units are judged by")
    expected: float | None = Field(
        None, gt=0, lt=1, description="the pass rate assumed for sizing (default the line)"
    )
    deadline: date
    questions: int = Field(10, ge=1, le=100)
    pass_ratio: float = Field(0.8, gt=0, le=1, description="a sitter's pass mark")
    time_limit_minutes: int = Field(20, ge=1, le=600)
    seed: str | None = Field(None, min_length=1, max_length=64)
    requested_by: str = Field("", max_length=64, description="e.g. 监管 张三")

    @model_validator(mode="after")
    def _one_scope(self) -> SpotSpec:
        if (self.campaign is None) == (not self.units):
            raise ValueError("give either campaign or units")
        return self


log = logging.getLogger(__name__)


@dataclass
class Population:
    enterprise: Enterprise
    campaign: Campaign | None
    scope: str  # in words: the campaign's name or the units' paths
    units: dict[int, list[int]]  # unit id -> active worker ids


async def population(services: Services, spec: SpotSpec) -> Population:
    """Who can be drawn, by unit: a campaign's active enrolled or completed workers, or the
    active workers of the units and their subtrees."""
    copy = services.copy
    pairs: list[tuple[int, int]]
    if spec.campaign is not None:
        campaign = await Campaign.get_or_none(id=spec.campaign).select_related("enterprise")
        if campaign is None or spec.enterprise not in (None, campaign.enterprise.code):
            raise NotFound(copy.t("spot.no_campaign", id=spec.campaign))
        enterprise, scope = campaign.enterprise, campaign.name
        rows = await Enrollment.filter(
            campaign=campaign, status__in=STUDYING, worker__status="active"
        ).values_list("worker_id", "worker__department_id")
        pairs = [(int(w), int(d)) for w, d in rows]
    else:
        campaign = None
        if spec.enterprise is None:
            raise InvalidInput(copy.t("spot.unit_needs_enterprise"))
        found = await Enterprise.get_or_none(code=spec.enterprise)
        if found is None:
            raise NotFound(copy.t("spot.no_enterprise", code=spec.enterprise))
        enterprise = found
        rule = AudienceRule(units=[UnitRule(unit=u) for u in spec.units])
        resolved = await resolve(enterprise, rule, None)
        scope = "、".join(u.label for u in resolved.rule.units)
        reached = await members(enterprise.id, resolved.rule, None, services.clock.today())
        pairs = [(m.worker_id, m.department_id) for m in reached]
    pairs = await _testable(enterprise, spec, pairs)
    units: dict[int, list[int]] = {}
    for worker_id, dept_id in pairs:
        units.setdefault(dept_id, []).append(worker_id)
    if not units:
        raise InvalidInput(copy.t("spot.empty"))
    return Population(enterprise, campaign, scope, units)


async def _testable(
    enterprise: Enterprise, spec: SpotSpec, pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Only workers whose job's bank can fill the paper can sit it (a team leader with no bank
    of their own is not part of the population); the rest are logged, job by job."""
    jobs = dict(await Worker.filter(id__in=[w for w, _ in pairs]).values_list("id", "job__code"))
    trial = Exam(enterprise_id=enterprise.id, paper=[{"count": spec.questions}])
    short = await exams.check_banks(trial, {str(j) for j in jobs.values()})
    if short:
        log.warning("spot test leaves out jobs whose bank cannot fill the paper: %s", short)
    return [(w, d) for w, d in pairs if str(jobs[w]) not in short]


def due_at(services: Services, deadline: date) -> datetime:
    """The end of the deadline's local day (the first moment of the next)."""
    return datetime.combine(deadline + timedelta(days=1), time(0), tzinfo=services.clock.tz)


def notice(services: Services, spec: SpotSpec, scope: str) -> Notice:
    copy = services.copy
    who = spec.requested_by.strip()
    facts = {
        "scope": scope,
        "requested_by": copy.t("spot.requested_by", who=who)
        if who
        else copy.t("spot.requested_default"),
        "questions": spec.questions,
        "minutes": spec.time_limit_minutes,
        "pass_percent": round(spec.pass_ratio * 100),
        "deadline": spec.deadline.isoformat(),
    }
    title = copy.t("spot.title")
    name = copy.t("spot.exam_name", scope=scope)
    return Notice(
        text=copy.t("spot.text", **facts),
        template={
            "first": title,
            "keyword1": name,
            "keyword2": spec.deadline.isoformat(),
            "remark": copy.t("spot.hint", **facts),
        },
        subscribe={
            "campaign": name,
            "deadline": spec.deadline.isoformat(),
            "hint": copy.t("spot.hint", **facts),
        },
        title=title,
    )


async def _tell(
    services: Services, spot: SpotTest, found: Population, spec: SpotSpec, drawn: list[int]
) -> list[Delivery]:
    """One outbox row per reachable sitter. A spot test is an official call with a deadline,
    not a nudge: it is outside the one-a-day limit and the weekly cap (which could refuse it),
    but it waits for the end of quiet hours and of the sitter's shift."""
    code = found.enterprise.code
    reachable = await bound_workers(services, code, drawn)
    if not reachable:
        return []
    account = found.campaign.account if found.campaign is not None else ""
    if not account:
        account = next((a.name for a in services.config.accounts if a.enterprise == code), "")
    payload = notice(services, spec, found.scope).to_json()
    spans = await windows(services, code, reachable)
    now = services.clock.local_now()
    rows = []
    for worker_id in reachable:
        at = first_allowed(now, spans[worker_id]) or now
        rows.append(
            Delivery(
                key=f"spot:{spot.id}:{worker_id}",
                kind="spot_test",
                account=account,
                openid="",
                channel=AUTO,
                payload=payload,
                campaign_id=spot.campaign_id,
                worker_id=worker_id,
                next_attempt_at=at.astimezone(UTC),  # SQLite compares the stored text
                created_at=services.clock.now(),
            )
        )
    return rows


async def create_spot_test(services: Services, spec: SpotSpec) -> SpotTest:
    """Draw the sample and call it: Exam, SpotTest, strata, seats and notices in one
    transaction (see the module's invariant)."""
    copy = services.copy
    if spec.deadline < services.clock.today():
        raise InvalidInput(copy.t("spot.deadline_past", deadline=spec.deadline.isoformat()))
    found = await population(services, spec)
    seed = spec.seed or secrets.token_hex(8)
    expected = spec.expected if spec.expected is not None else spec.line
    sample = draw(found.units, spec.margin, expected, seed)
    now, due = services.clock.now(), due_at(services, spec.deadline)
    async with in_transaction():
        exam = await Exam.create(
            enterprise=found.enterprise,
            name=copy.t("spot.exam_name", scope=found.scope)[:128],
            purpose="spot",
            paper=[{"count": spec.questions}],
            pass_ratio=spec.pass_ratio,
            time_limit_s=spec.time_limit_minutes * 60,
            max_attempts=1,  # one sitting: a retake would measure the retake
            campaign=found.campaign,
            created_at=now,
        )
        spot = await SpotTest.create(
            enterprise=found.enterprise,
            exam=exam,
            campaign=found.campaign,
            margin=spec.margin,
            line=spec.line,
            seed=seed,
            requested_by=spec.requested_by.strip()[:64],
            due_at=due,
            created_at=now,
        )
        await SpotTestStratum.bulk_create(
            [
                SpotTestStratum(
                    spot_test=spot, unit_id=unit, population=len(ids), drawn=len(sample[unit])
                )
                for unit, ids in sorted(found.units.items())
            ]
        )
        drawn = sorted(w for ids in sample.values() for w in ids)
        # the exam engine's seats (refused, with nothing kept, when a job's bank is too small)
        await exams.assign(services, exam, drawn, due)
        rows = await _tell(services, spot, found, spec, drawn)
        if rows:
            await Delivery.bulk_create(rows)
    if rows:
        services.wake_sender()
    return spot


@dataclass
class UnitLine:
    unit_id: int
    label: str
    result: UnitResult
    unreachable: int  # drawn but bound to no account: could not be told


@dataclass
class SpotResult:
    spot: SpotTest
    enterprise: Enterprise
    campaign: Campaign | None
    method: Method
    units: list[UnitLine]
    overall: UnitResult
    moved: int  # sitters now in a unit outside the strata: in no unit's figures


async def find_spot_test(services: Services, spot_id: int, enterprise: str | None) -> SpotTest:
    """The spot test; NotFound for one of another enterprise than `enterprise` (None: any)."""
    spot = await SpotTest.get_or_none(id=spot_id).select_related("enterprise", "campaign", "exam")
    if spot is None or enterprise not in (None, spot.enterprise.code):
        raise NotFound(services.copy.t("spot.no_spot_test", id=spot_id))
    return spot


async def spot_result(services: Services, spot: SpotTest, method: Method = "wilson") -> SpotResult:
    """Per unit and overall, from the seats as they stand now."""
    strata = await SpotTestStratum.filter(spot_test=spot).order_by("unit_id")
    seats = await ExamSeat.filter(exam_id=spot.exam_id).values_list(
        "worker_id", "worker__department_id", "status"
    )
    drawn_ids = [int(w) for w, _, _ in seats]
    reachable = set(await bound_workers(services, spot.enterprise.code, drawn_ids))
    # a seat counts in its sitter's unit; the seats do not keep the unit they were drawn in,
    # so a sitter moved since to a unit outside the strata is counted apart (`moved`)
    counts: dict[int, dict[str, int]] = {s.unit_id: {} for s in strata}
    moved = 0
    for worker_id, dept_id, status in seats:
        tally = counts.get(int(dept_id))
        if tally is None:
            moved += 1
            continue
        key = str(status) if status in SAT else "no_response"
        tally[key] = tally.get(key, 0) + 1
        if int(worker_id) not in reachable:
            tally["unreachable"] = tally.get("unreachable", 0) + 1
    tree = await load_tree(spot.enterprise)
    lines = []
    for s in strata:
        c = counts.get(s.unit_id, {})
        result = unit_result(
            s.population,
            c.get("passed", 0),
            c.get("failed", 0),
            c.get("no_response", 0),
            spot.line,
            method,
        )
        lines.append(UnitLine(s.unit_id, _label(tree, s.unit_id), result, c.get("unreachable", 0)))
    lines.sort(key=lambda line: line.label)
    results = [line.result for line in lines]
    pooled = unit_result(
        sum(r.population for r in results),
        sum(r.passed for r in results),
        sum(r.failed for r in results),
        sum(r.no_response for r in results),
        spot.line,
        method,
    )
    weighted = overall(results, spot.line, method)
    whole = UnitResult(
        pooled.population,
        pooled.drawn,
        pooled.passed,
        pooled.failed,
        pooled.no_response,
        weighted,
        pooled.worst,
    )
    return SpotResult(spot, spot.enterprise, spot.campaign, method, lines, whole, moved)


def _label(tree: OrgTree, unit_id: int) -> str:
    return tree.label(unit_id) if unit_id in tree.by_id else str(unit_id)


def result_json(services: Services, result: SpotResult) -> dict[str, Any]:
    """The result as the admin API answers it."""
    spot = result.spot

    def estimate(e: Any) -> dict[str, Any]:
        return {
            "sat": e.sat,
            "passed": e.passed,
            "rate": e.rate,
            "low": e.low,
            "high": e.high,
            "verdict": e.verdict,
        }

    def unit(r: UnitResult) -> dict[str, Any]:
        return {
            "population": r.population,
            "drawn": r.drawn,
            "passed": r.passed,
            "failed": r.failed,
            "no_response": r.no_response,
            "observed": estimate(r.observed),
            "worst_case": estimate(r.worst),
        }

    return {
        "id": spot.id,
        "enterprise": result.enterprise.code,
        "campaign": result.campaign.id if result.campaign else None,
        "exam": spot.exam_id,
        "name": spot.exam.name,
        "margin": spot.margin,
        "line": spot.line,
        "seed": spot.seed,
        "requested_by": spot.requested_by,
        "due_at": spot.due_at.astimezone(services.clock.tz).isoformat(),
        "created_at": spot.created_at.astimezone(services.clock.tz).isoformat(),
        "method": result.method,
        "units": [
            {"unit": u.label, "unreachable": u.unreachable, **unit(u.result)} for u in result.units
        ],
        "overall": unit(result.overall),
        "moved": result.moved,
    }
