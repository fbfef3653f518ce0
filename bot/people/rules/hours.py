"""Daily spans of local time ("22:00-07:00", a shift "08:00-16:00"), which may cross
midnight: parsed once, with a message that says how to write one when it is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

HOURS = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)")


@dataclass(frozen=True)
class Window:
    """A daily span of local time, possibly crossing midnight; `end` is not inside it."""

    start: time
    end: time

    def covers(self, t: time) -> bool:
        t = t.replace(tzinfo=None)
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end

    def end_after(self, at: datetime) -> datetime:
        """The first moment after `at` (which this window covers) that it no longer covers."""
        end = at.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        return end if end > at else end + timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_window(text: str, what: str = "hours") -> Window | None:
    """ "HH:MM-HH:MM" as a Window, "" as none; ValueError saying what is wrong otherwise."""
    text = text.strip()
    if not text:
        return None
    m = HOURS.fullmatch(text)
    if m is None:
        raise ValueError(
            f'{what} must be "HH:MM-HH:MM" in 24-hour time, e.g. "22:00-07:00" (a span may '
            f'cross midnight), or "" for none; got {text!r}'
        )
    h1, m1, h2, m2 = (int(x) for x in m.groups())
    if (h1, m1) == (h2, m2):
        raise ValueError(f"{what} {text!r} starts and ends at the same minute; write the span")
    return Window(time(h1, m1), time(h2, m2))
