"""Campaign planning: who is enrolled, and the daily push materialised as outbox rows."""

from __future__ import annotations

import logging
from datetime import date

from tortoise.exceptions import IntegrityError

from bot.context import Services
from bot.delivery.channels import AUTO, Notice, bound_workers
from bot.delivery.outbox import delivery, enqueue
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


async def daily_push(services: Services, campaign_id: int, day: date) -> int:
    """Write one outbox row per enrolled, unfinished, bound worker for `day`; returns new rows.

    Unique keys make a second firing of the same day, a restart or a catch-up write nothing new.
    """
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None or campaign.status != "active":
        return 0
    if not campaign.start_date <= day <= campaign.deadline:
        return 0
    await enroll(campaign)
    pending: list[int] = await Enrollment.filter(  # type: ignore[assignment]
        campaign=campaign, status="enrolled"
    ).values_list("worker_id", flat=True)
    bound = await bound_workers(services, await _code(campaign), pending)
    copy = services.copy
    deadline = campaign.deadline.isoformat()
    notice = Notice(
        text=copy.t("push.daily_text", campaign=campaign.name, deadline=deadline),
        template={
            "first": copy.t("push.daily_title"),
            "keyword1": campaign.name,
            "keyword2": deadline,
            "remark": copy.t("push.daily_hint"),
        },
        subscribe={
            "campaign": campaign.name,
            "deadline": deadline,
            "hint": copy.t("push.subscribe_hint"),
        },
    ).to_json()
    rows = [
        delivery(
            services,
            key=push_key(campaign.id, worker_id, day),
            kind="daily_push",
            account=campaign.account,
            openid="",
            channel=AUTO,
            campaign=campaign,
            worker_id=worker_id,
            payload=notice,
        )
        for worker_id in bound
    ]
    created = await enqueue(services, rows)
    await record_run(services, f"push:{campaign.id}:{day.isoformat()}", {"new": created})
    log.info("campaign %s push for %s: %d new deliveries", campaign.id, day, created)
    return created


async def record_run(services: Services, key: str, result: dict[str, int]) -> None:
    try:
        await JobRun.create(key=key, ran_at=services.clock.now(), result=result)
    except IntegrityError:
        pass  # a later firing of the same period; its rows were deduplicated by key


async def has_run(key: str) -> bool:
    return await JobRun.filter(key=key).exists()
