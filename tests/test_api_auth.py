"""Admin tokens and mini-program session tokens are taken only from the standard header
`Authorization: Bearer <token>` (the scheme in any case, RFC 7235); any other shape is refused
with a message that names the header."""

from __future__ import annotations

import aiohttp
import pytest

from tests.conftest import ADMIN_TOKEN, Running, create_gas_campaign
from tests.test_miniapp import W1, login

pytestmark = pytest.mark.storage

ACCEPTED = ["Bearer {}", "bearer {}", "BEARER {}", "bEaReR {}", "Bearer  {}"]
REFUSED = [
    "{}",  # the token alone
    "Bearer{}",
    "Basic {}",
    "Token {}",
    "Bearer {} {}",
    "Bearer: {}",
    "Bearer",
    "Bearer ",
    "",
    "Bearer\t{}",
]


async def call(anxun: Running, path: str, authorization: str | None) -> tuple[int, dict]:
    headers = {} if authorization is None else {"Authorization": authorization}
    async with aiohttp.ClientSession() as session:  # no default headers, nothing added
        async with session.get(anxun.base_url + path, headers=headers) as r:
            return r.status, await r.json()


async def test_the_admin_token_counts_only_as_a_bearer_credential(anxun: Running) -> None:
    path = f"/admin/v1/campaigns/{await create_gas_campaign(anxun)}"
    for shape in ACCEPTED:
        status, body = await call(anxun, path, shape.format(ADMIN_TOKEN))
        assert status == 200, (shape, body)
    for shape in [*REFUSED, None]:
        header = None if shape is None else shape.format(ADMIN_TOKEN, ADMIN_TOKEN)
        status, body = await call(anxun, path, header)
        assert status in (401, 403), (shape, body)
        assert "Authorization: Bearer <" in body["message"], (shape, body)


async def test_a_session_token_counts_only_as_a_bearer_credential(anxun: Running, sim) -> None:
    await create_gas_campaign(anxun)
    token = await login(anxun, sim, "m-auth")
    code = sim.phone_code(W1.phone)
    assert (await anxun.api("POST", "/api/v1/bind/phone", {"code": code}, token=token))[0] == 200
    for shape in ACCEPTED:
        status, body = await call(anxun, "/api/v1/me/tasks", shape.format(token))
        assert status == 200 and len(body["tasks"]) == 1, (shape, body)
    for shape in [*REFUSED, None]:
        header = None if shape is None else shape.format(token, token)
        status, body = await call(anxun, "/api/v1/me/tasks", header)
        assert status == 401 and body["code"] == "login_required", (shape, body)
        assert "Authorization: Bearer <" in body["message"], (shape, body)
    # a well-formed header with an unknown token: log in again
    status, body = await call(anxun, "/api/v1/me/tasks", "Bearer forged")
    assert status == 401 and body["code"] == "login_required" and "重新打开" in body["message"]
