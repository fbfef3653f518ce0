"""What a leader's digest says, as plain data: which facts of the running campaigns fall in
their subtree, a digest of those facts (so an unchanged day sends nothing), and how lists are
cut to fit one WeChat text message (names up to a limit, then a count).

The fingerprint covers facts only, never the time or the link, so the same facts always give
the same fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

TEXT_LIMIT = 2000  # bytes; WeChat cuts a text message at about 2048


@dataclass(frozen=True)
class Member:
    """An enrolled worker as the digest sees them."""

    worker_id: int
    employee_no: str
    name: str
    path: str  # their department's path ("/1/4/9/")
    complete: bool
    paused: bool
    failed: int  # failed quizzes of this campaign


@dataclass
class CampaignFacts:
    campaign_id: int
    name: str
    deadline: str
    done: int
    enrolled: int
    behind: list[str] = field(default_factory=list)
    failed_twice: list[str] = field(default_factory=list)
    paused: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.enrolled) if self.enrolled else 0


@dataclass
class LeaderFacts:
    campaigns: list[CampaignFacts] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)
    standin: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.campaigns or self.locked or self.standin)

    def fingerprint(self) -> str:
        raw = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()


def campaign_facts(
    campaign_id: int, name: str, deadline: str, members: Iterable[Member], prefix: str
) -> CampaignFacts | None:
    """The campaign as seen from the unit whose path is `prefix` (None when none of its
    enrolled workers are there). Names in 工号 order."""
    mine = sorted((m for m in members if m.path.startswith(prefix)), key=lambda m: m.employee_no)
    if not mine:
        return None
    return CampaignFacts(
        campaign_id,
        name,
        deadline,
        done=sum(m.complete for m in mine),
        enrolled=len(mine),
        behind=[m.name for m in mine if not m.complete and not m.paused],
        failed_twice=[m.name for m in mine if not m.complete and m.failed >= 2],
        paused=[m.name for m in mine if not m.complete and m.paused],
    )


def in_subtree(people: Iterable[tuple[str, str, str]], prefix: str) -> list[str]:
    """Names of (employee_no, name, path) under `prefix`, in 工号 order."""
    return [name for no, name, path in sorted(people) if path.startswith(prefix)]


def shorten(names: list[str], shown: int) -> tuple[str, int]:
    """("甲、乙、丙", how many more) with at most `shown` names written out."""
    return "、".join(names[:shown]), max(0, len(names) - shown)


def fit(render: Callable[[int, int], str], shown: int, items: int, limit: int = TEXT_LIMIT) -> str:
    """The longest rendering within `limit` UTF-8 bytes: fewer names per list first, then
    fewer items (`render(shown, items)` says how many of the rest are left out)."""
    for count in range(items, -1, -1):
        for names in (shown, 5, 3, 1):
            if names > shown:
                continue
            text = render(names, count)
            if len(text.encode()) <= limit:
                return text
    text = render(1, 0)
    return text.encode()[:limit].decode(errors="ignore")
