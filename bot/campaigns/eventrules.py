"""Setting up event rules: each is a standing campaign (kind "event") whose enrolments are
personal, one per qualifying event (bot/campaigns/triggers.py). Made by the admin API or from
config.toml's [[event_rules]], matched by (enterprise, rule, name) so a restart updates the
rule instead of adding a second one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import BaseModel, Field, ValidationError, model_validator
from tortoise.transactions import in_transaction

from bot.campaigns import exam_seats
from bot.campaigns.audience import stored
from bot.campaigns.rules.audience import AudienceRule
from bot.campaigns.rules.triggers import Rule, TriggerSettings
from bot.campaigns.spec import HHMM, CampaignSpec, plan_campaign
from bot.context import Services
from bot.errors import InvalidInput, invalid_input
from bot.storage.models import Campaign, Enrollment

STANDING_YEARS = 10  # an event rule's campaign runs until it is cancelled
DEFAULT_NAMES = {
    "hired": "新员工岗前培训",
    "returned": "离岗复工再培训",
    "job_changed": "转岗培训",
    "violation": "三违人员再培训",
    "handbook": "应知应会手册更新",
}


class EventRuleSpec(BaseModel):
    """An event rule as an admin (or config.toml) writes it."""

    enterprise: str
    rule: Rule
    name: str | None = Field(None, min_length=1, max_length=128)
    account: str
    push_time: HHMM = "08:00"
    settings: TriggerSettings = TriggerSettings()
    audience: AudienceRule = Field(AudienceRule(), description="whom the rule applies to")
    owner: str | None = None
    cards: list[str] | None = None
    questions: list[str] | None = None
    job_content: bool | None = None
    topics: list[str] = []
    questions_per_quiz: int = Field(3, ge=1, le=20)
    quiz_pass_ratio: float = Field(0.8, gt=0, le=1)
    quiz_passes_required: int = Field(1, ge=0, le=50)
    min_identity_level: int = Field(1, ge=1, le=5)
    alert_threshold: float = Field(0.9, gt=0, le=1)

    @model_validator(mode="after")
    def _exam_only_for_hires(self) -> EventRuleSpec:
        if self.settings.exam is not None and self.rule != "hired":
            raise ValueError("settings.exam: only a hired rule (a new hire's induction) has one")
        return self

    def campaign_spec(self, services: Services) -> CampaignSpec:
        today = services.clock.today()
        handbook = self.rule == "handbook"
        return CampaignSpec(
            enterprise=self.enterprise,
            name=self.name or DEFAULT_NAMES[self.rule],
            audience=self.audience,
            owner=self.owner,
            account=self.account,
            push_time=self.push_time,
            start_date=today,
            deadline=today + timedelta(days=365 * STANDING_YEARS),
            alert_threshold=self.alert_threshold,
            cards=self.cards,
            questions=self.questions,
            job_content=self.job_content,
            topics=self.topics,
            questions_per_quiz=self.questions_per_quiz,
            quiz_pass_ratio=self.quiz_pass_ratio,
            # a handbook revision asks the changed cards to be read, not another quiz
            quiz_passes_required=0 if handbook else self.quiz_passes_required,
            min_identity_level=self.min_identity_level,
        )


async def save_rule(services: Services, spec: EventRuleSpec) -> tuple[Campaign, bool]:
    """Create the rule's campaign, or update the one with the same (enterprise, rule, name).
    Returns (campaign, created)."""
    try:
        cspec = spec.campaign_spec(services)
    except ValidationError as err:
        raise invalid_input(err) from None
    plan = await plan_campaign(services, cspec, launching=False, check_content=False)
    existing = (
        await Campaign.filter(enterprise=plan.ent, kind="event", rule=spec.rule, name=cspec.name)
        .exclude(status="cancelled")
        .first()
    )
    values: dict[str, Any] = {
        "audience": stored(plan.resolved.rule),
        # by id: a queryset update cannot set a foreign key to None by object (a 500 before)
        "owner_id": plan.resolved.owner.id if plan.resolved.owner is not None else None,
        "content": plan.content.stored(),
        "trigger": spec.settings.model_dump(),
        "account": cspec.account,
        "push_time": cspec.push_time,
        "alert_threshold": cspec.alert_threshold,
        "questions_per_quiz": cspec.questions_per_quiz,
        "quiz_pass_ratio": cspec.quiz_pass_ratio,
        "quiz_passes_required": cspec.quiz_passes_required,
        "min_identity_level": cspec.min_identity_level,
        "updated_at": services.clock.now(),
    }
    async with in_transaction():
        if existing is None:
            campaign = await Campaign.create(
                enterprise=plan.ent,
                name=cspec.name,
                kind="event",
                rule=spec.rule,
                start_date=cspec.start_date,
                deadline=cspec.deadline,
                **values,
            )
            created = True
        else:
            await Campaign.filter(id=existing.id).update(**values)
            campaign, created = await Campaign.get(id=existing.id), False
        await campaign.cards.clear()
        await campaign.questions.clear()
        await campaign.cards.add(*plan.shared_cards)
        await campaign.questions.add(*plan.shared_questions)
        if spec.settings.exam is not None:  # the induction's exam, made or brought in line
            await exam_seats.induction_exam(services, campaign, spec.settings.exam)
    return campaign, created


async def from_config(services: Services) -> int:
    """Apply config.toml's [[event_rules]]; returns how many were created. InvalidInput names
    the first rule (by its place in the file) that cannot be applied, and why."""
    created = 0
    for place, raw in enumerate(services.config.event_rules, start=1):
        try:
            spec = EventRuleSpec.model_validate(raw)
        except ValidationError as err:
            raise InvalidInput(f"event rule {place}: {invalid_input(err)}") from None
        try:
            _, new = await save_rule(services, spec)
        except InvalidInput as err:
            raise InvalidInput(f"event rule {place} ({spec.rule}): {err}") from None
        created += int(new)
    return created


async def uncleared(enterprise_id: int) -> list[dict]:
    """Workers not cleared to start work: a gated induction still open, or, where the rule
    has an exam, that exam not yet passed (whatever became of the enrolment)."""
    rows = await Enrollment.filter(
        campaign__enterprise_id=enterprise_id,
        campaign__kind="event",
        campaign__status="active",
        status__in=("enrolled", "complete"),
    ).values_list(
        "campaign_id",
        "worker_id",
        "status",
        "campaign__trigger",
        "campaign__name",
        "worker__employee_no",
        "worker__name",
        "worker__department__name",
        "due_on",
    )
    gated = [r for r in rows if isinstance(r[3], dict) and r[3].get("gate")]
    with_exam = sorted({r[0] for r in gated if r[3].get("exam")})
    seats = await exam_seats.uncleared_by_exam(with_exam) if with_exam else {}
    found = []
    for campaign_id, worker_id, status, trigger, campaign, no, name, unit, due in gated:
        exam_status = None
        if trigger.get("exam"):
            exam_status = seats.get((campaign_id, worker_id))
            if exam_status is None:
                continue  # passed (or never seated: the rule's exam came after the hire)
        elif status != "enrolled":
            continue
        found.append(
            {
                "employee_no": no,
                "name": name,
                "unit": unit,
                "campaign": campaign,
                "due_on": due.isoformat() if due else None,
                "exam_status": exam_status,
            }
        )
    return found
