"""Reading the workforce for admins: the events a roster sync recorded, and the department
tree with head counts and leaders. Nothing here carries an ID number or a phone."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from bot.errors import NotFound
from bot.people.history import WORKFORCE_KINDS
from bot.people.org import load_tree
from bot.storage.models import Enterprise, Worker, WorkerEvent


async def _enterprise(code: str) -> Enterprise:
    ent = await Enterprise.get_or_none(code=code)
    if ent is None:
        raise NotFound(f"enterprise {code!r} does not exist")
    return ent


async def list_events(
    enterprise: str, *, kind: str | None, since: date | None, after: int, limit: int
) -> list[dict[str, Any]]:
    ent = await _enterprise(enterprise)
    query = WorkerEvent.filter(
        enterprise=ent, id__gt=after, kind__in=[kind] if kind else WORKFORCE_KINDS
    )
    if since is not None:
        query = query.filter(occurred_on__gte=since)
    rows = await query.order_by("id").limit(limit).select_related("worker")
    return [
        {
            "id": e.id,
            "kind": e.kind,
            "occurred_on": e.occurred_on.isoformat(),
            "employee_no": e.worker.employee_no,
            "name": e.worker.name,
            "data": e.data,
            "source": e.source,
            "actor": e.actor,
            "recorded_at": e.recorded_at.isoformat(),
        }
        for e in rows
    ]


async def tree_json(enterprise: str) -> list[dict[str, Any]]:
    """Every department, parents before children: path, level, active head count (own unit
    only) and its leaders (是否班组长)."""
    ent = await _enterprise(enterprise)
    tree = await load_tree(ent)
    heads: Counter[int] = Counter()
    for dept_id in await Worker.filter(enterprise=ent, status="active").values_list(
        "department_id", flat=True
    ):
        heads[int(str(dept_id))] += 1
    leaders: dict[int, list[dict[str, str]]] = {}
    for w in await Worker.filter(enterprise=ent, is_supervisor=True, status="active"):
        leaders.setdefault(w.department_id, []).append(
            {"employee_no": w.employee_no, "name": w.name}
        )
    ordered = sorted(tree.by_id.values(), key=lambda d: (d.path.count("/"), d.path))
    return [
        {
            "id": d.id,
            "path": tree.label(d.id),
            "name": d.name,
            "level": d.level,
            "parent_id": d.parent_id,
            "workers": heads.get(d.id, 0),
            "leaders": leaders.get(d.id, []),
        }
        for d in ordered
    ]
