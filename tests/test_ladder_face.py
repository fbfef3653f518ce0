"""Level 5, face verification, end to end: the mini-program hands anxun the `verifyResult` of
wx.startFacialRecognitionVerify, anxun asks the simulator's WeChat what it means and binds or
raises at level 5 only for a passed verification of this very user, of an active roster worker
(compared through md5 hashes); off by default, and then a clear 403."""

from __future__ import annotations

import json

import pytest

from bot.storage.models import Identity, WorkerEvent
from content.loader import load_enterprise
from tests.conftest import Running
from tests.test_miniapp import APPID, login

pytestmark = pytest.mark.storage

W1, W2 = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:2]
GETINFO = "/cityservice/face/identify/getinfo"


@pytest.fixture
async def face_on(start_anxun) -> Running:
    return await start_anxun(bind={"face_enabled": True})


async def face(anxun: Running, token: str, verify_result: str) -> tuple[int, dict]:
    return await anxun.api("POST", "/api/v1/bind/face", {"verify_result": verify_result}, token)


async def test_off_by_default_with_a_clear_refusal(anxun: Running, sim) -> None:
    token = await login(anxun, sim, "m-1")
    result = sim.face_verify_result(APPID, "m-1", W1.name, W1.id_number)
    status, body = await face(anxun, token, result)
    assert status == 403 and body["code"] == "face_disabled"
    assert "未开通人脸核身" in body["message"] and "手机号绑定" in body["message"]
    assert not [r for r in sim.log if r.path == GETINFO]  # WeChat is not even asked
    assert not await Identity.exists()


async def test_a_passed_verification_binds_at_level_5(face_on: Running, sim) -> None:
    token = await login(face_on, sim, "m-1")
    status, body = await face(
        face_on, token, sim.face_verify_result(APPID, "m-1", W1.name, W1.id_number)
    )
    assert status == 200 and body["worker"]["identity_level"] == 5, body
    assert body["worker"]["employee_no"] == W1.employee_no
    identity = await Identity.get(account="mineapp", openid="m-1")
    assert (identity.method, identity.level) == ("face", 5)
    asked = [r for r in sim.log if r.path == GETINFO]
    assert len(asked) == 1 and "verify_result" in asked[0].body
    event = await WorkerEvent.get(kind="bound", worker_id=identity.worker_id)
    assert event.data == {"method": "face", "level": 5, "account": "mineapp"}
    # nothing of the verified person is kept: no ID number, no hash WeChat sent
    answer = asked[0].answer
    stored = json.dumps([e.data for e in await WorkerEvent.all()], ensure_ascii=False)
    for secret in (W1.id_number, answer["id_card_number_md5"], answer["name_utf8_md5"]):
        assert secret not in stored


async def test_a_phone_binding_is_raised_to_level_5(face_on: Running, sim) -> None:
    token = await login(face_on, sim, "m-1")
    status, _ = await face_on.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    result = sim.face_verify_result(APPID, "m-1", W1.name, W1.id_number.lower())
    status, body = await face(face_on, token, result)
    assert status == 200 and body["worker"]["identity_level"] == 5
    assert await Identity.filter(account="mineapp").count() == 1
    levels = await WorkerEvent.filter(kind="bound").order_by("id").values_list("data", flat=True)
    assert [d["level"] for d in levels] == [3, 5]


async def test_what_is_refused(face_on: Running, sim) -> None:
    token = await login(face_on, sim, "m-1")
    cases = [
        # the face did not pass
        (sim.face_verify_result(APPID, "m-1", W1.name, W1.id_number, passed=False), 403),
        # another user's verification, replayed by this one
        (sim.face_verify_result(APPID, "m-2", W1.name, W1.id_number), 403),
        # a result WeChat never issued, or issued to another mini-program
        ("forged-result", 403),
        (sim.face_verify_result("wxsomeoneelse", "m-1", W1.name, W1.id_number), 403),
        # a real person, not on this roster
        (sim.face_verify_result(APPID, "m-1", "赵六", "110101199003070011"), 404),
        # the right name with another person's ID number
        (sim.face_verify_result(APPID, "m-1", W1.name, W2.id_number), 404),
    ]
    for result, expected in cases:
        status, body = await face(face_on, token, result)
        assert status == expected, (result, body)
        code = "face_failed" if expected == 403 else "face_not_on_roster"
        assert body["code"] == code and body["message"]
    status, body = await face_on.api("POST", "/api/v1/bind/face", {"verify": "x"}, token)
    assert status == 422 and "verify_result" in body["message"]
    assert not await Identity.exists()


async def test_a_wechat_bound_to_someone_else_is_not_moved(face_on: Running, sim) -> None:
    token = await login(face_on, sim, "m-1")
    await face_on.api("POST", "/api/v1/bind/phone", {"code": sim.phone_code(W2.phone)}, token=token)
    status, body = await face(
        face_on, token, sim.face_verify_result(APPID, "m-1", W1.name, W1.id_number)
    )
    assert status == 409 and "未作更改" in body["message"]
    kept = await Identity.get(account="mineapp", openid="m-1").select_related("worker")
    assert (kept.worker.employee_no, kept.level) == (W2.employee_no, 3)


async def test_the_face_replaces_the_workers_old_phone(face_on: Running, sim) -> None:
    old = await login(face_on, sim, "m-old")
    await face_on.api("POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=old)
    new = await login(face_on, sim, "m-new")
    status, _ = await face(
        face_on, new, sim.face_verify_result(APPID, "m-new", W1.name, W1.id_number)
    )
    assert status == 200
    assert not (await Identity.get(openid="m-old")).active
    assert (await Identity.get(openid="m-new")).level == 5
    event = await WorkerEvent.filter(kind="bound").order_by("-id").first()
    assert event is not None and event.data["replaced"] == 1
