"""The mini-program backend end to end against the simulator: wx.login → anxun's own session,
binding by verified phone or roster, today's tasks, card, quiz as a batch, progress; and every
bad request answered with what is wrong and nothing stored."""

from __future__ import annotations

import pytest

from bot.storage.models import Answer, ApiSession, CardRead, Enrollment, Identity
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign
from tests.quizzes import answer_key

pytestmark = pytest.mark.storage

APPID = "wxminiapp00000001"
W1, W2 = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:2]


async def login(anxun: Running, sim, openid: str) -> str:
    status, body = await anxun.api(
        "POST", "/api/v1/session", {"account": "mineapp", "code": sim.login_code(APPID, openid)}
    )
    assert status == 200, body
    return str(body["token"])


async def test_login_keeps_the_session_key_on_the_server(anxun: Running, sim) -> None:
    status, body = await anxun.api(
        "POST", "/api/v1/session", {"account": "mineapp", "code": sim.login_code(APPID, "m-1")}
    )
    assert status == 200 and body["bound"] is False and body["worker"] is None
    key = sim.session_keys["m-1"]
    assert key not in str(body) and "session_key" not in body
    stored = await ApiSession.get(openid="m-1")
    assert body["token"] not in stored.token_hash and key not in stored.session_key_enc
    assert anxun.services.privacy.decrypt(stored.session_key_enc) == key


async def test_bad_logins_and_requests_say_what_is_wrong(anxun: Running, sim) -> None:
    code = sim.login_code(APPID, "m-1")
    assert (await anxun.api("POST", "/api/v1/session", {"account": "mineapp", "code": code}))[
        0
    ] == 200
    status, body = await anxun.api("POST", "/api/v1/session", {"account": "mineapp", "code": code})
    assert status == 401 and body["code"] == "bad_code" and "重新打开" in body["message"]
    status, body = await anxun.api("POST", "/api/v1/session", {"account": "mineapp"})
    assert status == 422 and "code" in body["message"]
    status, body = await anxun.api("POST", "/api/v1/session", {"account": "mine", "code": "x"})
    assert status == 422 and "mini-program account" in body["message"]
    for token in (None, "forged-token"):
        status, body = await anxun.api("GET", "/api/v1/me/tasks", token=token)
        assert status == 401 and body["code"] == "login_required"
    token = await login(anxun, sim, "m-2")
    status, body = await anxun.api("GET", "/api/v1/me/tasks", token=token)
    assert status == 403 and body["code"] == "not_bound" and "绑定" in body["message"]
    sim.inject("/sns/jscode2session", -1)
    status, body = await anxun.api(
        "POST", "/api/v1/session", {"account": "mineapp", "code": sim.login_code(APPID, "m-3")}
    )
    assert status == 503 and body["code"] == "wechat_unavailable"


async def test_phone_binding_then_card_and_quiz_submit(anxun: Running, sim) -> None:
    campaign_id = await create_gas_campaign(anxun)
    token = await login(anxun, sim, "m-w1")
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200 and body["worker"]["employee_no"] == W1.employee_no
    assert body["worker"]["identity_level"] == 3
    assert (await Identity.get(account="mineapp", openid="m-w1")).method == "phone"

    status, body = await anxun.api("GET", "/api/v1/me/tasks", token=token)
    assert status == 200 and [t["campaign_id"] for t in body["tasks"]] == [campaign_id]
    assert body["tasks"][0]["cards_total"] == 2 and body["tasks"][0]["cards_read"] == 0

    for index in (1, 2):
        status, card = await anxun.api("POST", "/api/v1/me/card", token=token)
        assert status == 200 and card["index"] == index and card["body"]
    assert await CardRead.filter(worker__employee_no=W1.employee_no, identity_level=3).count() == 2

    status, quiz = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200 and quiz["total"] == 3 and len(quiz["questions"]) == 3
    assert all("answer" not in q and "explanation" not in q for q in quiz["questions"])
    ids = [q["id"] for q in quiz["questions"]]
    right = await answer_key(quiz["quiz_id"])

    # a bad answer, a missing one and a stranger: refused with details, nothing stored
    bad = {str(ids[0]): "Z", str(ids[1]): right[str(ids[1])], "999999": "A"}
    status, body = await anxun.api(
        "POST", f"/api/v1/me/quiz/{quiz['quiz_id']}/submit", {"answers": bad}, token=token
    )
    assert status == 422 and body["code"] == "bad_answers"
    assert set(body["details"]) == {str(ids[0]), str(ids[2]), "999999"}
    assert "格式" in body["details"][str(ids[0])]
    assert await Answer.filter(worker__employee_no=W1.employee_no).count() == 0

    status, body = await anxun.api(
        "POST", f"/api/v1/me/quiz/{quiz['quiz_id']}/submit", {"answers": right}, token=token
    )
    assert status == 200 and body["correct"] == 3 and body["passed"] and body["finished"]
    assert body["campaign_complete"] is True
    assert all(r["correct"] and r["explanation"] for r in body["results"])
    assert await Answer.filter(worker__employee_no=W1.employee_no, identity_level=3).count() == 3
    enrollment = await Enrollment.get(campaign_id=campaign_id, worker__employee_no=W1.employee_no)
    assert enrollment.status == "complete" and enrollment.completed_identity_level == 3

    status, body = await anxun.api(
        "POST", f"/api/v1/me/quiz/{quiz['quiz_id']}/submit", {"answers": right}, token=token
    )
    assert status == 409 and body["code"] == "quiz_finished"
    status, body = await anxun.api("GET", "/api/v1/me/progress", token=token)
    assert body["campaigns"][0]["status"] == "complete"
    assert body["campaigns"][0]["quiz_passes"] == 1


async def test_roster_binding_then_phone_raises_the_level(anxun: Running, sim) -> None:
    token = await login(anxun, sim, "m-w2")
    status, body = await anxun.api(
        "POST", "/api/v1/bind", {"name": W2.name, "id_tail": "000000"}, token=token
    )
    assert status == 403 and body["code"] == "mismatch" and "还可尝试" in body["message"]
    status, body = await anxun.api(
        "POST", "/api/v1/bind", {"name": W2.name, "id_tail": W2.id_number[-6:]}, token=token
    )
    assert status == 200 and body["worker"]["identity_level"] == 1
    # the phone of someone else is refused; W2's own raises the level
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 409 and body["code"] == "conflict"
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W2.phone)}, token=token
    )
    assert status == 200 and body["worker"]["identity_level"] == 3
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code("19900000000")}, token=token
    )
    assert status == 404 and body["code"] == "phone_not_on_roster"
    status, body = await anxun.api("POST", "/api/v1/bind/phone", {"code": "used"}, token=token)
    assert status == 422 and body["code"] == "bad_code"


async def test_subscribe_grants_are_counted(anxun: Running, sim) -> None:
    token = await login(anxun, sim, "m-w1")
    await anxun.api("POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token)
    for expected in (1, 2):
        status, body = await anxun.api(
            "POST", "/api/v1/subscriptions", {"accepted": ["SUB_DAILY"]}, token=token
        )
        assert status == 200 and body["grants"] == {"SUB_DAILY": expected}


async def test_expired_sessions_stop_working_and_are_purged(anxun: Running, sim) -> None:
    from datetime import timedelta

    from bot.people.sessions import SESSION_TTL
    from scheduler.service import SCHEDULER

    token = await login(anxun, sim, "m-old")
    anxun.clock.advance(seconds=(SESSION_TTL + timedelta(days=1)).total_seconds())
    status, body = await anxun.api("GET", "/api/v1/me/tasks", token=token)
    assert status == 401 and body["code"] == "login_required"
    assert await ApiSession.filter(openid="m-old").exists()
    await anxun.app[SCHEDULER].sync()
    assert not await ApiSession.filter(openid="m-old").exists()
