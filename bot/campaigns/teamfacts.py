"""The facts a leader reads about their subtree (their department and everything below it):
for each running campaign, completion and who is behind, failed twice or paused; who is locked
out of binding or flagged as a possible stand-in. Loaded once per enterprise and cut per leader
(bot/campaigns/rules/digest.py); rendered as one WeChat text within its size limit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.campaigns.rules.digest import LeaderFacts, Member, campaign_facts, fit, in_subtree, shorten
from bot.context import Services
from bot.storage.models import (
    BindGuard,
    Campaign,
    Enrollment,
    QuizSession,
    StandinChallenge,
    Worker,
)

Person = tuple[str, str, str]  # (employee_no, name, department path)


@dataclass
class Snapshot:
    """One enterprise's running campaigns and flagged workers, as of `today`."""

    campaigns: list[Campaign] = field(default_factory=list)
    members: dict[int, list[Member]] = field(default_factory=dict)  # by campaign id
    locked: list[Person] = field(default_factory=list)
    standin: list[Person] = field(default_factory=list)


async def _people(ids: list[int]) -> list[Person]:
    if not ids:
        return []
    rows = await Worker.filter(id__in=ids, status="active").values_list(
        "employee_no", "name", "department__path"
    )
    return [(str(no), str(name), str(path)) for no, name, path in rows]


async def _failed(campaign: Campaign) -> Counter[int]:
    """Failed quizzes per worker: finished sessions scoring below the campaign's pass ratio."""
    sessions = await QuizSession.filter(
        campaign_id=campaign.id, finished_at__isnull=False
    ).values_list("worker_id", "correct", "question_ids")
    return Counter(
        int(worker_id)
        for worker_id, correct, questions in sessions
        if questions and correct / len(questions) < campaign.quiz_pass_ratio - 1e-9
    )


async def load(enterprise_id: int, today: date, now: datetime) -> Snapshot:
    """The enterprise's facts: campaigns running today (active, started, not past deadline)."""
    snap = Snapshot()
    snap.campaigns = list(
        await Campaign.filter(
            enterprise_id=enterprise_id,
            status="active",
            start_date__lte=today,
            deadline__gte=today,
        ).order_by("deadline", "id")
    )
    for campaign in snap.campaigns:
        failed = await _failed(campaign)
        rows = await Enrollment.filter(campaign_id=campaign.id).values_list(
            "worker_id",
            "worker__employee_no",
            "worker__name",
            "worker__department__path",
            "status",
            "paused_at",
        )
        snap.members[campaign.id] = [
            Member(wid, no, name, path, status == "complete", paused is not None, failed[wid])
            for wid, no, name, path, status, paused in rows
        ]
    # subjects as bot/people/supervision.py worker_guard() writes them: "worker:<id>"
    guards = await BindGuard.filter(subject__startswith="worker:", locked_until__gt=now)
    locked_ids = [int(g.subject[7:]) for g in guards if g.subject[7:].isdigit()]
    snap.locked = await _people(await _enterprise_ids(enterprise_id, locked_ids))
    open_ids: list[int] = await StandinChallenge.filter(  # type: ignore[assignment]
        enterprise_id=enterprise_id, open_for__isnull=False
    ).values_list("worker_id", flat=True)
    snap.standin = await _people(open_ids)
    return snap


async def _enterprise_ids(enterprise_id: int, ids: list[int]) -> list[int]:
    if not ids:
        return []
    found: list[int] = await Worker.filter(  # type: ignore[assignment]
        id__in=ids, enterprise_id=enterprise_id
    ).values_list("id", flat=True)
    return found


def facts_for(snap: Snapshot, prefix: str) -> LeaderFacts:
    """What the leader of the unit at `prefix` sees."""
    facts = LeaderFacts()
    for c in snap.campaigns:
        seen = campaign_facts(c.id, c.name, c.deadline.isoformat(), snap.members[c.id], prefix)
        if seen is not None:
            facts.campaigns.append(seen)
    facts.locked = in_subtree(snap.locked, prefix)
    facts.standin = in_subtree(snap.standin, prefix)
    return facts


def render(services: Services, title: str, facts: LeaderFacts, link: str | None) -> str:
    """One text message: the title, each campaign, the flagged, the link; cut to fit."""
    copy = services.copy

    def names(key: str, found: list[str], shown: int) -> list[str]:
        if not found:
            return []
        text, more = shorten(found, shown)
        return [copy.t(key, names=text + (copy.t("digest.more", count=more) if more else ""))]

    def build(shown: int, items: int) -> str:
        lines = [title]
        for c in facts.campaigns[:items]:
            lines.append(
                copy.t(
                    "digest.campaign",
                    campaign=c.name,
                    deadline=c.deadline,
                    done=c.done,
                    enrolled=c.enrolled,
                    percent=c.percent,
                )
            )
            lines += names("digest.behind", c.behind, shown)
            lines += names("digest.failed_twice", c.failed_twice, shown)
            lines += names("digest.paused", c.paused, shown)
        if facts.locked or facts.standin:
            lines.append("")
        lines += names("digest.locked", facts.locked, shown)
        lines += names("digest.standin", facts.standin, shown)
        left = len(facts.campaigns) - items
        if left > 0:
            lines.append(copy.t("digest.more_campaigns", count=left))
        if link:
            lines.append(copy.t("digest.link", url=link))
        return "\n".join(lines)

    if facts.empty:
        return "\n".join([title, copy.t("digest.nothing")])
    return fit(build, services.config.digest.behind_shown, len(facts.campaigns))


def summary(services: Services, facts: LeaderFacts) -> str:
    """One line for a template message, which cannot carry the whole digest."""
    parts = [
        services.copy.t(
            "digest.summary_campaign", campaign=c.name, done=c.done, enrolled=c.enrolled
        )
        for c in facts.campaigns[:3]
    ]
    if facts.locked or facts.standin:
        parts.append(
            services.copy.t(
                "digest.summary_flagged", locked=len(facts.locked), standin=len(facts.standin)
            )
        )
    return "；".join(parts)
