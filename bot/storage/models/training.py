"""Campaigns and what workers did in them: enrolments, reads, quizzes, answers, event rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .content import Card, Question
    from .identity import Identity
    from .org import Department, Enterprise, Job, Worker


class Campaign(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="campaigns"
    )
    enterprise_id: int
    name = fields.CharField(max_length=128)
    # the job a one-job campaign was made for (shown, and the audience's job when none given);
    # a campaign's audience is its `audience` rule (bot/campaigns/audience.py)
    job: fields.ForeignKeyNullableRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="campaigns", null=True
    )
    job_id: int | None
    account = fields.CharField(max_length=32)
    push_time = fields.CharField(max_length=5)  # "HH:MM" in the scheduler timezone
    start_date = fields.DateField()
    deadline = fields.DateField()
    # alerts go to each unit's own leaders; this one only when a unit has none up its tree
    supervisor: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="supervised_campaigns", null=True
    )
    supervisor_id: int | None
    alert_threshold = fields.FloatField()  # team completion ratio that triggers the alert
    questions_per_quiz = fields.SmallIntField(default=3)
    quiz_pass_ratio = fields.FloatField(default=0.6)
    quiz_passes_required = fields.SmallIntField(default=1)
    min_identity_level = fields.SmallIntField(default=1)
    status = fields.CharField(max_length=16, default="active")
    cards: fields.ManyToManyRelation[Card] = fields.ManyToManyField(
        "models.Card", related_name="campaigns", through="campaign_card"
    )
    questions: fields.ManyToManyRelation[Question] = fields.ManyToManyField(
        "models.Question", related_name="campaigns", through="campaign_question"
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    # --- targeting (issue 13) ---
    audience: dict[str, object] = fields.JSONField(default=dict)  # the rule, as resolved
    owner: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="campaigns", null=True
    )  # the unit that runs it (NULL: the enterprise); its audience stays inside
    owner_id: int | None
    # how each worker's items are chosen: {"mode": "job" | "selected", "topics": [...],
    # "shared_cards": [ids], "shared_questions": [ids]} (bot/learning/campaign_items.py)
    content: dict[str, object] = fields.JSONField(default=dict)
    kind = fields.CharField(max_length=16, default="manual")  # manual | event
    rule = fields.CharField(max_length=32, default="")  # the event rule of an event campaign
    # an event campaign's settings: days to complete, gate, window… (bot/campaigns/triggers.py)
    trigger: dict[str, object] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(null=True)
    # --- digest (issue 13): escalation (bot/campaigns/escalation.py) ---
    escalate_days = fields.SmallIntField(default=3)  # teams still behind this many days out
    # --- reminders (issue 13, nudge) ---
    remind_at = fields.CharField(max_length=5, null=True)  # "HH:MM": remind who has not started


class Enrollment(Model):
    id = fields.IntField(primary_key=True)
    campaign: fields.ForeignKeyRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="enrollments"
    )
    campaign_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="enrollments"
    )
    worker_id: int
    # enrolled | complete | withdrawn (no longer in the audience before completing)
    status = fields.CharField(max_length=16, default="enrolled")
    completed_at = fields.DatetimeField(null=True)
    completed_identity_level = fields.SmallIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # --- targeting (issue 13) ---
    due_on = fields.DateField(null=True)  # a personal deadline (event campaigns)
    since = fields.DatetimeField(null=True)  # activity counts from here (a re-opened retraining)
    source = fields.CharField(max_length=16, default="audience")  # audience | event
    # an event enrolment's own topics (a 三违's violated topic); empty: the campaign's items
    topics: list[str] = fields.JSONField(default=list)
    paused_at = fields.DatetimeField(null=True)  # stopped nudging after ignored reminders
    reminders_sent = fields.SmallIntField(default=0)

    class Meta:
        indexes = (("worker", "status"),)
        unique_together = (("campaign", "worker"),)


class CardRead(Model):
    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="card_reads"
    )
    worker_id: int
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="reads"
    )
    card_id: int
    card_version = fields.IntField()
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="card_reads", null=True
    )
    campaign_id: int | None
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="card_reads"
    )
    identity_id: int
    identity_level = fields.SmallIntField()
    read_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "card"),)


class QuizSession(Model):
    """One chat quiz: its questions in order, how far the worker is, and the score."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="quiz_sessions"
    )
    worker_id: int
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="quiz_sessions", null=True
    )
    campaign_id: int | None
    question_ids: list[int] = fields.JSONField()
    # per question, the bank's letters in the order shown (bot/learning/rules/shuffle.py)
    orders: list[str] = fields.JSONField(default=list)
    # per question, as the quiz started: {"critical": bool, "memory": {...} | null}, so an answer
    # writes the memory back in one statement (bot/learning/memory.py)
    known: list[dict[str, object]] = fields.JSONField(default=list)
    position = fields.SmallIntField(default=0)
    correct = fields.SmallIntField(default=0)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    # the mini-program submit's request id: a repeat of it gets the quiz's result again
    request_id = fields.CharField(max_length=64, null=True)

    class Meta:
        indexes = (("worker", "finished_at"),)


class Answer(Model):
    id = fields.IntField(primary_key=True)
    session: fields.ForeignKeyRelation[QuizSession] = fields.ForeignKeyField(
        "models.QuizSession", related_name="answers"
    )
    session_id: int
    position = fields.SmallIntField()
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="answers"
    )
    worker_id: int
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="answers"
    )
    question_id: int
    question_version = fields.IntField()
    choice = fields.CharField(max_length=8)  # in the bank's letters
    shown = fields.CharField(max_length=8, default="")  # the same, as shown to the worker
    correct = fields.BooleanField()
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="answers"
    )
    identity_id: int
    identity_level = fields.SmallIntField()
    answered_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "question"),)
        unique_together = (("session", "position"),)


class RuleFiring(Model):
    """One event rule applied to one workforce event: `key` (rule and event) makes each fire once,
    whether the event arrives by import, admin call or a replay after a restart."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=200, unique=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="rule_firings"
    )
    enterprise_id: int
    rule = fields.CharField(max_length=32)
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="firings", null=True
    )
    campaign_id: int | None
    worker: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="rule_firings", null=True
    )
    worker_id: int | None
    outcome = fields.CharField(max_length=16)  # enrolled | reopened | skipped
    detail: dict[str, object] = fields.JSONField(default=dict)
    fired_at = fields.DatetimeField()


class LeaderDigest(Model):
    """A leader's daily digest: the time they chose (empty: the configured default), whether
    they want it, and what the last one said (a digest of its facts) and on which day, so
    nothing is sent twice a day or when nothing changed."""

    id = fields.IntField(primary_key=True)
    worker: fields.OneToOneRelation[Worker] = fields.OneToOneField(
        "models.Worker", related_name="digest"
    )
    worker_id: int
    send_at = fields.CharField(max_length=5, default="")  # "HH:MM"; "" = [digest] time
    enabled = fields.BooleanField(default=True)
    last_day = fields.DateField(null=True)  # the last day a digest was decided (sent or not)
    last_facts = fields.CharField(max_length=64, default="")  # hash of the last one sent
    updated_at = fields.DatetimeField()
