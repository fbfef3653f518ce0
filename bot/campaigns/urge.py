"""催学: a leader reminds their own late workers — unfinished in a running campaign, in their
department or below — once a day, through the contact policy (quiet hours and shifts defer it,
the daily limit and the weekly cap apply). A worker paused after ignored automatic reminders is
still reminded: their leader asked.

Invariant: one 催学 per leader per local day. Its JobRun row (`urge:<leader>:<day>`) is written
in the same transaction as the reminders it decided, so a concurrent or repeated 催学 finds it and
writes nothing, and a failed one leaves nothing behind to block a retry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from bot.campaigns.planner import campaign_notice
from bot.context import Services
from bot.delivery.channels import bound_workers
from bot.delivery.contact import Nudge, Outcome, enqueue_nudges
from bot.storage.models import Campaign, Enrollment, JobRun, Worker

SKIPPED = ("day_taken", "capped", "no_window", "too_late", "duplicate")


@dataclass
class Urged:
    """What a 催学 did (or, `status` already, what today's first one did)."""

    status: str  # ok | already | nobody | not_supervisor
    reminded: int = 0  # reminders written, `deferred` of them to a later moment
    deferred: int = 0
    skipped: int = 0  # already nudged that day, or at the weekly cap
    unbound: int = 0  # late but not reachable on WeChat
    at: datetime | None = None

    def figures(self) -> dict[str, int]:
        return {
            "reminded": self.reminded,
            "deferred": self.deferred,
            "skipped": self.skipped,
            "unbound": self.unbound,
        }


def urge_key(leader: Worker, services: Services) -> str:
    return f"urge:{leader.id}:{services.clock.today().isoformat()}"


async def _previous(key: str) -> Urged | None:
    run = await JobRun.get_or_none(key=key)
    if run is None:
        return None
    figures = {k: int(str(v)) for k, v in run.result.items()}
    return Urged("already", at=run.ran_at, **figures)


async def late_workers(services: Services, leader: Worker) -> dict[int, tuple[Campaign, int]]:
    """The leader's late workers: worker id → (the campaign due soonest, how many unfinished)."""
    today = services.clock.today()
    await leader.fetch_related("department")
    rows = await Enrollment.filter(
        status="enrolled",
        campaign__status="active",
        campaign__enterprise_id=leader.enterprise_id,
        campaign__start_date__lte=today,
        campaign__deadline__gte=today,
        worker__status="active",
        worker__department__path__startswith=leader.department.path,
    ).select_related("campaign")
    found: dict[int, tuple[Campaign, int]] = {}
    for row in sorted(rows, key=lambda r: (r.campaign.deadline, r.campaign_id)):
        if row.worker_id == leader.id:
            continue
        first, count = found.get(row.worker_id, (row.campaign, 0))
        found[row.worker_id] = (first, count + 1)
    return found


async def urge(services: Services, leader: Worker) -> Urged:
    """Remind the leader's late workers, unless the leader already did today."""
    if not leader.is_supervisor:
        return Urged("not_supervisor")
    key = urge_key(leader, services)
    previous = await _previous(key)
    if previous is not None:
        return previous
    due = await late_workers(services, leader)
    await leader.fetch_related("enterprise")
    code = str(leader.enterprise.code)
    bound = await bound_workers(services, code, sorted(due))
    if not bound:
        return Urged("nobody", unbound=len(due))
    nudges = []
    for worker_id in bound:
        campaign, count = due[worker_id]
        facts = {"leader": leader.name, "count": str(count)}
        notice = campaign_notice(
            services, campaign, "nudge.urge_", "nudge.urge_subscribe", extra=facts
        )
        nudges.append(
            Nudge(
                worker_id=worker_id,
                key=f"{key}:{worker_id}",
                kind="urge",
                account=campaign.account,
                payload=notice,
                campaign_id=campaign.id,
            )
        )
    result = Urged("ok", unbound=len(due) - len(bound))
    first_chunk = True

    async def record(outcome: Outcome) -> None:
        nonlocal first_chunk, result
        step = Urged(
            "ok",
            reminded=result.reminded + len(outcome.written),
            deferred=result.deferred + outcome.count("deferred"),
            skipped=result.skipped + outcome.count(*SKIPPED),
            unbound=result.unbound,
        )
        if first_chunk:  # refused when a concurrent 催学 got there first
            await JobRun.create(key=key, ran_at=services.clock.now(), result=step.figures())
            first_chunk = False
        else:
            await JobRun.filter(key=key).update(result=step.figures())
        result = step

    try:
        await enqueue_nudges(services, code, nudges, after=record)
    except IntegrityError:
        previous = await _previous(key)
        if previous is None:
            raise
        return previous
    return result
