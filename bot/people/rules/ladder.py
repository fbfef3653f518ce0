"""The identity ladder's pure rules: who a WeCom member or a face verification points at, and
which ways up the ladder a channel offers.

Levels: 1 roster match, 2 a supervisor's in-person code, 3 the WeChat-verified phone, 4 a WeCom
member the employer provisioned, 5 face verification. A binding is per channel identity, so a
way up counts for the channel it happens on: the mini-program's phone check raises the
mini-program identity, not the official account's.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass

ROSTER, INPERSON, PHONE, WECOM, FACE = 1, 2, 3, 4, 5
_MOBILE = re.compile(r"^1\d{10}$")


def normalize_mobile(text: str) -> str | None:
    """A mainland mobile as the roster keeps it (11 digits): WeCom writes "+86 13800000000";
    another country's number is nobody's on a mainland roster."""
    digits = re.sub(r"[\s\-()]", "", text or "")
    if digits.startswith("+"):
        if not digits.startswith("+86"):
            return None
        digits = digits[3:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if _MOBILE.match(digits) else None


def employee_numbers(*names: str) -> set[str]:
    """The 工号 a WeCom member may carry: its userid and its alias (many enterprises set the
    userid to the 工号), compared as the roster stores them, upper-cased."""
    return {n.strip().upper() for n in names if n and n.strip()}


def single(worker_ids: Iterable[int]) -> tuple[str, int | None]:
    """("ok", id) when every clue points at one worker; ("none" | "ambiguous", None) otherwise."""
    found = set(worker_ids)
    if len(found) == 1:
        return "ok", next(iter(found))
    return ("none" if not found else "ambiguous"), None


def md5_hex(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def same_md5(value: str, digest: str) -> bool:
    """Whether WeChat's md5 `digest` (hex, either case) is the md5 of `value`."""
    return hmac.compare_digest(md5_hex(value).encode(), digest.strip().lower().encode())


def face_matches(name: str, id_number: str, name_md5: str, id_md5: str) -> bool:
    """WeChat's face result names its person by md5 of the UTF-8 name and of the ID number
    (a final X upper-cased); both must be the roster worker's."""
    name_ok = same_md5(name, name_md5)
    number_ok = same_md5(id_number.upper(), id_md5)
    return name_ok and number_ok


@dataclass(frozen=True)
class Way:
    """One way up: the level it reaches, its name, and whether it happens on this channel."""

    level: int
    name: str  # inperson | phone | wecom | face
    here: bool


# where each way happens: the channel kind (config accounts' `kind`)
_WAYS = ((INPERSON, "inperson", "mp"), (PHONE, "phone", "miniapp"), (WECOM, "wecom", "wecom"))


def ways_up(
    level: int, needed: int, channel: str, channels: set[str], face_enabled: bool
) -> list[Way]:
    """The ways that lift a `channel` identity at `level` to `needed` or more, best fit first:
    on this channel first, then on the enterprise's other `channels` (the worker studies there
    once bound), lowest sufficient level first."""
    if level >= needed:
        return []
    table = [*_WAYS, *([(FACE, "face", "miniapp")] if face_enabled else [])]
    ways = [
        Way(reached, name, kind == channel)
        for reached, name, kind in table
        if reached >= needed and (kind == channel or kind in channels)
    ]
    return sorted(ways, key=lambda w: (not w.here, w.level))
