"""The worker's exams in the mini-program: list them, start (or resume) a sitting, submit it at
once, read a result. A submit carries the client's `request_id`: repeating it (a phone that lost
the answer) returns the stored result; `answered_at` is the time the phone recorded per answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web
from pydantic import AwareDatetime, BaseModel, Field

from bot.api import Id32, bearer_token, parse_body, path_id
from bot.apidoc import Out, operation, respond
from bot.context import Services
from bot.errors import Conflict, NotFound
from bot.keys import SERVICES
from bot.learning import exam_attempts, exams
from bot.learning.exam_attempts import Sitting
from bot.people import sessions
from bot.storage.models import ExamAttempt, ExamSeat, Identity

routes = web.RouteTableDef()
REFUSALS = (404, 409)  # no such seat or sitting; not now (the message says why)


class SeatPath(BaseModel):
    seat_id: Id32


class AttemptPath(BaseModel):
    attempt_id: Id32


class ExamSubmitIn(BaseModel):
    request_id: str = Field(
        min_length=1, max_length=64, description="the client's own id of this submit"
    )
    # question id -> the chosen letters as shown, e.g. {"12": "A", "31": "AC"}; a question left
    # out counts as wrong
    answers: dict[str, str] = Field(max_length=200)
    answered_at: dict[str, AwareDatetime] = Field(
        default_factory=dict, max_length=200, description="question id -> when it was answered"
    )


class RetrainingOut(Out):
    topics: list[str]
    cards_left: int


class MyExamOut(Out):
    seat_id: int
    exam_id: int
    name: str
    status: str
    question_count: int
    time_limit_minutes: int
    pass_ratio: float
    attempts_used: int
    attempts_left: int
    due_at: datetime | None
    retraining: RetrainingOut | None
    open_attempt_id: int | None


class MyExamsOut(Out):
    exams: list[MyExamOut]


class ExamQuestionOut(Out):
    id: int
    type: str
    stem: str
    options: dict[str, str] = Field(description="as shown to this sitter: shown letter -> text")
    image: str | None


class SittingOut(Out):
    attempt_id: int
    number: int
    max_attempts: int
    resumed: bool
    started_at: datetime
    deadline_at: datetime
    answered: int
    total: int
    questions: list[ExamQuestionOut]


class ExamResultOut(Out):
    attempt_id: int
    exam: str
    number: int
    max_attempts: int
    ended: str
    correct: int
    total: int
    ratio: float
    pass_ratio: float
    passed: bool
    late: list[int] = Field(description="answers timed after the deadline: not counted")
    missed_topics: list[str]
    status: str
    attempts_left: int
    retrain_topics: list[str]
    finished_at: datetime


async def _caller(services: Services, request: web.Request) -> Identity:
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    return found.identity


async def _attempt(services: Services, request: web.Request, identity: Identity) -> ExamAttempt:
    missing = NotFound(services.copy.t("exam.no_such_exam"), code="no_such_exam")
    attempt = await ExamAttempt.get_or_none(
        id=path_id(request, "attempt_id", missing), seat__worker_id=identity.worker_id
    )
    if attempt is None:
        raise missing
    return attempt


async def _my_exam(seat: ExamSeat) -> dict[str, Any]:
    exam = seat.exam
    left = await exams.retraining_left(seat) if seat.status == exams.OPEN else []
    attempt = await ExamAttempt.filter(seat_id=seat.id, finished_at=None).first()
    open_left = exam.max_attempts - seat.attempts if seat.status == exams.OPEN else 0
    return {
        "seat_id": seat.id,
        "exam_id": exam.id,
        "name": exam.name,
        "status": seat.status,
        "question_count": exams.question_count(exam),
        "time_limit_minutes": exam.time_limit_s // 60,
        "pass_ratio": exam.pass_ratio,
        "attempts_used": seat.attempts,
        "attempts_left": max(open_left, 0),
        "due_at": seat.due_at,
        "retraining": {"topics": seat.retrain_topics, "cards_left": len(left)} if left else None,
        "open_attempt_id": attempt.id if attempt else None,
    }


def _sitting_json(sitting: Sitting) -> dict[str, Any]:
    attempt = sitting.attempt
    questions = [
        {
            "id": q.id,
            "type": q.qtype,
            "stem": q.stem,
            "options": sitting.shown(p),
            "image": q.image or None,
        }
        for p, q in enumerate(sitting.questions)
        if p >= attempt.position
    ]
    return {
        "attempt_id": attempt.id,
        "number": attempt.number,
        "max_attempts": sitting.exam.max_attempts,
        "resumed": sitting.resumed,
        "started_at": attempt.started_at,
        "deadline_at": attempt.deadline_at,
        "answered": attempt.position,
        "total": len(sitting.questions),
        "questions": questions,
    }


@routes.get("/api/v1/me/exams")
@operation("The worker's exams", security="worker", responses={200: MyExamsOut})
async def my_exams(request: web.Request) -> web.Response:
    """Every exam the worker was called to, the undecided ones first, soonest due first."""
    services: Services = request.app[SERVICES]
    identity = await _caller(services, request)
    seats = await ExamSeat.filter(worker_id=identity.worker_id).select_related("exam")
    seats.sort(key=lambda s: (s.status != exams.OPEN, s.due_at is None, s.due_at or 0, s.id))
    return respond(MyExamsOut, {"exams": [await _my_exam(s) for s in seats]})


@routes.post("/api/v1/me/exams/{seat_id}/start")
@operation(
    "Start or resume a sitting",
    security="worker",
    path=SeatPath,
    responses={200: SittingOut},
    errors=REFUSALS,
)
async def start(request: web.Request) -> web.Response:
    """The questions still to answer, their options in this sitting's own order, no answers;
    409 with the reason when the worker may not sit now (attempts, identity level, retraining
    owed, past due)."""
    services: Services = request.app[SERVICES]
    identity = await _caller(services, request)
    missing = NotFound(services.copy.t("exam.no_such_exam"), code="no_such_exam")
    seat = await ExamSeat.get_or_none(
        id=path_id(request, "seat_id", missing), worker_id=identity.worker_id
    )
    if seat is None:
        raise missing
    sitting = await exam_attempts.start(services, identity, seat)
    return respond(SittingOut, _sitting_json(sitting))


@routes.post("/api/v1/me/exam-attempts/{attempt_id}/submit")
@operation(
    "Submit a sitting's answers",
    security="worker",
    path=AttemptPath,
    body=ExamSubmitIn,
    responses={200: ExamResultOut},
    errors=REFUSALS,
)
async def submit(request: web.Request) -> web.Response:
    """Nothing is stored unless every answer is well-formed. Answers timed after the deadline
    (the phone's time, bounded by the start and by now) do not count. The same `request_id`
    again returns the same result."""
    services: Services = request.app[SERVICES]
    identity = await _caller(services, request)
    body = await parse_body(request, ExamSubmitIn)
    attempt = await _attempt(services, request, identity)
    result = await exam_attempts.submit(
        services, identity, attempt, body.request_id, body.answers, body.answered_at
    )
    return respond(ExamResultOut, result)


@routes.get("/api/v1/me/exam-attempts/{attempt_id}")
@operation(
    "A sitting's result",
    security="worker",
    path=AttemptPath,
    responses={200: ExamResultOut},
    errors=REFUSALS,
)
async def result(request: web.Request) -> web.Response:
    """409 while the sitting is still open."""
    services: Services = request.app[SERVICES]
    identity = await _caller(services, request)
    attempt = await _attempt(services, request, identity)
    if attempt.finished_at is None:
        raise Conflict(services.copy.t("exam.open"), code="exam_open")
    return respond(ExamResultOut, attempt.result)
