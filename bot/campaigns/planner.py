"""Campaign planning: who is enrolled, and the daily push materialised as outbox rows through
the contact policy (quiet hours, shifts, one nudge a day, the weekly cap)."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date
from typing import Any, TypeVar

from tortoise.exceptions import IntegrityError

from bot.campaigns.audience import Member, loaded, members
from bot.campaigns.engagement import pushable, resume_started
from bot.campaigns.rules.audience import AudienceRule
from bot.context import Services
from bot.delivery.channels import Notice, bound_workers
from bot.delivery.contact import Nudge, Outcome, enqueue_nudges
from bot.learning.campaign_items import items_for
from bot.storage.models import Campaign, Department, Enrollment, Job, JobRun

log = logging.getLogger(__name__)
T = TypeVar("T")


async def audience_of(campaign: Campaign) -> AudienceRule:
    """The campaign's rule; a campaign from before rules existed targets its one job."""
    if campaign.audience:
        return loaded(campaign.audience)
    code = await Job.filter(id=campaign.job_id).first().values_list("code", flat=True)
    return AudienceRule(jobs=[str(code)])


async def reach(campaign: Campaign, today: date) -> list[Member]:
    """Everyone the campaign's audience reaches today, inside its owner's unit."""
    owner = await Department.get_or_none(id=campaign.owner_id) if campaign.owner_id else None
    return await members(campaign.enterprise_id, await audience_of(campaign), owner, today)


async def enroll(campaign: Campaign, today: date) -> int:
    """Bring the enrolment in line with the audience today: enrol who matches, withdraw who no
    longer does before completing (moved, left, excluded), take back who returns. Completed
    enrolments stay. Idempotent; returns how many were enrolled now. An event campaign's
    enrolments come from its rule's events only (bot/campaigns/triggers.py)."""
    if campaign.kind == "event":
        return 0
    found = await reach(campaign, today)
    able = await _able(campaign, {m.job for m in found})
    wanted = {m.worker_id for m in found if m.job in able}
    known = dict(await Enrollment.filter(campaign=campaign).values_list("worker_id", "status"))
    new = [Enrollment(campaign=campaign, worker_id=w) for w in wanted if w not in known]
    await Enrollment.bulk_create(new, ignore_conflicts=True)
    gone = [w for w, status in known.items() if status == "enrolled" and w not in wanted]
    back = [w for w, status in known.items() if status == "withdrawn" and w in wanted]
    for chunk in chunks(gone):
        await Enrollment.filter(campaign=campaign, worker_id__in=chunk, status="enrolled").update(
            status="withdrawn"
        )
    for chunk in chunks(back):
        await Enrollment.filter(campaign=campaign, worker_id__in=chunk, status="withdrawn").update(
            status="enrolled"
        )
    skipped = {m.job for m in found} - able
    if skipped:
        log.warning(
            "campaign %s: workers of %s match but have nothing to study; not enrolled",
            campaign.id,
            ", ".join(sorted(skipped)),
        )
    return len(new) + len(back)


async def _able(campaign: Campaign, jobs: set[str]) -> set[str]:
    """The jobs whose workers could complete the campaign: at least one card, and a quiz's
    worth of questions."""
    able = set()
    for job in jobs:
        items = await items_for(campaign, job)
        if items.cards and len(items.question_ids) >= campaign.questions_per_quiz:
            able.add(job)
    return able


def chunks(ids: list[T], size: int = 500) -> list[list[T]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def push_key(campaign_id: int, worker_id: int, day: date) -> str:
    return f"push:{campaign_id}:{worker_id}:{day.isoformat()}"


async def _code(campaign: Campaign) -> str:
    await campaign.fetch_related("enterprise")
    return str(campaign.enterprise.code)


def campaign_notice(
    services: Services,
    campaign: Campaign,
    prefix: str,
    subscribe_hint: str,
    due: date | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The message about `campaign` for every channel, from copy keys `<prefix>text`,
    `<prefix>title` and `<prefix>hint` (push.daily_, nudge.reminder_, ...)."""
    copy = services.copy
    deadline = (due or campaign.deadline).isoformat()  # an event enrolment's own due date
    facts = {"campaign": campaign.name, "deadline": deadline, **(extra or {})}
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


async def notices_for(
    services: Services, campaign: Campaign, worker_ids: list[int], prefix: str, hint: str
) -> dict[int, dict[str, Any]]:
    """Each worker's message about the campaign: an event enrolment's names its own due date,
    not the standing rule's end."""
    due: dict[int, date | None] = {}
    if campaign.kind == "event":
        for chunk in chunks(worker_ids):
            rows = await Enrollment.filter(campaign=campaign, worker_id__in=chunk).values_list(
                "worker_id", "due_on"
            )
            due |= {int(w): d for w, d in rows}
    by_due = {
        d: campaign_notice(services, campaign, prefix, hint, due=d)
        for d in set(due.values()) | {None}
    }
    return {w: by_due[due.get(w)] for w in worker_ids}


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
    await enroll(campaign, day)
    await resume_started(campaign)
    code = await _code(campaign)
    bound = await bound_workers(services, code, await pushable(campaign))
    notices = await notices_for(services, campaign, bound, "push.daily_", "push.subscribe_hint")
    nudges = [
        Nudge(
            worker_id=worker_id,
            key=push_key(campaign.id, worker_id, day),
            kind="daily_push",
            account=campaign.account,
            payload=notices[worker_id],
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
