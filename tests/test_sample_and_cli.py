"""The shipped sample data is valid and fictional; the CLI sets up a database and creates a
campaign from a spec file, and says what is wrong with a bad one."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import load_config
from bot.people.rules.idcard import check_digit, is_valid
from content.loader import load_enterprise, load_library
from tests.test_config import ROOT, run_cli

pytestmark = pytest.mark.storage


def test_sample_roster_ids_pass_gb11643_and_are_unique() -> None:
    roster = load_enterprise().roster
    assert len(roster) >= 30
    assert all(is_valid(r.id_number) for r in roster)
    assert len({r.id_number for r in roster}) == len(roster)
    assert all(r.phone.startswith("100") for r in roster)  # no mobile network uses 100


def test_checksum_catches_a_changed_digit() -> None:
    number = load_enterprise().roster[0].id_number
    assert check_digit(number[:17]) == number[17]
    wrong = number[:16] + str((int(number[16]) + 1) % 10) + number[17]
    assert not is_valid(wrong)


def test_library_loads_without_problems() -> None:
    library = load_library()
    assert library.problems == []
    assert any(c.code == "gi-card-01" for c in library.cards)
    assert len([q for q in library.questions if "gas_inspector" in q.jobs]) >= 20


def write_site(tmp: Path) -> Path:
    site = tmp / "site.toml"
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    site.write_text(text.replace("sqlite://data/anxun.db", f"sqlite://{tmp}/a.db"), "utf-8")
    return site


def test_cli_upgrade_load_and_create_campaign(tmp_path: Path) -> None:
    site = str(write_site(tmp_path))
    not_ready = run_cli("sample", "load", "--config", site, cwd=tmp_path)
    assert not_ready.returncode == 2 and "anxun db upgrade" in not_ready.stderr

    assert run_cli("db", "upgrade", "--config", site, cwd=tmp_path).returncode == 0
    again = run_cli("db", "upgrade", "--config", site, cwd=tmp_path)
    assert again.returncode == 0 and "nothing (up to date)" in again.stdout
    assert run_cli("sample", "load", "--config", site, cwd=tmp_path).returncode == 0

    # the CLI's clock is the real one: dates around today where the campaigns run (Shanghai);
    # a start tomorrow stays in the future even if the day turns while the command runs
    today = Clock(load_config(site).scheduler.timezone).today()
    spec = {
        "enterprise": "hongqiao",
        "name": "冬季专项",
        "job": "gas_inspector",
        "account": "demo",
        "push_time": "08:00",
        "start_date": (today + timedelta(days=1)).isoformat(),
        "deadline": (today + timedelta(days=14)).isoformat(),
        "supervisor": "HQ0001",
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    made = run_cli("campaign", "create", "--config", site, "spec.json", cwd=tmp_path)
    assert made.returncode == 0 and "campaign 1 created" in made.stdout, made.stderr

    past = {**spec, "start_date": (today - timedelta(days=3)).isoformat()}
    (tmp_path / "past.json").write_text(json.dumps(past, ensure_ascii=False), "utf-8")
    refused = run_cli("campaign", "create", "--config", site, "past.json", cwd=tmp_path)
    assert refused.returncode == 2 and "is in the past" in refused.stderr
    assert "--allow-past-start" in refused.stderr and "Traceback" not in refused.stderr
    confirmed = run_cli(
        "campaign", "create", "--allow-past-start", "--config", site, "past.json", cwd=tmp_path
    )
    assert confirmed.returncode == 0 and "campaign 2 created" in confirmed.stdout

    (tmp_path / "bad.json").write_text(json.dumps({**spec, "push_time": "8点"}), "utf-8")
    bad = run_cli("campaign", "create", "--config", site, "bad.json", cwd=tmp_path)
    assert bad.returncode == 2 and "push_time must be HH:MM" in bad.stderr
    assert "Traceback" not in bad.stderr

    (tmp_path / "nojob.json").write_text(json.dumps({**spec, "job": "astronaut"}), "utf-8")
    nojob = run_cli("campaign", "create", "--config", site, "nojob.json", cwd=tmp_path)
    assert nojob.returncode == 2 and "astronaut" in nojob.stderr
    assert "Traceback" not in nojob.stderr
