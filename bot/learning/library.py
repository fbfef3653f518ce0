"""The content library in the database: storing cards and questions for an enterprise, and
importing them from the files enterprises keep (content/banks.py, content/loader.py).

A file with problems changes nothing unless the caller asks for its valid rows (`partial`);
whatever is written is written in one transaction.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tortoise.transactions import in_transaction

from bot.context import Services
from bot.delivery.channels import AUTO, Notice, bound_workers
from bot.delivery.outbox import delivery, enqueue
from bot.errors import NotFound
from bot.learning.jobnames import default_job, job_names, job_spellings
from bot.storage.models import (
    Card,
    CardVersion,
    Enterprise,
    Job,
    Question,
    QuestionVersion,
    Worker,
)
from content import citations
from content.banks import Bank, read_bank, write_bank
from content.loader import CardData, Problem, QuestionData, parse_card, summarise

BANK_SUFFIXES = (".xlsx", ".xls", ".csv", ".yaml", ".yml")
Coded = TypeVar("Coded", CardData, QuestionData)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    rechecked: int = 0  # same text, checked against other editions: recorded, no new version
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)  # codes of the updated items

    def add(self, outcome: str, code: str = "") -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome == "updated":
            self.changed.append(code)


@dataclass
class SheetsRead:
    """Which sheets of one file were read, and which were not and why."""

    file: str
    read: list[str]
    skipped: list[tuple[str, str]]


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    sheets: list[SheetsRead] = field(default_factory=list)  # workbooks only
    default_job: str | None = None  # the code standing for a blank or missing 工种
    default_job_name: str = ""
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # how cells were read; not blocking
    cards: Counts = field(default_factory=Counts)
    questions: Counts = field(default_factory=Counts)
    applied: bool = False
    nothing_valid: bool = False  # --partial, but every item had a problem
    notified: int = 0  # outbox rows telling workers their handbook changed

    def summary(self) -> dict[str, list[tuple[str, int]]]:
        """Rows per kind of problem and of notice, the most first (缺少解析 412 行)."""
        return {"problems": summarise(self.problems), "notices": summarise(self.notices)}


def card_values(c: CardData) -> dict[str, Any]:
    return {
        "job_codes": c.jobs,
        "title": c.title,
        "body": c.body,
        "topic": c.topic,
        "risk": c.risk,
        "source": c.source,
        **_checked(c),
    }


def question_values(q: QuestionData) -> dict[str, Any]:
    return {
        "job_codes": q.jobs,
        "qtype": q.qtype,
        "stem": q.stem,
        "options": q.options,
        "answer": q.answer,
        "explanation": q.explanation,
        "topic": q.topic,
        "difficulty": q.difficulty,
        "source": q.source,
        "image": q.image,
        **_checked(q),
    }


def _checked(item: CardData | QuestionData) -> dict[str, Any]:
    """Only what the file states: a file without editions leaves the stored record alone."""
    if item.checked_against is None:
        return {}
    return {"checked_against": citations.to_json(item.checked_against)}


async def store(
    ent: Enterprise, cards: list[CardData], questions: list[QuestionData]
) -> tuple[Counts, Counts]:
    """Create or update by code; an item whose content changed gets the next version. Call in
    a transaction. New items go in with one bulk insert per table."""
    card_counts = await _store(
        Card, CardVersion, ent, [(c.code, c.content_hash, card_values(c)) for c in cards]
    )
    question_counts = await _store(
        Question,
        QuestionVersion,
        ent,
        [(q.code, q.content_hash, question_values(q)) for q in questions],
    )
    return card_counts, question_counts


async def _store(
    model: type[Card] | type[Question],
    history: type[CardVersion] | type[QuestionVersion],
    ent: Enterprise,
    items: list[tuple[str, str, dict[str, Any]]],
) -> Counts:
    """Upsert one kind of item; every version written is also kept in `history`. Editions
    checked against (not part of the hash) are updated in place on the item and on its current
    version, which keeps every edition its text was checked against."""
    counts = Counts()
    owner = "card_id" if model is Card else "question_id"
    now = datetime.now(UTC)
    versions: list[Any] = []
    existing = {
        str(code): (int(row_id), str(digest), int(version), list(checked))
        for row_id, code, digest, version, checked in await model.filter(
            enterprise=ent, code__in=[code for code, _, _ in items]
        ).values_list("id", "code", "content_hash", "version", "checked_against")
    }
    new = []
    for code, digest, values in items:
        if code not in existing:
            new.append(model(enterprise=ent, code=code, content_hash=digest, version=1, **values))
            counts.add("created")
            continue
        row_id, stored, version, checked = existing[code]
        if stored == digest:
            rechecked = values.get("checked_against", checked)
            if rechecked == checked:
                counts.add("unchanged")
                continue
            await model.filter(id=row_id).update(checked_against=rechecked)
            current = await history.filter(**{owner: row_id}, version=version).get()
            current.checked_against = citations.merged(current.checked_against, rechecked)
            await current.save(update_fields=["checked_against"])
            counts.add("rechecked")
            continue
        await model.filter(id=row_id).update(content_hash=digest, version=version + 1, **values)
        versions.append(
            history(
                **{owner: row_id},
                version=version + 1,
                content_hash=digest,
                created_at=now,
                **{"checked_against": checked, **values},
            )
        )
        counts.add("updated", code)
    if new:
        await model.bulk_create(new, batch_size=500)  # type: ignore[arg-type]
        ids = dict(
            await model.filter(enterprise=ent, code__in=[n.code for n in new]).values_list(
                "code", "id"
            )
        )
        by_code = {code: (digest, values) for code, digest, values in items}
        for n in new:
            digest, values = by_code[n.code]
            versions.append(
                history(
                    **{owner: ids[n.code]}, version=1, content_hash=digest, created_at=now, **values
                )
            )
    if versions:
        await history.bulk_create(versions, batch_size=500)
    return counts


def content_files(paths: list[Path]) -> list[Path]:
    """The card (.md) and bank files named, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and (p.suffix == ".md" or p.suffix.lower() in BANK_SUFFIXES)
            )
        else:
            found.append(path)
    return found


async def import_content(
    enterprise: str,
    paths: list[Path],
    *,
    partial: bool = False,
    progress: Callable[[str, int], None] | None = None,
    services: Services | None = None,
    job: str | None = None,
) -> ImportReport:
    """Check every file first; write nothing if anything is wrong, unless `partial`, which
    writes the valid items (and is not applied when there are none). Files are read in a
    worker thread (xlsx parsing is CPU work). `job` (a job's code, name or alias) stands for
    a blank or missing 工种 in spreadsheet banks. With `services`, the workers of every job
    whose cards changed are told (see notify_changes)."""
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    jobs = await job_spellings(ent)
    names = await job_names(ent)
    report = ImportReport(default_job=await default_job(ent, job))
    report.default_job_name = names.get(report.default_job or "", "")
    cards: list[CardData] = []
    questions: list[QuestionData] = []
    for path in content_files(paths):
        report.files.append(str(path))
        if not path.exists():
            report.problems.append(Problem(path.name, None, "文件", "文件不存在"))
            continue
        if path.suffix == ".md":
            card = parse_card(path, report.problems)
            report.rows += 1
            if card is None:
                continue
            unknown = [j for j in card.jobs if j not in jobs.values()]
            if unknown:
                report.problems.append(
                    Problem(path.name, None, "jobs", f"未知工种 {'、'.join(unknown)}")
                )
                continue
            cards.append(card)
            continue

        def tick(rows: int, name: str = path.name) -> None:
            if progress is not None:
                progress(name, rows)

        bank: Bank = await asyncio.to_thread(
            read_bank, path, jobs, tick, job_names=names, default_job=report.default_job
        )
        if bank.sheets_read or bank.sheets_skipped:
            report.sheets.append(SheetsRead(path.name, bank.sheets_read, bank.sheets_skipped))
        report.rows += bank.rows
        report.problems.extend(bank.problems)
        report.notices.extend(bank.notices)
        questions.extend(bank.questions)
    _cross_file_duplicates(cards, questions, report)
    if report.problems and not partial:
        return report
    if report.problems and not cards and not questions:
        report.nothing_valid = True  # a partial import of nothing is not a success
        return report
    async with in_transaction():
        report.cards, report.questions = await store(ent, cards, questions)
    report.applied = True
    if services is not None and report.cards.changed:
        report.notified = await notify_changes(services, ent, report.cards.changed)
    return report


async def notify_changes(services: Services, ent: Enterprise, codes: list[str]) -> int:
    """Tell each bound worker of the jobs whose cards changed, once per change set, that their
    handbook was revised; the changed cards are unread for them again (bot/learning/training.py).
    Returns the number of new outbox rows."""
    changed = await Card.filter(enterprise=ent, code__in=codes).order_by("code")
    jobs = {job for card in changed for job in card.job_codes}
    workers = Worker.filter(enterprise=ent, status="active")
    if "all_staff" not in jobs:
        workers = workers.filter(job__code__in=sorted(jobs))
    worker_ids: list[int] = await workers.values_list("id", flat=True)  # type: ignore[assignment]
    bound = await bound_workers(services, ent.code, worker_ids)
    if not bound:
        return 0
    by_job: dict[str, list[Card]] = {}
    for card in changed:
        for job in card.job_codes:
            by_job.setdefault(job, []).append(card)
    job_of = dict(await Worker.filter(id__in=bound).values_list("id", "job__code"))
    stamp = hashlib.sha256(",".join(f"{c.code}@{c.version}" for c in changed).encode()).hexdigest()[
        :16
    ]
    copy = services.copy
    rows = []
    for worker_id in bound:
        mine = by_job.get(str(job_of[worker_id]), []) + by_job.get("all_staff", [])
        if not mine:
            continue
        titles = "、".join(f"「{c.title}」" for c in mine[:3]) + ("等" if len(mine) > 3 else "")
        text = copy.t("content.updated_text", count=len(mine), titles=titles)
        notice = Notice(
            text=text,
            template={"first": text},
            subscribe={
                "campaign": copy.t("content.updated_title"),
                "deadline": services.clock.today().isoformat(),
                "hint": copy.t("content.updated_hint"),
            },
        )
        rows.append(
            delivery(
                services,
                key=f"content:{ent.code}:{stamp}:{worker_id}",
                kind="content_update",
                account=next(a.name for a in services.config.accounts if a.enterprise == ent.code),
                openid="",
                channel=AUTO,
                payload=notice.to_json(),
                worker_id=worker_id,
            )
        )
    return await enqueue(services, rows)


def _cross_file_duplicates(
    cards: list[CardData], questions: list[QuestionData], report: ImportReport
) -> None:
    """Two files giving the same code: keep the first, report the second."""
    cards[:] = _first_of_each(cards, "卡片", report)
    questions[:] = _first_of_each(questions, "题目", report)


def _first_of_each(items: list[Coded], kind: str, report: ImportReport) -> list[Coded]:
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.code in seen:
            report.problems.append(
                Problem(kind, None, "编号", f"编号 {item.code} 在多个文件中出现")
            )
            continue
        seen.add(item.code)
        kept.append(item)
    return kept


async def export_bank(enterprise: str, path: Path, job: str | None = None) -> int:
    """Write the enterprise's questions (one job's, if given) to `path` in the import layout;
    returns how many."""
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    rows = await Question.filter(enterprise=ent).order_by("code")
    if job is not None:
        rows = [q for q in rows if job in q.job_codes]
    names = {
        str(code): str(name)
        for code, name in await Job.filter(enterprise=ent).values_list("code", "name")
    }
    questions = [
        QuestionData(
            code=q.code,
            jobs=list(q.job_codes),
            qtype=q.qtype,
            stem=q.stem,
            options=dict(q.options),
            answer=q.answer,
            explanation=q.explanation,
            topic=q.topic,
            difficulty=q.difficulty,
            source=q.source,
            image=q.image,
            checked_against=citations.from_json(q.checked_against),
        )
        for q in rows
    ]
    await asyncio.to_thread(write_bank, path, questions, names)
    return len(questions)
