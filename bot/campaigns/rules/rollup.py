"""Unit figures summed up the organisation tree, and the completion trend by day.

Invariant: a unit's figures are exactly the sum of the figures of the departments in its
subtree (its own workers and every descendant's), each department counted once, so the figures
of a unit's children never add up to more than the unit's own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta


@dataclass
class UnitCounts:
    """What the dashboard and the report show of one unit (or of one department alone)."""

    head: int = 0  # active workers
    bound: int = 0  # active workers with an active WeChat identity
    enrolled: int = 0  # enrolments (a worker × campaign)
    completed: int = 0
    quizzes: int = 0  # finished quizzes of the campaigns
    passed: int = 0  # of those, the ones at or above the campaign's pass ratio

    def add(self, other: UnitCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def late(self) -> int:
        return self.enrolled - self.completed

    @property
    def coverage(self) -> float | None:
        return self.bound / self.head if self.head else None

    @property
    def completion(self) -> float | None:
        return self.completed / self.enrolled if self.enrolled else None

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.quizzes if self.quizzes else None


def ancestors(path: str) -> list[int]:
    """The department ids of a `Department.path` ("/1/4/9/"), the department itself last."""
    return [int(p) for p in path.strip("/").split("/") if p]


def rollup(paths: Mapping[int, str], own: Mapping[int, UnitCounts]) -> dict[int, UnitCounts]:
    """Every department of `paths` with the sum of `own` over its subtree."""
    total = {dept: UnitCounts() for dept in paths}
    for dept, counts in own.items():
        for up in ancestors(paths[dept]) if dept in paths else []:
            if up in total:
                total[up].add(counts)
    return total


@dataclass(frozen=True)
class TrendDay:
    day: date
    completed: int  # completions that day
    cumulative: int
    percent: float  # cumulative completions / enrolled, 0–100


def trend(completions: Iterable[date], enrolled: int, first: date, last: date) -> list[TrendDay]:
    """One point a day from `first` to `last`; completions outside count on the nearest end
    (a clock set back, a campaign's dates moved), so the last point is every completion."""
    if last < first:
        last = first
    per_day = Counter(min(max(day, first), last) for day in completions)
    out: list[TrendDay] = []
    running = 0
    day = first
    while day <= last:
        running += per_day.get(day, 0)
        percent = 100.0 * running / enrolled if enrolled else 0.0
        out.append(TrendDay(day, per_day.get(day, 0), running, percent))
        day += timedelta(days=1)
    return out


def percent(ratio: float | None) -> str:
    """A ratio as the page and the report print it: "87.5%", or "—" when there is none."""
    return "—" if ratio is None else f"{100 * ratio:.1f}%"
