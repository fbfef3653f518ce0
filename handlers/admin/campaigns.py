"""POST /admin/v1/campaigns, GET /admin/v1/campaigns/{id}."""

from __future__ import annotations

from aiohttp import web

from bot.api import parse_body, require_admin
from bot.campaigns import CampaignSpec, campaign_report, create_campaign
from bot.errors import InvalidInput
from bot.keys import SCHEDULER, SERVICES

routes = web.RouteTableDef()


@routes.post("/admin/v1/campaigns")
async def create(request: web.Request) -> web.Response:
    require_admin(request)
    spec = await parse_body(request, CampaignSpec)
    campaign = await create_campaign(request.app[SERVICES], spec)
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:
        await scheduler.sync()
    return web.json_response(await campaign_report(campaign.id), status=201)


@routes.get("/admin/v1/campaigns/{id}")
async def show(request: web.Request) -> web.Response:
    require_admin(request)
    try:
        campaign_id = int(request.match_info["id"])
    except ValueError:
        raise InvalidInput("campaign id must be a number") from None
    return web.json_response(await campaign_report(campaign_id))
