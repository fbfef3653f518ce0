"""Database lifecycle: Tortoise setup, aerich migrations (one folder per SQL dialect)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.exceptions import (
    DBConnectionError,
    IntegrityError,
    NotExistOrMultiple,
    OperationalError,
    TransactionManagementError,
)

from bot.errors import ConfigError, StorageUnavailable

log = logging.getLogger(__name__)

MODELS = ["bot.storage.models", "aerich.models"]
MIGRATIONS_ROOT = Path(__file__).resolve().parents[2] / "migrations"


def dialect(url: str) -> str:
    scheme = url.split("://", 1)[0]
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgres", "postgresql", "asyncpg"):
        return "postgres"
    raise ConfigError(f"db.url: unsupported scheme {scheme!r}; use sqlite://PATH or postgres://…")


def is_outage(err: BaseException) -> bool:
    """Whether `err` means the database could not be reached or answer (down, cut, hung, locked),
    as opposed to a refusal of the statement itself (a constraint, a missing row, a bug)."""
    if isinstance(err, (IntegrityError, NotExistOrMultiple)):
        return False
    if isinstance(err, (OSError, TimeoutError, DBConnectionError, TransactionManagementError)):
        return True
    if isinstance(err, OperationalError):  # what the drivers' errors are translated to
        return True
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg ships with tortoise-orm[asyncpg]
        return False
    return isinstance(
        err,
        (
            asyncpg.PostgresConnectionError,
            asyncpg.InterfaceError,
            asyncpg.OperatorInterventionError,
        ),
    )


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in userinfo:
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"


def tortoise_config(url: str) -> dict[str, Any]:
    dialect(url)
    return {
        "connections": {"default": url},
        "apps": {"models": {"models": MODELS, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _ensure_sqlite_dir(url: str) -> None:
    if dialect(url) == "sqlite":
        path = url.split("://", 1)[1].split("?", 1)[0]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


async def open_db(url: str, *, create_schema: bool = False) -> None:
    """Connect; `create_schema` builds tables directly (tests only — production migrates)."""
    _ensure_sqlite_dir(url)
    await close_db()
    await Tortoise.init(config=tortoise_config(url))
    await _probe(url)
    if create_schema:
        await Tortoise.generate_schemas(safe=True)


async def _probe(url: str) -> None:
    """Connect now, so an unreachable database is one clear error at start, not a traceback."""
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception as err:  # any driver's connection failure: refused, auth, no such database
        await close_db()
        raise StorageUnavailable(
            f"cannot reach the database at {redact(url)}: {type(err).__name__}: {err}. "
            "Check db.url (or ANXUN_DB_URL) and that the server is running."
        ) from None


async def close_db() -> None:
    """Close and forget every connection, so a later init in this process starts clean.

    Tortoise keeps process-global state (a ContextVar whose default dict is shared, the merged
    connection config, the apps registry, and an insert-statement cache keyed by connection
    name, not dialect); without this reset a second app or an aerich run in the same process —
    tests, the demo — can query the previous database or send SQLite SQL to PostgreSQL.
    """
    if Tortoise._inited:
        await connections.close_all(discard=True)
    connections._clear_storage()
    connections._db_config = None
    await Tortoise._reset_apps()
    Tortoise._inited = False
    EXECUTOR_CACHE.clear()


async def is_migrated(url: str) -> bool:
    """True when the database exists and carries aerich's version table."""
    from aerich.models import Aerich

    try:
        return await Aerich.exists(app="models")
    except OperationalError:
        return False


def migrations_location(url: str) -> str:
    return str(MIGRATIONS_ROOT / dialect(url))


async def upgrade(url: str) -> list[str]:
    """Apply every pending migration; a fresh database gets them all."""
    from aerich import Command

    _ensure_sqlite_dir(url)
    if not list((MIGRATIONS_ROOT / dialect(url) / "models").glob("0_*.py")):
        raise ConfigError(f"no migrations shipped for {dialect(url)} in {MIGRATIONS_ROOT}")
    await open_db(url)  # fails clearly when the server cannot be reached
    await close_db()
    command = Command(tortoise_config(url), app="models", location=migrations_location(url))
    await command.init()
    try:
        if not await is_migrated(url):
            await command.init_db(safe=True)
            return ["(all)"]
        return await command.upgrade(run_in_transaction=True)
    finally:
        await close_db()


async def make_migration(url: str, name: str) -> str | None:
    """Write a new migration for model changes (developers; run once per dialect).

    File names carry the dialect: aerich imports migrations by module name, and the two folders
    must not shadow each other in one process. Run it once per process (as the CLI does): aerich
    keeps the DDL generator in class state, and a second dialect in the same process gets the
    first one's SQL mixed into its file.
    """
    from aerich import Command

    _ensure_sqlite_dir(url)
    await close_db()
    folder = MIGRATIONS_ROOT / dialect(url) / "models"
    command = Command(tortoise_config(url), app="models", location=migrations_location(url))
    try:
        if not folder.exists():
            await command.init_db(safe=True)
            written: str | None = "initial"
        else:
            await command.init()
            written = await command.migrate(f"{name}_{dialect(url)}", no_input=True)
    finally:
        await close_db()
    for path in folder.glob("0_*.py"):
        if not path.stem.endswith(f"_{dialect(url)}"):
            path.rename(path.with_name(f"{path.stem}_{dialect(url)}.py"))
    return written
