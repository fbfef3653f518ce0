"""The custom menu: the shipped file is valid and fully handled, bad files are explained, and
`anxun wechat menu` publishes it through the API client."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from bot.chat.router import Dispatcher
from bot.errors import InvalidInput
from bot.wechat.menu import load_menu
from handlers.chat import routers
from tests.test_config import ROOT

KEYS = Dispatcher(routers()).click_keys()


def test_the_shipped_menu_is_valid_and_every_key_is_handled() -> None:
    menu = load_menu(known_keys=KEYS)
    assert [b["name"] for b in menu["button"]] == ["学习", "答题", "我的"]
    assert {b["key"] for b in menu["button"]} <= KEYS


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("", "1 to 3 [[button]]"),
        ('[[button]]\ntype="click"\nname="a"\nkey="STUDY"\n' * 4, "1 to 3 [[button]]"),
        ('[[button]]\ntype="click"\nname="安全生产学习"\nkey="STUDY"', "1 to 16 bytes"),
        ('[[button]]\ntype="click"\nname="学习"\nkey="NOPE"', "no handler listens for key 'NOPE'"),
        ('[[button]]\ntype="view"\nname="学习"\nurl="ftp://x"', "http(s) url"),
        ('[[button]]\nname="学习"', "type must be click or view"),
        ("[[button]\n", "cannot read the menu"),
    ],
)
def test_bad_menus_say_what_is_wrong(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "menu.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_menu(path, KEYS)
    assert message in err.value.message


async def run_cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_cli_publishes_the_menu_to_wechat(tmp_path: Path, sim) -> None:
    site = tmp_path / "site.toml"
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    site.write_text(text.replace("https://api.weixin.qq.com", sim.base_url), "utf-8")

    code, out, err = await run_cli(
        "wechat", "menu", "--account", "demo", "--config", str(site), cwd=tmp_path
    )
    assert code == 0, err
    assert "学习 / 答题 / 我的" in out
    published = [r for r in sim.sent("/cgi-bin/menu/create")]
    assert len(published) == 1 and published[0].body["button"][1]["key"] == "QUIZ"

    sim.inject("/cgi-bin/menu/create", 40018)
    code, _, err = await run_cli(
        "wechat", "menu", "--account", "demo", "--config", str(site), cwd=tmp_path
    )
    assert code == 2 and "40018" in err and "Traceback" not in err

    code, _, err = await run_cli(
        "wechat", "menu", "--account", "nope", "--config", str(site), cwd=tmp_path
    )
    assert code == 2 and "no account 'nope'" in err
