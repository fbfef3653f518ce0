"""WeCom members bind themselves: before any message of a WeCom member not yet at level 4 is
routed — opening the app (enter_agent) included — the corp's directory is asked who they are
(bot/people/wecom_member.py), and the note on what came of it goes in front of the reply."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.people.wecom_member import recognise_member

router = Router("wecom")

# the events a member causes by acting in the app (others — location reports, unfollows, job
# results — are WeCom's bookkeeping and look nobody up)
_ACTING = frozenset(
    {
        "subscribe",
        "enter_agent",
        "click",
        "view",
        "scancode_push",
        "scancode_waitmsg",
        "pic_sysphoto",
        "pic_photo_or_album",
        "pic_weixin",
        "location_select",
    }
)


@router.before()
async def recognise(ctx: ChatContext) -> str | None:
    if ctx.account.kind != "wecom" or (ctx.msg_type == "event" and ctx.event not in _ACTING):
        return None
    outcome = await recognise_member(ctx.services, ctx.account, ctx.openid, ctx.identity)
    ctx.identity = outcome.identity
    worker = outcome.worker
    if outcome.status == "bound" and worker is not None:
        return ctx.copy.t(
            "ladder.wecom_bound", name=worker.name, job=worker.job.name, team=worker.department.name
        )
    if outcome.status in ("raised", "conflict"):
        return ctx.copy.t(f"ladder.wecom_{outcome.status}")
    if outcome.status == "taken" and worker is not None:
        return ctx.copy.t("ladder.wecom_taken", name=worker.name)
    if outcome.status == "ambiguous" and ctx.identity is None:
        return ctx.copy.t("ladder.wecom_ambiguous")
    if outcome.status == "no_match" and ctx.identity is None and _asks(ctx):
        return ctx.copy.t("ladder.wecom_no_match")
    return None


def _asks(ctx: ChatContext) -> bool:
    """Whether an unplaced member should be told how to bind now: on opening the app, or on a
    message other than a 绑定 command (which answers for itself)."""
    if ctx.msg_type == "event":
        return ctx.event == "enter_agent"
    return not ctx.text.startswith("绑定")
