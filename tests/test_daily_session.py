"""The daily session with the manual clock: the 错题本 across days, critical questions, a revised
card read again before completion counts, shuffled options, and the mini-program's submit made
idempotent by the phone's request id (bot/learning/memory.py, training.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.learning import memory, training
from bot.storage.models import (
    Answer,
    Campaign,
    Card,
    Identity,
    MemoryState,
    Question,
    QuizSession,
)
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign
from tests.quizzes import answer_key, shown_answer
from tests.test_miniapp import login

pytestmark = pytest.mark.storage

W1, W2 = load_enterprise().roster[4:6]  # gas inspectors of tf-1


async def bound(anxun: Running, openid: str = "o-w1") -> None:
    reply = await anxun.user(openid).say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def quiz(anxun: Running, wrong_first: bool = False) -> QuizSession:
    """Take today's quiz in chat, the first question answered wrongly if `wrong_first`."""
    user = anxun.user("o-w1")
    await user.say("答题")
    session = await QuizSession.get(finished_at=None, worker__employee_no=W1.employee_no)
    for n in range(len(session.question_ids)):
        await user.say(await shown_answer(session, n, right=not (wrong_first and n == 0)))
    return session


async def test_a_wrong_answer_comes_back_each_day_until_right_twice(anxun: Running) -> None:
    await create_gas_campaign(anxun)
    await bound(anxun)
    user = anxun.user("o-w1")
    assert "错题本是空的" in (await user.say("错题") or "")
    day1 = await quiz(anxun, wrong_first=True)
    missed = await Question.get(id=day1.question_ids[0])
    listed = await user.say("错题")
    assert listed is not None and "共 1 题" in listed and missed.stem[:20] in listed
    for day in (2, 3):
        anxun.clock.advance(days=1)
        again = await quiz(anxun)
        assert again.question_ids[0] == missed.id  # the 错题本 first, the next day
        still = await user.say("错题")
        if day == 2:  # right once: it stays until right twice
            assert still is not None and missed.stem[:20] in still
    assert "错题本是空的" in (await user.say("错题") or "")
    state = await MemoryState.get(worker__employee_no=W1.employee_no, item_id=missed.id)
    assert (state.mistake, state.rights, state.lapses) == (False, 2, 1)


async def test_questions_of_a_life_critical_topic_are_critical(anxun: Running) -> None:
    critical_topics = set(await Card.filter(risk="life-critical").values_list("topic", flat=True))
    questions = await Question.all()
    marked = [await memory.question_is_critical(q) for q in questions]
    assert marked == [q.topic in critical_topics for q in questions]
    assert any(marked) and not all(marked)


async def test_a_revised_card_must_be_read_again_before_completion_counts(anxun: Running) -> None:
    campaign_id = await create_gas_campaign(anxun)
    await bound(anxun)
    user = anxun.user("o-w1")
    for _ in range(2):
        await user.say("学习")
    campaign = await Campaign.get(id=campaign_id)
    worker_id = (await MemoryState.filter(kind="card").first().values_list("worker_id"))[0]
    assert (await training.progress(worker_id, campaign)).cards_read == 2
    revised = await Card.get(code="gi-card-01")
    await Card.filter(id=revised.id).update(
        version=revised.version + 1, body=revised.body + "（修订）"
    )
    assert (await training.progress(worker_id, campaign)).cards_read == 1
    card = await user.say("学习")  # the revised card, as new: read again
    assert card is not None and "（修订）" in card and "复习" not in card
    assert (await training.progress(worker_id, campaign)).cards_read == 2


async def test_a_repeated_submit_returns_the_same_result_and_stores_once(
    anxun: Running, sim
) -> None:
    await create_gas_campaign(anxun)
    token = await login(anxun, sim, "m-w1")
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    status, started = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200
    session = await QuizSession.get(id=started["quiz_id"])
    key = await answer_key(session.id)
    first_id = str(session.question_ids[0])
    wrong = await shown_answer(session, 0, right=False)
    at = anxun.clock.now()
    body = {
        "request_id": "3f2b8c1e-offline-1",
        "answers": {**key, first_id: wrong},
        "answered_at": {  # a phone clock behind the quiz's start, and one ahead of the server
            first_id: (at - timedelta(hours=2)).isoformat(),
            str(session.question_ids[1]): (at + timedelta(hours=2)).isoformat(),
        },
    }
    anxun.clock.advance(seconds=90)
    url = f"/api/v1/me/quiz/{session.id}/submit"
    status, result = await anxun.api("POST", url, body, token=token)
    assert status == 200 and result["finished"] and result["correct"] == 2
    anxun.clock.advance(seconds=30)  # the phone lost the answer and sends the same again
    assert await anxun.api("POST", url, body, token=token) == (200, result)
    assert await Answer.filter(session_id=session.id).count() == 3
    other = {**body, "request_id": "another-submit-2"}
    status, refused = await anxun.api("POST", url, other, token=token)
    assert status == 409 and refused["code"] == "quiz_finished"
    stored = {a.question_id: a for a in await Answer.filter(session_id=session.id)}
    first = stored[int(first_id)]
    assert first.answered_at == session.started_at  # kept within the quiz's start…
    assert stored[session.question_ids[1]].answered_at == at + timedelta(seconds=90)  # …and now
    # what was shown and what was graded agree with the order this worker saw
    for n, qid in enumerate(session.question_ids):
        q = await Question.get(id=qid)
        order = training.order_of(session, n, q)
        assert order.to_bank(stored[qid].shown) == stored[qid].choice
        assert stored[qid].correct == (stored[qid].choice == "".join(sorted(q.answer)))
    assert result["results"][0]["answer"] == order_answer(
        session, 0, await Question.get(id=int(first_id))
    )
    # a submit that stopped half-way (the server died after the first answer) is sent again
    status, second = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200 and second["quiz_id"] != session.id
    half = await QuizSession.get(id=second["quiz_id"])
    await QuizSession.filter(id=half.id).update(request_id="3f2b8c1e-offline-2")
    key = await answer_key(half.id)
    identity = await Identity.get(openid="m-w1")
    await training.answer(anxun.services, identity, half, key[str(half.question_ids[0])])
    again = {"request_id": "3f2b8c1e-offline-2", "answers": key}
    status, rest = await anxun.api("POST", f"/api/v1/me/quiz/{half.id}/submit", again, token=token)
    assert status == 200 and rest["finished"] and rest["correct"] == len(half.question_ids)
    assert await Answer.filter(session_id=half.id).count() == len(half.question_ids)
    status, mistakes = await anxun.api("GET", "/api/v1/me/mistakes", token=token)
    assert status == 200 and [m["id"] for m in mistakes["mistakes"]] == [int(first_id)]
    assert mistakes["mistakes"][0]["answer"] == (await Question.get(id=int(first_id))).answer


def order_answer(session: QuizSession, position: int, question: Question) -> str:
    return training.order_of(session, position, question).to_shown(question.answer)


async def test_each_attempt_shows_the_options_in_its_own_order(anxun: Running) -> None:
    await create_gas_campaign(anxun)
    await bound(anxun)
    orders = []
    for _ in range(4):
        session = await quiz(anxun)
        orders += session.orders
        anxun.clock.advance(days=1)
    assert all(sorted(o) == [chr(ord("A") + i) for i in range(len(o))] for o in orders)
    assert len(set(orders)) > 1  # not the bank's order every time


async def phone_bound(anxun: Running, sim) -> str:
    token = await login(anxun, sim, "m-w1")
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    return token


async def test_a_question_revised_during_a_quiz_is_answered_as_it_was_shown(
    anxun: Running, sim
) -> None:
    await create_gas_campaign(anxun)
    token = await phone_bound(anxun, sim)
    status, started = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200
    session = await QuizSession.get(id=started["quiz_id"])
    first = await Question.get(id=session.question_ids[0])
    key = await answer_key(session.id)
    # revised while the worker answers: an option dropped, a multi-choice answer
    kept = dict(sorted(first.options.items())[:2])
    await Question.filter(id=first.id).update(
        version=first.version + 1, options=kept, answer="AB", qtype="multi"
    )
    status, resumed = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert (
        status == 200 and resumed["questions"][0]["options"] == started["questions"][0]["options"]
    )
    url = f"/api/v1/me/quiz/{session.id}/submit"
    status, result = await anxun.api("POST", url, {"answers": key}, token=token)
    assert status == 200 and result["finished"] and result["correct"] == len(key)
    stored = await Answer.filter(session_id=session.id).order_by("position")
    assert [a.question_id for a in stored] == session.question_ids
    assert stored[0].question_version == first.version  # the version answered


async def test_no_quiz_starts_while_an_exam_sitting_is_open(anxun: Running, sim) -> None:
    await create_gas_campaign(anxun)
    await bound(anxun)
    token = await phone_bound(anxun, sim)
    spec = {"enterprise": "hongqiao", "name": "岗位考试", "paper": [{"count": 3}]}
    status, exam = await anxun.admin("POST", "/admin/v1/exams", spec)
    assert status == 201, exam
    due = (anxun.clock.today() + timedelta(days=3)).isoformat()
    seats = {"employee_nos": [W1.employee_no], "due_on": due}
    status, _ = await anxun.admin("POST", f"/admin/v1/exams/{exam['id']}/seats", seats)
    assert status == 200
    assert "第1" in (await anxun.user("o-w1").say("考试") or "")  # a sitting open in chat
    status, refused = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 409 and refused["code"] == "exam_open" and "考试" in refused["message"]
    assert not await QuizSession.filter(finished_at=None).exists()
