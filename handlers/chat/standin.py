"""The live stand-in challenge in chat: the worker's photo, and the leader's 确认/驳回 工号."""

from __future__ import annotations

from bot.campaigns import challenges, verdicts
from bot.chat.context import ChatContext
from bot.chat.router import Router

router = Router("standin")
VERDICTS = {"确认": "confirmed", "驳回": "rejected"}


@router.image()
async def photo_sent(ctx: ChatContext) -> str:
    if ctx.identity is None:  # a picture from someone not bound is just not understood
        return ctx.copy.t("help.unknown")
    return await challenges.take_photo(
        ctx.services, ctx.worker, ctx.fields.get("PicUrl", ""), ctx.fields.get("MediaId", "")
    )


@router.text(prefix="确认", bound=True)
@router.text(prefix="驳回", bound=True)
async def decide(ctx: ChatContext) -> str:
    """确认 HQ0005 / 驳回 HQ0005 (anything after the 工号 is ignored)."""
    word = ctx.text[:2]
    rest = ctx.text[2:].replace("\u3000", " ").split()
    if not rest or not rest[0].isascii() or len(rest[0]) > 32:
        return ctx.copy.t("standin.decide_usage")
    return await verdicts.decide(ctx.services, ctx.worker, rest[0], VERDICTS[word])
