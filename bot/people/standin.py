"""Stand-in risk in production: assess a worker from stored rows, keep the score and its reasons,
and arm a live challenge when it is high (bot/campaigns/challenges.py asks and decides it).

When: at the end of every quiz (the worker's own week, and their team's quizzes that finished
around this one: speed, pace, copied answers, shift, accuracy) and in a nightly sweep (everyone
active in the enterprise over the window: hand-offs, which take days to show, and sheets and
phones passed between teams). Never per answer: the answer callback's cost stays flat.

Invariants: a worker has at most one open challenge (`open_for` is unique); a challenge is
raised together with its history record, in one transaction; an assessment looks back no
further than the worker's last decided challenge, so the same evidence is not judged twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.people import riskdata
from bot.people.history import record
from bot.people.rules.risk import Risk, RiskParams, assess
from bot.people.rules.riskfeatures import build
from bot.storage.models import Department, RiskScore, StandinChallenge, Worker

log = logging.getLogger(__name__)

OPEN = ("armed", "asked", "submitted", "expired")
AROUND = timedelta(minutes=45)  # a quiz's end compares it with the team's quizzes this close
DECIDED = ("confirmed", "rejected")


def params(services: Services) -> RiskParams:
    return RiskParams(threshold=services.config.standin.threshold)


def reasons_json(risk: Risk) -> list[dict[str, Any]]:
    return [{"code": r.code, "weight": r.weight, "facts": r.facts} for r in risk.reasons]


def _offset_min(services: Services) -> int:
    offset = services.clock.local_now().utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


async def _decided_since(worker_ids: list[int]) -> dict[int, datetime]:
    """Each worker's last decided challenge: the activity before it has been judged."""
    rows = await StandinChallenge.filter(worker_id__in=worker_ids, status__in=DECIDED).values_list(
        "worker_id", "decided_at"
    )
    last: dict[int, datetime] = {}
    for worker_id, decided in rows:
        if decided is not None and (worker_id not in last or decided > last[worker_id]):
            last[int(worker_id)] = decided
    return last


async def after_quiz(
    services: Services, worker_id: int, session_id: int, started_at: datetime
) -> Risk | None:
    """Assess the worker as their quiz ends, among their team; arm a challenge if it is high."""
    cfg = services.config.standin
    if not cfg.enabled:
        return None
    worker = await Worker.get(id=worker_id)
    now = services.clock.now()
    start = now - timedelta(days=cfg.window_days)
    since = max([start, *(await _decided_since([worker.id])).values()])
    team = await Worker.filter(department_id=worker.department_id).values_list("id", flat=True)
    near = (started_at - AROUND, now + AROUND)
    rows = await riskdata.load(services, [worker.id], start, [int(str(t)) for t in team], near)
    risk = assess(
        build(rows, _offset_min(services)), worker.id, since.timestamp(), params(services)
    )
    await keep(services, worker, risk, f"quiz:{session_id}", since)
    return risk


async def sweep(services: Services, enterprise_id: int, day: date) -> int:
    """Assess everyone active in the enterprise over the window; returns challenges armed."""
    cfg = services.config.standin
    if not cfg.enabled:
        return 0
    now = services.clock.now()
    start = now - timedelta(days=cfg.window_days)
    active = await riskdata.active_workers(enterprise_id, start)
    if not active:
        return 0
    rows = await riskdata.load(services, active, start)
    population = build(rows, _offset_min(services))
    decided = await _decided_since(active)
    workers: dict[int, Worker] = {}
    for chunk in riskdata.chunks(active):
        workers.update({w.id: w for w in await Worker.filter(id__in=chunk)})
    armed = 0
    for worker_id in active:
        since = max(start, decided.get(worker_id, start))
        risk = assess(population, worker_id, since.timestamp(), params(services))
        if await keep(services, workers[worker_id], risk, f"sweep:{worker_id}:{day}", since):
            armed += 1
    log.info(
        "stand-in sweep of enterprise %s: %d assessed, %d armed", enterprise_id, len(active), armed
    )
    return armed


async def keep(services: Services, worker: Worker, risk: Risk, key: str, since: datetime) -> bool:
    """Store an assessment that found something; arm a challenge when it is over the threshold
    and none is open. Returns whether one was armed."""
    if not risk.reasons:
        return False
    now = services.clock.now()
    score, _ = await RiskScore.get_or_create(
        key=key,
        defaults={
            "enterprise_id": worker.enterprise_id,
            "worker": worker,
            "score": risk.score,
            "reasons": reasons_json(risk),
            "since": since,
            "computed_at": now,
        },
    )
    if not risk.above(services.config.standin.threshold):
        return False
    if await StandinChallenge.filter(open_for=worker.id).exists():
        return False
    try:
        async with in_transaction():
            challenge = await StandinChallenge.create(
                enterprise_id=worker.enterprise_id,
                worker=worker,
                open_for=worker.id,
                risk=score,
                score=risk.score,
                reasons=reasons_json(risk),
                since=since,
                raised_at=now,
            )
            await record(
                services,
                worker,
                "challenge_raised",
                source="system",
                data={
                    "challenge": challenge.id,
                    "score": risk.score,
                    "reasons": [r.code for r in risk.reasons],
                    "cause": key,
                },
                key=f"challenge:{challenge.id}:raised",
            )
    except IntegrityError:
        return False  # armed concurrently for the same worker
    log.info(
        "stand-in challenge %s armed for worker %s (%.2f)", challenge.id, worker.id, risk.score
    )
    return True


@dataclass
class Hold:
    """What stand-in challenges say about a worker's completions: none while one is open, and
    nothing from a rejected window."""

    open: bool = False
    void: list[tuple[datetime, datetime]] = field(default_factory=list)


async def hold(worker_id: int) -> Hold:
    rows = await StandinChallenge.filter(
        worker_id=worker_id, status__in=(*OPEN, "rejected")
    ).values_list("status", "since", "decided_at")
    found = Hold()
    for status, since, decided in rows:
        if status in OPEN:
            found.open = True
        elif decided is not None:
            found.void.append((since, decided))
    return found


async def leader_of(worker: Worker) -> Worker | None:
    """The supervisor nearest above the worker in the department tree (their own team's first)."""
    department = await Department.get(id=worker.department_id)
    ids = [int(part) for part in department.path.strip("/").split("/") if part]
    leaders = (
        await Worker.filter(
            enterprise_id=worker.enterprise_id,
            department_id__in=ids,
            is_supervisor=True,
            status="active",
        )
        .exclude(id=worker.id)
        .select_related("department")
        .order_by("employee_no")
    )
    if not leaders:
        return None
    return max(leaders, key=lambda w: len(w.department.path))
