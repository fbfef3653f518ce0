"""The shipped migrations build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
import json

import pytest
from aerich.utils import decompress_dict, get_models_describe

from bot.storage import db

pytestmark = pytest.mark.storage


def _last_state(dialect: str) -> dict:
    files = sorted(
        (db.MIGRATIONS_ROOT / dialect / "models").glob("*.py"),
        key=lambda p: int(p.name.split("_", 1)[0]),
    )
    spec = importlib.util.spec_from_file_location("last_migration", files[-1])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return decompress_dict(module.MODELS_STATE)


async def test_upgrade_builds_current_models(db_url: str) -> None:
    await db.upgrade(db_url)
    assert await db.upgrade(db_url) == []  # a second upgrade has nothing left to do
    await db.open_db(db_url)
    try:
        assert await db.is_migrated(db_url)
        current = get_models_describe("models")
    finally:
        await db.close_db()
    shipped = _last_state(db.dialect(db_url))
    normalise = lambda d: json.loads(json.dumps(d, sort_keys=True, default=str))  # noqa: E731
    assert normalise(shipped) == normalise(current), (
        "models changed without a migration: run `anxun db makemigrations --url …` per dialect"
    )
