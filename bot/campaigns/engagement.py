"""Who in a campaign gets which nudge: started or not, invited or not, paused or not.

"Started" is any card read or quiz in the campaign. A worker paused after ignored reminders is
resumed as soon as they start (each push and reminder run checks first), so a pause never
outlives the reason for it.
"""

from __future__ import annotations

from bot.storage.models import Campaign, CardRead, Delivery, Enrollment, QuizSession

LIVE = ("pending", "sending", "sent")  # a row that went, or still may


async def started(campaign_id: int, worker_ids: list[int]) -> set[int]:
    """Those of `worker_ids` with any card read or quiz session in the campaign."""
    if not worker_ids:
        return set()
    read: list[int] = await CardRead.filter(
        campaign_id=campaign_id, worker_id__in=worker_ids
    ).values_list("worker_id", flat=True)  # type: ignore[assignment]
    quizzed: list[int] = await QuizSession.filter(
        campaign_id=campaign_id, worker_id__in=worker_ids
    ).values_list("worker_id", flat=True)  # type: ignore[assignment]
    return {int(w) for w in [*read, *quizzed]}


async def invited(campaign_id: int, worker_ids: list[int]) -> set[int]:
    """Those of `worker_ids` whose daily push of this campaign went (or still may)."""
    if not worker_ids:
        return set()
    rows: list[int] = await Delivery.filter(  # type: ignore[assignment]
        campaign_id=campaign_id, kind="daily_push", worker_id__in=worker_ids, status__in=LIVE
    ).values_list("worker_id", flat=True)
    return set(rows)


async def resume_started(campaign: Campaign) -> int:
    """Clear the pause of every paused worker who has started since; returns how many."""
    paused: list[int] = await Enrollment.filter(  # type: ignore[assignment]
        campaign=campaign, paused_at__isnull=False
    ).values_list("worker_id", flat=True)
    back = await started(campaign.id, paused)
    if not back:
        return 0
    return await Enrollment.filter(campaign=campaign, worker_id__in=sorted(back)).update(
        paused_at=None
    )


async def pushable(campaign: Campaign) -> list[int]:
    """Unfinished, unpaused workers the daily push is for. With reminders set, a worker invited
    who has not started gets the reminder instead: one message a day, and the right one."""
    pending: list[int] = await Enrollment.filter(  # type: ignore[assignment]
        campaign=campaign, status="enrolled", paused_at__isnull=True
    ).values_list("worker_id", flat=True)
    if not campaign.remind_at:
        return list(pending)
    late = set(await invited(campaign.id, pending)) - await started(campaign.id, pending)
    return [w for w in pending if w not in late]


async def late(campaign: Campaign) -> list[tuple[int, int]]:
    """(worker, reminders sent) of the unpaused workers who were invited and never started."""
    rows = await Enrollment.filter(
        campaign=campaign, status="enrolled", paused_at__isnull=True
    ).values_list("worker_id", "reminders_sent")
    ids = [int(w) for w, _ in rows]
    due = await invited(campaign.id, ids) - await started(campaign.id, ids)
    return [(int(w), int(n)) for w, n in rows if w in due]
