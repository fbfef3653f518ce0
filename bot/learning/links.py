"""Signed links anxun hands out: a card's H5 page (for news replies and the mini-program's
web-view). The signature covers the card and the expiry, so a link cannot be edited to open
another card or to live longer."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Services
from bot.people.privacy import Privacy

CARD_LINK_TTL = timedelta(days=7)


def card_path(privacy: Privacy, card_id: int, now_ts: int) -> str:
    expires = now_ts + int(CARD_LINK_TTL.total_seconds())
    signature = privacy.sign(f"card:{card_id}:{expires}")
    return f"/h5/cards/{card_id}.{expires}.{signature}"


def card_url(services: Services, card_id: int) -> str | None:
    """The card page's absolute link, when `server.public_url` says where anxun is reachable."""
    base = services.config.server.public_url.rstrip("/")
    if not base:
        return None
    return base + card_path(services.privacy, card_id, services.clock.timestamp())


def read_card_token(privacy: Privacy, token: str, now_ts: int) -> tuple[str, int]:
    """("ok", card id) | ("expired", card id) | ("invalid", 0)."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return "invalid", 0
    card_id, expires = int(parts[0]), int(parts[1])
    if not privacy.signed(f"card:{card_id}:{expires}", parts[2]):
        return "invalid", 0
    if expires < now_ts:
        return "expired", card_id
    return "ok", card_id
