"""POST /admin/v1/campaigns, GET /admin/v1/campaigns/{id}."""

from __future__ import annotations

from datetime import date

from aiohttp import web
from pydantic import BaseModel

from bot.api import Id32, parse_body, path_id, require_admin
from bot.apidoc import Out, operation, respond
from bot.campaigns.spec import CampaignSpec, campaign_report, create_campaign, unknown_account
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.storage.models import Campaign
from scheduler.service import SCHEDULER

routes = web.RouteTableDef()


class CampaignOut(Out):
    id: int
    name: str
    push_time: str
    start_date: date
    deadline: date
    enrolled: int
    complete: int


class CampaignPath(BaseModel):
    id: Id32


@routes.post("/admin/v1/campaigns")
@operation(
    "Create a targeted campaign and enrol its workers",
    security="admin",
    body=CampaignSpec,
    responses={201: CampaignOut},
    errors=(404,),
)
async def create(request: web.Request) -> web.Response:
    scope = require_admin(request)
    spec = await parse_body(request, CampaignSpec)
    scope.check(spec.enterprise)
    account = request.app[SERVICES].config.account(spec.account)
    if account is not None and not scope.owns(account.enterprise):
        raise unknown_account(spec.account, spec.enterprise)
    campaign = await create_campaign(request.app[SERVICES], spec)
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:
        await scheduler.sync()
    return respond(CampaignOut, await campaign_report(campaign.id), status=201)


@routes.get("/admin/v1/campaigns/{id}")
@operation(
    "A campaign's progress",
    security="admin",
    path=CampaignPath,
    responses={200: CampaignOut},
    errors=(404,),
)
async def show(request: web.Request) -> web.Response:
    scope = require_admin(request)
    missing = NotFound(f"no campaign {request.match_info['id']}")
    campaign_id = path_id(request, "id", missing)
    campaign = await Campaign.get_or_none(id=campaign_id).select_related("enterprise")
    if campaign is None or not scope.owns(campaign.enterprise.code):
        raise missing
    return respond(CampaignOut, await campaign_report(campaign_id))
