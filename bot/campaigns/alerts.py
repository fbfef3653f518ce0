"""Alerts to leaders: each condition is an Alert row with a unique key (so it fires once), and
each message to a leader is an outbox row written in the same transaction as the decision.

Here: the lock on a worker's roster binding after repeated wrong guesses (bot/people/identity.py
stores the Alert; bot/people cannot reach the outbox, so it is forwarded from here: at once by
the binding handlers, and by the scheduler's tick for anything left). Team escalation is in
bot/campaigns/escalation.py, the daily digest in bot/campaigns/digest.py.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from tortoise.transactions import in_transaction

from bot.campaigns.challenges import push_notice
from bot.campaigns.rules.reach import levels
from bot.context import Services
from bot.delivery.channels import Notice
from bot.storage.models import Alert, Worker

log = logging.getLogger(__name__)


async def enterprise_leaders(enterprise_id: int) -> list[tuple[int, str]]:
    """(worker id, department path) of the enterprise's active leaders."""
    rows = await Worker.filter(
        enterprise_id=enterprise_id, is_supervisor=True, status="active"
    ).values_list("id", "department__path")
    return [(int(i), str(path)) for i, path in rows]


async def forward_locks(services: Services) -> int:
    """Send each new binding-lock alert to the locked worker's leader(s), once per lock (the
    alert's `supervisor` is set when it is sent). Returns how many alerts were sent."""
    since = services.clock.now() - timedelta(hours=services.config.bind.lock_hours)
    pending = await Alert.filter(kind="bind_guessing", supervisor_id=None, created_at__gte=since)
    sent = 0
    for alert in pending:
        worker = await Worker.get_or_none(
            id=int(str(alert.data.get("worker_id", 0)))
        ).select_related("department")
        if worker is None:
            continue
        found = levels(
            worker.department.path, await enterprise_leaders(worker.enterprise_id), 1, worker.id
        )
        if not found:
            continue  # no leader: the Alert row stays for the dashboard
        leaders = await Worker.filter(id__in=found[0]).order_by("id")
        notice = _lock_notice(services, worker, str(alert.data.get("locked_until", "")))
        async with in_transaction():
            if not await Alert.filter(id=alert.id, supervisor_id=None).update(
                supervisor_id=leaders[0].id
            ):
                continue  # another tick sent it
            for leader in leaders:
                await push_notice(
                    services, f"alert:{alert.key}:{leader.id}", "alert", leader, notice
                )
        sent += 1
    return sent


def _lock_notice(services: Services, worker: Worker, until_iso: str) -> Notice:
    copy = services.copy
    until = until_iso
    if until_iso:
        from datetime import datetime

        until = (
            datetime.fromisoformat(until_iso).astimezone(services.clock.tz).strftime("%m-%d %H:%M")
        )
    names = {"name": worker.name, "employee_no": worker.employee_no}
    text = copy.t("lock_alert.text", **names, team=worker.department.name, until=until)
    title = copy.t("lock_alert.title", **names)
    return Notice(
        text=text,
        template={"first": title, "keyword1": copy.t("lock_alert.task"),
                  "keyword2": services.clock.today().isoformat(), "remark": ""},
        subscribe={"campaign": copy.t("lock_alert.task"),
                   "deadline": services.clock.today().isoformat(),
                   "hint": copy.t("lock_alert.subscribe_hint")},
        title=title,
    )  # fmt: skip
