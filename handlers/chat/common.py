"""Pieces several chat features share."""

from __future__ import annotations

from bot.campaigns.alerts import on_completion
from bot.chat.context import ChatContext
from bot.storage.models import Enrollment


async def completion_notice(ctx: ChatContext, done: Enrollment | None) -> str:
    """When a reply completed a campaign: tell the worker, and let the supervisor alerts look."""
    if done is None:
        return ""
    await on_completion(ctx.services, done)
    return "\n\n" + ctx.copy.t("quiz.complete", campaign=done.campaign.name)
