"""Event campaigns: per-enterprise rules that turn workforce events into personal retraining —
a new hire's induction (with a pass-before-work gate), a refresher after ≥ 3 months away, the
new job's must-knows after a job change, the violated topic after a 三违 flag (the leader is
told), and only the changed items after a handbook revision.

The invariant: each rule fires once per event. A RuleFiring row with a unique key (the rule's
campaign and the event's own key) is written in the same transaction as the enrolment it makes,
so a roster re-import, an admin call, a retry or a replay after a restart finds the key and does
nothing. Only events within the rule's window (by the date they happened, not when they were
recorded) fire: a first import of an existing workforce is not ten thousand new hires.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.campaigns import exam_seats
from bot.campaigns.alerts import enterprise_leaders
from bot.campaigns.challenges import push_notice
from bot.campaigns.planner import chunks, reach
from bot.campaigns.rules.reach import levels
from bot.campaigns.rules.triggers import EVENT_KINDS, TriggerSettings, fires, topics_named
from bot.context import Services
from bot.delivery.channels import Notice
from bot.learning.campaign_items import job_cards
from bot.storage.models import (
    Alert,
    Campaign,
    Card,
    Enrollment,
    Enterprise,
    RuleFiring,
    Worker,
    WorkerEvent,
)

log = logging.getLogger(__name__)


@dataclass
class FireReport:
    fired: int = 0
    skipped: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)


async def fire(services: Services, enterprise_id: int | None = None) -> FireReport:
    """Apply every active event rule to the events in its window that it has not fired for."""
    report = FireReport()
    query = Campaign.filter(kind="event", status="active")
    if enterprise_id is not None:
        query = query.filter(enterprise_id=enterprise_id)
    for campaign in await query.order_by("id"):
        if campaign.rule == "handbook":
            continue  # fired by a content import: on_handbook_change
        try:
            await _fire_rule(services, campaign, report)
        except Exception:
            log.exception("event rule %s (campaign %s) failed", campaign.rule, campaign.id)
    return report


async def fire_for(services: Services, enterprise: str) -> FireReport:
    """The event rules of one enterprise (after its roster import or a 三违 flag)."""
    ent = await Enterprise.get_or_none(code=enterprise)
    return await fire(services, ent.id) if ent is not None else FireReport()


def firing_key(campaign_id: int, event_key: str) -> str:
    return f"{campaign_id}:{event_key}"[:200]


async def _fire_rule(services: Services, campaign: Campaign, report: FireReport) -> None:
    settings = TriggerSettings.model_validate(campaign.trigger)
    today = services.clock.today()
    events = await WorkerEvent.filter(
        enterprise_id=campaign.enterprise_id,
        kind=EVENT_KINDS[campaign.rule],
        occurred_on__gte=today - timedelta(days=settings.window_days),
        occurred_on__lte=today,
    ).order_by("id")
    if not events:
        return
    done: set[str] = set()
    for chunk in chunks([firing_key(campaign.id, e.key) for e in events]):
        found = await RuleFiring.filter(key__in=chunk).values_list("key", flat=True)
        done |= {str(k) for k in found}
    fresh = [e for e in events if firing_key(campaign.id, e.key) not in done]
    if not fresh:
        return
    # the rule's audience filters who it applies to; the event, not the status, says who is new
    allowed = {m.worker_id for m in await reach(campaign, today)}
    for event in fresh:
        ok = event.worker_id in allowed and fires(campaign.rule, settings, event.data)
        await _apply(services, campaign, settings, event, ok, report)


async def _apply(
    services: Services,
    campaign: Campaign,
    settings: TriggerSettings,
    event: WorkerEvent,
    ok: bool,
    report: FireReport,
) -> None:
    now = services.clock.now()
    topics: list[str] = []
    if ok and campaign.rule == "violation":
        topics = await _violated_topics(campaign, event)
    try:
        async with in_transaction():
            await RuleFiring.create(
                key=firing_key(campaign.id, event.key),
                enterprise_id=campaign.enterprise_id,
                rule=campaign.rule,
                campaign=campaign,
                worker_id=event.worker_id,
                outcome="enrolled" if ok else "skipped",
                detail={"event": event.id, "topics": topics},
                fired_at=now,
            )
            if ok:
                await _enrol(services, campaign, settings, event, topics)
    except IntegrityError:
        return  # fired already (a concurrent tick, or a replay)
    if not ok:
        report.skipped += 1
        return
    report.fired += 1
    report.by_rule[campaign.rule] = report.by_rule.get(campaign.rule, 0) + 1
    if campaign.rule == "violation" and settings.tell_leader:
        await _tell_leader(services, campaign, event, topics)


async def _enrol(
    services: Services,
    campaign: Campaign,
    settings: TriggerSettings,
    event: WorkerEvent,
    topics: list[str],
) -> None:
    """A personal enrolment due `days` after the event; an earlier one of the same worker in
    this rule is re-opened, counting only what they do from the event on."""
    due = event.occurred_on + timedelta(days=settings.days)
    # a new hire's first activity counts whenever it was; a retraining counts from the event
    since = None
    if campaign.rule == "handbook":  # the revision itself: what was read before it is stale
        since = services.clock.now()
    elif campaign.rule != "hired":
        since = datetime.combine(event.occurred_on, time.min, tzinfo=services.clock.tz)
    values: dict[str, Any] = {
        "status": "enrolled",
        "completed_at": None,
        "completed_identity_level": None,
        "due_on": due,
        "since": since,
        "source": "event",
        "topics": topics,
        "paused_at": None,
        "reminders_sent": 0,
    }
    existing = await Enrollment.get_or_none(campaign=campaign, worker_id=event.worker_id)
    if existing is None:
        await Enrollment.create(campaign=campaign, worker_id=event.worker_id, **values)
    else:
        await Enrollment.filter(id=existing.id).update(**values)
    await exam_seats.seat_new_hire(services, campaign, settings, event.worker_id, due)


async def _violated_topics(campaign: Campaign, event: WorkerEvent) -> list[str]:
    """The topics of the worker's job that the violation names (its text or an explicit topic);
    none found: the whole job's cards."""
    job = await Worker.filter(id=event.worker_id).first().values_list("job__code", flat=True)
    known = sorted({c.topic for c in await job_cards(campaign.enterprise_id, str(job))})
    return topics_named(event.data, known)


async def _tell_leader(
    services: Services, campaign: Campaign, event: WorkerEvent, topics: list[str]
) -> None:
    worker = await Worker.get(id=event.worker_id).select_related("department")
    found = levels(
        worker.department.path, await enterprise_leaders(worker.enterprise_id), 1, worker.id
    )
    if not found:
        return  # no leader up the tree: the Alert row below is the trace
    copy = services.copy
    facts = {
        "name": worker.name,
        "employee_no": worker.employee_no,
        "violation": str(event.data.get("violation", "")),
        "topics": "、".join(topics) or copy.t("triggers.all_topics"),
        "campaign": campaign.name,
    }
    text = copy.t("triggers.violation_text", **facts)
    notice = Notice(
        text=text,
        template={"first": copy.t("triggers.violation_title", **facts), "remark": ""},
        subscribe={
            "campaign": campaign.name,
            "deadline": (event.occurred_on + timedelta(days=1)).isoformat(),
            "hint": copy.t("triggers.violation_hint"),
        },
    )
    key = f"violation:{firing_key(campaign.id, event.key)}"[:128]
    async with in_transaction():
        _, created = await Alert.get_or_create(
            key=key,
            defaults={
                "kind": "violation_retraining",
                "campaign": campaign,
                "supervisor_id": found[0][0],
                "enterprise_id": campaign.enterprise_id,
                "summary": text,
                "data": {"worker_id": worker.id, "event": event.id},
                "created_at": services.clock.now(),
            },
        )
        if created:
            for leader in await Worker.filter(id__in=found[0]).order_by("id"):
                await push_notice(
                    services, f"alert:{key}:{leader.id}"[:128], "alert", leader, notice
                )


async def on_handbook_change(services: Services, enterprise_id: int, card_codes: list[str]) -> int:
    """A handbook revision (changed cards of a content import): each active handbook rule
    re-opens, for the workers of the changed cards' jobs, an enrolment whose items are the cards
    changed since it opened. Once per change set (its cards and versions)."""
    changed = await Card.filter(enterprise_id=enterprise_id, code__in=card_codes)
    if not changed:
        return 0
    stamp = ",".join(sorted(f"{c.code}@{c.version}" for c in changed))
    jobs = sorted({j for c in changed for j in c.job_codes})
    total = 0
    rules = await Campaign.filter(
        enterprise_id=enterprise_id, kind="event", rule="handbook", status="active"
    )
    for campaign in rules:
        settings = TriggerSettings.model_validate(campaign.trigger)
        today = services.clock.today()
        found = await reach(campaign, today)
        hit = [m for m in found if m.job in jobs or "all_staff" in jobs]
        for m in hit:
            event = WorkerEvent(
                key=f"handbook:{m.worker_id}:{stamp}"[:160],
                worker_id=m.worker_id,
                occurred_on=today,
                data={"cards": [c.code for c in changed]},
            )
            report = FireReport()
            await _apply(services, campaign, settings, event, True, report)
            total += report.fired
    return total
