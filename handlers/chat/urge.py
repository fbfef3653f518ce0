"""催学 — a leader reminds their own late workers, once a day (bot/campaigns/urge.py)."""

from __future__ import annotations

from bot.campaigns.urge import urge
from bot.chat.context import ChatContext
from bot.chat.router import Router

router = Router("urge")


@router.text("催学", bound=True)
async def urge_team(ctx: ChatContext) -> str:
    done = await urge(ctx.services, ctx.worker)
    if done.status in ("not_supervisor", "nobody"):
        return ctx.copy.t(f"nudge.urge_{done.status}", **done.figures())
    if done.status == "already" and done.at is not None:
        time = done.at.astimezone(ctx.services.clock.tz).strftime("%H:%M")
        return ctx.copy.t("nudge.urge_already", time=time, **done.figures())
    return ctx.copy.t("nudge.urge_done", **done.figures())
