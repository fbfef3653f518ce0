"""Creating a targeted campaign (admin API and CLI share this) and reading its progress."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator
from tortoise.transactions import in_transaction

from bot.campaigns.planner import enroll
from bot.context import Services
from bot.errors import InvalidInput, NotFound
from bot.storage.models import Campaign, Card, Enrollment, Enterprise, Job, Question, Worker


class CampaignSpec(BaseModel):
    enterprise: str
    name: str = Field(min_length=1, max_length=128)
    job: str
    account: str
    push_time: str = Field(description="HH:MM, scheduler timezone")
    start_date: date
    deadline: date
    supervisor: str = Field(description="the supervisor's employee number")
    alert_threshold: float = Field(0.8, gt=0, le=1)
    cards: list[str] | None = None
    questions: list[str] | None = None
    questions_per_quiz: int = Field(3, ge=1, le=20)
    quiz_pass_ratio: float = Field(0.6, gt=0, le=1)
    quiz_passes_required: int = Field(1, ge=0, le=50)
    min_identity_level: int = Field(1, ge=1, le=5)
    # reminders (issue 13, nudge): who has not started by this time of a day gets a reminder
    remind_at: str | None = Field(None, description="HH:MM, scheduler timezone; none if unset")
    # a start before today pushes at once (the scheduler catches up): only when asked for
    allow_past_start: bool = False

    @field_validator("push_time", "remind_at")
    @classmethod
    def _hhmm(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is not None and not re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", v):
            raise ValueError(f"{info.field_name} must be HH:MM, e.g. 08:00")
        return v

    @model_validator(mode="after")
    def _dates(self) -> CampaignSpec:
        if self.deadline < self.start_date:
            raise ValueError("deadline is before start_date")
        return self


def unknown_account(name: str, enterprise: str) -> InvalidInput:
    return InvalidInput(f"account {name!r} is not one of {enterprise!r}'s accounts in config.toml")


def check_dates(spec: CampaignSpec, today: date) -> None:
    """`today` is the service clock's, in its timezone."""
    if spec.deadline < today:
        raise InvalidInput(
            f"deadline {spec.deadline} is before today ({today}): the campaign would be over "
            "before it starts; choose a deadline from today on"
        )
    if spec.start_date < today and not spec.allow_past_start:
        raise InvalidInput(
            f"start_date {spec.start_date} is in the past (today is {today}): the campaign "
            'would start pushing at once. To mean it, add "allow_past_start": true to the spec '
            "(CLI: --allow-past-start)"
        )


async def create_campaign(services: Services, spec: CampaignSpec) -> Campaign:
    check_dates(spec, services.clock.today())
    account = services.config.account(spec.account)
    if account is None:
        raise unknown_account(spec.account, spec.enterprise)
    if account.enterprise != spec.enterprise:
        raise InvalidInput(
            f"account {spec.account!r} belongs to enterprise {account.enterprise!r}, "
            f"not {spec.enterprise!r}"
        )
    ent = await Enterprise.get_or_none(code=spec.enterprise)
    if ent is None:
        raise NotFound(f"enterprise {spec.enterprise!r} does not exist")
    job = await Job.get_or_none(enterprise=ent, code=spec.job)
    if job is None:
        raise InvalidInput(f"job {spec.job!r} does not exist in {spec.enterprise}")
    supervisor = await Worker.get_or_none(enterprise=ent, employee_no=spec.supervisor)
    if supervisor is None:
        raise InvalidInput(f"supervisor {spec.supervisor!r} is not on the roster")
    cards = await _pick(Card, ent, job.code, spec.cards, "cards")
    questions = await _pick(Question, ent, job.code, spec.questions, "questions")
    if len(questions) < spec.questions_per_quiz:
        raise InvalidInput(
            f"the question pool has {len(questions)} questions, fewer than questions_per_quiz"
        )
    async with in_transaction():
        campaign = await Campaign.create(
            enterprise=ent,
            job=job,
            supervisor=supervisor,
            **spec.model_dump(
                exclude={
                    "enterprise",
                    "job",
                    "supervisor",
                    "cards",
                    "questions",
                    "allow_past_start",
                }
            ),
        )
        await campaign.cards.add(*cards)
        await campaign.questions.add(*questions)
        await enroll(campaign)
    return campaign


async def _pick(model, ent: Enterprise, job_code: str, codes: list[str] | None, what: str) -> list:
    if codes is None:
        rows = [r for r in await model.filter(enterprise=ent) if job_code in r.job_codes]
        if not rows:
            raise InvalidInput(f"job {job_code!r} has no {what} in the library; import some first")
        return rows
    rows = await model.filter(enterprise=ent, code__in=codes)
    missing = sorted(set(codes) - {r.code for r in rows})
    if missing:
        raise InvalidInput(f"unknown {what}: {', '.join(missing)}")
    return rows


async def campaign_report(campaign_id: int) -> dict:
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None:
        raise NotFound(f"campaign {campaign_id} does not exist")
    rows = await Enrollment.filter(campaign=campaign).values_list("status", flat=True)
    return {
        "id": campaign.id,
        "name": campaign.name,
        "push_time": campaign.push_time,
        "remind_at": campaign.remind_at,
        "start_date": campaign.start_date.isoformat(),
        "deadline": campaign.deadline.isoformat(),
        "enrolled": len(rows),
        "complete": sum(1 for s in rows if s == "complete"),
    }
