"""The chat router: feature modules register handlers with filters; first match wins.

Routers are included into the dispatcher in a stated order (see handlers/chat/__init__.py).
A handler returns the passive reply (text, or a single-article `News`: bot/wechat/reply.py), or
None for "success". Before routing, every router's `before` hooks see each message, in the same
order: a hook may settle who the sender is (ctx.identity) and return a note that goes in front
of the reply.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.wechat.reply import News, Reply

if TYPE_CHECKING:
    from bot.chat.context import ChatContext


Handler = Callable[["ChatContext"], Awaitable[Reply | None]]
Hook = Callable[["ChatContext"], Awaitable[str | None]]


@dataclass(frozen=True)
class Route:
    handler: Handler
    msg_type: str  # "text" | "event" | "message" (any user message: text, image, voice, …)
    exact: frozenset[str] = frozenset()
    prefix: str = ""
    pattern: re.Pattern[str] | None = None
    event: str = ""
    key: str = ""
    key_prefix: str = ""
    bound: bool = False

    def matches(self, ctx: ChatContext) -> bool:
        if self.msg_type == "message":
            return ctx.msg_type != "event"
        if ctx.msg_type != self.msg_type:
            return False
        if self.msg_type == "event":
            return (
                ctx.event == self.event
                and (not self.key or ctx.event_key == self.key)
                and ctx.event_key.startswith(self.key_prefix)
            )
        text = ctx.text
        if self.exact:
            return text in self.exact
        if self.prefix:
            return text.startswith(self.prefix)
        if self.pattern is not None:
            return self.pattern.fullmatch(text) is not None
        return True


class Router:
    def __init__(self, name: str) -> None:
        self.name = name
        self.routes: list[Route] = []
        self.hooks: list[Hook] = []

    def _add(self, **spec: object) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(handler=handler, **spec))  # type: ignore[arg-type]
            return handler

        return register

    def text(
        self, *words: str, prefix: str = "", pattern: str = "", bound: bool = False
    ) -> Callable[[Handler], Handler]:
        compiled = re.compile(pattern) if pattern else None
        return self._add(
            msg_type="text", exact=frozenset(words), prefix=prefix, pattern=compiled, bound=bound
        )

    def event(
        self, name: str, *, key_prefix: str = "", bound: bool = False
    ) -> Callable[[Handler], Handler]:
        """An event by name (lower case), optionally only with an EventKey starting so."""
        return self._add(msg_type="event", event=name, key_prefix=key_prefix, bound=bound)

    def image(self, *, bound: bool = False) -> Callable[[Handler], Handler]:
        """A picture the user sent (its PicUrl and MediaId are in ctx.fields)."""
        return self._add(msg_type="image", bound=bound)

    def click(self, key: str, *, bound: bool = False) -> Callable[[Handler], Handler]:
        return self._add(msg_type="event", event="click", key=key, bound=bound)

    def fallback(self) -> Callable[[Handler], Handler]:
        """Any user message no earlier route took; events without a route get "success"."""
        return self._add(msg_type="message")

    def before(self) -> Callable[[Hook], Hook]:
        """A hook run on every message and event before routing (see the module docstring)."""

        def register(hook: Hook) -> Hook:
            self.hooks.append(hook)
            return hook

        return register


class Dispatcher:
    def __init__(self, routers: list[Router]) -> None:
        self.routes = [route for router in routers for route in router.routes]
        self.hooks = [hook for router in routers for hook in router.hooks]

    def click_keys(self) -> set[str]:
        """The menu keys some handler listens for (a menu may only use these)."""
        return {r.key for r in self.routes if r.event == "click" and r.key}

    async def dispatch(self, ctx: ChatContext) -> Reply | None:
        notes = [note for hook in self.hooks if (note := await hook(ctx))]
        reply = await self._route(ctx, bool(notes))
        if not notes or isinstance(reply, News):  # an article has no room for a note
            return reply
        return "\n\n".join([*notes, *([reply] if reply else [])])

    async def _route(self, ctx: ChatContext, noted: bool) -> Reply | None:
        for route in self.routes:
            if route.matches(ctx):
                if route.bound and ctx.identity is None:
                    # a hook's note already said why the sender is not bound, and what to do
                    return None if noted else ctx.copy.t("bind.not_bound")
                return await route.handler(ctx)
        return None
