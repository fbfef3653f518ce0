"""Mini-program: login, the phone-number capability, face verification and subscribe messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.config import AccountConfig
from bot.errors import WeChatAPIError

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


class MiniProgramAPI:
    def __init__(self, client: WeChatClient) -> None:
        self.client = client

    async def code2session(self, account: AccountConfig, code: str) -> dict[str, Any]:
        """Exchange a wx.login code for openid and session_key. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html"""
        params = {
            "appid": account.appid,
            "secret": account.secret.get_secret_value(),
            "js_code": code,
            "grant_type": "authorization_code",
        }
        data = await self.client.request("/sns/jscode2session", None, None, params=params)
        if data.get("errcode") or not data.get("openid"):
            raise WeChatAPIError(
                f"jscode2session for {account.name}: {data.get('errcode')} {data.get('errmsg')}",
                errcode=int(data.get("errcode") or -1),
            )
        return data

    async def phone_number(self, account: str, code: str) -> dict[str, Any]:
        """Exchange a getPhoneNumber code for the user's phone. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html"""
        data = await self.client.call(account, "/wxa/business/getuserphonenumber", {"code": code})
        info = data.get("phone_info")
        if not isinstance(info, dict) or not info.get("purePhoneNumber"):
            raise WeChatAPIError("getuserphonenumber: no phone_info in the answer", errcode=-1)
        return info

    async def subscribe(self, account: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a subscribe message. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html"""
        return await self.client.call(account, "/cgi-bin/message/subscribe/send", payload)

    async def face_result(self, account: str, verify_result: str) -> dict[str, Any]:
        """The result behind wx.startFacialRecognitionVerify's `verifyResult`: identify_ret (0 =
        passed), openid, and md5 of the verified name and ID number. https://developers.weixin.qq.com/community/business/doc/000442d352c1202bd498ecb105c00d"""
        payload = {"verify_result": verify_result}
        return await self.client.call(account, "/cityservice/face/identify/getinfo", payload)
