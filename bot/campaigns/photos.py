"""Photos the mini-program uploads for a stand-in challenge: which are accepted, and the signed,
expiring link the leader opens (a page of ours; a photo sent in chat stays on WeChat's servers
and its PicUrl is the link). The signature covers the challenge and the expiry, so a link can
neither be edited to show another worker's photo nor made to live longer."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Services
from bot.people.privacy import Privacy

PHOTO_LINK_TTL = timedelta(days=3)
KINDS = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def photo_kind(data: bytes) -> str | None:
    """ "image/jpeg" or "image/png" by the file's own signature, else None."""
    return next((kind for magic, kind in KINDS.items() if data.startswith(magic)), None)


def photo_path(privacy: Privacy, challenge_id: int, now_ts: int) -> str:
    expires = now_ts + int(PHOTO_LINK_TTL.total_seconds())
    return f"/h5/photos/{challenge_id}.{expires}.{privacy.sign(f'photo:{challenge_id}:{expires}')}"


def photo_url(services: Services, challenge_id: int) -> str | None:
    """The photo page's absolute link, when `server.public_url` says where anxun is reachable."""
    base = services.config.server.public_url.rstrip("/")
    if not base:
        return None
    return base + photo_path(services.privacy, challenge_id, services.clock.timestamp())


def read_photo_token(privacy: Privacy, token: str, now_ts: int) -> tuple[str, int]:
    """("ok", challenge id) | ("expired", challenge id) | ("invalid", 0)."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 10:
        return "invalid", 0
    challenge_id, expires = int(parts[0]), int(parts[1])
    if not privacy.signed(f"photo:{challenge_id}:{expires}", parts[2]):
        return "invalid", 0
    if expires < now_ts:
        return "expired", challenge_id
    return "ok", challenge_id
