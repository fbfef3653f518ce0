"""Exams in the mini-program: the list, a sitting's questions without answers, a submit that is
idempotent by its request id (the same body again, one set of answers stored), answer times the
phone recorded (bounded by the server's), a late submit counting only what was in time, and a
malformed submit storing nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.learning.rules.shuffle import Order
from bot.storage.models import ExamAnswer, ExamAttempt, ExamSeat, Question
from tests.conftest import Running
from tests.test_exams import W1, bind, make_exam, seat
from tests.test_miniapp import login

pytestmark = pytest.mark.storage


async def bound(anxun: Running, sim: Any) -> str:
    token = await login(anxun, sim, "m-w1")
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200, body
    return token


async def start(anxun: Running, token: str) -> dict:
    status, body = await anxun.api("GET", "/api/v1/me/exams", token=token)
    assert status == 200, body
    seat_id = body["exams"][0]["seat_id"]
    status, sitting = await anxun.api("POST", f"/api/v1/me/exams/{seat_id}/start", token=token)
    assert status == 200, sitting
    return dict(sitting)


async def right_answers(sitting: dict) -> dict[str, str]:
    attempt = await ExamAttempt.get(id=sitting["attempt_id"])
    out = {}
    for qid, order in zip(attempt.question_ids, attempt.orders, strict=True):
        out[str(qid)] = Order(order).to_shown((await Question.get(id=qid)).answer)
    return out


async def test_list_start_and_an_idempotent_submit(anxun: Running, sim: Any) -> None:
    token = await bound(anxun, sim)
    exam_id = await make_exam(anxun, pass_ratio=0.8, min_identity_level=3)
    await seat(anxun, exam_id)
    status, body = await anxun.api("GET", "/api/v1/me/exams", token=token)
    mine = body["exams"][0]
    assert (mine["name"], mine["status"], mine["question_count"]) == (
        "瓦斯检查工岗位考试",
        "assigned",
        5,
    )
    assert mine["attempts_left"] == 2 and mine["retraining"] is None and mine["due_at"]

    sitting = await start(anxun, token)
    assert sitting["total"] == 5 and len(sitting["questions"]) == 5
    assert all("answer" not in q and "explanation" not in q for q in sitting["questions"])
    attempt = await ExamAttempt.get(id=sitting["attempt_id"])
    for q, order in zip(sitting["questions"], attempt.orders, strict=True):
        bank = (await Question.get(id=q["id"])).options
        assert q["options"] == Order(order).shown(bank)  # shown in this sitting's order
    assert attempt.identity_level == 3
    assert (await start(anxun, token))["attempt_id"] == attempt.id  # a second start resumes

    answers = await right_answers(sitting)
    answers[next(iter(answers))] = next(  # one wrong
        letter for letter in "ABCD" if letter != answers[next(iter(answers))]
    )
    url = f"/api/v1/me/exam-attempts/{attempt.id}/submit"
    submit = {"request_id": "req-1", "answers": answers}
    first = await anxun.api("POST", url, submit, token=token)
    assert first[0] == 200 and first[1]["correct"] == 4 and first[1]["passed"] is True
    anxun.clock.advance(minutes=3)
    again = await anxun.api("POST", url, submit, token=token)  # the phone lost the answer
    assert again == first
    assert await ExamAnswer.filter(attempt=attempt).count() == 5
    other = await anxun.api("POST", url, {**submit, "request_id": "req-2"}, token=token)
    assert other[0] == 409 and other[1]["code"] == "exam_finished"
    status, result = await anxun.api("GET", f"/api/v1/me/exam-attempts/{attempt.id}", token=token)
    assert (status, result) == (200, first[1])
    assert (await ExamSeat.get(exam_id=exam_id)).status == "passed"


async def test_a_malformed_submit_stores_nothing(anxun: Running, sim: Any) -> None:
    token = await bound(anxun, sim)
    await seat(anxun, await make_exam(anxun))
    sitting = await start(anxun, token)
    answers = await right_answers(sitting)
    ids = list(answers)
    bad = {**answers, ids[0]: "Z", "999999": "A"}
    url = f"/api/v1/me/exam-attempts/{sitting['attempt_id']}/submit"
    status, body = await anxun.api("POST", url, {"request_id": "r", "answers": bad}, token=token)
    assert status == 422 and body["code"] == "bad_answers"
    assert set(body["details"]) == {ids[0], "999999"}
    status, body = await anxun.api(
        "POST", url, {"request_id": "r", "answers": answers, "answered_at": {ids[0]: "soon"}},
        token=token,
    )  # fmt: skip
    assert status == 422 and "answered_at" in body["message"]
    attempt = await ExamAttempt.get(id=sitting["attempt_id"])
    assert attempt.finished_at is None and attempt.request_id is None
    assert await ExamAnswer.filter(attempt=attempt).count() == 0
    status, body = await anxun.api(
        "POST", url, {"request_id": "r", "answers": answers}, token=token
    )
    assert status == 200 and body["correct"] == 5


async def test_client_times_are_clamped_and_a_late_submit_counts_what_was_in_time(
    anxun: Running, sim: Any
) -> None:
    token = await bound(anxun, sim)
    await seat(anxun, await make_exam(anxun, time_limit_minutes=10, max_attempts=2))
    sitting = await start(anxun, token)
    answers = await right_answers(sitting)
    ids = list(answers)
    started = anxun.clock.now()
    anxun.clock.advance(minutes=25)  # the phone was offline; it submits 15 minutes late
    times = {
        ids[0]: (started - timedelta(hours=2)).isoformat(),  # before the start: the start
        ids[1]: (started + timedelta(minutes=4)).isoformat(),
        ids[2]: (started + timedelta(minutes=9, seconds=59)).isoformat(),
        ids[3]: (started + timedelta(minutes=11)).isoformat(),  # after the deadline
        ids[4]: (started + timedelta(days=1)).isoformat(),  # in the future: now, also late
    }
    url = f"/api/v1/me/exam-attempts/{sitting['attempt_id']}/submit"
    body = {"request_id": "late-1", "answers": answers, "answered_at": times}
    status, result = await anxun.api("POST", url, body, token=token)
    assert status == 200, result
    assert result["correct"] == 3 and result["total"] == 5 and result["passed"] is False
    assert result["late"] == sorted(int(i) for i in ids[3:])
    assert result["ended"] == "submitted" and result["attempts_left"] == 1
    stored = {
        str(a.question_id): a.answered_at
        for a in await ExamAnswer.filter(attempt_id=sitting["attempt_id"])
    }
    assert set(stored) == set(ids[:3])
    assert stored[ids[0]] == started
    assert stored[ids[2]] == started + timedelta(minutes=9, seconds=59)
    deadline = started + timedelta(minutes=10)
    assert all(started <= at <= deadline for at in stored.values())
    # the missed topics wait as retraining in the list
    status, listed = await anxun.api("GET", "/api/v1/me/exams", token=token)
    assert listed["exams"][0]["retraining"]["topics"] == result["retrain_topics"]
    status, refused = await anxun.api(
        "POST", f"/api/v1/me/exams/{listed['exams'][0]['seat_id']}/start", token=token
    )
    assert status == 409 and refused["code"] == "retraining" and "补学" in refused["message"]


async def test_a_sitting_belongs_to_the_identity_that_started_it(anxun: Running, sim: Any) -> None:
    token = await bound(anxun, sim)
    await seat(anxun, await make_exam(anxun))
    sitting = await start(anxun, token)
    await bind(anxun, "o-chat")  # the same worker on the official account
    chat = anxun.user("o-chat")
    # the chat's letters are not the mini-program sitting's; 考试 there says where to go on
    assert "没有正在进行的答题" in (await chat.say("A") or "")
    assert "另一个入口" in (await chat.say("考试") or "")
    assert await ExamAnswer.filter(attempt_id=sitting["attempt_id"]).count() == 0
