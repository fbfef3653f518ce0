"""A running campaign's life after launch: its detail, the list, changes, pause, resume, cancel.

Status moves active ⇄ paused → cancelled (and active → cancelled); a paused or cancelled campaign
pushes nothing: the scheduler only fires active ones, and the pushes it already queued and not yet
sent are withdrawn (status "cancelled") in the same transaction as the change.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field
from tortoise.transactions import in_transaction

from bot.campaigns.audience import in_words, resolve, stored
from bot.campaigns.planner import audience_of, enroll
from bot.campaigns.rules.audience import AudienceRule
from bot.campaigns.spec import HHMM, check_level
from bot.context import Services
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.models import Campaign, Delivery, Department, Enrollment, Enterprise, Worker

NUDGES = ("daily_push", "reminder")  # what a paused campaign must not send
MOVES = {"pause": ("active", "paused"), "resume": ("paused", "active")}
MOVES |= {"cancel": ("active", "cancelled"), "cancel-paused": ("paused", "cancelled")}


class CampaignChange(BaseModel):
    """What may change after launch. The content stays as launched (what people already read
    keeps its meaning): for other content, launch another campaign."""

    name: str | None = Field(None, min_length=1, max_length=128)
    push_time: HHMM | None = None
    remind_at: HHMM | None = None
    deadline: date | None = None
    alert_threshold: float | None = Field(None, gt=0, le=1)
    audience: AudienceRule | None = None
    supervisor: str | None = None
    quiz_pass_ratio: float | None = Field(None, gt=0, le=1)
    quiz_passes_required: int | None = Field(None, ge=0, le=50)
    min_identity_level: int | None = Field(None, ge=1, le=5)


async def detail(services: Services, campaign: Campaign) -> dict:
    """The campaign as the admin API shows it: settings, its audience in words, and counts."""
    await campaign.fetch_related("enterprise")
    counts = dict.fromkeys(("enrolled", "complete", "withdrawn"), 0)
    for status in await Enrollment.filter(campaign=campaign).values_list("status", flat=True):
        counts[str(status)] = counts.get(str(status), 0) + 1
    rule = await audience_of(campaign)
    resolved = await resolve(campaign.enterprise, rule, None)
    owner = await Department.get_or_none(id=campaign.owner_id) if campaign.owner_id else None
    return {
        "id": campaign.id,
        "enterprise": campaign.enterprise.code,
        "name": campaign.name,
        "status": campaign.status,
        "kind": campaign.kind,
        "rule": campaign.rule,
        "owner": resolved.tree.label(owner.id) if owner is not None else None,
        "audience": stored(rule),
        "audience_text": in_words(services, resolved),
        "content": campaign.content,
        "account": campaign.account,
        "push_time": campaign.push_time,
        "remind_at": campaign.remind_at,
        "start_date": campaign.start_date.isoformat(),
        "deadline": campaign.deadline.isoformat(),
        "alert_threshold": campaign.alert_threshold,
        "min_identity_level": campaign.min_identity_level,
        # everyone in it now (withdrawn ones are no longer counted), and how many finished
        "enrolled": counts["enrolled"] + counts["complete"],
        "complete": counts["complete"],
        "withdrawn": counts["withdrawn"],
    }


async def listing(
    enterprise: str | None, status: str | None, within_path: str | None = None
) -> list[dict]:
    """Campaigns, newest first; `within_path`: only those owned by that unit or below it."""
    query = Campaign.all().select_related("enterprise").order_by("-id")
    if within_path is not None:
        query = query.filter(owner__path__startswith=within_path)
    if enterprise is not None:
        query = query.filter(enterprise__code=enterprise)
    if status is not None:
        query = query.filter(status=status)
    return [
        {
            "id": c.id,
            "enterprise": c.enterprise.code,
            "name": c.name,
            "status": c.status,
            "kind": c.kind,
            "start_date": c.start_date.isoformat(),
            "deadline": c.deadline.isoformat(),
        }
        for c in await query
    ]


async def change(services: Services, campaign: Campaign, update: CampaignChange) -> Campaign:
    """Apply a change; a new audience is resolved and takes effect at once (enrolled or
    withdrawn now, not at the next push)."""
    if campaign.status == "cancelled":
        raise Conflict(f"campaign {campaign.id} is cancelled; launch a new one instead")
    given = update.model_dump(exclude_unset=True)
    ent = await Enterprise.get(id=campaign.enterprise_id)
    if update.deadline is not None and update.deadline < max(
        campaign.start_date, services.clock.today()
    ):
        raise InvalidInput("deadline is before the start date or today; choose a later one")
    if update.min_identity_level is not None:
        check_level(services, ent.code, update.min_identity_level)
    if "supervisor" in given:
        found = None
        if update.supervisor is not None:
            found = await Worker.get_or_none(enterprise=ent, employee_no=update.supervisor)
            if found is None:
                raise InvalidInput(f"supervisor {update.supervisor!r} is not on the roster")
        campaign.supervisor = found  # type: ignore[assignment]
    if update.audience is not None:
        owner = await Department.get_or_none(id=campaign.owner_id) if campaign.owner_id else None
        owner_code = owner.code if owner is not None else None
        campaign.audience = stored((await resolve(ent, update.audience, owner_code)).rule)
    if "remind_at" in given:
        setattr(campaign, "remind_at", update.remind_at)  # noqa: B010 (a nullable CharField)
    for name in ("name", "push_time", "deadline", "alert_threshold", "quiz_pass_ratio"):
        if given.get(name) is not None:
            setattr(campaign, name, given[name])
    for name in ("quiz_passes_required", "min_identity_level"):
        if given.get(name) is not None:
            setattr(campaign, name, given[name])
    campaign.updated_at = services.clock.now()
    async with in_transaction():
        await campaign.save()
        if update.audience is not None and campaign.status == "active":
            await enroll(campaign, services.clock.today())
    return campaign


async def move(services: Services, campaign: Campaign, action: str) -> Campaign:
    """pause | resume | cancel; a move the status does not allow is a 409 saying why."""
    key = "cancel-paused" if action == "cancel" and campaign.status == "paused" else action
    if key not in MOVES:
        raise NotFound(f"no action {action!r}; use pause, resume or cancel")
    before, after = MOVES[key]
    async with in_transaction():
        moved = await Campaign.filter(id=campaign.id, status=before).update(
            status=after, updated_at=services.clock.now()
        )
        if not moved:
            raise Conflict(f"campaign {campaign.id} is {campaign.status}; it cannot {action}")
        if after != "active":  # the day's nudge slot goes back: another campaign may use it
            await Delivery.filter(
                campaign_id=campaign.id, kind__in=NUDGES, status="pending"
            ).update(status="cancelled", nudge_day=None)
    await campaign.refresh_from_db()
    if after == "active":
        await enroll(campaign, services.clock.today())
    return campaign
