"""Channel bookkeeping events WeChat sends: they change delivery state and get no reply.

The identity's follow state and contact time are kept by the callback itself for every message
(bot/people/identity.py: note_contact); this router only has to stop those events reaching the help
fallback, record template and subscribe-notice receipts, and count subscribe-notice grants.
"""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.delivery.channels import add_grants
from bot.storage.models import Delivery, SubscribeGrant
from bot.wechat.crypto import nested_items

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


@router.event("subscribe_msg_popup_event")
async def subscribe_prompt_answered(ctx: ChatContext) -> None:
    """The worker answered a subscribe-notice prompt: each accepted template allows one more
    message, each rejected one none."""
    items = nested_items(ctx.fields, "SubscribeMsgPopupEvent", "List")
    await _apply_choices(ctx, items)
    return None


@router.event("subscribe_msg_change_event")
async def subscribe_settings_changed(ctx: ChatContext) -> None:
    """The worker changed their subscribe-notice settings (rejections turn a template off)."""
    items = nested_items(ctx.fields, "SubscribeMsgChangeEvent", "List")
    await _apply_choices(ctx, [i for i in items if i.get("SubscribeStatusString") == "reject"])
    return None


@router.event("subscribe_msg_sent_event")
async def subscribe_receipt(ctx: ChatContext) -> None:
    """WeChat's receipt for a subscribe notice: record it like a template receipt."""
    for item in nested_items(ctx.fields, "SubscribeMsgSentEvent", "List"):
        msgid = item.get("MsgID", "")
        status = item.get("ErrorStatus", "") or f"error:{item.get('ErrorCode', '')}"
        if msgid:
            await Delivery.filter(
                account=ctx.account.name, openid=ctx.openid, wechat_msgid=msgid
            ).update(receipt=status[:64])
    return None


async def _apply_choices(ctx: ChatContext, items: list[dict[str, str]]) -> None:
    if ctx.identity is None:
        return  # grants belong to a bound worker; an unbound follower's prompt is not kept
    accepted = [
        i["TemplateId"]
        for i in items
        if i.get("SubscribeStatusString") == "accept" and i.get("TemplateId")
    ]
    rejected = [
        i["TemplateId"]
        for i in items
        if i.get("SubscribeStatusString") == "reject" and i.get("TemplateId")
    ]
    if accepted:
        await add_grants(ctx.services, ctx.identity, accepted)
    if rejected:
        await SubscribeGrant.filter(identity=ctx.identity, template_id__in=rejected).update(
            remaining=0
        )
