"""Study and quiz flows shared by every channel: today's card, the quiz, completion.

Every read and answer is stored with the identity (and its level) in force at the time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.learning.campaign_items import Items, items_for
from bot.learning.rules.quiz import (
    CompletionRule,
    PoolItem,
    grade,
    normalize_choice,
    select_questions,
)
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

STUDYING = ("enrolled", "complete")  # not "withdrawn": out of the audience before completing


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


async def todays_card(
    services: Services, identity: Identity, enrollment: Enrollment
) -> CardView | None:
    """The first unread card of the worker's items (a review card once all are read); records
    the read."""
    campaign = enrollment.campaign
    cards = (await worker_items(identity.worker_id, campaign, questions=False)).cards
    if not cards:
        return None
    # a card read in an earlier version is unread again: it changed since (the "dynamic
    # update" of the handbook reaches everyone of its job); so is one read in a window a leader
    # rejected (a stand-in challenge): the worker reads it again, themselves
    reads = CardRead.filter(worker_id=identity.worker_id, card_id__in=[c.id for c in cards])
    for start, end in (await standin.hold(identity.worker_id)).void:
        reads = reads.filter(outside("read_at", start, end))
    if enrollment.since is not None:
        reads = reads.filter(read_at__gte=enrollment.since)
    read = set(await reads.distinct().values_list("card_id", "card_version"))
    unread = [c for c in cards if (c.id, c.version) not in read]
    if unread:
        card, review = unread[0], False
    else:
        card, review = cards[services.clock.today().toordinal() % len(cards)], True
    await CardRead.create(
        worker_id=identity.worker_id,
        card=card,
        card_version=card.version,
        campaign=campaign,
        identity=identity,
        identity_level=identity.level,
        read_at=services.clock.now(),
    )
    return CardView(card=card, index=cards.index(card) + 1, total=len(cards), review=review)


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
    services: Services, worker: Worker, enrollment: Enrollment
) -> QuizSession | None:
    """Start (or resume) a quiz of the campaign's size, questions chosen from its pool."""
    existing = await open_session(worker)
    if existing is not None:
        return existing
    campaign = enrollment.campaign
    pool_ids = (await worker_items(worker.id, campaign)).question_ids
    if not pool_ids:
        return None
    versions = dict(await Question.filter(id__in=pool_ids).values_list("id", "version"))
    history = await Answer.filter(worker=worker, question_id__in=pool_ids).values_list(
        "question_id", "question_version", "correct"
    )
    # answers to an earlier version say nothing about the current one: it is new again
    current = [(q, ok) for q, version, ok in history if versions.get(q) == version]
    right = Counter(q for q, ok in current if ok)
    wrong = Counter(q for q, ok in current if not ok)
    pool = [PoolItem(q, right[q], wrong[q]) for q in pool_ids]
    seed = f"{worker.id}:{services.clock.today().isoformat()}:{len(history)}"
    chosen = select_questions(pool, campaign.questions_per_quiz, seed)
    return await QuizSession.create(
        worker=worker, campaign=campaign, question_ids=chosen, started_at=services.clock.now()
    )


async def current_question(session: QuizSession) -> Question:
    return await Question.get(id=session.question_ids[session.position])


@dataclass
class AnswerResult:
    valid: bool
    correct: bool = False
    question: Question | None = None
    next_question: Question | None = None  # the one to ask now, when the quiz goes on
    finished: bool = False
    passed: bool = False
    just_completed: Enrollment | None = None
    campaign: Campaign | None = None  # the quiz's campaign, once it is finished


async def answer(
    services: Services, identity: Identity, session: QuizSession, text: str
) -> AnswerResult:
    """Grade one answer; at the end of the quiz score it and apply the completion rule."""
    ids = session.question_ids[session.position : session.position + 2]
    fetched = {q.id: q for q in await Question.filter(id__in=ids)}  # this one and the next
    question = fetched[ids[0]]
    choice = normalize_choice(text, sorted(question.options), multi=question.qtype == "multi")
    if choice is None:
        return AnswerResult(valid=False, question=question)
    correct = grade(question.answer, choice)
    position = session.position
    try:
        async with in_transaction():
            await Answer.create(
                session=session,
                position=position,
                worker_id=identity.worker_id,
                question=question,
                question_version=question.version,
                choice=choice,
                correct=correct,
                identity=identity,
                identity_level=identity.level,
                answered_at=services.clock.now(),
            )
            session.position = position + 1
            session.correct += int(correct)
            finished = session.position >= len(session.question_ids)
            if finished:
                session.finished_at = services.clock.now()
            await session.save(update_fields=["position", "correct", "finished_at"])
    except IntegrityError:
        # The same position answered concurrently; the first one counts.
        return AnswerResult(valid=True, correct=correct, question=question)
    result = AnswerResult(valid=True, correct=correct, question=question, finished=finished)
    if not finished:
        result.next_question = fetched.get(ids[1]) if len(ids) > 1 else None
    if finished:  # scored as the quiz ends, never per answer; may hold the completion below
        await standin.after_quiz(services, identity.worker_id, session.id, session.started_at)
    if finished and session.campaign_id is not None:
        campaign = await Campaign.get(id=session.campaign_id)
        result.campaign = campaign
        result.passed = _rule(campaign, 0).quiz_passed(session.correct, len(session.question_ids))
        result.just_completed = await check_completion(services, identity, campaign)
    return result


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
    """Cards read and quizzes passed, of the worker's own items; nothing from a `void` window (a
    rejected stand-in challenge's: bot/people/standin.py), which are looked up when not given,
    nor from before the enrolment's `since` (a retraining re-opened by a new event)."""
    if void is None:
        void = (await standin.hold(worker_id)).void
    job, enrollment = await enrolment_of(worker_id, campaign)
    items = await items_for(campaign, job, enrollment, questions=False)
    card_ids = [c.id for c in items.cards]
    reads = CardRead.filter(worker_id=worker_id, card_id__in=card_ids)
    sessions_q = QuizSession.filter(
        worker_id=worker_id, campaign=campaign, finished_at__not_isnull=True
    )
    since = enrollment.since if enrollment is not None else None
    if since is not None:
        reads = reads.filter(read_at__gte=since)
        sessions_q = sessions_q.filter(started_at__gte=since)
    for start, end in void:
        reads = reads.filter(outside("read_at", start, end))
        sessions_q = sessions_q.filter(outside("started_at", start, end))
    read = await reads.distinct().values_list("card_id", flat=True)
    rule = _rule(campaign, len(card_ids))
    sessions = await sessions_q.values_list("correct", "question_ids")
    passes = sum(1 for correct, ids in sessions if rule.quiz_passed(correct, len(ids)))
    return Progress(len(set(read)), len(card_ids), passes, rule)


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
