"""The 学时 rule on plain data: gaps capped per activity, pauses, the identity level in force,
windows voided by a rejected stand-in challenge, and the daily cap."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.learning.rules.hours import HoursRule, StudyEvent, active_seconds, hours_for
from tests.conftest import TZ

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
RULE = HoursRule()


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(kind: str, ref: int, s: float, level: int = 1, required: int | None = None) -> StudyEvent:
    return StudyEvent(kind, ref, at(s), level, required)


def test_gaps_count_up_to_the_cap_of_what_was_done() -> None:
    events = [
        ev("read", 1, 0),  # lead: 20
        ev("answer", 1, 90),  # reading card 1 for 90 s (cap 120): 90
        ev("answer", 2, 400),  # 310 s on one answer, capped at 60: 60
        ev("read", 2, 430),  # 30
        ev("exam", 1, 1000),  # after a read the cap is the card's: 120 (gap 570 < pause)
        ev("exam", 2, 1050),  # 50
    ]
    credit = active_seconds(events, RULE, [])
    assert credit.seconds == 20 + 90 + 60 + 30 + 120 + 50
    assert credit.counted == {"read": [1, 2], "answer": [1, 2], "exam": [1, 2]}


def test_a_pause_longer_than_pause_s_starts_over_with_the_lead() -> None:
    credit = active_seconds([ev("answer", 1, 0), ev("answer", 2, 601)], RULE, [])
    assert credit.seconds == 20 + 20


def test_below_the_level_in_force_counts_nothing_and_breaks_the_chain() -> None:
    events = [
        ev("answer", 1, 0, level=1, required=2),  # the campaign wants level 2: excluded
        ev("answer", 2, 30, level=2, required=2),  # its predecessor did not count: lead only
        ev("answer", 3, 60, level=1),  # no campaign known: the enterprise's minimum (1)
    ]
    credit = active_seconds(events, RULE, [])
    assert credit.seconds == 20 + 30
    assert credit.excluded["answer"] == [1]
    strict = active_seconds(events, HoursRule(min_level=3), [])
    assert strict.counted["answer"] == [2] and strict.excluded["answer"] == [1, 3]


def test_a_voided_window_counts_nothing() -> None:
    events = [ev("read", 1, 0), ev("answer", 1, 50), ev("answer", 2, 100), ev("answer", 3, 150)]
    credit = active_seconds(events, RULE, [(at(40), at(110))])
    assert credit.counted["answer"] == [3] and credit.excluded["answer"] == [1, 2]
    assert credit.seconds == 20 + 20


def test_hours_are_hundredths_rounded_down_and_capped_per_day() -> None:
    assert hours_for(45, RULE) == 1.0
    assert hours_for(44, RULE) == 0.97  # 0.9777…
    assert hours_for(500, RULE) == 2.0  # the daily cap
    assert hours_for(100, HoursRule(minutes_per_hour=40, daily_cap=3.0)) == 2.5
    assert hours_for(0, RULE) == 0.0
