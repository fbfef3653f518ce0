"""Stand-in signals between workers: answers copied with their mistakes, sittings handed from
one worker to the next, one device behind several workers.

Pure, like bot/people/rules/risk.py. A pair of workers counts only on evidence an honest pair
rarely produces: the same wrong choices (right answers are expected to agree), and sittings that
follow each other within minutes yet never once run side by side (colleagues studying in the
same break overlap). A network seen for several workers is no evidence alone — a mine's Wi-Fi and
a carrier's NAT put hundreds behind one address — it only strengthens a hand-off.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from bot.people.rules.riskshapes import (
    Attempt,
    Population,
    Reason,
    RiskParams,
    Sitting,
    WorkerInput,
)

DAY_S = 86400


def _pair_evidence(pop: Population, mine: Attempt, theirs: Attempt, p: RiskParams) -> _Copy:
    other = {i.question: i.choice for i in theirs.items}
    found = _Copy()
    for item in mine.items:
        if item.question not in other:
            continue
        found.common += 1
        if other[item.question] == item.choice:
            if not item.correct:  # agreeing on the right answer is what knowing it looks like
                chance = max(
                    pop.chance(mine.worker, item.question, item.choice),
                    pop.chance(theirs.worker, item.question, item.choice),
                )  # the likelier of the two to make this mistake alone: the cautious reading
                found.llr -= math.log(max(chance, 1e-3))
                found.wrong.add(item.question)
        else:
            found.llr += math.log(p.copy_mismatch)
    return found


@dataclass
class _Copy:
    llr: float = 0.0
    common: int = 0
    wrong: set[int] = field(default_factory=set)
    gaps: list[float] = field(default_factory=list)


def copied_answers(pop: Population, w: WorkerInput, since: float, p: RiskParams) -> Reason | None:
    """Quizzes close in time whose choices agree, the same wrong ones included, every time.

    Evidence is summed per partner over every pair of their quizzes, disagreements counting
    against: two honest colleagues share a lure now and then, but also differ now and then."""
    partners: dict[int, _Copy] = defaultdict(_Copy)
    for a in w.attempts:
        if a.started < since:
            continue
        for b in pop.attempts_near(a.started, p.copy_window_s):
            if b.worker == w.worker:
                continue
            pair = _pair_evidence(pop, a, b, p)
            if pair.common:
                summed = partners[b.worker]
                summed.llr += pair.llr
                summed.common += pair.common
                summed.wrong |= pair.wrong
                summed.gaps.append(abs(b.started - a.started))

    def enough(v: int, c: _Copy) -> bool:
        other = pop.workers.get(v)
        stranger = 0.0 if other is not None and other.team == w.team else p.copy_stranger
        return bool(c.wrong) and c.llr >= p.copy_pair_min + stranger

    copied = {v: c for v, c in partners.items() if enough(v, c)}
    total = sum(c.llr for c in copied.values())
    if total < p.copy_min:
        return None
    return Reason(
        "copied_answers",
        round(1 - math.exp(-(total - p.copy_min / 2) / p.copy_scale), 3),
        {
            "partners": len(copied),
            "wrong": len(set().union(*(c.wrong for c in copied.values()))),
            "minutes": max(1, round(max(g for c in copied.values() for g in c.gaps) / 60)),
        },
    )


def _strength(s: Sitting, t: Sitting) -> float:
    """How much more a hand-off says when both ends show the same device, or the same network."""
    if s.device and s.device == t.device and s.network == t.network:
        return 4.0
    if s.network and s.network == t.network:
        return 2.0
    return 1.0


def _day_kinds(pop: Population, w: WorkerInput, since: float, p: RiskParams) -> dict:
    """For every other worker studying near `w`'s sittings: per day, whether they overlapped,
    handed off (and how telling the hand-off was), or were merely near."""
    days: dict[int, dict[int, tuple[str, float]]] = defaultdict(dict)
    rank = {"near": 0, "handoff": 1, "overlap": 2}
    for s in w.sittings:
        if s.end < since:
            continue
        day = int(s.start // DAY_S)
        for t in pop.sittings_near(s, p.relay_near_s):
            if t.worker == w.worker:
                continue
            if s.start < t.end and t.start < s.end:
                kind, strength = "overlap", 0.0
            else:
                gap = t.start - s.end if t.start >= s.end else s.start - t.end
                if gap > p.relay_near_s:
                    continue
                kind, strength = (
                    ("handoff", _strength(s, t)) if gap <= p.relay_gap_s else ("near", 0.0)
                )
            old = days[t.worker].get(day)
            if old is None or (rank[kind], strength) > (rank[old[0]], old[1]):
                days[t.worker][day] = (kind, strength)
    return days


def handed_on(pop: Population, w: WorkerInput, since: float, p: RiskParams) -> Reason | None:
    """Sittings of several workers one straight after another, day after day, and never side
    by side: one person going from phone to phone.

    Per partner, a log-likelihood ratio over the days the two studied near each other: a
    hand-off counts for (more with the same device or network), a day merely near counts a
    little against, a day side by side a lot against. Strangers in a busy break hand off by
    chance now and then; only a routine does it every time and never overlaps."""
    evidence: dict[int, float] = {}
    handoffs: dict[int, int] = {}
    for partner, per_day in _day_kinds(pop, w, since, p).items():
        llr, count = 0.0, 0
        for kind, strength in per_day.values():
            if kind == "handoff":
                llr += math.log(p.relay_handoff * strength)
                count += 1
            else:
                llr += math.log(p.relay_overlap if kind == "overlap" else p.relay_near)
        if count >= p.relay_min_days and llr >= p.relay_pair_min:
            evidence[partner], handoffs[partner] = llr, count
    total = sum(evidence.values())
    if total < p.relay_min:
        return None
    return Reason(
        "handed_on",
        round(min(0.95, 1 - math.exp(-(total - p.relay_min / 2) / p.relay_scale)), 3),
        {
            "partners": len(evidence),
            "handoffs": sum(handoffs.values()),
            "days": max(handoffs.values()),
        },
    )


def shared_device(pop: Population, w: WorkerInput, since: float, p: RiskParams) -> Reason | None:
    """Other workers on the same device and the same household network, at other times the
    same day. Behind a mine's Wi-Fi or a carrier's NAT a device id (a model fingerprint) is
    shared by chance, so only a network few workers use counts."""
    others: set[int] = set()
    for a in w.attempts:
        if a.started < since or not a.device or not pop.private(a.network, p.private_network_max):
            continue
        for b in pop.attempts_near(a.started, p.device_window_s):
            if b.worker == w.worker or b.device != a.device or b.network != a.network:
                continue
            if a.started < b.ended and b.started < a.ended:
                continue  # at the same moment: two phones that merely look alike
            others.add(b.worker)
    if not others:
        return None
    return Reason("shared_device", 0.8 if len(others) >= 2 else 0.5, {"others": len(others)})
