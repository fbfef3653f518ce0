"""Bad configuration and unreachable storage give one clear message, never a traceback or a
secret."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_config, parse_config
from bot.errors import ConfigError, StorageUnavailable
from bot.storage import db

ROOT = Path(__file__).resolve().parents[1]
SECRET = "hunter2-super-secret-appsecret"


def minimal(**extra: object) -> dict:
    return {
        "admin": {"token": "t"},
        "privacy": {"key": "k" * 32},
        "accounts": [
            {
                "name": "mine",
                "enterprise": "hongqiao",
                "appid": "wx1",
                "secret": SECRET,
                "token": "tok",
                "mode": "plain",
            }
        ],
        **extra,
    }


def test_the_shipped_config_is_valid() -> None:
    config = load_config(ROOT / "config.toml", env={})
    assert config.db.url == "sqlite://data/anxun.db" and config.redis.url == "memory://"


def test_missing_key_names_the_key_and_the_fix() -> None:
    raw = minimal()
    del raw["admin"]
    with pytest.raises(ConfigError) as err:
        parse_config(raw, "site.toml", env={})
    assert "site.toml" in err.value.message
    assert "admin: Field required" in err.value.message and "ANXUN_" in err.value.message


def test_a_missing_secret_can_come_from_the_environment() -> None:
    raw = minimal()
    del raw["accounts"][0]["secret"]  # type: ignore[index]
    with pytest.raises(ConfigError, match=r"accounts\.0\.secret"):
        parse_config(raw, "site.toml", env={})
    config = parse_config(raw, "site.toml", env={"ANXUN_ACCOUNT_MINE_SECRET": "from-env"})
    assert config.accounts[0].secret.get_secret_value() == "from-env"


def test_wrong_values_and_unknown_keys_are_named() -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(minimal(server={"port": "eighty"}, sever={}), "site.toml", env={})
    assert "server.port" in err.value.message and "sever" in err.value.message


@pytest.mark.parametrize(
    "admin", [{"token": "two words"}, {"token": ""}, {"token": "t", "enterprises": {"x": "a\tb"}}]
)
def test_an_admin_token_that_cannot_be_sent_as_a_bearer_token_is_refused(admin: dict) -> None:
    with pytest.raises(ConfigError, match=r"admin\..*Authorization: Bearer <token>"):
        parse_config(minimal(admin=admin), "site.toml", env={})


def test_safe_mode_needs_a_valid_aes_key() -> None:
    raw = minimal()
    raw["accounts"][0]["mode"] = "safe"  # type: ignore[index]
    with pytest.raises(ConfigError, match="no encoding_aes_key"):
        parse_config(raw, "site.toml", env={})
    raw["accounts"][0]["encoding_aes_key"] = "short"  # type: ignore[index]
    with pytest.raises(ConfigError, match="43-character"):
        parse_config(raw, "site.toml", env={})


def test_a_wecom_app_needs_its_agent_id_and_aes_key() -> None:
    raw = minimal()
    raw["accounts"][0].update(kind="wecom")
    with pytest.raises(ConfigError, match="needs agent_id and encoding_aes_key"):
        parse_config(raw, "t", env={})
    raw["accounts"][0].update(agent_id=1000002, encoding_aes_key="a" * 43)
    assert parse_config(raw, "t", env={}).accounts[0].kind == "wecom"


def test_secrets_are_never_printed() -> None:
    config = parse_config(minimal(), "site.toml", env={})
    assert SECRET not in repr(config) and SECRET not in str(config.model_dump())
    raw = minimal()
    raw["accounts"][0]["mode"] = "bogus"  # type: ignore[index]
    with pytest.raises(ConfigError) as err:
        parse_config(raw, "site.toml", env={})
    assert SECRET not in err.value.message


def test_redact_hides_database_passwords() -> None:
    assert db.redact("postgres://anxun:pw@db:5432/anxun") == "postgres://anxun:***@db:5432/anxun"
    assert db.redact("sqlite://data/anxun.db") == "sqlite://data/anxun.db"


async def test_unreachable_database_is_one_clear_error() -> None:
    with pytest.raises(StorageUnavailable) as err:
        await db.open_db("postgres://anxun:pw@127.0.0.1:1/anxun")
    where = "cannot reach the database at postgres://anxun:***@127.0.0.1:1/anxun"
    assert where in err.value.message
    assert "pw" not in err.value.message.replace("***", "")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )


def test_cli_reports_config_problems_without_a_traceback(tmp_path: Path) -> None:
    missing = run_cli("serve", "--config", str(tmp_path / "nope.toml"), cwd=tmp_path)
    assert missing.returncode == 2
    assert "no such file" in missing.stderr and "Traceback" not in missing.stderr

    broken = tmp_path / "broken.toml"
    broken.write_text("[admin\ntoken = 1", encoding="utf-8")
    result = run_cli("serve", "--config", str(broken), cwd=tmp_path)
    assert result.returncode == 2 and "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_serve_on_an_unmigrated_database_says_what_to_run(tmp_path: Path) -> None:
    config = (ROOT / "config.toml").read_text(encoding="utf-8")
    site = tmp_path / "site.toml"
    site.write_text(config.replace("sqlite://data/anxun.db", f"sqlite://{tmp_path}/x.db"), "utf-8")
    result = run_cli("serve", "--config", str(site), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "anxun db upgrade" in result.stderr and "Traceback" not in result.stderr


def test_enterprise_admin_tokens_can_come_from_the_environment() -> None:
    config = parse_config(minimal(), "t", env={"ANXUN_ADMIN_TOKEN_LIJING": "from-env"})
    assert config.admin.enterprises["lijing"].get_secret_value() == "from-env"
    assert "from-env" not in repr(config)
