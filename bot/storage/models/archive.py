"""学时 ledger (bot/learning/hours.py) and the personal archive, 一人一档 (bot/learning/archive.py).

Both are append-only: no row is ever updated or deleted. A day's credit is corrected by a new
row with the next `revision`; an archive entry is chained to the one before it by `prev_hash`,
and the worker's `ArchiveHead` names the last one, so an edited, deleted or reordered entry shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Worker


class HoursCredit(Model):
    """学时 credited to one worker for one local day, with the rule in force and the rows it
    counted (`sources`: {"read": [ids], "answer": [ids], "exam": [ids], "excluded": {...}}).
    The day's standing credit is its highest revision."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="hours_credits"
    )
    worker_id: int
    day = fields.DateField()
    revision = fields.SmallIntField(default=0)  # 0: the first credit; 1..: corrections
    seconds = fields.IntField()
    minutes = fields.IntField()
    hours = fields.FloatField()
    rule: dict[str, object] = fields.JSONField()
    sources: dict[str, object] = fields.JSONField()
    reason = fields.CharField(max_length=32, default="daily")  # daily | correction
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("worker", "day", "revision"),)
        indexes = (("worker", "day"),)


class ArchiveEntry(Model):
    """One record of a worker's archive. `hash` = sha256(prev_hash, seq, kind, at, payload)
    (bot/learning/rules/chain.py); `source` names the row it came from, once."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="archive_entries"
    )
    worker_id: int
    seq = fields.IntField()
    kind = fields.CharField(max_length=24)
    at = fields.DatetimeField()
    payload: dict[str, object] = fields.JSONField()
    source = fields.CharField(max_length=96, unique=True)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("worker", "seq"),)


class ArchiveHead(Model):
    """The last entry of a worker's chain: a deleted tail shows against it. Its row is also
    the lock every append to that worker's chain takes first."""

    id = fields.IntField(primary_key=True)
    worker: fields.OneToOneRelation[Worker] = fields.OneToOneField(
        "models.Worker", related_name="archive_head"
    )
    worker_id: int
    seq = fields.IntField(default=0)
    hash = fields.CharField(max_length=64)
    updated_at = fields.DatetimeField()
