"""Sitting an exam: start (or refuse, saying why), answer one question at a time (chat) or all at
once (mini-program), finish, and the scheduler's sweep of sittings and seats past their time.

The invariant: a sitting is finished exactly once — a conditional update on `finished_at`, in the
transaction that stores its last answers and decides its seat — so a double answer, a repeated
submit or the sweep racing a submit cannot score it twice. Its answers are its identity's (the
one it was started with, whose level it records): another identity of the same worker is told
to go back to where it started. A submit is known by its `request_id`: a repeat gets the stored
result.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.errors import Conflict, InvalidInput
from bot.learning.exams import OPEN, bank_items, job_bank, paper_rules, retraining_left
from bot.learning.rules.paper import Unfillable, compose, missed_topics, passed
from bot.learning.rules.quiz import grade, normalize_choice
from bot.learning.rules.shuffle import Order, shuffle
from bot.learning.rules.sitting import clamp, in_time, overdue
from bot.people.guidance import shortfall
from bot.storage.models import (
    Exam,
    ExamAnswer,
    ExamAttempt,
    ExamSeat,
    Identity,
    Question,
    QuizSession,
    Worker,
)

log = logging.getLogger(__name__)


class Refused(Conflict):
    """Why a worker may not sit (or go on with) an exam now; the message says it in zh-CN."""


class _Raced(Exception):
    """Another request changed the row first."""


@dataclass
class Sitting:
    attempt: ExamAttempt
    exam: Exam
    questions: list[Question]  # in paper order
    resumed: bool = False

    def shown(self, position: int) -> dict[str, str]:
        """Question `position`'s options as this sitting shows them (shown letter -> text)."""
        return Order(self.attempt.orders[position]).shown(self.questions[position].options)


async def sitting_of(attempt: ExamAttempt, resumed: bool = False) -> Sitting:
    exam = await Exam.get(seats__id=attempt.seat_id)
    by_id = {q.id: q for q in await Question.filter(id__in=attempt.question_ids)}
    return Sitting(attempt, exam, [by_id[q] for q in attempt.question_ids], resumed)


async def open_attempt(worker_id: int) -> ExamAttempt | None:
    return (
        await ExamAttempt.filter(seat__worker_id=worker_id, finished_at=None)
        .order_by("-id")
        .first()
    )


def _own(services: Services, attempt: ExamAttempt, identity: Identity) -> None:
    if attempt.identity_id != identity.id:
        raise Refused(services.copy.t("exam.other_channel"), code="other_channel")


async def start(services: Services, identity: Identity, seat: ExamSeat) -> Sitting:
    """Resume the seat's open sitting, or start the next one; Refused says why not."""
    now = services.clock.now()
    current = await ExamAttempt.filter(seat_id=seat.id, finished_at=None).first()
    if current is not None:
        if now <= current.deadline_at:
            _own(services, current, identity)
            return await sitting_of(current, resumed=True)
        await close_timed_out(services, current)
        seat = await ExamSeat.get(id=seat.id)
    exam = await Exam.get(id=seat.exam_id)
    await _may_start(services, identity, exam, seat, now)
    number = seat.attempts + 1
    worker = await Worker.get(id=seat.worker_id).select_related("job")
    bank = await job_bank(exam.enterprise_id, worker.job.code)
    seed = f"exam:{exam.id}:{worker.id}:{number}"
    try:
        ids = compose(paper_rules(exam), bank_items(bank), seed)
    except Unfillable as err:
        log.warning("exam %s cannot be composed for job %s: %s", exam.id, worker.job.code, err)
        raise Refused(services.copy.t("exam.bank_short"), code="bank_short") from None
    by_id = {q.id: q for q in bank}
    orders = [shuffle(by_id[q].options, by_id[q].qtype, f"{seed}:{q}").order for q in ids]
    try:
        async with in_transaction():
            took = await ExamSeat.filter(id=seat.id, attempts=seat.attempts, status=OPEN).update(
                attempts=number
            )
            if not took:
                raise _Raced
            # a daily quiz left open ends here: from now on the letters are the exam's
            await QuizSession.filter(worker_id=seat.worker_id, finished_at=None).update(
                finished_at=now
            )
            attempt = await ExamAttempt.create(
                seat_id=seat.id,
                number=number,
                question_ids=ids,
                orders=orders,
                started_at=now,
                deadline_at=now + timedelta(seconds=exam.time_limit_s),
                identity=identity,
                identity_level=identity.level,
            )
    except (_Raced, IntegrityError):  # a concurrent start: go on with the sitting it made
        current = await ExamAttempt.filter(seat_id=seat.id, finished_at=None).first()
        if current is None:
            raise Refused(services.copy.t("exam.no_attempts"), code="no_attempts_left") from None
        return await sitting_of(current, resumed=True)
    return Sitting(attempt, exam, [by_id[q] for q in ids])


async def _may_start(
    services: Services, identity: Identity, exam: Exam, seat: ExamSeat, now: datetime
) -> None:
    copy = services.copy
    if seat.status != OPEN:
        raise Refused(copy.t(f"exam.closed_{seat.status}", exam=exam.name), code=seat.status)
    if seat.due_at is not None and now > seat.due_at:
        await ExamSeat.filter(id=seat.id, status=OPEN).update(status="expired", decided_at=now)
        raise Refused(copy.t("exam.closed_expired", exam=exam.name), code="expired")
    if seat.attempts >= exam.max_attempts:
        raise Refused(copy.t("exam.no_attempts"), code="no_attempts_left")
    account = services.config.account(identity.account)
    assert account is not None  # a bound identity's account is configured
    below = shortfall(services, account, identity.level, exam.min_identity_level, exam.name)
    if below is not None:
        raise Refused(below, code="identity_level")
    left = await retraining_left(seat)
    if left:
        topics = "、".join(seat.retrain_topics)
        raise Refused(
            copy.t("exam.retrain_first", topics=topics, left=len(left)), code="retraining"
        )


@dataclass
class Step:
    sitting: Sitting
    valid: bool = True
    result: dict[str, Any] | None = None  # the sitting ended: its result
    timed_out: bool = False


async def answer(services: Services, identity: Identity, attempt: ExamAttempt, text: str) -> Step:
    """One answer, by the letter shown (chat). After the deadline nothing is graded: the
    sitting closes as timed out, its unanswered questions wrong."""
    now = services.clock.now()
    if now > attempt.deadline_at:
        result = await close_timed_out(services, attempt)
        return Step(await sitting_of(attempt), result=result, timed_out=True)
    _own(services, attempt, identity)
    sitting = await sitting_of(attempt, resumed=True)
    position = attempt.position
    question = sitting.questions[position]
    order = Order(attempt.orders[position])
    letters = [chr(ord("A") + i) for i in range(len(order.order))]
    shown = normalize_choice(text, letters, multi=question.qtype == "multi")
    if shown is None:
        return Step(sitting, valid=False)
    bank = order.to_bank(shown)
    correct = grade(question.answer, bank)
    try:
        async with in_transaction():
            moved = await ExamAttempt.filter(
                id=attempt.id, position=position, finished_at=None
            ).update(position=position + 1, correct=F("correct") + int(correct))
            if not moved:
                raise _Raced
            await ExamAnswer.create(
                attempt_id=attempt.id,
                position=position,
                question=question,
                question_version=question.version,
                shown=shown,
                choice=bank,
                correct=correct,
                answered_at=now,
            )
    except (_Raced, IntegrityError):  # the same answer twice at once: the first one counts
        pass
    attempt = await ExamAttempt.get(id=attempt.id)
    sitting.attempt = attempt
    if attempt.finished_at is None and attempt.position >= len(attempt.question_ids):
        return Step(sitting, result=await _finish(services, attempt, "answered"))
    return Step(sitting, result=attempt.result if attempt.finished_at else None)


async def submit(
    services: Services,
    identity: Identity,
    attempt: ExamAttempt,
    request_id: str,
    answers: Mapping[str, str],
    times: Mapping[str, datetime],
) -> dict[str, Any]:
    """Every remaining answer at once (mini-program). Nothing is stored unless each is
    well-formed; an answer whose time (the client's, bounded by the start and by now) is after
    the deadline does not count. A repeat of a stored submit returns its result."""
    if attempt.request_id == request_id and attempt.finished_at is not None:
        return attempt.result
    copy = services.copy
    if attempt.finished_at is not None:
        raise Conflict(copy.t("exam.finished"), code="exam_finished")
    _own(services, attempt, identity)
    sitting = await sitting_of(attempt, resumed=True)
    remaining = {str(q.id): p for p, q in enumerate(sitting.questions) if p >= attempt.position}
    problems: dict[str, str] = {}
    shown: dict[str, str] = {}
    for qid, given in answers.items():
        if qid not in remaining:
            problems[qid] = copy.t("exam.answer_not_open")
            continue
        position = remaining[qid]
        n = len(attempt.orders[position])
        multi = sitting.questions[position].qtype == "multi"
        choice = normalize_choice(given, [chr(ord("A") + i) for i in range(n)], multi=multi)
        if choice is None:
            letters = "/".join(chr(ord("A") + i) for i in range(n))
            problems[qid] = copy.t("api.answer_bad_format", letters=letters)
        else:
            shown[qid] = choice
    for qid in set(times) - set(answers):
        problems[qid] = copy.t("exam.time_without_answer")
    if problems:
        raise InvalidInput(
            copy.t("api.answers_rejected", count=len(problems)),
            code="bad_answers",
            details=dict(sorted(problems.items())),
        )
    now = services.clock.now()
    late: list[int] = []
    try:
        async with in_transaction():
            took = await ExamAttempt.filter(
                id=attempt.id, finished_at=None, request_id=None
            ).update(request_id=request_id, position=len(attempt.question_ids))
            if not took:
                raise _Raced
            for qid, position in remaining.items():
                if qid not in shown:
                    continue  # not answered: wrong
                at = clamp(times.get(qid), attempt.started_at, now)
                if not in_time(at, attempt.deadline_at):
                    late.append(int(qid))
                    continue
                question = sitting.questions[position]
                bank = Order(attempt.orders[position]).to_bank(shown[qid])
                await ExamAnswer.create(
                    attempt_id=attempt.id,
                    position=position,
                    question=question,
                    question_version=question.version,
                    shown=shown[qid],
                    choice=bank,
                    correct=grade(question.answer, bank),
                    answered_at=at,
                )
            result = await _finish(services, attempt, "submitted", late)
    except (_Raced, IntegrityError):
        again = await ExamAttempt.get(id=attempt.id)
        if again.request_id == request_id and again.finished_at is not None:
            return again.result
        raise Conflict(copy.t("exam.finished"), code="exam_finished") from None
    return result


async def close_timed_out(services: Services, attempt: ExamAttempt) -> dict[str, Any]:
    """Close a sitting past its deadline: what was answered in time counts, the rest is wrong."""
    return await _finish(services, attempt, "timeout")


async def _finish(
    services: Services, attempt: ExamAttempt, ended: str, late: list[int] | None = None
) -> dict[str, Any]:
    now = services.clock.now()
    async with in_transaction():
        graded = dict(
            await ExamAnswer.filter(attempt_id=attempt.id).values_list("question_id", "correct")
        )
        topics = dict(await Question.filter(id__in=attempt.question_ids).values_list("id", "topic"))
        seat = await ExamSeat.get(id=attempt.seat_id).select_related("exam")
        exam = seat.exam
        total = len(attempt.question_ids)
        correct = sum(1 for ok in graded.values() if ok)
        ok = passed(correct, total, exam.pass_ratio)
        missed = missed_topics([(topics[q], bool(graded.get(q))) for q in attempt.question_ids])
        ratio = correct / total if total else 0.0
        values: dict[str, Any] = {"best_ratio": max(seat.best_ratio or 0.0, ratio)}
        if ok:
            values |= {"status": "passed", "decided_at": now, "retrain_topics": []}
        elif seat.attempts >= exam.max_attempts:
            values |= {"status": "failed", "decided_at": now}
        else:
            values |= {"retrain_topics": missed, "retrain_since": now}
        status = values.get("status", seat.status)
        result: dict[str, Any] = {
            "attempt_id": attempt.id,
            "exam": exam.name,
            "number": attempt.number,
            "max_attempts": exam.max_attempts,
            "ended": ended,
            "correct": correct,
            "total": total,
            "ratio": round(ratio, 4),
            "pass_ratio": exam.pass_ratio,
            "passed": ok,
            "late": sorted(late or []),
            "missed_topics": missed,
            "status": status,
            "attempts_left": 0 if status != OPEN else exam.max_attempts - seat.attempts,
            "retrain_topics": values.get("retrain_topics", []) if status == OPEN else [],
            "finished_at": now.isoformat(),
        }
        took = await ExamAttempt.filter(id=attempt.id, finished_at=None).update(
            finished_at=now, ended=ended, passed=ok, correct=correct, result=result
        )
        if not took:  # finished by someone else first: theirs stands
            return (await ExamAttempt.get(id=attempt.id)).result
        await ExamSeat.filter(id=seat.id, status=OPEN).update(**values)
    attempt.finished_at, attempt.result = now, result
    return result


async def sweep(services: Services) -> tuple[int, int]:
    """Close sittings past their deadline and the grace a queued submit gets, as timed out;
    then expire undecided seats past due with no sitting open. Returns (closed, expired)."""
    now = services.clock.now()
    closed = 0
    for attempt in await ExamAttempt.filter(finished_at=None, deadline_at__lt=now):
        if overdue(now, attempt.deadline_at):
            await close_timed_out(services, attempt)
            closed += 1
    sitting = await ExamAttempt.filter(finished_at=None).values_list("seat_id", flat=True)
    past_due = ExamSeat.filter(status=OPEN, due_at__lt=now)
    if sitting:
        past_due = past_due.exclude(id__in=list(sitting))
    return closed, await past_due.update(status="expired", decided_at=now)
