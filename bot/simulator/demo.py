"""`anxun demo`: anxun and the WeChat simulator on the embedded defaults, the sample mine loaded,
a campaign running, and a terminal chat in which you play a worker.

Everything goes over real HTTP on loopback: your lines become signed, encrypted callbacks from the
fake user; pushes and supervisor alerts are read back from the simulator's log.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.campaigns import digest
from bot.campaigns.spec import CampaignSpec, create_campaign
from bot.clock import Clock
from bot.config import Config, parse_config
from bot.keys import SERVICES
from bot.learning import training
from bot.simulator import FakeUser, WeChatSimulator
from bot.simulator.seed import load_sample
from bot.storage import db
from bot.storage.models import Enrollment, Question, QuizSession, Worker
from content.copy import Copy
from content.loader import load_enterprise
from scheduler.service import SCHEDULER

PLAYER_NO, COLLEAGUE_NO, SUPERVISOR_NO = "HQ0005", "HQ0006", "HQ0001"
PLAYER, COLLEAGUE, SUPERVISOR = "o-demo-worker", "o-demo-colleague", "o-demo-supervisor"
COPY = Copy.load()


def demo_config(data_dir: Path, api_base: str) -> Config:
    return parse_config(
        {
            "server": {"port": 0, "spool_dir": str(data_dir / "spool")},
            "db": {"url": f"sqlite://{data_dir}/demo.db"},
            "redis": {"url": "memory://"},
            "wechat": {"api_base": api_base},
            "admin": {"token": "demo-admin-token"},
            "privacy": {"key": "demo-privacy-key-not-for-production-use"},
            "sender": {"poll_interval_s": 0.2},
            # /answer and scripted lines reply at machine speed: stand-in risk would (rightly)
            # challenge the player
            "standin": {"enabled": False},
            # the demo pushes a minute from now, whatever the hour it is played at
            "contact": {"quiet_hours": ""},
            "accounts": [
                {
                    "name": "demo",
                    "enterprise": "hongqiao",
                    "appid": "wx0000000000demo01",
                    "secret": "demo-app-secret",
                    "token": "demotoken",
                    "encoding_aes_key": "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                    "mode": "safe",
                    "template_id": "TPL_DAILY_STUDY",
                }
            ],
        },
        "demo",
        env={},
    )


class Console:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def say(self, prefix: str, text: str | None) -> None:
        lines = (text or "(success)").splitlines() or [""]
        pad = " " * len(prefix)
        self.out.write(prefix + lines[0] + "\n" + "".join(pad + ln + "\n" for ln in lines[1:]))
        self.out.flush()


async def watch_simulator(sim: WeChatSimulator, console: Console, stop: asyncio.Event) -> None:
    """Print each message the simulator accepted for the player or the supervisor, as it arrives."""
    seen = 0
    while True:
        for entry in sim.log[seen:]:
            body = entry.body if isinstance(entry.body, dict) else {}
            to = body.get("touser")
            if entry.answer.get("errcode", 0) != 0 or to not in (PLAYER, SUPERVISOR):
                continue
            if "data" in body:
                text = "\n".join(str(v.get("value", "")) for v in body["data"].values())
            else:
                text = str(body.get("text", {}).get("content", ""))
            label = COPY.t("demo.push_to_you" if to == PLAYER else "demo.to_supervisor")
            console.say(label, text)
        seen = len(sim.log)
        if stop.is_set():
            return
        await asyncio.sleep(0.1)


async def play_colleague(user: FakeUser, name: str, tail: str) -> None:
    """A colleague who binds, reads the campaign's cards and passes the quiz, so the team moves."""
    await user.say(f"绑定 {name} {tail}")
    for _ in range(3):
        await user.say("学习")
    await user.say("答题")
    while (letter := await right_answer(user.openid)) is not None:
        await user.say(letter)


async def right_answer(openid: str) -> str | None:
    session = await QuizSession.filter(finished_at=None, worker__identities__openid=openid).first()
    if session is None:
        return None
    question = await Question.get(id=session.question_ids[session.position])
    # in the letters shown to the player: options are shuffled per attempt
    return training.order_of(session, session.position, question).to_shown(question.answer)


async def run_demo(
    script: list[str] | None = None,
    out: TextIO = sys.stdout,
    read_line: Callable[[], str] | None = None,
) -> int:
    console = Console(out)
    roster = {r.employee_no: r for r in load_enterprise().roster}
    player, colleague, sup = roster[PLAYER_NO], roster[COLLEAGUE_NO], roster[SUPERVISOR_NO]
    with tempfile.TemporaryDirectory(prefix="anxun-demo-") as tmp:
        async with WeChatSimulator() as sim:
            config = demo_config(Path(tmp), sim.base_url)
            await db.upgrade(config.db.url)
            app = create_app(config, clock=Clock(config.scheduler.timezone))
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            account = config.accounts[0]
            try:
                async with aiohttp.ClientSession() as session:
                    base = f"http://127.0.0.1:{port}"
                    users = {
                        o: FakeUser(session, base, account, o)
                        for o in (PLAYER, COLLEAGUE, SUPERVISOR)
                    }
                    return await _session(
                        app, sim, console, users, player, colleague, sup, script, read_line
                    )
            finally:
                await runner.cleanup()


async def _session(
    app: web.Application,
    sim: WeChatSimulator,
    console: Console,
    users: dict[str, FakeUser],
    player: Any,
    colleague: Any,
    sup: Any,
    script: list[str] | None,
    read_line: Callable[[], str] | None,
) -> int:
    services = app[SERVICES]
    await load_sample(services.privacy)
    await users[SUPERVISOR].say(f"绑定 {sup.name} {sup.id_number[-6:]}")
    now = services.clock.local_now()
    push_at = now + timedelta(minutes=2)
    campaign = await create_campaign(
        services,
        CampaignSpec(
            enterprise="hongqiao",
            name=COPY.t("demo.campaign_name"),
            job="gas_inspector",
            account="demo",
            push_time=push_at.strftime("%H:%M"),
            start_date=now.date(),
            # within escalate_days of the deadline: /check reports the team behind today
            deadline=now.date() + timedelta(days=3),
            supervisor=sup.employee_no,
            alert_threshold=0.5,
            escalate_days=3,
            cards=["gi-card-01", "gi-card-02", "gi-card-03"],
        ),
    )
    await play_colleague(users[COLLEAGUE], colleague.name, colleague.id_number[-6:])
    leader = await Worker.get(employee_no=SUPERVISOR_NO)
    await digest.configure(services, leader, "00:00")  # the digest is due: /digest sends it
    team = (await Worker.get(employee_no=PLAYER_NO)).department_id
    rows = await Enrollment.filter(campaign=campaign, worker__department_id=team).values_list(
        "status", flat=True
    )
    done, total = sum(1 for s in rows if s == "complete"), len(rows)
    console.say(
        "",
        COPY.t(
            "demo.banner",
            workers=len(load_enterprise().roster),
            sim=sim.base_url,
            campaign=campaign.name,
            push_time=campaign.push_time,
            deadline=campaign.deadline,
            supervisor=sup.name,
            colleague=colleague.name,
            done=done,
            total=total,
            threshold=f"{campaign.alert_threshold:.0%}",
            days=campaign.escalate_days,
            player=player.name,
            tail=player.id_number[-6:],
        ),
    )
    console.say("", COPY.t("demo.help"))
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_simulator(sim, console, stop))
    scheduler = app[SCHEDULER]
    lines = iter(script) if script is not None else None
    loop = asyncio.get_running_loop()
    try:
        while True:
            if lines is not None:
                line = next(lines, None)
                if line is None:
                    break
                if line.strip() and not line.startswith("#"):
                    console.say(COPY.t("demo.you"), line)
            else:
                try:
                    line = await loop.run_in_executor(
                        None, read_line or (lambda: input(COPY.t("demo.you")))
                    )
                except EOFError:
                    break
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line == "/quit":
                break
            if line == "/help":
                console.say("", COPY.t("demo.help"))
            elif line == "/push":
                new = await scheduler.fire_push(campaign.id) if scheduler is not None else 0
                console.say("⏰ ", COPY.t("demo.pushed", count=new))
            elif line == "/check":
                new = await scheduler.fire_escalation() if scheduler is not None else 0
                console.say("⏰ ", COPY.t("demo.checked", count=new))
            elif line == "/digest":
                sent = await scheduler.fire_digest() if scheduler is not None else 0
                console.say("⏰ ", COPY.t("demo.digested", count=sent))
            elif line in ("/hint", "/answer"):
                letter = await right_answer(PLAYER)
                if letter is None:
                    console.say("💡 ", COPY.t("demo.no_quiz"))
                elif line == "/hint":
                    console.say("💡 ", COPY.t("demo.hint", letter=letter))
                else:
                    console.say(COPY.t("demo.you"), letter)
                    console.say(COPY.t("demo.anxun"), await users[PLAYER].say(letter))
            elif line == "/log":
                for entry in sim.log:
                    console.say("   ", f"{entry.path} → {entry.answer}")
            else:
                console.say(COPY.t("demo.anxun"), await users[PLAYER].say(line))
            await asyncio.sleep(0.3)  # let pushes and alerts arrive before the next line
    finally:
        await asyncio.sleep(0.5)
        stop.set()
        await watcher
    return 0
