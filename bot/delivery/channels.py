"""Channel choice: which way a message reaches a worker now, and the payload that way takes.

A push is written to the outbox as a `Notice` addressed to a worker (channel "auto"). When the
sender sends it, it lists the worker's routes — every active identity on an account of the
worker's enterprise, with what that account can deliver — best first:

1. a WeCom app message (the employer's own app: no window, no template, per-member limits);
2. a customer-service message on an official account the worker wrote to in the last 48 hours
   (https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html);
3. a template message on an official account they follow (deduplicated by `client_msg_id`);
4. a subscribe message (official account or mini-program) the worker granted and not yet used.

It tries them in that order within one attempt: a route WeChat refuses for this recipient
(unfollowed, window closed, grant refused) is marked and the next one tried; the row records
the channel, account and openid that carried the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.expressions import F

from bot.config import AccountConfig
from bot.context import Services
from bot.storage.models import Identity, SubscribeGrant, Worker
from bot.wechat.reply import News, Reply
from bot.wechat.subscribe import subscribe_data

WECOM_DUPLICATE_WINDOW_S = 1800  # WeCom drops an identical message to the same member within it
# WeChat's window is 48 hours from the user's last action; last_contact_at is kept to within
# CONTACT_RESOLUTION (10 minutes), so leave a margin rather than be refused with 45015.
CUSTOMER_SERVICE_WINDOW = timedelta(hours=48) - timedelta(minutes=30)
AUTO = "auto"


@dataclass
class Notice:
    """What to tell a worker, in the shapes each channel takes."""

    text: str  # the whole message as plain text (WeCom, customer service)
    template: dict[str, str]  # template message fields (first, keyword1, …, remark)
    subscribe: dict[str, str]  # our field names → values, mapped by `subscribe_fields`
    # a picture to open (a photo): WeCom and customer service send a news article with `title`
    # and the text as its description, a template message links to it
    link: str = ""
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "text": self.text,
            "template": self.template,
            "subscribe": self.subscribe,
        }
        if self.link:
            raw.update(link=self.link, title=self.title)
        return {"notice": raw}

    @classmethod
    def from_json(cls, payload: dict[str, Any]) -> Notice:
        raw = payload["notice"]
        return cls(
            str(raw["text"]),
            dict(raw["template"]),
            dict(raw["subscribe"]),
            str(raw.get("link", "")),
            str(raw.get("title", "")),
        )

    def article(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.text,
            "url": self.link,
            "picurl": self.link,
        }


@dataclass
class Route:
    channel: str  # wecom | custom | template | subscribe
    account: AccountConfig
    identity: Identity

    @property
    def name(self) -> str:
        return f"{self.channel}:{self.account.name}"


async def bound_workers(services: Services, enterprise: str, worker_ids: list[int]) -> list[int]:
    """Those of `worker_ids` with an active identity on one of the enterprise's accounts: the
    workers a push can be addressed to (which way it goes is chosen when it is sent)."""
    accounts = [a.name for a in services.config.accounts if a.enterprise == enterprise]
    bound: list[int] = await Identity.filter(  # type: ignore[assignment]
        worker_id__in=worker_ids, account__in=accounts, active=True
    ).values_list("worker_id", flat=True)
    return sorted(set(bound))


async def routes_for(services: Services, worker_id: int) -> list[Route]:
    """Every way to reach the worker now, best first (see the module docstring)."""
    worker = await Worker.get(id=worker_id).select_related("enterprise")
    accounts = {
        a.name: a for a in services.config.accounts if a.enterprise == worker.enterprise.code
    }
    identities = await Identity.filter(
        worker_id=worker_id, active=True, account__in=list(accounts)
    ).order_by("id")
    grants = {
        (g.identity_id, g.template_id)
        for g in await SubscribeGrant.filter(
            identity_id__in=[i.id for i in identities], remaining__gt=0
        )
    }
    now = services.clock.now()
    found: list[tuple[int, Route]] = []
    for identity in identities:
        account = accounts[identity.account]
        if account.kind == "wecom" and identity.followed:
            found.append((0, Route("wecom", account, identity)))
        if account.kind == "mp" and identity.followed:
            last = identity.last_contact_at
            if last is not None and now - last < CUSTOMER_SERVICE_WINDOW:
                found.append((1, Route("custom", account, identity)))
            if account.template_id:
                found.append((2, Route("template", account, identity)))
        if identity.followed and (identity.id, account.subscribe_template_id) in grants:
            found.append((3, Route("subscribe", account, identity)))
    return [route for _, route in sorted(found, key=lambda pair: pair[0])]


def payload_for(route: Route, notice: Notice, dedup_key: str) -> dict[str, Any]:
    """The API payload of `notice` on `route`. Raises InvalidInput when the account's subscribe
    template cannot carry it (a configuration problem)."""
    openid, account = route.identity.openid, route.account
    body: dict[str, Any] = {"msgtype": "text", "text": {"content": notice.text}}
    if notice.link:
        body = {"msgtype": "news", "news": {"articles": [notice.article()]}}
    if route.channel == "wecom":
        return {
            "touser": openid,
            "agentid": account.agent_id,
            **body,
            "enable_duplicate_check": 1,
            "duplicate_check_interval": WECOM_DUPLICATE_WINDOW_S,
        }
    if route.channel == "custom":
        return {"touser": openid, **body}
    if route.channel == "template":
        template = {
            "touser": openid,
            "template_id": account.template_id,
            "client_msg_id": dedup_key[:64],
            "data": {name: {"value": value} for name, value in notice.template.items()},
        }
        return {**template, "url": notice.link} if notice.link else template
    payload: dict[str, Any] = {
        "touser": openid,
        "template_id": account.subscribe_template_id,
        "data": subscribe_data(account.subscribe_fields, dict(notice.subscribe)),
    }
    if account.kind == "miniapp":
        payload["miniprogram_state"] = "formal"
    return payload


async def take_grant(route: Route) -> bool:
    """Use one subscribe grant of the route's identity; False when none is left."""
    return bool(
        await SubscribeGrant.filter(
            identity_id=route.identity.id,
            template_id=route.account.subscribe_template_id,
            remaining__gt=0,
        ).update(remaining=F("remaining") - 1)
    )


async def give_back_grant(route: Route) -> None:
    """A send that WeChat did not take (a transient error) did not use the grant."""
    await SubscribeGrant.filter(
        identity_id=route.identity.id, template_id=route.account.subscribe_template_id
    ).update(remaining=F("remaining") + 1)


async def drop_grants(route: Route) -> None:
    """The user refused (43101): WeChat holds no grant for us, whatever we counted."""
    await SubscribeGrant.filter(
        identity_id=route.identity.id, template_id=route.account.subscribe_template_id
    ).update(remaining=0)


def reply_later(account: AccountConfig, openid: str, reply: Reply) -> tuple[str, dict[str, Any]]:
    """A chat answer that missed the callback: a customer-service message on an official account
    (the worker just wrote, so WeChat's 48-hour window is open), an app message on WeCom."""
    if isinstance(reply, News):
        article = reply.as_json()
        body: dict[str, Any] = {"msgtype": "news", "news": {"articles": [article]}}
    else:
        body = {"msgtype": "text", "text": {"content": reply}}
    if account.kind == "wecom":
        return "wecom", {"touser": openid, "agentid": account.agent_id, **body}
    return "custom", {"touser": openid, **body}


async def add_grants(
    services: Services, identity: Identity, template_ids: list[str]
) -> dict[str, int]:
    """Count one more allowed subscribe message per accepted template (a user may accept the
    same prompt again and again); returns how many each template now allows."""
    now = services.clock.now()
    result = {}
    for template_id in template_ids:
        grant, _ = await SubscribeGrant.get_or_create(
            identity=identity, template_id=template_id[:64], defaults={"updated_at": now}
        )
        await SubscribeGrant.filter(id=grant.id).update(
            remaining=F("remaining") + 1, updated_at=now
        )
        result[template_id] = (await SubscribeGrant.get(id=grant.id)).remaining
    return result
