"""Statements written once for the hot path, where building them through the ORM on every call
costs more than running them (the quiz answer: bot/learning/training.py, memory.py). Each is the
same on SQLite and PostgreSQL but for its placeholders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise import connections
from tortoise.models import Model


def marks(dialect: str, count: int) -> list[str]:
    """`count` placeholders: $1, $2… on PostgreSQL, ? on SQLite."""
    return [f"${n}" if dialect == "postgres" else "?" for n in range(1, count + 1)]


def db_values(model: type[Model], values: dict[str, Any]) -> list[Any]:
    """Python values as the ORM would store them in `model`'s columns, in the given order."""
    fields = model._meta.fields_map
    return [fields[name].to_db_value(value, model) for name, value in values.items()]


async def run(sql: Callable[[str], str], values: list[Any]) -> int:
    """Run the statement `sql(dialect)` on the current connection (a transaction's, inside one);
    returns the rows it changed."""
    conn = connections.get("default")
    changed, _ = await conn.execute_query(sql(conn.capabilities.dialect), values)
    return int(changed)
