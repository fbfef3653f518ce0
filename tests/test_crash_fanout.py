"""The push row of RELIABILITY.md: kill -9 the sender at random points of a fan-out and restart
it — nothing lost, duplicates no more than the sends in flight per crash, none where WeChat
deduplicates (template `client_msg_id`). Runs bench/crash_fanout.py with small numbers; the
full run (10k pushes, 5 crashes) is `python -m bench.crash_fanout`."""

from __future__ import annotations

import pytest

from bench.crash_fanout import run

pytestmark = pytest.mark.storage


async def test_kill_9_during_a_fan_out_loses_nothing(db_url: str) -> None:
    result = await run(workers=300, crashes=3, concurrency=8, db_url=db_url, seed_value=3)
    assert result["crashes"] == 3
    assert result["lost"] == 0, result
    assert result["statuses"] == {"sent": 300}, result
    assert result["template_duplicates_seen"] == 0, result
    assert result["custom_duplicates_seen"] <= 8 * 3, result
    assert result["requests"] >= 300
