"""/openapi.json describes every /admin/ and /api/ route, is valid OpenAPI 3.1, and a handler
cannot answer what its @operation does not declare."""

from __future__ import annotations

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from openapi_spec_validator import validate

from bot import openapi
from bot.apidoc import Binary, Out, operation, respond
from bot.app import create_app
from tests.conftest import ADMIN_TOKEN, Running, make_config


class PingOut(Out):
    ok: bool


def _app() -> web.Application:
    return create_app(make_config("sqlite://:memory:", "memory://", "http://127.0.0.1:9"))


def test_every_admin_and_api_route_is_in_the_document() -> None:
    app = _app()
    document = openapi.build(app)
    routes = {(m, p) for m, p, _ in openapi.api_routes(app)}
    described = {(m, p) for p, item in document["paths"].items() for m in item}
    assert len(routes) >= 20  # the router was read, not an empty list
    assert routes - described == set()
    assert described - routes == set()


def test_the_document_is_valid_openapi_3_1() -> None:
    document = openapi.build(_app())
    assert document["openapi"].startswith("3.1")
    validate(document)  # openapi-spec-validator picks its 3.1 validator from the version


def test_the_document_says_what_each_route_takes_and_gives() -> None:
    document = openapi.build(_app())
    schemes = document["components"]["securitySchemes"]
    assert {s["scheme"] for s in schemes.values()} == {"bearer"}
    create = document["paths"]["/admin/v1/campaigns"]["post"]
    assert create["security"] == [{"adminToken": []}]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CampaignSpec"
    }
    error = {"$ref": "#/components/schemas/ErrorOut"}
    assert create["responses"]["422"]["content"]["application/json"]["schema"] == error
    assert document["components"]["schemas"]["ErrorOut"]["required"] == ["code", "message"]
    upload = document["paths"]["/admin/v1/roster/import"]["post"]["requestBody"]["content"]
    assert set(upload) == {"multipart/form-data"}
    photo = document["paths"]["/api/v1/me/challenge/photo"]["post"]
    assert set(photo["requestBody"]["content"]) == {"image/jpeg", "image/png"}
    assert photo["security"] == [{"miniappSession": []}]
    login = document["paths"]["/api/v1/session"]["post"]
    assert login["security"] == [] and "503" in login["responses"]
    export = document["paths"]["/admin/v1/roster/export"]["get"]["responses"]["200"]["content"]
    assert list(export) == ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]


async def test_an_answer_its_operation_does_not_declare_is_refused() -> None:
    @operation("ping", security="none", responses={200: PingOut, 201: Binary("text/csv")})
    async def handler(request: web.Request) -> web.Response:
        return respond(PingOut, {"ok": True}, status=int(request.query["status"]))

    assert (await handler(make_mocked_request("GET", "/?status=200"))).status == 200
    with pytest.raises(RuntimeError, match="declares"):
        await handler(make_mocked_request("GET", "/?status=201"))
    with pytest.raises(RuntimeError, match="declares"):
        await handler(make_mocked_request("GET", "/?status=202"))
    with pytest.raises(ValueError, match="extra"):  # a key the model does not list
        respond(PingOut, {"ok": True, "secret": "x"})


@pytest.mark.storage
async def test_what_the_fuzzer_found_is_a_clear_422(anxun: Running) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    bad_part = (
        b'--b\r\nContent-Disposition: form-data; name="\xf0\xb7\x98\xa7\x07"\r\n\r\nx\r\n--b--\r\n'
    )
    async with anxun.session.post(
        f"{anxun.base_url}/admin/v1/content/import?enterprise=hongqiao",
        data=bad_part,
        headers={**headers, "Content-Type": "multipart/form-data; boundary=b"},
    ) as r:
        assert r.status == 422 and "multipart" in (await r.json())["message"]
    status, body = await anxun.api("POST", "/api/v1/session", {"account": "a\x00", "code": "c"})
    assert status == 422 and "NUL" in body["message"]
    status, body = await anxun.admin("GET", f"/admin/v1/events?enterprise={'x' * 65}")
    assert status == 422 and body["code"] == "invalid"
    async with anxun.session.get(
        f"{anxun.base_url}/admin/v1/content/export?enterprise=hongqiao&job=a%0D%0Ab",
        headers=headers,
    ) as r:
        disposition = r.headers.get("Content-Disposition", "")
        assert r.status in (200, 404) and "\n" not in disposition and "\r" not in disposition
