"""The learning-effect benchmark (bench/learning.py) run tiny: its figures are sane, every policy
studies the same minutes, and anxun brings a wrong answer back the next day. No timings; the
full run is `python -m bench.learning`."""

from __future__ import annotations

import io
import random

import pytest

from bench.learning import Result, report, run
from bench.learnpolicies import Anxun, Leitner
from bench.learnworld import make_bank
from bot.learning.rules.schedule import Speed


@pytest.fixture(scope="module")
def tiny() -> Result:
    return run(workers=20, days=5, minutes=5, seed=7)


def test_pass_rates_and_scores_are_shares_of_the_workforce(tiny: Result) -> None:
    for policy in ("anxun", "fixed", "leitner"):
        rates = [tiny.pass_rate(policy, d) for d in range(5)]
        scores = [tiny.score(policy, d) for d in range(5)]
        assert all(0 <= r <= 1 for r in rates + scores), (policy, rates, scores)
        assert 0.3 < scores[-1] < 1  # above the guess floor, short of perfect after 5 days


def test_every_policy_studies_the_same_minutes(tiny: Result) -> None:
    minutes = {p: tiny.minutes_per_day(p) for p in tiny.tallies}
    assert all(4.0 <= m <= 6.0 for m in minutes.values()), minutes
    assert max(minutes.values()) - min(minutes.values()) < 0.5, minutes
    assert len({tiny.tallies[p].study_days for p in tiny.tallies}) == 1  # the same days off


def test_anxun_brings_a_wrong_answer_back_the_next_study_day(tiny: Result) -> None:
    anxun = tiny.tallies["anxun"]
    assert anxun.wrong > 0
    assert anxun.wrong_due == anxun.wrong  # every one due by the end of the next day
    assert anxun.wrong_next > 0
    assert anxun.wrong_back / anxun.wrong_next > 0.9


def test_a_question_answered_wrong_is_in_tomorrows_session_before_new_items() -> None:
    bank = make_bank(random.Random(3), critical_share=0.0)
    anxun, leitner = Anxun(bank), Leitner(bank)
    speed = Speed()
    first = anxun.session(0, 0.3, speed, 300)
    assert first == leitner.session(0, 0.3, speed, 300) == bank.order[: len(first)]
    question = next(k for k in first if k[0] == "question")
    for key in first:
        anxun.record(0, key, key != question, 0.31)
        leitner.record(0, key, key != question, 0.31)
    assert anxun.session(1, 1.3, speed, 300)[0] == question
    assert question in leitner.session(1, 1.3, speed, 300)


def test_the_same_seed_gives_the_same_table(tiny: Result) -> None:
    again = run(workers=20, days=5, minutes=5, seed=7)
    first, second = io.StringIO(), io.StringIO()
    report(tiny, first)
    report(again, second)
    assert first.getvalue() == second.getvalue()
    assert "first day with 90 % passing" in first.getvalue()
