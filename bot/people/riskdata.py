"""Stored rows for stand-in risk: the tables read into the plain records of
bot/people/rules/riskfeatures.py, which turns them into the scoring input.

Reads only, bounded by a time window and a set of workers: the workers scored (`targets`, whose
history before the window is summarised too) and the workers around them (`others`, whose
activity in the window can bear on the targets'). Large id lists are queried in chunks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tortoise.functions import Count

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


def _chunks(ids: Iterable[int]) -> list[list[int]]:
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
    services: Services, targets: list[int], others: Iterable[int], since: datetime
) -> Rows:
    """Everything stand-in risk reads, for `targets` and `others`, from `since` on."""
    everyone = sorted(set(targets) | set(others))
    rows = Rows()
    miniapps = {a.name for a in services.config.accounts if a.kind == "miniapp"}
    for chunk in _chunks(everyone):
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
        sightings = await DeviceSighting.filter(
            worker_id__in=chunk, seen_at__gte=since
        ).values_list("worker_id", "device", "network", "seen_at")
        rows.sightings += [SightingRow(int(w), d, n, at.timestamp()) for w, d, n, at in sightings]
        for worker_id, hours in await WorkerShift.filter(worker_id__in=chunk).values_list(
            "worker_id", "hours"
        ):
            shift = parse_shift(hours)
            if shift is not None:
                rows.shifts[int(worker_id)] = shift
        teams = await Worker.filter(id__in=chunk).values_list("id", "department_id")
        rows.teams.update({int(w): int(d) for w, d in teams})
    for chunk in _chunks(s.id for s in rows.sessions):
        answers = await Answer.filter(session_id__in=chunk).values_list(
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
            for s, w, p, q, c, ok, at, acct in answers
        ]
    for chunk in _chunks(a.question for a in rows.answers):
        for qid, stem, options in await Question.filter(id__in=chunk).values_list(
            "id", "stem", "options"
        ):
            texts: dict[str, Any] = options or {}
            chars = len(stem) + sum(len(str(t)) for t in texts.values())
            rows.questions[int(qid)] = QuestionRow(int(qid), chars, len(texts))
    await _history(rows, targets, since)
    return rows


async def _history(rows: Rows, targets: list[int], since: datetime) -> None:
    """The targets' answers before the window: how often right, and which questions seen."""
    for chunk in _chunks(targets):
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
