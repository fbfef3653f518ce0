"""Exams in chat over the simulator, on the manual clock: 考试 shows the paper's terms and asks
one question at a time with the time left, answers go by the letter shown (the options are
shuffled per sitting), the score comes only at the end; a failed sitter studies the missed
topics (补学) before a retake; the time limit, the attempts and the identity level are the
server's to enforce."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.learning import exam_attempts, exams
from bot.learning.rules.shuffle import Order
from bot.storage.models import (
    CardRead,
    Enrollment,
    ExamAnswer,
    ExamAttempt,
    ExamSeat,
    Identity,
    Question,
    Worker,
)
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign

pytestmark = pytest.mark.storage

W1, W2 = load_enterprise().roster[4:6]  # gas inspectors of tf-1
PAPER = [
    {"count": 3, "qtype": "single", "topic": "瓦斯浓度限值"},
    {"count": 1, "qtype": "multi"},
    {"count": 1, "qtype": "judge"},
]


async def bind(anxun: Running, openid: str, who: Any = W1) -> None:
    reply = await anxun.user(openid).say(f"绑定 {who.name} {who.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def make_exam(anxun: Running, **overrides: Any) -> int:
    spec = {"enterprise": "hongqiao", "name": "瓦斯检查工岗位考试", "paper": PAPER}
    status, body = await anxun.admin("POST", "/admin/v1/exams", {**spec, **overrides})
    assert status == 201, body
    return int(body["id"])


async def seat(anxun: Running, exam_id: int, *nos: str, days: int = 7) -> dict:
    due = (anxun.clock.today() + timedelta(days=days)).isoformat()
    body = {"employee_nos": list(nos or [W1.employee_no]), "due_on": due}
    status, out = await anxun.admin("POST", f"/admin/v1/exams/{exam_id}/seats", body)
    assert status == 200, out
    return dict(out)


async def open_sitting(no: str = W1.employee_no) -> ExamAttempt:
    return await ExamAttempt.get(seat__worker__employee_no=no, finished_at=None)


async def shown_answer(attempt: ExamAttempt, position: int, right: bool = True) -> str:
    """The letters this sitting shows for the right answer (or a wrong one)."""
    question = await Question.get(id=attempt.question_ids[position])
    order = Order(attempt.orders[position])
    if right:
        return order.to_shown(question.answer)
    wrong = next(b for b in sorted(question.options) if b not in question.answer)
    return order.to_shown(wrong)


async def sit(anxun: Running, openid: str, wrong: set[int] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """考试, then every question answered (right, except the positions in `wrong`)."""
    user = anxun.user(openid)
    replies = [await user.say("考试") or ""]
    attempt = await open_sitting()
    for position in range(attempt.position, len(attempt.question_ids)):
        letters = await shown_answer(attempt, position, right=position not in wrong)
        replies.append(await user.say(letters) or "")
    return replies


async def test_start_answers_and_pass(anxun: Running) -> None:
    await bind(anxun, "o-1")
    assert "没有需要参加的考试" in (await anxun.user("o-1").say("考试") or "")
    exam_id = await make_exam(anxun, pass_ratio=0.8, time_limit_minutes=15, max_attempts=3)
    assert await seat(anxun, exam_id) == {"assigned": 1, "already": 0}
    assert await seat(anxun, exam_id) == {"assigned": 0, "already": 1}  # idempotent per worker

    replies = await sit(anxun, "o-1", wrong={4})
    first = replies[0]
    for part in ("瓦斯检查工岗位考试", "共 5 题", "限时 15 分钟", "80% 及格", "第 1/3 次考试"):
        assert part in first, first
    assert "第1/5题" in first and "剩余时间 15分00秒" in first
    # no feedback per question: the next question only, never 正确/错误 or the answer
    for reply in replies[1:-1]:
        assert "题（" in reply and "回答正确" not in reply and "回答错误" not in reply
    assert "答对 4/5 题（80%）" in replies[-1] and "考试合格" in replies[-1]

    assert (await exams.outcomes(exam_id))[(await Worker.get(employee_no=W1.employee_no)).id][
        :2
    ] == ("passed", 0.8)
    attempt = await ExamAttempt.get(seat__exam_id=exam_id)
    assert attempt.ended == "answered" and attempt.passed and attempt.identity_level == 1
    assert await ExamAnswer.filter(attempt=attempt).count() == 5
    assert "没有需要参加的考试" in (await anxun.user("o-1").say("考试") or "")
    # after the sitting a letter is the quiz's again (no quiz open)
    assert "没有正在进行的答题" in (await anxun.user("o-1").say("A") or "")


async def test_shuffled_options_are_graded_by_the_letter_shown(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, paper=[{"count": 10, "qtype": "single"}], pass_ratio=1)
    await seat(anxun, exam_id)
    user = anxun.user("o-1")
    reply = await user.say("考试") or ""
    attempt = await open_sitting()
    moved = [p for p, order in enumerate(attempt.orders) if order != "".join(sorted(order))]
    assert moved, "ten 4-option questions all in the bank's order"
    for position in range(10):
        question = await Question.get(id=attempt.question_ids[position])
        order = Order(attempt.orders[position])
        # what the worker sees is the shuffled order; they answer by what they see
        for i, bank in enumerate(order.order):
            assert f"{chr(65 + i)}. {question.options[bank]}" in reply
        reply = await user.say(order.to_shown(question.answer)) or ""
    assert "答对 10/10 题" in reply
    answers = await ExamAnswer.filter(attempt=attempt).order_by("position")
    shifted = [a for a in answers if a.shown != a.choice]
    assert shifted and all(a.correct for a in answers)
    # the bank's letter typed where the order moved it is graded wrong, not right
    bank = dict(await Question.filter(id__in=attempt.question_ids).values_list("id", "answer"))
    assert [a.choice for a in answers] == [bank[q] for q in attempt.question_ids]


async def test_fail_retrain_then_retake_and_pass(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, max_attempts=2, pass_ratio=1)
    await seat(anxun, exam_id)
    replies = await sit(anxun, "o-1", wrong={0, 3})
    attempt = await ExamAttempt.get(seat__exam_id=exam_id, number=1)
    missed = [(await Question.get(id=attempt.question_ids[p])).topic for p in (0, 3)]
    last = replies[-1]
    assert "答对 3/5 题" in last and "未达到及格线" in last and "还可考 1 次" in last
    assert all(t in last for t in missed)
    seat_row = await ExamSeat.get(exam_id=exam_id)
    assert seat_row.status == "assigned" and seat_row.retrain_topics == list(dict.fromkeys(missed))

    # a retake before the retraining is refused, naming what to study
    user = anxun.user("o-1")
    refused = await user.say("考试") or ""
    assert "请先补学" in refused and "补学" in refused
    assert await ExamAttempt.filter(seat_id=seat_row.id).count() == 1
    # 补学 shows the unread cards of those topics, one by one, recording the reads
    cards = await exams.retraining_left(seat_row)
    assert {c.topic for c in cards} == set(missed)
    for n in range(1, len(cards) + 1):
        reply = await user.say("补学") or ""
        assert f"【补学 {n}/{len(cards)}】" in reply
    assert "全部学完" in reply
    assert await CardRead.filter(worker__employee_no=W1.employee_no).count() == len(cards)
    assert "没有需要补学" in (await user.say("补学") or "")

    replies = await sit(anxun, "o-1")
    assert "第 2/2 次考试" in replies[0] and "考试合格" in replies[-1]
    seat_row = await ExamSeat.get(exam_id=exam_id)
    assert (seat_row.status, seat_row.attempts, seat_row.best_ratio) == ("passed", 2, 1.0)
    second = await ExamAttempt.get(seat__exam_id=exam_id, number=2)
    assert second.orders != attempt.orders or second.question_ids != attempt.question_ids


async def test_a_card_read_before_the_failure_does_not_count(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, max_attempts=2, pass_ratio=1)
    await seat(anxun, exam_id)
    await sit(anxun, "o-1", wrong={0})
    seat_row = await ExamSeat.get(exam_id=exam_id)
    cards = await exams.retraining_left(seat_row)
    identity = await Identity.get(openid="o-1")
    # a read of an earlier version, or before the failure: still owed
    await CardRead.create(
        worker_id=identity.worker_id, card=cards[0], card_version=cards[0].version - 1 or 99,
        identity=identity, identity_level=1, read_at=anxun.clock.now(),
    )  # fmt: skip
    await CardRead.create(
        worker_id=identity.worker_id, card=cards[0], card_version=cards[0].version,
        identity=identity, identity_level=1, read_at=anxun.clock.now() - timedelta(minutes=1),
    )  # fmt: skip
    assert len(await exams.retraining_left(seat_row)) == len(cards)


async def test_attempts_exhausted(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, max_attempts=1)
    await seat(anxun, exam_id)
    replies = await sit(anxun, "o-1", wrong={0, 1, 2})
    assert "次数已用完" in replies[-1]
    assert (await ExamSeat.get(exam_id=exam_id)).status == "failed"
    assert "次数已用完" in (await anxun.user("o-1").say("考试") or "")
    assert await ExamAttempt.filter(seat__exam_id=exam_id).count() == 1


async def test_the_time_limit_is_the_servers(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, time_limit_minutes=10, max_attempts=2)
    await seat(anxun, exam_id)
    user = anxun.user("o-1")
    await user.say("考试")
    attempt = await open_sitting()
    await user.say(await shown_answer(attempt, 0))
    anxun.clock.advance(minutes=4, seconds=30)
    reply = await user.say(await shown_answer(attempt, 1)) or ""
    assert "剩余时间 5分30秒" in reply
    anxun.clock.advance(minutes=6)  # past the limit: the next answer is not graded
    reply = await user.say(await shown_answer(attempt, 2)) or ""
    assert "考试时间已到" in reply and "答对 2/5 题" in reply
    attempt = await ExamAttempt.get(id=attempt.id)
    assert attempt.ended == "timeout" and attempt.passed is False and attempt.correct == 2
    assert await ExamAnswer.filter(attempt=attempt).count() == 2
    # a second attempt remains, after the retraining of everything missed
    seat_row = await ExamSeat.get(exam_id=exam_id)
    assert seat_row.status == "assigned" and seat_row.attempts == 1 and seat_row.retrain_topics


async def test_the_sweep_closes_and_expires(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, time_limit_minutes=10, max_attempts=1)
    await seat(anxun, exam_id, W1.employee_no, W2.employee_no, days=1)
    await anxun.user("o-1").say("考试")
    anxun.clock.advance(minutes=20)  # past the limit but inside a queued submit's grace
    assert await exam_attempts.sweep(anxun.services) == (0, 0)
    anxun.clock.advance(minutes=30)
    assert await exam_attempts.sweep(anxun.services) == (1, 0)
    assert (await ExamAttempt.get(seat__exam_id=exam_id)).ended == "timeout"
    anxun.clock.advance(days=2)
    assert await exam_attempts.sweep(anxun.services) == (0, 1)
    status = {s: v[0] for s, v in (await exams.outcomes(exam_id)).items()}
    assert sorted(status.values()) == ["expired", "failed"]


async def test_below_the_identity_level_the_worker_is_told_how_to_rise(anxun: Running) -> None:
    await bind(anxun, "o-1")
    exam_id = await make_exam(anxun, min_identity_level=2)
    await seat(anxun, exam_id)
    reply = await anxun.user("o-1").say("考试") or ""
    assert "瓦斯检查工岗位考试" in reply and "班组长" in reply
    assert await ExamAttempt.filter(seat__exam_id=exam_id).count() == 0
    await Identity.filter(openid="o-1").update(level=2)
    reply = await anxun.user("o-1").say("考试") or ""
    assert "第1/5题" in reply
    assert (await open_sitting()).identity_level == 2


async def test_admin_refusals_name_the_field(anxun: Running) -> None:
    bad_paper = {"enterprise": "hongqiao", "name": "x", "paper": [{"count": 0}]}
    status, body = await anxun.admin("POST", "/admin/v1/exams", bad_paper)
    assert status == 422 and "paper.0.count" in body["message"]
    exam_id = await make_exam(anxun, paper=[{"count": 9, "qtype": "judge"}])
    due = anxun.clock.today().isoformat()
    status, body = await anxun.admin(
        "POST",
        f"/admin/v1/exams/{exam_id}/seats",
        {"employee_nos": [W1.employee_no], "due_on": due},
    )
    assert status == 422 and "job gas_inspector" in body["message"]
    assert "qtype=judge" in body["message"] and "the bank has 6" in body["message"]
    exam_id = await make_exam(anxun)
    url = f"/admin/v1/exams/{exam_id}/seats"
    status, body = await anxun.admin("POST", url, {"employee_nos": ["HQ9999"], "due_on": due})
    assert status == 422 and "employee_nos" in body["message"] and "HQ9999" in body["message"]
    status, body = await anxun.admin("POST", url, {"due_on": due})
    assert status == 422 and "employee_nos" in body["message"]
    status, body = await anxun.admin(
        "POST", url, {"employee_nos": [W1.employee_no], "due_on": "2020-01-01"}
    )
    assert status == 422 and "due_on" in body["message"]
    assert await ExamSeat.all().count() == 0
    status, body = await anxun.admin("GET", "/admin/v1/exams/999999/seats")
    assert status == 404


async def test_a_campaigns_workers_are_called_and_listed(anxun: Running) -> None:
    campaign_id = await create_gas_campaign(anxun)
    enrolled = await Enrollment.filter(campaign_id=campaign_id).count()
    assert enrolled > 2
    exam_id = await make_exam(anxun, campaign_id=campaign_id)
    due = (anxun.clock.today() + timedelta(days=3)).isoformat()
    url = f"/admin/v1/exams/{exam_id}/seats"
    await seat(anxun, exam_id)  # W1 first, by 工号
    status, body = await anxun.admin("POST", url, {"campaign_id": campaign_id, "due_on": due})
    assert status == 200 and body == {"assigned": enrolled - 1, "already": 1}
    await bind(anxun, "o-1")
    await sit(anxun, "o-1")
    status, body = await anxun.admin("GET", url)
    assert status == 200 and body["exam"]["question_count"] == 5
    rows = {s["employee_no"]: s for s in body["seats"]}
    assert len(rows) == enrolled and rows[W1.employee_no]["status"] == "passed"
    assert rows[W1.employee_no]["best_ratio"] == 1.0
    assert {s["status"] for n, s in rows.items() if n != W1.employee_no} == {"assigned"}
    status, body = await anxun.admin("POST", url, {"campaign_id": 999999, "due_on": due})
    assert status == 422 and "campaign_id" in body["message"]
    other = {"Authorization": "Bearer nope"}
    async with anxun.session.get(anxun.base_url + url, headers=other) as resp:
        assert resp.status == 403
