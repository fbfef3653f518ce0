"""Study and quiz flows shared by every channel: today's card, the quiz, completion.

Every read and answer is stored with the identity (and its level) in force at the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.learning import memory
from bot.learning.campaign_items import Items, items_for
from bot.learning.rules.quiz import CompletionRule, grade, normalize_choice
from bot.learning.rules.schedule import Memory
from bot.learning.rules.shuffle import Order, shuffle
from bot.people import standin
from bot.storage.models import (
    Answer,
    Campaign,
    Card,
    CardRead,
    Enrollment,
    Identity,
    Question,
    QuizSession,
    Worker,
)
from bot.storage.prepared import db_values, marks, run

STUDYING = ("enrolled", "complete")  # not "withdrawn": out of the audience before completing
PASS_RATIO = 0.6  # a quiz's pass mark outside a campaign


def outside(field: str, start: datetime, end: datetime) -> Q:
    """Rows whose `field` is not within [start, end]."""
    before: dict[str, Any] = {f"{field}__lt": start}
    after: dict[str, Any] = {f"{field}__gt": end}
    return Q(**before) | Q(**after)


async def active_enrollment(services: Services, worker: Worker) -> Enrollment | None:
    """The worker's current campaign: running today, earliest deadline first, unfinished first."""
    today = services.clock.today()
    return (
        await Enrollment.filter(
            worker=worker,
            status__in=STUDYING,
            campaign__status="active",
            campaign__start_date__lte=today,
            campaign__deadline__gte=today,
        )
        .order_by("status", "campaign__deadline", "id")
        .select_related("campaign")
        .first()
    )


@dataclass
class CardView:
    card: Card
    index: int
    total: int
    review: bool


async def _read_current(
    worker_id: int, cards: list[Card], since: datetime | None, void: list[tuple[datetime, datetime]]
) -> set[int]:
    """The cards read in their current version (a card revised since is unread again: the
    "dynamic update" of the handbook reaches everyone of its job), from `since`, outside every
    `void` window (a rejected stand-in challenge's: the worker reads it again, themselves)."""
    reads = CardRead.filter(worker_id=worker_id, card_id__in=[c.id for c in cards])
    for start, end in void:
        reads = reads.filter(outside("read_at", start, end))
    if since is not None:
        reads = reads.filter(read_at__gte=since)
    read = set(await reads.distinct().values_list("card_id", "card_version"))
    return {c.id for c in cards if (c.id, c.version) in read}


async def _day(
    services: Services, worker_id: int, enrollment: Enrollment | None
) -> tuple[Worker, Items | None, memory.Today]:
    """The worker, their running campaign's items, and today's session over both."""
    worker = await Worker.get(id=worker_id).select_related("job")
    if enrollment is None:
        return worker, None, await memory.today(services, worker, None)
    items = await items_for(enrollment.campaign, worker.job.code, enrollment)
    void = (await standin.hold(worker_id)).void
    unread = {c.id for c in items.cards} - await _read_current(
        worker_id, items.cards, enrollment.since, void
    )
    return worker, items, await memory.today(services, worker, items, unread)


async def todays_card(
    services: Services, identity: Identity, enrollment: Enrollment | None
) -> CardView | None:
    """The next card of today's session (bot/learning/memory.py): a running campaign's unread
    cards first; once today's minutes are spent, the next one all the same (a worker who wants
    more gets more). Records the read and the memory."""
    worker, items, day = await _day(services, identity.worker_id, enrollment)
    now = services.clock.now()
    planned = [i for i in day.session.items if i.kind == "card"] or day.ranked("card", now)
    if not planned:
        return None
    item = planned[0]
    card = day.content[("card", item.id)]
    assert isinstance(card, Card)
    async with in_transaction():
        await CardRead.create(
            worker_id=worker.id,
            card=card,
            card_version=card.version,
            campaign=enrollment.campaign if enrollment else None,
            identity=identity,
            identity_level=identity.level,
            read_at=now,
        )
        await memory.record(worker.id, "card", card.id, card.version, item.critical, True, now)
    shown = items.cards if items is not None and card in items.cards else None
    if shown is None:
        shown = sorted(
            (c for c in day.content.values() if isinstance(c, Card)), key=lambda c: c.code
        )
    review = ("card", card.id) in day.memories
    return CardView(card=card, index=shown.index(card) + 1, total=len(shown), review=review)


async def enrolment_of(worker_id: int, campaign: Campaign) -> tuple[str, Enrollment | None]:
    """The worker's job code and their enrolment in the campaign, in one query."""
    enrollment = (
        await Enrollment.filter(campaign=campaign, worker_id=worker_id)
        .select_related("worker__job")
        .first()
    )
    if enrollment is not None:
        return enrollment.worker.job.code, enrollment
    # not enrolled (a quiz of a campaign they have left): their job's items all the same
    return str(await Worker.filter(id=worker_id).first().values_list("job__code", flat=True)), None


async def worker_items(worker_id: int, campaign: Campaign, *, questions: bool = True) -> Items:
    """The worker's own items in the campaign (bot/learning/campaign_items.py)."""
    job, enrollment = await enrolment_of(worker_id, campaign)
    return await items_for(campaign, job, enrollment, questions=questions)


async def open_session(worker: Worker) -> QuizSession | None:
    return await QuizSession.filter(worker=worker, finished_at=None).order_by("-id").first()


async def start_quiz(
    services: Services, worker: Worker, enrollment: Enrollment | None
) -> QuizSession | None:
    """Start (or resume) a quiz of the campaign's size (`study.quiz_size` outside one): the next
    of today's questions (a running campaign's first, due reviews before new), topped up past
    today's minutes in the same order; each question's options in a fresh order."""
    existing = await open_session(worker)
    if existing is not None:
        return existing
    _, _, day = await _day(services, worker.id, enrollment)
    now = services.clock.now()
    planned = [i for i in day.session.items if i.kind == "question"]
    size = enrollment.campaign.questions_per_quiz if enrollment else services.config.study.quiz_size
    ranked = planned + [i for i in day.ranked("question", now) if i not in planned]
    picked = ranked[:size]
    chosen = [day.content[("question", i.id)] for i in picked]
    if not chosen:
        return None
    orders = [
        shuffle(q.options, q.qtype, f"{worker.id}:{now.isoformat()}:{q.id}").order
        for q in chosen
        if isinstance(q, Question)
    ]
    return await QuizSession.create(
        worker=worker,
        campaign=enrollment.campaign if enrollment else None,
        question_ids=[q.id for q in chosen],
        orders=orders,
        known=[
            _as_asked(q, i.critical, day.memories.get(("question", i.id)))
            for i, q in zip(picked, chosen, strict=True)
            if isinstance(q, Question)
        ],
        started_at=now,
    )


ASKED = ("version", "qtype", "stem", "options", "answer", "explanation", "image", "topic")


def _as_asked(question: Question, critical: bool, known: Memory | None) -> dict[str, object]:
    """What a quiz keeps of a question as it starts: the question as shown (a revision made
    during the quiz does not change the question being answered), whether it is critical, and
    the worker's memory of it (written back in one statement: bot/learning/memory.py)."""
    asked = {f: getattr(question, f) for f in ASKED} | {"enterprise_id": question.enterprise_id}
    return {"question": asked, "critical": critical, "memory": memory.stored(known)}


async def asked(session: QuizSession, start: int = 0, count: int | None = None) -> list[Question]:
    """The quiz's questions from `start` (`count` of them, or all), as the quiz asks them: as
    they were when it started (a revision since does not change a question being answered)."""
    end = len(session.question_ids) if count is None else start + count
    ids = session.question_ids[start:end]
    kept = session.known[start:end]
    if len(kept) == len(ids) and all("question" in k for k in kept):
        asked = [
            Question(id=i, **cast(dict, k["question"])) for i, k in zip(ids, kept, strict=True)
        ]
    else:  # a quiz started before its questions were kept with it
        found = {q.id: q for q in await Question.filter(id__in=ids)}
        asked = [found[i] for i in ids]
    return asked


async def _asked(session: QuizSession, position: int) -> tuple[Question, Question | None]:
    """The question at `position` and the next one, as the quiz asks them."""
    pair = await asked(session, position, 2)
    return pair[0], pair[1] if len(pair) > 1 else None


def order_of(session: QuizSession, position: int, question: Question) -> Order:
    """The order the question's options are shown in, in this quiz."""
    if position < len(session.orders):
        return Order(session.orders[position])
    return Order.identity(question.options)  # a quiz started before options were shuffled


async def current_question(session: QuizSession) -> Question:
    return (await _asked(session, session.position))[0]


@dataclass
class AnswerResult:
    valid: bool
    correct: bool = False
    question: Question | None = None
    order: Order | None = None  # how the question was shown
    next_question: Question | None = None  # the one to ask now, when the quiz goes on
    finished: bool = False
    passed: bool = False
    just_completed: Enrollment | None = None
    campaign: Campaign | None = None  # the quiz's campaign, once it is finished
    stored: bool = True  # False: the quiz had moved on (a concurrent answer); nothing stored


@cache
def _advance_sql(dialect: str) -> str:
    """The quiz one answer further, only from where the answer found it: not past a concurrent
    answer, and not reopening a quiz closed meanwhile (an exam sitting started)."""
    p = marks(dialect, 5)
    return (
        f'UPDATE "quizsession" SET "position" = {p[0]}, "correct" = {p[1]}, "finished_at" = {p[2]} '
        f'WHERE "id" = {p[3]} AND "position" = {p[4]} AND "finished_at" IS NULL'
    )


class _Moved(Exception):
    """The quiz was not where this answer found it: roll the answer back."""


async def answer(
    services: Services,
    identity: Identity,
    session: QuizSession,
    text: str,
    answered_at: datetime | None = None,
) -> AnswerResult:
    """Grade one answer, given in the letters shown to the worker; store it with the memory it
    moves; at the end of the quiz score it and apply the completion rule. `answered_at` is the
    time a phone recorded (kept within the quiz's start and now)."""
    position = session.position
    question, following = await _asked(session, position)
    order = order_of(session, position, question)
    shown = normalize_choice(text, sorted(order.shown(question.options)), question.qtype == "multi")
    if shown is None:
        return AnswerResult(valid=False, question=question, order=order)
    choice = order.to_bank(shown)
    correct = grade(question.answer, choice)
    now = services.clock.now()
    at = now
    if answered_at is not None:  # a phone's clock: no zone means the enterprise's local time
        if answered_at.tzinfo is None:
            answered_at = answered_at.replace(tzinfo=services.clock.tz)
        at = min(now, max(session.started_at, answered_at)).astimezone(UTC)
    known: Memory | memory._Unknown | None = memory.UNKNOWN
    if position < len(session.known):
        critical = bool(session.known[position]["critical"])
        known = memory.loaded(session.known[position]["memory"])  # type: ignore[arg-type]
    else:  # a quiz started before its questions' memory was kept with it
        critical = await memory.question_is_critical(question)
    try:
        async with in_transaction():
            await Answer.create(
                session=session,
                position=position,
                worker_id=identity.worker_id,
                question_id=question.id,
                question_version=question.version,
                choice=choice,
                shown=shown,
                correct=correct,
                identity=identity,
                identity_level=identity.level,
                answered_at=at,
            )
            await memory.record(
                identity.worker_id,
                "question",
                question.id,
                question.version,
                critical,
                correct,
                at,
                known,
            )
            finished = position + 1 >= len(session.question_ids)
            step = {
                "position": position + 1,
                "correct": session.correct + int(correct),
                "finished_at": now if finished else None,
                "id": session.id,
            }
            if not await run(_advance_sql, [*db_values(QuizSession, step), position]):
                raise _Moved
    except (IntegrityError, _Moved):
        # The quiz moved on meanwhile (the same position answered concurrently: the first one
        # counts); nothing of this answer is stored.
        return AnswerResult(
            valid=True, correct=correct, question=question, order=order, stored=False
        )
    session.position = position + 1
    session.correct += int(correct)
    if finished:
        session.finished_at = now
    result = AnswerResult(
        valid=True, correct=correct, question=question, order=order, finished=finished
    )
    if not finished:
        result.next_question = following
    if finished:  # scored as the quiz ends, never per answer; may hold the completion below
        await standin.after_quiz(services, identity.worker_id, session.id, session.started_at)
    if finished and session.campaign_id is not None:
        result.campaign = await Campaign.get(id=session.campaign_id)
    if finished:
        result.passed = _passed(session, result.campaign)
    if result.campaign is not None:
        result.just_completed = await check_completion(services, identity, result.campaign)
    return result


async def passed(session: QuizSession) -> bool:
    """Whether a finished quiz passed: its campaign's pass mark, or the default outside one."""
    if session.finished_at is None:
        return False
    if session.campaign_id is None:
        return _passed(session, None)
    return _passed(session, await Campaign.get(id=session.campaign_id))


def _passed(session: QuizSession, campaign: Campaign | None) -> bool:
    rule = _rule(campaign, 0) if campaign else CompletionRule(0, 1, PASS_RATIO)
    return rule.quiz_passed(session.correct, len(session.question_ids))


def _rule(campaign: Campaign, cards: int) -> CompletionRule:
    return CompletionRule(cards, campaign.quiz_passes_required, campaign.quiz_pass_ratio)


@dataclass
class Progress:
    cards_read: int
    cards_total: int
    quiz_passes: int
    rule: CompletionRule


async def progress(
    worker_id: int, campaign: Campaign, void: list[tuple[datetime, datetime]] | None = None
) -> Progress:
    """Cards read (in their current version) and quizzes passed, of the worker's own items;
    nothing from a `void` window (a
    rejected stand-in challenge's: bot/people/standin.py), which are looked up when not given,
    nor from before the enrolment's `since` (a retraining re-opened by a new event)."""
    if void is None:
        void = (await standin.hold(worker_id)).void
    job, enrollment = await enrolment_of(worker_id, campaign)
    items = await items_for(campaign, job, enrollment, questions=False)
    sessions_q = QuizSession.filter(
        worker_id=worker_id, campaign=campaign, finished_at__not_isnull=True
    )
    since = enrollment.since if enrollment is not None else None
    if since is not None:
        sessions_q = sessions_q.filter(started_at__gte=since)
    for start, end in void:
        sessions_q = sessions_q.filter(outside("started_at", start, end))
    read = await _read_current(worker_id, items.cards, since, void)
    rule = _rule(campaign, len(items.cards))
    sessions = await sessions_q.values_list("correct", "question_ids")
    passes = sum(1 for correct, ids in sessions if rule.quiz_passed(correct, len(ids)))
    return Progress(len(read), len(items.cards), passes, rule)


async def check_completion(
    services: Services, identity: Identity, campaign: Campaign
) -> Enrollment | None:
    """Mark the enrollment complete once the rule is met; returns it only on the transition.
    Waits while a stand-in challenge is open (bot/people/standin.py)."""
    if identity.level < campaign.min_identity_level:
        return None
    held = await standin.hold(identity.worker_id)
    if held.open:
        return None
    p = await progress(identity.worker_id, campaign, held.void)
    if not p.rule.is_complete(p.cards_read, p.quiz_passes):
        return None
    changed = await Enrollment.filter(
        campaign=campaign, worker_id=identity.worker_id, status="enrolled"
    ).update(
        status="complete",
        completed_at=services.clock.now(),
        completed_identity_level=identity.level,
    )
    if not changed:
        return None
    return await Enrollment.get(campaign=campaign, worker_id=identity.worker_id).select_related(
        "campaign", "worker"
    )
