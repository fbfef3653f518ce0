"""Campaigns in the admin API: preview, launch, list, show, change, pause, resume, cancel.

Another enterprise's campaign id is answered exactly as a missing one.
"""

from __future__ import annotations

from aiohttp import web

from bot.api import AdminScope, parse_body, path_id, require_admin
from bot.campaigns.audience import preview as audience_preview
from bot.campaigns.manage import CampaignChange, change, detail, listing, move
from bot.campaigns.spec import CampaignSpec, create_campaign, plan_campaign, unknown_account
from bot.errors import InvalidInput, NotFound
from bot.keys import SERVICES
from bot.storage.models import Campaign
from scheduler.service import SCHEDULER

routes = web.RouteTableDef()
STATUSES = ("active", "paused", "cancelled")


async def _spec(request: web.Request) -> tuple[AdminScope, CampaignSpec]:
    scope = require_admin(request)
    spec = await parse_body(request, CampaignSpec)
    scope.check(spec.enterprise)
    account = request.app[SERVICES].config.account(spec.account)
    if account is not None and not scope.owns(account.enterprise):
        raise unknown_account(spec.account, spec.enterprise)
    return scope, spec


async def _resync(request: web.Request) -> None:
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:
        await scheduler.sync()


@routes.post("/admin/v1/campaigns/preview")
async def preview(request: web.Request) -> web.Response:
    """The audience in words, its count, a sample and what each job would study; nothing is
    written. Dates are not checked: a preview may be of next month's campaign."""
    _, spec = await _spec(request)
    services = request.app[SERVICES]
    plan = await plan_campaign(services, spec, launching=False)
    body = audience_preview(services, plan.resolved, plan.found)
    body["per_job"] = {
        plan.resolved.catalogue.name(code): {"cards": cards, "questions": questions}
        for code, (cards, questions) in plan.per_job.items()
    }
    return web.json_response(body)


@routes.post("/admin/v1/campaigns")
async def create(request: web.Request) -> web.Response:
    _, spec = await _spec(request)
    services = request.app[SERVICES]
    campaign = await create_campaign(services, spec)
    await _resync(request)
    return web.json_response(await detail(services, campaign), status=201)


@routes.get("/admin/v1/campaigns")
async def index(request: web.Request) -> web.Response:
    scope = require_admin(request)
    enterprise = request.query.get("enterprise") or scope.enterprise
    if enterprise is not None:
        scope.check(enterprise)
    status = request.query.get("status")
    if status is not None and status not in STATUSES:
        raise InvalidInput(f"status must be one of {', '.join(STATUSES)}")
    return web.json_response({"campaigns": await listing(enterprise, status)})


async def _campaign(request: web.Request) -> Campaign:
    scope = require_admin(request)
    missing = NotFound(f"no campaign {request.match_info['id']}")
    campaign_id = path_id(request, "id", missing)
    campaign = await Campaign.get_or_none(id=campaign_id).select_related("enterprise")
    if campaign is None or not scope.owns(campaign.enterprise.code):
        raise missing
    return campaign


@routes.get("/admin/v1/campaigns/{id}")
async def show(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    return web.json_response(await detail(request.app[SERVICES], campaign))


@routes.patch("/admin/v1/campaigns/{id}")
async def update(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    body = await parse_body(request, CampaignChange)
    services = request.app[SERVICES]
    campaign = await change(services, campaign, body)
    await _resync(request)
    return web.json_response(await detail(services, campaign))


@routes.post("/admin/v1/campaigns/{id}/{action:pause|resume|cancel}")
async def act(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    services = request.app[SERVICES]
    campaign = await move(services, campaign, request.match_info["action"])
    await _resync(request)
    return web.json_response(await detail(services, campaign))
