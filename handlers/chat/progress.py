"""我的 — the worker's own progress in the current campaign."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.learning import training

router = Router("progress")


@router.text("我的", "进度", bound=True)
@router.click("ME", bound=True)
async def show_progress(ctx: ChatContext) -> str:
    enrollment = await training.active_enrollment(ctx.services, ctx.worker)
    if enrollment is None:
        return ctx.copy.t("study.no_campaign")
    campaign = enrollment.campaign
    p = await training.progress(ctx.worker.id, campaign)
    status = ctx.copy.t("progress.done" if enrollment.status == "complete" else "progress.doing")
    return ctx.copy.t(
        "progress.text",
        name=ctx.worker.name,
        campaign=campaign.name,
        deadline=campaign.deadline.isoformat(),
        read=p.cards_read,
        cards=p.cards_total,
        passes=p.quiz_passes,
        required=campaign.quiz_passes_required,
        status=status,
    )
