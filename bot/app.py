"""The composition root: `create_app(config)` wires routes and the lifespan, in order.

Lifespan order: services (Redis) → database → WeChat client → spool drain → sender → scheduler.
The scheduler starts last and stops first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
from aiohttp import web

from bot import openapi
from bot.api import json_errors
from bot.chat import callback
from bot.chat.inbox import Drain
from bot.chat.keys import BACKGROUND, CRYPTOS, DISPATCHER, SPOOL
from bot.chat.router import Dispatcher
from bot.chat.spool import Spool
from bot.clock import Clock
from bot.config import Config
from bot.context import Services
from bot.delivery.sender import Sender
from bot.errors import StorageUnavailable
from bot.keys import CONFIG, SERVICES
from bot.people.privacy import Privacy
from bot.storage import db
from bot.storage.kv import create_redis
from bot.wechat.client import WeChatClient
from bot.wechat.crypto import AccountCrypto
from content.copy import Copy

log = logging.getLogger(__name__)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@contextlib.asynccontextmanager
async def services_for_cli(config: Config, clock: Clock | None = None) -> AsyncIterator[Services]:
    """The long-lived services without the web app (the app's lifespan and CLI commands)."""
    r = create_redis(config.redis)
    try:
        yield Services(
            config=config,
            clock=clock or Clock(config.scheduler.timezone),
            copy=Copy.load(),
            privacy=Privacy(config.privacy.key.get_secret_value()),
            redis=r,
        )
    finally:
        await r.aclose()


def create_app(
    config: Config, *, clock: Clock | None = None, create_schema: bool = False
) -> web.Application:
    """Build the app; nothing connects until it starts. `create_schema` is for tests only."""
    from handlers import admin, api, dash, h5
    from handlers.chat import routers

    app = web.Application(client_max_size=config.server.max_body_bytes, middlewares=[json_errors])
    app[CONFIG] = config
    app[CRYPTOS] = {a.name: AccountCrypto(a) for a in config.accounts if a.has_callback}
    app[DISPATCHER] = Dispatcher(routers())
    app[BACKGROUND] = set()
    app[SPOOL] = Spool(Path(config.server.spool_dir))
    app[openapi.DOCUMENT] = {}  # built on first request, from the routes below
    app.router.add_get("/healthz", health)
    app.router.add_get("/openapi.json", openapi.serve)
    app.router.add_get("/wx/{account}", callback.url_check)
    app.router.add_post("/wx/{account}", callback.receive)
    app.router.add_routes(admin.routes())
    app.router.add_routes(api.routes())
    app.router.add_routes(h5.routes)
    app.router.add_routes(dash.routes)

    clock = clock or Clock(config.scheduler.timezone)

    async def services_ctx(app: web.Application) -> AsyncIterator[None]:
        r = create_redis(config.redis)
        app[SERVICES] = Services(
            config=config,
            clock=clock,
            copy=Copy.load(),
            privacy=Privacy(config.privacy.key.get_secret_value()),
            redis=r,
        )
        yield
        await r.aclose()

    async def database_ctx(app: web.Application) -> AsyncIterator[None]:
        await db.open_db(config.db.url, create_schema=create_schema)
        if not create_schema and not await db.is_migrated(config.db.url):
            await db.close_db()
            raise StorageUnavailable(
                f"the database at {db.redact(config.db.url)} is not set up; "
                "run `anxun db upgrade --config PATH` first"
            )
        yield
        await db.close_db()

    async def wechat_ctx(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            services = app[SERVICES]
            services.wechat = WeChatClient(config.wechat, config.accounts, services.redis, session)
            yield

    async def spool_ctx(app: web.Application) -> AsyncIterator[None]:
        drain = Drain(app[SERVICES], app[DISPATCHER], app[SPOOL])
        task = asyncio.create_task(drain.run_forever(config.server.spool_drain_s))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def sender_ctx(app: web.Application) -> AsyncIterator[None]:
        if not config.sender.enabled:
            yield
            return
        task = asyncio.create_task(Sender(app[SERVICES]).run_forever())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
        from scheduler.service import SCHEDULER, CampaignScheduler

        if not config.scheduler.enabled:
            yield
            return
        scheduler = CampaignScheduler(app[SERVICES])
        app[SCHEDULER] = scheduler
        await scheduler.start()
        yield
        await scheduler.stop()

    async def background_ctx(app: web.Application) -> AsyncIterator[None]:
        yield
        tasks: set[asyncio.Task[None]] = app[BACKGROUND]
        pending = list(tasks)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    app.cleanup_ctx.extend(
        [
            services_ctx,
            database_ctx,
            wechat_ctx,
            background_ctx,
            spool_ctx,
            sender_ctx,
            scheduler_ctx,
        ]
    )
    return app
