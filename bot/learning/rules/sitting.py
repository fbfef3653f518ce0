"""An exam sitting's clock, the pure part: the server keeps the time limit, a client's own answer
times are believed only within what the server saw, and a phone that lost signal near the end
still gets its answers in for a short grace.

The invariant: an answer counts only if its time, bounded by the sitting's start and by the
moment the server received it, is not after the deadline.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# how long after its deadline an unsubmitted sitting waits for a mini-program's queued submit
# before the scheduler closes it as timed out (chat sittings close at their next answer)
SUBMIT_GRACE = timedelta(minutes=30)


def clamp(claimed: datetime | None, started_at: datetime, received_at: datetime) -> datetime:
    """A client-recorded answer time, bounded to [started_at, received_at]; none: received_at."""
    if claimed is None:
        return received_at
    return min(max(claimed, started_at), received_at)


def in_time(answered_at: datetime, deadline_at: datetime) -> bool:
    return answered_at <= deadline_at


def remaining_minutes(now: datetime, deadline_at: datetime) -> tuple[int, int]:
    """(minutes, seconds) left, never negative."""
    left = max(int((deadline_at - now).total_seconds()), 0)
    return divmod(left, 60)


def overdue(now: datetime, deadline_at: datetime) -> bool:
    """Past the grace a queued submit gets: the sitting may be closed as timed out."""
    return now > deadline_at + SUBMIT_GRACE
