"""Who is studying: WeChat identities bound to workers, the ways up the ladder, its guards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .org import Worker


class Identity(Model):
    """One WeChat identity (account + openid) bound to one worker, with how it was verified."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="identities"
    )
    worker_id: int
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    method = fields.CharField(max_length=16)  # roster | inperson | phone | wecom | face
    level = fields.SmallIntField()
    bound_at = fields.DatetimeField()
    active = fields.BooleanField(default=True)
    # Channel state: an unfollow stops pushes at once; the last contact opens WeChat's 48-hour
    # customer-service window (kept to within CONTACT_RESOLUTION, see bot/people/identity.py).
    followed = fields.BooleanField(default=True)
    last_contact_at = fields.DatetimeField(null=True)

    class Meta:
        indexes = (("worker", "account"),)
        unique_together = (("account", "openid"),)


class BindCode(Model):
    """A one-time in-person binding code a supervisor issued for one worker; shown as a
    parametric QR code whose scan (a SCAN or subscribe-with-scene event) binds at level 2."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    account = fields.CharField(max_length=32)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="bind_codes"
    )
    worker_id: int
    issued_by: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="issued_bind_codes"
    )
    issued_by_id: int
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    used_by = fields.CharField(max_length=64, default="")  # the openid that redeemed it


class ApiSession(Model):
    """A mini-program login: anxun's own bearer token, stored only as a hash, for one (account,
    openid). WeChat's `session_key` stays here, encrypted, and is never sent to the client."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    session_key_enc = fields.TextField()
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)


class SubscribeGrant(Model):
    """Subscribe-message permissions one identity granted for one template: each acceptance of
    WeChat's prompt allows one message, so `remaining` counts acceptances not yet used."""

    id = fields.IntField(primary_key=True)
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="grants"
    )
    identity_id: int
    template_id = fields.CharField(max_length=64)
    remaining = fields.IntField(default=0)
    updated_at = fields.DatetimeField()

    class Meta:
        unique_together = (("identity", "template_id"),)


class BindGuard(Model):
    """Roster-binding failure counters per openid and per worker; a lock survives Redis loss."""

    id = fields.IntField(primary_key=True)
    subject = fields.CharField(max_length=128, unique=True)
    failures = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)


class DeviceSighting(Model):
    """A device and network the mini-program's client showed for a worker, kept as keyed hashes
    (never the address itself), at most once per worker, device, network and ten minutes."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="device_sightings"
    )
    worker_id: int
    device = fields.CharField(max_length=64)
    network = fields.CharField(max_length=64)
    seen_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "seen_at"),)
