"""How long choosing a day's sessions takes for a large workforce: `plan` (the rule the product
uses, bot/learning/rules/schedule.py) for every worker, over their job's items and their memory
of them after weeks of study.

    python -m bench.sessions [--workers 100000] [--cards 20] [--questions 100]

Each worker's memory is built by `review` from a random history (items met over the last 60
days, some answered wrong, some critical), so due dates, mistakes and stabilities are what the
scheduler itself produces. Building the memories is not timed; choosing the sessions is. The
database read of the states is not part of it (one indexed query per worker, by worker and due).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from bot.learning.rules.schedule import Item, Memory, Speed, plan, review

NOW = datetime(2026, 12, 3, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
END_OF_DAY = NOW + timedelta(hours=15, minutes=30)
HISTORIES = 500  # distinct histories, shared round-robin (building them is the slow part)


def job_items(cards: int, questions: int, speed: Speed) -> list[Item]:
    rng = random.Random("items")
    items = [
        Item("card", n, 1, rng.random() < 0.5, speed.card_seconds(rng.randint(200, 700)), order=n)
        for n in range(cards)
    ]
    items += [
        Item("question", n, 1, rng.random() < 0.4, speed.question_s, order=n)
        for n in range(questions)
    ]
    return items


def history(rng: random.Random, items: list[Item]) -> dict[tuple[str, int], Memory]:
    memories: dict[tuple[str, int], Memory] = {}
    met = rng.sample(items, rng.randint(0, len(items)))
    for item in met:
        at = NOW - timedelta(days=rng.uniform(1, 60))
        memory = None
        for _ in range(rng.randint(1, 5)):
            right = rng.random() < 0.8
            memory = review(memory, 1, item.critical, right, at, item.kind)
            at = min(memory.due, NOW - timedelta(hours=1))
        assert memory is not None
        memories[(item.kind, item.id)] = memory
    return memories


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=20)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--minutes", type=float, default=5.0)
    args = parser.parse_args(argv)
    items = job_items(args.cards, args.questions, Speed())
    rng = random.Random(1)
    histories = [history(rng, items) for _ in range(HISTORIES)]
    memories = sum(len(h) for h in histories) / len(histories)
    began = time.perf_counter()
    sizes, reviews = [], []
    for n in range(args.workers):
        session = plan(items, histories[n % HISTORIES], NOW, END_OF_DAY, args.minutes * 60)
        sizes.append(len(session.items))
        reviews.append(session.reviews)
    took = time.perf_counter() - began
    print(f"workers                {args.workers:,}")
    print(f"items per worker       {len(items)} ({args.cards} cards, {args.questions} questions)")
    print(f"memories per worker    {memories:.0f} (mean)")
    print(
        f"items per session      {statistics.mean(sizes):.1f} (of which due reviews "
        f"{statistics.mean(reviews):.1f})"
    )
    print(f"choosing the sessions  {took:.2f} s ({took / args.workers * 1e6:.0f} µs a worker)")


if __name__ == "__main__":
    main()
