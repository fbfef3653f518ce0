"""PUT /admin/v1/shifts: set workers' shifts in bulk (the contact policy keeps them quiet)."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import parse_body, require_admin
from bot.apidoc import Out, operation, respond
from bot.keys import SERVICES
from bot.people.shifts import set_shifts

routes = web.RouteTableDef()


class ShiftsBody(BaseModel):
    enterprise: str = Field(min_length=1, max_length=64)
    # 工号 → "HH:MM-HH:MM" (may cross midnight), "" to remove the worker's shift
    shifts: dict[str, str] = Field(min_length=1)


class ShiftsOut(Out):
    set: int
    removed: int


@routes.put("/admin/v1/shifts")
@operation(
    "Set workers' shifts in bulk (all rows valid or nothing changes)",
    security="admin",
    body=ShiftsBody,
    responses={200: ShiftsOut},
    errors=(404,),
)
async def put_shifts(request: web.Request) -> web.Response:
    """Every row valid or nothing changes; the answer counts shifts set and removed."""
    scope = require_admin(request)
    body = await parse_body(request, ShiftsBody)
    scope.check(body.enterprise)
    result = await set_shifts(request.app[SERVICES], body.enterprise, body.shifts)
    return respond(ShiftsOut, result)
