"""One place that turns "tell this person X" into the message their account's channel takes.

An official account sends a template message (deduplicated by WeChat through `client_msg_id`);
a WeCom app sends an app message (deduplicated by WeCom's `enable_duplicate_check`).
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import F

from bot.config import AccountConfig
from bot.context import Services
from bot.storage.models import Identity, SubscribeGrant

WECOM_DUPLICATE_WINDOW_S = 1800  # WeCom drops an identical message to the same member within it


def notice(
    account: AccountConfig | None,
    openid: str,
    dedup_key: str,
    template_data: dict[str, str],
    text: str,
) -> tuple[str, dict[str, Any]]:
    """The (channel, payload) for a push: template fields for official accounts, `text` for
    channels without templates."""
    if account is not None and account.kind == "wecom":
        return "wecom", {
            "touser": openid,
            "msgtype": "text",
            "agentid": account.agent_id,
            "text": {"content": text},
            "enable_duplicate_check": 1,
            "duplicate_check_interval": WECOM_DUPLICATE_WINDOW_S,
        }
    return "template", {
        "touser": openid,
        "template_id": account.template_id if account else "",
        "client_msg_id": dedup_key[:64],
        "data": {name: {"value": value} for name, value in template_data.items()},
    }


def reply_later(account: AccountConfig, openid: str, text: str) -> tuple[str, dict[str, Any]]:
    """A chat answer that missed the callback: a customer-service message on an official account
    (the worker just wrote, so WeChat's 48-hour window is open), an app message on WeCom."""
    if account.kind == "wecom":
        return "wecom", {
            "touser": openid,
            "msgtype": "text",
            "agentid": account.agent_id,
            "text": {"content": text},
        }
    return "custom", {"touser": openid, "msgtype": "text", "text": {"content": text}}


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
