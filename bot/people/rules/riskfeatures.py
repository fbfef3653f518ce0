"""Stored rows → the plain input of stand-in risk (bot/people/rules/risk.py).

Pure: the rows are plain records with the fields the tables keep (QuizSession, Answer, Question,
CardRead, DeviceSighting, WorkerShift); bot/people/riskdata.py reads them from the database and
bench/standin.py generates them, and both go through this one function, so the benchmark
measures what production computes.

How time is read: in chat a question is shown when the reply carrying it goes out — at the
session's start for the first, at the previous answer for the others — so an answer's time is
the gap from that moment. Mini-program answers arrive together (`batch`): only the quiz's whole
time is known.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.people.rules.riskshapes import (
    Attempt,
    Item,
    Population,
    Shift,
    Sitting,
    WorkerInput,
)

SITTING_GAP_S = 300.0  # activity further apart than this is another sitting
SIGHTING_SLACK_S = 120.0  # a device sighting this close to a quiz belongs to it
LURE_PRIOR_WEIGHT = 3.0  # before many got a question wrong: wrong picks spread evenly, worth 3


@dataclass(frozen=True)
class SessionRow:
    id: int
    worker: int
    started_at: float
    finished_at: float | None


@dataclass(frozen=True)
class AnswerRow:
    session: int
    worker: int
    position: int
    question: int
    choice: str
    correct: bool
    answered_at: float
    batch: bool = False  # through the mini-program: the quiz's answers arrive together


@dataclass(frozen=True)
class QuestionRow:
    id: int
    chars: int  # stem and options
    options: int


@dataclass(frozen=True)
class ReadRow:
    worker: int
    read_at: float


@dataclass(frozen=True)
class SightingRow:
    worker: int
    device: str
    network: str
    seen_at: float


@dataclass
class Rows:
    sessions: list[SessionRow] = field(default_factory=list)
    answers: list[AnswerRow] = field(default_factory=list)
    questions: dict[int, QuestionRow] = field(default_factory=dict)
    reads: list[ReadRow] = field(default_factory=list)
    sightings: list[SightingRow] = field(default_factory=list)
    shifts: dict[int, Shift] = field(default_factory=dict)
    earlier: dict[int, tuple[int, int]] = field(default_factory=dict)  # worker → (right, total)
    earlier_seen: set[tuple[int, int]] = field(default_factory=set)  # (worker, question)
    teams: dict[int, int] = field(default_factory=dict)  # worker → department


def _attempts(rows: Rows) -> dict[int, list[Attempt]]:
    by_session: dict[int, list[AnswerRow]] = defaultdict(list)
    for ans in rows.answers:
        by_session[ans.session].append(ans)
    sightings: dict[int, list[SightingRow]] = defaultdict(list)
    for sight in rows.sightings:
        sightings[sight.worker].append(sight)
    seen = set(rows.earlier_seen)
    found: dict[int, list[Attempt]] = defaultdict(list)
    for session in sorted(rows.sessions, key=lambda s: s.started_at):
        answers = sorted(by_session.get(session.id, []), key=lambda a: a.position)
        if not answers and session.finished_at is None:
            continue  # a quiz opened and never answered (a neighbour's may come without answers)
        items, shown = [], session.started_at
        for ans in answers:
            question = rows.questions.get(ans.question)
            key = (session.worker, ans.question)
            items.append(
                Item(
                    ans.question,
                    question.chars if question else 0,
                    max(0.0, ans.answered_at - shown),
                    ans.choice,
                    ans.correct,
                    key in seen,
                )
            )
            seen.add(key)
            shown = ans.answered_at
        ended = session.finished_at or answers[-1].answered_at  # one of them there is
        near = [
            s
            for s in sightings.get(session.worker, [])
            if session.started_at - SIGHTING_SLACK_S <= s.seen_at <= ended + SIGHTING_SLACK_S
        ]
        found[session.worker].append(
            Attempt(
                session.id,
                session.worker,
                session.started_at,
                ended,
                tuple(items),
                batch=any(a.batch for a in answers),
                device=near[0].device if near else "",
                network=near[0].network if near else "",
            )
        )
    return found


def _sittings(worker: int, attempts: list[Attempt], reads: list[float]) -> list[Sitting]:
    spans = [(a.started, a.ended, a.device, a.network) for a in attempts]
    spans += [(t, t, "", "") for t in reads]
    spans.sort()
    out: list[Sitting] = []
    for start, end, device, network in spans:
        last = out[-1] if out else None
        if last is not None and start - last.end <= SITTING_GAP_S:
            out[-1] = Sitting(
                worker,
                last.start,
                max(last.end, end),
                last.device or device,
                last.network or network,
            )
        else:
            out.append(Sitting(worker, start, end, device, network))
    return out


def _lures(rows: Rows) -> dict[tuple[int, str], float]:
    """Per question, each wrong choice's share of the wrong answers, from a uniform prior."""
    counts: Counter[tuple[int, str]] = Counter(
        (a.question, a.choice) for a in rows.answers if not a.correct
    )
    wrong: Counter[int] = Counter(a.question for a in rows.answers if not a.correct)
    shares = {}
    for (question, choice), n in counts.items():
        options = rows.questions[question].options if question in rows.questions else 4
        prior = 1 / max(1, options - 1)
        shares[(question, choice)] = (n + LURE_PRIOR_WEIGHT * prior) / (
            wrong[question] + LURE_PRIOR_WEIGHT
        )
    return shares


def build(rows: Rows, utc_offset_min: int) -> Population:
    """Every worker in the rows, as stand-in risk takes them; `utc_offset_min` places shifts."""
    attempts = _attempts(rows)
    reads: dict[int, list[float]] = defaultdict(list)
    for read in rows.reads:
        reads[read.worker].append(read.read_at)
    workers: dict[int, WorkerInput] = {}
    ids = set(attempts) | set(reads) | {s.worker for s in rows.sessions}
    for worker in sorted(ids):
        mine = attempts.get(worker, [])
        times = sorted([a.started for a in mine] + reads.get(worker, []))
        right, total = rows.earlier.get(worker, (0, 0))
        workers[worker] = WorkerInput(
            worker,
            team=rows.teams.get(worker, 0),
            attempts=mine,
            sittings=_sittings(worker, mine, reads.get(worker, [])),
            active=[(t, int((t // 60 + utc_offset_min) % 1440)) for t in times],
            shift=rows.shifts.get(worker),
            earlier_correct=right,
            earlier_total=total,
        )
    return Population(workers, _lures(rows))
