"""A worker's history (WorkerEvent): what happened to them and who decided. Append-only: rows
are only ever added, each once by its key, so a replayed import or a retried admin call
records nothing twice."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from bot.context import Services
from bot.storage.models import Worker, WorkerEvent

WORKFORCE_KINDS = ("hired", "job_changed", "moved", "left", "returned", "flagged")


async def record(
    services: Services,
    worker: Worker,
    kind: str,
    *,
    source: str,
    actor: str = "",
    data: dict[str, Any] | None = None,
    occurred_on: date | None = None,
    key: str | None = None,
) -> tuple[WorkerEvent, bool]:
    """Record one event; returns (row, created). `key` defaults to one event of this kind per
    worker per time instant; pass a key naming the cause (a roster row's date, an admin call's
    id) where the same event may arrive again."""
    now = services.clock.now()
    day = occurred_on or services.clock.today()
    key = key or f"{kind}:{worker.id}:{now.isoformat()}"
    return await WorkerEvent.get_or_create(
        key=key,
        defaults={
            "enterprise_id": worker.enterprise_id,
            "worker_id": worker.id,
            "kind": kind,
            "occurred_on": day,
            "data": data or {},
            "source": source,
            "actor": actor,
            "recorded_at": now,
        },
    )


def decision_key(services: Services, kind: str, worker: Worker) -> str:
    """The key for a decision whose own state change makes a retry a no-op (a binding, an
    unlock: the second attempt finds nothing to change and records nothing); it only has to
    keep two real decisions in the same instant apart."""
    return f"{kind}:{worker.id}:{services.clock.now().isoformat()}:{secrets.token_hex(4)}"
