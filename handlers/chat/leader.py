"""班组进度 — a leader's subtree in the running campaigns, now; 日报 [HH:MM | 关 | 开] — when
their daily digest comes, or none (bot/campaigns/digest.py)."""

from __future__ import annotations

from bot.campaigns import digest
from bot.chat.context import ChatContext
from bot.chat.router import Router

router = Router("leader")


@router.text("班组进度", bound=True)
async def team_progress(ctx: ChatContext) -> str:
    return await digest.team_progress(ctx.services, ctx.worker)


@router.text(prefix="日报", bound=True)
async def digest_time(ctx: ChatContext) -> str:
    return await digest.configure(ctx.services, ctx.worker, ctx.text.removeprefix("日报"))
