"""绑定 姓名 身份证后六位 — roster-match binding; 发码 工号 and its QR scan — in-person binding."""

from __future__ import annotations

import logging
from urllib.parse import quote

from bot.campaigns.alerts import forward_locks
from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.errors import WeChatAPIError
from bot.people.identity import (
    BIND_CODE_TTL,
    BIND_SCENE,
    bind_by_roster,
    issue_bind_code,
    parse_bind,
    redeem_bind_code,
)
from bot.wechat.reply import News, Reply

log = logging.getLogger(__name__)
router = Router("bind")
QR_IMAGE = "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket="


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
    if outcome.status in ("mismatch", "locked"):
        await forward_locks(ctx.services)  # a worker this guess named may be locked now
    if outcome.status == "mismatch":
        return ctx.copy.t("bind.mismatch", left=outcome.left)
    return ctx.copy.t(f"bind.{outcome.status}")


@router.text(prefix="发码", bound=True)
async def issue_code(ctx: ChatContext) -> Reply:
    """A supervisor: 发码 工号 → a one-time QR code the worker scans in front of them, as a news
    article whose picture is the QR code (tap to show it full screen)."""
    employee_no = ctx.text.removeprefix("发码").strip()
    if not employee_no:
        return ctx.copy.t("bind.code_usage")
    status, worker, code = await issue_bind_code(
        ctx.services, ctx.account.name, ctx.worker, employee_no
    )
    if status != "ok":
        return ctx.copy.t(
            f"bind.code_{status}", employee_no=employee_no, name=worker.name if worker else ""
        )
    assert worker is not None and ctx.services.wechat is not None
    ttl = int(BIND_CODE_TTL.total_seconds())
    try:
        qr = await ctx.services.wechat.qrcode.temporary(ctx.account.name, BIND_SCENE + code, ttl)
    except WeChatAPIError as err:
        log.warning("bind QR for %s failed: %s", worker.employee_no, err.message)
        return ctx.copy.t("bind.code_failed")
    image = QR_IMAGE + quote(str(qr.get("ticket", "")))
    return News(
        title=ctx.copy.t("bind.code_title", name=worker.name, employee_no=worker.employee_no),
        description=ctx.copy.t("bind.code_issued", name=worker.name, minutes=ttl // 60),
        url=image,
        image=image,
    )


@router.event("scan", key_prefix=BIND_SCENE)
@router.event("subscribe", key_prefix="qrscene_" + BIND_SCENE)
async def scanned_code(ctx: ChatContext) -> str:
    code = ctx.event_key.removeprefix("qrscene_").removeprefix(BIND_SCENE)
    outcome = await redeem_bind_code(ctx.services, ctx.account.name, ctx.openid, code)
    worker = outcome.worker
    if outcome.status == "ok":
        assert worker is not None
        return ctx.copy.t(
            "bind.inperson_ok", name=worker.name, job=worker.job.name, team=worker.department.name
        )
    if outcome.status == "already":
        assert worker is not None
        return ctx.copy.t("bind.already", name=worker.name)
    return ctx.copy.t(f"bind.{outcome.status}", name=worker.name if worker else "")
