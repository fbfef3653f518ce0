"""When a worker may be nudged: outside quiet hours and their shift, once a local day, at most
`cap` times in any 7 consecutive days.

Pure decisions on aware local datetimes (the scheduler's zone; Asia/Shanghai keeps no DST). A
window "22:00-07:00" blocks [22:00, 07:00 the next day): its end is the first allowed minute. A
nudge decided inside a blocked window is deferred to the first allowed moment, never dropped;
one that would break the daily limit or the cap is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.people.rules.hours import Window

WEEK = 7
# windows are whole days at most: a search past this finds that every moment is blocked
HORIZON = timedelta(hours=25)


def first_allowed(at: datetime, windows: Iterable[Window]) -> datetime | None:
    """`at` if no window covers it, else the first later moment none covers; None when the
    windows together cover the whole day."""
    spans = list(windows)
    t = at
    while t - at <= HORIZON:
        blocking = [w for w in spans if w.covers(t.timetz())]
        if not blocking:
            return t
        t = max(w.end_after(t) for w in blocking)
    return None


def cap_allows(day: date, taken: Iterable[date], cap: int) -> bool:
    """Whether one more nudge on `day` keeps every 7-day span that contains it at `cap` or
    fewer, given the days already `taken` (each counts once: one nudge a day)."""
    days = set(taken)
    for first in range(WEEK):
        start = day - timedelta(days=WEEK - 1 - first)
        end = start + timedelta(days=WEEK - 1)
        if sum(1 for d in days if start <= d <= end) + 1 > cap:
            return False
    return True


@dataclass(frozen=True)
class Plan:
    """What to do with one nudge: `outcome` is now | deferred (send at `at`) or day_taken |
    capped | no_window | too_late (skip it)."""

    outcome: str
    at: datetime | None = None

    @property
    def sends(self) -> bool:
        return self.outcome in ("now", "deferred")

    @property
    def day(self) -> date | None:
        return self.at.date() if self.at is not None else None


def plan(
    now: datetime,
    windows: Iterable[Window],
    taken: Iterable[date],
    cap: int,
    last_day: date | None = None,
) -> Plan:
    """Decide one nudge decided at local time `now`: its first allowed moment, then the daily
    limit and the cap on that moment's day; `last_day` (a campaign's deadline) bounds it."""
    at = first_allowed(now, windows)
    if at is None:
        return Plan("no_window")
    if last_day is not None and at.date() > last_day:
        return Plan("too_late")
    days = set(taken)
    if at.date() in days:
        return Plan("day_taken")
    if not cap_allows(at.date(), days, cap):
        return Plan("capped")
    return Plan("now" if at == now else "deferred", at)


def sendable(now: datetime, day: date, windows: Iterable[Window]) -> datetime | None:
    """For a nudge row meant for local `day`, checked as it is sent at local `now`: `now` if it
    may go, the later moment that day it may, or None if its day has no allowed moment left."""
    if now.date() < day:  # early (a clock moved back): wait for its own day
        now = datetime.combine(day, time(0), tzinfo=now.tzinfo)
    at = first_allowed(now, windows)
    if at is None or at.date() != day:
        return None
    return at
