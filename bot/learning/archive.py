"""一人一档: each worker's training record, append-only and hash-chained
(bot/learning/rules/chain.py), filled from the source tables (archive_sources.py) by `bring_up`.

Invariants: an entry is never updated or deleted; each fact is archived once (`source` is
unique); a worker's chain never forks. Appends to one worker's chain are serialized by locking
their ArchiveHead row (SELECT … FOR UPDATE on PostgreSQL; SQLite runs one writing transaction at
a time), and (worker, seq) is unique, so even without the lock two appenders could not both
write seq n: the second one's transaction fails and is retried on the new head. Not on the
answer path: the scheduler brings archives up to date nightly, and an export does first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.storage.models import ArchiveEntry, ArchiveHead, Worker

from .archive_sources import Record, records
from .rules.chain import GENESIS, Link, Problem, check, entry_hash

log = logging.getLogger(__name__)

CHUNK = 500  # workers whose records are read together
RETRIES = 5


async def _head(services: Services, worker_id: int) -> None:
    if not await ArchiveHead.filter(worker_id=worker_id).exists():
        try:
            await ArchiveHead.create(
                worker_id=worker_id, seq=0, hash=GENESIS, updated_at=services.clock.now()
            )
        except IntegrityError:
            pass  # created concurrently


async def append(services: Services, worker_id: int, found: list[Record]) -> int:
    """Append to the worker's chain the records not yet archived; returns entries added."""
    await _head(services, worker_id)
    for attempt in range(RETRIES):
        try:
            return await _append_once(services, worker_id, found)
        except IntegrityError:
            # another appender took the same seq or source first; retry on the new head
            log.info("archive of worker %s moved meanwhile (try %d)", worker_id, attempt + 1)
    raise RuntimeError(f"archive of worker {worker_id}: could not append after {RETRIES} tries")


async def _append_once(services: Services, worker_id: int, found: list[Record]) -> int:
    async with in_transaction() as conn:
        head = await ArchiveHead.select_for_update().using_db(conn).get(worker_id=worker_id)
        known = set(
            await ArchiveEntry.filter(worker_id=worker_id)
            .using_db(conn)
            .values_list("source", flat=True)
        )
        new = [r for r in found if r.source not in known]
        if not new:
            return 0
        seq, prev = head.seq, head.hash
        now = services.clock.now()
        rows = []
        for r in new:
            seq += 1
            digest = entry_hash(prev, seq, r.kind, r.at, r.payload)
            rows.append(
                ArchiveEntry(
                    worker_id=worker_id,
                    seq=seq,
                    kind=r.kind,
                    at=r.at,
                    payload=r.payload,
                    source=r.source,
                    prev_hash=prev,
                    hash=digest,
                    created_at=now,
                )
            )
            prev = digest
        await ArchiveEntry.bulk_create(rows, batch_size=500, using_db=conn)
        head.seq, head.hash, head.updated_at = seq, prev, now
        await head.save(using_db=conn, update_fields=["seq", "hash", "updated_at"])
        return len(new)


async def bring_up(services: Services, worker_ids: list[int]) -> int:
    """Archive whatever the sources hold for these workers and is not archived yet."""
    added = 0
    for start in range(0, len(worker_ids), CHUNK):
        chunk = worker_ids[start : start + CHUNK]
        by_worker: dict[int, list[Record]] = {w: [] for w in chunk}
        for r in await records(chunk):
            by_worker[r.worker_id].append(r)
        for worker_id, found in by_worker.items():
            if found:
                added += await append(services, worker_id, found)
    return added


async def bring_up_all(services: Services, enterprise_id: int | None = None) -> int:
    """Every worker's archive (of one enterprise, or all), as the nightly job runs it."""
    query = Worker.all() if enterprise_id is None else Worker.filter(enterprise_id=enterprise_id)
    ids = [int(str(w)) for w in await query.order_by("id").values_list("id", flat=True)]
    added = await bring_up(services, ids)
    if added:
        log.info("archive: %d entries added for %d workers", added, len(ids))
    return added


@dataclass(frozen=True)
class Finding:
    worker_id: int
    employee_no: str
    problem: Problem


LINK_FIELDS = ("worker_id", "seq", "kind", "at", "payload", "prev_hash", "hash")


async def chains(worker_ids: list[int]) -> dict[int, list[Link]]:
    """The chains of these workers, each in seq order, in one query."""
    found: dict[int, list[Link]] = {w: [] for w in worker_ids}
    rows = (
        await ArchiveEntry.filter(worker_id__in=worker_ids)
        .order_by("worker_id", "seq")
        .values_list(*LINK_FIELDS)
    )
    for worker_id, *link in rows:
        found[int(worker_id)].append(Link(*link))
    return found


async def verify_worker(worker_id: int) -> list[Problem]:
    head = await ArchiveHead.get_or_none(worker_id=worker_id)
    links = (await chains([worker_id]))[worker_id]
    return check(links, None if head is None else (head.seq, head.hash))


async def verify(worker_ids: list[int] | None = None) -> tuple[int, list[Finding]]:
    """Recompute the chains (of these workers, or of everyone with an archive); returns how
    many chains were checked and every problem found."""
    if worker_ids is None:
        heads = await ArchiveHead.all().values_list("worker_id", flat=True)
        entries = await ArchiveEntry.all().distinct().values_list("worker_id", flat=True)
        worker_ids = sorted({int(str(w)) for w in [*heads, *entries]})
    findings = []
    for start in range(0, len(worker_ids), CHUNK // 5):
        chunk = worker_ids[start : start + CHUNK // 5]
        numbers = dict(await Worker.filter(id__in=chunk).values_list("id", "employee_no"))
        heads_of = {
            int(w): (seq, digest)
            for w, seq, digest in await ArchiveHead.filter(worker_id__in=chunk).values_list(
                "worker_id", "seq", "hash"
            )
        }
        for worker_id, links in (await chains(chunk)).items():
            for problem in check(links, heads_of.get(worker_id)):
                findings.append(Finding(worker_id, str(numbers.get(worker_id, "?")), problem))
    return len(worker_ids), findings
