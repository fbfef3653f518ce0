"""A leader's daily digest: one message a day at the time they chose (`日报 18:30`, else
`[digest] time`), about their department and everything below it, through the outbox.

Invariants: at most one digest per leader and day — the day is claimed on the LeaderDigest row
by a conditional update in the same transaction as the outbox row (key digest:<leader>:<day>),
so a double fire, a second scheduler or a catch-up after downtime sends nothing twice; nothing
is sent when the facts are those of the last digest sent (their fingerprint, not the text).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.campaigns import teamfacts
from bot.campaigns.challenges import push_notice
from bot.context import Services
from bot.delivery.channels import Notice
from bot.learning.links import dashboard_path
from bot.storage.models import Department, LeaderDigest, Worker

log = logging.getLogger(__name__)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")
OFF_WORDS = ("关", "关闭", "停", "停止", "取消")
ON_WORDS = ("开", "开启", "打开", "恢复")


async def setting(services: Services, worker_id: int) -> LeaderDigest:
    """The leader's digest row, created with the defaults on first use."""
    found = await LeaderDigest.get_or_none(worker_id=worker_id)
    if found is not None:
        return found
    try:
        return await LeaderDigest.create(worker_id=worker_id, updated_at=services.clock.now())
    except IntegrityError:  # created meanwhile by another request
        return await LeaderDigest.get(worker_id=worker_id)


def send_time(services: Services, row: LeaderDigest) -> str:
    return row.send_at or services.config.digest.time


async def configure(services: Services, leader: Worker, arg: str) -> str:
    """日报 [HH:MM | 关 | 开] from a leader; returns the reply."""
    copy = services.copy
    if not leader.is_supervisor:
        return copy.t("digest.not_supervisor")
    row = await setting(services, leader.id)
    arg = arg.replace("\u3000", " ").strip()
    now = services.clock.now()
    if not arg:
        key = "digest.status_on" if row.enabled else "digest.status_off"
        return copy.t(key, time=send_time(services, row))
    if arg in OFF_WORDS:
        await LeaderDigest.filter(id=row.id).update(enabled=False, updated_at=now)
        return copy.t("digest.off")
    if arg in ON_WORDS:
        await LeaderDigest.filter(id=row.id).update(enabled=True, updated_at=now)
        return copy.t("digest.set", time=send_time(services, row))
    m = _TIME.match(arg)
    if m is None:
        return copy.t("digest.usage")
    hhmm = f"{int(m.group(1)):02d}:{m.group(2)}"
    await LeaderDigest.filter(id=row.id).update(send_at=hhmm, enabled=True, updated_at=now)
    return copy.t("digest.set", time=hhmm)


def _link(services: Services, leader: Worker) -> str | None:
    base = services.config.server.public_url.rstrip("/")
    if not base:
        return None
    return base + dashboard_path(services.privacy, leader.id, services.clock.timestamp())


async def team_progress(services: Services, leader: Worker) -> str:
    """班组进度: the leader's subtree in the running campaigns, now, as one reply."""
    if not leader.is_supervisor:
        return services.copy.t("digest.not_supervisor")
    unit = await Department.get(id=leader.department_id)
    snap = await teamfacts.load(leader.enterprise_id, services.clock.today(), services.clock.now())
    title = services.copy.t(
        "digest.team_title", unit=unit.name, time=services.clock.local_now().strftime("%m-%d %H:%M")
    )
    return teamfacts.render(
        services, title, teamfacts.facts_for(snap, unit.path), _link(services, leader)
    )


async def send_due(services: Services) -> int:
    """The scheduler's tick: every leader whose digest time has come today and who has had no
    digest decided today gets one (when something changed). Returns how many were sent."""
    if not services.config.digest.enabled:
        return 0
    local = services.clock.local_now()
    today, hhmm = local.date(), local.strftime("%H:%M")
    rows = {r.worker_id: r for r in await LeaderDigest.all()}
    due: dict[int, list[Worker]] = defaultdict(list)
    leaders = (  # a leader with no WeChat bound yet keeps the day for when they bind
        await Worker.filter(is_supervisor=True, status="active", identities__active=True)
        .distinct()
        .select_related("department")
    )
    for leader in leaders:
        row = rows.get(leader.id)
        if row is not None and (not row.enabled or row.last_day == today):
            continue
        if (row.send_at if row and row.send_at else services.config.digest.time) <= hhmm:
            due[leader.enterprise_id].append(leader)
    sent = 0
    for enterprise_id, group in due.items():
        snap = await teamfacts.load(enterprise_id, today, services.clock.now())
        for leader in group:
            try:
                sent += await send_one(services, leader, snap, today)
            except Exception:
                log.exception("digest for leader %s failed", leader.id)
    return sent


async def send_one(
    services: Services, leader: Worker, snap: teamfacts.Snapshot, today: date
) -> bool:
    """Decide `today`'s digest for one leader (`leader.department` fetched): claim the day,
    and send when the facts differ from the last digest sent."""
    facts = teamfacts.facts_for(snap, leader.department.path)
    fingerprint = "" if facts.empty else facts.fingerprint()
    row = await setting(services, leader.id)
    changed = bool(fingerprint) and fingerprint != row.last_facts
    now = services.clock.now()
    async with in_transaction():
        claimed = await LeaderDigest.filter(
            Q(last_day__isnull=True) | Q(last_day__lt=today), id=row.id
        ).update(
            last_day=today, last_facts=fingerprint if changed else row.last_facts, updated_at=now
        )
        if not claimed or not changed:
            return False
        copy = services.copy
        title = copy.t("digest.title", unit=leader.department.name, day=today.strftime("%m-%d"))
        text = teamfacts.render(services, title, facts, _link(services, leader))
        notice = Notice(
            text=text,
            template={"first": title, "keyword1": copy.t("digest.template_task"),
                      "keyword2": today.isoformat(), "remark": teamfacts.summary(services, facts)},
            subscribe={"campaign": copy.t("digest.template_task"), "deadline": today.isoformat(),
                       "hint": copy.t("digest.subscribe_hint")},
        )  # fmt: skip
        await push_notice(
            services, f"digest:{leader.id}:{today.isoformat()}", "digest", leader, notice
        )
    return True
