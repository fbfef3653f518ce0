"""Official-account messages: template, customer-service and subscribe (订阅通知) messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


class MessageAPI:
    def __init__(self, client: WeChatClient) -> None:
        self.client = client

    async def template(self, account: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a template message. https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html"""
        return await self.client.call(account, "/cgi-bin/message/template/send", payload)

    async def custom(self, account: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a customer-service message (48-hour window). https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html"""
        return await self.client.call(account, "/cgi-bin/message/custom/send", payload)

    async def subscribe(self, account: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a subscribe notice (bizsend). https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html"""
        return await self.client.call(account, "/cgi-bin/message/subscribe/bizsend", payload)
