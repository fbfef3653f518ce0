"""Headless Chromium driven over the DevTools protocol (aiohttp websockets; no browser
download, no extra package): open a page at a phone's size, evaluate, screenshot, and see
every request it made."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import re
import shutil
import tempfile
from typing import Any

import aiohttp
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
]


def need_chromium() -> str:
    """Chromium's path; the test is skipped without it, except in CI, where it fails."""
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (apt-get install chromium); .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return CHROMIUM


class Page:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse, session_id: str) -> None:
        self.ws, self.session_id = ws, session_id
        self.requests: list[str] = []
        self.loaded = asyncio.Event()
        self._ids = itertools.count(100)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[call_id] = future
        await self.ws.send_json(
            {"id": call_id, "method": method, "params": params, "sessionId": self.session_id}
        )
        return await asyncio.wait_for(future, 20)

    def feed(self, message: dict[str, Any]) -> None:
        if "id" in message and message["id"] in self._waiting:
            self._waiting.pop(message["id"]).set_result(message.get("result", message))
        elif message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        elif message.get("method") == "Page.loadEventFired":
            self.loaded.set()

    async def open(self, url: str, width: int, height: int) -> None:
        await self.send("Network.enable")
        await self.send("Page.enable")
        await self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=2,
            mobile=True,
        )
        await self.send("Page.navigate", url=url)
        await asyncio.wait_for(self.loaded.wait(), 20)

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"]["value"]

    async def screenshot(self) -> bytes:
        shot = await self.send("Page.captureScreenshot", format="png")
        return base64.b64decode(shot["data"])


class Chromium:
    """`async with Chromium() as browser: page = await browser.page()`."""

    async def __aenter__(self) -> Chromium:
        self.profile = tempfile.mkdtemp(prefix="anxun-chromium-")
        self.proc = await asyncio.create_subprocess_exec(
            need_chromium(),
            *FLAGS,
            f"--user-data-dir={self.profile}",
            "about:blank",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert self.proc.stderr is not None
        url = ""
        while not url:
            line = (await asyncio.wait_for(self.proc.stderr.readline(), 30)).decode()
            if not line:
                raise RuntimeError("chromium exited before it was ready")
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            url = found.group(1) if found else ""
        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(url, max_msg_size=64 * 1024 * 1024)
        self.pages: dict[str, Page] = {}
        self._browser_calls: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self.reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        async for msg in self.ws:
            message = json.loads(msg.data)
            page = self.pages.get(message.get("sessionId", ""))
            if page is not None:
                page.feed(message)
            elif message.get("id") in self._browser_calls:
                self._browser_calls.pop(message["id"]).set_result(message.get("result", {}))

    async def _call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._browser_calls[call_id] = future
        await self.ws.send_json({"id": call_id, "method": method, "params": params})
        return await asyncio.wait_for(future, 20)

    async def page(self) -> Page:
        target = await self._call("Target.createTarget", url="about:blank")
        attached = await self._call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        page = Page(self.ws, attached["sessionId"])
        self.pages[attached["sessionId"]] = page
        return page

    async def __aexit__(self, *exc: object) -> None:
        self.reader.cancel()
        await self.ws.close()
        await self.session.close()
        self.proc.kill()
        await self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
