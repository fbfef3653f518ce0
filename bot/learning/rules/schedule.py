"""Spaced repetition of each worker's cards and questions, with FSRS (the `fsrs` package), and the
daily session: what a worker studies today within their minutes.

- Every read and answer updates the item's memory: a card read counts as recalled ("Good"), a
  question as recalled when answered right and forgotten ("Again") when wrong. Days, not minutes:
  no learning steps; an item comes back the next day at the soonest.
- Critical items (risk "critical" in the content: life-critical rules) are scheduled for a higher
  retention (0.95 against 0.85) and never more than 30 days apart, so they never leave rotation.
- 错题本: a wrong answer marks the question a mistake; it comes back the next day, and every day
  after, until answered right twice in a row.
- A revised item (a new version) is new again: what was remembered was the old text.
- Today's session: a running campaign's items first; within them and within the rest, due reviews
  before new items; as many as the worker's minutes allow at their own speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

RETENTION = {True: 0.95, False: 0.85}  # critical, normal
MAX_INTERVAL_DAYS = {True: 30, False: 365}
MISTAKE_CLEARED_AFTER = 2  # right answers in a row that take a question out of the 错题本
DAY = timedelta(days=1)


@cache
def scheduler(critical: bool) -> Scheduler:
    return Scheduler(
        desired_retention=RETENTION[critical],
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=MAX_INTERVAL_DAYS[critical],
        enable_fuzzing=False,
    )


@dataclass(frozen=True)
class Memory:
    version: int
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime
    reps: int = 1
    lapses: int = 0
    mistake: bool = False
    rights: int = 0

    def retrievability(self, critical: bool, now: datetime) -> float:
        return float(scheduler(critical).get_card_retrievability(self._card(), now))

    def _card(self) -> FsrsCard:
        return FsrsCard(
            state=State.Review,
            step=None,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )


def review(
    memory: Memory | None, version: int, critical: bool, recalled: bool, at: datetime
) -> Memory:
    """The memory after one read (recalled) or answer, at `at` (an aware datetime)."""
    if memory is not None and memory.version != version:
        memory = None  # revised since: the old text's memory says nothing about the new one
    card = memory._card() if memory is not None else FsrsCard(card_id=0)
    card, _ = scheduler(critical).review_card(card, Rating.Good if recalled else Rating.Again, at)
    assert card.stability is not None and card.difficulty is not None
    reps = (memory.reps if memory else 0) + 1
    lapses = (memory.lapses if memory else 0) + int(not recalled)
    rights = (memory.rights if memory else 0) + 1 if recalled else 0
    was_mistake = memory is not None and memory.mistake
    mistake = not recalled or (was_mistake and rights < MISTAKE_CLEARED_AFTER)
    due = card.due
    if mistake:
        due = min(due, at + DAY)  # back tomorrow until cleared
    return Memory(
        version=version,
        stability=card.stability,
        difficulty=card.difficulty,
        due=due,
        last_review=at,
        reps=reps,
        lapses=lapses,
        mistake=mistake,
        rights=rights,
    )


@dataclass(frozen=True)
class Item:
    """A card or question of the worker's: `order` is its place in the bank (new items go in
    that order), `campaign` whether a running campaign of theirs asks for it."""

    kind: str  # card | question
    id: int
    version: int
    critical: bool
    seconds: float  # how long it takes this worker, estimated (Speed)
    campaign: bool = False
    order: int = 0


@dataclass(frozen=True)
class Speed:
    """A worker's pace: seconds to answer a question, and reading speed in characters a second.
    Defaults are for a first session; `of` adjusts them from the worker's own answers."""

    question_s: float = 20.0
    chars_per_s: float = 6.0
    card_floor_s: float = 15.0

    def card_seconds(self, chars: int) -> float:
        return max(self.card_floor_s, chars / self.chars_per_s)

    @classmethod
    def of(cls, answer_gaps_s: Iterable[float]) -> Speed:
        """From the gaps between a worker's consecutive answers in one quiz: their median,
        bounded to 8–90 s; readers are taken to be as much slower or faster as answerers."""
        gaps = sorted(g for g in answer_gaps_s if 0 < g <= 300)
        if len(gaps) < 5:
            return cls()
        median = gaps[len(gaps) // 2]
        question_s = min(90.0, max(8.0, median))
        return cls(question_s=question_s, chars_per_s=cls.chars_per_s * 20.0 / question_s)


@dataclass(frozen=True)
class Session:
    items: list[Item]
    reviews: int  # how many of them are due reviews (the rest are new)
    seconds: float


def plan(
    items: Sequence[Item],
    memories: dict[tuple[str, int], Memory],
    now: datetime,
    end_of_day: datetime,
    budget_s: float,
) -> Session:
    """Today's session within `budget_s`: a running campaign's items first; within those and
    within the rest, due reviews before new items; among reviews, mistakes, then critical
    items, then the most forgotten; new items in the bank's order, critical ones first. Items
    not due today are left out. An item that does not fit is skipped for a smaller one."""
    ranked: list[tuple[tuple[object, ...], Item, bool]] = []
    for item in items:
        memory = memories.get((item.kind, item.id))
        if memory is None or memory.version != item.version:
            key: tuple[object, ...] = (not item.campaign, True, True, not item.critical, item.order)
            ranked.append((key, item, False))
        elif memory.due <= end_of_day:
            forgotten = memory.retrievability(item.critical, now)
            key = (not item.campaign, False, not memory.mistake, not item.critical, forgotten)
            ranked.append((key, item, True))
    ranked.sort(key=lambda entry: entry[0])
    chosen: list[Item] = []
    reviews = 0
    spent = 0.0
    for _, item, due in ranked:
        if chosen and spent + item.seconds > budget_s:
            continue
        chosen.append(item)
        reviews += due
        spent += item.seconds
    return Session(chosen, reviews, spent)
