"""EXPERIMENTS, not shipped: variants of anxun's rule that bench/learning.py measures with
--experiments, to size changes proposed for bot/learning/rules/schedule.py (left unchanged).

- anxun+new: while the worker has items never studied, at most half the minutes go to due
  reviews (mistakes still first among them), the rest to new items in the bank's order.
- anxun+easy: a question answered right the first time it is seen is rated Easy, not Good: the
  worker already knew it, so FSRS starts it with a long stability instead of reviewing it in days.
- anxun+once: a card is read once and then leaves the rotation (until revised); its topic's
  questions carry the reviews.
- anxun+all: the three together.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating

from bench.learnpolicies import Anxun, Key, at, seconds
from bot.learning.rules.schedule import Item, Speed, plan, scheduler

REVIEW_SHARE = 0.5


class Experiment(Anxun):
    new_quota = easy_first = cards_once = False

    def session(self, day: int, t: float, speed: Speed, budget_s: float) -> list[Key]:
        items = self.items(speed)
        end_of_day = at(day + 1) - timedelta(microseconds=1)
        if self.cards_once:
            items = [i for i in items if not (i.kind == "card" and (i.kind, i.id) in self.memories)]
        fresh = [i for i in items if (i.kind, i.id) not in self.memories]
        if not (self.new_quota and fresh):
            return keys(plan(items, self.memories, at(t), end_of_day, budget_s).items)
        seen = [i for i in items if (i.kind, i.id) in self.memories]
        reviews = plan(seen, self.memories, at(t), end_of_day, budget_s * REVIEW_SHARE)
        new = plan(fresh, self.memories, at(t), end_of_day, budget_s - reviews.seconds)
        return keys(reviews.items + new.items)

    def record(self, day: int, key: Key, right: bool, t: float) -> None:
        first = key not in self.memories
        super().record(day, key, right, t)
        if self.easy_first and first and right and key[0] == "question":
            card, _ = scheduler(self.critical[key]).review_card(
                FsrsCard(card_id=0), Rating.Easy, at(t)
            )
            assert card.stability is not None and card.difficulty is not None
            self.memories[key] = replace(
                self.memories[key],
                stability=card.stability,
                difficulty=card.difficulty,
                due=card.due,
            )

    def items(self, speed: Speed) -> list[Item]:
        return [
            Item(kind, i, 1, self.critical[kind, i], seconds(self.bank, (kind, i), speed), order=n)
            for n, (kind, i) in enumerate(self.bank.order)
        ]


def keys(items: list[Item]) -> list[Key]:
    return [(i.kind, i.id) for i in items]


class New(Experiment):
    name, new_quota = "anxun+new", True


class Easy(Experiment):
    name, easy_first = "anxun+easy", True


class Once(Experiment):
    name, cards_once = "anxun+once", True


class All(Experiment):
    name, new_quota, easy_first, cards_once = "anxun+all", True, True, True


EXPERIMENTS = {p.name: p for p in (New, Easy, Once, All)}
