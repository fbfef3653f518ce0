"""Tortoise models, one module per area: the training record; Tortoise and aerich load this."""

from __future__ import annotations

from .content import Card, CardVersion, Question, QuestionVersion
from .exam import Exam, ExamAnswer, ExamAttempt, ExamSeat, SpotTest, SpotTestStratum
from .identity import ApiSession, BindCode, BindGuard, DeviceSighting, Identity, SubscribeGrant
from .memory import MemoryState
from .messaging import Alert, Delivery, InboundClaim, InboundMessage, JobRun
from .org import Department, Enterprise, Job, Worker, WorkerEvent, WorkerShift
from .standin import RiskScore, StandinChallenge
from .training import Answer, Campaign, CardRead, Enrollment, LeaderDigest, QuizSession, RuleFiring

__all__ = [
    "Alert",
    "Answer",
    "ApiSession",
    "BindCode",
    "BindGuard",
    "Campaign",
    "Card",
    "CardRead",
    "CardVersion",
    "Delivery",
    "Department",
    "DeviceSighting",
    "Enrollment",
    "Enterprise",
    "Exam",
    "ExamAnswer",
    "ExamAttempt",
    "ExamSeat",
    "Identity",
    "InboundClaim",
    "InboundMessage",
    "Job",
    "JobRun",
    "LeaderDigest",
    "MemoryState",
    "Question",
    "QuestionVersion",
    "QuizSession",
    "RiskScore",
    "RuleFiring",
    "SpotTest",
    "SpotTestStratum",
    "StandinChallenge",
    "SubscribeGrant",
    "Worker",
    "WorkerEvent",
    "WorkerShift",
]
