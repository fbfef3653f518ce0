"""Parametric QR codes: a scan arrives as a SCAN event (or subscribe with the scene) carrying
the scene string."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


class QRCodeAPI:
    def __init__(self, client: WeChatClient) -> None:
        self.client = client

    async def temporary(self, account: str, scene: str, expire_seconds: int) -> dict[str, Any]:
        """Create a temporary QR code for `scene` (≤ 64 characters). https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html"""
        payload = {
            "expire_seconds": expire_seconds,
            "action_name": "QR_STR_SCENE",
            "action_info": {"scene": {"scene_str": scene}},
        }
        return await self.client.call(account, "/cgi-bin/qrcode/create", payload)
