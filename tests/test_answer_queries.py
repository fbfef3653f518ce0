"""The quiz-answer callback's round trips to the database, counted: a guard on the hot path.

A mid-quiz answer in chat costs: the inbound claim, the identity, the open quiz (which kept, as
it started, its questions as shown and the worker's memory of each), the answer, the memory of
the question (one statement), the quiz's progress, and the stored reply. One more is a regression
to explain (issue 15 plans fewer)."""

from __future__ import annotations

import logging

import pytest

from bot.storage.models import QuizSession
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign
from tests.quizzes import shown_answer

pytestmark = pytest.mark.storage

W1 = load_enterprise().roster[4]
EXPECTED = ["INSERT", "SELECT", "SELECT", "INSERT", "INSERT", "UPDATE", "UPDATE"]


class Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if '"delivery"' not in text:  # the sender's polling runs alongside; not the callback's
            self.seen.append(text)


async def answer_counted(anxun: Running, right: bool) -> list[str]:
    """The statements of answering the open quiz's first question."""
    user = anxun.user("o-w1")
    session = await QuizSession.get(finished_at=None)
    letter = await shown_answer(session, 0, right=right)
    statements = Statements()
    logger = logging.getLogger("tortoise.db_client")
    level = logger.level
    logger.addHandler(statements)
    logger.setLevel(logging.DEBUG)
    try:
        await user.say(letter)
    finally:
        logger.removeHandler(statements)
        logger.setLevel(level)
    return [s.split(maxsplit=1)[0] for s in statements.seen]


async def test_a_mid_quiz_answer_is_seven_statements(anxun: Running) -> None:
    await create_gas_campaign(anxun)
    user = anxun.user("o-w1")
    await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    await user.say("答题")
    assert await answer_counted(anxun, right=False) == EXPECTED  # new to the worker: inserted
    session = await QuizSession.get(finished_at=None)
    for n in range(1, len(session.question_ids)):
        await user.say(await shown_answer(session, n))
    anxun.clock.advance(days=1)
    await user.say("答题")  # the next day's quiz opens with the mistake: a memory to write back
    again = await answer_counted(anxun, right=True)
    assert again == ["INSERT", "SELECT", "SELECT", "INSERT", "UPDATE", "UPDATE", "UPDATE"]
