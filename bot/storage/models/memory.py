"""Each worker's memory of each card and question of their job (bot/learning/memory.py), kept
across campaigns: FSRS state, when it is due, and the 错题本 mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Worker


class MemoryState(Model):
    """One worker's memory of one item (`kind` card | question, `item_id`). `mistake` is set by
    a wrong answer and cleared by `rights` reaching two (bot/learning/rules/schedule.py)."""

    id = fields.BigIntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="memory"
    )
    worker_id: int
    kind = fields.CharField(max_length=8)
    item_id = fields.IntField()
    version = fields.IntField()  # the item's version last studied
    stability = fields.FloatField()
    difficulty = fields.FloatField()
    due = fields.DatetimeField()
    last_review = fields.DatetimeField()
    reps = fields.IntField(default=0)
    lapses = fields.IntField(default=0)
    mistake = fields.BooleanField(default=False)
    rights = fields.SmallIntField(default=0)  # right answers since the last wrong one

    class Meta:
        unique_together = (("worker", "kind", "item_id"),)
        indexes = (("worker", "due"),)
