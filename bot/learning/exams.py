"""Exams: set one up, call workers to sit it, the retraining a failed sitter owes, the
outcome per worker. Sittings, their clock and the seats' expiry: bot/learning/exam_attempts.py.

The invariant: a seat is decided once — `passed`, `failed` (out of attempts) or `expired` (past
due with no sitting open) — and a decided seat never changes again; a worker has at most one
seat per exam (assigning twice changes nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from bot.context import Services
from bot.errors import InvalidInput
from bot.learning.campaign_items import job_cards, job_questions
from bot.learning.rules.paper import BankItem, PaperRule, Unfillable, compose
from bot.storage.models import (
    Card,
    CardRead,
    Exam,
    ExamAttempt,
    ExamSeat,
    Identity,
    Question,
    Worker,
)

OPEN = "assigned"  # the one undecided status


@dataclass(frozen=True)
class ExamSpec:
    name: str
    paper: list[PaperRule]
    pass_ratio: float = 0.9
    time_limit_s: int = 1200
    max_attempts: int = 2
    min_identity_level: int = 1
    purpose: str = "general"
    campaign_id: int | None = None


async def create_exam(services: Services, enterprise_id: int, spec: ExamSpec) -> Exam:
    return await Exam.create(
        enterprise_id=enterprise_id,
        name=spec.name,
        purpose=spec.purpose,
        paper=[r.model_dump(exclude_none=True) for r in spec.paper],
        pass_ratio=spec.pass_ratio,
        time_limit_s=spec.time_limit_s,
        max_attempts=spec.max_attempts,
        min_identity_level=spec.min_identity_level,
        campaign_id=spec.campaign_id,
        created_at=services.clock.now(),
    )


def paper_rules(exam: Exam) -> list[PaperRule]:
    return [PaperRule.model_validate(r) for r in exam.paper]


def question_count(exam: Exam) -> int:
    return sum(r.count for r in paper_rules(exam))


async def job_bank(enterprise_id: int, job_code: str) -> list[Question]:
    """The questions of a job's bank (the same the job's campaigns draw from)."""
    return await job_questions(enterprise_id, job_code)


def bank_items(questions: Sequence[Question]) -> list[BankItem]:
    return [BankItem(q.id, q.qtype, q.topic, q.difficulty) for q in questions]


async def check_banks(exam: Exam, job_codes: set[str]) -> dict[str, Unfillable]:
    """For each job, the paper rule its bank cannot fill (a trial composition), if any."""
    problems: dict[str, Unfillable] = {}
    rules = paper_rules(exam)
    for job in sorted(job_codes):
        try:
            compose(rules, bank_items(await job_bank(exam.enterprise_id, job)), "check")
        except Unfillable as err:
            problems[job] = err
    return problems


async def assign(
    services: Services, exam: Exam, worker_ids: Sequence[int], due_at: datetime | None
) -> list[ExamSeat]:
    """Call each worker to sit `exam` by `due_at`; a worker who has a seat already keeps it as
    it is. Refused (InvalidInput, nothing stored) when some worker's job bank cannot fill the
    paper. Returns the seats made now."""
    workers = await Worker.filter(id__in=list(worker_ids)).select_related("job")
    problems = await check_banks(exam, {w.job.code for w in workers})
    if problems:
        raise InvalidInput(
            "paper: "
            + "; ".join(f"job {job}: {err}" for job, err in problems.items())
            + ". Lower the counts or widen the rules (or add questions to the bank)."
        )
    have = set(await ExamSeat.filter(exam=exam).values_list("worker_id", flat=True))
    made = []
    for worker in workers:
        if worker.id in have:
            continue
        try:
            seat = await ExamSeat.create(
                exam=exam, worker=worker, due_at=due_at, assigned_at=services.clock.now()
            )
        except IntegrityError:
            continue  # a concurrent assign made it
        made.append(seat)
    return made


async def next_seat(services: Services, worker_id: int) -> ExamSeat | None:
    """The worker's exam to sit now: one with a sitting open first, then the undecided seat
    due soonest (a seat with no due date last); with none, the latest seat they failed or let
    expire (so they hear why they cannot sit it)."""
    open_attempt = (
        await ExamAttempt.filter(seat__worker_id=worker_id, finished_at=None)
        .order_by("-id")
        .select_related("seat__exam")
        .first()
    )
    if open_attempt is not None:
        return open_attempt.seat
    seats = await ExamSeat.filter(worker_id=worker_id, status__not="passed").select_related("exam")
    now = services.clock.now()
    live = [s for s in seats if s.status == OPEN and (s.due_at is None or s.due_at >= now)]
    live.sort(key=lambda s: (s.due_at is None, s.due_at or now, s.id))
    if live:
        return live[0]
    return max(seats, key=lambda s: (s.status == OPEN, s.decided_at or now, s.id), default=None)


async def retraining_left(seat: ExamSeat) -> list[Card]:
    """The cards of the sitter's job in the seat's retraining topics they have not read (in
    their current version) since the retraining began; [] when nothing is owed."""
    if not seat.retrain_topics or seat.retrain_since is None:
        return []
    worker = await Worker.get(id=seat.worker_id).select_related("job")
    cards = await job_cards(worker.enterprise_id, worker.job.code, tuple(seat.retrain_topics))
    read = set(
        await CardRead.filter(
            worker_id=seat.worker_id,
            card_id__in=[c.id for c in cards],
            read_at__gte=seat.retrain_since,
        ).values_list("card_id", "card_version")
    )
    return sorted((c for c in cards if (c.id, c.version) not in read), key=lambda c: c.code)


async def outcomes(exam_id: int) -> dict[int, tuple[str, float | None, datetime | None]]:
    """Each sitter's seat: worker id -> (status, best ratio, when it was decided)."""
    rows = await ExamSeat.filter(exam_id=exam_id).values_list(
        "worker_id", "status", "best_ratio", "decided_at"
    )
    return {w: (status, best, decided) for w, status, best, decided in rows}


@dataclass
class RetrainingCard:
    card: Card
    index: int
    total: int
    last: bool


async def read_retraining(
    services: Services, identity: Identity, seat: ExamSeat
) -> RetrainingCard | None:
    """The next card of the seat's retraining the sitter has not read; opening it records the
    read (with the identity in force). None when nothing is owed."""
    left = await retraining_left(seat)
    if not left:
        return None
    worker = await Worker.get(id=seat.worker_id).select_related("job")
    topics = tuple(seat.retrain_topics)
    total = len(await job_cards(worker.enterprise_id, worker.job.code, topics))
    card = left[0]
    exam = await Exam.get(id=seat.exam_id)
    await CardRead.create(
        worker_id=seat.worker_id,
        card=card,
        card_version=card.version,
        campaign_id=exam.campaign_id,
        identity=identity,
        identity_level=identity.level,
        read_at=services.clock.now(),
    )
    return RetrainingCard(card, total - len(left) + 1, total, len(left) == 1)


async def retraining_seat(worker_id: int) -> ExamSeat | None:
    """The worker's undecided seat that owes a retraining, if any."""
    seats = await ExamSeat.filter(worker_id=worker_id, status=OPEN).order_by("due_at", "id")
    return next((s for s in seats if s.retrain_topics), None)
