"""The worker's own endpoints: today's tasks, today's card, the quiz (as a batch), progress.

Today's card and the quiz carry `identity` (level, the campaign's required level, and the
guidance text when it falls short), so the mini-program can say so before the worker starts."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import Id32, bearer_token, parse_body, path_id
from bot.apidoc import Out, operation, respond
from bot.campaigns import challenges
from bot.context import Services
from bot.errors import Conflict, InvalidInput, NotFound
from bot.keys import SERVICES
from bot.learning import training
from bot.learning.links import card_path, card_url
from bot.learning.rules.quiz import normalize_choice
from bot.people import devices, sessions
from bot.people.guidance import shortfall
from bot.storage.models import Campaign, Enrollment, Identity, Question, QuizSession

routes = web.RouteTableDef()


class SubmitIn(BaseModel):
    # question id -> the chosen letters, e.g. {"12": "A", "31": "AC"}
    answers: dict[str, str] = Field(max_length=100)


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


def _question_json(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.qtype,
        "stem": question.stem,
        "options": dict(sorted(question.options.items())),
        "image": question.image or None,
    }


def _identity_json(services: Services, identity: Identity, campaign: Campaign) -> dict[str, Any]:
    account = services.config.account(identity.account)
    needed = campaign.min_identity_level
    assert account is not None  # a session's account is configured (sessions.lookup)
    return {
        "level": identity.level,
        "required": needed,
        "enough": identity.level >= needed,
        "guidance": shortfall(services, account, identity.level, needed, campaign.name),
    }


async def _seen(services: Services, request: web.Request, worker_id: int) -> None:
    """Where the request came from, for stand-in risk (bot/people/devices.py)."""
    forwarded = request.headers.get("X-Forwarded-For", "")
    address = devices.client_address(services, request.remote, forwarded)
    await devices.seen(services, worker_id, request.headers.get(devices.DEVICE_HEADER, ""), address)


async def _current(services: Services, request: web.Request) -> tuple[Any, Enrollment]:
    """The caller and their current campaign, once no live stand-in challenge stands first."""
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    await _seen(services, request, found.identity.worker_id)
    if await challenges.ask(services, found.identity.worker) is not None:
        raise Conflict(services.copy.t("standin.api_challenge"), code="standin_challenge")
    enrollment = await training.active_enrollment(services, found.identity.worker)
    if enrollment is None:
        raise NotFound(services.copy.t("study.no_campaign"), code="no_campaign")
    return found.identity, enrollment


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
    done = await training.check_completion(services, identity, enrollment.campaign)
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
            "campaign_complete": done is not None or enrollment.status == "complete",
            "identity": _identity_json(services, identity, enrollment.campaign),
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
    session = await training.start_quiz(services, identity.worker, enrollment)
    if session is None:
        raise NotFound(services.copy.t("study.no_campaign"), code="no_campaign")
    remaining = session.question_ids[session.position :]
    by_id = {q.id: q for q in await Question.filter(id__in=remaining)}
    return respond(
        QuizOut,
        {
            "quiz_id": session.id,
            "answered": session.position,
            "total": len(session.question_ids),
            "questions": [_question_json(by_id[qid]) for qid in remaining],
            "identity": _identity_json(services, identity, enrollment.campaign),
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
    """Answer every remaining question at once. Nothing is stored unless every answer is
    well-formed; then each is graded as in chat, in order."""
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
    if session.finished_at is not None:
        raise Conflict(services.copy.t("api.quiz_finished"), code="quiz_finished")
    remaining = session.question_ids[session.position :]
    questions = {q.id: q for q in await Question.filter(id__in=remaining)}
    problems: dict[str, str] = {}
    for qid in remaining:
        given = body.answers.get(str(qid))
        q = questions[qid]
        if given is None:
            problems[str(qid)] = services.copy.t("api.answer_missing")
        elif normalize_choice(given, sorted(q.options), multi=q.qtype == "multi") is None:
            problems[str(qid)] = services.copy.t(
                "api.answer_bad_format", letters="/".join(sorted(q.options))
            )
    extra = set(body.answers) - {str(q) for q in remaining}
    for qid_text in sorted(extra):
        problems[qid_text] = services.copy.t("api.answer_not_in_quiz")
    if problems:
        raise InvalidInput(
            services.copy.t("api.answers_rejected", count=len(problems)),
            code="bad_answers",
            details=problems,
        )
    results = []
    last = None
    for qid in remaining:
        last = await training.answer(services, identity, session, body.answers[str(qid)])
        q = questions[qid]
        results.append(
            {
                "id": qid,
                "correct": last.correct,
                "answer": q.answer,
                "explanation": q.explanation or None,  # a bank may leave 解析 empty
            }
        )
    assert last is not None
    return respond(
        SubmitOut,
        {
            "results": results,
            "correct": session.correct,
            "total": len(session.question_ids),
            "finished": last.finished,
            "passed": last.passed,
            "campaign_complete": last.just_completed is not None,
        },
    )
