"""The supervisors' web dashboard: /dash (admin token), /dash/leader/<signed token> (a leader)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.keys import SERVICES
from handlers.dash.auth import Refused, Viewer, admin_viewer, leader_viewer, login_redirect
from handlers.dash.pages import HEADERS, unit_page, worker_page
from handlers.dash.view import render

routes = web.RouteTableDef()
Page = Callable[[web.Request, Viewer], Awaitable[web.Response]]


def refused(request: web.Request, err: Refused) -> web.Response:
    message = request.app[SERVICES].copy.t(err.message)
    html = render("message.html", title=message, message=message)
    return web.Response(
        text=html, status=err.status, content_type="text/html", charset="utf-8", headers=HEADERS
    )


async def _serve(request: web.Request, leader: bool, page: Page) -> web.Response:
    try:
        if not leader:
            redirect = login_redirect(request)
            if redirect is not None:
                return redirect
        viewer = await (leader_viewer(request) if leader else admin_viewer(request))
        return await page(request, viewer)
    except Refused as err:
        return refused(request, err)


def _unit(request: web.Request, viewer: Viewer) -> Awaitable[web.Response]:
    text = request.match_info.get("unit")
    if text is None:
        return unit_page(request, viewer, None)
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        raise Refused(404, "dash.missing")
    return unit_page(request, viewer, int(text))


for prefix, leader in (("/dash", False), ("/dash/leader/{token}", True)):

    def _bind(leader: bool, page: Page) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handler(request: web.Request) -> web.Response:
            return await _serve(request, leader, page)

        return handler

    routes.get(prefix)(_bind(leader, _unit))
    routes.get(prefix + "/units/{unit}")(_bind(leader, _unit))
    routes.get(prefix + "/workers/{worker}")(_bind(leader, worker_page))
