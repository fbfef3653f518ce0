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
- A card is read, not tested: read once it leaves the rotation (until revised), but for a
  critical card, which comes back on its schedule; the questions of its topic carry the rest.
- Today's session (`plan`): the 错题本, due reviews, then new items, and no minute left unused;
  as many as the worker's minutes allow at their own speed.
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
OUT_OF_ROTATION = timedelta(days=3650)  # a card read once that is not critical


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

    def forgetting(self, now: datetime) -> float:
        """Orders memories as retrievability does, lowest first, without computing it: FSRS's
        forgetting curve falls with elapsed time over stability alone (the same weights for
        every retention), so the larger that ratio, the more forgotten."""
        return -(now - self.last_review).total_seconds() / self.stability

    def _card(self) -> FsrsCard:
        return FsrsCard(
            card_id=0,  # fsrs sleeps a millisecond to make up an id when none is given
            state=State.Review,
            step=None,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )


def review(
    memory: Memory | None,
    version: int,
    critical: bool,
    recalled: bool,
    at: datetime,
    kind: str = "question",
) -> Memory:
    """The memory after one read (`kind` card, recalled) or answer, at `at` (in UTC)."""
    if memory is not None and memory.version != version:
        memory = None  # revised since: the old text's memory says nothing about the new one
    card = memory._card() if memory is not None else FsrsCard(card_id=0)
    # known at first sight: easy (it need not come back in days); a later recall: good
    rating = Rating.Again if not recalled else Rating.Easy if memory is None else Rating.Good
    card, _ = scheduler(critical).review_card(card, rating, at)
    assert card.stability is not None and card.difficulty is not None
    reps = (memory.reps if memory else 0) + 1
    lapses = (memory.lapses if memory else 0) + int(not recalled)
    rights = (memory.rights if memory else 0) + 1 if recalled else 0
    was_mistake = memory is not None and memory.mistake
    mistake = not recalled or (was_mistake and rights < MISTAKE_CLEARED_AFTER)
    due = card.due
    if kind == "card" and not critical:
        due = at + OUT_OF_ROTATION
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


def _later(item: Item) -> bool:
    return not item.campaign and not item.critical


def plan(
    items: Sequence[Item],
    memories: dict[tuple[str, int], Memory],
    now: datetime,
    end_of_day: datetime,
    budget_s: float,
) -> Session:
    """Today's session within `budget_s`, taken in this order:
    1. mistakes due (the 错题本), whatever the time;
    2. other due reviews, within half the minutes while new items remain (all of them else):
       a running campaign's first, then critical items, then the most forgotten;
    3. new items: a campaign's in its own order, then the bank's (critical ones first);
    4. the reviews step 2 had no room for, then questions not due yet, the most forgotten first,
       so no minute is left unused.
    An item that does not fit is skipped for a smaller one. The session is shown with a
    running campaign's items first."""
    due: list[tuple[tuple[object, ...], Item]] = []
    fresh: list[tuple[tuple[object, ...], Item]] = []
    later: list[tuple[Memory, Item]] = []
    for item in items:
        memory = memories.get((item.kind, item.id))
        if memory is None or memory.version != item.version:
            fresh.append(((not item.campaign, _later(item), item.order), item))
        elif memory.due <= end_of_day:
            forgotten = memory.forgetting(now)
            key = (not memory.mistake, not item.campaign, not item.critical, forgotten)
            due.append((key, item))
        elif item.kind == "question":
            later.append((memory, item))
    due.sort(key=lambda entry: entry[0])
    fresh.sort(key=lambda entry: entry[0])
    chosen: dict[tuple[str, int], Item] = {}
    spent = 0.0
    smallest = min((i.seconds for i in items), default=0.0)

    def fill(candidates: Iterable[Item], limit: float) -> None:
        nonlocal spent
        for item in candidates:
            if chosen and limit - spent < smallest:
                return  # not even the smallest item fits any more
            if (item.kind, item.id) in chosen or (chosen and spent + item.seconds > limit):
                continue
            chosen[(item.kind, item.id)] = item
            spent += item.seconds

    fill((i for key, i in due if not key[0]), budget_s)  # the 错题本
    fill((i for _, i in due), budget_s / 2 if fresh else budget_s)
    fill((i for _, i in fresh), budget_s)
    fill((i for _, i in due), budget_s)
    if budget_s - spent >= smallest and later:  # rarely needed: sorted only then
        later.sort(key=lambda entry: entry[0].forgetting(now))
        fill((i for _, i in later), budget_s)
    reviews = {(i.kind, i.id) for _, i in due}
    shown = sorted(chosen.values(), key=lambda i: not i.campaign)
    return Session(shown, sum((i.kind, i.id) in reviews for i in shown), spent)
