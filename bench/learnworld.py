"""The simulated workforce of bench/learning.py: job banks, workers (speed, attendance) and a
forgetting model that is not FSRS's own (ACT-R activation with Pavlik–Anderson spacing).

The model, per worker and question (time in days):
- every exposure j leaves a trace of weight w_j at time t_j that decays as age^-d_j, with
  d_j = min(MAX_DECAY, C_SPACING * exp(m_j) + a_worker), m_j the trace-sum activation just
  before it (massed study decays faster than spaced: the spacing effect);
- activation m(t) = ln(sum w_j * age_j^-d_j) + ability_worker - difficulty_question;
- P(right) = guess + (1 - guess) * sigmoid((m - TAU) / S), guess by question type.
Exposures: answering a question (right or wrong: the explanation is shown) is a trace of weight
1; reading a card leaves a trace of weight W_CARD on every question of its topic; what a worker
already knew from earlier training is one old trace per question (age 90–720 days, weight
varying by worker and question). A spot test is a probe: it leaves no trace.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

TAU = -0.4  # activation at which recall is even odds (before the guess floor)
S = 0.35  # noise of recall around TAU
C_SPACING = 0.2  # how much a trace laid on top of a strong memory decays faster
MAX_DECAY = 0.8  # bound on a trace's decay (traces a minute apart would otherwise run away)
W_CARD = 0.3  # a card read, as a fraction of answering a question, for each question of its topic
MIN_AGE = 1 / 1440  # a minute: ages below count as a minute
GUESS = {"single": 0.25, "multi": 0.1, "judge": 0.5}
LEVEL = {1: -0.3, 2: 0.0, 3: 0.4}  # the bank's difficulty 1–3 as a shift of activation


@dataclass(frozen=True)
class Question:
    id: int
    topic: int
    kind: str  # single | multi | judge
    difficulty: float
    critical: bool


@dataclass(frozen=True)
class Card:
    id: int
    topic: int
    chars: int
    critical: bool


@dataclass(frozen=True)
class Bank:
    """A job's bank: one card per topic, 60–150 questions spread over the topics. `order` is the
    bank's order (each topic's card, then its questions), as a clerk would list it."""

    cards: list[Card]
    questions: list[Question]
    order: list[tuple[str, int]] = field(default_factory=list)

    def topic_questions(self, topic: int) -> list[int]:
        return [q.id for q in self.questions if q.topic == topic]


def make_bank(rng: random.Random, critical_share: float) -> Bank:
    n_cards, n_questions = rng.randint(15, 30), rng.randint(60, 150)
    critical = [rng.random() < critical_share for _ in range(n_cards)]
    cards = [Card(i, i, rng.randint(200, 480), critical[i]) for i in range(n_cards)]
    topics = [i % n_cards for i in range(2 * n_cards)]  # every topic has two questions at least
    topics += [rng.randrange(n_cards) for _ in range(n_questions - len(topics))]
    questions = []
    for qid, topic in enumerate(sorted(topics)):
        kind = rng.choices(("single", "multi", "judge"), (0.6, 0.2, 0.2))[0]
        level = rng.choices((1, 2, 3), (0.3, 0.45, 0.25))[0]
        difficulty = LEVEL[level] + rng.gauss(0, 0.3)
        questions.append(Question(qid, topic, kind, difficulty, critical[topic]))
    order = []
    for card in cards:
        order.append(("card", card.id))
        order += [("question", q.id) for q in questions if q.topic == card.topic]
    return Bank(cards, questions, order)


@dataclass(frozen=True)
class Worker:
    """A worker's traits: ability and decay for the model, speed (seconds per question, characters
    read per second), the days they study (False: rest day, missed day, or after they stopped)."""

    index: int
    job: int
    ability: float
    decay: float
    question_s: float
    chars_per_s: float
    prior_age: float  # days since their last training before the benchmark
    prior_weight: float  # log-weight of what they kept from it, on average
    studies: tuple[bool, ...]


def make_worker(index: int, jobs: int, days: int, seed: int) -> Worker:
    rng = random.Random(f"{seed}:{index}:worker")
    question_s = min(60.0, max(8.0, rng.lognormvariate(math.log(18.0), 0.35)))
    chars_per_s = 6.0 * 20.0 / question_s * rng.lognormvariate(0.0, 0.15)
    rest_day = rng.randrange(7) if rng.random() < 0.8 else None  # most have a weekly rest day
    missed = rng.uniform(0.15, 0.25)  # shifts, leave, forgetting to open the chat
    stops = rng.randint(3, max(3, days - 5)) if rng.random() < 0.05 else days  # 5 % give up
    studies = tuple(
        day < stops and day % 7 != rest_day and rng.random() >= missed for day in range(days)
    )
    return Worker(
        index=index,
        job=rng.randrange(jobs),
        ability=rng.gauss(0.0, 0.35),
        decay=min(0.35, max(0.12, rng.gauss(0.22, 0.04))),
        question_s=question_s,
        chars_per_s=chars_per_s,
        prior_age=rng.uniform(90, 720),
        prior_weight=rng.gauss(0.4, 0.5),
        studies=studies,
    )


class Mind:
    """What one worker remembers of their job's questions under one policy: the traces of each."""

    def __init__(self, worker: Worker, bank: Bank, seed: int) -> None:
        rng = random.Random(f"{seed}:{worker.index}:prior")
        self.worker, self.bank = worker, bank
        self.offset = [worker.ability - q.difficulty for q in bank.questions]
        self.guess = [GUESS[q.kind] for q in bank.questions]
        self.traces: list[list[tuple[float, float, float]]] = [
            [(-worker.prior_age, math.exp(rng.gauss(worker.prior_weight, 0.8)), worker.decay)]
            for _ in bank.questions
        ]
        self.by_topic = [bank.topic_questions(c.topic) for c in bank.cards]

    def strength(self, q: int, t: float) -> float:
        """ln of the trace sum at t (without ability and difficulty)."""
        total = 0.0
        for at, weight, decay in self.traces[q]:
            total += weight * max(t - at, MIN_AGE) ** -decay
        return math.log(total)

    def p_right(self, q: int, t: float) -> float:
        m = self.strength(q, t) + self.offset[q]
        return self.guess[q] + (1 - self.guess[q]) / (1 + math.exp(-(m - TAU) / S))

    def expose(self, q: int, t: float, weight: float) -> None:
        decay = min(MAX_DECAY, C_SPACING * math.exp(self.strength(q, t)) + self.worker.decay)
        self.traces[q].append((t, weight, decay))

    def answer(self, q: int, t: float, draw: float) -> bool:
        """Answers question q at t (right when draw < P(right)); the answer leaves a trace."""
        right = draw < self.p_right(q, t)
        self.expose(q, t, 1.0)
        return right

    def read(self, card: int, t: float) -> None:
        for q in self.by_topic[card]:
            self.expose(q, t, W_CARD)
