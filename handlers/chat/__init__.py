"""Chat routers, in the order the dispatcher tries them (first match wins)."""

from __future__ import annotations

from bot.chat.router import Router
from handlers.chat import (
    archive,
    bind,
    channel,
    exam,
    help,
    leader,
    mistakes,
    progress,
    quiz,
    standin,
    study,
    supervise,
    urge,
    wecom,
)


def routers() -> list[Router]:
    # channel first: its events never reach a feature; exam's words (考试, 补学) are its own, its
    # letters come through quiz (an open sitting first); quiz before help: a bare letter is an
    # answer only while a quiz is open. wecom has only a hook: it binds WeCom members before
    # routing. standin before help: a photo, 确认 and 驳回 are its own.
    return [
        channel.router,
        wecom.router,
        bind.router,
        supervise.router,
        leader.router,
        urge.router,
        study.router,
        exam.router,
        quiz.router,
        mistakes.router,
        standin.router,
        archive.router,  # archive (issue 14): 我的档案
        progress.router,
        help.router,
    ]
