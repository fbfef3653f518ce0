"""Exam papers, the pure part: compose a paper from rules over a job's bank, and what a finished
attempt says about the worker (the topics they missed, whether they passed).

The invariant: a paper never holds a question twice, and every rule gets exactly its count of
questions that match it — or composing fails naming the rule the bank cannot fill.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QType = Literal["single", "multi", "judge"]


class PaperRule(BaseModel):
    """`count` questions of the job's bank, optionally only of a type, a topic, a difficulty."""

    model_config = ConfigDict(extra="forbid")

    count: int = Field(ge=1, le=100, description="how many questions this rule puts in")
    qtype: QType | None = Field(None, description="single | multi | judge; any when absent")
    topic: str | None = Field(None, min_length=1, max_length=64)
    difficulty: int | None = Field(None, ge=1, le=5)

    def matches(self, item: BankItem) -> bool:
        return (
            (self.qtype is None or item.qtype == self.qtype)
            and (self.topic is None or item.topic == self.topic)
            and (self.difficulty is None or item.difficulty == self.difficulty)
        )

    def describe(self) -> str:
        """The rule as an admin wrote it, e.g. `count=5, qtype=multi, topic=入井安全`."""
        return ", ".join(f"{k}={v}" for k, v in self.model_dump(exclude_none=True).items())


@dataclass(frozen=True)
class BankItem:
    id: int
    qtype: str
    topic: str
    difficulty: int


class Unfillable(ValueError):
    """The bank cannot fill rule number `index` (1-based): it has `matching` questions that fit
    it, `left` of them once the other rules took theirs."""

    def __init__(self, index: int, rule: PaperRule, matching: int, left: int) -> None:
        self.index, self.rule, self.matching, self.left = index, rule, matching, left
        super().__init__(
            f"paper rule {index} ({rule.describe()}) needs {rule.count} questions; the bank has "
            f"{matching} that fit it"
            + (f", {left} left after the other rules" if left < matching else "")
        )


def compose(rules: Sequence[PaperRule], bank: Sequence[BankItem], seed: str) -> list[int]:
    """Question ids for one paper: each rule's questions in rule order, drawn at random (from
    `seed`), none twice. Rules that overlap ("5 of any type" and "2 on 入井安全") are solved
    together (a bipartite matching), so the order the rules are written in never matters."""
    rng = random.Random(seed)
    items = sorted(bank, key=lambda b: b.id)
    rng.shuffle(items)
    slots = [(i, rule) for i, rule in enumerate(rules) for _ in range(rule.count)]
    candidates = [[n for n, item in enumerate(items) if rule.matches(item)] for _, rule in slots]
    owner: dict[int, int] = {}  # item position -> slot

    def place(slot: int, seen: set[int]) -> bool:
        for n in candidates[slot]:
            if n in seen:
                continue
            seen.add(n)
            if n not in owner or place(owner[n], seen):
                owner[n] = slot
                return True
        return False

    # the most constrained slots first: a random general rule cannot starve a narrow one
    for slot in sorted(range(len(slots)), key=lambda s: (len(candidates[s]), s)):
        if not place(slot, set()):
            index, rule = slots[slot]
            fits = set(candidates[slot])
            taken = sum(1 for n, s in owner.items() if n in fits and slots[s][0] != index)
            raise Unfillable(index + 1, rule, len(fits), len(fits) - taken)
    by_rule: dict[int, list[int]] = {}
    for n, slot in sorted(owner.items(), key=lambda kv: kv[1]):
        by_rule.setdefault(slots[slot][0], []).append(items[n].id)
    return [qid for i in sorted(by_rule) for qid in by_rule[i]]


def missed_topics(graded: Sequence[tuple[str, bool]]) -> list[str]:
    """The topics of the questions answered wrong (or not at all), in paper order, once each."""
    return list(dict.fromkeys(topic for topic, correct in graded if not correct))


def passed(correct: int, total: int, pass_ratio: float) -> bool:
    return total > 0 and correct / total >= pass_ratio - 1e-9
