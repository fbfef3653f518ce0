"""Creating a targeted campaign (admin API and CLI share this) and reading its progress."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, ValidationInfo, model_validator
from tortoise.transactions import in_transaction

from bot.campaigns.audience import Member, Resolved, members, resolve, stored
from bot.campaigns.planner import enroll
from bot.campaigns.rules.audience import AudienceRule
from bot.context import Services
from bot.errors import InvalidInput, NotFound
from bot.learning.campaign_items import ContentRule, job_cards, job_questions
from bot.people.rules.ladder import FACE, INPERSON, PHONE, WECOM
from bot.storage.models import Campaign, Card, Enterprise, Job, Question, Worker


def hhmm(v: str, info: ValidationInfo) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", v):
        raise ValueError(f"{info.field_name} must be HH:MM in 24-hour time, e.g. 08:00")
    return v


HHMM = Annotated[str, AfterValidator(hhmm)]  # a time of day, as push_time and remind_at take it


class CampaignSpec(BaseModel):
    """A campaign as an admin writes it. Its audience is a rule over the roster (units, jobs,
    employment types, hire dates, flags, 工号, exclusions); `job` is the shorthand for a one-job
    campaign. Each worker studies their own job's cards and questions plus the shared `cards` and
    `questions`."""

    enterprise: str
    name: str = Field(min_length=1, max_length=128)
    job: str | None = Field(None, description="shorthand: the audience is this job's workers")
    audience: AudienceRule = AudienceRule()
    owner: str | None = Field(
        None, description="the unit that runs it (path or code); the audience stays inside it"
    )
    account: str
    push_time: HHMM = Field(description="HH:MM, scheduler timezone")
    start_date: date
    deadline: date
    supervisor: str | None = Field(
        None, description="工号 told when a unit has no leader of its own up the tree"
    )
    # a team below this completion ratio is behind (bot/campaigns/escalation.py)
    alert_threshold: float = Field(0.8, gt=0, le=1)
    cards: list[str] | None = Field(None, description="shared cards, for everyone")
    questions: list[str] | None = Field(None, description="shared questions, for everyone")
    job_content: bool | None = Field(
        None,
        description="each worker also gets their own job's cards and questions (default: yes "
        "for cards unless `cards` is given, for questions unless `questions` is given)",
    )
    topics: list[str] = Field([], description="only these topics of the job content")
    questions_per_quiz: int = Field(3, ge=1, le=20)
    quiz_pass_ratio: float = Field(0.6, gt=0, le=1)
    quiz_passes_required: int = Field(1, ge=0, le=50)
    min_identity_level: int = Field(1, ge=1, le=5)
    # reminders (issue 13, nudge): who has not started by this time of a day gets a reminder
    remind_at: HHMM | None = Field(None, description="HH:MM, scheduler timezone; none if unset")
    # a start before today pushes at once (the scheduler catches up): only when asked for
    allow_past_start: bool = False
    # --- digest (issue 13): teams still behind this many days before the deadline are
    # reported to their leader and the workshop head; at the deadline one level further
    escalate_days: int = Field(3, ge=0, le=90)

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


def reachable_level(services: Services, enterprise: str) -> int:
    """The highest identity level a worker of `enterprise` can reach with its accounts: the
    phone check runs in a mini-program, a WeCom member needs a WeCom app, face verification the
    qualification (`bind.face_enabled`) and a mini-program (bot/people/rules/ladder.py)."""
    kinds = {a.kind for a in services.config.accounts if a.enterprise == enterprise}
    level = INPERSON
    if "miniapp" in kinds:
        level = PHONE
    if "wecom" in kinds:
        level = WECOM
    if "miniapp" in kinds and services.config.bind.face_enabled:
        level = FACE
    return level


def check_level(services: Services, enterprise: str, wanted: int) -> None:
    top = reachable_level(services, enterprise)
    if wanted > top:
        raise InvalidInput(
            f"min_identity_level {wanted} cannot be met: {enterprise}'s workers can reach level "
            f"{top} at most ({LEVEL_NEEDS.get(wanted, '')}); no one could ever complete the "
            f"campaign. Use {top} or lower, or set up what level {wanted} needs first"
        )


LEVEL_NEEDS = {
    PHONE: "level 3 is the phone check in a mini-program: add a miniapp account",
    WECOM: "level 4 is a WeCom member: add the enterprise's WeCom app (kind = wecom)",
    FACE: "level 5 is face verification: it needs bind.face_enabled and a mini-program",
}


@dataclass
class Plan:
    """A checked spec: everything resolved, the audience found, nothing written yet."""

    spec: CampaignSpec
    ent: Enterprise
    resolved: Resolved
    job: Job | None
    supervisor: Worker | None
    shared_cards: list[Card]
    shared_questions: list[Question]
    content: ContentRule
    found: list[Member]
    per_job: dict[str, tuple[int, int]]  # job code → (cards, questions) each of its workers gets


async def plan_campaign(
    services: Services, spec: CampaignSpec, *, launching: bool, check_content: bool = True
) -> Plan:
    """Check a spec against the roster, the library and the accounts; InvalidInput for anything
    that cannot be met, saying what to do."""
    if launching:
        check_dates(spec, services.clock.today())
    account = services.config.account(spec.account)
    if account is None:
        raise unknown_account(spec.account, spec.enterprise)
    if account.enterprise != spec.enterprise:
        raise InvalidInput(
            f"account {spec.account!r} belongs to enterprise {account.enterprise!r}, "
            f"not {spec.enterprise!r}"
        )
    check_level(services, spec.enterprise, spec.min_identity_level)
    ent = await Enterprise.get_or_none(code=spec.enterprise)
    if ent is None:
        raise NotFound(f"enterprise {spec.enterprise!r} does not exist")
    rule = spec.audience.model_copy(deep=True)
    if spec.job is not None:
        if rule.jobs and spec.job not in rule.jobs:
            raise InvalidInput("job and audience.jobs disagree: give the job in audience.jobs only")
        rule.jobs = [spec.job]
    resolved = await resolve(ent, rule, spec.owner)
    jobs = resolved.rule.jobs
    job = await Job.get(enterprise=ent, code=jobs[0]) if len(jobs) == 1 else None
    supervisor = None
    if spec.supervisor is not None:
        supervisor = await Worker.get_or_none(enterprise=ent, employee_no=spec.supervisor)
        if supervisor is None:
            raise InvalidInput(f"supervisor {spec.supervisor!r} is not on the roster")
    shared_cards = await _pick(Card, ent, spec.cards or [], "cards")
    shared_questions = await _pick(Question, ent, spec.questions or [], "questions")
    content = ContentRule(
        job_cards=spec.cards is None or bool(spec.job_content),
        job_questions=spec.questions is None or bool(spec.job_content),
        topics=tuple(spec.topics),
    )
    found = await members(ent.id, resolved.rule, resolved.owner, services.clock.today())
    per_job = await _per_job(
        ent.id, {m.job for m in found} | set(jobs), content, shared_cards, shared_questions
    )
    if check_content:
        _check_content(spec, resolved, per_job)
    return Plan(
        spec,
        ent,
        resolved,
        job,
        supervisor,
        shared_cards,
        shared_questions,
        content,
        found,
        per_job,
    )


async def _per_job(
    enterprise_id: int,
    jobs: set[str],
    content: ContentRule,
    shared_cards: list[Card],
    shared_questions: list[Question],
) -> dict[str, tuple[int, int]]:
    counts = {}
    for code in sorted(jobs):
        cards = {c.id for c in shared_cards}
        questions = {q.id for q in shared_questions}
        if content.job_cards:
            cards |= {c.id for c in await job_cards(enterprise_id, code, content.topics)}
        if content.job_questions:
            questions |= {q.id for q in await job_questions(enterprise_id, code, content.topics)}
        counts[code] = (len(cards), len(questions))
    return counts


def _check_content(spec: CampaignSpec, resolved: Resolved, per_job: dict) -> None:
    problems = []
    for code, (cards, questions) in per_job.items():
        name = resolved.catalogue.name(code)
        if cards == 0:
            problems.append(f"{name} ({code}) would have no cards")
        if questions < spec.questions_per_quiz:
            problems.append(
                f"{name} ({code}) would have {questions} questions, fewer than "
                f"questions_per_quiz ({spec.questions_per_quiz})"
            )
    if problems:
        raise InvalidInput(
            "some workers could never complete this campaign: "
            + "; ".join(problems)
            + ". Import content for those jobs, add shared cards/questions, widen `topics`, "
            "or leave those jobs out (audience.exclude.jobs)"
        )


async def create_campaign(services: Services, spec: CampaignSpec) -> Campaign:
    p = await plan_campaign(services, spec, launching=True)
    async with in_transaction():
        campaign = await Campaign.create(
            enterprise=p.ent,
            job=p.job,
            supervisor=p.supervisor,
            owner=p.resolved.owner,
            audience=stored(p.resolved.rule),
            content=p.content.stored(),
            updated_at=services.clock.now(),
            **spec.model_dump(
                exclude={
                    "enterprise",
                    "job",
                    "audience",
                    "owner",
                    "supervisor",
                    "cards",
                    "questions",
                    "job_content",
                    "topics",
                    "allow_past_start",
                }
            ),
        )
        await campaign.cards.add(*p.shared_cards)
        await campaign.questions.add(*p.shared_questions)
        await enroll(campaign, services.clock.today())
    return campaign


async def _pick(model, ent: Enterprise, codes: list[str], what: str) -> list:  # type: ignore[no-untyped-def]
    rows = await model.filter(enterprise=ent, code__in=codes) if codes else []
    missing = sorted(set(codes) - {r.code for r in rows})
    if missing:
        raise InvalidInput(f"unknown {what}: {', '.join(missing)}")
    return rows
