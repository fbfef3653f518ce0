"""Campaign planning: who is enrolled, and the daily push materialised as outbox rows through
the contact policy (quiet hours, shifts, one nudge a day, the weekly cap)."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date
from typing import Any

from tortoise.exceptions import IntegrityError

from bot.campaigns.audience import pushable, resume_started
from bot.context import Services
from bot.delivery.channels import Notice, bound_workers
from bot.delivery.contact import Nudge, Outcome, enqueue_nudges
from bot.storage.models import Campaign, Enrollment, JobRun, Worker

log = logging.getLogger(__name__)


async def enroll(campaign: Campaign) -> int:
    """Enroll every active worker the campaign targets; idempotent, returns the new count."""
    targets = await Worker.filter(
        enterprise_id=campaign.enterprise_id, job_id=campaign.job_id, status="active"
    ).values_list("id", flat=True)
    known = set(await Enrollment.filter(campaign=campaign).values_list("worker_id", flat=True))
    new = [Enrollment(campaign=campaign, worker_id=w) for w in targets if w not in known]
    await Enrollment.bulk_create(new, ignore_conflicts=True)
    return len(new)


def push_key(campaign_id: int, worker_id: int, day: date) -> str:
    return f"push:{campaign_id}:{worker_id}:{day.isoformat()}"


async def _code(campaign: Campaign) -> str:
    await campaign.fetch_related("enterprise")
    return str(campaign.enterprise.code)


def campaign_notice(
    services: Services, campaign: Campaign, prefix: str, subscribe_hint: str, **extra: str
) -> dict[str, Any]:
    """The message about `campaign` for every channel, from copy keys `<prefix>text`,
    `<prefix>title` and `<prefix>hint` (push.daily_, nudge.reminder_, ...)."""
    copy = services.copy
    deadline = campaign.deadline.isoformat()
    facts = {"campaign": campaign.name, "deadline": deadline, **extra}
    return Notice(
        text=copy.t(f"{prefix}text", **facts),
        template={
            "first": copy.t(f"{prefix}title", **facts),
            "keyword1": campaign.name,
            "keyword2": deadline,
            "remark": copy.t(f"{prefix}hint", **facts),
        },
        subscribe={
            "campaign": campaign.name,
            "deadline": deadline,
            "hint": copy.t(subscribe_hint, **facts),
        },
    ).to_json()


async def running(campaign_id: int, day: date) -> Campaign | None:
    """The campaign if it is active and `day` is one of its days."""
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None or campaign.status != "active":
        return None
    if not campaign.start_date <= day <= campaign.deadline:
        return None
    return campaign


async def daily_push(services: Services, campaign_id: int, day: date) -> int:
    """Offer one daily push to each enrolled, unfinished, unpaused, bound worker for `day`
    through the contact policy (bot/delivery/contact.py); returns the rows written.

    Unique keys make a second firing of the same day, a restart or a catch-up write nothing new.
    """
    campaign = await running(campaign_id, day)
    if campaign is None:
        return 0
    await enroll(campaign)
    await resume_started(campaign)
    code = await _code(campaign)
    bound = await bound_workers(services, code, await pushable(campaign))
    notice = campaign_notice(services, campaign, "push.daily_", "push.subscribe_hint")
    nudges = [
        Nudge(
            worker_id=worker_id,
            key=push_key(campaign.id, worker_id, day),
            kind="daily_push",
            account=campaign.account,
            payload=notice,
            campaign_id=campaign.id,
            last_day=campaign.deadline,
        )
        for worker_id in bound
    ]
    outcome = await enqueue_nudges(services, code, nudges)
    created = len(outcome.written)
    await record_run(services, f"push:{campaign.id}:{day.isoformat()}", tally(outcome))
    log.info("campaign %s push for %s: %d new deliveries", campaign.id, day, created)
    return created


def tally(outcome: Outcome) -> dict[str, int]:
    """A run's figures for its JobRun row: rows written, and each outcome counted."""
    counts = Counter(outcome.by_worker.values())
    return {"new": len(outcome.written), **counts}


async def record_run(services: Services, key: str, result: dict[str, int]) -> None:
    try:
        await JobRun.create(key=key, ran_at=services.clock.now(), result=result)
    except IntegrityError:
        pass  # a later firing of the same period; its rows were deduplicated by key


async def has_run(key: str) -> bool:
    return await JobRun.filter(key=key).exists()
