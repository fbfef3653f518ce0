"""The handbook and the question bank, every version of each item kept as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Enterprise


class Card(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="cards"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    title = fields.CharField(max_length=64)
    body = fields.TextField()
    topic = fields.CharField(max_length=64)
    risk = fields.CharField(max_length=16, default="normal")
    source = fields.CharField(max_length=255)
    # each {"regulation", "edition"} the text was checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    content_hash = fields.CharField(max_length=64)

    class Meta:
        unique_together = (("enterprise", "code"),)


class Question(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="questions"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    qtype = fields.CharField(max_length=8)  # single | multi | judge
    stem = fields.TextField()
    options: dict[str, str] = fields.JSONField()  # {"A": "...", "B": "..."}
    answer = fields.CharField(max_length=8)  # letters in order, e.g. "B" or "ACD"
    explanation = fields.TextField()
    topic = fields.CharField(max_length=64)
    difficulty = fields.SmallIntField(default=1)
    source = fields.CharField(max_length=255)
    image = fields.CharField(max_length=255, default="")  # an optional picture (URL)
    # each {"regulation", "edition"} the text was checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    content_hash = fields.CharField(max_length=64)

    class Meta:
        unique_together = (("enterprise", "code"),)


class CardVersion(Model):
    """Every version a card has had, as it was: reads point at (card, version)."""

    id = fields.IntField(primary_key=True)
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="versions"
    )
    card_id: int
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    title = fields.CharField(max_length=64)
    body = fields.TextField()
    topic = fields.CharField(max_length=64)
    risk = fields.CharField(max_length=16)
    source = fields.CharField(max_length=255)
    # every {"regulation", "edition"} this text was ever checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("card", "version"),)


class QuestionVersion(Model):
    """Every version a question has had, as it was: answers point at (question, version)."""

    id = fields.IntField(primary_key=True)
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="versions"
    )
    question_id: int
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    qtype = fields.CharField(max_length=8)
    stem = fields.TextField()
    options: dict[str, str] = fields.JSONField()
    answer = fields.CharField(max_length=8)
    explanation = fields.TextField()
    topic = fields.CharField(max_length=64)
    difficulty = fields.SmallIntField(default=1)
    source = fields.CharField(max_length=255)
    image = fields.CharField(max_length=255, default="")  # an optional picture (URL)
    # every {"regulation", "edition"} this text was ever checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("question", "version"),)
