"""The study policies bench/learning.py compares, each choosing a worker's session for the day
within the same budget of minutes, estimated with the same Speed: anxun's `plan`/`review`
(bot/learning/rules/schedule.py, used unchanged), the bank in a fixed order, Leitner boxes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bench.learnworld import Bank
from bot.learning.rules.schedule import Item, Memory, Speed, plan, review

T0 = datetime(2025, 3, 3, tzinfo=UTC)  # a Monday; fsrs wants UTC datetimes
LEITNER_DAYS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
Key = tuple[str, int]  # (card | question, id)


def at(t: float) -> datetime:
    return T0 + timedelta(days=t)


def seconds(bank: Bank, key: Key, speed: Speed) -> float:
    """The estimated time of an item, as the product estimates it from the worker's Speed."""
    kind, i = key
    return speed.card_seconds(bank.cards[i].chars) if kind == "card" else speed.question_s


def fill(bank: Bank, keys: list[Key], speed: Speed, budget_s: float, one: bool) -> list[Key]:
    """The first keys whose estimated time fits the budget (with `one`, at least one)."""
    taken: list[Key] = []
    spent = 0.0
    for key in keys:
        s = seconds(bank, key, speed)
        if spent + s > budget_s and (taken or not one):
            break
        taken.append(key)
        spent += s
    return taken


class Anxun:
    """The product's rule: `plan` over every card and question of the job with their memories,
    `review` after each (a card read is recalled; a question as answered)."""

    name = "anxun"

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.memories: dict[Key, Memory] = {}
        self.critical = {("card", c.id): c.critical for c in bank.cards}
        self.critical.update({("question", q.id): q.critical for q in bank.questions})

    def session(self, day: int, t: float, speed: Speed, budget_s: float) -> list[Key]:
        items = [
            Item(kind, i, 1, self.critical[kind, i], seconds(self.bank, (kind, i), speed), order=n)
            for n, (kind, i) in enumerate(self.bank.order)
        ]
        end_of_day = at(day + 1) - timedelta(microseconds=1)
        chosen = plan(items, self.memories, at(t), end_of_day, budget_s)
        return [(item.kind, item.id) for item in chosen.items]

    def record(self, day: int, key: Key, right: bool, t: float) -> None:
        memory = self.memories.get(key)
        self.memories[key] = review(memory, 1, self.critical[key], right, at(t), kind=key[0])


class Fixed:
    """The bank in its order (each topic's card, then its questions), cycling, as many as fit."""

    name = "fixed"

    def __init__(self, bank: Bank) -> None:
        self.bank, self.next = bank, 0

    def session(self, day: int, t: float, speed: Speed, budget_s: float) -> list[Key]:
        order = self.bank.order
        ahead = [order[(self.next + n) % len(order)] for n in range(len(order))]
        taken = fill(self.bank, ahead, speed, budget_s, one=True)
        self.next = (self.next + len(taken)) % len(order)
        return taken

    def record(self, day: int, key: Key, right: bool, t: float) -> None:
        pass


class Leitner:
    """Five boxes reviewed every 1/2/4/8/16 days: a new item enters box 1; right moves it up a
    box, wrong back to box 1. Due items first (lowest box, then most overdue), then new ones."""

    name = "leitner"

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.box: dict[Key, int] = {}
        self.due: dict[Key, int] = {}

    def session(self, day: int, t: float, speed: Speed, budget_s: float) -> list[Key]:
        place = {key: n for n, key in enumerate(self.bank.order)}
        due = sorted(
            (k for k, d in self.due.items() if d <= day),
            key=lambda k: (self.box[k], self.due[k], place[k]),
        )
        taken = fill(self.bank, due, speed, budget_s, one=True)
        spent = sum(seconds(self.bank, k, speed) for k in taken)
        fresh = [k for k in self.bank.order if k not in self.box]
        return taken + fill(self.bank, fresh, speed, budget_s - spent, one=False)

    def record(self, day: int, key: Key, right: bool, t: float) -> None:
        box = 1 if key not in self.box or not right else min(5, self.box[key] + 1)
        self.box[key], self.due[key] = box, day + LEITNER_DAYS[box]


POLICIES = {p.name: p for p in (Anxun, Fixed, Leitner)}
