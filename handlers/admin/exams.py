"""Exams in the admin API: set one up (paper rules, pass mark, time limit, attempts, identity
level, optional campaign), call workers to it (by 工号, or a campaign's enrolled workers) with a
due date, and list the seats. Another enterprise's exam is answered as a missing one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.api import AdminScope, Id32, parse_body, path_id, require_admin
from bot.apidoc import Out, operation, respond
from bot.campaigns.exam_seats import end_of, enrolled_workers
from bot.errors import InvalidInput, NotFound
from bot.keys import SERVICES
from bot.learning import exams
from bot.learning.exams import ExamSpec, question_count
from bot.learning.rules.paper import PaperRule
from bot.storage.models import Campaign, Enterprise, Exam, ExamSeat, Worker

routes = web.RouteTableDef()


class ExamIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enterprise: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=128)
    purpose: Literal["induction", "retraining", "spot", "general"] = "general"
    paper: list[PaperRule] = Field(
        min_length=1, max_length=20, description="drawn from each sitter's own job bank"
    )
    pass_ratio: float = Field(0.9, gt=0, le=1, description="share of right answers to pass")
    time_limit_minutes: int = Field(20, ge=1, le=240)
    max_attempts: int = Field(2, ge=1, le=10)
    min_identity_level: int = Field(1, ge=1, le=5)
    campaign_id: Id32 | None = None


class ExamPath(BaseModel):
    exam_id: Id32


class AssignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employee_nos: list[str] | None = Field(None, min_length=1, max_length=5000)
    campaign_id: Id32 | None = Field(None, description="call the campaign's enrolled workers")
    due_on: date = Field(description="the last day to pass (until 23:59 local time)")

    @model_validator(mode="after")
    def _one_source(self) -> AssignIn:
        if (self.employee_nos is None) == (self.campaign_id is None):
            raise ValueError("give either employee_nos (工号 list) or campaign_id, not both")
        return self


class ExamOut(Out):
    id: int
    enterprise: str
    name: str
    purpose: str
    paper: list[dict[str, Any]]
    question_count: int
    pass_ratio: float
    time_limit_minutes: int
    max_attempts: int
    min_identity_level: int
    campaign_id: int | None
    created_at: datetime


class AssignOut(Out):
    assigned: int = Field(description="seats made now")
    already: int = Field(description="workers who had a seat already (kept as it was)")


class SeatOut(Out):
    employee_no: str
    name: str
    unit: str
    status: str
    attempts: int
    best_ratio: float | None
    due_at: datetime | None
    decided_at: datetime | None
    retrain_topics: list[str]


class SeatsOut(Out):
    exam: ExamOut
    seats: list[SeatOut]


def _exam_json(exam: Exam, enterprise: str) -> dict[str, Any]:
    return {
        "id": exam.id,
        "enterprise": enterprise,
        "name": exam.name,
        "purpose": exam.purpose,
        "paper": exam.paper,
        "question_count": question_count(exam),
        "pass_ratio": exam.pass_ratio,
        "time_limit_minutes": exam.time_limit_s // 60,
        "max_attempts": exam.max_attempts,
        "min_identity_level": exam.min_identity_level,
        "campaign_id": exam.campaign_id,
        "created_at": exam.created_at,
    }


async def _exam(request: web.Request, scope: AdminScope) -> tuple[Exam, str]:
    missing = NotFound(f"no exam {request.match_info['exam_id']}")
    exam = await Exam.get_or_none(id=path_id(request, "exam_id", missing)).select_related(
        "enterprise"
    )
    if exam is None or not scope.owns(exam.enterprise.code):
        raise missing
    return exam, exam.enterprise.code


async def _campaign(enterprise_id: int, campaign_id: int, code: str) -> Campaign:
    campaign = await Campaign.get_or_none(id=campaign_id, enterprise_id=enterprise_id)
    if campaign is None:
        raise InvalidInput(
            f"campaign_id: enterprise {code!r} has no campaign {campaign_id}; "
            "list them with GET /admin/v1/campaigns"
        )
    return campaign


@routes.post("/admin/v1/exams")
@operation("Set up an exam", security="admin", body=ExamIn, responses={201: ExamOut}, errors=(404,))
async def create(request: web.Request) -> web.Response:
    """The paper is composed for each sitter from their own job's bank when they start; each
    job's bank is checked against it when workers are called to it."""
    scope = require_admin(request)
    spec = await parse_body(request, ExamIn)
    scope.check(spec.enterprise)
    ent = await Enterprise.get_or_none(code=spec.enterprise)
    if ent is None:
        raise NotFound(f"enterprise {spec.enterprise!r} does not exist")
    if spec.campaign_id is not None:
        await _campaign(ent.id, spec.campaign_id, ent.code)
    exam = await exams.create_exam(
        request.app[SERVICES],
        ent.id,
        ExamSpec(
            name=spec.name,
            paper=spec.paper,
            pass_ratio=spec.pass_ratio,
            time_limit_s=spec.time_limit_minutes * 60,
            max_attempts=spec.max_attempts,
            min_identity_level=spec.min_identity_level,
            purpose=spec.purpose,
            campaign_id=spec.campaign_id,
        ),
    )
    return respond(ExamOut, _exam_json(exam, ent.code), status=201)


@routes.post("/admin/v1/exams/{exam_id}/seats")
@operation(
    "Call workers to an exam by a due date",
    security="admin",
    path=ExamPath,
    body=AssignIn,
    responses={200: AssignOut},
    errors=(404,),
)
async def assign(request: web.Request) -> web.Response:
    """By 工号 or a campaign's enrolled workers; calling a worker twice keeps their seat. Refused
    (nothing stored) when a 工号 is unknown or a sitter's job bank cannot fill the paper."""
    scope = require_admin(request)
    exam, code = await _exam(request, scope)
    spec = await parse_body(request, AssignIn)
    services = request.app[SERVICES]
    if spec.due_on < services.clock.today():
        raise InvalidInput(f"due_on: {spec.due_on} is in the past; give today or a later day")
    if spec.campaign_id is not None:
        campaign = await _campaign(exam.enterprise_id, spec.campaign_id, code)
        worker_ids = await enrolled_workers(campaign)
    else:
        assert spec.employee_nos is not None
        wanted = list(dict.fromkeys(spec.employee_nos))
        found = dict(
            await Worker.filter(
                enterprise_id=exam.enterprise_id, employee_no__in=wanted
            ).values_list("employee_no", "id")
        )
        unknown = [no for no in wanted if no not in found]
        if unknown:
            raise InvalidInput(
                f"employee_nos: not on the roster of {code!r}: {', '.join(unknown[:20])}"
                + (f" and {len(unknown) - 20} more" if len(unknown) > 20 else "")
                + "; check the 工号 or import the roster first"
            )
        worker_ids = [found[no] for no in wanted]
    made = await exams.assign(services, exam, worker_ids, end_of(services, spec.due_on))
    return respond(AssignOut, {"assigned": len(made), "already": len(worker_ids) - len(made)})


@routes.get("/admin/v1/exams/{exam_id}/seats")
@operation(
    "An exam's seats and their status",
    security="admin",
    path=ExamPath,
    responses={200: SeatsOut},
    errors=(404,),
)
async def seats(request: web.Request) -> web.Response:
    """Status: assigned (still to pass), passed, failed (out of attempts), expired (past due)."""
    scope = require_admin(request)
    exam, code = await _exam(request, scope)
    rows = (
        await ExamSeat.filter(exam=exam)
        .order_by("worker__employee_no")
        .select_related("worker__department")
    )
    listed = [
        {
            "employee_no": s.worker.employee_no,
            "name": s.worker.name,
            "unit": s.worker.department.name,
            "status": s.status,
            "attempts": s.attempts,
            "best_ratio": s.best_ratio,
            "due_at": s.due_at,
            "decided_at": s.decided_at,
            "retrain_topics": s.retrain_topics,
        }
        for s in rows
    ]
    return respond(SeatsOut, {"exam": _exam_json(exam, code), "seats": listed})
