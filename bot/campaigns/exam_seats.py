"""Exams where they meet campaigns: calling a campaign's workers to an exam, a gated induction's
exam (an event rule `hired` with `gate` and `exam`: each new hire gets a seat when the rule
fires), and the clearance list of new hires not yet through it.

The invariant: a campaign has at most one induction exam (found by campaign and purpose, updated
when its rule changes), and a new hire's seat is made in the transaction that records the rule's
firing, so a replayed event never seats anyone twice.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from bot.campaigns.rules.triggers import InductionExam, TriggerSettings
from bot.context import Services
from bot.learning import exams
from bot.learning.exams import ExamSpec
from bot.storage.models import Campaign, Enrollment, Exam, ExamSeat

INDUCTION = "induction"


async def enrolled_workers(campaign: Campaign) -> list[int]:
    """The workers enrolled in a campaign (studying or complete, not withdrawn)."""
    ids: list[int] = await Enrollment.filter(  # type: ignore[assignment]
        campaign=campaign, status__in=("enrolled", "complete")
    ).values_list("worker_id", flat=True)
    return sorted(ids)


def end_of(services: Services, day: date) -> datetime:
    """The last second of `day` in the scheduler's time zone."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=services.clock.tz)


async def induction_exam(services: Services, campaign: Campaign, spec: InductionExam) -> Exam:
    """The campaign's induction exam, made or brought in line with the rule's `exam`."""
    values: dict[str, Any] = {
        "name": spec.name or f"{campaign.name}考试",
        "paper": [r.model_dump(exclude_none=True) for r in spec.paper],
        "pass_ratio": spec.pass_ratio,
        "time_limit_s": spec.time_limit_minutes * 60,
        "max_attempts": spec.max_attempts,
        "min_identity_level": max(spec.min_identity_level, campaign.min_identity_level),
    }
    found = await Exam.filter(campaign=campaign, purpose=INDUCTION).first()
    if found is None:
        return await exams.create_exam(
            services,
            campaign.enterprise_id,
            ExamSpec(
                name=values["name"],
                paper=list(spec.paper),
                pass_ratio=spec.pass_ratio,
                time_limit_s=values["time_limit_s"],
                max_attempts=spec.max_attempts,
                min_identity_level=values["min_identity_level"],
                purpose=INDUCTION,
                campaign_id=campaign.id,
            ),
        )
    await Exam.filter(id=found.id).update(**values)
    return await Exam.get(id=found.id)


async def seat_new_hire(
    services: Services, campaign: Campaign, settings: TriggerSettings, worker_id: int, due: date
) -> None:
    """A gated induction with an exam: the new hire's seat, due at the end of their due day.
    A seat they already have (a replay, a re-hire) is left as it is."""
    if settings.exam is None or not settings.gate:
        return
    exam = await induction_exam(services, campaign, settings.exam)
    await ExamSeat.get_or_create(
        exam=exam,
        worker_id=worker_id,
        defaults={"due_at": end_of(services, due), "assigned_at": services.clock.now()},
    )


async def uncleared_by_exam(campaign_ids: list[int]) -> dict[tuple[int, int], str]:
    """(campaign, worker) -> seat status, for the induction exams of these campaigns' seats
    not passed."""
    rows = (
        await ExamSeat.filter(exam__campaign_id__in=campaign_ids, exam__purpose=INDUCTION)
        .exclude(status="passed")
        .values_list("exam__campaign_id", "worker_id", "status")
    )
    return {(c, w): status for c, w, status in rows}
