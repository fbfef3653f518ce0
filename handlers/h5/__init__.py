"""H5 pages: a must-know card on a 360-px phone (no external assets); a challenge photo."""

from __future__ import annotations

import re
from functools import cache
from html import escape
from pathlib import Path

from aiohttp import web

from bot.campaigns.photos import photo_kind, read_photo_token
from bot.context import Services
from bot.keys import SERVICES
from bot.learning.links import read_card_token
from bot.storage.models import Card, StandinChallenge

routes = web.RouteTableDef()
PAGES = Path(__file__).resolve().parents[2] / "content" / "h5"
RISK_COLORS = {"life-critical": "#b3261e", "high": "#c25e00", "normal": "#2e6b30"}
ITEM = re.compile(r"^\s*(\d+[.、．]|[-•·])\s*")


@cache
def _template(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _paragraphs(body: str) -> str:
    out = []
    for line in body.splitlines():
        if not line.strip():
            continue
        css = ' class="item"' if ITEM.match(line) else ""
        out.append(f"<p{css}>{escape(line.strip())}</p>")
    return "\n".join(out)


def _gone(services: Services, status: int) -> web.Response:
    html = _template("gone.html").format(message=escape(services.copy.t("h5.gone")))
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


@routes.get("/h5/cards/{token}")
async def card_page(request: web.Request) -> web.Response:
    services: Services = request.app[SERVICES]
    state, card_id = read_card_token(
        services.privacy, request.match_info["token"], services.clock.timestamp()
    )
    if state != "ok":
        return _gone(services, 410 if state == "expired" else 404)
    card = await Card.get_or_none(id=card_id)
    if card is None:
        return _gone(services, 404)
    html = _template("card.html").format(
        title=escape(card.title),
        topic=escape(card.topic),
        version=card.version,
        risk_label=escape(services.copy.t(f"h5.risk_{card.risk.replace('-', '_')}")),
        risk_color=RISK_COLORS.get(card.risk, RISK_COLORS["normal"]),
        paragraphs=_paragraphs(card.body),
        source=escape(card.source),
    )
    return web.Response(
        text=html,
        content_type="text/html",
        charset="utf-8",
        headers={"Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


@routes.get("/h5/photos/{token}")
async def challenge_photo(request: web.Request) -> web.Response:
    """The uploaded photo itself, behind a signed, expiring link (bot/campaigns/photos.py)."""
    services: Services = request.app[SERVICES]
    state, challenge_id = read_photo_token(
        services.privacy, request.match_info["token"], services.clock.timestamp()
    )
    if state != "ok":
        return _gone(services, 410 if state == "expired" else 404)
    challenge = await StandinChallenge.get_or_none(id=challenge_id)
    data = challenge.photo_data if challenge is not None else None
    kind = photo_kind(data) if data else None
    if data is None or kind is None:
        return _gone(services, 404)
    return web.Response(
        body=data,
        content_type=kind,
        headers={"Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff"},
    )
