"""Who hears about a unit: its leaders, and the leaders above them, by department paths.

A unit with no leader of its own is led by the nearest unit above it that has one; each level
is the set of leaders of one unit (a unit may have several).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

EARLY, DEADLINE = "early", "deadline"
DEADLINE_GRACE = timedelta(days=1)  # a deadline check missed in downtime still runs the day after


def ancestors(path: str) -> list[str]:
    """ "/1/4/9/" → ["/1/4/9/", "/1/4/", "/1/"], nearest first."""
    ids = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(ids[:n]) + "/" for n in range(len(ids), 0, -1)]


def levels(
    path: str, leaders: Iterable[tuple[int, str]], count: int, exclude: int | None = None
) -> list[list[int]]:
    """Up to `count` levels of leaders for the unit at `path`, nearest first; `leaders` are
    (worker id, department path). `exclude` (e.g. the worker concerned) is never included."""
    by_unit: dict[str, list[int]] = {}
    for worker_id, unit in leaders:
        if worker_id != exclude:
            by_unit.setdefault(unit, []).append(worker_id)
    found = [sorted(by_unit[unit]) for unit in ancestors(path) if unit in by_unit]
    return found[:count]


def checkpoint(deadline: date, escalate_days: int, today: date) -> str | None:
    """EARLY from `escalate_days` before the deadline, DEADLINE on it (and the day after, in
    case the check was down), else None."""
    if deadline <= today <= deadline + DEADLINE_GRACE:
        return DEADLINE
    if deadline - timedelta(days=escalate_days) <= today < deadline:
        return EARLY
    return None


def reach(stage: str) -> int:
    """How many levels hear at a checkpoint: the team and its workshop, then one more."""
    return 2 if stage == EARLY else 3
