"""A campaign's audience against the roster: the rule resolved to departments and jobs, the
workers it reaches today, and a preview in words with a count and a sample.

Membership is decided by bot/campaigns/rules/audience.py `matches` only; this module gathers the
facts it looks at (one query for the workers, one for their recent events).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from bot.campaigns.rules.audience import (
    FLAG_EVENTS,
    AudienceRule,
    Wording,
    WorkerFacts,
    describe,
    matches,
)
from bot.context import Services
from bot.errors import InvalidInput
from bot.people.jobs import JobCatalogue, load_catalogue
from bot.people.org import OrgTree, load_tree
from bot.people.rules.roster import EMPLOYMENT, EMPLOYMENT_NAMES, STATUS_NAMES, lookup
from bot.storage.models import Department, Enterprise, Worker, WorkerEvent
from content.tables import nearest

SAMPLE = 10


def ids_of(dept: Department) -> tuple[int, ...]:
    return tuple(int(i) for i in dept.path.strip("/").split("/") if i)


@dataclass
class Resolved:
    rule: AudienceRule
    owner: Department | None
    tree: OrgTree
    catalogue: JobCatalogue


async def resolve(ent: Enterprise, rule: AudienceRule, owner: str | None) -> Resolved:
    """The rule with every unit, job and employment type named as stored; InvalidInput naming
    each one that is not on the roster, with the nearest names."""
    tree, catalogue = await load_tree(ent), await load_catalogue(ent)
    problems: list[str] = []
    owner_dept = _unit(tree, owner, problems, "owner") if owner else None
    rule = rule.model_copy(deep=True)
    for where, units in (("units", rule.units), ("exclude.units", rule.exclude.units)):
        for u in units:
            dept = _unit(tree, u.unit, problems, where)
            if dept is not None:
                u.id, u.label = dept.id, tree.label(dept.id)
                if owner_dept is not None and not dept.path.startswith(owner_dept.path):
                    problems.append(
                        f"{where}: {u.label} is outside the owner {tree.label(owner_dept.id)}; "
                        "a campaign reaches only its owner's unit and the units below it"
                    )
    rule.jobs = _jobs(catalogue, rule.jobs, problems, "jobs")
    rule.exclude.jobs = _jobs(catalogue, rule.exclude.jobs, problems, "exclude.jobs")
    types = []
    for t in rule.employment_types:
        code = t if t in EMPLOYMENT else lookup(EMPLOYMENT, t)
        if code is None:
            known = ", ".join(f"{c} ({n})" for c, n in EMPLOYMENT_NAMES.items())
            problems.append(f"employment_types: {t!r} is not one of {known}")
        else:
            types.append(code)
    rule.employment_types = list(dict.fromkeys(types))
    named = set(rule.employee_nos) | set(rule.exclude.employee_nos)
    if named:
        known_nos = set(
            await Worker.filter(enterprise=ent, employee_no__in=sorted(named)).values_list(
                "employee_no", flat=True
            )
        )
        for n in sorted(named - known_nos):
            problems.append(f"employee_nos: {n!r} is not on {ent.code}'s roster")
    if problems:
        raise InvalidInput(
            "the audience names what the roster does not have: " + "; ".join(problems)
        )
    return Resolved(rule, owner_dept, tree, catalogue)


def _unit(tree: OrgTree, written: str, problems: list[str], where: str) -> Department | None:
    path = tuple(p.strip() for p in written.replace("\\", "/").split("/") if p.strip())
    found = tree.by_path.get(path)
    if found is None:
        found = next((d for d in tree.by_id.values() if d.code == written.strip()), None)
    if found is None:
        labels = [tree.label(i) for i in tree.by_id]
        near = nearest(written, labels)
        hint = f"; the nearest are {', '.join(near)}" if near else ""
        problems.append(f"{where}: no department {written!r}{hint} (write its path, 一矿/综采一队)")
    return found


def _jobs(catalogue: JobCatalogue, written: list[str], problems: list[str], where: str) -> list:
    codes = []
    for name in written:
        code = catalogue.code(name)
        if code is None or code not in catalogue.rows:
            near = catalogue.nearest(name)
            hint = f"; the nearest are {', '.join(near)}" if near else ""
            problems.append(f"{where}: no job {name!r} in this enterprise{hint}")
        else:
            codes.append(code)
    return list(dict.fromkeys(codes))


@dataclass
class Member:
    worker_id: int
    employee_no: str
    name: str
    department_id: int
    job: str


async def members(
    enterprise_id: int, rule: AudienceRule, owner: Department | None, today: date
) -> list[Member]:
    """Everyone the rule reaches today, by 工号."""
    rows = await Worker.filter(
        enterprise_id=enterprise_id, status__in=list(rule.statuses)
    ).values_list(
        "id",
        "employee_no",
        "name",
        "department_id",
        "department__path",
        "job__code",
        "employment_type",
        "hire_date",
        "status",
    )
    flags = await _recent_flags(enterprise_id, rule, today)
    owner_path = ids_of(owner) if owner is not None else None
    since = today - timedelta(days=rule.flag_days)
    found = []
    for wid, no, name, dept, path, job, etype, hired, status in rows:
        mine = set(flags.get(wid, ()))
        if hired is not None and since <= hired <= today:
            mine.add("new_hire")
        facts = WorkerFacts(
            employee_no=no,
            department_path=tuple(int(i) for i in str(path).strip("/").split("/") if i),
            job=job,
            employment_type=etype,
            hire_date=hired,
            status=status,
            flags=frozenset(mine),
        )
        if matches(rule, facts, owner_path):
            found.append(Member(wid, no, name, dept, job))
    return sorted(found, key=lambda m: m.employee_no)


async def _recent_flags(enterprise_id: int, rule: AudienceRule, today: date) -> dict[int, set]:
    kinds = {FLAG_EVENTS[f]: f for f in rule.flags if f in FLAG_EVENTS}
    if not kinds:
        return {}
    events = await WorkerEvent.filter(
        enterprise_id=enterprise_id,
        kind__in=list(kinds),
        occurred_on__gte=today - timedelta(days=rule.flag_days),
        occurred_on__lte=today,
    ).values_list("worker_id", "kind")
    flags: dict[int, set] = {}
    for wid, kind in events:
        flags.setdefault(wid, set()).add(kinds[kind])
    return flags


def wording(services: Services, catalogue: JobCatalogue) -> Wording:
    t = services.copy.template
    return Wording(
        everyone=t("audience.everyone"),
        subtree=t("audience.subtree"),
        job=t("audience.job"),
        either=t("audience.either"),
        hired=t("audience.hired"),
        flag=t("audience.flag"),
        plus=t("audience.plus"),
        without=t("audience.without"),
        including=t("audience.including"),
        flags={f: t(f"audience.flag_{f}") for f in ("violation", "returned", "new_hire")},
        statuses=dict(STATUS_NAMES),
        employment=dict(EMPLOYMENT_NAMES),
        job_names={code: catalogue.name(code) for code in catalogue.names},
    )


def in_words(services: Services, resolved: Resolved) -> str:
    return describe(resolved.rule, wording(services, resolved.catalogue))


def preview(services: Services, resolved: Resolved, found: list[Member]) -> dict:
    """What the admin sees before launching: the rule in words, the count, a sample, and the
    count by team (each worker's own unit) and by job."""
    tree = resolved.tree
    by_unit = Counter(tree.label(m.department_id) for m in found)
    by_job = Counter(resolved.catalogue.name(m.job) for m in found)
    step = max(len(found) // SAMPLE, 1)
    return {
        "description": in_words(services, resolved),
        "count": len(found),
        "sample": [
            {
                "employee_no": m.employee_no,
                "name": m.name,
                "unit": tree.label(m.department_id),
                "job": resolved.catalogue.name(m.job),
            }
            for m in found[::step][:SAMPLE]
        ],
        "by_unit": dict(sorted(by_unit.items())),
        "by_job": dict(sorted(by_job.items())),
    }


def stored(rule: AudienceRule) -> dict:
    return rule.model_dump(mode="json")


def loaded(raw: dict) -> AudienceRule:
    return AudienceRule.model_validate(raw)
