"""A leader's verdict on a stand-in challenge: 确认 工号 or 驳回 工号, for workers of their own
department subtree only.

Confirmed, the completions the challenge held back are made. Rejected, nothing the worker read
or answered from the challenge's `since` to the verdict counts (bot/learning/training.py leaves
that window out of progress and shows those cards as unread), a completion made in it is taken
back, and the worker must re-read the campaign's cards and pass its quiz again, themselves.
The verdict, its effects and the history record are one transaction.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.transactions import in_transaction

from bot.campaigns.challenges import open_challenge, push_notice, record_step
from bot.context import Services
from bot.delivery.channels import Notice
from bot.learning import training
from bot.people.supervision import team_member
from bot.storage.models import Campaign, Enrollment, Identity, StandinChallenge, Worker


async def decide(services: Services, leader: Worker, employee_no: str, verdict: str) -> str:
    """确认/驳回 工号 from a leader (their own subtree only); returns the reply to them."""
    copy = services.copy
    status, worker = await team_member(leader, employee_no, active_only=True)
    if worker is not None and worker.id == leader.id:
        status = "self"
    if status != "ok" or worker is None:
        name = worker.name if worker else ""
        return copy.t(f"standin.decide_{status}", employee_no=employee_no, name=name)
    names = {"name": worker.name, "employee_no": worker.employee_no}
    challenge = await open_challenge(worker.id)
    if challenge is None:
        return copy.t("standin.decide_nothing", **names)
    now = services.clock.now()
    since = challenge.since.astimezone(services.clock.tz).strftime("%m-%d %H:%M")
    done: list[Enrollment] = []
    async with in_transaction():
        if not await StandinChallenge.filter(id=challenge.id, open_for=worker.id).update(
            status=verdict, open_for=None, decided_at=now, decided_by=leader.employee_no
        ):
            return copy.t("standin.decide_nothing", **names)
        if verdict == "confirmed":
            done = await _complete_held(services, worker)
            undone: list[int] = []
        else:
            undone = await _take_back(worker, challenge.since)
        await record_step(
            services,
            challenge,
            worker,
            f"challenge_{verdict}",
            source="chat",
            actor=leader.employee_no,
            was=challenge.status,
            completed=[e.campaign_id for e in done],
            taken_back=undone,
        )
        notice_text = copy.t(f"standin.worker_{verdict}", since=since)
        notice = Notice(
            text=notice_text,
            template={"first": notice_text, "keyword1": copy.t("standin.template_task"),
                      "keyword2": services.clock.today().isoformat(), "remark": ""},
            subscribe={"campaign": copy.t("standin.template_task"),
                       "deadline": services.clock.today().isoformat(),
                       "hint": copy.t("standin.subscribe_hint_worker")},
        )  # fmt: skip
        await push_notice(services, f"standin:{challenge.id}:decided", "standin", worker, notice)
    return copy.t(f"standin.decided_{verdict}", **names, since=since)


async def _complete_held(services: Services, worker: Worker) -> list[Enrollment]:
    """Make the completions the challenge held back (call once it is closed)."""
    identity = (
        await Identity.filter(worker_id=worker.id, active=True).order_by("-level", "id").first()
    )
    if identity is None:
        return []
    done = []
    today = services.clock.today()
    for enrollment in await Enrollment.filter(
        worker_id=worker.id,
        status="enrolled",
        campaign__status="active",
        campaign__deadline__gte=today,
    ).select_related("campaign"):
        completed = await training.check_completion(services, identity, enrollment.campaign)
        if completed is not None:
            done.append(completed)
    return done


async def _take_back(worker: Worker, since: datetime) -> list[int]:
    """Completions made from the rejected window no longer stand; returns their campaigns."""
    undone = []
    for enrollment in await Enrollment.filter(
        worker_id=worker.id, status="complete", completed_at__gte=since
    ):
        campaign = await Campaign.get(id=enrollment.campaign_id)
        p = await training.progress(worker.id, campaign)
        if not p.rule.is_complete(p.cards_read, p.quiz_passes):
            await Enrollment.filter(id=enrollment.id).update(
                status="enrolled", completed_at=None, completed_identity_level=None
            )
            undone.append(enrollment.campaign_id)
    return undone
