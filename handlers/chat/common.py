"""Pieces several chat features share."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.people.guidance import shortfall
from bot.storage.models import Campaign, Enrollment


async def completion_notice(ctx: ChatContext, done: Enrollment | None) -> str:
    """When a reply completed a campaign: tell the worker (leaders read it in their digest)."""
    if done is None:
        return ""
    return "\n\n" + ctx.copy.t("quiz.complete", campaign=done.campaign.name)


def level_notice(ctx: ChatContext, campaign: Campaign) -> str | None:
    """For a worker below the campaign's minimum identity level: what they have, what is
    needed and how to get there from this channel (None when their level suffices)."""
    assert ctx.identity is not None
    level, needed = ctx.identity.level, campaign.min_identity_level
    return shortfall(ctx.services, ctx.account, level, needed, campaign.name)
