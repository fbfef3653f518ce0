"""User-facing text (zh-CN), one TOML file of named templates."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

COPY_DIR = Path(__file__).parent / "copy"


class Copy:
    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts

    @classmethod
    def load(cls, locale: str = "zh_CN") -> Copy:
        return cls(_load(locale))

    def t(self, key: str, **values: Any) -> str:
        return self._texts[key].format(**values)

    def template(self, key: str) -> str:
        """The template itself, for code that fills it piece by piece."""
        return self._texts[key]

    def __contains__(self, key: str) -> bool:
        return key in self._texts


@cache
def _load(locale: str) -> dict[str, str]:
    raw = tomllib.loads((COPY_DIR / f"{locale}.toml").read_text(encoding="utf-8"))
    flat: dict[str, str] = {}

    def walk(prefix: str, node: dict[str, Any]) -> None:
        for k, v in node.items():
            name = f"{prefix}{k}"
            if isinstance(v, dict):
                walk(name + ".", v)
            else:
                flat[name] = str(v).strip("\n")

    walk("", raw)
    return flat
