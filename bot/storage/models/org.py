"""The workforce: enterprises, their organisation tree, jobs, workers and what happened to them."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Enterprise(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    created_at = fields.DatetimeField(auto_now_add=True)


class Department(Model):
    """A node of the enterprise tree (company, workshop, team); `path` lists ancestor ids."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="departments"
    )
    enterprise_id: int
    parent: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="children", null=True
    )
    parent_id: int | None
    code = fields.CharField(max_length=64)
    name = fields.CharField(max_length=128)
    level = fields.CharField(max_length=16)  # company | workshop | team
    path = fields.CharField(max_length=255, default="/")

    class Meta:
        unique_together = (("enterprise", "code"),)


class Job(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="jobs"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    name = fields.CharField(max_length=64)
    # other names files use for this job (瓦检员 for 瓦斯检查工); matched like the name
    aliases: list[str] = fields.JSONField(default=list)

    class Meta:
        unique_together = (("enterprise", "code"),)


class Worker(Model):
    """A roster entry. ID number and phone are encrypted; lookups go through keyed hashes."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="workers"
    )
    enterprise_id: int
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="workers"
    )
    department_id: int
    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="workers"
    )
    job_id: int
    employee_no = fields.CharField(max_length=32)
    name = fields.CharField(max_length=64)
    id_number_enc = fields.TextField()
    id_number_hash = fields.CharField(max_length=64, db_index=True)
    id_tail_hash = fields.CharField(max_length=64)
    phone_enc = fields.TextField(null=True)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    employment_type = fields.CharField(max_length=16, default="regular")
    hire_date = fields.DateField(null=True)
    status = fields.CharField(max_length=16, default="active")  # active | away | leave | left
    status_since = fields.DateField(null=True)  # when the status began: days away on return
    is_supervisor = fields.BooleanField(default=False)
    flags: list[str] = fields.JSONField(default=list)

    class Meta:
        indexes = (("enterprise", "name"), ("enterprise", "job", "status"))
        unique_together = (("enterprise", "employee_no"),)


class WorkerEvent(Model):
    """A worker's history, one row per thing that happened to them: workforce events from the
    roster (hired, job_changed, moved, left, returned, flagged) and decisions about them (bound,
    unbound, unlocked, challenge_*). Append-only; `key` makes each event recorded once however
    often it arrives (a re-import, a replay)."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="worker_events"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="events"
    )
    worker_id: int
    kind = fields.CharField(max_length=24)
    occurred_on = fields.DateField()  # the date it happened (a roster's date), not recorded_at
    data: dict[str, object] = fields.JSONField(default=dict)  # no plaintext personal data
    source = fields.CharField(max_length=16)  # import | admin | chat | system
    actor = fields.CharField(max_length=64, default="")  # who: admin scope, 工号, file name
    recorded_at = fields.DatetimeField()

    class Meta:
        indexes = (("enterprise", "kind", "occurred_on"), ("worker", "recorded_at"))


class WorkerShift(Model):
    """A worker's working hours, e.g. "08:00-16:00" or "22:00-06:00", when the roster knows it."""

    id = fields.IntField(primary_key=True)
    worker: fields.OneToOneRelation[Worker] = fields.OneToOneField(
        "models.Worker", related_name="shift"
    )
    worker_id: int
    hours = fields.CharField(max_length=16)
    updated_at = fields.DatetimeField()
