"""Spot-test statistics (抽考): how many to draw per unit, the stratified draw, and each unit's
pass rate with its 95 % interval judged against the line. Pure: plain data in, decisions out.

Sample size for a proportion (Cochran, with the finite population correction):
    n0 = z² · p(1 − p) / e²,   n = ⌈ n0 / (1 + (n0 − 1) / N) ⌉,   z = Φ⁻¹(0.975) ≈ 1.96
where p is the expected pass rate (default the line itself, 0.9; 0.5 is the worst case), e the
margin and N the unit's head count. Each unit is judged on its own, so each is sized for the
margin; a unit of N ≤ n is taken whole.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

CONFIDENCE = 0.95
Method = Literal["wilson", "exact"]  # exact: Clopper–Pearson
METHODS: tuple[Method, ...] = ("wilson", "exact")
Verdict = Literal["above", "below", "unclear", "no_data"]
_EPS = 1e-9  # n0 = 138.0000000001 from float noise is still 138


def z_value(confidence: float = CONFIDENCE) -> float:
    from scipy.stats import norm  # scipy loads in ~0.5 s and ~40 MB: only when a test is drawn

    return float(norm.ppf(0.5 + confidence / 2))


def sample_size(margin: float, expected: float = 0.9, population: int | None = None) -> int:
    """How many of a unit of `population` (None: infinite) to test so a proportion near
    `expected` is known to ±`margin` at 95 % (formula in the module docstring)."""
    if not 0 < margin < 1:
        raise ValueError("margin must be between 0 and 1")
    if not 0 < expected < 1:
        raise ValueError("the expected pass rate must be between 0 and 1")
    n0 = z_value() ** 2 * expected * (1 - expected) / margin**2
    if population is None:
        return math.ceil(n0 - _EPS)
    if population <= 0:
        return 0
    n = n0 / (1 + (n0 - 1) / population)
    return min(population, math.ceil(n - _EPS))


def draw(
    units: Mapping[int, Sequence[int]], margin: float, expected: float, seed: str
) -> dict[int, list[int]]:
    """The stratified random draw: per unit id, the sampled worker ids (sorted). Each unit draws
    from its own generator seeded with (seed, unit), so the same seed and roster give the same
    sample, and one unit's draw does not depend on the others."""
    drawn: dict[int, list[int]] = {}
    for unit, members in sorted(units.items()):
        pool = sorted(set(members))
        n = sample_size(margin, expected, len(pool))
        drawn[unit] = sorted(random.Random(f"{seed}:{unit}").sample(pool, n))
    return drawn


@dataclass(frozen=True)
class Estimate:
    """A pass rate from `passed` of `sat`, its 95 % interval and the verdict against a line;
    rate and bounds are None with no data."""

    sat: int
    passed: int
    rate: float | None
    low: float | None
    high: float | None
    verdict: Verdict


def interval(passed: int, sat: int, method: Method = "wilson") -> tuple[float, float]:
    """The 95 % interval of passed/sat (scipy: Wilson score, or Clopper–Pearson "exact")."""
    from scipy.stats import binomtest

    ci = binomtest(passed, sat).proportion_ci(confidence_level=CONFIDENCE, method=method)
    return float(ci.low), float(ci.high)


def judge(low: float, high: float, line: float) -> Verdict:
    """Clearly above (the whole interval at or over the line), clearly below (wholly under
    it), or not distinguishable from it."""
    if low >= line:
        return "above"
    if high < line:
        return "below"
    return "unclear"


def estimate(passed: int, sat: int, line: float, method: Method = "wilson") -> Estimate:
    if sat == 0:
        return Estimate(0, 0, None, None, None, "no_data")
    low, high = interval(passed, sat, method)
    return Estimate(sat, passed, passed / sat, low, high, judge(low, high, line))


@dataclass(frozen=True)
class UnitResult:
    """One unit: who was drawn, who sat (passed or failed) and who did not answer the call.
    `observed` counts only those who sat; `worst` counts every non-responder as a fail."""

    population: int
    drawn: int
    passed: int
    failed: int
    no_response: int
    observed: Estimate
    worst: Estimate


def unit_result(
    population: int,
    passed: int,
    failed: int,
    no_response: int,
    line: float,
    method: Method = "wilson",
) -> UnitResult:
    drawn = passed + failed + no_response
    return UnitResult(
        population,
        drawn,
        passed,
        failed,
        no_response,
        estimate(passed, passed + failed, line, method),
        estimate(passed, drawn, line, method),
    )


def overall(units: Sequence[UnitResult], line: float, method: Method = "wilson") -> Estimate:
    """The whole scope: each unit's rate weighted by its head count (units sampled at different
    fractions), over the units with data. Its interval is the chosen method's at the effective
    sample size (Kish: p(1 − p) / variance, the stratified variance with each unit's finite
    population correction), so a unit tested whole adds no uncertainty."""
    data = [u for u in units if u.observed.sat > 0]
    if not data:
        return Estimate(0, 0, None, None, None, "no_data")
    total = sum(u.population for u in data)
    sat = sum(u.observed.sat for u in data)
    rate = sum(u.population / total * (u.passed / u.observed.sat) for u in data)
    variance = 0.0
    for u in data:
        share, p = u.population / total, u.passed / u.observed.sat
        fpc = max(0.0, 1 - u.observed.sat / u.population) if u.population else 0.0
        variance += share**2 * fpc * p * (1 - p) / u.observed.sat
    effective = sat if variance <= 0 or rate in (0.0, 1.0) else rate * (1 - rate) / variance
    n = max(1, min(round(effective), max(total, sat)))
    k = min(n, max(0, round(rate * n)))
    low, high = interval(k, n, method)
    return Estimate(sat, sum(u.passed for u in data), rate, low, high, judge(low, high, line))
