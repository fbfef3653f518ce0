"""错题 — the worker's 错题本: questions answered wrong and not yet right twice since."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.learning import memory

router = Router("mistakes")

SHOWN = 5  # a chat reply stays short (and under WeChat's 2,048 bytes)


@router.text("错题", "错题本", bound=True)
async def show_mistakes(ctx: ChatContext) -> str:
    found = await memory.mistake_questions(ctx.worker.id)
    if not found:
        return ctx.copy.t("mistakes.none")
    lines = [ctx.copy.t("mistakes.head", count=len(found))]
    for n, q in enumerate(found[:SHOWN], 1):
        right = "；".join(f"{a}. {q.options.get(a, '')}" for a in q.answer)
        lines.append(ctx.copy.t("mistakes.item", n=n, stem=q.stem[:60], answer=right))
        if q.explanation:
            lines.append(ctx.copy.t("quiz.explanation", text=q.explanation[:80]))
    if len(found) > SHOWN:
        lines.append(ctx.copy.t("mistakes.more", count=len(found) - SHOWN))
    lines.append(ctx.copy.t("mistakes.hint"))
    return "\n".join(lines)
