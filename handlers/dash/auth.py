"""Who is looking at the dashboard, and how far they may see.

An admin token (the admin API's; an enterprise token sees its own enterprise only) is sent
once as `?token=`: anxun answers with an HttpOnly, SameSite=Strict cookie holding a keyed hash
of it — never the token itself, and a changed token voids it — and a redirect to the same page
without the token. A leader's signed link (/dash/leader/<token>, bot/learning/links.py) shows
their own department and the ones below it; anything else is answered as missing (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from aiohttp import web

from bot.api import AdminScope, admin_token_scope, bearer_token, match_admin
from bot.context import Services
from bot.keys import CONFIG, SERVICES
from bot.learning.links import read_dashboard_token
from bot.storage.models import Department, Enterprise, Worker

COOKIE = "anxun_dash"
COOKIE_PATH = "/dash"


class Refused(Exception):
    """The page to answer instead: `status` with the copy key `message`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class Viewer:
    enterprise: Enterprise
    root: Department | None  # None: the whole enterprise
    base: str  # the URL prefix of this viewer's pages: /dash or /dash/leader/<token>
    leader: Worker | None = None

    def sees(self, dept: Department) -> bool:
        return self.root is None or dept.path.startswith(self.root.path)


def _cookie_value(services: Services, token: str) -> str:
    return services.privacy.sign(f"dash-cookie:{token}")


def _admin_scope(request: web.Request) -> AdminScope | None:
    services: Services = request.app[SERVICES]
    found = admin_token_scope(request.app[CONFIG], bearer_token(request))
    cookie = request.cookies.get(COOKIE, "")
    if found is None and cookie:
        found = match_admin(
            request.app[CONFIG],
            lambda token: services.privacy.signed(f"dash-cookie:{token}", cookie),
        )
    return found


def login_redirect(request: web.Request) -> web.Response | None:
    """For `?token=`: a redirect that sets the cookie and drops the token from the URL."""
    token = request.query.get("token")
    if token is None:
        return None
    if admin_token_scope(request.app[CONFIG], token) is None:
        raise Refused(403, "dash.bad_token")
    rest = [(k, v) for k, v in request.query.items() if k != "token"]
    target = request.path + (f"?{urlencode(rest)}" if rest else "")
    response = web.Response(status=303, headers={"Location": target})
    response.set_cookie(
        COOKIE,
        _cookie_value(request.app[SERVICES], token),
        path=COOKIE_PATH,
        httponly=True,
        samesite="Strict",
        secure=request.secure,
        max_age=12 * 3600,
    )
    return response


async def admin_viewer(request: web.Request) -> Viewer:
    scope = _admin_scope(request)
    if scope is None:
        raise Refused(401, "dash.login")
    code = scope.enterprise or request.query.get("enterprise", "")
    enterprise = await Enterprise.get_or_none(code=code) if code else None
    if enterprise is None and scope.enterprise is None and not code:
        enterprise = await Enterprise.all().order_by("id").first()
    if enterprise is None:
        raise Refused(404, "dash.missing")
    return Viewer(enterprise, None, "/dash")


async def leader_viewer(request: web.Request) -> Viewer:
    services: Services = request.app[SERVICES]
    token = request.match_info["token"]
    state, leader_id = read_dashboard_token(services.privacy, token, services.clock.timestamp())
    if state == "expired":
        raise Refused(410, "dash.expired")
    leader = (
        await Worker.get_or_none(id=leader_id, is_supervisor=True, status="active").select_related(
            "department", "enterprise"
        )
        if state == "ok"
        else None
    )
    if leader is None:
        raise Refused(404, "dash.invalid")
    return Viewer(leader.enterprise, leader.department, f"/dash/leader/{token}", leader)
