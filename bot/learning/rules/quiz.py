"""Quiz rules: answer parsing, grading and the completion rule (selection: rules/schedule.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_FULLWIDTH = str.maketrans("ＡＢＣＤＥＦａｂｃｄｅｆ", "ABCDEFabcdef")
_SEPARATORS = re.compile(r"[\s,，、.。;；]+")


def normalize_choice(text: str, letters: Sequence[str], multi: bool) -> str | None:
    """Turn what a worker typed ("b", "Ｂ", "a c d", "A，C") into canonical letters, or None."""
    raw = _SEPARATORS.sub("", text.translate(_FULLWIDTH)).upper()
    if not raw or any(ch not in letters for ch in raw) or len(set(raw)) != len(raw):
        return None
    if not multi and len(raw) != 1:
        return None
    return "".join(sorted(raw))


def grade(answer: str, choice: str) -> bool:
    return "".join(sorted(answer)) == choice


@dataclass(frozen=True)
class CompletionRule:
    cards_required: int
    quiz_passes_required: int
    quiz_pass_ratio: float

    def quiz_passed(self, correct: int, total: int) -> bool:
        return total > 0 and correct / total >= self.quiz_pass_ratio - 1e-9

    def is_complete(self, cards_read: int, quiz_passes: int) -> bool:
        return cards_read >= self.cards_required and quiz_passes >= self.quiz_passes_required
