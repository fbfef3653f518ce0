"""Event rules, the pure part: which workforce event each rule answers, its settings, whether an
event qualifies, and which topics a 三违 names."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.learning.rules.paper import PaperRule

Rule = Literal["hired", "returned", "job_changed", "violation", "handbook"]
EVENT_KINDS: dict[str, str] = {
    "hired": "hired",
    "returned": "returned",
    "job_changed": "job_changed",
    "violation": "flagged",
}


class InductionExam(BaseModel):
    """A gated induction's exam: each new hire sits it; they are cleared once they pass."""

    model_config = ConfigDict(extra="forbid")

    paper: list[PaperRule] = Field(min_length=1, max_length=20, description="from the job's bank")
    pass_ratio: float = Field(0.9, gt=0, le=1, description="the share of right answers to pass")
    name: str | None = Field(None, min_length=1, max_length=128, description="default: 规则名+考试")
    time_limit_minutes: int = Field(20, ge=1, le=240)
    max_attempts: int = Field(2, ge=1, le=10)
    min_identity_level: int = Field(1, ge=1, le=5)


class TriggerSettings(BaseModel):
    """An event rule's own settings (stored on its campaign)."""

    days: int = Field(7, ge=1, le=365, description="to complete it, from the event's date")
    window_days: int = Field(
        30, ge=1, le=365, description="events that happened longer ago than this never fire"
    )
    min_days_away: int = Field(90, ge=1, le=3650, description="returned: how long away")
    gate: bool = Field(False, description="must be passed before work (listed until passed)")
    tell_leader: bool = Field(True, description="violation: the worker's leader is told")
    exam: InductionExam | None = Field(
        None, description="hired with gate: the exam a new hire must pass to be cleared"
    )

    @model_validator(mode="after")
    def _exam_is_a_gate(self) -> TriggerSettings:
        if self.exam is not None and not self.gate:
            raise ValueError("exam is the gate of an induction: set gate to true as well")
        return self


def fires(rule: str, settings: TriggerSettings, data: dict) -> bool:  # type: ignore[type-arg]
    """Whether an event of the rule's kind qualifies: a return counts after `min_days_away`."""
    if rule == "returned":
        away = data.get("days_away")
        return isinstance(away, int) and away >= settings.min_days_away
    return True


def topics_named(data: dict, known: list[str]) -> list[str]:  # type: ignore[type-arg]
    """The topics of `known` a violation's text mentions (or that mention it); none: [] (the
    whole job)."""
    text = str(data.get("violation") or "")
    return [t for t in known if t and (t in text or (len(text) >= 2 and text in t))]
