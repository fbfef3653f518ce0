"""Spot-test statistics against known values: sample sizes (Cochran, with and without the finite
population correction), the stratified draw, Wilson and Clopper–Pearson intervals checked with
the textbook formulas, the verdicts on both sides of the line, non-responders."""

from __future__ import annotations

import math

import pytest
from scipy.stats import beta

from bot.campaigns.rules.spotsample import (
    draw,
    estimate,
    interval,
    overall,
    sample_size,
    unit_result,
    z_value,
)


@pytest.mark.parametrize(
    ("p", "e", "population", "n"),
    [
        (0.5, 0.05, None, 385),  # the textbook 385
        (0.5, 0.05, 1000, 278),
        (0.9, 0.05, None, 139),
        (0.9, 0.1, None, 35),
        (0.5, 0.03, None, 1068),
        (0.9, 0.1, 8, 7),  # a team of 8 tested 7
        (0.9, 0.1, 3, 3),  # smaller than its n: taken whole
        (0.9, 0.1, 0, 0),
    ],
)
def test_sample_size_matches_known_values(p: float, e: float, population: int, n: int) -> None:
    assert sample_size(e, p, population) == n


def test_sample_size_refuses_nonsense() -> None:
    for margin, expected in ((0, 0.9), (1, 0.9), (0.1, 0), (0.1, 1)):
        with pytest.raises(ValueError):
            sample_size(margin, expected)


UNITS = {10: list(range(100, 180)), 11: list(range(200, 208)), 12: [300, 301]}


def test_the_draw_covers_each_unit_with_its_n_and_is_reproducible() -> None:
    drawn = draw(UNITS, 0.1, 0.9, "seed-1")
    assert {u: len(ids) for u, ids in drawn.items()} == {10: 25, 11: 7, 12: 2}
    assert sample_size(0.1, 0.9, 80) == 25  # 34.57 / (1 + 33.57 / 80) = 24.4
    for unit, ids in drawn.items():
        assert set(ids) <= set(UNITS[unit]) and len(set(ids)) == len(ids)
    assert draw(UNITS, 0.1, 0.9, "seed-1") == drawn
    # members listed in another order: the same sample
    shuffled = {u: list(reversed(ids)) for u, ids in UNITS.items()}
    assert draw(shuffled, 0.1, 0.9, "seed-1") == drawn
    other = draw(UNITS, 0.1, 0.9, "seed-2")
    assert other[10] != drawn[10]
    # a unit's draw does not depend on the other units
    assert draw({10: UNITS[10]}, 0.1, 0.9, "seed-1")[10] == drawn[10]


def test_the_draw_is_spread_over_the_unit() -> None:
    """Over many seeds each member of a unit is drawn about n/N of the time."""
    hits = dict.fromkeys(UNITS[10], 0)
    for s in range(400):
        for w in draw({10: UNITS[10]}, 0.1, 0.9, f"s{s}")[10]:
            hits[w] += 1
    expected = 400 * 25 / 80
    assert all(0.5 * expected < h < 1.5 * expected for h in hits.values())


def wilson_textbook(k: int, n: int) -> tuple[float, float]:
    z = z_value()
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def clopper_pearson_textbook(k: int, n: int) -> tuple[float, float]:
    low = beta.ppf(0.025, k, n - k + 1) if k > 0 else 0.0
    high = beta.ppf(0.975, k + 1, n - k) if k < n else 1.0
    return float(low), float(high)


def test_wilson_and_clopper_pearson_match_published_values() -> None:
    low, high = interval(45, 50, "wilson")
    assert (round(low, 3), round(high, 3)) == (0.786, 0.957)
    low, high = interval(45, 50, "exact")
    assert (round(low, 4), round(high, 4)) == (0.7819, 0.9667)  # R: binom.test(45, 50)
    for k, n in ((45, 50), (0, 7), (7, 7), (30, 35), (1, 1), (139, 139), (120, 139)):
        assert interval(k, n, "wilson") == pytest.approx(wilson_textbook(k, n), abs=1e-9)
        assert interval(k, n, "exact") == pytest.approx(clopper_pearson_textbook(k, n), abs=1e-9)


def test_verdicts_on_both_sides_of_the_line_and_between() -> None:
    assert estimate(139, 139, 0.9).verdict == "above"  # Wilson low 0.973
    assert estimate(20, 35, 0.9).verdict == "below"
    assert estimate(45, 50, 0.9).verdict == "unclear"
    assert estimate(7, 7, 0.9).verdict == "unclear"  # 7 of 7 cannot show 90 % (low 0.646)
    assert estimate(0, 0, 0.9).verdict == "no_data" and estimate(0, 0, 0.9).rate is None
    # the method can decide: 35 of 35 (the n of p = 0.9, e = 0.1) clears the line by Wilson
    # (low 0.9011) but not by the wider Clopper–Pearson (low 0.89997)
    assert estimate(35, 35, 0.9, "wilson").verdict == "above"
    assert estimate(35, 35, 0.9, "exact").verdict == "unclear"


def test_non_responders_are_never_passes() -> None:
    result = unit_result(population=40, passed=27, failed=1, no_response=7, line=0.9)
    assert result.drawn == 35
    assert result.observed.sat == 28 and result.observed.rate == pytest.approx(27 / 28)
    assert result.worst.sat == 35 and result.worst.rate == pytest.approx(27 / 35)
    assert result.observed.verdict == "unclear" and result.worst.verdict == "below"
    nobody = unit_result(population=8, passed=0, failed=0, no_response=7, line=0.9)
    assert nobody.observed.verdict == "no_data"
    assert nobody.worst.rate == 0 and nobody.worst.verdict == "below"


def test_overall_weighs_units_by_head_count() -> None:
    big = unit_result(population=1000, passed=130, failed=9, no_response=0, line=0.9)
    small = unit_result(population=8, passed=3, failed=4, no_response=0, line=0.9)
    silent = unit_result(population=8, passed=0, failed=0, no_response=7, line=0.9)
    total = overall([big, small, silent], 0.9)
    assert total.sat == 146 and total.passed == 133
    expected = (1000 * 130 / 139 + 8 * 3 / 7) / 1008
    assert total.rate == pytest.approx(expected)
    assert total.low is not None and total.high is not None
    assert total.low < expected < total.high
    # the pooled rate 133/146 = 0.911 would hide how the small unit was over-sampled
    assert abs(expected - 133 / 146) > 0.01
    assert overall([silent], 0.9).verdict == "no_data"
    # a whole unit tested and all passed: above the line with nothing left to estimate
    census = unit_result(population=50, passed=50, failed=0, no_response=0, line=0.9)
    assert overall([census], 0.9).verdict == "above"
