"""The WeChat simulator: the fake API server, the fake user, the demo and the sample seed."""

from bot.simulator.server import WeChatSimulator
from bot.simulator.user import FakeUser

__all__ = ["FakeUser", "WeChatSimulator"]
