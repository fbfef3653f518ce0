"""The live stand-in challenge: a worker whose risk is high (bot/people/standin.py) is asked, at
the start of their next session, for a photo of themselves at work, now; the photo goes to their
leader with the reasons, and the leader decides (bot/campaigns/verdicts.py). Also the
scheduler's part: photos overdue, leaders who have not decided, the nightly sweep.

Invariants: each step changes the challenge with a conditional update (from the state it
expects) and records it in the worker's history in the same transaction, so a retried message
or a second scheduler does nothing twice; the clock never confirms — a photo not sent in time
is reported to the leader, and a leader who does not decide is reminded, once.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from bot.campaigns.planner import has_run, record_run
from bot.context import Services
from bot.delivery.channels import AUTO, Notice
from bot.delivery.outbox import delivery, enqueue
from bot.people import standin
from bot.people.history import record
from bot.storage.models import Alert, Enterprise, StandinChallenge, Worker

log = logging.getLogger(__name__)


def render_reasons(services: Services, reasons: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for reason in reasons:
        key = f"standin.reason_{reason.get('code')}"
        if key in services.copy:
            facts = reason.get("facts")
            lines.append(f"{len(lines) + 1}. " + services.copy.t(key, **(facts or {})))
    return "\n".join(lines)


async def open_challenge(worker_id: int) -> StandinChallenge | None:
    return await StandinChallenge.get_or_none(open_for=worker_id)


async def record_step(
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
    challenge = await open_challenge(worker.id)
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
                await record_step(services, challenge, worker, "challenge_asked", source="chat")
        return services.copy.t("standin.prompt", minutes=minutes)
    assert challenge.deadline_at is not None
    if challenge.deadline_at <= now:
        await expire(services, challenge)
        return None
    left = max(1, int((challenge.deadline_at - now).total_seconds() // 60))
    return services.copy.t("standin.prompt", minutes=left)


async def take_photo(
    services: Services, worker: Worker, pic_url: str, media_id: str = "", data: bytes | None = None
) -> str:
    """The worker's photo (WeChat's PicUrl and MediaId in chat; the bytes and the link to our
    page showing them from the mini-program): to their leader with the reasons."""
    challenge = await open_challenge(worker.id)
    copy = services.copy
    if challenge is None or challenge.status == "armed":
        return copy.t("standin.photo_unexpected")
    if challenge.status == "submitted":
        return copy.t("standin.photo_already")
    if not pic_url.startswith(("http://", "https://")):
        return copy.t("standin.photo_unreadable")
    now = services.clock.now()
    leader = await standin.leader_of(worker)
    async with in_transaction():
        if not await StandinChallenge.filter(
            id=challenge.id, status__in=("asked", "expired")
        ).update(
            status="submitted",
            photo_at=now,
            photo_url=pic_url[:512],
            photo_media=media_id[:128],
            photo_data=data,
            leader_id=leader.id if leader else None,
        ):
            return copy.t("standin.photo_already")
        late = challenge.status == "expired"
        await record_step(services, challenge, worker, "challenge_photo", source="chat", late=late)
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
    await push_notice(services, key, "standin", leader, notice)


async def push_notice(services: Services, key: str, kind: str, to: Worker, notice: Notice) -> None:
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
        await record_step(services, challenge, worker, "challenge_expired")
        await _tell_leader(services, challenge, worker, await standin.leader_of(worker), "expired")
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
            await record_step(services, challenge, worker, "challenge_reminded")
            leader = await standin.leader_of(worker)
            await _tell_leader(services, challenge, worker, leader, "reminder")
        changed += 1
    return changed


async def nightly_sweep(services: Services, day: date) -> int:
    """Score every enterprise's active workers once for `day` (bot/people/standin.py: sweep);
    returns the challenges armed. A second run the same day does nothing."""
    armed = 0
    for enterprise in await Enterprise.all().order_by("id"):
        key = f"standin-sweep:{enterprise.id}:{day.isoformat()}"
        if await has_run(key):
            continue
        found = await standin.sweep(services, enterprise.id, day)
        await record_run(services, key, {"armed": found})
        armed += found
    return armed
