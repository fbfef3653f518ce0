"""Event rules in the admin API: set one up (or change it), list them, and the gate list of
workers whose induction is still open. A rule's campaign is paused, resumed or cancelled with
the campaign routes."""

from __future__ import annotations

from aiohttp import web
from pydantic import Field

from bot.api import parse_body, parse_query, require_admin
from bot.apidoc import Out, operation, respond
from bot.campaigns import triggers
from bot.campaigns.eventrules import EventRuleSpec, save_rule, uncleared
from bot.campaigns.manage import detail, listing
from bot.errors import NotFound
from bot.keys import SERVICES
from bot.storage.models import Enterprise
from handlers.admin.campaigns import CampaignList, CampaignOut
from handlers.admin.content import EnterpriseQuery
from scheduler.service import SCHEDULER

routes = web.RouteTableDef()


class Uncleared(Out):
    employee_no: str
    name: str
    unit: str
    campaign: str
    due_on: str | None
    exam_status: str | None = Field(
        None, description="a rule with an exam: the new hire's seat (assigned, failed, expired)"
    )


class ClearanceOut(Out):
    uncleared: list[Uncleared]


@routes.post("/admin/v1/event-rules")
@operation(
    "Set up an event rule (created, or updated when one of the same rule and name exists)",
    security="admin",
    body=EventRuleSpec,
    responses={200: CampaignOut, 201: CampaignOut},
    errors=(404,),
)
async def save(request: web.Request) -> web.Response:
    scope = require_admin(request)
    spec = await parse_body(request, EventRuleSpec)
    scope.check(spec.enterprise)
    services = request.app[SERVICES]
    campaign, created = await save_rule(services, spec)
    await triggers.fire(services, campaign.enterprise_id)  # events already in its window
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:
        await scheduler.sync()
    return respond(CampaignOut, await detail(services, campaign), status=201 if created else 200)


@routes.get("/admin/v1/event-rules")
@operation(
    "An enterprise's event rules", security="admin", query=EnterpriseQuery,
    responses={200: CampaignList},
)  # fmt: skip
async def index(request: web.Request) -> web.Response:
    scope = require_admin(request)
    enterprise = parse_query(request, EnterpriseQuery).enterprise
    scope.check(enterprise)
    rules = [c for c in await listing(enterprise, None) if c["kind"] == "event"]
    return respond(CampaignList, {"campaigns": rules})


@routes.get("/admin/v1/clearance")
@operation(
    "Workers not cleared to start work: their gated induction (or its exam) is still open",
    security="admin",
    query=EnterpriseQuery,
    responses={200: ClearanceOut},
    errors=(404,),
)
async def clearance(request: web.Request) -> web.Response:
    scope = require_admin(request)
    enterprise = parse_query(request, EnterpriseQuery).enterprise
    scope.check(enterprise)
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    return respond(ClearanceOut, {"uncleared": await uncleared(ent.id)})
