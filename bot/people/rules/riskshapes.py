"""The plain data stand-in risk is computed from (bot/people/rules/risk.py), and its result.

Times are epoch seconds; "" stands for what a channel does not tell (chat carries no device or
network). Nothing here reads a database: bot/people/rules/riskfeatures.py builds these from rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

Facts = dict[str, Any]


@dataclass(frozen=True)
class Item:
    """One answer: the question, how much text it asked the worker to read, how long they took."""

    question: int
    chars: int  # characters of the stem and the options
    seconds: float  # from the question being shown to the answer arriving
    choice: str
    correct: bool
    seen_before: bool = False  # answered in an earlier quiz: recognised, not read afresh


@dataclass(frozen=True)
class Attempt:
    """One quiz. `batch`: every answer arrived at once (the mini-program), so only the time of
    the whole quiz is known. `device` and `network` are "" where the channel does not tell."""

    id: int
    worker: int
    started: float  # epoch seconds
    ended: float
    items: tuple[Item, ...]
    batch: bool = False
    device: str = ""
    network: str = ""


@dataclass(frozen=True)
class Sitting:
    """A stretch of one worker's uninterrupted activity (card reads and quizzes close together)."""

    worker: int
    start: float
    end: float
    device: str = ""
    network: str = ""


@dataclass(frozen=True)
class Shift:
    """Working hours as minutes of the day; `end` < `start` crosses midnight."""

    start: int
    end: int

    def covers(self, minute: int, slack: int) -> bool:
        length = (self.end - self.start) % 1440 or 1440
        return (minute - self.start + slack) % 1440 <= length + 2 * slack

    def label(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_shift(text: str) -> Shift | None:
    """ "08:00-16:00" or "22:00-06:00" → Shift; None for anything else."""
    parts = text.replace("－", "-").replace("：", ":").replace(" ", "").split("-")
    if len(parts) != 2:
        return None
    minutes = []
    for part in parts:
        hh, sep, mm = part.partition(":")
        if not sep or not (hh.isdigit() and mm.isdigit()) or int(hh) > 23 or int(mm) > 59:
            return None
        minutes.append(int(hh) * 60 + int(mm))
    return Shift(minutes[0], minutes[1]) if minutes[0] != minutes[1] else None


@dataclass
class WorkerInput:
    worker: int
    team: int = 0  # the worker's department: colleagues pass answer sheets round, strangers rarely
    attempts: list[Attempt] = field(default_factory=list)
    sittings: list[Sitting] = field(default_factory=list)
    active: list[tuple[float, int]] = field(default_factory=list)  # (epoch, local minute of day)
    shift: Shift | None = None
    earlier_correct: int = 0  # answers before the scoring window: the worker's usual accuracy
    earlier_total: int = 0


@dataclass(frozen=True)
class Reason:
    code: str
    weight: float
    facts: Facts


@dataclass(frozen=True)
class Risk:
    worker: int
    score: float
    reasons: tuple[Reason, ...]  # strongest first

    def above(self, threshold: float) -> bool:
        return self.score >= threshold - 1e-9


@dataclass(frozen=True)
class RiskParams:
    threshold: float = 0.6
    # reading: nobody reads Chinese faster than this and still takes in a question (characters
    # per second; a practised reader manages 8-10, skimming 15), plus the time to tap a reply
    fast_cps: float = 25.0
    min_answer_s: float = 1.0
    fast_min_items: int = 3
    fast_share: float = 0.6
    steady_min_items: int = 6
    steady_cv: float = 0.15  # people vary their pace by 40-70 %; a script's fixed sleep does not
    shift_slack_min: int = 60
    shift_min_events: int = 3
    shift_share: float = 0.5
    jump_min_before: int = 8
    jump_min_now: int = 5
    jump: float = 0.3
    jump_to: float = 0.9
    # copied answers: quizzes this close in time, compared question by question. A partner
    # counts when they share a wrong choice and the log-likelihood ratio (copying vs choosing
    # independently) over all their common questions passes copy_pair_min (more outside the
    # team, where copying is less likely to begin with); partners' ratios add up to copy_min
    copy_window_s: float = 1800
    copy_pair_min: float = 1.5
    copy_stranger: float = 3.0
    copy_min: float = 5.0
    copy_scale: float = 3.5
    copy_mismatch: float = 0.05  # chance a copier departs from the sheet on one question
    # hand-offs: one sitting ends and another worker's begins within relay_gap_s; per partner a
    # likelihood ratio over the days the two were within relay_near_s of each other
    relay_gap_s: float = 120
    relay_near_s: float = 1800
    relay_handoff: float = 5.0  # a hand-off, a day merely near, a day side by side
    relay_near: float = 0.6
    relay_overlap: float = 0.05
    relay_min_days: int = 3
    relay_pair_min: float = 3.0
    relay_min: float = 6.0  # summed over partners, before it counts
    relay_scale: float = 3.0
    # one device (and one household network) behind several workers the same day
    device_window_s: float = 12 * 3600
    private_network_max: int = 4


@dataclass
class Population:
    """Every worker whose activity can bear on the ones being scored, and, per question, how
    those who got it wrong spread over its wrong choices (`lure_share`: a popular misconception
    is shared by chance more often than a rare one)."""

    workers: dict[int, WorkerInput]
    lure_share: dict[tuple[int, str], float] = field(default_factory=dict)
    default_lure: float = 1 / 3

    def __post_init__(self) -> None:
        self._attempts = sorted(
            (a for w in self.workers.values() for a in w.attempts), key=lambda a: a.started
        )
        self._attempt_starts = [a.started for a in self._attempts]
        self._sittings = sorted(
            (s for w in self.workers.values() for s in w.sittings), key=lambda s: s.start
        )
        self._sitting_starts = [s.start for s in self._sittings]
        self._longest = max((s.end - s.start for s in self._sittings), default=0.0)
        seen: dict[str, set[int]] = {}
        for a in self._attempts:
            if a.network:
                seen.setdefault(a.network, set()).add(a.worker)
        self._network_users = {network: len(users) for network, users in seen.items()}
        self._errors = {w.worker: _error_rate(w) for w in self.workers.values()}

    def attempts_near(self, at: float, within: float) -> list[Attempt]:
        lo = bisect.bisect_left(self._attempt_starts, at - within)
        hi = bisect.bisect_right(self._attempt_starts, at + within)
        return self._attempts[lo:hi]

    def sittings_near(self, s: Sitting, gap: float) -> list[Sitting]:
        """Sittings that may overlap `s` or lie within `gap` of it."""
        lo = bisect.bisect_left(self._sitting_starts, s.start - self._longest - gap)
        hi = bisect.bisect_right(self._sitting_starts, s.end + gap)
        return self._sittings[lo:hi]

    def private(self, network: str, most: int) -> bool:
        """Whether a network is some household's, not a mine's Wi-Fi or a carrier's NAT: at most
        `most` workers were seen on it."""
        return bool(network) and self._network_users.get(network, 0) <= most

    def chance(self, worker: int, question: int, choice: str) -> float:
        """How likely this worker, choosing on their own, picks this wrong choice: how often
        they are wrong at all, times how often the wrong pick this one."""
        err = self._errors.get(worker, ERROR_PRIOR)
        return err * self.lure_share.get((question, choice), self.default_lure)


ERROR_PRIOR = 0.25  # before a worker has answered much: wrong one time in four…
ERROR_PRIOR_WEIGHT = 10  # …worth this many answers


def _error_rate(w: WorkerInput) -> float:
    right = w.earlier_correct + sum(i.correct for a in w.attempts for i in a.items)
    total = w.earlier_total + sum(len(a.items) for a in w.attempts)
    return (total - right + ERROR_PRIOR * ERROR_PRIOR_WEIGHT) / (total + ERROR_PRIOR_WEIGHT)
