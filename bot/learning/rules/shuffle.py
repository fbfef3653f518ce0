"""Option shuffling: each worker sees a question's options in their own order, new at each attempt,
so an answer cannot be passed along as "the third one" or learnt as a position.

The invariant: a worker's choice is graded against the order they were shown. `Order` is that
order, stored with the attempt (a string of the bank's letters in the order shown, "CADB"); the
letter the worker typed is turned back into the bank's letter before grading and storing.

Not shuffled: a true/false question (对/错 keep their places), and an option that speaks of the
others ("以上都对", "上述均不正确", "全部"), which stays where the bank put it while the rest move.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

_REFERS_TO_OTHERS = re.compile(r"以上|上述|前述|全部|都对|都不|均对|均不|皆")


@dataclass(frozen=True)
class Order:
    """The bank's letters in the order shown: shown letter `A` is bank letter `order[0]`."""

    order: str

    @classmethod
    def identity(cls, options: dict[str, str]) -> Order:
        return cls("".join(sorted(options)))

    def shown(self, options: dict[str, str]) -> dict[str, str]:
        """The options as the worker sees them: shown letter -> text."""
        return {chr(ord("A") + i): options[bank] for i, bank in enumerate(self.order)}

    def to_bank(self, shown_choice: str) -> str:
        """The bank letters of a canonical shown choice ("AC"), sorted."""
        return "".join(sorted(self.order[ord(ch) - ord("A")] for ch in shown_choice))

    def to_shown(self, bank_letters: str) -> str:
        """The shown letters of bank letters (the right answer, as this worker saw it), sorted."""
        return "".join(sorted(chr(ord("A") + self.order.index(ch)) for ch in bank_letters))


def shuffle(options: dict[str, str], qtype: str, seed: str) -> Order:
    """A fresh order of the options for one worker's one attempt, reproducible from `seed`."""
    letters = sorted(options)
    if qtype == "judge" or len(letters) < 3:
        return Order("".join(letters))
    pinned = {i for i, letter in enumerate(letters) if _REFERS_TO_OTHERS.search(options[letter])}
    free = [letter for i, letter in enumerate(letters) if i not in pinned]
    random.Random(seed).shuffle(free)
    moved = iter(free)
    return Order("".join(letters[i] if i in pinned else next(moved) for i in range(len(letters))))
