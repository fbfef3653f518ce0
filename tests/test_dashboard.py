"""The dashboard over HTTP: the admin token once as ?token= becomes a cookie and leaves the
URL; an enterprise token sees its own enterprise; a leader's signed link shows their subtree
only (another unit is 404), an expired one says so (410), a forged one is 404; the figures
are the rollup's; no ID number or phone on any page."""

from __future__ import annotations

import re

import pytest

from bot.learning.links import dashboard_path
from bot.storage.models import Department, Enrollment, Worker
from content.loader import load_enterprise
from tests.conftest import ADMIN_TOKEN, Running
from tests.dashdata import build_world

pytestmark = pytest.mark.storage


async def get(anxun: Running, path: str, **kw: object) -> tuple[int, str, object]:
    async with anxun.session.get(anxun.base_url + path, allow_redirects=False, **kw) as r:  # type: ignore[arg-type]
        return r.status, await r.text(), r


def no_personal_numbers(html: str) -> None:
    for person in load_enterprise().roster:
        assert person.id_number not in html and person.phone not in html


async def test_the_token_becomes_a_cookie_and_leaves_the_url(anxun: Running) -> None:
    await build_world(anxun)
    status, html, _ = await get(anxun, "/dash")
    assert status == 401 and "?token=" in html
    status, html, _ = await get(anxun, "/dash?token=wrong")
    assert status == 403 and "口令不正确" in html
    status, _, resp = await get(anxun, f"/dash?token={ADMIN_TOKEN}&campaign=1")
    assert status == 303 and resp.headers["Location"] == "/dash?campaign=1"  # type: ignore[attr-defined]
    cookie = resp.headers["Set-Cookie"]  # type: ignore[attr-defined]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/dash" in cookie
    assert ADMIN_TOKEN not in cookie
    jar = {"Cookie": cookie.split(";")[0].removeprefix("Set-Cookie: ")}
    status, html, _ = await get(anxun, "/dash?campaign=1", headers=jar)  # as a browser would
    assert status == 200 and "红桥煤业（示例）" in html and "完成趋势" in html
    assert "<svg" in html and "<script" not in html and "http" not in html.split("<body>")[1]
    no_personal_numbers(html)
    status, html, _ = await get(anxun, "/dash", headers={"Cookie": "anxun_dash=" + "0" * 32})
    assert status == 401


async def test_an_enterprise_token_sees_its_own_enterprise_only(start_anxun) -> None:  # type: ignore[no-untyped-def]
    anxun = await start_anxun(admin={"enterprises": {"lijing": "lijing-admin"}})
    world = await build_world(anxun)
    headers = {"Authorization": "Bearer lijing-admin"}
    status, _, _ = await get(anxun, "/dash", headers=headers)
    assert status == 404  # lijing has no roster in this test: nothing of hongqiao shows
    team = await Department.get(code="tf-1")
    for path in (f"/dash/units/{team.id}", f"/dash?campaign={world.gas}&enterprise=hongqiao"):
        status, html, _ = await get(anxun, path, headers=headers)
        assert status == 404 and "红桥" not in html


async def test_a_leaders_link_shows_their_subtree_only(anxun: Running) -> None:
    world = await build_world(anxun)
    leader = await Worker.get(employee_no="HQ0001").select_related("department")  # 瓦斯检查一班
    path = dashboard_path(anxun.services.privacy, leader.id, anxun.clock.timestamp())
    status, html, _ = await get(anxun, path)
    assert status == 200 and "瓦斯检查一班" in html and "通风区" not in html
    enrolled = await Enrollment.filter(worker__department=leader.department, campaign_id=world.gas)
    done = sum(e.status == "complete" for e in enrolled)
    assert f"完成率（{done}/{len(enrolled)}）" in html
    links = set(re.findall(r'href="([^"]+)"', html))
    workers = [link for link in links if "/workers/" in link]
    assert workers and all(link.startswith(path + "/workers/") for link in workers)
    status, html, _ = await get(anxun, workers[0].split("?")[0])
    assert status == 200 and "工号" in html
    no_personal_numbers(html)
    other_team = await Department.get(code="tf-2")
    outsider = await Worker.filter(department=other_team).first()
    assert outsider is not None
    workshop = await Department.get(code="tf")
    for elsewhere in (
        f"/units/{other_team.id}",
        f"/units/{workshop.id}",
        f"/workers/{outsider.id}",
    ):
        status, html, _ = await get(anxun, path + elsewhere)
        assert status == 404 and outsider.name not in html
    status, html, _ = await get(anxun, path + "/units/abc")
    assert status == 404
    not_leader = await Worker.get(employee_no=world.studied)
    status, html, _ = await get(
        anxun, dashboard_path(anxun.services.privacy, not_leader.id, anxun.clock.timestamp())
    )
    assert status == 404 and "链接无效" in html
    _, expires, signature = path.rsplit("/", 1)[1].split(".")
    forged = f"/dash/leader/{outsider.id}.{expires}.{signature}"
    assert (await get(anxun, forged))[0] == 404
    anxun.clock.advance(days=8)
    status, html, _ = await get(anxun, path)
    assert status == 410 and "已过期" in html


async def test_bad_parameters_are_answered_not_raised(anxun: Running) -> None:
    await build_world(anxun)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    for path in (
        "/dash?campaign=x",
        "/dash?campaign=99999999999",
        "/dash?campaign=4242",
        "/dash/units/0",
        "/dash/units/99999999999999",
        "/dash/workers/abc",
        "/dash/workers/4242",
        "/dash/leader/nonsense",
        "/dash/leader/1.2.3/units/1",
    ):
        status, html, _ = await get(anxun, path, headers=headers)
        assert status == 404 and ("没有找到" in html or "链接无效" in html), path
