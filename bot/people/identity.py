"""Identity binding, levels 1–3: roster match (name + last six of the ID number), a
supervisor's in-person code, the WeChat-verified phone. Every binding goes through binding.py;
levels 4 (WeCom member) and 5 (face) are in wecom_member.py and face.py.

Six digits are guessable for someone who knows a worker's region and birth date, so failures
lock hard — per WeChat identity and per worker — and the lock lives in the database.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.people.binding import BindOutcome, bind_identity, bind_or_raise, raise_identity
from bot.people.rules.ladder import INPERSON, PHONE, ROSTER
from bot.people.supervision import team_member
from bot.storage.models import Alert, BindCode, BindGuard, Identity, Worker

ROSTER_LEVEL = ROSTER
INPERSON_LEVEL = INPERSON  # a supervisor's one-time QR code, scanned in front of them
BIND_CODE_TTL = timedelta(minutes=10)
BIND_SCENE = "bind:"  # QR scene prefix; WeChat adds "qrscene_" for a scan that follows
PHONE_LEVEL = PHONE  # the mini-program's WeChat-verified phone equals the roster phone
CONTACT_RESOLUTION = timedelta(minutes=10)  # last_contact_at is written at most this often
# Events WeChat sends on its own, not because the user did something: they open no window.
# (WeChat's window opens on messages, menu clicks, follows and scans; subscribe-notice prompts
# and settings are not among them.)
_NOT_CONTACT = frozenset(
    {
        "unsubscribe",
        "templatesendjobfinish",
        "subscribe_msg_sent_event",
        "subscribe_msg_popup_event",
        "subscribe_msg_change_event",
    }
)
_TAIL = re.compile(r"^\d{5}[\dXx]$")
__all__ = ["BindOutcome", "bind_by_phone", "bind_by_roster", "issue_bind_code", "redeem_bind_code"]


def parse_bind(text: str) -> tuple[str, str] | None:
    """ "绑定 张三 12345X" → ("张三", "12345X"); tolerant of full-width spaces and extra blanks."""
    parts = text.replace("\u3000", " ").split()
    if len(parts) != 3 or not _TAIL.match(parts[2]):
        return None
    return parts[1], parts[2].upper()


async def _guard(subject: str) -> BindGuard:
    guard, _ = await BindGuard.get_or_create(subject=subject)
    return guard


def _locked(services: Services, guard: BindGuard) -> bool:
    return guard.locked_until is not None and guard.locked_until > services.clock.now()


async def _fail(services: Services, subject: str, limit: int) -> BindGuard:
    guard = await _guard(subject)
    await BindGuard.filter(id=guard.id).update(failures=F("failures") + 1)
    await guard.refresh_from_db()
    if guard.failures >= limit and not _locked(services, guard):
        guard.locked_until = services.clock.now() + timedelta(hours=services.config.bind.lock_hours)
        await guard.save(update_fields=["locked_until"])
    return guard


async def bind_by_roster(
    services: Services, enterprise_code: str, account: str, openid: str, name: str, tail: str
) -> BindOutcome:
    cfg = services.config.bind
    existing = await Identity.get_or_none(
        account=account, openid=openid, active=True
    ).select_related("worker")
    if existing is not None:
        return BindOutcome("already", existing.worker)
    openid_subject = f"openid:{account}:{openid}"
    if _locked(services, await _guard(openid_subject)):
        return BindOutcome("locked")

    candidates = await Worker.filter(
        enterprise__code=enterprise_code, name=name, status="active"
    ).select_related("job", "department")
    wanted = services.privacy.tail_hash(name, tail)
    match = next((w for w in candidates if services.privacy.matches(w.id_tail_hash, wanted)), None)

    if match is None:
        guard = await _fail(services, openid_subject, cfg.max_failures)
        for worker in candidates:  # someone may be guessing this worker's number
            wguard = await _fail(services, f"worker:{worker.id}", cfg.worker_max_failures)
            if _locked(services, wguard):
                await _raise_guessing_alert(services, worker, wguard)
        if _locked(services, guard):
            return BindOutcome("locked")
        return BindOutcome("mismatch", left=cfg.max_failures - guard.failures)

    if _locked(services, await _guard(f"worker:{match.id}")):
        return BindOutcome("locked")
    try:
        async with in_transaction():
            outcome = await bind_identity(services, match, account, openid, "roster", ROSTER_LEVEL)
    except IntegrityError:
        return BindOutcome("already", match)
    if outcome.status != "ok":
        return outcome
    await BindGuard.filter(subject=openid_subject).update(failures=0, locked_until=None)
    return BindOutcome("ok", match)


async def bind_by_phone(
    services: Services, enterprise_code: str, account: str, openid: str, phone: str
) -> BindOutcome:
    """Level 3: WeChat vouches for the phone number, the roster says whose it is. An identity
    already bound to that worker (by roster match) is raised to this level; one bound to
    someone else is left alone."""
    match = (
        await Worker.filter(
            enterprise__code=enterprise_code,
            phone_hash=services.privacy.blind(phone),
            status="active",
        )
        .select_related("job", "department")
        .first()
    )
    if match is None:
        return BindOutcome("no_match")
    return await bind_or_raise(services, match, account, openid, "phone", PHONE_LEVEL)


async def issue_bind_code(
    services: Services, account: str, supervisor: Worker, employee_no: str
) -> tuple[str, Worker | None, str]:
    """A supervisor asks for a one-time code for a worker of their own department (or below);
    returns (status, worker, code) with status ok | not_supervisor | unknown_worker |
    not_in_team."""
    status, target = await team_member(supervisor, employee_no, active_only=True)
    if status != "ok" or target is None:
        return status, target, ""
    now = services.clock.now()
    code = secrets.token_urlsafe(12)
    await BindCode.create(
        code=code,
        account=account,
        worker=target,
        issued_by=supervisor,
        created_at=now,
        expires_at=now + BIND_CODE_TTL,
    )
    return "ok", target, code


async def redeem_bind_code(services: Services, account: str, openid: str, code: str) -> BindOutcome:
    """Level 2: the scanned code vouches that the supervisor saw this worker hold this phone.
    It raises an identity already bound to the worker, and replaces the worker's old identity
    on this account (a new phone is the usual reason to come to the supervisor)."""
    now = services.clock.now()
    async with in_transaction():
        issued = await BindCode.get_or_none(code=code, account=account).select_related(
            "worker__job", "worker__department", "issued_by"
        )
        if issued is None:
            return BindOutcome("code_invalid")
        worker = issued.worker
        if issued.used_at is not None:
            return BindOutcome("already" if issued.used_by == openid else "code_used", worker)
        if issued.expires_at < now:
            return BindOutcome("code_expired", worker)
        existing = await Identity.get_or_none(account=account, openid=openid, active=True)
        if existing is not None and existing.worker_id != worker.id:
            return BindOutcome("conflict", worker)
        if not await BindCode.filter(id=issued.id, used_at=None).update(
            used_at=now, used_by=openid
        ):
            return BindOutcome("code_used", worker)
        leader = issued.issued_by
        if existing is not None:
            await raise_identity(
                services, existing, worker, "inperson", INPERSON_LEVEL, actor=leader.employee_no
            )
            return BindOutcome("ok", worker)
        return await bind_identity(
            services,
            worker,
            account,
            openid,
            "inperson",
            INPERSON_LEVEL,
            actor=leader.employee_no,
            replace=True,
        )


async def _raise_guessing_alert(services: Services, worker: Worker, guard: BindGuard) -> None:
    """One Alert per lock (keyed by when it ends); bot/campaigns/alerts.py forward_locks sends
    it to the worker's leader(s)."""
    assert guard.locked_until is not None
    until = guard.locked_until
    await Alert.get_or_create(
        key=f"bind-guessing:{worker.id}:{int(until.timestamp())}",
        defaults={
            "kind": "bind_guessing",
            "enterprise_id": worker.enterprise_id,
            "summary": f"roster binding for worker {worker.id} locked after repeated failures",
            "data": {"worker_id": worker.id, "locked_until": until.isoformat()},
            "created_at": services.clock.now(),
        },
    )


async def note_contact(services: Services, identity: Identity, event: str) -> None:
    """Keep the identity's channel state: following or not, and when they last reached out.

    Any user action proves they follow (an official account only hears from its followers) and
    opens WeChat's 48-hour customer-service window. Written only when it changes by more than
    CONTACT_RESOLUTION, so a quiz of twenty answers costs one write, not twenty.
    """
    if event == "unsubscribe":
        if identity.followed:
            await Identity.filter(id=identity.id).update(followed=False)
            identity.followed = False
        return
    if event in _NOT_CONTACT:
        return
    now = services.clock.now()
    last = identity.last_contact_at
    if identity.followed and last is not None and now - last < CONTACT_RESOLUTION:
        return
    await Identity.filter(id=identity.id).update(followed=True, last_contact_at=now)
    identity.followed, identity.last_contact_at = True, now
