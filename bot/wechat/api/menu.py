"""The official account's custom menu."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


class MenuAPI:
    def __init__(self, client: WeChatClient) -> None:
        self.client = client

    async def create(self, account: str, menu: dict[str, Any]) -> dict[str, Any]:
        """Publish the custom menu. https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html"""
        return await self.client.call(account, "/cgi-bin/menu/create", menu)
