"""解锁 工号 / 解绑 工号 — a supervisor lifts a worker's binding lock, or undoes their binding,
for a worker of their own department or below (bot/people/supervision.py)."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.people.supervision import team_member, unbind, unlock
from bot.storage.models import Worker

router = Router("supervise")


async def _target(ctx: ChatContext, command: str) -> Worker | str:
    """The worker the command names, or the reply saying why not."""
    employee_no = ctx.text.removeprefix(command).strip()
    if not employee_no:
        return ctx.copy.t("ladder.unlock_usage" if command == "解锁" else "ladder.unbind_usage")
    status, worker = await team_member(ctx.worker, employee_no, active_only=False)
    if status != "ok" or worker is None:
        name = worker.name if worker else ""
        return ctx.copy.t(f"ladder.{status}", employee_no=employee_no, name=name)
    return worker


@router.text(prefix="解锁", bound=True)
async def unlock_worker(ctx: ChatContext) -> str:
    worker = await _target(ctx, "解锁")
    if isinstance(worker, str):
        return worker
    lifted = await unlock(ctx.services, worker, source="chat", actor=ctx.worker.employee_no)
    key = "ladder.unlocked" if lifted else "ladder.not_locked"
    return ctx.copy.t(key, name=worker.name, employee_no=worker.employee_no)


@router.text(prefix="解绑", bound=True)
async def unbind_worker(ctx: ChatContext) -> str:
    worker = await _target(ctx, "解绑")
    if isinstance(worker, str):
        return worker
    count = await unbind(ctx.services, worker, source="chat", actor=ctx.worker.employee_no)
    key = "ladder.unbound" if count else "ladder.not_bound"
    return ctx.copy.t(key, name=worker.name, employee_no=worker.employee_no, count=count)
