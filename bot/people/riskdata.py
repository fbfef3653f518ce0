"""Stored rows for stand-in risk: the tables read into the plain records of
bot/people/rules/riskfeatures.py, which turns them into the scoring input.

Reads only, and bounded: the workers scored (`targets`: their activity over the window, and a
summary of their answers before it) and, at a quiz's end, the quizzes of the worker's team that
finished around it (at most NEIGHBOURS, by the (worker, finished_at) index), whatever the team's
size. Every query goes through an index on the worker; large id lists are queried in chunks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tortoise.functions import Count
from tortoise.queryset import QuerySet

from bot.context import Services
from bot.people.rules.risk import parse_shift
from bot.people.rules.riskfeatures import (
    AnswerRow,
    QuestionRow,
    ReadRow,
    Rows,
    SessionRow,
    SightingRow,
)
from bot.storage.models import (
    Answer,
    CardRead,
    DeviceSighting,
    Question,
    QuizSession,
    Worker,
    WorkerShift,
)

CHUNK = 500
NEIGHBOURS = 50  # a quiz's end compares it with at most this many quizzes of the team


def chunks(ids: Iterable[int]) -> list[list[int]]:
    ordered = sorted(set(ids))
    return [ordered[i : i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def _ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


async def active_workers(enterprise_id: int, since: datetime) -> list[int]:
    """Workers of the enterprise who read a card or started a quiz since `since`."""
    quizzed = await QuizSession.filter(
        worker__enterprise_id=enterprise_id, started_at__gte=since
    ).values_list("worker_id", flat=True)
    read = await CardRead.filter(
        worker__enterprise_id=enterprise_id, read_at__gte=since
    ).values_list("worker_id", flat=True)
    return sorted({int(str(w)) for w in [*quizzed, *read]})


async def load(
    services: Services,
    targets: list[int],
    since: datetime,
    team: Iterable[int] = (),
    near: tuple[datetime, datetime] | None = None,
) -> Rows:
    """Everything stand-in risk reads about `targets` from `since` on, and the quizzes of
    `team` that finished within `near`."""
    rows = Rows()
    for chunk in chunks(targets):
        sessions = await QuizSession.filter(worker_id__in=chunk, started_at__gte=since).values_list(
            "id", "worker_id", "started_at", "finished_at"
        )
        rows.sessions += [
            SessionRow(int(i), int(w), s.timestamp(), _ts(f)) for i, w, s, f in sessions
        ]
        reads = await CardRead.filter(worker_id__in=chunk, read_at__gte=since).values_list(
            "worker_id", "read_at"
        )
        rows.reads += [ReadRow(int(w), at.timestamp()) for w, at in reads]
        await _sightings(rows, chunk, since, None)
        for worker_id, hours in await WorkerShift.filter(worker_id__in=chunk).values_list(
            "worker_id", "hours"
        ):
            shift = parse_shift(hours)
            if shift is not None:
                rows.shifts[int(worker_id)] = shift
    others = sorted(set(team) - set(targets))
    if near is not None and others:
        found: list[tuple[Any, ...]] = []
        for chunk in chunks(others):
            found += await (
                QuizSession.filter(
                    worker_id__in=chunk, finished_at__gte=near[0], finished_at__lte=near[1]
                )
                .order_by("-finished_at")
                .limit(NEIGHBOURS)
                .values_list("id", "worker_id", "started_at", "finished_at")
            )
        found = sorted(found, key=lambda row: row[3], reverse=True)[:NEIGHBOURS]
        rows.sessions += [SessionRow(int(i), int(w), s.timestamp(), _ts(f)) for i, w, s, f in found]
        neighbours = sorted({int(w) for _, w, _, _ in found})
        for chunk in chunks(neighbours):
            await _sightings(rows, chunk, near[0], near[1])
    everyone = sorted({s.worker for s in rows.sessions} | set(targets))
    for chunk in chunks(everyone):
        teams = await Worker.filter(id__in=chunk).values_list("id", "department_id")
        rows.teams.update({int(w): int(d) for w, d in teams})
    mine = {s.id for s in rows.sessions if s.worker in set(targets)}
    await _answers(services, rows, mine)
    await _history(rows, targets, since)
    return rows


async def _sightings(
    rows: Rows, workers: list[int], since: datetime, until: datetime | None
) -> None:
    if not workers:
        return
    query = DeviceSighting.filter(worker_id__in=workers, seen_at__gte=since)
    if until is not None:
        query = query.filter(seen_at__lte=until)
    found = await query.values_list("worker_id", "device", "network", "seen_at")
    rows.sightings += [SightingRow(int(w), d, n, at.timestamp()) for w, d, n, at in found]


async def _answers(services: Services, rows: Rows, mine: set[int]) -> None:
    """The answers of the targets' sessions; of the team's, only those of quizzes that share a
    wrong choice with the targets (nothing else can show copying), to the questions both
    answered; and what each question asked the worker to read."""
    miniapps = {a.name for a in services.config.accounts if a.kind == "miniapp"}
    for chunk in chunks(mine):
        await _answer_rows(rows, Answer.filter(session_id__in=chunk), miniapps)
    wrong = {(a.question, a.choice) for a in rows.answers if not a.correct}
    asked = sorted({a.question for a in rows.answers})
    theirs = [s.id for s in rows.sessions if s.id not in mine]
    sharing: set[int] = set()
    for chunk in chunks(theirs) if wrong else []:
        found = await Answer.filter(
            session_id__in=chunk, question_id__in=sorted({q for q, _ in wrong})
        ).values_list("session_id", "question_id", "choice")
        sharing |= {int(sid) for sid, q, c in found if (q, c) in wrong}
    for chunk in chunks(sharing):
        query = Answer.filter(session_id__in=chunk, question_id__in=asked)
        await _answer_rows(rows, query, miniapps)
    for chunk in chunks(a.question for a in rows.answers):
        for qid, stem, options in await Question.filter(id__in=chunk).values_list(
            "id", "stem", "options"
        ):
            texts: dict[str, Any] = options or {}
            chars = len(stem) + sum(len(str(t)) for t in texts.values())
            rows.questions[int(qid)] = QuestionRow(int(qid), chars, len(texts))


async def _answer_rows(rows: Rows, query: QuerySet[Answer], miniapps: set[str]) -> None:
    found = await query.values_list(
        "session_id",
        "worker_id",
        "position",
        "question_id",
        "choice",
        "correct",
        "answered_at",
        "identity__account",
    )
    rows.answers += [
        AnswerRow(int(s), int(w), int(p), int(q), c, bool(ok), at.timestamp(), acct in miniapps)
        for s, w, p, q, c, ok, at, acct in found
    ]


async def _history(rows: Rows, targets: list[int], since: datetime) -> None:
    """The targets' answers before the window: how often right, and which questions seen."""
    for chunk in chunks(targets):
        before = Answer.filter(worker_id__in=chunk, answered_at__lt=since)
        totals = (
            await before.group_by("worker_id").annotate(n=Count("id")).values_list("worker_id", "n")
        )
        right = dict(
            await before.filter(correct=True)
            .group_by("worker_id")
            .annotate(n=Count("id"))
            .values_list("worker_id", "n")
        )
        for worker_id, n in totals:
            rows.earlier[int(worker_id)] = (int(right.get(worker_id, 0)), int(n))
        seen = await before.distinct().values_list("worker_id", "question_id")
        rows.earlier_seen.update((int(w), int(q)) for w, q in seen)
