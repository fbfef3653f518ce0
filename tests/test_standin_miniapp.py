"""Stand-in risk through the mini-program: the device and network each request shows (hashed),
a challenge that stops the card and the quiz until a photo is uploaded, the leader's link to
that photo, and the nightly sweep that sees one phone across teams where a quiz's end cannot."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from bot.storage.models import (
    DeviceSighting,
    RiskScore,
    StandinChallenge,
    Worker,
    WorkerEvent,
)
from content.loader import load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import TZ, Running, create_gas_campaign, eventually
from tests.quizzes import answer_key
from tests.test_standin_challenge import LEADER, bind

pytestmark = pytest.mark.storage

APPID = "wxminiapp00000001"
ROSTER = {r.employee_no: r for r in load_enterprise().roster}
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000
PUBLIC = "https://anxun.example.com"


@pytest.fixture
async def anxun(start_anxun: Callable[..., Awaitable[Running]]) -> Running:
    return await start_anxun(
        standin={"enabled": True, "trust_forwarded_for": True}, server={"public_url": PUBLIC}
    )


class App:
    """One worker's mini-program on one phone and network."""

    def __init__(self, anxun: Running, token: str, device: str, address: str) -> None:
        self.anxun, self.token = anxun, token
        self.headers = {"X-Anxun-Device": device, "X-Forwarded-For": f"{address}, 10.0.0.1"}

    async def call(self, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self.token}", **self.headers}
        async with self.anxun.session.request(
            method, self.anxun.base_url + path, headers=headers, **kw
        ) as r:
            return r.status, await r.json()

    async def quiz(self, seconds: float) -> dict[str, Any]:
        status, quiz = await self.call("POST", "/api/v1/me/quiz")
        assert status == 200, quiz
        answers = await answer_key(quiz["quiz_id"])
        self.anxun.clock.advance(seconds=seconds)
        url = f"/api/v1/me/quiz/{quiz['quiz_id']}/submit"
        status, body = await self.call("POST", url, json={"answers": answers})
        assert status == 200, body
        return dict(body)


async def phone(anxun: Running, sim, employee_no: str, device: str, address: str) -> App:
    openid = f"m-{employee_no}"
    status, body = await anxun.api(
        "POST", "/api/v1/session", {"account": "mineapp", "code": sim.login_code(APPID, openid)}
    )
    token = str(body["token"])
    phone_code = sim.phone_code(ROSTER[employee_no].phone)
    status, body = await anxun.api("POST", "/api/v1/bind/phone", {"code": phone_code}, token=token)
    assert status == 200, body
    return App(anxun, token, device, address)


async def test_a_challenge_stops_the_mini_program_until_the_photo_is_uploaded(
    anxun: Running, sim
) -> None:
    await bind(anxun, "o-lead", LEADER)
    await create_gas_campaign(anxun, supervisor=LEADER)
    app = await phone(anxun, sim, "HQ0005", "redmi-9a/android-10", "203.0.113.7")
    body = await app.quiz(seconds=2)  # three questions in two seconds
    assert body["campaign_complete"] is False
    assert (await StandinChallenge.get(worker__employee_no="HQ0005")).status == "armed"

    for path in ("/api/v1/me/card", "/api/v1/me/quiz"):
        status, body = await app.call("POST", path)
        assert status == 409 and body["code"] == "standin_challenge" and "拍一张" in body["message"]

    status, body = await app.call("POST", "/api/v1/me/challenge/photo", data=b"GIF89a not a photo")
    assert status == 422 and body["code"] == "not_a_photo"
    status, body = await app.call("POST", "/api/v1/me/challenge/photo", data=JPEG)
    assert status == 200 and body["status"] == "submitted" and "已转给班组长" in body["message"]

    sent = await eventually(lambda: sim.sent("/custom/send", touser="o-lead"))
    link = sent[0].body["news"]["articles"][0]["url"]
    assert link.startswith(PUBLIC + "/h5/photos/")
    async with anxun.session.get(anxun.base_url + link.removeprefix(PUBLIC)) as r:
        assert r.status == 200 and r.content_type == "image/jpeg" and await r.read() == JPEG
    tampered = link.removeprefix(PUBLIC)[:-1] + ("0" if link[-1] != "0" else "1")
    async with anxun.session.get(anxun.base_url + tampered) as r:
        assert r.status == 404
    anxun.clock.advance(days=4)
    async with anxun.session.get(anxun.base_url + link.removeprefix(PUBLIC)) as r:
        assert r.status == 410

    # what was stored about the phone: keyed hashes, never the address or the device id
    sightings = await DeviceSighting.filter(worker__employee_no="HQ0005")
    assert sightings and all(len(s.device) == 32 and len(s.network) == 32 for s in sightings)
    assert not any("203.0.113" in s.network or "redmi" in s.device for s in sightings)


async def test_the_nightly_sweep_sees_one_phone_behind_workers_of_two_teams(
    anxun: Running, sim
) -> None:
    await create_gas_campaign(anxun)
    home = "198.51.100.23"  # a household's broadband, shared by nobody else
    apps = [
        await phone(anxun, sim, employee_no, "oppo-a5/android-9", home)
        for employee_no in ("HQ0005", "HQ0013", "HQ0014")  # tf-1, tf-2, tf-2
    ]
    for app in apps:  # one after another in the evening, each at a person's pace
        anxun.clock.advance(minutes=20)
        await app.quiz(seconds=60)
    # at each quiz's end only the team's quizzes around it are looked at: tf-2's two workers
    # share the phone (a weak sign alone), tf-1's is not seen; no challenge yet
    score = await RiskScore.get(worker__employee_no="HQ0014")
    assert score.key.startswith("quiz:") and score.score < 0.6
    assert score.reasons == [{"code": "shared_device", "weight": 0.5, "facts": {"others": 1}}]
    assert not await StandinChallenge.exists()

    scheduler = anxun.app[SCHEDULER]
    anxun.clock.set(datetime(2026, 11, 24, 3, 31, tzinfo=TZ))
    await scheduler.sync()  # the sweep's time has come: it runs once
    await scheduler.sync()
    challenges = await StandinChallenge.all().order_by("worker_id")
    workers = {
        w.id: w.employee_no for w in await Worker.filter(id__in=[c.worker_id for c in challenges])
    }
    assert sorted(workers.values()) == ["HQ0005", "HQ0013", "HQ0014"]
    assert all(c.reasons[0]["code"] == "shared_device" for c in challenges)
    assert all(c.reasons[0]["facts"] == {"others": 2} for c in challenges)
    events = await WorkerEvent.filter(kind="challenge_raised")
    assert {e.data["cause"].split(":")[0] for e in events} == {"sweep"}
    assert challenges[0].since <= datetime(2026, 11, 23, 8, 0, tzinfo=TZ) - timedelta(days=6)
