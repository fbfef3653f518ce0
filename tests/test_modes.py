"""The same chat — bind, study, a whole quiz — over every kind of callback anxun takes: an
official account in plaintext, compatible and safe mode, and a WeCom app."""

from __future__ import annotations

import pytest

from bot.storage.models import Answer, QuizSession
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign
from tests.quizzes import shown_answers

pytestmark = pytest.mark.storage

W1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")


@pytest.mark.parametrize("account", ["plainmine", "compatmine", "mine", "minework"])
async def test_bind_study_and_quiz(anxun: Running, account: str) -> None:
    await create_gas_campaign(anxun)
    user = anxun.user("u-1", account)
    reply = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply
    card = await user.say("学习")
    assert card is not None and "今日卡片 1/2" in card
    first = await user.say("答题")
    assert first is not None and "第1/3题" in first
    session = await QuizSession.get(finished_at=None, worker__employee_no=W1.employee_no)
    replies = [await user.say(letters) for letters in await shown_answers(session)]
    assert "回答正确" in (replies[0] or "") and "第2/3题" in (replies[0] or "")
    assert "答对 3/3 题" in (replies[-1] or "")
    assert await Answer.filter(identity__account=account).count() == 3
