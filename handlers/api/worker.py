"""The worker's own endpoints: today's tasks, today's card, the quiz (as a batch), progress.

Today's card and the quiz carry `identity` (level, the campaign's required level, and the
guidance text when it falls short), so the mini-program can say so before the worker starts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import Id32, bearer_token, parse_body, path_id
from bot.apidoc import Out, operation, respond
from bot.campaigns import challenges
from bot.context import Services
from bot.errors import Conflict, InvalidInput, NotFound
from bot.keys import SERVICES
from bot.learning import exam_attempts, memory, training
from bot.learning.links import card_path, card_url
from bot.learning.rules.quiz import normalize_choice
from bot.learning.rules.shuffle import Order
from bot.people import devices, sessions
from bot.people.guidance import shortfall
from bot.storage.models import Answer, Campaign, Enrollment, Identity, Question, QuizSession

routes = web.RouteTableDef()


class SubmitIn(BaseModel):
    # question id -> the chosen letters as shown in this quiz, e.g. {"12": "A", "31": "AC"}
    answers: dict[str, str] = Field(max_length=100)
    request_id: str | None = Field(
        None,
        min_length=8,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="the phone's id for this submit (a UUID): a repeat returns the same result",
    )
    answered_at: dict[str, datetime] = Field(
        default_factory=dict,
        max_length=100,
        description="question id -> when the worker answered it, by the phone's clock "
        "(kept between the quiz's start and the time it arrives)",
    )


class QuizPath(BaseModel):
    quiz_id: Id32


class EnrollmentOut(Out):
    campaign_id: int
    campaign: str
    deadline: date
    status: str
    cards_read: int
    cards_total: int
    quiz_passes: int
    quiz_passes_required: int


class TasksOut(Out):
    tasks: list[EnrollmentOut]


class ProgressOut(Out):
    campaigns: list[EnrollmentOut]


class IdentityOut(Out):
    level: int
    required: int
    enough: bool
    guidance: str | None


class CardOut(Out):
    code: str
    title: str
    body: str
    source: str
    index: int
    total: int
    review: bool
    campaign_complete: bool
    identity: IdentityOut
    page: str = Field(description="the card's H5 page, for the mini-program's web-view")


class QuestionOut(Out):
    id: int
    type: str
    stem: str
    options: dict[str, str]
    image: str | None


class QuizOut(Out):
    quiz_id: int
    answered: int
    total: int
    questions: list[QuestionOut]
    identity: IdentityOut


class MistakeOut(Out):
    id: int
    type: str
    stem: str
    options: dict[str, str]
    answer: str
    explanation: str | None
    image: str | None


class MistakesOut(Out):
    mistakes: list[MistakeOut] = Field(
        description="answered wrong and not yet right twice since; the one due soonest first"
    )


class ResultOut(Out):
    id: int
    correct: bool
    answer: str
    explanation: str | None


class SubmitOut(Out):
    results: list[ResultOut]
    correct: int
    total: int
    finished: bool
    passed: bool
    campaign_complete: bool


STUDY_ERRORS = (404, 409)  # no running campaign; a live stand-in challenge comes first


async def _enrollment_json(enrollment: Enrollment) -> dict[str, Any]:
    campaign = enrollment.campaign
    p = await training.progress(enrollment.worker_id, campaign)
    return {
        "campaign_id": campaign.id,
        "campaign": campaign.name,
        "deadline": campaign.deadline,
        "status": enrollment.status,
        "cards_read": p.cards_read,
        "cards_total": p.cards_total,
        "quiz_passes": p.quiz_passes,
        "quiz_passes_required": campaign.quiz_passes_required,
    }


async def _enrollments(
    services: Services, request: web.Request, order: str, filters: dict[str, Any]
) -> list[dict[str, Any]]:
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    enrollments = (
        await Enrollment.filter(worker_id=found.identity.worker_id, **filters)
        .order_by(f"{order}campaign__deadline", "id")
        .select_related("campaign")
    )
    return [await _enrollment_json(e) for e in enrollments]


def _question_json(question: Question, order: Order) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.qtype,
        "stem": question.stem,
        "options": order.shown(question.options),
        "image": question.image or None,
    }


def _identity_json(
    services: Services, identity: Identity, campaign: Campaign | None
) -> dict[str, Any]:
    account = services.config.account(identity.account)
    needed = campaign.min_identity_level if campaign else 1
    assert account is not None  # a session's account is configured (sessions.lookup)
    return {
        "level": identity.level,
        "required": needed,
        "enough": identity.level >= needed,
        "guidance": None
        if campaign is None
        else shortfall(services, account, identity.level, needed, campaign.name),
    }


async def _seen(services: Services, request: web.Request, worker_id: int) -> None:
    """Where the request came from, for stand-in risk (bot/people/devices.py)."""
    forwarded = request.headers.get("X-Forwarded-For", "")
    address = devices.client_address(services, request.remote, forwarded)
    await devices.seen(services, worker_id, request.headers.get(devices.DEVICE_HEADER, ""), address)


async def _current(services: Services, request: web.Request) -> tuple[Any, Enrollment | None]:
    """The caller and their current campaign, once no live stand-in challenge stands first."""
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    await _seen(services, request, found.identity.worker_id)
    if await challenges.ask(services, found.identity.worker) is not None:
        raise Conflict(services.copy.t("standin.api_challenge"), code="standin_challenge")
    # no campaign running: the worker's own job's items all the same
    return found.identity, await training.active_enrollment(services, found.identity.worker)


@routes.get("/api/v1/me/tasks")
@operation("Today's unfinished campaigns", security="worker", responses={200: TasksOut})
async def tasks(request: web.Request) -> web.Response:
    """Unfinished campaigns running today, nearest deadline first."""
    services: Services = request.app[SERVICES]
    today = services.clock.today()
    running = {
        "status": "enrolled",
        "campaign__status": "active",
        "campaign__start_date__lte": today,
        "campaign__deadline__gte": today,
    }
    return respond(TasksOut, {"tasks": await _enrollments(services, request, "", running)})


@routes.get("/api/v1/me/progress")
@operation("Every campaign of the worker", security="worker", responses={200: ProgressOut})
async def progress(request: web.Request) -> web.Response:
    """Every campaign the worker was ever enrolled in, latest deadline first."""
    services: Services = request.app[SERVICES]
    return respond(ProgressOut, {"campaigns": await _enrollments(services, request, "-", {})})


@routes.post("/api/v1/me/card")
@operation("Open today's card", security="worker", responses={200: CardOut}, errors=STUDY_ERRORS)
async def card(request: web.Request) -> web.Response:
    """Today's card of the current campaign; opening it records the read."""
    services: Services = request.app[SERVICES]
    identity, enrollment = await _current(services, request)
    view = await training.todays_card(services, identity, enrollment)
    if view is None:
        raise NotFound(services.copy.t("study.no_campaign"), code="no_campaign")
    campaign = enrollment.campaign if enrollment else None
    done = campaign and await training.check_completion(services, identity, campaign)
    return respond(
        CardOut,
        {
            "code": view.card.code,
            "title": view.card.title,
            "body": view.card.body,
            "source": view.card.source,
            "index": view.index,
            "total": view.total,
            "review": view.review,
            "campaign_complete": bool(done) or bool(enrollment and enrollment.status == "complete"),
            "identity": _identity_json(services, identity, campaign),
            # for the mini-program's web-view (its business domain must be server.public_url)
            "page": card_url(services, view.card.id)
            or card_path(services.privacy, view.card.id, services.clock.timestamp()),
        },
    )


@routes.post("/api/v1/me/quiz")
@operation(
    "Start or resume today's quiz", security="worker", responses={200: QuizOut}, errors=STUDY_ERRORS
)
async def start_quiz(request: web.Request) -> web.Response:
    """Start (or resume) today's quiz: the questions still to answer, without their answers."""
    services: Services = request.app[SERVICES]
    identity, enrollment = await _current(services, request)
    if await exam_attempts.open_attempt(identity.worker_id) is not None:
        # letters go to an open quiz first: a quiz now would take the exam's answers
        raise Conflict(services.copy.t("exam.finish_first"), code="exam_open")
    session = await training.start_quiz(services, identity.worker, enrollment)
    if session is None:
        raise NotFound(services.copy.t("study.no_campaign"), code="no_campaign")
    remaining = await training.asked(session, session.position)
    shown = [
        _question_json(q, training.order_of(session, session.position + n, q))
        for n, q in enumerate(remaining)
    ]
    return respond(
        QuizOut,
        {
            "quiz_id": session.id,
            "answered": session.position,
            "total": len(session.question_ids),
            "questions": shown,
            "identity": _identity_json(
                services, identity, enrollment.campaign if enrollment else None
            ),
        },
    )


@routes.post("/api/v1/me/quiz/{quiz_id}/submit")
@operation(
    "Answer every remaining question of a quiz",
    security="worker",
    path=QuizPath,
    body=SubmitIn,
    responses={200: SubmitOut},
    errors=STUDY_ERRORS,
)
async def submit_quiz(request: web.Request) -> web.Response:
    """Answer every remaining question at once, in the letters shown. Nothing is stored unless
    every answer is well-formed; then each is graded as in chat, in order. A repeat of a submit
    (the same `request_id`: a phone that lost the answer) returns the quiz's result again."""
    services: Services = request.app[SERVICES]
    found = await sessions.worker_caller(services, bearer_token(request))
    identity = found.identity
    assert identity is not None
    body = await parse_body(request, SubmitIn)
    await _seen(services, request, identity.worker_id)
    missing = NotFound(services.copy.t("api.no_such_quiz"), code="no_such_quiz")
    quiz_id = path_id(request, "quiz_id", missing)
    session = await QuizSession.get_or_none(id=quiz_id, worker_id=identity.worker_id)
    if session is None:
        raise missing
    repeat = body.request_id is not None and session.request_id == body.request_id
    if session.finished_at is not None:
        if repeat:
            return respond(SubmitOut, await _result(session))
        raise Conflict(services.copy.t("api.quiz_finished"), code="quiz_finished")
    if repeat:  # the first went part of the way: what it stored stands, the rest goes on
        done = {str(q) for q in session.question_ids[: session.position]}
        body.answers = {k: v for k, v in body.answers.items() if k not in done}
        body.answered_at = {k: v for k, v in body.answered_at.items() if k not in done}
    remaining = session.question_ids[session.position :]
    asked = await training.asked(session, session.position)  # as shown when the quiz started
    questions = {q.id: q for q in asked}
    orders = {
        q.id: training.order_of(session, session.position + n, q) for n, q in enumerate(asked)
    }
    _check_answers(services, body, remaining, questions, orders)
    if body.request_id is not None and not repeat:
        claimed = await QuizSession.filter(id=session.id, request_id=None).update(
            request_id=body.request_id
        )
        if not claimed:  # another submit of this quiz, under another id, came first
            raise Conflict(services.copy.t("api.quiz_finished"), code="quiz_finished")
    while session.finished_at is None and session.position < len(session.question_ids):
        qid = str(session.question_ids[session.position])
        if qid not in body.answers:  # answered meanwhile by a concurrent repeat of this submit
            break
        result = await training.answer(
            services, identity, session, body.answers[qid], body.answered_at.get(qid)
        )
        if not result.valid:  # checked above against the same questions: never loop on it
            break
        if not result.stored:  # the quiz moved on meanwhile: go on from where it is now
            session = await QuizSession.get(id=session.id)
    return respond(SubmitOut, await _result(await QuizSession.get(id=session.id)))


def _check_answers(
    services: Services,
    body: SubmitIn,
    remaining: list[int],
    questions: dict[int, Question],
    orders: dict[int, Order],
) -> None:
    problems: dict[str, str] = {}
    for qid in remaining:
        given = body.answers.get(str(qid))
        q = questions[qid]
        letters = sorted(orders[qid].shown(q.options))
        if given is None:
            problems[str(qid)] = services.copy.t("api.answer_missing")
        elif normalize_choice(given, letters, multi=q.qtype == "multi") is None:
            problems[str(qid)] = services.copy.t("api.answer_bad_format", letters="/".join(letters))
    extra = set(body.answers) - {str(q) for q in remaining}
    for qid_text in sorted(extra):
        problems[qid_text] = services.copy.t("api.answer_not_in_quiz")
    for qid_text in sorted(set(body.answered_at) - set(body.answers)):
        problems[qid_text] = services.copy.t("api.answer_not_in_quiz")
    if problems:
        raise InvalidInput(
            services.copy.t("api.answers_rejected", count=len(problems)),
            code="bad_answers",
            details=problems,
        )


async def _result(session: QuizSession) -> dict[str, Any]:
    """The quiz's result as stored: every answer given (in chat or here), graded, with the right
    answer in the letters this worker was shown."""
    answers = await Answer.filter(session_id=session.id).order_by("position")
    questions = {q.id: q for q in await training.asked(session)}
    results = []
    for a in answers:
        q = questions[a.question_id]
        order = training.order_of(session, a.position, q)
        results.append(
            {
                "id": q.id,
                "correct": a.correct,
                "answer": order.to_shown(q.answer),
                "explanation": q.explanation or None,  # a bank may leave 解析 empty
            }
        )
    complete = session.campaign_id is not None and await Enrollment.exists(
        campaign_id=session.campaign_id, worker_id=session.worker_id, status="complete"
    )
    return {
        "results": results,
        "correct": session.correct,
        "total": len(session.question_ids),
        "finished": session.finished_at is not None,
        "passed": await training.passed(session),
        "campaign_complete": complete,
    }


@routes.get("/api/v1/me/mistakes")
@operation("The worker's 错题本", security="worker", responses={200: MistakesOut})
async def mistakes(request: web.Request) -> web.Response:
    """Questions the worker answered wrong and has not answered right twice since, with the right
    answer and the explanation, in the bank's order of options."""
    services: Services = request.app[SERVICES]
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    questions = await memory.mistake_questions(found.identity.worker_id)
    return respond(
        MistakesOut,
        {
            "mistakes": [
                {
                    **_question_json(q, Order.identity(q.options)),
                    "answer": q.answer,
                    "explanation": q.explanation or None,
                }
                for q in questions
            ]
        },
    )
