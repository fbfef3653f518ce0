"""Escalation of teams behind: a team (a unit with enrolled workers of the campaign) still below
the campaign's `alert_threshold` `escalate_days` before the deadline is reported to its own
leader and to the workshop head (the leader of the unit above); at the deadline, one level
further. A unit with no leader is led by the nearest one above; the campaign's supervisor is
told only when nobody in the tree is.

Invariants: each (campaign, checkpoint, team) is reported once — its Alert key is unique and
written in the same transaction as the messages; a recipient gets one message per checkpoint
and day however many teams it covers (outbox key escalate:<campaign>:<stage>:<leader>:<day>).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from tortoise.transactions import in_transaction

from bot.campaigns.alerts import enterprise_leaders
from bot.campaigns.challenges import push_notice
from bot.campaigns.rules.digest import fit
from bot.campaigns.rules.reach import checkpoint, levels, reach
from bot.context import Services
from bot.delivery.channels import Notice
from bot.storage.models import Alert, Campaign, Department, Enrollment, Worker

log = logging.getLogger(__name__)


async def check(services: Services, today: date) -> int:
    """The daily check over every active campaign; returns the teams newly reported."""
    reported = 0
    for campaign in await Campaign.filter(status="active", start_date__lte=today).order_by("id"):
        stage = checkpoint(campaign.deadline, campaign.escalate_days, today)
        if stage is None:
            continue
        try:
            reported += await escalate(services, campaign, stage, today)
        except Exception:
            log.exception("escalation of campaign %s failed", campaign.id)
    return reported


async def teams_behind(campaign: Campaign) -> list[dict[str, Any]]:
    """Units whose enrolled workers' completion is below the line, by name."""
    rows = await Enrollment.filter(campaign_id=campaign.id).values_list(
        "worker__department_id", "status"
    )
    enrolled: Counter[int] = Counter(int(d) for d, _ in rows)
    done: Counter[int] = Counter(int(d) for d, status in rows if status == "complete")
    behind = [d for d in enrolled if done[d] / enrolled[d] < campaign.alert_threshold - 1e-9]
    units = await Department.filter(id__in=behind) if behind else []
    return sorted(
        (
            {"team": u.id, "name": u.name, "path": u.path, "done": done[u.id],
             "enrolled": enrolled[u.id]}
            for u in units
        ),
        key=lambda t: (t["path"], t["name"]),
    )  # fmt: skip


async def escalate(services: Services, campaign: Campaign, stage: str, today: date) -> int:
    """Report the teams behind at this checkpoint that were not reported yet."""
    teams = await teams_behind(campaign)
    keys = {t["team"]: f"escalate:{campaign.id}:{stage}:{t['team']}" for t in teams}
    known = set(await Alert.filter(key__in=list(keys.values())).values_list("key", flat=True))
    teams = [t for t in teams if keys[t["team"]] not in known]
    if not teams:
        return 0
    leaders = await enterprise_leaders(campaign.enterprise_id)
    to: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for team in teams:
        fallback = [[campaign.supervisor_id]] if campaign.supervisor_id is not None else []
        found = levels(team["path"], leaders, reach(stage)) or fallback
        team["recipients"] = [w for level in found for w in level]
        for worker_id in team["recipients"]:
            to[worker_id].append(team)
    now = services.clock.now()
    async with in_transaction():
        await Alert.bulk_create(
            [
                Alert(
                    key=keys[t["team"]],
                    kind=f"team_{stage}",
                    campaign_id=campaign.id,
                    supervisor_id=t["recipients"][0],
                    enterprise_id=campaign.enterprise_id,
                    summary=_team_line(services, t),
                    data={k: t[k] for k in ("team", "done", "enrolled", "recipients")},
                    created_at=now,
                )
                for t in teams
            ],
            ignore_conflicts=True,
        )
        for worker in await Worker.filter(id__in=list(to)).order_by("id"):
            notice = _notice(services, campaign, stage, today, to[worker.id])
            key = f"escalate:{campaign.id}:{stage}:{worker.id}:{today.isoformat()}"
            await push_notice(services, key, "escalation", worker, notice)
    return len(teams)


def _team_line(services: Services, t: dict[str, Any]) -> str:
    percent = round(100 * t["done"] / t["enrolled"])
    return services.copy.t(
        "escalation.team", team=t["name"], percent=percent, done=t["done"],
        enrolled=t["enrolled"], behind=t["enrolled"] - t["done"],
    )  # fmt: skip


def _notice(
    services: Services, campaign: Campaign, stage: str, today: date, teams: list[dict[str, Any]]
) -> Notice:
    copy = services.copy

    def render(_: int, items: int) -> str:
        lines = [_team_line(services, t) for t in teams[:items]]
        if len(teams) > items:
            lines.append(copy.t("escalation.more_teams", count=len(teams) - items))
        return copy.t(
            f"escalation.{stage}",
            campaign=campaign.name,
            deadline=campaign.deadline.isoformat(),
            days=(campaign.deadline - today).days,
            line=round(100 * campaign.alert_threshold),
            teams="\n".join(lines),
        )

    title = copy.t(f"escalation.title_{stage}", campaign=campaign.name)
    return Notice(
        text=fit(render, 1, len(teams)),
        template={"first": title, "keyword1": campaign.name,
                  "keyword2": campaign.deadline.isoformat(),
                  "remark": "；".join(t["name"] for t in teams)[:120]},
        subscribe={"campaign": campaign.name, "deadline": campaign.deadline.isoformat(),
                   "hint": copy.t("escalation.subscribe_hint")},
    )  # fmt: skip
