"""Exams (bot/learning/exams.py) and spot tests (bot/campaigns/spottest.py): the paper's rules,
who must sit it by when, each attempt as it was shown and answered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .content import Question
    from .identity import Identity
    from .org import Department, Enterprise, Worker
    from .training import Campaign


class Exam(Model):
    """A paper composed by rules from each sitter's own job bank, with its pass mark, time limit,
    attempts and the identity level it needs. `purpose`: induction | retraining | spot | general."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="exams"
    )
    enterprise_id: int
    name = fields.CharField(max_length=128)
    purpose = fields.CharField(max_length=16, default="general")
    # [{"count": 5, "qtype": "single", "topic": "...", "difficulty": 2}, ...] (rules/paper.py)
    paper: list[dict[str, object]] = fields.JSONField(default=list)
    pass_ratio = fields.FloatField(default=0.9)
    time_limit_s = fields.IntField(default=1200)
    max_attempts = fields.SmallIntField(default=2)
    min_identity_level = fields.SmallIntField(default=1)
    # the campaign it belongs to (an induction's gate, a campaign's spot test), if any
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="exams", null=True
    )
    campaign_id: int | None
    created_at = fields.DatetimeField()


class ExamSeat(Model):
    """One worker called to sit an exam by `due_at`: assigned → passed | failed | expired.
    A failed sitter with attempts left studies `retrain_topics` before the next attempt."""

    id = fields.IntField(primary_key=True)
    exam: fields.ForeignKeyRelation[Exam] = fields.ForeignKeyField(
        "models.Exam", related_name="seats"
    )
    exam_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="exam_seats"
    )
    worker_id: int
    status = fields.CharField(max_length=16, default="assigned")
    due_at = fields.DatetimeField(null=True)
    attempts = fields.SmallIntField(default=0)
    best_ratio = fields.FloatField(null=True)
    retrain_topics: list[str] = fields.JSONField(default=list)
    retrain_since = fields.DatetimeField(null=True)  # the retraining counts from here
    assigned_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        unique_together = (("exam", "worker"),)
        indexes = (("worker", "status"),)


class ExamAttempt(Model):
    """One sitting: the questions and each one's option order as shown, the clock, the score.
    `request_id`/`result` make a repeated submit return the first one's result."""

    id = fields.IntField(primary_key=True)
    seat: fields.ForeignKeyRelation[ExamSeat] = fields.ForeignKeyField(
        "models.ExamSeat", related_name="attempts_made"
    )
    seat_id: int
    number = fields.SmallIntField()
    question_ids: list[int] = fields.JSONField()
    orders: list[str] = fields.JSONField()  # per question, the bank letters as shown
    position = fields.SmallIntField(default=0)
    correct = fields.SmallIntField(default=0)
    started_at = fields.DatetimeField()
    deadline_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    ended = fields.CharField(max_length=16, default="")  # submitted | answered | timeout
    passed = fields.BooleanField(null=True)
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="exam_attempts"
    )
    identity_id: int
    identity_level = fields.SmallIntField()
    request_id = fields.CharField(max_length=64, null=True)
    result: dict[str, object] = fields.JSONField(default=dict)

    class Meta:
        unique_together = (("seat", "number"),)


class ExamAnswer(Model):
    id = fields.IntField(primary_key=True)
    attempt: fields.ForeignKeyRelation[ExamAttempt] = fields.ForeignKeyField(
        "models.ExamAttempt", related_name="answers"
    )
    attempt_id: int
    position = fields.SmallIntField()
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="exam_answers"
    )
    question_id: int
    question_version = fields.IntField()
    shown = fields.CharField(max_length=8)  # the letters the worker chose, as shown to them
    choice = fields.CharField(max_length=8)  # the same in the bank's letters
    correct = fields.BooleanField()
    answered_at = fields.DatetimeField()

    class Meta:
        unique_together = (("attempt", "position"),)


class SpotTest(Model):
    """A random sample of a campaign's (or units') workers, stratified by unit and sized for
    `margin`, called to a short exam; results per unit with their interval."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="spot_tests"
    )
    enterprise_id: int
    exam: fields.OneToOneRelation[Exam] = fields.OneToOneField(
        "models.Exam", related_name="spot_test"
    )
    exam_id: int
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="spot_tests", null=True
    )
    campaign_id: int | None
    margin = fields.FloatField()
    line = fields.FloatField(default=0.9)  # the pass-rate line each unit is judged against
    seed = fields.CharField(max_length=64)
    requested_by = fields.CharField(max_length=64, default="")
    due_at = fields.DatetimeField()
    created_at = fields.DatetimeField()


class SpotTestStratum(Model):
    """One unit of a spot test: how many workers it had and how many were drawn."""

    id = fields.IntField(primary_key=True)
    spot_test: fields.ForeignKeyRelation[SpotTest] = fields.ForeignKeyField(
        "models.SpotTest", related_name="strata"
    )
    spot_test_id: int
    unit: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="spot_strata"
    )
    unit_id: int
    population = fields.IntField()
    drawn = fields.IntField()

    class Meta:
        unique_together = (("spot_test", "unit"),)
