"""Campaigns in the admin API: preview, launch, list, show, change, pause, resume, cancel.

Another enterprise's campaign id is answered exactly as a missing one.
"""

from __future__ import annotations

from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, Field

from bot.api import (
    AdminScope,
    Id32,
    admin_token_scope,
    bearer_token,
    parse_body,
    parse_query,
    path_id,
)
from bot.apidoc import Out, operation, respond
from bot.campaigns.audience import preview as audience_preview
from bot.campaigns.audience import resolve
from bot.campaigns.manage import CampaignChange, change, detail, listing, move
from bot.campaigns.rules.audience import AudienceRule
from bot.campaigns.spec import CampaignSpec, create_campaign, plan_campaign, unknown_account
from bot.context import Services
from bot.errors import Forbidden, NotFound
from bot.keys import SERVICES
from bot.learning.links import read_dashboard_token
from bot.people.org import within
from bot.storage.models import Campaign, Worker
from scheduler.service import SCHEDULER

routes = web.RouteTableDef()


class CampaignOut(Out):
    id: int
    enterprise: str
    name: str
    status: Literal["active", "paused", "cancelled"]
    kind: str
    rule: str
    owner: str | None
    audience: dict[str, Any]
    audience_text: str
    content: dict[str, Any]
    account: str
    push_time: str
    remind_at: str | None
    start_date: str
    deadline: str
    alert_threshold: float
    min_identity_level: int
    enrolled: int
    complete: int
    withdrawn: int


class CampaignSummary(Out):
    id: int
    enterprise: str
    name: str
    status: str
    kind: str
    start_date: str
    deadline: str


class CampaignList(Out):
    campaigns: list[CampaignSummary]


class SampleWorker(Out):
    employee_no: str
    name: str
    unit: str
    job: str


class JobContent(Out):
    cards: int
    questions: int


class PreviewOut(Out):
    description: str
    count: int
    sample: list[SampleWorker]
    by_unit: dict[str, int]
    by_job: dict[str, int]
    per_job: dict[str, JobContent]


class ListQuery(BaseModel):
    enterprise: str | None = Field(None, min_length=1, max_length=64)
    status: Literal["active", "paused", "cancelled"] | None = None


class CampaignPath(BaseModel):
    id: Id32


class ActionPath(CampaignPath):
    action: Literal["pause", "resume", "cancel"]


async def _author(request: web.Request) -> tuple[AdminScope, Worker | None]:
    """Who calls: an admin, or a leader (their dashboard link's token as the bearer token), who
    reaches only the campaigns owned by their own unit or the units below it."""
    services = request.app[SERVICES]
    token = bearer_token(request)
    scope = admin_token_scope(services.config, token)
    if scope is not None:
        return scope, None
    leader = await _leader(services, token)
    return AdminScope(leader.enterprise.code), leader


async def _spec(request: web.Request) -> CampaignSpec:
    """The spec; a leader's campaign is owned by their own unit, its audience inside it."""
    services = request.app[SERVICES]
    scope, leader = await _author(request)
    spec = await parse_body(request, CampaignSpec)
    scope.check(spec.enterprise)
    account = services.config.account(spec.account)
    if account is not None and not scope.owns(account.enterprise):
        raise unknown_account(spec.account, spec.enterprise)
    if leader is not None:
        unit = leader.department
        if spec.owner is None:
            spec.owner = unit.code
        else:
            owner = await resolve(leader.enterprise, AudienceRule(), spec.owner)
            if owner.owner is None or not within(unit, owner.owner):
                raise Forbidden(
                    f"a leader launches campaigns for their own unit only: "
                    f"{owner.tree.label(unit.id)} and the units below it"
                )
    return spec


async def _leader(services: Services, token: str) -> Worker:
    state, leader_id = read_dashboard_token(services.privacy, token, services.clock.timestamp())
    leader = None
    if state == "ok":
        leader = await Worker.get_or_none(
            id=leader_id, is_supervisor=True, status="active"
        ).select_related("enterprise", "department")
    if leader is None:
        raise Forbidden(
            "missing or wrong token: send Authorization: Bearer <admin token>, or a leader's "
            "own dashboard link token (the part after /dash/leader/)"
        )
    return leader


async def _resync(request: web.Request) -> None:
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:
        await scheduler.sync()


@routes.post("/admin/v1/campaigns/preview")
@operation(
    "Preview a campaign: its audience in words, the count, a sample, each job's content",
    security="admin",
    body=CampaignSpec,
    responses={200: PreviewOut},
    errors=(404,),
)
async def preview(request: web.Request) -> web.Response:
    """The audience in words, its count, a sample and what each job would study; nothing is
    written. Dates are not checked: a preview may be of next month's campaign."""
    spec = await _spec(request)
    services = request.app[SERVICES]
    plan = await plan_campaign(services, spec, launching=False)
    body = audience_preview(services, plan.resolved, plan.found)
    body["per_job"] = {
        plan.resolved.catalogue.name(code): {"cards": cards, "questions": questions}
        for code, (cards, questions) in plan.per_job.items()
    }
    return respond(PreviewOut, body)


@routes.post("/admin/v1/campaigns")
@operation(
    "Launch a targeted campaign and enrol its audience",
    security="admin",
    body=CampaignSpec,
    responses={201: CampaignOut},
    errors=(404,),
)
async def create(request: web.Request) -> web.Response:
    spec = await _spec(request)
    services = request.app[SERVICES]
    campaign = await create_campaign(services, spec)
    await _resync(request)
    return respond(CampaignOut, await detail(services, campaign), status=201)


@routes.get("/admin/v1/campaigns")
@operation(
    "List campaigns, newest first",
    security="admin",
    query=ListQuery,
    responses={200: CampaignList},
)
async def index(request: web.Request) -> web.Response:
    scope, leader = await _author(request)
    query = parse_query(request, ListQuery)
    enterprise = query.enterprise or scope.enterprise
    if enterprise is not None:
        scope.check(enterprise)
    within_path = leader.department.path if leader is not None else None
    found = await listing(enterprise, query.status, within_path)
    return respond(CampaignList, {"campaigns": found})


async def _campaign(request: web.Request) -> Campaign:
    scope, leader = await _author(request)
    missing = NotFound(f"no campaign {request.match_info['id']}")
    campaign_id = path_id(request, "id", missing)
    campaign = await Campaign.get_or_none(id=campaign_id).select_related("enterprise", "owner")
    if campaign is None or not scope.owns(campaign.enterprise.code):
        raise missing
    if leader is not None and (
        campaign.owner is None or not within(leader.department, campaign.owner)
    ):
        raise missing  # a leader reaches their own unit's campaigns only
    return campaign


@routes.get("/admin/v1/campaigns/{id}")
@operation(
    "A campaign: its settings, audience in words and progress",
    security="admin",
    path=CampaignPath,
    responses={200: CampaignOut},
    errors=(404,),
)
async def show(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    return respond(CampaignOut, await detail(request.app[SERVICES], campaign))


@routes.patch("/admin/v1/campaigns/{id}")
@operation(
    "Change a running campaign (a new audience takes effect at once)",
    security="admin",
    path=CampaignPath,
    body=CampaignChange,
    responses={200: CampaignOut},
    errors=(404, 409),
)
async def update(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    body = await parse_body(request, CampaignChange)
    services = request.app[SERVICES]
    campaign = await change(services, campaign, body)
    await _resync(request)
    return respond(CampaignOut, await detail(services, campaign))


@routes.post("/admin/v1/campaigns/{id}/{action:pause|resume|cancel}")
@operation(
    "Pause, resume or cancel a campaign; queued pushes of a stopped one are withdrawn",
    security="admin",
    path=ActionPath,
    responses={200: CampaignOut},
    errors=(404, 409),
)
async def act(request: web.Request) -> web.Response:
    campaign = await _campaign(request)
    services = request.app[SERVICES]
    campaign = await move(services, campaign, request.match_info["action"])
    await _resync(request)
    return respond(CampaignOut, await detail(services, campaign))
