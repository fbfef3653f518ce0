"""The official account's custom menu: loaded from content/, checked, published."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.errors import InvalidInput

MENU_FILE = Path(__file__).resolve().parents[2] / "content" / "wechat" / "menu.toml"
MAX_BUTTONS, MAX_SUB, MAX_NAME, MAX_SUB_NAME, MAX_KEY = 3, 5, 16, 60, 128


def load_menu(path: Path = MENU_FILE, known_keys: set[str] | None = None) -> dict[str, Any]:
    """Read and check a menu file; `known_keys` are the CLICK keys some handler listens for."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise InvalidInput(f"{path}: cannot read the menu ({err})") from None
    buttons = raw.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= MAX_BUTTONS:
        raise InvalidInput(f"{path}: a menu has 1 to {MAX_BUTTONS} [[button]] tables")
    problems: list[str] = []
    for i, button in enumerate(buttons, 1):
        _check(button, f"button {i}", MAX_NAME, known_keys, problems)
        subs = button.get("sub_button", [])
        if len(subs) > MAX_SUB:
            problems.append(f"button {i}: at most {MAX_SUB} sub_button entries")
        for j, sub in enumerate(subs, 1):
            _check(sub, f"button {i}.{j}", MAX_SUB_NAME, known_keys, problems)
    if problems:
        raise InvalidInput(f"{path}: " + "; ".join(problems))
    return {"button": buttons}


def _check(
    button: dict[str, Any], where: str, max_name: int, known: set[str] | None, out: list[str]
) -> None:
    name = str(button.get("name", ""))
    if not name or len(name.encode()) > max_name:
        out.append(f"{where}: name must be 1 to {max_name} bytes (UTF-8), got {name!r}")
    if button.get("sub_button"):
        return
    kind = button.get("type")
    if kind == "click":
        key = str(button.get("key", ""))
        if not key or len(key.encode()) > MAX_KEY:
            out.append(f"{where}: a click button needs a key of at most {MAX_KEY} bytes")
        elif known is not None and key not in known:
            out.append(f"{where}: no handler listens for key {key!r} (known: {sorted(known)})")
    elif kind == "view":
        if not str(button.get("url", "")).startswith(("http://", "https://")):
            out.append(f"{where}: a view button needs an http(s) url")
    else:
        out.append(f"{where}: type must be click or view (or give sub_button), got {kind!r}")
