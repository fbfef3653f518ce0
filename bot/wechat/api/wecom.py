"""WeCom (企业微信) self-built app: access tokens, app messages and the member directory."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.config import AccountConfig
from bot.errors import WeChatAPIError

if TYPE_CHECKING:
    from bot.wechat.client import WeChatClient


class WeComAPI:
    def __init__(self, client: WeChatClient) -> None:
        self.client = client

    async def gettoken(self, account: AccountConfig) -> dict[str, Any]:
        """Fetch an app's access token. https://developer.work.weixin.qq.com/document/path/91039"""
        params = {"corpid": account.appid, "corpsecret": account.secret.get_secret_value()}
        data = await self.client.request(
            "/cgi-bin/gettoken", None, None, self.client.wecom_base, params
        )
        if data.get("errcode"):
            raise WeChatAPIError(
                f"gettoken for {account.name}: {data.get('errmsg')}", errcode=data["errcode"]
            )
        return data

    async def send(self, account: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send an app message. https://developer.work.weixin.qq.com/document/path/90236"""
        data = await self.client.call(account, "/cgi-bin/message/send", payload)
        invalid = str(data.get("invaliduser", ""))
        alone = not (payload.get("toparty") or payload.get("totag"))
        if alone and payload.get("touser") and payload["touser"] in invalid.split("|"):
            raise WeChatAPIError(f"WeCom: {payload['touser']} is not a member", errcode=81013)
        return data

    async def member(self, account: str, userid: str) -> dict[str, Any]:
        """Read a member: userid, name, alias, and mobile only where the app may see it (apps
        created after 2022-06-20 get no mobile). https://developer.work.weixin.qq.com/document/path/90196"""
        return await self.client.call(account, "/cgi-bin/user/get", None, {"userid": userid})
