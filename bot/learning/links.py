"""Signed links anxun hands out: a card's H5 page (for news replies and the mini-program's
web-view), and the same scheme for other pages (a stand-in challenge's photo). The signature
covers what is shown and the expiry, so a link cannot be edited to open another or to live
longer."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Services
from bot.people.privacy import Privacy

CARD_LINK_TTL = timedelta(days=7)


def signed_path(
    privacy: Privacy, base: str, kind: str, ident: int, ttl: timedelta, now: int
) -> str:
    """`base`/<id>.<expires>.<signature>, the signature covering kind, id and expiry."""
    expires = now + int(ttl.total_seconds())
    return f"{base}/{ident}.{expires}.{privacy.sign(f'{kind}:{ident}:{expires}')}"


def read_signed(privacy: Privacy, kind: str, token: str, now: int) -> tuple[str, int]:
    """("ok", id) | ("expired", id) | ("invalid", 0) for the last segment of a signed path."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 10:
        return "invalid", 0
    ident, expires = int(parts[0]), int(parts[1])
    if not privacy.signed(f"{kind}:{ident}:{expires}", parts[2]):
        return "invalid", 0
    if expires < now:
        return "expired", ident
    return "ok", ident


def card_path(privacy: Privacy, card_id: int, now_ts: int) -> str:
    return signed_path(privacy, "/h5/cards", "card", card_id, CARD_LINK_TTL, now_ts)


def card_url(services: Services, card_id: int) -> str | None:
    """The card page's absolute link, when `server.public_url` says where anxun is reachable."""
    base = services.config.server.public_url.rstrip("/")
    if not base:
        return None
    return base + card_path(services.privacy, card_id, services.clock.timestamp())


def read_card_token(privacy: Privacy, token: str, now_ts: int) -> tuple[str, int]:
    """("ok", card id) | ("expired", card id) | ("invalid", 0)."""
    return read_signed(privacy, "card", token, now_ts)


DASHBOARD_LINK_TTL = timedelta(days=7)


def dashboard_path(privacy: Privacy, leader_id: int, now_ts: int) -> str:
    """A leader's dashboard link: their own unit and everything below it."""
    return signed_path(privacy, "/dash/leader", "dash", leader_id, DASHBOARD_LINK_TTL, now_ts)


def read_dashboard_token(privacy: Privacy, token: str, now_ts: int) -> tuple[str, int]:
    """("ok", leader id) | ("expired", leader id) | ("invalid", 0)."""
    return read_signed(privacy, "dash", token, now_ts)
