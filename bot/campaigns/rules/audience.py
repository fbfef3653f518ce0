"""A campaign's audience as a rule: who it reaches, decided worker by worker, and said in words.

The rule as stored is resolved (departments by id, jobs by code), so it means the same thing on
every evaluation; `matches` is the one place that decides membership, for the preview, the launch
and the daily re-evaluation alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

Flag = Literal["violation", "returned", "new_hire"]
Status = Literal["active", "away", "leave"]
STATUSES: tuple[Status, ...] = ("active", "away", "leave")
FLAG_EVENTS = {"violation": "flagged", "returned": "returned"}  # new_hire: by hire date


class UnitRule(BaseModel):
    """A department, by its path as rosters write it (一矿/综采一队) or its code."""

    unit: str = Field(min_length=1, max_length=255)
    subtree: bool = Field(True, description="its sub-units too (及下属)")
    # filled on resolution: the department's id and its full path, shown back in words
    id: int | None = None
    label: str = ""


class Exclusions(BaseModel):
    employee_nos: list[str] = []
    units: list[UnitRule] = []
    jobs: list[str] = []


class AudienceRule(BaseModel):
    """Everyone of the enterprise (or of the owner's unit) who passes every given filter, plus
    the explicit 工号, minus the exclusions. An empty list filters nothing."""

    units: list[UnitRule] = []
    jobs: list[str] = Field([], description="job codes, names or aliases; any of them")
    employment_types: list[str] = Field([], description="regular, 劳务派遣, …; any of them")
    hired_from: date | None = None
    hired_to: date | None = None
    flags: list[Flag] = Field([], description="三违 (violation), returned, new_hire; any of them")
    flag_days: int = Field(90, ge=1, le=3650, description="how recent a flag must be")
    statuses: list[Status] = Field(["active"], min_length=1)
    employee_nos: list[str] = Field([], description="added whatever the filters say")
    exclude: Exclusions = Exclusions()

    @field_validator("units", "jobs", "employment_types", "employee_nos")
    @classmethod
    def _no_blanks(cls, values: list) -> list:  # type: ignore[type-arg]
        for v in values:
            if isinstance(v, str) and not v.strip():
                raise ValueError("an empty name in the list; remove it")
        return values

    @model_validator(mode="after")
    def _window(self) -> AudienceRule:
        if self.hired_from and self.hired_to and self.hired_to < self.hired_from:
            raise ValueError("hired_to is before hired_from")
        return self


@dataclass(frozen=True)
class WorkerFacts:
    """What the rule looks at, for one worker."""

    employee_no: str
    department_path: tuple[int, ...]  # ancestor ids and the department's own, top first
    job: str
    employment_type: str
    hire_date: date | None
    status: str
    flags: frozenset[str]  # violation / returned within flag_days, new_hire


def _in_unit(unit: UnitRule, path: tuple[int, ...]) -> bool:
    if unit.id is None:
        return False
    return unit.id in path if unit.subtree else bool(path) and path[-1] == unit.id


def matches(rule: AudienceRule, w: WorkerFacts, owner: tuple[int, ...] | None = None) -> bool:
    """Whether the worker is in the audience. `owner` is the owning unit's id path: nobody
    outside its subtree is ever in, explicit 工号 included."""
    if w.status not in rule.statuses:
        return False
    if owner is not None and not _inside(owner, w.department_path):
        return False
    x = rule.exclude
    if w.employee_no in x.employee_nos or w.job in x.jobs:
        return False
    if any(_in_unit(u, w.department_path) for u in x.units):
        return False
    if w.employee_no in rule.employee_nos:
        return True
    return (
        (not rule.units or any(_in_unit(u, w.department_path) for u in rule.units))
        and (not rule.jobs or w.job in rule.jobs)
        and (not rule.employment_types or w.employment_type in rule.employment_types)
        and _hired_within(rule, w.hire_date)
        and (not rule.flags or any(f in w.flags for f in rule.flags))
    )


def _inside(owner: tuple[int, ...], path: tuple[int, ...]) -> bool:
    return path[: len(owner)] == owner


def _hired_within(rule: AudienceRule, hired: date | None) -> bool:
    if rule.hired_from is None and rule.hired_to is None:
        return True
    if hired is None:
        return False
    return (rule.hired_from is None or hired >= rule.hired_from) and (
        rule.hired_to is None or hired <= rule.hired_to
    )


@dataclass(frozen=True)
class Wording:
    """The words `describe` joins: the copy's pieces, looked up by the caller (content/)."""

    everyone: str  # 全体员工
    subtree: str  # "{unit} 及下属"
    job: str  # "工种 {jobs}"
    either: str  # " 或 "
    hired: str  # "入职 {start} 至 {end}"
    flag: str  # "近{days}天{flags}"
    plus: str  # "另加 工号 {list}"
    without: str  # "不含 {list}"
    including: str  # "含 {list}"
    flags: dict[str, str]  # violation → 有三违 …
    statuses: dict[str, str]  # active → 在岗 …
    employment: dict[str, str]  # regular → 正式 …
    job_names: dict[str, str]  # code → name


def describe(rule: AudienceRule, words: Wording) -> str:
    """The rule in words, e.g. "一矿/综采一队 及下属, 工种 采煤机司机 或 井下电钳工, 劳务派遣,
    不含 休假"."""
    parts: list[str] = []
    units = [words.subtree.format(unit=u.label) if u.subtree else u.label for u in rule.units]
    if units:
        parts.append("、".join(units))
    if rule.jobs:
        names = [words.job_names.get(j, j) for j in rule.jobs]
        parts.append(words.job.format(jobs=words.either.join(names)))
    if rule.employment_types:
        parts.append(words.either.join(words.employment.get(t, t) for t in rule.employment_types))
    if rule.hired_from or rule.hired_to:
        start = rule.hired_from.isoformat() if rule.hired_from else "…"
        end = rule.hired_to.isoformat() if rule.hired_to else "…"
        parts.append(words.hired.format(start=start, end=end))
    if rule.flags:
        flags = words.either.join(words.flags[f] for f in rule.flags)
        parts.append(words.flag.format(days=rule.flag_days, flags=flags))
    if not parts:
        parts.append(words.everyone)
    if rule.employee_nos:
        parts.append(words.plus.format(list="、".join(rule.employee_nos)))
    x = rule.exclude
    excluded = [words.subtree.format(unit=u.label) if u.subtree else u.label for u in x.units]
    excluded += [words.job_names.get(j, j) for j in x.jobs]
    excluded += [f"{n}" for n in x.employee_nos]
    # workers away or on leave are out unless the rule lets them in; said only when it does
    if set(rule.statuses) == set(STATUSES):
        parts.append(
            words.including.format(list="、".join(words.statuses[s] for s in STATUSES[1:]))
        )
    elif rule.statuses != ["active"]:
        excluded += [words.statuses[s] for s in STATUSES if s not in rule.statuses]
    if excluded:
        parts.append(words.without.format(list="、".join(excluded)))
    return ", ".join(parts)
