"""A campaign cannot be created already over, and one starting in the past (whose pushes would go
out at once) needs an explicit confirmation. "Today" is the service clock's, in its timezone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.storage.models import Campaign
from tests.conftest import TZ, Running

pytestmark = pytest.mark.storage


async def create(anxun: Running, **overrides: Any) -> tuple[int, dict]:
    spec = {
        "enterprise": "hongqiao",
        "name": "瓦斯检查工冬季专项",
        "job": "gas_inspector",
        "account": "mine",
        "push_time": "08:00",
        "start_date": "2026-11-23",  # the test clock's today
        "deadline": "2026-12-07",
        "supervisor": "HQ0001",
        **overrides,
    }
    return await anxun.admin("POST", "/admin/v1/campaigns", spec)


async def test_a_deadline_before_today_is_refused(anxun: Running) -> None:
    for confirmed in (False, True):
        status, body = await create(
            anxun, start_date="2026-11-20", deadline="2026-11-22", allow_past_start=confirmed
        )
        assert status == 422, body
        assert "deadline 2026-11-22 is before today (2026-11-23)" in body["message"]
    assert not await Campaign.exists()
    status, body = await create(anxun, deadline="2026-11-23")  # a one-day campaign, today
    assert status == 201, body


async def test_a_start_in_the_past_must_be_confirmed(anxun: Running) -> None:
    status, body = await create(anxun, start_date="2026-11-20")
    assert status == 422, body
    assert "start_date 2026-11-20 is in the past (today is 2026-11-23)" in body["message"]
    assert '"allow_past_start": true' in body["message"] and "--allow-past-start" in body["message"]
    assert not await Campaign.exists()
    status, body = await create(anxun, start_date="2026-11-20", allow_past_start=True)
    assert status == 201 and body["start_date"] == "2026-11-20" and body["enrolled"] > 0
    status, body = await create(anxun, start_date="2026-11-24")  # the future needs nothing
    assert status == 201, body


async def test_today_is_the_service_clocks_in_its_timezone(anxun: Running) -> None:
    anxun.clock.set(datetime(2026, 11, 22, 17, 30, tzinfo=UTC))  # already the 23rd in Shanghai
    assert (await create(anxun, deadline="2026-11-23"))[0] == 201
    status, body = await create(anxun, start_date="2026-11-22", deadline="2026-11-22")
    assert status == 422 and "before today (2026-11-23)" in body["message"]
    # the wall clock plays no part: years ahead on the service clock, these dates are past
    anxun.clock.set(datetime(2031, 1, 1, 8, 0, tzinfo=TZ))
    status, body = await create(anxun, start_date="2030-12-01", deadline="2030-12-31")
    assert status == 422 and "before today (2031-01-01)" in body["message"]
