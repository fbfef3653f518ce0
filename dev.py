#!/usr/bin/env python3
"""Developer entry point for a fresh machine with only Python >= 3.11.

    python3 dev.py demo      # the interactive demo (anxun demo), embedded defaults
    python3 dev.py test      # the test suite (pytest), embedded defaults
    python3 dev.py bench     # bench/callback.py (needs wrk: apt-get install wrk)
    python3 dev.py anxun ... # any anxun command inside the project environment

The first run creates .venv and installs the project into it; later runs reuse it, reinstalling
only when pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".anxun-installed"


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 — dev.py may be run by an older python3
        sys.exit(f"anxun needs Python >= 3.11; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing anxun and its dependencies into .venv …", flush=True)
    subprocess.run(
        [
            str(BIN / "python"),
            "-m",
            "pip",
            "install",
            "-qq",  # errors only: machine-wide pip settings can be noisy
            "--disable-pip-version-check",
            "-e",
            f"{ROOT}[test]",
        ],
        check=True,
    )
    STAMP.write_text(wanted)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("demo", "test", "bench", "anxun"):
        print(__doc__)
        return 2
    ensure_env()
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "test":
        # one pytest worker per core (pytest-xdist); `-n 0` on the command line runs in-process
        argv = [str(BIN / "python"), "-m", "pytest", "-n", "auto", *rest]
    elif command == "bench":
        argv = [str(BIN / "python"), "-m", "bench.callback", *rest]
    elif command == "demo":
        argv = [str(BIN / "anxun"), "demo", *rest]
    else:
        argv = [str(BIN / "anxun"), *rest]
    return subprocess.run(argv, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
