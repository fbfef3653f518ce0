"""`anxun archive verify|export|update` and `anxun hours credit`: the personal archive and the
学时 ledger from the command line (the same files as GET /admin/v1/archives/...)."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from bot.cli_roster import _run
from bot.config import load_config

PROBLEMS = {
    "changed": "entry {seq}: hash mismatch (its content, time, kind or position was changed)",
    "missing": "entries {span}: missing (deleted)",
    "relinked": "entry {seq}: does not follow the entry before it (that one changed or moved)",
    "head": "entry {seq}: the chain's recorded head names another last entry",
}


def cmd_verify(args: argparse.Namespace) -> int:
    from bot.learning import archive
    from bot.learning.archive_view import find_worker

    async def work(services: Any) -> tuple[int, list[archive.Finding]]:
        ids = None
        if args.worker:
            ids = [(await find_worker(args.worker, args.enterprise)).id]
        return await archive.verify(ids)

    checked, findings = cast(
        tuple[int, list[Any]], asyncio.run(_run(load_config(args.config), work))
    )
    for f in findings:
        what, _, span = f.problem.what.partition(":")
        text = PROBLEMS[what].format(seq=f.problem.seq, span=span)
        print(f"worker {f.employee_no}: {text}")
    print(f"{checked} chains checked, {len(findings)} problems")
    return 1 if findings else 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.learning.archive_export import export

    if bool(args.worker) == bool(args.unit):
        raise SystemExit("give either --worker 工号 or --unit PATH")
    if args.unit and not args.enterprise:
        raise SystemExit("--unit needs --enterprise CODE")
    out = Path(args.out)
    count = asyncio.run(
        _run(
            load_config(args.config),
            lambda services: export(
                services,
                args.format,
                out,
                employee_no=args.worker,
                unit=args.unit,
                enterprise=args.enterprise,
            ),
        )
    )
    print(f"wrote the archive of {count} workers to {out}")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from bot.learning import archive, hours

    async def work(services: Any) -> tuple[int, int]:
        credited = await hours.credit_due(services, services.clock.today())
        return credited, await archive.bring_up_all(services)

    credited, added = cast(tuple[int, int], asyncio.run(_run(load_config(args.config), work)))
    print(f"{credited} 学时 credits and {added} archive entries added")
    return 0


def add_parsers(sub: Any, with_config: Callable[[Any], Any]) -> None:
    group = sub.add_parser("archive", help="the personal archive (一人一档)").add_subparsers(
        dest="archive", required=True
    )
    verify = with_config(
        group.add_parser("verify", help="recompute every chain; exit 1 on any problem")
    )
    verify.add_argument("--worker", default=None, help="one worker's 工号")
    verify.add_argument("--enterprise", default=None, help="the enterprise code, when 工号 repeat")
    verify.set_defaults(func=cmd_verify)
    exp = with_config(group.add_parser("export", help="a worker's or a unit's archive"))
    exp.add_argument("--worker", default=None, help="the worker's 工号")
    exp.add_argument("--unit", default=None, help="a unit's path, e.g. 一矿/综采一队")
    exp.add_argument("--enterprise", default=None, help="the enterprise code (needed with --unit)")
    exp.add_argument("--format", choices=["pdf", "xlsx"], required=True)
    exp.add_argument("--out", required=True, help="the file to write")
    exp.set_defaults(func=cmd_export)
    update = with_config(
        group.add_parser("update", help="credit 学时 due and append new records (as nightly)")
    )
    update.set_defaults(func=cmd_update)
