"""Stand-in risk (bot/people/standin.py) and the live challenge (bot/campaigns/challenges.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Enterprise, Worker


class RiskScore(Model):
    """One stand-in risk assessment of a worker and the reasons behind it (codes and facts,
    rendered from copy when shown), once per cause: a finished quiz or a night's sweep."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, unique=True)  # quiz:<session> | sweep:<worker>:<day>
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="risk_scores"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="risk_scores"
    )
    worker_id: int
    score = fields.FloatField()
    reasons: list[dict[str, object]] = fields.JSONField(default=list)  # [{code, weight, facts}]
    since = fields.DatetimeField()  # the activity assessed: from here to computed_at
    computed_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "computed_at"),)


class StandinChallenge(Model):
    """A live check that the worker is the one studying: armed by a high risk score, asked at
    their next session (a photo at work, now), decided by their leader. While it is open their
    completions wait; rejected, the activity from `since` to `decided_at` does not count.

    status: armed → asked → submitted → confirmed | rejected; asked → expired (no photo in
    time, reported to the leader, who still decides). `open_for` holds the worker id while the
    challenge is open and NULL after, so a worker has at most one open challenge."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="standin_challenges"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="standin_challenges"
    )
    worker_id: int
    open_for = fields.IntField(null=True, unique=True)
    status = fields.CharField(max_length=12, default="armed")
    risk: fields.ForeignKeyNullableRelation[RiskScore] = fields.ForeignKeyField(
        "models.RiskScore", related_name="challenges", null=True
    )
    risk_id: int | None
    score = fields.FloatField()
    reasons: list[dict[str, object]] = fields.JSONField(default=list)
    since = fields.DatetimeField()
    raised_at = fields.DatetimeField()
    asked_at = fields.DatetimeField(null=True)
    deadline_at = fields.DatetimeField(null=True, db_index=True)  # for the photo, once asked
    photo_at = fields.DatetimeField(null=True)
    photo_url = fields.CharField(max_length=512, default="")  # WeChat's PicUrl of the photo
    photo_media = fields.CharField(max_length=128, default="")  # its MediaId (three days)
    photo_data = fields.BinaryField(null=True)  # a photo the mini-program uploaded (JPEG/PNG)
    leader: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="standin_challenges_led", null=True
    )
    leader_id: int | None
    reminded_at = fields.DatetimeField(null=True)  # the leader was reminded of the wait
    decided_at = fields.DatetimeField(null=True)
    decided_by = fields.CharField(max_length=32, default="")  # the deciding leader's 工号

    class Meta:
        indexes = (("worker", "status"), ("status", "raised_at"))
