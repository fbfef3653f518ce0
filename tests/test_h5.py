"""The card's H5 page: a signed link, escaped content, and — in headless Chromium at 360 px —
it fits the width, the type is large, and nothing is loaded from anywhere else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.learning.links import card_path
from bot.storage.models import Card
from tests.browser import Chromium
from tests.conftest import Running

pytestmark = pytest.mark.storage
SCREENSHOT = Path(__file__).resolve().parents[1] / "content" / "h5" / "card-360px.png"


async def get(anxun: Running, path: str) -> tuple[int, str]:
    async with anxun.session.get(anxun.base_url + path) as resp:
        return resp.status, await resp.text()


async def test_a_signed_link_opens_the_card_and_nothing_else(anxun: Running) -> None:
    card = await Card.get(code="gi-card-01")
    path = card_path(anxun.services.privacy, card.id, anxun.clock.timestamp())
    status, html = await get(anxun, path)
    assert status == 200 and "瓦斯爆炸的三个条件" in html and "生命攸关" in html
    assert 'name="viewport"' in html and "http" not in html.split("<body>")[1]
    card_id, expires, signature = path.rsplit("/", 1)[1].split(".")
    other = await Card.get(code="gi-card-02")
    for forged in (
        f"{other.id}.{expires}.{signature}",
        f"{card_id}.{int(expires) + 9}.{signature}",
        "nonsense",
        f"{card_id}.{expires}.{'0' * 32}",
    ):
        status, html = await get(anxun, f"/h5/cards/{forged}")
        assert status == 404 and "链接已失效" in html
    anxun.clock.advance(days=8)
    status, html = await get(anxun, path)
    assert status == 410 and "重新回复「学习」" in html


async def test_card_text_is_escaped(anxun: Running) -> None:
    card = await Card.get(code="gi-card-01")
    await Card.filter(id=card.id).update(body="1. <script>alert(1)</script> & 注意")
    status, html = await get(
        anxun, card_path(anxun.services.privacy, card.id, anxun.clock.timestamp())
    )
    assert status == 200 and "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 注意" in html


async def test_the_page_fits_a_360px_phone(anxun: Running) -> None:
    # the longest card of the library, so the widest text there is
    cards = await Card.all()
    longest = max(cards, key=lambda c: len(c.body))
    url = anxun.base_url + card_path(anxun.services.privacy, longest.id, anxun.clock.timestamp())
    async with Chromium() as browser:
        page = await browser.page()
        await page.open(url, width=360, height=740)
        sizes = await page.evaluate(
            "({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth,"
            " font: parseFloat(getComputedStyle(document.querySelector('h1 ~ p')).fontSize)})"
        )
        shot = await page.screenshot()
    assert sizes["client"] == 360
    assert sizes["scroll"] <= sizes["client"], sizes  # no horizontal scrolling
    assert sizes["font"] >= 18  # large type
    assert page.requests == [url]  # no external assets: the page is the only request
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("ANXUN_UPDATE_SCREENSHOT") == "1":  # refresh the README's picture
        SCREENSHOT.write_bytes(shot)


async def test_study_replies_link_the_page_when_anxun_knows_its_address(start_anxun) -> None:
    from content.loader import load_enterprise
    from tests.conftest import create_gas_campaign

    anxun = await start_anxun(server={"public_url": "https://anxun.example"})
    w1 = next(r for r in load_enterprise().roster if r.job == "gas_inspector")
    user = anxun.user("o-w1")
    await user.say(f"绑定 {w1.name} {w1.id_number[-6:]}")
    await create_gas_campaign(anxun)
    reply = await user.say("学习")
    assert reply is not None and "大字版：https://anxun.example/h5/cards/" in reply
    path = reply.split("https://anxun.example", 1)[1].split()[0]
    status, html = await get(anxun, path)
    assert status == 200 and "瓦斯爆炸的三个条件" in html
