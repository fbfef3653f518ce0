"""Each worker's memory of their job's cards and questions, and today's session from it
(the rule: bot/learning/rules/schedule.py).

Invariant: a MemoryState row moves only with the read or answer that caused it, in the same
transaction, so the memory never runs ahead of (or behind) the record of what was done.
Criticality: a card is critical when its risk is "life-critical"; a question when it tests a
life-critical card's topic of the same job (banks carry no risk column of their own).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from typing import Any

from bot.context import Services
from bot.learning.campaign_items import Items
from bot.learning.rules.schedule import Item, Memory, Session, Speed, plan, review
from bot.storage.models import Answer, Card, MemoryState, Question, Worker
from bot.storage.prepared import db_values, marks, run

CRITICAL = "life-critical"
ALL_STAFF = "all_staff"  # the job code of items every worker studies
INF = float("inf")
SPEED_SAMPLE = 40  # the worker's latest answers their pace is judged from

_FIELDS = ("version", "stability", "difficulty", "due", "last_review", "reps", "lapses", "mistake")


def _memory(row: MemoryState) -> Memory:
    memory = Memory(**{f: getattr(row, f) for f in _FIELDS}, rights=row.rights)
    # fsrs takes UTC only; a database may hand back another zone
    return replace(memory, due=row.due.astimezone(UTC), last_review=row.last_review.astimezone(UTC))


def stored(memory: Memory | None) -> dict[str, object] | None:
    """A memory as JSON (kept with a quiz: `known`)."""
    if memory is None:
        return None
    values = {f: getattr(memory, f) for f in (*_FIELDS, "rights")}
    return values | {"due": memory.due.isoformat(), "last_review": memory.last_review.isoformat()}


def loaded(values: dict[str, Any] | None) -> Memory | None:
    if values is None:
        return None
    times = {k: datetime.fromisoformat(values[k]) for k in ("due", "last_review")}
    return Memory(**(values | times))


class _Unknown:
    pass


UNKNOWN = _Unknown()


async def record(
    worker_id: int,
    kind: str,
    item_id: int,
    version: int,
    critical: bool,
    recalled: bool,
    at: datetime,
    known: Memory | _Unknown | None = UNKNOWN,
) -> Memory:
    """Apply one read or answer to the worker's memory of the item (call inside the transaction
    that stores the read or answer). `known`: the memory as the caller saw it (a quiz keeps its
    questions' from its start); when nothing moved it since (the same `reps`), the new one is
    written in one statement, else it is read again first. A first one (`known` None) is
    inserted, or written over a row made meanwhile (two first reads at once: the later wins)."""
    if isinstance(known, Memory):
        memory = review(known, version, critical, recalled, at, kind)
        values = {f: getattr(memory, f) for f in _FIELDS} | {"rights": memory.rights}
        values |= {"worker_id": worker_id, "kind": kind, "item_id": item_id}
        if await run(_review_sql, [*db_values(MemoryState, values), known.reps]):
            return memory
    elif known is None:
        memory = review(None, version, critical, recalled, at, kind)
        await _upsert(worker_id, kind, item_id, memory)
        return memory
    row = await MemoryState.get_or_none(worker_id=worker_id, kind=kind, item_id=item_id)
    memory = review(_memory(row) if row else None, version, critical, recalled, at, kind)
    values = {f: getattr(memory, f) for f in _FIELDS} | {"rights": memory.rights}
    if row is not None:
        await MemoryState.filter(id=row.id).update(**values)
    else:  # never an IntegrityError: on PostgreSQL it would abort the caller's transaction
        await _upsert(worker_id, kind, item_id, memory)
    return memory


_COLUMNS = ("worker_id", "kind", "item_id", *_FIELDS, "rights")


@cache
def _upsert_sql(dialect: str) -> str:
    """INSERT … ON CONFLICT DO UPDATE, the same on SQLite (3.24+) and PostgreSQL but for the
    placeholders; written once (the ORM's bulk upsert builds it anew, three times slower)."""
    changed = ", ".join(f'"{c}" = excluded."{c}"' for c in _COLUMNS[3:])
    columns = ", ".join(f'"{c}"' for c in _COLUMNS)
    places = ", ".join(marks(dialect, len(_COLUMNS)))
    return (
        f'INSERT INTO "memorystate" ({columns}) VALUES ({places}) '
        f'ON CONFLICT ("worker_id", "kind", "item_id") DO UPDATE SET {changed}'
    )


@cache
def _review_sql(dialect: str) -> str:
    """The memory after a review, only over the one the caller saw (the same `reps`)."""
    names = (*_FIELDS, "rights")
    p = marks(dialect, len(names) + 4)
    changed = ", ".join(f'"{c}" = {m}' for c, m in zip(names, p, strict=False))
    n = len(names)
    return (
        f'UPDATE "memorystate" SET {changed} WHERE "worker_id" = {p[n]} AND "kind" = {p[n + 1]} '
        f'AND "item_id" = {p[n + 2]} AND "reps" = {p[n + 3]}'
    )


async def _upsert(worker_id: int, kind: str, item_id: int, memory: Memory) -> None:
    """A first memory of the item, or over a row made meanwhile (two first reads at once)."""
    raw = {"worker_id": worker_id, "kind": kind, "item_id": item_id}
    raw |= {f: getattr(memory, f) for f in _FIELDS} | {"rights": memory.rights}
    await run(_upsert_sql, db_values(MemoryState, raw))


async def question_is_critical(question: Question) -> bool:
    return await Card.filter(
        enterprise_id=question.enterprise_id, topic=question.topic, risk=CRITICAL
    ).exists()


def _ours(item: Card | Question, job: str) -> bool:
    return job in item.job_codes or ALL_STAFF in item.job_codes


@dataclass
class Today:
    """The worker's items, their memory, and what today still holds."""

    items: list[Item]
    content: dict[tuple[str, int], Card | Question]
    memories: dict[tuple[str, int], Memory]
    session: Session  # what is left of today's minutes
    campaign: set[tuple[str, int]]  # the running campaign's items
    end: datetime  # the end of today

    def ranked(self, kind: str, now: datetime) -> list[Item]:
        """Every item of the kind in the order the day would take them with no time limit:
        today's (due and new), then the rest, the most forgotten first."""
        today = [i for i in plan(self.items, self.memories, now, self.end, INF).items]
        first = {(i.kind, i.id) for i in today}
        rest = [i for i in self.items if (i.kind, i.id) not in first]
        rest.sort(key=lambda i: self.memories[(i.kind, i.id)].forgetting(now))
        return [i for i in today + rest if i.kind == kind]


async def speed(worker_id: int) -> Speed:
    rows = (
        await Answer.filter(worker_id=worker_id)
        .order_by("-id")
        .limit(SPEED_SAMPLE)
        .values_list("session_id", "answered_at")
    )
    gaps = [
        (a_at - b_at).total_seconds() for (a_s, a_at), (b_s, b_at) in pairwise(rows) if a_s == b_s
    ]
    return Speed.of(gaps)


async def today(
    services: Services,
    worker: Worker,
    campaign_items: Items | None,
    unread: set[int] = frozenset(),  # type: ignore[assignment]
) -> Today:
    """Today's session of `worker` (with `worker.job` loaded): their job's cards and questions
    plus a running campaign's `campaign_items`, of which the cards in `unread` still have to be
    read for the campaign (they count as new whatever the memory says)."""
    job = worker.job.code
    cards = {
        c.id: c for c in await Card.filter(enterprise_id=worker.enterprise_id) if _ours(c, job)
    }
    questions = {
        q.id: q for q in await Question.filter(enterprise_id=worker.enterprise_id) if _ours(q, job)
    }
    ours: set[tuple[str, int]] = set()
    if campaign_items is not None:
        cards |= {c.id: c for c in campaign_items.cards}
        missing = [i for i in campaign_items.question_ids if i not in questions]
        questions |= {q.id: q for q in await Question.filter(id__in=missing)}
        ours = {("card", c.id) for c in campaign_items.cards}
        ours |= {("question", i) for i in campaign_items.question_ids}
    critical_topics = {c.topic for c in cards.values() if c.risk == CRITICAL}
    pace = await speed(worker.id)
    items = [
        Item(
            "card",
            c.id,
            c.version,
            c.risk == CRITICAL,
            pace.card_seconds(len(c.body)),
            ("card", c.id) in ours,
            n,
        )
        for n, c in enumerate(sorted(cards.values(), key=lambda c: c.code))
    ] + [
        Item(
            "question",
            q.id,
            q.version,
            q.topic in critical_topics,
            pace.question_s,
            ("question", q.id) in ours,
            n,
        )
        for n, q in enumerate(sorted(questions.values(), key=lambda q: q.code))
    ]
    rows = await MemoryState.filter(worker_id=worker.id)
    memories = {
        (r.kind, r.item_id): _memory(r)
        for r in rows
        if not (r.kind == "card" and r.item_id in unread)
    }
    now = services.clock.now()
    local = services.clock.local_now()
    start = datetime.combine(local.date(), time(), local.tzinfo)
    end = start + timedelta(days=1)
    seconds = {(i.kind, i.id): i.seconds for i in items}
    done = sum(seconds.get((r.kind, r.item_id), 0.0) for r in rows if r.last_review >= start)
    budget = services.config.study.daily_minutes * 60 - done
    session = plan(items, memories, now, end, budget) if budget > 0 else Session([], 0, 0.0)
    content: dict[tuple[str, int], Card | Question] = {("card", i): c for i, c in cards.items()}
    content |= {("question", i): q for i, q in questions.items()}
    return Today(items, content, memories, session, ours, end)


async def mistake_questions(worker_id: int) -> list[Question]:
    """The worker's 错题本: questions answered wrong and not yet right twice since, the one
    due soonest first."""
    rows = MemoryState.filter(worker_id=worker_id, kind="question", mistake=True)
    ids: list[int] = await rows.order_by("due", "id").values_list("item_id", flat=True)  # type: ignore[assignment]
    found = {q.id: q for q in await Question.filter(id__in=ids)}
    return [found[i] for i in ids if i in found]
