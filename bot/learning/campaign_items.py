"""What one worker studies in a campaign: the cards and questions of their own job (from the
library, optionally only some topics) plus the campaign's shared set (its `cards` and `questions`,
for everyone). Reads, quizzes and the completion rule all take their items from here, so a worker
is never held to an item they were never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.models import Campaign, Card, CardVersion, Enrollment, Question, QuestionVersion


@dataclass(frozen=True)
class ContentRule:
    job_cards: bool
    job_questions: bool
    topics: tuple[str, ...]

    @classmethod
    def of(cls, campaign: Campaign) -> ContentRule:
        raw = campaign.content or {}
        topics = raw.get("topics") or ()
        assert isinstance(topics, list | tuple)
        return cls(bool(raw.get("job_cards")), bool(raw.get("job_questions")), tuple(topics))

    def stored(self) -> dict[str, object]:
        return {
            "job_cards": self.job_cards,
            "job_questions": self.job_questions,
            "topics": list(self.topics),
        }


@dataclass(frozen=True)
class Items:
    cards: list[Card]  # by code
    question_ids: list[int]


def _job_rows(rows: list, job_code: str, topics: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    return [r for r in rows if job_code in r.job_codes and (not topics or r.topic in topics)]


async def job_cards(enterprise_id: int, job_code: str, topics: tuple[str, ...] = ()) -> list[Card]:
    return _job_rows(await Card.filter(enterprise_id=enterprise_id), job_code, topics)


async def job_questions(
    enterprise_id: int, job_code: str, topics: tuple[str, ...] = ()
) -> list[Question]:
    return _job_rows(await Question.filter(enterprise_id=enterprise_id), job_code, topics)


async def items_for(
    campaign: Campaign,
    job_code: str,
    enrollment: Enrollment | None = None,
    *,
    questions: bool = True,
) -> Items:
    """The worker's items in the campaign, for a worker of `job_code`. An event enrolment may
    narrow them: to its own topics (a 三违's violated topic), or, for a handbook revision, to the
    job's items revised since it opened. `questions=False` leaves the questions out (reading and
    completion need only the cards)."""
    rule = ContentRule.of(campaign)
    topics = tuple(enrollment.topics) if enrollment is not None and enrollment.topics else ()
    topics = topics or rule.topics
    revised_since = None
    if campaign.rule == "handbook" and enrollment is not None:
        revised_since = enrollment.since
    cards = {c.id: c for c in await campaign.cards.all()}
    if rule.job_cards:
        cards |= {c.id: c for c in await job_cards(campaign.enterprise_id, job_code, topics)}
    if revised_since is not None:
        revised = await CardVersion.filter(
            card_id__in=list(cards), created_at__gte=revised_since, version__gt=1
        ).values_list("card_id", flat=True)
        cards = {i: c for i, c in cards.items() if i in set(revised)}
    question_ids: set[int] = set()
    if questions:
        question_ids = set(await campaign.questions.all().values_list("id", flat=True))  # type: ignore[arg-type]
        if rule.job_questions:
            found = await job_questions(campaign.enterprise_id, job_code, topics)
            question_ids |= {q.id for q in found}
        if revised_since is not None:
            changed = await QuestionVersion.filter(
                question_id__in=sorted(question_ids), created_at__gte=revised_since, version__gt=1
            ).values_list("question_id", flat=True)
            question_ids &= set(changed)  # type: ignore[arg-type]
    return Items(sorted(cards.values(), key=lambda c: c.code), sorted(question_ids))
