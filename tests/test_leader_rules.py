"""The pure rules behind the digest and the escalation: who is in a subtree, names cut to a
limit then a count, a message kept within WeChat's text limit, the checkpoints, who hears."""

from __future__ import annotations

from datetime import date

from bot.campaigns.rules.digest import (
    TEXT_LIMIT,
    CampaignFacts,
    LeaderFacts,
    Member,
    campaign_facts,
    fit,
    shorten,
)
from bot.campaigns.rules.reach import DEADLINE, EARLY, ancestors, checkpoint, levels, reach


def member(n: int, path: str, **kw: object) -> Member:
    values: dict = {"complete": False, "paused": False, "failed": 0} | kw
    return Member(n, f"HQ{n:04d}", f"员工{n}", path, **values)


def test_a_campaign_seen_from_a_subtree() -> None:
    members = [
        member(3, "/1/2/5/", complete=True),
        member(1, "/1/2/5/", failed=2),
        member(2, "/1/2/5/", paused=True),
        member(4, "/1/3/6/"),
    ]
    seen = campaign_facts(7, "专项", "2026-12-07", members, "/1/2/")
    assert seen == CampaignFacts(
        7, "专项", "2026-12-07", done=1, enrolled=3, behind=["员工1"], failed_twice=["员工1"],
        paused=["员工2"],
    )  # fmt: skip
    assert seen.percent == 33
    assert campaign_facts(7, "专项", "2026-12-07", members, "/1/9/") is None
    # /1/2/ is not a prefix match of /1/22/: paths end with a slash
    assert campaign_facts(7, "专项", "2026-12-07", [member(1, "/1/22/")], "/1/2/") is None


def test_the_fingerprint_follows_the_facts_only() -> None:
    a = LeaderFacts([CampaignFacts(1, "专项", "2026-12-07", 1, 8, ["甲"])], ["乙"], [])
    b = LeaderFacts([CampaignFacts(1, "专项", "2026-12-07", 1, 8, ["甲"])], ["乙"], [])
    assert a.fingerprint() == b.fingerprint()
    b.campaigns[0].done = 2
    assert a.fingerprint() != b.fingerprint()
    assert LeaderFacts().empty and not a.empty


def test_names_up_to_a_limit_then_a_count() -> None:
    assert shorten(["甲", "乙", "丙"], 2) == ("甲、乙", 1)
    assert shorten(["甲"], 2) == ("甲", 0)


def test_a_long_digest_fits_one_message() -> None:
    names = [f"很长的名字{i:03d}" for i in range(400)]

    def render(shown: int, items: int) -> str:
        lines = [
            f"任务{i}：" + "、".join(names[:shown]) + f"等{len(names)}人" for i in range(items)
        ]
        return "\n".join(["【学习日报】", *lines, f"另有{20 - items}项"])

    text = fit(render, 10, 20)
    assert len(text.encode()) <= TEXT_LIMIT
    assert text.startswith("【学习日报】") and "另有" in text
    assert fit(render, 10, 1) == render(10, 1)  # what fits is not cut


def test_checkpoints() -> None:
    deadline = date(2026, 12, 7)
    assert checkpoint(deadline, 3, date(2026, 12, 3)) is None
    assert checkpoint(deadline, 3, date(2026, 12, 4)) == EARLY
    assert checkpoint(deadline, 3, date(2026, 12, 6)) == EARLY
    assert checkpoint(deadline, 3, date(2026, 12, 7)) == DEADLINE
    assert checkpoint(deadline, 3, date(2026, 12, 8)) == DEADLINE  # the check was down on the 7th
    assert checkpoint(deadline, 3, date(2026, 12, 9)) is None
    assert checkpoint(deadline, 0, date(2026, 12, 6)) is None  # only the deadline
    assert (reach(EARLY), reach(DEADLINE)) == (2, 3)


def test_who_hears_about_a_unit() -> None:
    assert ancestors("/1/4/9/") == ["/1/4/9/", "/1/4/", "/1/"]
    leaders = [(10, "/1/4/9/"), (11, "/1/4/9/"), (20, "/1/4/"), (30, "/1/")]
    assert levels("/1/4/9/", leaders, 2) == [[10, 11], [20]]
    assert levels("/1/4/9/", leaders, 3) == [[10, 11], [20], [30]]
    # a unit without a leader: the nearest above, then the one above that
    assert levels("/1/4/8/", leaders, 2) == [[20], [30]]
    # the worker concerned is never told about themselves
    assert levels("/1/4/", leaders, 1, exclude=20) == [[30]]
    assert levels("/2/", leaders, 2) == []  # nobody: the caller falls back to the supervisor
