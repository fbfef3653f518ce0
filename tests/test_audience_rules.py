"""The audience rule's one decision (`matches`) and its words (`describe`), without a database."""

from __future__ import annotations

from datetime import date

from bot.campaigns.rules.audience import (
    AudienceRule,
    UnitRule,
    Wording,
    WorkerFacts,
    describe,
    matches,
)

WORDS = Wording(
    everyone="全体员工",
    subtree="{unit} 及下属",
    job="工种 {jobs}",
    either=" 或 ",
    hired="入职 {start} 至 {end}",
    flag="近{days}天{flags}",
    plus="另加 工号 {list}",
    without="不含 {list}",
    including="含 {list}",
    flags={"violation": "有三违记录", "returned": "离岗复工", "new_hire": "新入职"},
    statuses={"active": "在岗", "away": "离岗", "leave": "休假"},
    employment={"regular": "正式", "dispatched": "劳务派遣"},
    job_names={"shearer_driver": "采煤机司机", "electrician": "井下电钳工"},
)
# 一矿 (1) / 综采一队 (2) / 一班 (3); 一矿 / 掘进队 (4)
TEAM = UnitRule(unit="x", id=2, label="一矿/综采一队")


def worker(path: tuple[int, ...] = (1, 2, 3), **kw: object) -> WorkerFacts:
    facts: dict = {
        "employee_no": "Y1",
        "department_path": path,
        "job": "shearer_driver",
        "employment_type": "dispatched",
        "hire_date": date(2024, 5, 1),
        "status": "active",
        "flags": frozenset(),
    }
    return WorkerFacts(**(facts | kw))


def test_the_issue_example_reads_as_written() -> None:
    rule = AudienceRule(
        units=[TEAM],
        jobs=["shearer_driver", "electrician"],
        employment_types=["dispatched"],
        statuses=["active", "away"],
    )
    assert describe(rule, WORDS) == (
        "一矿/综采一队 及下属, 工种 采煤机司机 或 井下电钳工, 劳务派遣, 不含 休假"
    )
    assert describe(AudienceRule(), WORDS) == "全体员工"
    everyone = AudienceRule(statuses=["active", "away", "leave"], exclude={"employee_nos": ["Y9"]})
    assert describe(everyone, WORDS) == "全体员工, 含 离岗、休假, 不含 Y9"


def test_units_with_and_without_their_subtree() -> None:
    with_sub = AudienceRule(units=[TEAM])
    only = AudienceRule(units=[TEAM.model_copy(update={"subtree": False})])
    assert matches(with_sub, worker((1, 2, 3)))
    assert matches(with_sub, worker((1, 2)))
    assert not matches(only, worker((1, 2, 3)))
    assert matches(only, worker((1, 2)))
    assert not matches(with_sub, worker((1, 4)))


def test_every_filter_must_pass_and_any_of_a_list_will_do() -> None:
    rule = AudienceRule(jobs=["electrician", "shearer_driver"], employment_types=["regular"])
    assert not matches(rule, worker())  # dispatched
    assert matches(rule, worker(employment_type="regular"))
    window = AudienceRule(hired_from=date(2024, 1, 1), hired_to=date(2024, 12, 31))
    assert matches(window, worker())
    assert not matches(window, worker(hire_date=date(2023, 12, 31)))
    assert not matches(window, worker(hire_date=None))
    flagged = AudienceRule(flags=["violation", "returned"])
    assert not matches(flagged, worker())
    assert matches(flagged, worker(flags=frozenset({"returned"})))


def test_explicit_numbers_join_exclusions_and_the_owner_win() -> None:
    rule = AudienceRule(jobs=["electrician"], employee_nos=["Y1"])
    assert matches(rule, worker())  # not an electrician, but named
    assert not matches(rule, worker(status="leave"))  # named, but on leave
    assert not matches(rule, worker(), owner=(1, 4))  # named, but outside the owner's unit
    assert matches(rule, worker(), owner=(1, 2))
    excluded = AudienceRule.model_validate(
        rule.model_dump() | {"exclude": {"employee_nos": ["Y1"]}}
    )
    assert not matches(excluded, worker())
    no_team = AudienceRule(exclude={"units": [TEAM]})
    assert not matches(no_team, worker())
    assert matches(no_team, worker((1, 4)))
