"""Quiz rules: answer parsing, grading, question selection and the completion rule."""

from __future__ import annotations

import random
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
class PoolItem:
    question_id: int
    answered_right: int = 0
    answered_wrong: int = 0


def select_questions(pool: Sequence[PoolItem], n: int, seed: str) -> list[int]:
    """Pick n questions: wrong ones first, then never-seen, then the least practised.

    The order inside each tier is shuffled with a seed (worker + day), so a retry on the same
    day gives the same paper and two workers side by side see different orders.
    """
    rng = random.Random(seed)
    wrong = [p for p in pool if p.answered_wrong > p.answered_right]
    fresh = [p for p in pool if p.answered_right == 0 and p.answered_wrong == 0]
    rest = [p for p in pool if p not in wrong and p not in fresh]
    for tier in (wrong, fresh, rest):
        rng.shuffle(tier)
    rest.sort(key=lambda p: p.answered_right + p.answered_wrong)
    return [p.question_id for p in (wrong + fresh + rest)[:n]]


@dataclass(frozen=True)
class CompletionRule:
    cards_required: int
    quiz_passes_required: int
    quiz_pass_ratio: float

    def quiz_passed(self, correct: int, total: int) -> bool:
        return total > 0 and correct / total >= self.quiz_pass_ratio - 1e-9

    def is_complete(self, cards_read: int, quiz_passes: int) -> bool:
        return cards_read >= self.cards_required and quiz_passes >= self.quiz_passes_required
