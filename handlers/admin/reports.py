"""GET /admin/v1/reports/units?campaign=ID and /admin/v1/reports/workers?campaign=ID: the
inspector's xlsx (bot/campaigns/reports.py). An enterprise token reaches its own campaigns
only; another enterprise's campaign is answered as a missing one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from aiohttp import web

from bot.api import ID_MAX, require_admin
from bot.campaigns.reports import write_campaign_report
from bot.errors import InvalidInput, NotFound
from bot.keys import SERVICES

routes = web.RouteTableDef()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def campaign_param(request: web.Request) -> int:
    text = request.query.get("campaign", "")
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
    name = f"campaign-{campaign_id}-{kind}.xlsx"
    return web.Response(
        body=body,
        content_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@routes.get("/admin/v1/reports/units")
async def units(request: web.Request) -> web.Response:
    return await _report(request, "units")


@routes.get("/admin/v1/reports/workers")
async def workers(request: web.Request) -> web.Response:
    return await _report(request, "workers")
