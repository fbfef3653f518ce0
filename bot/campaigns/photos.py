"""Photos the mini-program uploads for a stand-in challenge: which are accepted, and the signed,
expiring link the leader opens (a page of ours; a photo sent in chat stays on WeChat's servers
and its PicUrl is the link). The signature covers the challenge and the expiry, so a link can
neither be edited to show another worker's photo nor made to live longer."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Services
from bot.learning.links import read_signed, signed_path
from bot.people.privacy import Privacy

PHOTO_LINK_TTL = timedelta(days=3)
KINDS = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def photo_kind(data: bytes) -> str | None:
    """ "image/jpeg" or "image/png" by the file's own signature, else None."""
    return next((kind for magic, kind in KINDS.items() if data.startswith(magic)), None)


def photo_path(privacy: Privacy, challenge_id: int, now_ts: int) -> str:
    return signed_path(privacy, "/h5/photos", "photo", challenge_id, PHOTO_LINK_TTL, now_ts)


def photo_url(services: Services, challenge_id: int) -> str | None:
    """The photo page's absolute link, when `server.public_url` says where anxun is reachable."""
    base = services.config.server.public_url.rstrip("/")
    if not base:
        return None
    return base + photo_path(services.privacy, challenge_id, services.clock.timestamp())


def read_photo_token(privacy: Privacy, token: str, now_ts: int) -> tuple[str, int]:
    """("ok", challenge id) | ("expired", challenge id) | ("invalid", 0)."""
    return read_signed(privacy, "photo", token, now_ts)
