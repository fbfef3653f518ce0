"""Answering a quiz in a test as a worker would: in the letters shown to them (options are
shuffled per worker and attempt, bot/learning/rules/shuffle.py)."""

from __future__ import annotations

from bot.learning import training
from bot.storage.models import QuizSession


async def shown_answer(session: QuizSession, position: int, *, right: bool = True) -> str:
    """The right (or a wrong) answer to the session's question at `position`, as shown."""
    [question] = await training.asked(session, position, 1)  # as the quiz shows it
    order = training.order_of(session, position, question)
    answer = order.to_shown(question.answer)
    if right:
        return answer
    return next(letter for letter in order.shown(question.options) if letter not in answer)


async def shown_answers(session: QuizSession, *, right: bool = True) -> list[str]:
    return [await shown_answer(session, n, right=right) for n in range(len(session.question_ids))]


async def answer_key(quiz_id: int) -> dict[str, str]:
    """Question id -> the right letters as shown in the quiz (for the mini-program's submit)."""
    session = await QuizSession.get(id=quiz_id)
    answers = await shown_answers(session)
    return {str(q): a for q, a in zip(session.question_ids, answers, strict=True)}
