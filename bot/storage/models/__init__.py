"""Tortoise models, one module per area: the training record; Tortoise and aerich load this."""

from __future__ import annotations

# --- archive (issue 14) ---
from .archive import ArchiveEntry, ArchiveHead, HoursCredit

# --- end archive ---
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
    "ArchiveEntry",
    "ArchiveHead",
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
    "HoursCredit",
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
