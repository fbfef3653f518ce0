"""A campaign world over the sample mine's tree (红桥煤业 → 通风区 → 瓦斯检查一班/二班, …) for the
dashboard and report tests: one worker studies through the fake user to a real completion,
the rest is written as rows (bindings, reads, quizzes, completions on several days), and an
oracle recomputes every figure worker by worker, the slow obvious way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.storage.models import (
    Campaign,
    Card,
    CardRead,
    Department,
    Enrollment,
    Identity,
    QuizSession,
    Worker,
)
from content.loader import load_enterprise
from tests.conftest import Running, create_gas_campaign
from tests.quizzes import shown_answers


@dataclass
class World:
    gas: int  # campaign ids
    elec: int
    studied: str  # the 工号 who completed through chat


async def _bind(worker: Worker, account: str, level: int, anxun: Running, active: bool) -> Identity:
    return await Identity.create(
        worker=worker,
        account=account,
        openid=f"x-{worker.employee_no}-{account}",
        method="roster",
        level=level,
        bound_at=anxun.clock.now(),
        active=active,
    )


async def build_world(anxun: Running) -> World:
    gas = await create_gas_campaign(anxun)
    elec = await create_gas_campaign(
        anxun, name="电钳工专项", job="electrician", cards=["el-card-01", "el-card-09"]
    )
    roster = load_enterprise().roster
    first = next(r for r in roster if r.job == "gas_inspector")
    user = anxun.user("o-studied")
    assert "绑定成功" in (await user.say(f"绑定 {first.name} {first.id_number[-6:]}") or "")
    for _ in range(2):
        await user.say("学习")
    await user.say("答题")
    session = await QuizSession.get(finished_at=None, worker__employee_no=first.employee_no)
    for letters in await shown_answers(session):
        await user.say(letters)
    workers = await Worker.filter(employee_no__not=first.employee_no).order_by("employee_no")
    campaigns = {c.id: c for c in await Campaign.filter(id__in=[gas, elec])}
    cards = {cid: await campaigns[cid].cards.all().order_by("code") for cid in campaigns}
    start = anxun.clock.now()
    for i, worker in enumerate(workers):
        if i % 3 != 2:  # two in three bound; a few on another enterprise's account or retired
            await _bind(worker, "mine" if i % 5 else "minework", 1 + i % 3, anxun, True)
        elif i % 2:
            await _bind(worker, "othermine", 1, anxun, True)
        else:
            await _bind(worker, "mine", 2, anxun, False)
        enrollment = await Enrollment.filter(worker=worker).first()
        identity = await Identity.filter(worker=worker).first()
        if enrollment is None or identity is None:
            continue
        for card in cards[enrollment.campaign_id][: i % 3]:
            await _read(worker, card, enrollment.campaign_id, identity, start)
        for k in range(i % 4):  # quizzes, passing when k + i is even
            await QuizSession.create(
                worker=worker,
                campaign_id=enrollment.campaign_id,
                question_ids=[1, 2, 3],
                position=3,
                correct=3 if (k + i) % 2 == 0 else 1,
                started_at=start,
                finished_at=start,
            )
        if i % 4 == 1:
            await Enrollment.filter(id=enrollment.id).update(
                status="complete",
                completed_at=start + timedelta(days=i % 5),
                completed_identity_level=identity.level,
            )
    return World(gas, elec, first.employee_no)


async def _read(worker: Worker, card: Card, campaign_id: int, identity: Identity, at) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):  # read twice: counted once
        await CardRead.create(
            worker=worker,
            card=card,
            card_version=card.version,
            campaign_id=campaign_id,
            identity=identity,
            identity_level=identity.level,
            read_at=at,
        )


async def oracle(campaign_ids: list[int], accounts: list[str]) -> dict[int, dict[str, int]]:
    """Each department's subtree figures, worker by worker."""
    out: dict[int, dict[str, int]] = {}
    departments = await Department.all()
    campaigns = {c.id: c for c in await Campaign.filter(id__in=campaign_ids)}
    for dept in departments:
        figures = dict.fromkeys(("head", "bound", "enrolled", "completed", "quizzes", "passed"), 0)
        below = [d.id for d in departments if d.path.startswith(dept.path)]
        for worker in await Worker.filter(department_id__in=below):
            if worker.status == "active":
                figures["head"] += 1
                bound = await Identity.filter(worker=worker, active=True, account__in=accounts)
                figures["bound"] += bool(bound)
            for e in await Enrollment.filter(worker=worker, campaign_id__in=campaign_ids):
                figures["enrolled"] += 1
                figures["completed"] += e.status == "complete"
                ratio = campaigns[e.campaign_id].quiz_pass_ratio
                for s in await QuizSession.filter(
                    worker=worker, campaign_id=e.campaign_id, finished_at__not_isnull=True
                ):
                    figures["quizzes"] += 1
                    figures["passed"] += s.correct / len(s.question_ids) >= ratio
        out[dept.id] = figures
    return out
