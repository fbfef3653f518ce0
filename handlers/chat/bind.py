"""绑定 姓名 身份证后六位 — roster-match binding."""

from __future__ import annotations

from bot.context import ChatContext
from bot.identity import bind_by_roster, parse_bind
from bot.router import Router

router = Router("bind")


@router.text(prefix="绑定")
async def bind_worker(ctx: ChatContext) -> str:
    parsed = parse_bind(ctx.text)
    if parsed is None:
        return ctx.copy.t("bind.usage")
    name, tail = parsed
    outcome = await bind_by_roster(
        ctx.services, ctx.account.enterprise, ctx.account.name, ctx.openid, name, tail
    )
    if outcome.status == "ok":
        assert outcome.worker is not None
        worker = outcome.worker
        return ctx.copy.t(
            "bind.ok", name=worker.name, job=worker.job.name, team=worker.department.name
        )
    if outcome.status == "already":
        assert outcome.worker is not None
        return ctx.copy.t("bind.already", name=outcome.worker.name)
    if outcome.status == "mismatch":
        return ctx.copy.t("bind.mismatch", left=outcome.left)
    return ctx.copy.t(f"bind.{outcome.status}")
