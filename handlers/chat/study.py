"""学习 — the next must-know card of today's session (a running campaign's first)."""

from __future__ import annotations

from bot.campaigns import challenges
from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.learning import training
from bot.learning.links import card_url
from handlers.chat.common import completion_notice, level_notice

router = Router("study")


@router.text("学习", "今日卡片", bound=True)
@router.click("STUDY", bound=True)
async def show_card(ctx: ChatContext) -> str:
    if (prompt := await challenges.ask(ctx.services, ctx.worker)) is not None:
        return prompt  # a live stand-in challenge opens the session
    enrollment = await training.active_enrollment(ctx.services, ctx.worker)
    assert ctx.identity is not None
    view = await training.todays_card(ctx.services, ctx.identity, enrollment)
    if view is None:
        return ctx.copy.t("study.no_campaign")
    text = ctx.copy.t(
        "study.card",
        index=view.index,
        total=view.total,
        title=view.card.title,
        body=view.card.body,
        source=view.card.source,
    )
    if view.review:
        text = ctx.copy.t("study.review") + "\n" + text
    url = card_url(ctx.services, view.card.id)
    if url is not None:  # the same card as a large-type page
        text += "\n" + ctx.copy.t("study.page_link", url=url)
    if enrollment is None:  # their job's cards, no campaign running
        return text
    notice = level_notice(ctx, enrollment.campaign)
    if notice:  # said before the card: the worker learns it before spending the time
        text = notice + "\n\n" + text
    done = await training.check_completion(ctx.services, ctx.identity, enrollment.campaign)
    return text + await completion_notice(ctx, done)
