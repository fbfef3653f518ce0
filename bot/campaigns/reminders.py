"""Reminders: a worker invited to a campaign who has not started by its `remind_at` gets a
reminder, at most one a day, through the contact policy; after `pause_after` reminders ignored
the worker is paused (no push, no reminder of that campaign) and listed for their leader.

Invariant: `reminders_sent` counts exactly the reminder rows written — both change in one
transaction — and a day's run is keyed per worker, so a double fire, a restart or a catch-up
neither reminds twice nor miscounts. A paused worker who starts is resumed at the next run.
"""

from __future__ import annotations

import logging
from datetime import date

from tortoise.expressions import F

from bot.campaigns.engagement import late, resume_started
from bot.campaigns.planner import notices_for, record_run, running, tally
from bot.context import Services
from bot.delivery.channels import bound_workers
from bot.delivery.contact import Nudge, Outcome, enqueue_nudges
from bot.storage.models import Enrollment

log = logging.getLogger(__name__)


def remind_key(campaign_id: int, worker_id: int, day: date) -> str:
    return f"remind:{campaign_id}:{worker_id}:{day.isoformat()}"


async def remind(services: Services, campaign_id: int, day: date) -> int:
    """The reminder run of `day` for a campaign with `remind_at`; returns the rows written."""
    campaign = await running(campaign_id, day)
    if campaign is None or not campaign.remind_at:
        return 0
    await campaign.fetch_related("enterprise")
    code = str(campaign.enterprise.code)
    await resume_started(campaign)
    pause_after = services.config.contact.rules(code).pause_after
    due = await late(campaign)
    ignored = [w for w, sent in due if sent >= pause_after]
    if ignored:
        await Enrollment.filter(
            campaign=campaign, worker_id__in=ignored, paused_at__isnull=True
        ).update(paused_at=services.clock.now())
        log.info("campaign %s: %d paused after ignored reminders", campaign.id, len(ignored))
    candidates = [w for w, sent in due if sent < pause_after]
    bound = await bound_workers(services, code, candidates)
    notices = await notices_for(
        services, campaign, bound, "nudge.reminder_", "nudge.reminder_subscribe"
    )
    nudges = [
        Nudge(
            worker_id=worker_id,
            key=remind_key(campaign.id, worker_id, day),
            kind="reminder",
            account=campaign.account,
            payload=notices[worker_id],
            campaign_id=campaign.id,
            last_day=campaign.deadline,
        )
        for worker_id in bound
    ]

    async def count(outcome: Outcome) -> None:
        if outcome.written:
            await Enrollment.filter(campaign=campaign, worker_id__in=outcome.written).update(
                reminders_sent=F("reminders_sent") + 1
            )

    outcome = await enqueue_nudges(services, code, nudges, after=count)
    figures = {**tally(outcome), "paused": len(ignored)}
    await record_run(services, f"remind:{campaign.id}:{day.isoformat()}", figures)
    return len(outcome.written)
