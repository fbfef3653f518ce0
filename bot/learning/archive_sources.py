"""Where a worker's archive entries come from: a registry of sources, one function per kind of
record, each turning rows of its table into `Record`s with a source key unique to that fact.

Adding a kind is one function decorated with `@source`. A key names a fact, not a row: a row that
changes state (an enrolment completed, a spot-test seat decided) gives one record per state.
Payloads carry only what the record needs: ids, names of campaigns and exams, levels, results;
never an ID number, a phone or an openid.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.models import (
    Answer,
    CardRead,
    Enrollment,
    ExamAttempt,
    ExamSeat,
    HoursCredit,
    Identity,
    StandinChallenge,
    WorkerEvent,
)

from .rules.chain import at_text


@dataclass(frozen=True)
class Record:
    worker_id: int
    source: str
    kind: str
    at: datetime
    payload: dict[str, Any]


Fetch = Callable[[list[int]], Awaitable[list[Record]]]
SOURCES: dict[str, Fetch] = {}


def source(name: str) -> Callable[[Fetch], Fetch]:
    def register(fetch: Fetch) -> Fetch:
        SOURCES[name] = fetch
        return fetch

    return register


async def records(worker_ids: list[int]) -> list[Record]:
    """Every record the sources hold for these workers, in time order."""
    found: list[Record] = []
    for fetch in SOURCES.values():
        found.extend(await fetch(worker_ids))
    return sorted(found, key=lambda r: (r.at, r.source))


@source("enrolments")
async def enrolments(worker_ids: list[int]) -> list[Record]:
    rows = await Enrollment.filter(worker_id__in=worker_ids).values(
        "id",
        "worker_id",
        "campaign_id",
        "campaign__name",
        "source",
        "created_at",
        "completed_at",
        "completed_identity_level",
    )
    found = []
    for r in rows:
        campaign = {"campaign": r["campaign_id"], "campaign_name": r["campaign__name"]}
        found.append(
            Record(
                r["worker_id"],
                f"enrol:{r['id']}",
                "enrolled",
                r["created_at"],
                {**campaign, "by": r["source"]},
            )
        )
        if r["completed_at"] is not None:
            found.append(
                Record(
                    r["worker_id"],
                    f"complete:{r['id']}:{at_text(r['completed_at'])}",
                    "completed",
                    r["completed_at"],
                    {**campaign, "level": r["completed_identity_level"]},
                )
            )
    return found


@source("card_reads")
async def card_reads(worker_ids: list[int]) -> list[Record]:
    rows = await CardRead.filter(worker_id__in=worker_ids).values(
        "id", "worker_id", "read_at", "card__code", "card__title", "card_version", "campaign_id"
    )
    return [
        Record(
            r["worker_id"],
            f"read:{r['id']}",
            "card_read",
            r["read_at"],
            {
                "card": r["card__code"],
                "title": r["card__title"],
                "version": r["card_version"],
                "campaign": r["campaign_id"],
            },
        )
        for r in rows
    ]


@source("answers")
async def answers(worker_ids: list[int]) -> list[Record]:
    rows = await Answer.filter(worker_id__in=worker_ids).values_list(
        "id",
        "worker_id",
        "answered_at",
        "session_id",
        "question_id",
        "question_version",
        "choice",
        "correct",
        "identity_level",
    )
    return [
        Record(
            worker_id,
            f"answer:{ref}",
            "answer",
            at,
            {
                "quiz": session,
                "question": question,
                "version": version,
                "choice": choice,
                "correct": correct,
                "level": level,
            },
        )
        for ref, worker_id, at, session, question, version, choice, correct, level in rows
    ]


@source("exam_attempts")
async def exam_attempts(worker_ids: list[int]) -> list[Record]:
    rows = await ExamAttempt.filter(
        seat__worker_id__in=worker_ids, finished_at__not_isnull=True
    ).values(
        "id",
        "seat__worker_id",
        "seat__exam_id",
        "seat__exam__name",
        "seat__exam__purpose",
        "number",
        "question_ids",
        "correct",
        "passed",
        "ended",
        "identity_level",
        "finished_at",
    )
    return [
        Record(
            r["seat__worker_id"],
            f"exam:{r['id']}",
            "exam",
            r["finished_at"],
            {
                "exam": r["seat__exam_id"],
                "exam_name": r["seat__exam__name"],
                "purpose": r["seat__exam__purpose"],
                "attempt": r["number"],
                "correct": r["correct"],
                "total": len(r["question_ids"] or []),
                "passed": r["passed"],
                "ended": r["ended"],
                "level": r["identity_level"],
            },
        )
        for r in rows
    ]


@source("spot_seats")
async def spot_seats(worker_ids: list[int]) -> list[Record]:
    rows = await ExamSeat.filter(worker_id__in=worker_ids, exam__purpose="spot").values(
        "id",
        "worker_id",
        "exam_id",
        "exam__name",
        "status",
        "best_ratio",
        "assigned_at",
        "decided_at",
        "due_at",
    )
    found = []
    for r in rows:
        exam = {"exam": r["exam_id"], "exam_name": r["exam__name"]}
        due = at_text(r["due_at"]) if r["due_at"] else None
        found.append(
            Record(
                r["worker_id"],
                f"spot:{r['id']}",
                "spot_drawn",
                r["assigned_at"],
                {**exam, "due": due},
            )
        )
        if r["decided_at"] is not None and r["status"] != "assigned":
            found.append(
                Record(
                    r["worker_id"],
                    f"spot:{r['id']}:{r['status']}",
                    "spot_result",
                    r["decided_at"],
                    {**exam, "status": r["status"], "ratio": r["best_ratio"]},
                )
            )
    return found


@source("hours")
async def hours(worker_ids: list[int]) -> list[Record]:
    rows = await HoursCredit.filter(worker_id__in=worker_ids).values_list(
        "id", "worker_id", "created_at", "day", "revision", "minutes", "hours", "reason"
    )
    return [
        Record(
            worker_id,
            f"hours:{ref}",
            "hours",
            at,
            {
                "day": day.isoformat(),
                "revision": revision,
                "minutes": minutes,
                "hours": hours,
                "reason": reason,
            },
        )
        for ref, worker_id, at, day, revision, minutes, hours, reason in rows
    ]


@source("bindings")
async def bindings(worker_ids: list[int]) -> list[Record]:
    rows = await Identity.filter(worker_id__in=worker_ids).values_list(
        "id", "worker_id", "bound_at", "account", "method", "level"
    )
    return [
        Record(
            worker_id,
            f"bind:{ref}",
            "bound",
            at,
            {"account": account, "method": method, "level": level},
        )
        for ref, worker_id, at, account, method, level in rows
    ]


@source("challenges")
async def challenges(worker_ids: list[int]) -> list[Record]:
    rows = await StandinChallenge.filter(
        worker_id__in=worker_ids, status__in=("confirmed", "rejected")
    ).values_list("id", "worker_id", "status", "since", "raised_at", "decided_at")
    return [
        Record(
            worker_id,
            f"challenge:{ref}:{status}",
            f"challenge_{status}",
            decided,
            {"challenge": ref, "raised": at_text(raised), "window_from": at_text(since)},
        )
        for ref, worker_id, status, since, raised, decided in rows
        if decided is not None
    ]


@source("events")
async def events(worker_ids: list[int]) -> list[Record]:
    """Workforce events and decisions (hired, moved, 三违 flagged, unbound, challenge_raised…);
    `bound` is the bindings source's, with the level."""
    rows = await (
        WorkerEvent.filter(worker_id__in=worker_ids)
        .exclude(kind="bound")
        .values_list("id", "worker_id", "kind", "occurred_on", "data", "source", "recorded_at")
    )
    return [
        Record(
            worker_id,
            f"event:{ref}",
            kind,
            at,
            {"on": on.isoformat(), "data": data, "by": by},
        )
        for ref, worker_id, kind, on, data, by, at in rows
    ]
