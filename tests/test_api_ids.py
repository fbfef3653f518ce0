"""Ids in admin and mini-program requests are checked against the database's type (a 32-bit
integer key): an id no row can have is 404, exactly like a missing one, and never reaches
PostgreSQL (where it overflowed into a 500); text that is not a number is 422."""

from __future__ import annotations

from typing import Any

import pytest

from bot.storage.models import Delivery
from tests.conftest import Running, create_gas_campaign
from tests.test_miniapp import W1, login

pytestmark = pytest.mark.storage

# the last one fits and is merely missing
NO_SUCH_ROW = [2**31, 2**63, -1, "9" * 5000, 2**31 - 1]
# int() would take the last three: "+1", " 1", "١" (Arabic-Indic one)
NOT_NUMBERS = ["abc", "1.5", "1e3", "0x10", "+1", "%201", "%D9%A1"]


async def bound_miniapp_token(anxun: Running, sim) -> str:
    token = await login(anxun, sim, "m-ids")
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200, body
    return token


async def endpoints(anxun: Running, sim) -> list[tuple[str, str, Any, str | None]]:
    """(method, path with {} for the id, body, token) of every endpoint that takes an id."""
    await create_gas_campaign(anxun)
    token = await bound_miniapp_token(anxun, sim)
    admin = anxun.config.admin.token.get_secret_value()
    return [
        ("GET", "/admin/v1/campaigns/{}", None, admin),
        ("GET", "/admin/v1/wecom/announcements/{}", None, admin),
        ("POST", "/api/v1/me/quiz/{}/submit", {"answers": {}}, token),
    ]


async def test_ids_no_row_can_have_are_not_found(anxun: Running, sim) -> None:
    for method, path, body, token in await endpoints(anxun, sim):
        answers = []
        for row_id in NO_SUCH_ROW:
            status, answer = await anxun.api(method, path.format(row_id), body, token=token)
            assert status == 404, (path, row_id, answer)
            answers.append({**answer, "message": answer["message"].replace(str(row_id), "N")})
        # an impossible id is answered exactly like a missing one
        assert all(a == answers[-1] for a in answers), (path, answers)


async def test_ids_that_are_not_numbers_are_invalid(anxun: Running, sim) -> None:
    for method, path, body, token in await endpoints(anxun, sim):
        for text in NOT_NUMBERS:
            status, answer = await anxun.api(method, path.format(text), body, token=token)
            assert status == 422 and "must be a number" in answer["message"], (path, text)


@pytest.mark.parametrize("field", ["departments", "tags"])
async def test_wecom_ids_in_a_body_are_checked(anxun: Running, field: str) -> None:
    for value in (2**31, 2**63, -1, 0):
        spec = {"account": "minework", "text": "x", field: [2, value]}
        status, body = await anxun.admin("POST", "/admin/v1/wecom/announcements", spec)
        assert status == 422 and field in body["message"], (value, body)
    assert not await Delivery.filter(kind="announcement").exists()
    spec = {"account": "minework", "text": "x", field: [1, 2**31 - 1]}
    assert (await anxun.admin("POST", "/admin/v1/wecom/announcements", spec))[0] == 202


async def test_an_impossible_question_id_in_a_quiz_submit_is_refused_by_name(
    anxun: Running, sim
) -> None:
    await create_gas_campaign(anxun)
    token = await bound_miniapp_token(anxun, sim)
    status, quiz = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200, quiz
    answers = {str(q["id"]): "A" for q in quiz["questions"]}
    for stranger in (str(2**31), str(2**63), "-1"):
        status, body = await anxun.api(
            "POST",
            f"/api/v1/me/quiz/{quiz['quiz_id']}/submit",
            {"answers": {**answers, stranger: "A"}},
            token=token,
        )
        assert status == 422 and set(body["details"]) == {stranger}, body
