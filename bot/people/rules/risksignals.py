"""Stand-in signals in one worker's own activity: answers faster than reading allows, a pace
that never varies, study off shift, a sudden rise in accuracy. Pure (see risk.py)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from bot.people.rules.riskshapes import Attempt, Item, Reason, RiskParams, WorkerInput


def combine(reasons: Iterable[Reason]) -> float:
    remaining = 1.0
    for reason in reasons:
        remaining *= 1.0 - max(0.0, min(reason.weight, 0.99))
    return round(1.0 - remaining, 4)


def _limit(item: Item, p: RiskParams) -> float:
    """The least time a person needs for `item`: reading it (a question seen before only needs
    recognising, at a quarter of the reading), then replying."""
    cps = p.fast_cps * (4 if item.seen_before else 1)
    return item.chars / cps + p.min_answer_s


def too_fast(attempts: list[Attempt], p: RiskParams) -> Reason | None:
    """Answers arriving before the question could have been read."""
    checked: list[tuple[float, int, bool]] = []  # (seconds, chars, fast)
    for a in attempts:
        if a.batch and a.items:
            n, total = len(a.items), a.ended - a.started
            fast = total < sum(_limit(i, p) for i in a.items)
            checked += [(total / n, sum(i.chars for i in a.items) // n, fast)] * n
        elif not a.batch:
            checked += [(i.seconds, i.chars, i.seconds < _limit(i, p)) for i in a.items]
    fast_ones = [(s, c) for s, c, f in checked if f]
    if len(checked) < p.fast_min_items or len(fast_ones) < p.fast_share * len(checked):
        return None
    share = len(fast_ones) / len(checked)
    return Reason(
        "too_fast",
        0.9 if share >= 0.8 else 0.7,
        {
            "fast": len(fast_ones),
            "total": len(checked),
            "seconds": round(statistics.median(s for s, _ in fast_ones), 1),
            "chars": round(statistics.median(c for _, c in fast_ones)),
        },
    )


def steady_pace(attempts: list[Attempt], p: RiskParams) -> Reason | None:
    """Answer times that hardly vary, whatever the question's length."""
    times = [i.seconds for a in attempts if not a.batch for i in a.items]
    if len(times) < p.steady_min_items:
        return None
    mean = statistics.fmean(times)
    if mean <= 0:
        return None
    cv = statistics.pstdev(times) / mean
    if cv >= p.steady_cv:
        return None
    weight = 0.7 if cv < p.steady_cv / 2 else 0.5
    facts = {"count": len(times), "seconds": round(mean, 1), "cv": round(cv * 100)}
    return Reason("steady_pace", weight, facts)


def off_shift(w: WorkerInput, since: float, p: RiskParams) -> Reason | None:
    """Studying mostly outside the worker's known shift (with an hour's slack either side)."""
    if w.shift is None:
        return None
    minutes = [m for at, m in w.active if at >= since]
    if len(minutes) < p.shift_min_events:
        return None
    outside = [m for m in minutes if not w.shift.covers(m, p.shift_slack_min)]
    if len(outside) < p.shift_share * len(minutes):
        return None
    return Reason(
        "off_shift", 0.3, {"outside": len(outside), "total": len(minutes), "shift": w.shift.label()}
    )


def accuracy_jump(w: WorkerInput, attempts: list[Attempt], p: RiskParams) -> Reason | None:
    """Accuracy far above the worker's own record, all at once."""
    items = [i for a in attempts for i in a.items]
    if w.earlier_total < p.jump_min_before or len(items) < p.jump_min_now:
        return None
    before = w.earlier_correct / w.earlier_total
    now = sum(i.correct for i in items) / len(items)
    if now < p.jump_to or now - before < p.jump:
        return None
    return Reason("accuracy_jump", 0.3, {"before": round(before * 100), "now": round(now * 100)})


def own_signals(w: WorkerInput, since: float, p: RiskParams) -> list[Reason]:
    attempts = [a for a in w.attempts if a.started >= since]
    found = [
        too_fast(attempts, p),
        steady_pace(attempts, p),
        off_shift(w, since, p),
        accuracy_jump(w, attempts, p),
    ]
    return [r for r in found if r is not None]
