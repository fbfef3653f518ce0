"""我的档案 — the worker's own 学时 and archive (一人一档), short enough for one chat reply."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.learning.archive_view import view

router = Router("archive")

RECENT = 5
DETAIL_CHARS = 18
COMPLETIONS = 5
MAX_BYTES = 2048  # WeChat's passive text reply limit


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@router.text("我的档案", "档案", "学时", bound=True)
@router.click("ARCHIVE", bound=True)
async def show_archive(ctx: ChatContext) -> str:
    v = await view(ctx.services, ctx.worker)
    copy, tz = ctx.copy, ctx.services.clock.tz
    done = v.completions[-COMPLETIONS:]
    completions = "、".join(done) if done else copy.t("archive.chat_none")
    if len(v.completions) > COMPLETIONS:
        completions += f" 等{len(v.completions)}项"
    lines = [
        copy.t(
            "archive.chat_line",
            at=e.at.astimezone(tz).strftime("%m-%d %H:%M"),
            label=e.label,
            detail=_short(e.detail, DETAIL_CHARS),
        ).strip()
        for e in v.entries[-RECENT:]
    ]
    status = (
        copy.t("archive.verified_ok")
        if v.verified
        else copy.t("archive.verified_bad", n=len(v.problems))
    )
    while True:
        text = copy.t(
            "archive.chat",
            name=v.worker.name,
            employee_no=v.worker.employee_no,
            year=v.year,
            year_hours=f"{v.year_hours:.2f}",
            total_hours=f"{v.total_hours:.2f}",
            completions=completions,
            recent="\n".join(lines) or copy.t("archive.chat_none"),
            count=len(v.entries),
            status=status,
        )
        if len(text.encode()) <= MAX_BYTES or not lines:
            return text
        lines.pop(0)
