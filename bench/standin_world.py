"""The simulated workforce of bench/standin.py: honest workers with human timing, and the
stand-in attacks, written as the rows production stores (bot/people/rules/riskfeatures.py).

Everything is drawn from one seeded random generator, so a run is repeatable. The figures that
shape the honest workforce (reading speed, think time, where and when people study, phones and
networks) are stated in `World`; see the README section of bench/standin.py for why.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field

from bot.people.rules.riskfeatures import (
    AnswerRow,
    QuestionRow,
    ReadRow,
    Rows,
    SessionRow,
    SightingRow,
)
from bot.people.rules.riskshapes import Shift

DAY = 86400.0
START = 1_794_758_400.0  # 2026-11-16 00:00 in China (UTC+8): the first local midnight
UTC_OFFSET_MIN = 480
SHIFTS = [Shift(8 * 60, 16 * 60), Shift(16 * 60, 0), Shift(0, 8 * 60)]
DAY_WORK = Shift(8 * 60, 17 * 60)


@dataclass
class Question:
    id: int
    chars: int
    options: str  # letters
    answer: str
    lure: dict[str, float]  # how the wrong letters attract those who get it wrong
    difficulty: float


@dataclass
class Person:
    """Whoever actually does the study: a reading speed, a think time, a knack for the answers."""

    cps: float
    think: float
    ability: float


@dataclass
class Worker:
    id: int
    team: int
    shift: Shift
    shift_known: bool
    channel: str  # chat | app
    device: str
    me: Person
    role: str = "honest"  # honest | script | relay | phone | sheet | accomplice


@dataclass
class World:
    days: int = 7
    pool: int = 15  # questions per job's pool
    quiz: int = 5  # questions per quiz
    jobs: int = 4
    team_size: int = 10
    rows: Rows = field(default_factory=Rows)
    questions: dict[int, list[Question]] = field(default_factory=dict)  # job → pool
    workers: dict[int, Worker] = field(default_factory=dict)


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.world = World()
        self._ids = itertools.count(1)
        self._sessions = itertools.count(1)
        self._fingerprints = [f"fp{n}" for n in range(400)]
        self._fp_weights = [1 / (n + 1) ** 1.1 for n in range(400)]

    # -- the bank ---------------------------------------------------------------------------

    def bank(self) -> None:
        rng, qid = self.rng, itertools.count(1)
        for job in range(self.world.jobs):
            pool = []
            for _ in range(self.world.pool):
                letters = "AB" if rng.random() < 0.2 else "ABCD"
                answer = rng.choice(letters)
                wrong = [x for x in letters if x != answer]
                pulls = [rng.random() ** 2 for _ in wrong]  # one lure usually dominates
                lure = {x: w / sum(pulls) for x, w in zip(wrong, pulls, strict=True)}
                chars = rng.randint(20, 60) + (len(letters) * rng.randint(4, 18))
                q = Question(next(qid), chars, letters, answer, lure, rng.uniform(0.0, 0.25))
                self.world.rows.questions[q.id] = QuestionRow(q.id, q.chars, len(letters))
                pool.append(q)
            self.world.questions[job] = pool

    # -- people -----------------------------------------------------------------------------

    def person(self) -> Person:
        rng = self.rng
        cps = min(18.0, max(2.5, math.exp(rng.gauss(math.log(7), 0.4))))
        ability = min(0.98, max(0.45, rng.gauss(0.8, 0.1)))
        if rng.random() < 0.05:  # knows the material cold and reads fast
            cps, ability = rng.uniform(12, 18), rng.uniform(0.95, 0.99)
        return Person(cps, math.exp(rng.gauss(math.log(3.0), 0.5)), ability)

    def team(self, size: int) -> list[Worker]:
        rng, team = self.rng, next(self._ids) + 100_000
        shift = rng.choice(SHIFTS) if rng.random() < 0.6 else DAY_WORK
        known = rng.random() < 0.5
        out = []
        for _ in range(size):
            w = Worker(
                next(self._ids),
                team,
                shift,
                known,
                "app" if rng.random() < 0.4 else "chat",
                rng.choices(self._fingerprints, self._fp_weights)[0],
                self.person(),
            )
            self.world.workers[w.id] = w
            self.world.rows.teams[w.id] = team
            if known:
                self.world.rows.shifts[w.id] = shift
            out.append(w)
        return out

    def history(self, w: Worker, job: int) -> None:
        """What the worker answered before the window: a baseline accuracy, questions seen."""
        pool = self.world.questions[job]
        n = self.rng.randint(0, 25)
        right = sum(self.rng.random() < w.me.ability - q.difficulty for q in pool[:n] * 2)
        self.world.rows.earlier[w.id] = (min(right, n), n)
        for q in self.rng.sample(pool, min(n, len(pool))):
            self.world.rows.earlier_seen.add((w.id, q.id))

    # -- activity ---------------------------------------------------------------------------

    def when(self, w: Worker, day: int, break_at: float) -> tuple[float, str]:
        """When an honest worker studies on `day`, and where: (epoch, mine | away)."""
        rng = self.rng
        base = START + day * DAY + w.shift.start * 60
        length = ((w.shift.end - w.shift.start) % 1440) * 60
        roll = rng.random()
        if roll < 0.4:  # the team's break: everyone around the same half hour
            return base + break_at + rng.uniform(0, 1200), "mine"
        if roll < 0.6:
            return base + rng.uniform(0, length), "mine"
        if roll < 0.9:  # at home after the shift
            return base + length + rng.uniform(1800, 4 * 3600), "away"
        return base - rng.uniform(600, 5400), "away"

    def network(self, w: Worker, where: str, wifi: str) -> str:
        rng = self.rng
        if w.channel != "app":
            return ""
        if where == "mine" and rng.random() < 0.6:
            return wifi
        if where == "away" and rng.random() < 0.5:
            return f"home{w.id}"
        return f"cgnat{rng.randrange(30)}"  # a carrier's NAT: many users share the block

    def sitting(
        self,
        w: Worker,
        job: int,
        at: float,
        who: Person,
        network: str,
        device: str | None = None,
        mode: str = "human",
        sheet: dict[int, str] | None = None,
    ) -> float:
        """Read a card or two, then a quiz; returns when it ended."""
        rng, rows = self.rng, self.world.rows
        for _ in range(rng.randint(1, 2)):
            rows.reads.append(ReadRow(w.id, at))
            at += rng.uniform(2, 6) if mode == "script" else rng.uniform(30, 120)
        pool = self.world.questions[job]
        chosen = rng.sample(pool, self.world.quiz)
        session = next(self._sessions)
        started, app = at, w.channel == "app"
        for position, q in enumerate(chosen):
            seen = (w.id, q.id) in rows.earlier_seen
            if mode == "script":
                took = rng.uniform(0.6, 2.0)
            elif sheet is not None:
                took = rng.uniform(3, 9) + rng.uniform(1.5, 4)
            else:
                reading = q.chars / who.cps * (0.35 if seen else 1.0)
                took = reading + rng.lognormvariate(math.log(who.think), 0.6) + rng.uniform(1, 4)
            if w.channel == "app":
                took = took - rng.uniform(0.5, 1.5) if mode != "script" else rng.uniform(0.2, 0.8)
            at += max(took, 0.2)
            if sheet is not None:
                choice = sheet[q.id]
            elif rng.random() < min(0.99, who.ability - q.difficulty + (0.08 if seen else 0)):
                choice = q.answer
            else:
                choice = rng.choices(list(q.lure), list(q.lure.values()))[0]
            rows.answers.append(
                AnswerRow(session, w.id, position, q.id, choice, choice == q.answer, at, app)
            )
        if w.channel == "app":  # one submit: every answer is stored when it arrives
            batch = rows.answers[-self.world.quiz :]
            rows.answers[-self.world.quiz :] = [
                AnswerRow(a.session, a.worker, a.position, a.question, a.choice, a.correct, at, app)
                for a in batch
            ]
            rows.sightings.append(SightingRow(w.id, device or w.device, network, started))
            rows.sightings.append(SightingRow(w.id, device or w.device, network, at))
        rows.sessions.append(SessionRow(session, w.id, started, at))
        return at
