"""The archive's hash chain: how an entry's hash is made, and how a chain is checked.

hash = sha256 of the lines: prev_hash, seq, kind, at (UTC, ISO 8601 with microseconds), and the
payload as canonical JSON (keys sorted, no spaces, UTF-8). The first entry's prev_hash is
GENESIS. A chain is sound when its seqs run 1..n without a gap, each entry's prev_hash is the
hash of the one before, each hash recomputes, and the head (seq, hash) names the last entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def at_text(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(prev_hash: str, seq: int, kind: str, at: datetime, payload: Any) -> str:
    text = "\n".join([prev_hash, str(seq), kind, at_text(at), canonical(payload)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Link:
    seq: int
    kind: str
    at: datetime
    payload: Any
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Problem:
    seq: int
    what: str  # changed | missing | relinked | head


def check(links: list[Link], head: tuple[int, str] | None) -> list[Problem]:
    """Every problem of one worker's chain (links in seq order); `head` is (seq, hash) as
    recorded, None when the worker has no head yet."""
    problems: list[Problem] = []
    expected_seq, prev = 1, GENESIS
    for link in links:
        gap = link.seq != expected_seq
        if gap:
            problems.append(Problem(expected_seq, f"missing:{expected_seq}-{link.seq - 1}"))
        if entry_hash(link.prev_hash, link.seq, link.kind, link.at, link.payload) != link.hash:
            problems.append(Problem(link.seq, "changed"))
        elif link.prev_hash != prev and not gap:
            problems.append(Problem(link.seq, "relinked"))
        expected_seq, prev = link.seq + 1, link.hash
    last = (links[-1].seq, links[-1].hash) if links else (0, GENESIS)
    if head is not None and head != last:
        if head[0] > last[0]:
            problems.append(Problem(last[0] + 1, f"missing:{last[0] + 1}-{head[0]}"))
        else:
            problems.append(Problem(last[0], "head"))
    return problems
