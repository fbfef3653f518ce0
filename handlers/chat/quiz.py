"""答题 — today's questions one at a time, answered by letter, feedback after each."""

from __future__ import annotations

from bot.campaigns import challenges
from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.learning import exam_attempts, training
from bot.storage.models import Question, QuizSession
from handlers.chat import exam
from handlers.chat.common import completion_notice, level_notice

router = Router("quiz")

# Answers look like "A", "ac", "Ａ", "A C D", "A，C"; anything else falls through to help.
ANSWER_PATTERN = r"[A-Fa-fＡ-Ｆａ-ｆ][\sA-Fa-fＡ-Ｆａ-ｆ,，、]{0,11}"


def render_question(ctx: ChatContext, session: QuizSession, question: Question) -> str:
    shown = training.order_of(session, session.position, question).shown(question.options)
    options = "\n".join(f"{letter}. {text}" for letter, text in shown.items())
    hint = ctx.copy.t("quiz.hint_multi" if question.qtype == "multi" else "quiz.hint_single")
    if question.image:
        hint = ctx.copy.t("quiz.image", url=question.image) + "\n" + hint
    return ctx.copy.t(
        "quiz.question",
        n=session.position + 1,
        total=len(session.question_ids),
        qtype=ctx.copy.t(f"quiz.qtype_{question.qtype}"),
        stem=question.stem,
        options=options,
        hint=hint,
    )


@router.text("答题", "做题", "测试", bound=True)
@router.click("QUIZ", bound=True)
async def start_quiz(ctx: ChatContext) -> str:
    if (prompt := await challenges.ask(ctx.services, ctx.worker)) is not None:
        return prompt  # a live stand-in challenge opens the session
    if await exam_attempts.open_attempt(ctx.worker.id) is not None:
        return ctx.copy.t("exam.finish_first")  # its letters would be taken as the quiz's
    enrollment = await training.active_enrollment(ctx.services, ctx.worker)
    session = await training.start_quiz(ctx.services, ctx.worker, enrollment)
    if session is None:
        return ctx.copy.t("study.no_campaign")
    question = render_question(ctx, session, await training.current_question(session))
    notice = level_notice(ctx, enrollment.campaign) if enrollment else None
    return notice + "\n\n" + question if notice else question


@router.text(pattern=ANSWER_PATTERN, bound=True)
async def answer_question(ctx: ChatContext) -> str:
    session = await training.open_session(ctx.worker)
    if session is None:  # an open exam sitting takes the letters (starting it ends any quiz)
        reply = await exam.answer_open(ctx)
        return reply if reply is not None else ctx.copy.t("quiz.no_session")
    assert ctx.identity is not None
    result = await training.answer(ctx.services, ctx.identity, session, ctx.text)
    question, order = result.question, result.order
    assert question is not None and order is not None
    shown = order.shown(question.options)
    if not result.valid:
        letters = "".join(shown)
        example = "AC" if question.qtype == "multi" else letters[0]
        return ctx.copy.t("quiz.bad_format", letters="/".join(letters), example=example)
    answer = order.to_shown(question.answer)  # the right answer in the letters they saw
    if result.correct:
        lines = [ctx.copy.t("quiz.right")]
    elif question.explanation:
        lines = [ctx.copy.t("quiz.wrong", answer=answer)]
    else:  # a bank may leave 解析 empty: the right answer alone, with its words
        right = "；".join(f"{a}. {shown[a]}" for a in answer)
        lines = [ctx.copy.t("quiz_plain.wrong", options=right)]
    if question.explanation:
        lines.append(ctx.copy.t("quiz.explanation", text=question.explanation))
    if result.finished:
        verdict = ctx.copy.t("quiz.passed" if result.passed else "quiz.failed")
        lines.append("")
        lines.append(
            ctx.copy.t(
                "quiz.finished",
                correct=session.correct,
                total=len(session.question_ids),
                verdict=verdict,
            )
        )
        if result.campaign is not None and (notice := level_notice(ctx, result.campaign)):
            lines += ["", notice]  # the quiz counted for nothing towards completion yet
        return "\n".join(lines) + await completion_notice(ctx, result.just_completed)
    lines.append("")
    following = result.next_question or await training.current_question(session)
    lines.append(render_question(ctx, session, following))
    return "\n".join(lines)
