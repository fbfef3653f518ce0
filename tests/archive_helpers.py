"""Shared steps of the archive tests: a gas inspector who studies in chat on a moving clock."""

from __future__ import annotations

from bot.storage.models import Question, QuizSession, Worker
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign

W1 = load_enterprise().roster[4]  # a gas inspector of tf-1


async def study_day(anxun: Running, openid: str = "o-w1", step_s: float = 40) -> Worker:
    """Bind (once), read a card and answer a quiz, `step_s` apart; returns the worker."""
    user = anxun.user(openid)
    worker = await Worker.get(employee_no=W1.employee_no)
    if not await worker.identities.all().exists():
        reply = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
        assert reply is not None and "绑定成功" in reply
    await user.say("学习")
    anxun.clock.advance(seconds=step_s)
    await user.say("答题")
    session = await QuizSession.get(finished_at=None, worker_id=worker.id)
    for qid in session.question_ids:
        anxun.clock.advance(seconds=step_s)
        await user.say((await Question.get(id=qid)).answer)
    return worker


async def campaign(anxun: Running) -> int:
    return await create_gas_campaign(anxun)
