"""Configuration: config.toml validated by pydantic, secrets overridable from the environment.

Every key is documented in config.toml. Secrets are `SecretStr` and never print.
Environment overrides: ANXUN_ADMIN_TOKEN, ANXUN_PRIVACY_KEY, ANXUN_DB_URL, ANXUN_REDIS_URL,
and per account ANXUN_ACCOUNT_<NAME>_{SECRET,TOKEN,ENCODING_AES_KEY}.
"""

from __future__ import annotations

import base64
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from bot.errors import ConfigError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ServerConfig(_Section):
    host: str = "127.0.0.1"
    port: int = 8080
    callback_budget_ms: int = Field(4000, ge=100, le=4800)
    max_body_bytes: int = Field(64 * 1024, ge=1024, le=1024 * 1024)
    public_url: str = ""  # where WeChat users reach this server, for links to card pages
    spool_dir: str = "data/spool"  # callbacks the database could not take yet, kept on disk
    spool_drain_s: float = Field(1.0, gt=0, le=60)


class DbConfig(_Section):
    url: str = "sqlite://data/anxun.db"


class RedisConfig(_Section):
    url: str = "memory://"
    timeout_ms: int = Field(300, ge=10, le=5000)


class WeChatConfig(_Section):
    api_base: str = "https://api.weixin.qq.com"
    wecom_api_base: str = "https://qyapi.weixin.qq.com"
    timeout_s: float = Field(5.0, gt=0, le=30)
    timestamp_tolerance_s: int = Field(300, ge=30)


class AccountConfig(_Section):
    name: str = Field(pattern=r"^[a-z0-9_-]{1,32}$")
    # mp = official account, wecom = WeCom self-built app, miniapp = mini-program
    kind: Literal["mp", "wecom", "miniapp"] = "mp"
    enterprise: str
    appid: str  # the official account's or mini-program's appID, or the WeCom corp ID (corpid)
    agent_id: int | None = None  # WeCom only: the app's AgentId
    secret: SecretStr
    token: SecretStr | None = None  # callback token (mp and wecom)
    encoding_aes_key: SecretStr | None = None
    mode: Literal["plain", "compatible", "safe"] = "safe"
    template_id: str = ""
    # subscribe messages (订阅消息 / 订阅通知): the template, and which of its keywords carries
    # each of our fields, e.g. {campaign = "thing1", deadline = "time2", hint = "thing3"}
    subscribe_template_id: str = ""
    subscribe_fields: dict[str, str] = {}

    @property
    def has_callback(self) -> bool:
        return self.kind != "miniapp"

    @field_validator("encoding_aes_key")
    @classmethod
    def _aes_key_shape(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None:
            raw = v.get_secret_value()
            try:
                ok = len(raw) == 43 and len(base64.b64decode(raw + "=")) == 32
            except ValueError:
                ok = False
            if not ok:
                raise ValueError(
                    "EncodingAESKey must be the 43-character key from the WeChat console"
                )
        return v


class AdminConfig(_Section):
    token: SecretStr  # the operator: every enterprise
    # an enterprise's own safety department: that enterprise only (enterprise code -> token)
    enterprises: dict[str, SecretStr] = {}
    # tokens that also see ID numbers and phones in full (exports, lists); every other
    # token sees them masked: one for every enterprise, and per enterprise
    pii_token: SecretStr | None = None
    pii_enterprises: dict[str, SecretStr] = {}

    @field_validator("token", "enterprises", "pii_token", "pii_enterprises")
    @classmethod
    def _sendable(
        cls, v: SecretStr | dict[str, SecretStr] | None
    ) -> SecretStr | dict[str, SecretStr] | None:
        for token in v.values() if isinstance(v, dict) else [v] if v is not None else []:
            if not re.fullmatch(r"\S+", token.get_secret_value()):
                raise ValueError(
                    "an admin token is sent as `Authorization: Bearer <token>`: "
                    "it must be non-empty, without spaces"
                )
        return v


class PrivacyConfig(_Section):
    key: SecretStr = Field(min_length=32)


class BindConfig(_Section):
    max_failures: int = Field(5, ge=1, le=20)
    worker_max_failures: int = Field(10, ge=1, le=100)
    lock_hours: int = Field(24, ge=1)
    face_enabled: bool = False  # level 5 needs WeChat's face-verification qualification


class SchedulerConfig(_Section):
    enabled: bool = True
    timezone: str = "Asia/Shanghai"
    leader_lease_s: int = Field(30, ge=5)


class SenderConfig(_Section):
    enabled: bool = True
    batch_size: int = Field(50, ge=1, le=1000)
    poll_interval_s: float = Field(2.0, gt=0)
    max_attempts: int = Field(8, ge=1)
    concurrency: int = Field(8, ge=1, le=256)
    lease_s: int = Field(60, ge=1, le=3600)  # a claimed row is another sender's after this


class StandinConfig(_Section):
    """Stand-in risk (bot/people/standin.py), its live challenge (bot/campaigns/challenges.py)."""

    enabled: bool = True
    threshold: float = Field(0.6, gt=0, le=1)  # a score at or above it challenges the next session
    window_days: int = Field(7, ge=1, le=60)  # the activity each assessment looks back over
    photo_minutes: int = Field(15, ge=1, le=240)  # to send the photo once asked
    decision_hours: int = Field(24, ge=1, le=720)  # before a waiting leader is reminded
    sweep_time: str = Field("03:30", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    # behind a load balancer: take the client's address from X-Forwarded-For (its first entry)
    trust_forwarded_for: bool = False


class DigestConfig(_Section):
    """Leaders' daily digest (bot/campaigns/digest.py) and escalation (escalation.py)."""

    enabled: bool = True
    time: str = Field("18:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    behind_shown: int = Field(10, ge=1, le=50)  # names per list, then a count
    tick_minutes: int = Field(5, ge=1, le=60)
    escalation_time: str = Field("09:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


HOURS_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]")


def _hours(v: str) -> str:
    """A daily span "HH:MM-HH:MM" (may cross midnight) or "" for none."""
    v = v.strip()
    if v and (not HOURS_PATTERN.fullmatch(v) or v[:5] == v[6:]):
        raise ValueError(
            f'quiet_hours must be "HH:MM-HH:MM" in 24-hour time, e.g. "22:00-07:00" (it may '
            f'cross midnight; start and end differ), or "" for none; got {v!r}'
        )
    return v


class ContactOverride(_Section):
    """One enterprise's own contact rules; a key left out keeps the [contact] default."""

    quiet_hours: str | None = None
    weekly_cap: int | None = Field(None, ge=1, le=7)
    pause_after: int | None = Field(None, ge=1, le=30)

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, v: str | None) -> str | None:
        return None if v is None else _hours(v)


class ContactConfig(_Section):
    """How often and when a worker may be nudged (bot/delivery/contact.py)."""

    quiet_hours: str = "22:00-07:00"  # local time (scheduler timezone); "" for none
    weekly_cap: int = Field(5, ge=1, le=7)  # nudges in any 7 days, across campaigns
    pause_after: int = Field(3, ge=1, le=30)  # ignored reminders before nudging stops
    enterprises: dict[str, ContactOverride] = {}

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, v: str) -> str:
        return _hours(v)

    def rules(self, enterprise: str) -> ContactConfig:
        """The rules for one enterprise: its override over the defaults."""
        own = self.enterprises.get(enterprise)
        if own is None:
            return self
        return ContactConfig(
            quiet_hours=self.quiet_hours if own.quiet_hours is None else own.quiet_hours,
            weekly_cap=own.weekly_cap or self.weekly_cap,
            pause_after=own.pause_after or self.pause_after,
        )


class StudyConfig(_Section):
    """The daily session (bot/learning/memory.py)."""

    daily_minutes: float = Field(5, gt=0, le=60)  # a worker's study a day, at their own speed
    quiz_size: int = Field(3, ge=1, le=30)  # questions in a quiz outside a campaign


class HoursOverride(_Section):
    """One enterprise's own 学时 rule; a key left out keeps the [hours] default."""

    minutes_per_hour: int | None = Field(None, ge=1, le=240)
    daily_cap: float | None = Field(None, gt=0, le=24)
    min_level: int | None = Field(None, ge=1, le=5)


class HoursConfig(_Section):
    """学时 (bot/learning/hours.py) and the personal archive (bot/learning/archive.py)."""

    enabled: bool = True
    minutes_per_hour: int = Field(45, ge=1, le=240)  # active study minutes per 学时
    daily_cap: float = Field(2.0, gt=0, le=24)  # 学时 credited a day at most
    min_level: int = Field(1, ge=1, le=5)  # identity level counted where no campaign names one
    time: str = Field("02:30", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")  # credits yesterday
    catch_up_days: int = Field(14, ge=1, le=366)  # missed days credited after downtime
    enterprises: dict[str, HoursOverride] = {}

    def rule_values(self, enterprise: str) -> dict[str, Any]:
        """The rule's values for one enterprise: its override over the defaults."""
        own = self.enterprises.get(enterprise) or HoursOverride()
        return {
            "minutes_per_hour": own.minutes_per_hour or self.minutes_per_hour,
            "daily_cap": own.daily_cap or self.daily_cap,
            "min_level": own.min_level or self.min_level,
        }


class Config(_Section):
    server: ServerConfig = ServerConfig()
    db: DbConfig = DbConfig()
    redis: RedisConfig = RedisConfig()
    wechat: WeChatConfig = WeChatConfig()
    accounts: list[AccountConfig] = []
    admin: AdminConfig
    privacy: PrivacyConfig
    bind: BindConfig = BindConfig()
    scheduler: SchedulerConfig = SchedulerConfig()
    sender: SenderConfig = SenderConfig()
    standin: StandinConfig = StandinConfig()
    digest: DigestConfig = DigestConfig()
    contact: ContactConfig = ContactConfig()
    study: StudyConfig = StudyConfig()

    hours: HoursConfig = HoursConfig()
    # rules turning workforce events into personal retraining (bot/campaigns/eventrules.py),
    # checked at startup against the roster and the accounts
    event_rules: list[dict[str, Any]] = []

    def account(self, name: str) -> AccountConfig | None:
        return next((a for a in self.accounts if a.name == name), None)


def _env_overrides(raw: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    def put(section: str, key: str, var: str) -> None:
        if var in env:
            raw.setdefault(section, {})[key] = env[var]

    put("admin", "token", "ANXUN_ADMIN_TOKEN")
    put("privacy", "key", "ANXUN_PRIVACY_KEY")
    put("db", "url", "ANXUN_DB_URL")
    put("redis", "url", "ANXUN_REDIS_URL")
    put("wechat", "api_base", "ANXUN_WECHAT_API_BASE")
    put("wechat", "wecom_api_base", "ANXUN_WECOM_API_BASE")
    for var, value in env.items():  # ANXUN_ADMIN_TOKEN_HONGQIAO=… → admin.enterprises.hongqiao
        if var.startswith("ANXUN_ADMIN_TOKEN_") and len(var) > len("ANXUN_ADMIN_TOKEN_"):
            admin = raw.setdefault("admin", {})
            if isinstance(admin, dict):
                code = var.removeprefix("ANXUN_ADMIN_TOKEN_").lower()
                admin.setdefault("enterprises", {})[code] = value
    for account in raw.get("accounts", []):
        if not isinstance(account, dict):
            continue
        prefix = "ANXUN_ACCOUNT_" + re.sub(r"[^A-Z0-9]", "_", str(account.get("name", "")).upper())
        for key in ("secret", "token", "encoding_aes_key"):
            if f"{prefix}_{key.upper()}" in env:
                account[key] = env[f"{prefix}_{key.upper()}"]
    return raw


def _explain(err: ValidationError, source: str) -> str:
    lines = [f"{source}: the configuration is not valid:"]
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"])
        hint = (
            " (set it in the file, or through its ANXUN_* variable)"
            if e["type"] == "missing"
            else ""
        )
        lines.append(f"  - {where}: {e['msg']}{hint}")
    lines.append("See the comments in config.toml for what each key means.")
    return "\n".join(lines)


def parse_config(
    raw: dict[str, Any], source: str = "config", env: dict[str, str] | None = None
) -> Config:
    raw = _env_overrides(dict(raw), dict(os.environ) if env is None else env)
    try:
        config = Config.model_validate(raw)
    except ValidationError as err:
        raise ConfigError(_explain(err, source)) from None
    names = [a.name for a in config.accounts]
    if len(names) != len(set(names)):
        raise ConfigError(f"{source}: account names must be unique, got {names}")
    for a in config.accounts:
        if a.has_callback and a.token is None:
            raise ConfigError(
                f"{source}: account {a.name!r} needs the callback token it shares "
                "with the WeChat console"
            )
        if a.kind == "wecom" and (a.agent_id is None or a.encoding_aes_key is None):
            raise ConfigError(
                f"{source}: WeCom account {a.name!r} needs agent_id and encoding_aes_key "
                "(WeCom callbacks are always encrypted)"
            )
        if a.kind == "mp" and a.mode != "plain" and a.encoding_aes_key is None:
            raise ConfigError(
                f"{source}: account {a.name!r} is in {a.mode} mode but has no encoding_aes_key"
            )
    served = {a.enterprise for a in config.accounts}
    for code in config.contact.enterprises:
        if config.accounts and code not in served:
            raise ConfigError(
                f"{source}: [contact.enterprises.{code}] names an enterprise no account serves "
                f"(accounts serve: {', '.join(sorted(served))}); check the enterprise code"
            )
    for code in config.hours.enterprises:  # archive (issue 14)
        if config.accounts and code not in served:
            raise ConfigError(
                f"{source}: [hours.enterprises.{code}] names an enterprise no account serves "
                f"(accounts serve: {', '.join(sorted(served))}); check the enterprise code"
            )
    return config


def load_config(path: str | Path, env: dict[str, str] | None = None) -> Config:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file; pass --config PATH to a config.toml") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
    return parse_config(raw, str(path), env)
