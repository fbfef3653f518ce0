"""Help, welcome on follow, and the fallback for anything not understood."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router

router = Router("help")


@router.event("subscribe")
async def on_subscribe(ctx: ChatContext) -> str:
    return ctx.copy.t("help.text" if ctx.identity else "help.welcome")


@router.text("帮助", "help", "?", "？", "菜单")
async def show_help(ctx: ChatContext) -> str:
    return ctx.copy.t("help.text")


@router.fallback()
async def not_understood(ctx: ChatContext) -> str:
    return ctx.copy.t("help.unknown")
