"""Stand-in risk: how likely it is that someone other than the registered worker did the study.

Pure: plain data in (bot/people/rules/riskshapes.py), a score in [0, 1] and the reasons behind it
out. Each reason is one signal a supervisor can check for themselves — a code and the facts it
rests on, rendered by the caller from copy (`standin.reason_<code>`). No signal proves anything
alone: the weights are set so that only strong evidence (machine speed, answers copied mistakes
and all, one phone handed round, a run of hand-offs) reaches the challenge threshold by itself,
and weak evidence (studying off shift, a sudden rise in accuracy) only together with something
else. Signals combine as independent evidence: score = 1 - Π(1 - weight).
"""

from __future__ import annotations

from bot.people.rules.risklinks import copied_answers, handed_on, shared_device
from bot.people.rules.riskshapes import (
    Attempt,
    Item,
    Population,
    Reason,
    Risk,
    RiskParams,
    Shift,
    Sitting,
    WorkerInput,
    parse_shift,
)
from bot.people.rules.risksignals import combine, own_signals

__all__ = [
    "SIGNALS",
    "Attempt",
    "Item",
    "Population",
    "Reason",
    "Risk",
    "RiskParams",
    "Shift",
    "Sitting",
    "WorkerInput",
    "assess",
    "parse_shift",
]

# every reason code, in the order a supervisor reads them; each has copy standin.reason_<code>
SIGNALS = (
    "too_fast",
    "steady_pace",
    "copied_answers",
    "handed_on",
    "shared_device",
    "off_shift",
    "accuracy_jump",
)


def assess(pop: Population, worker: int, since: float, p: RiskParams | None = None) -> Risk:
    """The worker's risk from their own activity since `since`, and everyone's around it."""
    p = p or RiskParams()
    w = pop.workers.get(worker) or WorkerInput(worker)
    found = own_signals(w, since, p)
    for signal in (copied_answers, handed_on, shared_device):
        reason = signal(pop, w, since, p)
        if reason is not None:
            found.append(reason)
    found.sort(key=lambda r: -r.weight)
    return Risk(worker, combine(found), tuple(found))
