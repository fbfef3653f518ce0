"""Supervisor alerts: one message when a team crosses its campaign's completion threshold.

Never one message per worker event: each (campaign, team, threshold) alert fires once, through
a unique Alert key, and reaches the supervisor through the outbox.
"""

from __future__ import annotations

import logging

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.context import Services
from bot.delivery.channels import AUTO, Notice
from bot.delivery.outbox import delivery, enqueue
from bot.storage.models import Alert, Campaign, Department, Enrollment

log = logging.getLogger(__name__)
BEHIND_SHOWN = 5


async def team_status(campaign: Campaign, department_id: int) -> tuple[int, int, list[str]]:
    rows = await Enrollment.filter(
        campaign=campaign, worker__department_id=department_id
    ).values_list("status", "worker__name", "worker__employee_no")
    done = sum(1 for status, _, _ in rows if status == "complete")
    behind = [name for status, name, _ in sorted(rows, key=lambda r: r[2]) if status != "complete"]
    return done, len(rows), behind


async def on_completion(services: Services, enrollment: Enrollment) -> Alert | None:
    campaign = await Campaign.get(id=enrollment.campaign_id)
    worker = enrollment.worker
    done, total, behind = await team_status(campaign, worker.department_id)
    if not total or done / total < campaign.alert_threshold - 1e-9:
        return None
    team = await Department.get(id=worker.department_id)
    copy = services.copy
    summary = copy.t(
        "alert.threshold",
        campaign=campaign.name,
        team=team.name,
        percent=round(100 * done / total),
        done=done,
        total=total,
        behind="、".join(behind[:BEHIND_SHOWN]) + ("等" if len(behind) > BEHIND_SHOWN else "")
        if behind
        else copy.t("alert.none_behind"),
    )
    key = f"threshold:{campaign.id}:{team.id}"
    try:
        async with in_transaction():
            alert = await Alert.create(
                key=key,
                kind="team_threshold",
                campaign=campaign,
                supervisor_id=campaign.supervisor_id,
                enterprise_id=campaign.enterprise_id,
                summary=summary,
                data={"team": team.id, "done": done, "total": total},
                created_at=services.clock.now(),
            )
    except IntegrityError:
        return None  # already alerted for this team and campaign
    await notify_supervisor(services, campaign, alert)
    return alert


async def notify_supervisor(services: Services, campaign: Campaign, alert: Alert) -> None:
    """One message to the supervisor, through whichever channel reaches them
    (bot/delivery/channels.py)."""
    if campaign.supervisor_id is None:
        log.warning("alert %s kept: campaign %s has no supervisor", alert.key, campaign.id)
        return
    notice = Notice(
        text=alert.summary,
        template={"first": alert.summary},
        subscribe={
            "campaign": campaign.name,
            "deadline": campaign.deadline.isoformat(),
            "hint": services.copy.t("alert.subscribe_hint"),
        },
    )
    await enqueue(
        services,
        [
            delivery(
                services,
                key=f"alert:{alert.key}",
                kind="alert",
                account=campaign.account,
                openid="",
                channel=AUTO,
                payload=notice.to_json(),
                campaign=campaign,
                worker_id=campaign.supervisor_id,
            )
        ],
    )
