"""The dashboard in a real browser (Playwright driving the system Chromium; nothing is
downloaded): at 360 px and at 1280 px the overview renders with the database's figures, the
links lead company → workshop → team → worker, nothing scrolls sideways on a phone, no request
leaves anxun, and a leader's link shows only their own team."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.learning.links import dashboard_path
from bot.storage.models import Department, Enrollment, Worker
from tests.browser import need_chromium
from tests.conftest import ADMIN_TOKEN, Running
from tests.dashdata import build_world

pytestmark = pytest.mark.storage
SCREENS = Path(__file__).resolve().parent / "data" / "screens"


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    need_chromium()
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        launched = await p.chromium.launch(
            executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        await launched.close()


async def open_page(browser, anxun: Running, width: int):  # type: ignore[no-untyped-def]
    context = await browser.new_context(
        viewport={"width": width, "height": 740 if width < 400 else 900},
        device_scale_factor=1,
        is_mobile=width < 400,
        has_touch=width < 400,
    )
    page = await context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return context, page, requests


async def text(page, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(await page.locator(selector).inner_text())


async def fits(page, width: int) -> None:  # type: ignore[no-untyped-def]
    scroll = await page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= width, (page.url, scroll)


@pytest.mark.parametrize("width", [360, 1280])
async def test_overview_and_drill_down(anxun: Running, browser, width: int) -> None:  # type: ignore[no-untyped-def]
    world = await build_world(anxun)
    anxun.clock.advance(days=6)  # a week into the campaign: a trend to draw
    context, page, requests = await open_page(browser, anxun, width)
    await page.goto(f"{anxun.base_url}/dash?token={ADMIN_TOKEN}&campaign={world.gas}")
    assert page.url == f"{anxun.base_url}/dash?campaign={world.gas}"  # the token left the URL
    enrolled = await Enrollment.filter(campaign_id=world.gas).count()
    done = await Enrollment.filter(campaign_id=world.gas, status="complete").count()
    assert f"（{done}/{enrolled}）" in await text(page, "#completion")
    assert f"{100 * done / enrolled:.1f}%" in await text(page, "#completion")
    assert await page.locator("svg polyline").count() == 1
    await fits(page, width)
    if os.environ.get("ANXUN_UPDATE_SCREENSHOT") == "1":  # refresh the README's pictures
        await page.screenshot(path=str(SCREENS / f"dashboard-{width}px.png"), full_page=False)

    company, workshop, team = [await Department.get(code=c) for c in ("hq", "tf", "tf-1")]
    for dept in (company, workshop, team):
        await page.locator(f"#units a:text-is('{dept.name}')").click()
        assert page.url.startswith(f"{anxun.base_url}/dash/units/{dept.id}?")
        assert await text(page, "h1") == dept.name
        await fits(page, width)
    worker = await Worker.get(employee_no=world.studied)
    await page.locator(f"#workers tr[data-worker='{worker.id}'] a").click()
    assert page.url.startswith(f"{anxun.base_url}/dash/workers/{worker.id}")
    assert await text(page, "h1") == worker.name
    assert "已完成" in await text(page, "#campaigns")
    await fits(page, width)
    assert requests and all(url.startswith(anxun.base_url + "/") for url in requests), requests
    await context.close()


async def test_a_leaders_link_in_the_browser(anxun: Running, browser) -> None:  # type: ignore[no-untyped-def]
    world = await build_world(anxun)
    anxun.clock.advance(days=6)
    leader = await Worker.get(employee_no="HQ0002").select_related("department")  # 瓦斯检查二班
    context, page, requests = await open_page(browser, anxun, 360)
    path = dashboard_path(anxun.services.privacy, leader.id, anxun.clock.timestamp())
    await page.goto(anxun.base_url + path)
    assert await text(page, "h1") == "瓦斯检查二班"
    assert "通风区" not in await text(page, "body") and "红桥" not in await text(page, "body")
    names = await page.locator("#workers td:first-child a").all_inner_texts()
    team = await Worker.filter(
        department=leader.department, enrollments__campaign_id=world.gas
    ).values_list("name", flat=True)
    assert sorted(names) == sorted(team)
    hrefs = await page.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(anxun.base_url + path) for h in hrefs), hrefs
    await fits(page, 360)
    if os.environ.get("ANXUN_UPDATE_SCREENSHOT") == "1":
        await page.screenshot(path=str(SCREENS / "dashboard-leader-360px.png"), full_page=True)
    assert all(url.startswith(anxun.base_url + "/") for url in requests)
    await context.close()
