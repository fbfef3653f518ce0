"""GET /admin/v1/reports/units?campaign=ID and /admin/v1/reports/workers?campaign=ID: the
inspector's xlsx (bot/campaigns/reports.py). An enterprise token reaches its own campaigns
only; another enterprise's campaign is answered as a missing one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import ID_MAX, attachment, parse_query, require_admin
from bot.apidoc import operation
from bot.campaigns.reports import write_campaign_report
from bot.errors import InvalidInput, NotFound
from bot.keys import SERVICES
from handlers.admin.content import XLSX

routes = web.RouteTableDef()


class ReportQuery(BaseModel):
    campaign: str = Field(min_length=1, max_length=20, description="the campaign's id")


def campaign_param(request: web.Request) -> int:
    text = parse_query(request, ReportQuery).campaign
    if not text.isascii() or not text.isdigit():
        raise InvalidInput("give the campaign as ?campaign=ID (its number)")
    if len(text) > 10 or not 1 <= int(text) <= ID_MAX:
        raise NotFound(f"no campaign {text}")
    return int(text)


async def _report(request: web.Request, kind: str) -> web.Response:
    scope = require_admin(request)
    campaign_id = campaign_param(request)
    with tempfile.TemporaryDirectory(prefix="anxun-report-") as tmp:
        path = Path(tmp) / "report.xlsx"
        await write_campaign_report(
            request.app[SERVICES], campaign_id, kind, path, scope.enterprise
        )
        body = path.read_bytes()
    return web.Response(
        body=body,
        content_type=XLSX.media_type,
        headers=attachment(f"campaign-{campaign_id}-{kind}.xlsx"),
    )


@routes.get("/admin/v1/reports/units")
@operation(
    "A campaign's report per unit (xlsx)",
    security="admin",
    query=ReportQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def units(request: web.Request) -> web.Response:
    return await _report(request, "units")


@routes.get("/admin/v1/reports/workers")
@operation(
    "A campaign's report per worker (xlsx, personal data masked)",
    security="admin",
    query=ReportQuery,
    responses={200: XLSX},
    errors=(404,),
)
async def workers(request: web.Request) -> web.Response:
    return await _report(request, "workers")
