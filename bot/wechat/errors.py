"""WeChat errcodes, each mapped in one place to the one reaction the sender takes."""

from __future__ import annotations

from enum import Enum


class Reaction(Enum):
    OK = "ok"
    RETRY = "retry"  # transient: back off with jitter and try again
    REFRESH_TOKEN = "refresh_token"  # token invalid or expired: refresh once, retry once
    DROP_RECIPIENT = "drop_recipient"  # this user cannot receive on this channel: never retry
    PAUSE_QUOTA = "pause_quota"  # daily quota used up: pause the channel until midnight (Beijing)
    CONFIG = "config"  # our configuration is wrong: raise loudly, retrying cannot help


_REACTIONS = {
    0: Reaction.OK,
    -1: Reaction.RETRY,  # system busy
    40001: Reaction.REFRESH_TOKEN,
    40014: Reaction.REFRESH_TOKEN,
    42001: Reaction.REFRESH_TOKEN,
    40003: Reaction.DROP_RECIPIENT,  # invalid openid
    43004: Reaction.DROP_RECIPIENT,  # recipient has not followed
    43101: Reaction.DROP_RECIPIENT,  # user refused subscribe messages
    45015: Reaction.DROP_RECIPIENT,  # outside the 48-hour window
    45009: Reaction.PAUSE_QUOTA,  # daily API quota reached
    45047: Reaction.DROP_RECIPIENT,  # too many customer-service messages without a reply
    40013: Reaction.CONFIG,  # invalid appid
    40125: Reaction.CONFIG,  # invalid appsecret
    40037: Reaction.CONFIG,  # invalid template_id
    40164: Reaction.CONFIG,  # caller IP not on the whitelist
    # WeCom
    81013: Reaction.DROP_RECIPIENT,  # user, department and tag all invalid
    45033: Reaction.RETRY,  # too many concurrent calls
    40056: Reaction.CONFIG,  # invalid agentid
    60011: Reaction.CONFIG,  # the app may not reach this member
    60020: Reaction.CONFIG,  # caller IP not trusted
}


def reaction(errcode: int) -> Reaction:
    return _REACTIONS.get(errcode, Reaction.RETRY)
