"""The layout's rules (README "Layout"): the import-linter contracts hold, and every package says
in one line what lives there."""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["bot", "handlers", "scheduler", "content", "bench"]


@contextmanager
def logging_kept() -> Iterator[None]:
    """import-linter configures logging with disable_existing_loggers: every logger created so
    far (bot.*, aiohttp, asyncio) would stay silent for the rest of the test session."""
    manager = logging.root.manager
    disabled = {
        n: lg.disabled for n, lg in manager.loggerDict.items() if isinstance(lg, logging.Logger)
    }
    handlers, level = list(logging.root.handlers), logging.root.level
    try:
        yield
    finally:
        for name, logger in manager.loggerDict.items():
            if isinstance(logger, logging.Logger):
                logger.disabled = disabled.get(name, False)
        logging.root.handlers[:] = handlers
        logging.root.setLevel(level)


def test_the_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """What .ci/run's lint-imports checks: the layer order, no area importing handlers/ or
    scheduler/, pure rules free of tortoise, aiohttp, redis and wechatpy, content/ on its own."""
    with logging_kept():
        code = lint_imports(
            config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
        )
    report = capsys.readouterr().out
    assert "Contracts: 4 kept, 0 broken." in report, report
    assert code == 0


def test_every_package_says_in_one_line_what_lives_there() -> None:
    inits = sorted(init for top in PACKAGES for init in (ROOT / top).rglob("__init__.py"))
    assert len(inits) > 15  # the areas and their rules/, handlers/*, scheduler, content, bench
    for init in inits:
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8")))
        where = init.relative_to(ROOT)
        assert doc, f"{where}: no docstring"
        assert "\n" not in doc, f"{where}: more than one line"
