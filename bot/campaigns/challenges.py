"""The live stand-in challenge: a worker whose risk is high (bot/people/standin.py) is asked, at
the start of their next session, for a photo of themselves at work, now; the photo goes to their
leader with the reasons; the leader confirms or rejects in chat.

Confirmed, the worker's completions held while it was open are made; rejected, nothing from
`since` to the decision counts (bot/learning/training.py leaves that window out) and a completion
made in it is taken back: the worker re-reads the cards and passes the quiz again, themselves.

Invariants: each step changes the challenge with a conditional update (from the state it
expects) and records it in the worker's history in the same transaction, so a retried message
or a second scheduler does nothing twice; the clock never confirms — a photo not sent in time
is reported to the leader, and a leader who does not decide is reminded, once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from bot.campaigns.alerts import on_completion
from bot.context import Services
from bot.delivery.channels import AUTO, Notice
from bot.delivery.outbox import delivery, enqueue
from bot.learning import training
from bot.people.history import record
from bot.people.standin import leader_of, may_decide
from bot.storage.models import (
    Alert,
    Campaign,
    Enrollment,
    Identity,
    StandinChallenge,
    Worker,
)

log = logging.getLogger(__name__)


def render_reasons(services: Services, reasons: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for reason in reasons:
        key = f"standin.reason_{reason.get('code')}"
        if key in services.copy:
            facts = reason.get("facts")
            lines.append(f"{len(lines) + 1}. " + services.copy.t(key, **(facts or {})))
    return "\n".join(lines)


async def _open(worker_id: int) -> StandinChallenge | None:
    return await StandinChallenge.get_or_none(open_for=worker_id)


async def _step(
    services: Services, challenge: StandinChallenge, worker: Worker, kind: str, **data: Any
) -> None:
    """Record a step in the worker's history (call inside the step's transaction)."""
    await record(
        services,
        worker,
        kind,
        source=data.pop("source", "system"),
        actor=data.pop("actor", ""),
        data={"challenge": challenge.id, **data},
        key=f"challenge:{challenge.id}:{kind.removeprefix('challenge_')}",
    )


async def ask(services: Services, worker: Worker) -> str | None:
    """At the start of a session: the challenge's prompt while a photo is wanted, else None."""
    challenge = await _open(worker.id)
    if challenge is None or challenge.status not in ("armed", "asked"):
        return None
    now = services.clock.now()
    minutes = services.config.standin.photo_minutes
    if challenge.status == "armed":
        async with in_transaction():
            deadline = now + timedelta(minutes=minutes)
            if await StandinChallenge.filter(id=challenge.id, status="armed").update(
                status="asked", asked_at=now, deadline_at=deadline
            ):
                await _step(services, challenge, worker, "challenge_asked", source="chat")
        return services.copy.t("standin.prompt", minutes=minutes)
    assert challenge.deadline_at is not None
    if challenge.deadline_at <= now:
        await expire(services, challenge)
        return None
    left = max(1, int((challenge.deadline_at - now).total_seconds() // 60))
    return services.copy.t("standin.prompt", minutes=left)


async def take_photo(services: Services, worker: Worker, pic_url: str, media_id: str) -> str:
    """The worker's photo: to their leader with the reasons; the challenge waits for them."""
    challenge = await _open(worker.id)
    copy = services.copy
    if challenge is None or challenge.status == "armed":
        return copy.t("standin.photo_unexpected")
    if challenge.status == "submitted":
        return copy.t("standin.photo_already")
    if not pic_url.startswith(("http://", "https://")):
        return copy.t("standin.photo_unreadable")
    now = services.clock.now()
    leader = await leader_of(worker)
    async with in_transaction():
        if not await StandinChallenge.filter(
            id=challenge.id, status__in=("asked", "expired")
        ).update(
            status="submitted",
            photo_at=now,
            photo_url=pic_url[:512],
            photo_media=media_id[:128],
            leader_id=leader.id if leader else None,
        ):
            return copy.t("standin.photo_already")
        late = challenge.status == "expired"
        await _step(services, challenge, worker, "challenge_photo", source="chat", late=late)
        await _tell_leader(services, challenge, worker, leader, "photo", link=pic_url)
    return copy.t("standin.photo_received")


async def _tell_leader(
    services: Services,
    challenge: StandinChallenge,
    worker: Worker,
    leader: Worker | None,
    step: str,
    link: str = "",
) -> None:
    """One message to the leader about this step, through the channel that reaches them, and
    an Alert row for the dashboard (the only trace when the worker has no leader)."""
    await worker.fetch_related("department")
    copy = services.copy
    names = {"name": worker.name, "employee_no": worker.employee_no, "team": worker.department.name}
    text = copy.t(
        f"standin.leader_{step}",
        **names,
        score=round(challenge.score * 100),
        reasons=render_reasons(services, challenge.reasons),
        minutes=services.config.standin.photo_minutes,
        hours=services.config.standin.decision_hours,
    )
    title = copy.t(f"standin.leader_title_{step}", **names)
    key = f"standin:{challenge.id}:{step}"
    await Alert.get_or_create(
        key=key,
        defaults={
            "kind": f"standin_{step}",
            "supervisor_id": leader.id if leader else None,
            "enterprise_id": worker.enterprise_id,
            "summary": text,
            "data": {"challenge": challenge.id, "worker_id": worker.id},
            "created_at": services.clock.now(),
        },
    )
    if leader is None:
        log.warning(
            "stand-in challenge %s: worker %s has no leader to ask", challenge.id, worker.id
        )
        return
    notice = Notice(
        text=text,
        template={"first": title, "keyword1": copy.t("standin.template_task"),
                  "keyword2": services.clock.today().isoformat(),
                  "remark": copy.t("standin.template_remark", employee_no=worker.employee_no)},
        subscribe={"campaign": copy.t("standin.template_task"),
                   "deadline": services.clock.today().isoformat(),
                   "hint": copy.t("standin.subscribe_hint")},
        link=link,
        title=title,
    )  # fmt: skip
    await _push(services, key, "standin", leader, notice)


async def _push(services: Services, key: str, kind: str, to: Worker, notice: Notice) -> None:
    await to.fetch_related("enterprise")
    account = next(
        (a.name for a in services.config.accounts if a.enterprise == to.enterprise.code), ""
    )
    row = delivery(
        services,
        key=key,
        kind=kind,
        account=account,
        openid="",
        channel=AUTO,
        payload=notice.to_json(),
        worker_id=to.id,
    )
    await enqueue(services, [row])


async def expire(services: Services, challenge: StandinChallenge) -> bool:
    """A photo not sent in time: reported to the leader, who decides; never confirmed."""
    worker = await Worker.get(id=challenge.worker_id)
    async with in_transaction():
        if not await StandinChallenge.filter(id=challenge.id, status="asked").update(
            status="expired"
        ):
            return False
        await _step(services, challenge, worker, "challenge_expired")
        await _tell_leader(services, challenge, worker, await leader_of(worker), "expired")
    return True


async def expire_due(services: Services) -> int:
    """The scheduler's tick: expire challenges whose photo is overdue, remind leaders who have
    not decided within `decision_hours`. Returns how many changed."""
    now = services.clock.now()
    changed = 0
    for challenge in await StandinChallenge.filter(status="asked", deadline_at__lt=now):
        changed += await expire(services, challenge)
    waited = now - timedelta(hours=services.config.standin.decision_hours)
    overdue = await StandinChallenge.filter(
        status__in=("submitted", "expired"), reminded_at=None, asked_at__lt=waited
    )
    for challenge in overdue:
        worker = await Worker.get(id=challenge.worker_id)
        async with in_transaction():
            if not await StandinChallenge.filter(id=challenge.id, reminded_at=None).update(
                reminded_at=now
            ):
                continue
            await _step(services, challenge, worker, "challenge_reminded")
            leader = await leader_of(worker)
            await _tell_leader(services, challenge, worker, leader, "reminder")
        changed += 1
    return changed


async def decide(services: Services, leader: Worker, employee_no: str, verdict: str) -> str:
    """确认/驳回 工号 from a leader (their own subtree only); returns the reply to them."""
    copy = services.copy
    worker = await Worker.get_or_none(
        enterprise_id=leader.enterprise_id, employee_no=employee_no.upper(), status="active"
    )
    if worker is None:
        return copy.t("standin.decide_unknown", employee_no=employee_no)
    names = {"name": worker.name, "employee_no": worker.employee_no}
    allowed = await may_decide(leader, worker)
    if allowed != "ok":
        return copy.t(f"standin.decide_{allowed}", **names)
    challenge = await _open(worker.id)
    if challenge is None:
        return copy.t("standin.decide_nothing", **names)
    now = services.clock.now()
    since = challenge.since.astimezone(services.clock.tz).strftime("%m-%d %H:%M")
    done: list[Enrollment] = []
    async with in_transaction():
        if not await StandinChallenge.filter(id=challenge.id, open_for=worker.id).update(
            status=verdict, open_for=None, decided_at=now, decided_by=leader.employee_no
        ):
            return copy.t("standin.decide_nothing", **names)
        if verdict == "confirmed":
            done = await _complete_held(services, worker)
            undone: list[int] = []
        else:
            undone = await _take_back(worker, challenge.since)
        await _step(
            services,
            challenge,
            worker,
            f"challenge_{verdict}",
            source="chat",
            actor=leader.employee_no,
            was=challenge.status,
            completed=[e.campaign_id for e in done],
            taken_back=undone,
        )
        notice_text = copy.t(f"standin.worker_{verdict}", since=since)
        notice = Notice(
            text=notice_text,
            template={"first": notice_text, "keyword1": copy.t("standin.template_task"),
                      "keyword2": services.clock.today().isoformat(), "remark": ""},
            subscribe={"campaign": copy.t("standin.template_task"),
                       "deadline": services.clock.today().isoformat(),
                       "hint": copy.t("standin.subscribe_hint_worker")},
        )  # fmt: skip
        await _push(services, f"standin:{challenge.id}:decided", "standin", worker, notice)
    for enrollment in done:
        await on_completion(services, enrollment)
    return copy.t(f"standin.decided_{verdict}", **names, since=since)


async def _complete_held(services: Services, worker: Worker) -> list[Enrollment]:
    """Make the completions the challenge held back (call once it is closed)."""
    identity = (
        await Identity.filter(worker_id=worker.id, active=True).order_by("-level", "id").first()
    )
    if identity is None:
        return []
    done = []
    today = services.clock.today()
    for enrollment in await Enrollment.filter(
        worker_id=worker.id,
        status="enrolled",
        campaign__status="active",
        campaign__deadline__gte=today,
    ).select_related("campaign"):
        completed = await training.check_completion(services, identity, enrollment.campaign)
        if completed is not None:
            done.append(completed)
    return done


async def _take_back(worker: Worker, since: datetime) -> list[int]:
    """Completions made from the rejected window no longer stand; returns their campaigns."""
    undone = []
    for enrollment in await Enrollment.filter(
        worker_id=worker.id, status="complete", completed_at__gte=since
    ):
        campaign = await Campaign.get(id=enrollment.campaign_id)
        p = await training.progress(worker.id, campaign)
        if not p.rule.is_complete(p.cards_read, p.quiz_passes):
            await Enrollment.filter(id=enrollment.id).update(
                status="enrolled", completed_at=None, completed_identity_level=None
            )
            undone.append(enrollment.campaign_id)
    return undone
