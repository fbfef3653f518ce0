"""The pure rules of the daily session: FSRS scheduling, criticality, the 错题本, the session plan,
option shuffling and answer parsing (bot/learning/rules/)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.learning.rules.quiz import grade, normalize_choice
from bot.learning.rules.schedule import Item, Memory, Speed, plan, review
from bot.learning.rules.shuffle import Order, shuffle

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def days(memory: Memory, at: datetime) -> float:
    return (memory.due - at) / DAY


def test_a_right_answer_moves_an_item_out_by_days_and_a_wrong_one_brings_it_back_tomorrow() -> None:
    first = review(None, 1, False, True, T0)
    assert days(first, T0) >= 2
    wrong = review(first, 1, False, False, T0 + 4 * DAY)
    assert days(wrong, T0 + 4 * DAY) == pytest.approx(1, abs=0.01)
    assert wrong.lapses == 1 and wrong.reps == 2


def test_critical_items_come_back_sooner_and_never_more_than_30_days_apart() -> None:
    normal = critical = None
    at = T0
    gaps_normal, gaps_critical = [], []
    for _ in range(12):  # always remembered: intervals grow
        normal = review(normal, 1, False, True, at)
        critical = review(critical, 1, True, True, at)
        gaps_normal.append(days(normal, at))
        gaps_critical.append(days(critical, at))
        at = max(normal.due, critical.due)
    assert all(c <= n for c, n in zip(gaps_critical, gaps_normal, strict=True))
    assert gaps_critical[2] < gaps_normal[2]
    assert max(gaps_critical) <= 30
    assert max(gaps_normal) > 30


def test_a_mistake_comes_back_every_day_until_answered_right_twice() -> None:
    memory = review(None, 1, False, False, T0)
    assert memory.mistake
    at = memory.due
    memory = review(memory, 1, False, True, at)
    assert memory.mistake and days(memory, at) <= 1  # right once: still tomorrow
    at = memory.due
    memory = review(memory, 1, False, True, at)
    assert not memory.mistake  # right twice: out of the 错题本, scheduled by FSRS again
    wrong_again = review(memory, 1, False, False, memory.due)
    assert wrong_again.mistake and wrong_again.rights == 0


def test_a_revised_item_is_new_again() -> None:
    seasoned = T0
    memory = None
    for _ in range(5):
        memory = review(memory, 1, False, True, seasoned)
        seasoned = memory.due
    assert memory is not None and memory.reps == 5
    revised = review(memory, 2, False, True, seasoned)
    assert revised.reps == 1 and revised.version == 2


def items(n: int) -> list[Item]:
    return [Item("question", i, 1, critical=False, seconds=20, order=i) for i in range(n)]


def test_the_session_takes_due_reviews_before_new_items_within_the_minutes() -> None:
    pool = items(30)
    seen = {("question", i): review(None, 1, False, True, T0 - 10 * DAY) for i in range(10)}
    # 0-9 were learnt ten days ago; some are due by now, the rest not
    due = {k for k, m in seen.items() if m.due <= T0 + DAY}
    session = plan(pool, seen, T0, T0 + DAY, budget_s=300)
    assert session.seconds <= 300 and len(session.items) == 15
    reviewed = [(i.kind, i.id) for i in session.items[: session.reviews]]
    assert set(reviewed) == due
    new = [i.id for i in session.items[session.reviews :]]
    assert new == sorted(new) and all(i >= 10 for i in new)  # new ones in the bank's order


def test_a_running_campaign_goes_first_and_critical_new_items_before_others() -> None:
    pool = [*items(6), Item("question", 50, 1, False, 20, campaign=True, order=9)]
    pool.append(Item("question", 60, 1, True, 20, order=8))
    session = plan(pool, {}, T0, T0 + DAY, budget_s=60)
    assert [i.id for i in session.items] == [50, 60, 0]


def test_mistakes_are_reviewed_before_other_due_items() -> None:
    pool = items(4)
    memories = {("question", i): review(None, 1, False, True, T0 - 30 * DAY) for i in range(4)}
    memories[("question", 3)] = review(None, 1, False, False, T0 - DAY)  # wrong yesterday
    session = plan(pool, memories, T0, T0 + DAY, budget_s=20)
    assert [i.id for i in session.items] == [3]


def test_an_item_that_does_not_fit_is_skipped_for_a_smaller_one() -> None:
    pool = [Item("card", 1, 1, False, 200, order=0), Item("card", 2, 1, False, 250, order=1)]
    pool += items(3)
    session = plan(pool, {}, T0, T0 + DAY, budget_s=300)
    chosen = [(i.kind, i.id) for i in session.items]
    assert chosen == [("card", 1), ("question", 0), ("question", 1), ("question", 2)]


def test_a_first_item_always_goes_in_even_over_the_budget() -> None:
    session = plan([Item("card", 1, 1, False, 400)], {}, T0, T0 + DAY, budget_s=300)
    assert len(session.items) == 1


def test_speed_follows_the_workers_own_answers() -> None:
    assert Speed.of([]) == Speed()
    slow = Speed.of([40, 45, 50, 42, 48, 400])
    assert slow.question_s == 45
    assert slow.card_seconds(600) > Speed().card_seconds(600)
    assert Speed.of([1, 2, 3, 2, 1]).question_s == 8  # bounded


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.text(min_size=1), min_size=2), st.text())
def test_shuffled_answers_grade_as_the_bank_does(options: dict[str, str], seed: str) -> None:
    order = shuffle(options, "single", seed)
    shown = order.shown(options)
    assert sorted(shown.values()) == sorted(options.values())
    for bank_letter, text in options.items():
        shown_letter = order.to_shown(bank_letter)
        assert shown[shown_letter] == text
        assert order.to_bank(shown_letter) == bank_letter


def test_options_are_shuffled_per_attempt_but_true_false_and_all_of_the_above_stay() -> None:
    options = {"A": "一", "B": "二", "C": "三", "D": "以上都对"}
    orders = {shuffle(options, "single", f"w1:{n}").order for n in range(30)}
    assert len(orders) > 1 and all(o[3] == "D" for o in orders)
    assert shuffle({"A": "正确", "B": "错误"}, "judge", "x") == Order("AB")
    multi = shuffle({"A": "a", "B": "b", "C": "c", "D": "d"}, "multi", "seed")
    assert grade("AC", multi.to_bank(multi.to_shown("AC")))


@pytest.mark.parametrize(
    ("typed", "multi", "expected"),
    [
        ("b", False, "B"),
        ("Ｂ", False, "B"),
        (" c ", False, "C"),
        ("a c d", True, "ACD"),
        ("A，C", True, "AC"),
        ("DCA", True, "ACD"),
        ("AA", True, None),  # the same letter twice
        ("AB", False, None),  # two letters to a single-choice question
        ("E", False, None),  # no such option
        ("", False, None),
        ("好的", False, None),
    ],
)
def test_answer_parsing(typed: str, multi: bool, expected: str | None) -> None:
    assert normalize_choice(typed, ["A", "B", "C", "D"], multi) == expected


def test_reviews_get_half_the_minutes_while_new_items_remain_and_no_minute_is_left() -> None:
    pool = items(40)
    learnt = {("question", i): review(None, 1, False, True, T0 - 60 * DAY) for i in range(20)}
    session = plan(pool, learnt, T0, T0 + DAY, budget_s=300)
    assert session.reviews * 20 <= 150 and len(session.items) == 15  # the rest are new
    everything = {("question", i): review(None, 1, False, True, T0 - DAY) for i in range(40)}
    extra = plan(pool, everything, T0, T0 + DAY, budget_s=300)
    assert len(extra.items) == 15  # nothing due, nothing new: the most forgotten all the same


def test_a_card_read_once_leaves_the_rotation_unless_critical() -> None:
    normal = review(None, 1, False, True, T0, kind="card")
    critical = review(None, 1, True, True, T0, kind="card")
    assert days(normal, T0) > 3000 and days(critical, T0) <= 30


def test_forgetting_orders_memories_as_fsrs_retrievability_does() -> None:
    memories = [
        review(None, 1, critical, right, T0 - n * DAY)
        for n in range(1, 30, 3)
        for critical in (False, True)
        for right in (False, True)
    ]
    now = T0 + 5 * DAY
    by_fsrs = sorted(memories, key=lambda m: m.retrievability(False, now))
    by_ratio = sorted(memories, key=lambda m: m.forgetting(now))
    assert [m.retrievability(False, now) for m in by_fsrs] == [
        m.retrievability(False, now) for m in by_ratio
    ]
