"""Messages in and out: the outbox, alerts, committed callbacks, replay claims, scheduler runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Enterprise, Worker
    from .training import Campaign


class Delivery(Model):
    """The outbox: one row per message to send, unique by `key` so a decision is made once."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    kind = fields.CharField(max_length=16)  # daily_push | alert
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    channel = fields.CharField(max_length=16, default="template")
    payload: dict[str, object] = fields.JSONField()
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="deliveries", null=True
    )
    campaign_id: int | None
    worker: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="deliveries", null=True
    )
    worker_id: int | None
    status = fields.CharField(max_length=16, default="pending", db_index=True)
    attempts = fields.SmallIntField(default=0)
    next_attempt_at = fields.DatetimeField(db_index=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=255, default="")
    wechat_msgid = fields.CharField(max_length=32, default="", db_index=True)
    # WeChat's delivery receipt for a template message (TEMPLATESENDJOBFINISH): "success",
    # "failed:user block", "failed: system failed"
    receipt = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    # --- contact policy (issue 13, nudge) ---
    # the worker's local day this nudge is for (daily push, reminder, 催学); NULL for any other
    # message. Unique with the worker: the database refuses a second nudge the same day.
    nudge_day = fields.DateField(null=True)

    class Meta:
        unique_together = (("worker", "nudge_day"),)  # contact policy (issue 13, nudge)


class Alert(Model):
    """A supervisor alert; `key` makes each alert condition fire once."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    kind = fields.CharField(max_length=32)
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="alerts", null=True
    )
    campaign_id: int | None
    supervisor: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="alerts", null=True
    )
    supervisor_id: int | None
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="alerts"
    )
    enterprise_id: int
    summary = fields.TextField()
    data: dict[str, object] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField()


class InboundMessage(Model):
    """A callback message whose effect is committed: written in the same transaction as that
    effect, so the row exists if and only if the effect does. Its unique key is the message's
    dedup key; `reply` is the passive reply, repeated to WeChat's retries."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    account = fields.CharField(max_length=32)
    reply = fields.TextField(null=True)
    created_at = fields.DatetimeField(db_index=True)


class InboundClaim(Model):
    """Replay claims (timestamp + nonce) written when Redis cannot be reached."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    value = fields.CharField(max_length=160)
    created_at = fields.DatetimeField()


class JobRun(Model):
    """One scheduler firing, unique per (job, period): a second firing the same day is a no-op."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    ran_at = fields.DatetimeField()
    result: dict[str, object] = fields.JSONField(default=dict)
