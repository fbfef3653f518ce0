"""The WeChat simulator: a fake API server and a fake user, for the demo, tests and benchmarks."""

from bot.simulator.server import WeChatSimulator
from bot.simulator.user import FakeUser

__all__ = ["FakeUser", "WeChatSimulator"]
