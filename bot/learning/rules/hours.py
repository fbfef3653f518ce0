"""学时 from timestamps: how many minutes of active study a day's verified events show, and the
学时 they earn under an enterprise's rule.

The rule, stated once (the ledger stores it with every credit):
- Events are card reads, quiz answers and exam answers, sorted by time. Only *verified* events
  count: at or above the identity level in force, and outside any window voided by a rejected
  stand-in challenge. An unverified event counts nothing and breaks the chain.
- The time between two consecutive counted events is study: reading when the earlier one is a
  card read (at most `card_s`), answering otherwise (at most `answer_s` for a quiz answer,
  `exam_s` for an exam answer). A longer gap counts as the cap: the worker paused.
- An event with no counted event before it (the day's first, the first after an unverified one,
  or after a gap over `pause_s`) counts `lead_s`: the time to open what it records.
- 学时 = minutes / `minutes_per_hour`, in hundredths rounded down, at most `daily_cap` a day.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

KINDS = ("read", "answer", "exam")
RANK = {kind: n for n, kind in enumerate(KINDS)}  # a read before an answer of the same instant


@dataclass(frozen=True)
class HoursRule:
    minutes_per_hour: int = 45
    daily_cap: float = 2.0  # 学时 a day at most
    min_level: int = 1  # identity level needed when no campaign or exam names one
    card_s: int = 120
    answer_s: int = 60
    exam_s: int = 90
    lead_s: int = 20
    pause_s: int = 600

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class StudyEvent:
    kind: str  # read | answer | exam
    ref: int  # the row's id in its table
    at: datetime
    level: int  # the identity level the event was recorded at
    required: int | None = None  # the campaign's or exam's minimum level, when known


@dataclass
class DayCredit:
    seconds: int = 0
    counted: dict[str, list[int]] = field(default_factory=lambda: {k: [] for k in KINDS})
    excluded: dict[str, list[int]] = field(default_factory=lambda: {k: [] for k in KINDS})

    @property
    def minutes(self) -> int:
        return self.seconds // 60


def verified(event: StudyEvent, rule: HoursRule, void: list[tuple[datetime, datetime]]) -> bool:
    needed = rule.min_level if event.required is None else event.required
    if event.level < needed:
        return False
    return not void or not any(start <= event.at <= end for start, end in void)


def _cap(rule: HoursRule, before: StudyEvent, event: StudyEvent) -> int:
    if before.kind == "read":
        return rule.card_s
    return rule.exam_s if event.kind == "exam" else rule.answer_s


def active_seconds(
    events: list[StudyEvent], rule: HoursRule, void: list[tuple[datetime, datetime]]
) -> DayCredit:
    """The day's active study under `rule`, and which events counted (see the module doc)."""
    credit = DayCredit()
    previous: StudyEvent | None = None  # the last counted event of the running chain
    for event in sorted(events, key=lambda e: (e.at, RANK[e.kind], e.ref)):
        if not verified(event, rule, void):
            credit.excluded[event.kind].append(event.ref)
            previous = None
            continue
        credit.counted[event.kind].append(event.ref)
        gap = None if previous is None else (event.at - previous.at).total_seconds()
        if previous is None or gap is None or gap > rule.pause_s:
            credit.seconds += rule.lead_s
        else:
            credit.seconds += int(min(gap, _cap(rule, previous, event)))
        previous = event
    return credit


def hours_for(minutes: int, rule: HoursRule) -> float:
    """学时 for `minutes` of a day's study: hundredths rounded down, capped per day."""
    hundredths = minutes * 100 // rule.minutes_per_hour
    return min(hundredths, round(rule.daily_cap * 100)) / 100
