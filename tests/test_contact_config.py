"""The [contact] section and the shift endpoint refuse what they cannot use, saying why; 催学
answers a non-leader; a campaign's remind_at is checked like its push_time."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from tests.conftest import Running, create_gas_campaign, make_config

pytestmark = pytest.mark.storage


@pytest.mark.parametrize(
    ("contact", "says"),
    [
        ({"quiet_hours": "22-7"}, "HH:MM-HH:MM"),
        ({"quiet_hours": "07:00-07:00"}, "start and end differ"),
        ({"weekly_cap": 9}, "weekly_cap"),
        ({"enterprises": {"nowhere": {"quiet_hours": "21:00-06:00"}}}, "no account serves"),
        ({"enterprises": {"hongqiao": {"quiet_hours": "25:00-06:00"}}}, "HH:MM-HH:MM"),
    ],
)
def test_bad_contact_settings_are_refused_with_the_reason(contact: dict, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        make_config("sqlite://x", "memory://", "http://127.0.0.1:1", contact=contact)


def test_an_enterprise_override_keeps_the_other_defaults() -> None:
    config = make_config(
        "sqlite://x",
        "memory://",
        "http://127.0.0.1:1",
        contact={"weekly_cap": 4, "enterprises": {"hongqiao": {"quiet_hours": "21:30-06:30"}}},
    )
    own = config.contact.rules("hongqiao")
    assert (own.quiet_hours, own.weekly_cap, own.pause_after) == ("21:30-06:30", 4, 3)
    assert config.contact.rules("lijing").quiet_hours == "22:00-07:00"


async def test_shifts_are_all_valid_or_none_is_set(anxun: Running) -> None:
    status, body = await anxun.admin(
        "PUT",
        "/admin/v1/shifts",
        {"enterprise": "hongqiao", "shifts": {"HQ0005": "8-16", "HQ9999": "08:00-16:00"}},
    )
    assert status == 422
    assert "HH:MM-HH:MM" in body["message"] and "HQ9999" in body["message"]
    status, body = await anxun.admin(
        "PUT", "/admin/v1/shifts", {"enterprise": "hongqiao", "shifts": {"hq0005": "22:00-06:00"}}
    )
    assert (status, body) == (200, {"set": 1, "removed": 0})
    status, body = await anxun.admin(
        "PUT", "/admin/v1/shifts", {"enterprise": "hongqiao", "shifts": {"HQ0005": ""}}
    )
    assert (status, body) == (200, {"set": 0, "removed": 1})


async def test_remind_at_is_checked_and_shown(anxun: Running) -> None:
    status, body = await anxun.admin(
        "POST",
        "/admin/v1/campaigns",
        {
            "enterprise": "hongqiao",
            "name": "x",
            "job": "gas_inspector",
            "account": "mine",
            "push_time": "08:00",
            "remind_at": "6pm",
            "start_date": "2026-11-23",
            "deadline": "2026-12-07",
            "supervisor": "HQ0001",
        },
    )
    assert status == 422 and "remind_at must be HH:MM" in body["message"]
    campaign_id = await create_gas_campaign(anxun, remind_at="18:00")
    status, body = await anxun.admin("GET", f"/admin/v1/campaigns/{campaign_id}")
    assert body["remind_at"] == "18:00"


async def test_urge_from_a_worker_who_leads_nobody(anxun: Running) -> None:
    from tests.test_scheduler import GAS, bind

    await bind(anxun, "o-w1", GAS[0])
    assert await anxun.user("o-w1").say("催学") == "只有班组长可以催学。"
