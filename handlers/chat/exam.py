"""考试 — the worker's next assigned exam, one question at a time, scored only at the end;
补学 — the retraining a failed sitter owes before a retake. Letter answers reach `answer_open`
through handlers/chat/quiz.py while a sitting is open."""

from __future__ import annotations

from bot.chat.context import ChatContext
from bot.chat.router import Router
from bot.errors import AnxunError
from bot.learning import exam_attempts, exams
from bot.learning.exam_attempts import Sitting
from bot.learning.rules.sitting import remaining_minutes

router = Router("exam")


def render_question(ctx: ChatContext, sitting: Sitting) -> str:
    attempt = sitting.attempt
    question = sitting.questions[attempt.position]
    options = "\n".join(
        f"{letter}. {text}" for letter, text in sitting.shown(attempt.position).items()
    )
    hint = ctx.copy.t("quiz.hint_multi" if question.qtype == "multi" else "quiz.hint_single")
    if question.image:
        hint = ctx.copy.t("quiz.image", url=question.image) + "\n" + hint
    minutes, seconds = remaining_minutes(ctx.services.clock.now(), attempt.deadline_at)
    return ctx.copy.t(
        "exam.question",
        n=attempt.position + 1,
        total=len(attempt.question_ids),
        qtype=ctx.copy.t(f"quiz.qtype_{question.qtype}"),
        minutes=minutes,
        seconds=f"{seconds:02d}",
        stem=question.stem,
        options=options,
        hint=hint,
    )


def _pct(ratio: float) -> str:
    return f"{ratio * 100:.0f}"


def render_result(ctx: ChatContext, result: dict) -> str:  # type: ignore[type-arg]
    if result["passed"]:
        verdict = ctx.copy.t("exam.passed")
    elif result["status"] == "assigned":
        topics = "、".join(result["retrain_topics"]) or "—"
        verdict = ctx.copy.t("exam.failed_retrain", topics=topics, left=result["attempts_left"])
    else:
        verdict = ctx.copy.t("exam.failed_final")
    return ctx.copy.t(
        "exam.result",
        correct=result["correct"],
        total=result["total"],
        pct=_pct(result["ratio"]),
        pass_pct=_pct(result["pass_ratio"]),
        verdict=verdict,
    )


@router.text("考试", "开始考试", bound=True)
async def start_exam(ctx: ChatContext) -> str:
    seat = await exams.next_seat(ctx.services, ctx.worker.id)
    if seat is None:
        return ctx.copy.t("exam.none")
    assert ctx.identity is not None
    try:
        sitting = await exam_attempts.start(ctx.services, ctx.identity, seat)
    except AnxunError as err:
        return err.message
    exam, attempt = sitting.exam, sitting.attempt
    if sitting.resumed:
        head = ctx.copy.t(
            "exam.resume", name=exam.name, answered=attempt.position, count=len(sitting.questions)
        )
    else:
        due = ""
        if seat.due_at is not None:
            local = seat.due_at.astimezone(ctx.services.clock.tz)
            due = ctx.copy.t("exam.due", due=local.strftime("%Y-%m-%d %H:%M"))
        head = ctx.copy.t(
            "exam.intro",
            name=exam.name,
            count=len(sitting.questions),
            minutes=(exam.time_limit_s + 59) // 60,
            pass_pct=_pct(exam.pass_ratio),
            number=attempt.number,
            max_attempts=exam.max_attempts,
            due=due,
        )
    return head + "\n\n" + render_question(ctx, sitting)


async def answer_open(ctx: ChatContext) -> str | None:
    """A letter while this identity has an exam sitting open: that sitting's answer (None: no
    sitting open here)."""
    attempt = await exam_attempts.open_attempt(ctx.worker.id)
    assert ctx.identity is not None
    if attempt is None or attempt.identity_id != ctx.identity.id:
        return None  # a sitting open in the mini-program does not take this chat's letters
    try:
        step = await exam_attempts.answer(ctx.services, ctx.identity, attempt, ctx.text)
    except AnxunError as err:
        return err.message
    if step.timed_out and step.result is not None:
        return ctx.copy.t("exam.timeout") + "\n" + render_result(ctx, step.result)
    if not step.valid:
        n = len(attempt.orders[attempt.position])
        letters = "".join(chr(ord("A") + i) for i in range(n))
        multi = step.sitting.questions[attempt.position].qtype == "multi"
        example = "AC" if multi else "A"
        return ctx.copy.t("quiz.bad_format", letters="/".join(letters), example=example)
    if step.result is not None:
        return render_result(ctx, step.result)
    return render_question(ctx, step.sitting)


@router.text("补学", bound=True)
async def retrain(ctx: ChatContext) -> str:
    seat = await exams.retraining_seat(ctx.worker.id)
    assert ctx.identity is not None
    view = await exams.read_retraining(ctx.services, ctx.identity, seat) if seat else None
    if view is None:
        return ctx.copy.t("exam.retrain_none")
    text = ctx.copy.t(
        "exam.retrain_card",
        index=view.index,
        total=view.total,
        title=view.card.title,
        body=view.card.body,
        source=view.card.source,
    )
    return text + "\n" + ctx.copy.t("exam.retrain_done" if view.last else "exam.retrain_next")
