"""Spot tests (抽考) in the admin API: draw one, read its result per unit as JSON or xlsx.

An enterprise token reaches its own spot tests only; another enterprise's id is answered
exactly as a missing one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal

from aiohttp import web
from pydantic import BaseModel

from bot.api import Id32, attachment, parse_body, parse_query, path_id, require_admin
from bot.apidoc import Out, operation, respond
from bot.campaigns.spotreport import write_spot_report
from bot.campaigns.spottest import (
    SpotSpec,
    create_spot_test,
    find_spot_test,
    result_json,
    spot_result,
)
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.storage.models import Campaign, SpotTest
from handlers.admin.content import XLSX

routes = web.RouteTableDef()
Verdict = Literal["above", "below", "unclear", "no_data"]


class EstimateOut(Out):
    sat: int
    passed: int
    rate: float | None
    low: float | None
    high: float | None
    verdict: Verdict


class FiguresOut(Out):
    population: int
    drawn: int
    passed: int
    failed: int
    no_response: int
    observed: EstimateOut
    worst_case: EstimateOut


class UnitOut(FiguresOut):
    unit: str
    unreachable: int


class SpotTestOut(Out):
    id: int
    enterprise: str
    campaign: int | None
    exam: int
    name: str
    margin: float
    line: float
    seed: str
    requested_by: str
    due_at: str
    created_at: str
    method: Literal["wilson", "exact"]
    units: list[UnitOut]
    overall: FiguresOut
    moved: int


class SpotPath(BaseModel):
    id: Id32


class ResultQuery(BaseModel):
    method: Literal["wilson", "exact"] = "wilson"


async def _spot(request: web.Request) -> SpotTest:
    scope = require_admin(request)
    services = request.app[SERVICES]
    missing = NotFound(services.copy.t("spot.no_spot_test", id=request.match_info["id"]))
    spot_id = path_id(request, "id", missing)
    return await find_spot_test(services, spot_id, scope.enterprise)


@routes.post("/admin/v1/spot-tests")
@operation(
    "Draw a spot test: a stratified random sample called to a short exam by a deadline",
    security="admin",
    body=SpotSpec,
    responses={201: SpotTestOut},
    errors=(404,),
)
async def create(request: web.Request) -> web.Response:
    scope = require_admin(request)
    services = request.app[SERVICES]
    spec = await parse_body(request, SpotSpec)
    if spec.enterprise is not None:
        scope.check(spec.enterprise)
    elif scope.enterprise is not None:
        if spec.campaign is not None:  # answered as missing when it is another's
            owner = await Campaign.get_or_none(id=spec.campaign).values_list(
                "enterprise__code", flat=True
            )
            if owner is not None and owner != scope.enterprise:
                raise NotFound(services.copy.t("spot.no_campaign", id=spec.campaign))
        spec = spec.model_copy(update={"enterprise": scope.enterprise})
    spot = await create_spot_test(services, spec)
    found = await spot_result(services, await find_spot_test(services, spot.id, None))
    return respond(SpotTestOut, result_json(services, found), status=201)


@routes.get("/admin/v1/spot-tests/{id}")
@operation(
    "A spot test's result: per unit and overall, pass rate, 95 % interval and verdict",
    security="admin",
    path=SpotPath,
    query=ResultQuery,
    responses={200: SpotTestOut},
    errors=(404,),
)
async def show(request: web.Request) -> web.Response:
    spot = await _spot(request)
    method = parse_query(request, ResultQuery).method
    services = request.app[SERVICES]
    found = await spot_result(services, spot, method)
    return respond(SpotTestOut, result_json(services, found))


@routes.get("/admin/v1/spot-tests/{id}/xlsx")
@operation(
    "A spot test's result as the inspector's xlsx",
    security="admin",
    path=SpotPath,
    query=ResultQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def xlsx(request: web.Request) -> web.Response:
    spot = await _spot(request)
    method = parse_query(request, ResultQuery).method
    services = request.app[SERVICES]
    found = await spot_result(services, spot, method)
    with tempfile.TemporaryDirectory(prefix="anxun-spot-") as tmp:
        path = Path(tmp) / "spot.xlsx"
        await write_spot_report(services, found, path)
        body = path.read_bytes()
    return web.Response(
        body=body, content_type=XLSX.media_type, headers=attachment(f"spot-test-{spot.id}.xlsx")
    )
