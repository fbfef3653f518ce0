"""Benchmark: does anxun's spaced repetition make workers pass spot tests? (issue 14)

    python -m bench.learning [--workers 1000] [--days 30] [--minutes 5] [--seed 1]
                             [--critical-share 0.4] [--processes 2]

A workforce (bench/learnworld.py: job banks of 15–30 cards and 60–150 questions, workers who
forget by an ACT-R model, not FSRS's, with rest days, missed days and some who give up) studies
`--minutes` a day for `--days` days under each policy (bench/learnpolicies.py): anxun's `plan`
and `review`, the bank in a fixed order, Leitner boxes. Each studied day a worker starts at
07:30–08:30 and works through the session the policy chose with the budget at the speed the
product estimates (Speed.of over their answers so far); the minutes actually spent follow the
worker's true speed. Every day at 20:00 every worker (studying that day or not) sits a spot test
of 20 questions drawn from their job's bank and passes with 16 right or more; the test is a
probe and leaves no memory. The same questions and the same random draws are used under each
policy. Prints the pass rate and mean score by day, the first day each policy has 90 % of
workers passing, and the minutes actually studied per study day. It asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from multiprocessing import Pool
from typing import TextIO

from bench.learnpolicies import POLICIES, T0
from bench.learnworld import Bank, Mind, Worker, make_bank, make_worker
from bot.learning.rules.schedule import Speed

JOBS = 8
TEST_QUESTIONS, PASS_RIGHT, TARGET = 20, 16, 0.9


@dataclass
class Tally:
    """One policy's totals over the workers, per day."""

    passed: list[int]
    right: list[int]
    studied_s: float = 0.0
    study_days: int = 0
    items: int = 0
    card_s: float = 0.0  # of studied_s, reading cards
    new_s: float = 0.0  # of studied_s, on items seen for the first time
    seen: int = 0  # questions of the bank answered at least once by the last day, summed
    questions: int = 0  # questions in the banks, summed over the workers
    wrong: int = 0  # anxun's 错题本 check: wrong answers,
    wrong_due: int = 0  # … of which the memory is due by the end of the next day,
    wrong_next: int = 0  # … followed by another study day,
    wrong_back: int = 0  # … of which the question was in that day's session

    def add(self, other: Tally) -> None:
        for mine, theirs in ((self.passed, other.passed), (self.right, other.right)):
            for day, n in enumerate(theirs):
                mine[day] += n
        self.studied_s += other.studied_s
        self.study_days += other.study_days
        self.items += other.items
        self.card_s += other.card_s
        self.new_s += other.new_s
        self.seen += other.seen
        self.questions += other.questions
        self.wrong += other.wrong
        self.wrong_due += other.wrong_due
        self.wrong_next += other.wrong_next
        self.wrong_back += other.wrong_back


@dataclass
class Result:
    workers: int
    days: int
    minutes: float
    tallies: dict[str, Tally]
    banks: list[Bank] = field(default_factory=list)
    attendance: float = 0.0

    def pass_rate(self, policy: str, day: int) -> float:
        return self.tallies[policy].passed[day] / self.workers

    def score(self, policy: str, day: int) -> float:
        return self.tallies[policy].right[day] / (self.workers * TEST_QUESTIONS)

    def first_day(self, policy: str) -> int | None:
        """The first day (1-based) with TARGET of the workers passing, or None."""
        days = (d for d in range(self.days) if self.pass_rate(policy, d) >= TARGET)
        return next(days, None)

    def minutes_per_day(self, policy: str) -> float:
        tally = self.tallies[policy]
        return tally.studied_s / 60 / max(1, tally.study_days)


def simulate(
    worker: Worker, bank: Bank, policy: str, days: int, budget_s: float, seed: int
) -> Tally:
    """One worker under one policy for `days` days."""
    mind = Mind(worker, bank, seed)
    chooser = POLICIES[policy](bank)
    timing = random.Random(f"{seed}:{worker.index}:{policy}:timing")
    tally = Tally([0] * days, [0] * days)
    gaps: list[float] = []
    studied: set[tuple[str, int]] = set()
    wrong: list[int] = []  # questions answered wrong on the last study day
    for day in range(days):
        if worker.studies[day]:
            t = day + (7.5 + random.Random(f"{seed}:{worker.index}:{day}:start").random()) / 24
            session = chooser.session(day, t, Speed.of(gaps[-50:]), budget_s)
            tally.wrong_next += len(wrong)
            tally.wrong_back += len(set(wrong) & {i for kind, i in session if kind == "question"})
            wrong = []
            began = t
            for kind, i in session:
                if kind == "card":
                    chars = bank.cards[i].chars
                    spent = max(15.0, chars / worker.chars_per_s) * timing.lognormvariate(0, 0.2)
                    mind.read(i, t)
                    right = True
                else:
                    spent = worker.question_s * timing.lognormvariate(0, 0.25)
                    right = mind.answer(i, t, timing.random())
                    gaps.append(spent)
                    if not right:
                        wrong.append(i)
                chooser.record(day, (kind, i), right, t)
                t += spent / 86400
                tally.card_s += spent if kind == "card" else 0.0
                tally.new_s += spent if (kind, i) not in studied else 0.0
                studied.add((kind, i))
            tally.studied_s += (t - began) * 86400
            tally.study_days += 1
            tally.items += len(session)
            tally.wrong += len(wrong)
            memories = getattr(chooser, "memories", None)
            if memories is not None:
                end_of_next_day = T0 + timedelta(days=day + 2)
                tally.wrong_due += sum(memories["question", q].due < end_of_next_day for q in wrong)
        test = random.Random(f"{seed}:{worker.index}:{day}:test")
        asked = test.sample(range(len(bank.questions)), TEST_QUESTIONS)
        right_n = sum(test.random() < mind.p_right(q, day + 20 / 24) for q in asked)
        tally.right[day] += right_n
        tally.passed[day] += right_n >= PASS_RIGHT
    tally.seen = sum(kind == "question" for kind, _ in studied)
    tally.questions = len(bank.questions)
    return tally


Chunk = tuple[range, int, float, int, float, tuple[str, ...]]


def chunk(args: Chunk) -> tuple[dict[str, Tally], float]:
    """The tallies of a range of workers, and the share of their days they studied."""
    indices, days, budget_s, seed, critical_share, policies = args
    banks = make_banks(seed, critical_share)
    tallies = {p: Tally([0] * days, [0] * days) for p in policies}
    studied = 0
    for index in indices:
        worker = make_worker(index, JOBS, days, seed)
        studied += sum(worker.studies)
        for policy in policies:
            tallies[policy].add(simulate(worker, banks[worker.job], policy, days, budget_s, seed))
    return tallies, studied / max(1, len(indices) * days)


def make_banks(seed: int, critical_share: float) -> list[Bank]:
    return [make_bank(random.Random(f"{seed}:bank:{j}"), critical_share) for j in range(JOBS)]


def run(
    workers: int = 1000,
    days: int = 30,
    minutes: float = 5.0,
    seed: int = 1,
    critical_share: float = 0.4,
    processes: int = 1,
) -> Result:
    """The whole simulation; with `processes` > 1 the workers are split across processes (the
    figures do not depend on it: each worker's randomness comes from the seed and its index)."""
    parts = max(1, processes) * 4
    ranges = [range(p, workers, parts) for p in range(parts)]
    policies = tuple(POLICIES)
    args: list[Chunk] = [
        (r, days, minutes * 60, seed, critical_share, policies) for r in ranges if len(r)
    ]
    if processes > 1:
        with Pool(processes) as pool:
            done = pool.map(chunk, args)
    else:
        done = [chunk(a) for a in args]
    tallies = {p: Tally([0] * days, [0] * days) for p in policies}
    attendance = 0.0
    for (part, share), a in zip(done, args, strict=True):
        for policy, tally in part.items():
            tallies[policy].add(tally)
        attendance += share * len(a[0]) / workers
    return Result(workers, days, minutes, tallies, make_banks(seed, critical_share), attendance)


def report(result: Result, out: TextIO = sys.stdout) -> None:
    names = list(result.tallies)
    write = lambda line="": print(line, file=out)  # noqa: E731
    cards = [len(b.cards) for b in result.banks]
    questions = [len(b.questions) for b in result.banks]
    critical = sum(q.critical for b in result.banks for q in b.questions) / sum(questions)
    write(
        f"{result.workers} workers, {result.days} days, {result.minutes:g} min/day; "
        f"{len(result.banks)} job banks of {min(cards)}–{max(cards)} cards and "
        f"{min(questions)}–{max(questions)} questions ({critical:.0%} critical); "
        f"workers studied {result.attendance:.0%} of the days"
    )
    scores = names if len(names) <= 3 else []
    write()
    write(
        "day  "
        + "".join(f"{'pass ' + n:>16}" for n in names)
        + "".join(f"{'score ' + n:>16}" for n in scores)
    )
    for day in range(result.days):
        write(
            f"{day + 1:>3}  "
            + "".join(f"{result.pass_rate(n, day):>16.1%}" for n in names)
            + "".join(f"{result.score(n, day):>16.1%}" for n in scores)
        )
    write()
    rows: list[tuple[str, list[str]]] = [
        ("", names),
        (
            "first day with 90 % passing",
            [
                f"not in {result.days}" if d is None else str(d + 1)
                for d in map(result.first_day, names)
            ],
        ),
    ]
    for day in sorted({min(14, result.days), result.days}):
        rows.append(
            (f"mean spot-test score, day {day}", [f"{result.score(n, day - 1):.1%}" for n in names])
        )
    rows.append(
        ("minutes studied per study day", [f"{result.minutes_per_day(n):.2f}" for n in names])
    )
    rows.append(
        (
            "items per study day",
            [
                f"{result.tallies[n].items / max(1, result.tallies[n].study_days):.1f}"
                for n in names
            ],
        )
    )
    for label, cells in rows:
        write(f"{label:<40}" + "".join(f"{c:>12}" for c in cells))
    for label, share in (
        ("share of the time on new items", lambda t: t.new_s / max(1.0, t.studied_s)),
        ("share of the time reading cards", lambda t: t.card_s / max(1.0, t.studied_s)),
        (f"questions answered once by day {result.days}", lambda t: t.seen / max(1, t.questions)),
    ):
        write(f"{label:<40}" + "".join(f"{share(result.tallies[n]):>12.0%}" for n in names))
    anxun = result.tallies.get("anxun")
    if anxun and anxun.wrong:
        write(
            f"anxun 错题本: {anxun.wrong} wrong answers, {anxun.wrong_due / anxun.wrong:.1%} due "
            f"by the end of the next day; {anxun.wrong_back / max(1, anxun.wrong_next):.1%} in "
            "the worker's next session"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--critical-share", type=float, default=0.4)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    result = run(
        args.workers,
        args.days,
        args.minutes,
        args.seed,
        args.critical_share,
        args.processes,
    )
    report(result)
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
