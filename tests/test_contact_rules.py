"""The contact policy's pure rules (bot/delivery/rules/contact.py, bot/people/rules/hours.py):
windows crossing midnight, a night shift, the daily limit, the 7-day cap, in Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from bot.delivery.rules.contact import cap_allows, first_allowed, plan, sendable
from bot.people.rules.hours import Window, parse_window
from tests.conftest import TZ

QUIET = Window(time(22), time(7))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("22:00-07:00", QUIET), ("08:00-16:00", Window(time(8), time(16))), ("", None)],
)
def test_hours_parse(text: str, expected: Window | None) -> None:
    assert parse_window(text) == expected


@pytest.mark.parametrize(
    "text", ["22-07", "24:00-07:00", "22:00~07:00", "07:00-07:00", "7:00-9:00"]
)
def test_bad_hours_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ValueError, match=r"HH:MM-HH:MM|same minute"):
        parse_window(text, "shift")


def test_a_window_crossing_midnight_covers_both_sides_and_not_its_end() -> None:
    assert QUIET.covers(time(22)) and QUIET.covers(time(23, 59)) and QUIET.covers(time(0))
    assert QUIET.covers(time(6, 59)) and not QUIET.covers(time(7)) and not QUIET.covers(time(21))


def test_first_allowed_waits_for_the_end_of_quiet_hours_next_morning() -> None:
    assert first_allowed(at(23, 23, 30), [QUIET]) == at(24, 7)
    assert first_allowed(at(24, 3), [QUIET]) == at(24, 7)
    assert first_allowed(at(24, 9, 15), [QUIET]) == at(24, 9, 15)


def test_a_night_shift_and_quiet_hours_chain() -> None:
    night = Window(time(22), time(6))  # a shift crossing midnight, inside quiet hours
    day_shift = Window(time(7), time(15))  # starts as quiet hours end
    assert first_allowed(at(23, 21, 30), [QUIET, night]) == at(23, 21, 30)
    assert first_allowed(at(23, 23), [QUIET, day_shift]) == at(24, 15)
    assert first_allowed(at(24, 5), [QUIET, Window(time(6), time(14))]) == at(24, 14)


def test_windows_covering_the_whole_day_allow_nothing() -> None:
    assert first_allowed(at(23, 12), [QUIET, Window(time(7), time(22))]) is None
    assert plan(at(23, 12), [QUIET, Window(time(6), time(23))], [], 5).outcome == "no_window"


def test_the_cap_holds_in_every_seven_day_span_containing_the_day() -> None:
    d = date(2026, 11, 23)
    three = [d - timedelta(days=6), d - timedelta(days=4), d - timedelta(days=1)]
    assert not cap_allows(d, three, 3)
    assert cap_allows(d + timedelta(days=1), three, 3)  # the oldest fell out of the span
    # a day already held ahead of this one (a deferred nudge) counts too
    ahead = [d + timedelta(days=1), d + timedelta(days=3), d + timedelta(days=6)]
    assert not cap_allows(d, ahead, 3)
    assert cap_allows(d, ahead[:2], 3)


def test_plan_defers_into_the_next_day_and_respects_that_day() -> None:
    deferred = plan(at(23, 22, 30), [QUIET], [], 5)
    assert deferred.outcome == "deferred" and deferred.at == at(24, 7)
    assert plan(at(23, 22, 30), [QUIET], [date(2026, 11, 24)], 5).outcome == "day_taken"
    assert plan(at(23, 22, 30), [QUIET], [], 5, last_day=date(2026, 11, 23)).outcome == "too_late"
    assert plan(at(23, 9), [QUIET], [date(2026, 11, 23)], 5).outcome == "day_taken"
    assert plan(at(23, 9), [QUIET], [], 5).outcome == "now"


def test_sendable_keeps_a_row_to_its_own_day() -> None:
    day = date(2026, 11, 24)
    assert sendable(at(24, 8), day, [QUIET]) == at(24, 8)
    assert sendable(at(24, 6), day, [QUIET]) == at(24, 7)
    assert sendable(at(24, 22, 30), day, [QUIET]) is None  # its day has no moment left
    assert sendable(at(23, 23), day, [QUIET]) == at(24, 7)  # early: waits for its day
