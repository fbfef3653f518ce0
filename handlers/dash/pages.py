"""The dashboard's pages: a unit (the enterprise, a company, a workshop, a team — any depth)
with its figures, trend, children, late list and workers; a worker with their campaigns.
Thin: the figures come from bot/campaigns/unitstats.py and unitrows.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.campaigns.rules.rollup import percent
from bot.campaigns.unitrows import late_list, worker_rows
from bot.campaigns.unitstats import Scope, completion_trend, load_scope, total, unit_counts
from bot.context import Services
from bot.keys import SERVICES
from bot.people.rules.roster import EMPLOYMENT_NAMES, STATUS_NAMES
from bot.storage.models import Campaign, Department, Worker
from handlers.dash.auth import Refused, Viewer
from handlers.dash.chart import chart
from handlers.dash.view import render

LATE_SHOWN = 30


def _number(request: web.Request, name: str) -> int | None:
    text = request.query.get(name, "") if name in request.query else request.match_info.get(name)
    if text is None or text == "":
        return None
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        raise Refused(404, "dash.missing")
    return int(text)


async def _scope(request: web.Request, viewer: Viewer) -> Scope:
    services: Services = request.app[SERVICES]
    campaign_id = _number(request, "campaign")
    if campaign_id is not None and not await Campaign.exists(
        id=campaign_id, enterprise_id=viewer.enterprise.id
    ):
        raise Refused(404, "dash.missing")
    return await load_scope(services, viewer.enterprise, campaign_id)


def _query(request: web.Request) -> str:
    keep = [(k, request.query[k]) for k in ("campaign", "enterprise") if k in request.query]
    return f"?{urlencode(keep)}" if keep else ""


def _crumbs(scope: Scope, viewer: Viewer, dept: Department | None) -> list[tuple[str, str]]:
    """(name, link) from the viewer's top down to `dept`."""
    out: list[tuple[str, str]] = []
    if viewer.root is None:
        out.append((scope.enterprise.name, f"{viewer.base}"))
    if dept is not None:
        for dept_id in [int(i) for i in dept.path.strip("/").split("/") if i]:
            up = scope.tree.by_id[dept_id]
            if viewer.sees(up):
                out.append((up.name, f"{viewer.base}/units/{up.id}"))
    return out


def _campaign_links(scope: Scope, running: list[Campaign], here: str, chosen: int | None) -> Any:
    return [("全部进行中的任务", here, chosen is None)] + [
        (c.name, f"{here}?campaign={c.id}", chosen == c.id) for c in running
    ]


async def unit_page(request: web.Request, viewer: Viewer, unit_id: int | None) -> web.Response:
    scope = await _scope(request, viewer)
    dept = scope.tree.by_id.get(unit_id) if unit_id is not None else viewer.root
    if (unit_id is not None and dept is None) or (dept is not None and not viewer.sees(dept)):
        raise Refused(404, "dash.missing")
    counts = await unit_counts(scope, dept)
    whole = total(scope, counts, dept)
    children = [
        d
        for d in scope.tree.by_id.values()
        if (d.parent_id == dept.id if dept else d.parent_id is None)
    ]
    children.sort(key=lambda d: d.code)
    subtree = scope.subtree(dept)
    here = f"{viewer.base}/units/{dept.id}" if dept else viewer.base
    running = (await load_scope(request.app[SERVICES], viewer.enterprise)).campaigns
    html = render(
        "unit.html",
        title=dept.name if dept else scope.enterprise.name,
        crumbs=_crumbs(scope, viewer, dept),
        campaigns=_campaign_links(scope, running, here, _number(request, "campaign")),
        scope=scope,
        whole=whole,
        pct=percent,
        chart=chart(await completion_trend(scope, dept, whole.enrolled)),
        children=[(d, counts[d.id], f"{viewer.base}/units/{d.id}") for d in children],
        late=await late_list(scope, subtree, LATE_SHOWN),
        workers=await worker_rows(scope, [dept.id]) if dept else [],
        base=viewer.base,
        query=_query(request),
        statuses={"complete": "已完成", "enrolled": "未完成"},
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8", headers=HEADERS)


async def worker_page(request: web.Request, viewer: Viewer) -> web.Response:
    scope = await _scope(request, viewer)
    worker_id = _number(request, "worker")
    worker = await Worker.get_or_none(id=worker_id, enterprise_id=viewer.enterprise.id)
    dept = scope.tree.by_id.get(worker.department_id) if worker else None
    if worker is None or dept is None or not viewer.sees(dept):
        raise Refused(404, "dash.missing")
    rows = await worker_rows(scope, [dept.id], worker.id)
    html = render(
        "worker.html",
        title=worker.name,
        crumbs=_crumbs(scope, viewer, dept),
        worker=worker,
        unit=scope.label(dept.id),
        job=(await worker.job).name,
        employment=EMPLOYMENT_NAMES.get(worker.employment_type, worker.employment_type),
        status=STATUS_NAMES.get(worker.status, worker.status),
        rows=rows,
        bound=rows[0].bound_level if rows else None,
        base=viewer.base,
        query=_query(request),
        statuses={"complete": "已完成", "enrolled": "未完成"},
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8", headers=HEADERS)


HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a leader's link must not leak through a Referer
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
}
