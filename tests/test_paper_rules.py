"""Exam papers from rules over a bank given as plain data: counts per type, topic and
difficulty, no question twice, overlapping rules solved together, an unfillable rule named with
what the bank has; the topics an attempt missed; a sitting's clock."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from bot.learning.rules.paper import (
    BankItem,
    PaperRule,
    Unfillable,
    compose,
    missed_topics,
    passed,
)
from bot.learning.rules.sitting import SUBMIT_GRACE, clamp, in_time, overdue, remaining_minutes

KINDS = ["single"] * 6 + ["multi"] * 2 + ["judge"] * 2
# 30 questions: 3 topics x (6 single, 2 multi, 2 judge); difficulty 1 for even ids, else 2
BANK = [
    BankItem(i, qtype, topic, 1 if i % 2 == 0 else 2)
    for i, (topic, qtype) in enumerate(
        ((t, q) for t in ("瓦斯", "通风", "入井") for q in KINDS),
        start=1,
    )
]  # fmt: skip
BY_ID = {b.id: b for b in BANK}


def rules(*specs: dict) -> list[PaperRule]:
    return [PaperRule.model_validate(s) for s in specs]


def test_counts_per_type_topic_and_difficulty() -> None:
    paper = rules(
        {"count": 4, "qtype": "single", "topic": "瓦斯"},
        {"count": 3, "qtype": "multi"},
        {"count": 2, "qtype": "judge", "difficulty": 1},
        {"count": 5},
    )
    ids = compose(paper, BANK, "seed-1")
    assert len(ids) == len(set(ids)) == 14
    items = [BY_ID[i] for i in ids]
    first, multi, judge = items[:4], items[4:7], items[7:9]
    assert all(b.qtype == "single" and b.topic == "瓦斯" for b in first)
    assert all(b.qtype == "multi" for b in multi)
    assert all(b.qtype == "judge" and b.difficulty == 1 for b in judge)


def test_random_by_seed_reproducible_and_varied() -> None:
    paper = rules({"count": 10})
    assert compose(paper, BANK, "a") == compose(paper, BANK, "a")
    papers = {tuple(compose(paper, BANK, f"s{n}")) for n in range(20)}
    assert len(papers) == 20
    # every question turns up somewhere: nothing is favoured by its place in the bank
    assert set().union(*papers) == set(BY_ID)


def test_overlapping_rules_never_starve_the_narrow_one() -> None:
    # "all 6 multi" written after "20 of anything": a greedy draw in written order would take
    # multis for the general rule and leave the narrow one short
    paper = rules({"count": 24}, {"count": 6, "qtype": "multi"})
    for n in range(30):
        ids = compose(paper, BANK, f"x{n}")
        assert len(set(ids)) == 30
        assert Counter(BY_ID[i].qtype for i in ids[24:]) == {"multi": 6}


def test_an_unfillable_rule_is_named_with_what_the_bank_has() -> None:
    with pytest.raises(Unfillable) as err:
        compose(rules({"count": 2}, {"count": 7, "qtype": "judge"}), BANK, "s")
    assert err.value.index == 2 and err.value.matching == 6
    assert "paper rule 2 (count=7, qtype=judge) needs 7 questions; the bank has 6" in str(err.value)
    # each is enough on its own, not both together: the wide rule is the one short (the
    # narrow one is served first), and the message says what the others left it
    with pytest.raises(Unfillable) as err:
        compose(rules({"count": 25}, {"count": 6, "topic": "瓦斯"}), BANK, "s")
    assert (err.value.index, err.value.matching, err.value.left) == (1, 30, 24)
    assert "the bank has 30 that fit it, 24 left after the other rules" in str(err.value)
    with pytest.raises(Unfillable):
        compose(rules({"count": 1, "topic": "没有的主题"}), BANK, "s")


def test_a_rule_is_checked_as_it_is_written() -> None:
    for bad in ({"count": 0}, {"count": 1, "qtype": "essay"}, {"count": 1, "difficulty": 9},
                {"count": 1, "topc": "x"}):  # fmt: skip
        with pytest.raises(ValidationError):
            PaperRule.model_validate(bad)


def test_missed_topics_and_the_pass_mark() -> None:
    graded = [("瓦斯", True), ("通风", False), ("入井", False), ("通风", False), ("瓦斯", True)]
    assert missed_topics(graded) == ["通风", "入井"]
    assert missed_topics([("瓦斯", True)]) == []
    assert passed(9, 10, 0.9) and not passed(8, 10, 0.9) and not passed(0, 0, 0.5)
    assert passed(7, 10, 0.7)  # exactly on the line, whatever the float rounding


def test_the_clock_of_a_sitting() -> None:
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    deadline, now = start + timedelta(minutes=20), start + timedelta(minutes=25)
    assert clamp(None, start, now) == now
    assert clamp(start - timedelta(hours=1), start, now) == start  # before the start: the start
    assert clamp(now + timedelta(hours=1), start, now) == now  # in the future: when received
    inside = start + timedelta(minutes=5)
    assert clamp(inside, start, now) == inside and in_time(inside, deadline)
    assert not in_time(clamp(start + timedelta(minutes=21), start, now), deadline)
    assert remaining_minutes(start + timedelta(seconds=75), deadline) == (18, 45)
    assert remaining_minutes(now, deadline) == (0, 0)
    assert not overdue(deadline + SUBMIT_GRACE, deadline)
    assert overdue(deadline + SUBMIT_GRACE + timedelta(seconds=1), deadline)
