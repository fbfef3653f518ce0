"""一人一档: every training fact of a worker appended once to a hash chain; verify names an
edited, deleted or reordered entry; reruns and concurrent archivers add nothing twice and never
fork a chain."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from bot.learning import archive, hours
from bot.learning.rules.chain import GENESIS, entry_hash
from bot.storage.models import Answer, ArchiveEntry, ArchiveHead, CardRead, Enrollment, Worker
from tests.archive_helpers import campaign, study_day
from tests.conftest import Running

pytestmark = pytest.mark.storage


async def archived(anxun: Running) -> Worker:
    await campaign(anxun)
    worker = await study_day(anxun)
    anxun.clock.advance(days=1)
    await hours.credit_due(anxun.services, date(2026, 11, 24))
    assert await archive.bring_up(anxun.services, [worker.id]) > 0
    return worker


async def test_every_fact_is_archived_once_in_a_sound_chain(anxun: Running) -> None:
    worker = await archived(anxun)
    entries = await ArchiveEntry.filter(worker_id=worker.id).order_by("seq")
    kinds = [e.kind for e in entries]
    assert kinds.count("card_read") == await CardRead.filter(worker_id=worker.id).count()
    assert kinds.count("answer") == await Answer.filter(worker_id=worker.id).count() == 3
    assert {"bound", "enrolled", "hours"} <= set(kinds)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    prev = GENESIS
    for e in entries:
        assert e.prev_hash == prev
        assert e.hash == entry_hash(prev, e.seq, e.kind, e.at, e.payload)
        prev = e.hash
    head = await ArchiveHead.get(worker_id=worker.id)
    assert (head.seq, head.hash) == (entries[-1].seq, entries[-1].hash)
    assert await archive.verify() == (1, [])
    # no personal data beyond what the record needs
    text = str([e.payload for e in entries])
    assert "o-w1" not in text and worker.name not in text
    # rerun: nothing new (the whole enterprise once, then nothing either)
    assert await archive.bring_up(anxun.services, [worker.id]) == 0
    await archive.bring_up_all(anxun.services)
    assert await archive.bring_up_all(anxun.services) == 0
    assert await ArchiveEntry.filter(worker_id=worker.id).count() == len(entries)


async def test_later_facts_extend_the_chain(anxun: Running) -> None:
    worker = await archived(anxun)
    before = await ArchiveEntry.filter(worker_id=worker.id).count()
    await study_day(anxun)  # the next day's study: a read (if any left) and a new quiz
    added = await archive.bring_up(anxun.services, [worker.id])
    assert added >= 3
    assert await ArchiveEntry.filter(worker_id=worker.id).count() == before + added
    assert await archive.verify([worker.id]) == (1, [])


async def test_an_edited_payload_is_named(anxun: Running) -> None:
    worker = await archived(anxun)
    entry = await ArchiveEntry.get(worker_id=worker.id, kind="answer", seq__gt=1).first()
    entry.payload = {**entry.payload, "correct": not entry.payload["correct"]}
    await entry.save(update_fields=["payload"])
    checked, findings = await archive.verify()
    assert checked == 1
    assert [(f.employee_no, f.problem.seq, f.problem.what) for f in findings] == [
        (worker.employee_no, entry.seq, "changed")
    ]


async def test_a_deleted_entry_is_detected_in_the_middle_and_at_the_tail(anxun: Running) -> None:
    worker = await archived(anxun)
    last = await ArchiveEntry.filter(worker_id=worker.id).order_by("-seq").first()
    assert last is not None
    await ArchiveEntry.filter(worker_id=worker.id, seq=2).delete()
    await ArchiveEntry.filter(id=last.id).delete()
    _, findings = await archive.verify([worker.id])
    assert [(f.problem.seq, f.problem.what) for f in findings] == [
        (2, "missing:2-2"),
        (last.seq, f"missing:{last.seq}-{last.seq}"),
    ]


async def test_reordered_entries_are_detected(anxun: Running) -> None:
    worker = await archived(anxun)
    a = await ArchiveEntry.get(worker_id=worker.id, seq=2)
    b = await ArchiveEntry.get(worker_id=worker.id, seq=3)
    await ArchiveEntry.filter(id=a.id).update(seq=1000)
    await ArchiveEntry.filter(id=b.id).update(seq=2)
    await ArchiveEntry.filter(id=a.id).update(seq=3)
    _, findings = await archive.verify([worker.id])
    # both moved entries fail their hash; the next one no longer follows its predecessor
    assert [(f.problem.seq, f.problem.what) for f in findings] == [
        (2, "changed"),
        (3, "changed"),
        (4, "relinked"),
    ]


async def test_two_archivers_at_once_make_one_chain(anxun: Running) -> None:
    await campaign(anxun)
    worker = await study_day(anxun)
    anxun.clock.advance(hours=1)
    other = await Worker.get(employee_no="HQ0001")
    await Enrollment.create(
        campaign_id=(await Enrollment.first()).campaign_id,
        worker=other,  # type: ignore[union-attr]
    )
    ids = [worker.id, other.id]
    results = await asyncio.gather(
        archive.bring_up(anxun.services, ids),
        archive.bring_up(anxun.services, ids),
        archive.bring_up_all(anxun.services),
    )
    total = await ArchiveEntry.all().count()
    assert sum(results) == total > 0
    seqs = (
        await ArchiveEntry.filter(worker_id=worker.id).order_by("seq").values_list("seq", flat=True)
    )
    assert seqs == list(range(1, len(seqs) + 1))
    checked, findings = await archive.verify()
    assert checked > 2 and findings == []
