"""Channel bookkeeping events WeChat sends: they change delivery state and get no reply.

The identity's follow state and contact time are kept by the callback itself for every message
(bot/identity.py: note_contact); this router only has to stop those events reaching the help
fallback and record template receipts.
"""

from __future__ import annotations

from bot.context import ChatContext
from bot.router import Router
from bot.storage.models import Delivery

router = Router("channel")


@router.event("unsubscribe")
async def unfollowed(ctx: ChatContext) -> None:
    return None  # a passive reply to an unfollow is never shown


@router.event("templatesendjobfinish")
async def template_receipt(ctx: ChatContext) -> None:
    """Record WeChat's receipt ("success", "failed:user block", …) on the delivery it belongs to."""
    msgid, status = ctx.fields.get("MsgID", ""), ctx.fields.get("Status", "")[:64]
    if msgid:
        await Delivery.filter(
            account=ctx.account.name, openid=ctx.openid, wechat_msgid=msgid
        ).update(receipt=status)
    return None
