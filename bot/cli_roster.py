"""`anxun roster import | export | flag`: the 花名册 from the command line, with a progress bar
for big files and the same report as the admin API."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import Config, load_config
from bot.errors import AnxunError, InvalidInput
from content.copy import Copy

SHOWN_CHANGES = 50


async def _run(config: Config, work: Callable[[Any], Awaitable[object]]) -> object:
    from bot.app import services_for_cli
    from bot.storage import db

    await db.open_db(config.db.url)
    try:
        if not await db.is_migrated(config.db.url):
            raise AnxunError("the database is not set up; run `anxun db upgrade` first")
        async with services_for_cli(config) as services:
            return await work(services)
    finally:
        await db.close_db()


def cmd_import(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from bot.people.rosterplan import RosterReport
    from bot.people.rostersync import import_roster

    copy = Copy.load()
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(copy.t("roster.progress"), total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = asyncio.run(
            _run(
                load_config(args.config),
                lambda services: import_roster(
                    services,
                    args.enterprise,
                    Path(args.file),
                    partial=args.partial,
                    dry_run=args.dry_run,
                    progress=tick,
                    actor="cli",
                ),
            )
        )
    assert isinstance(report, RosterReport)
    print_report(report, copy)
    if report.dry_run:
        return 1 if report.problems else 0
    return 0 if report.applied else 1


def print_report(report: Any, copy: Copy) -> None:
    if report.sheets_read:
        print(copy.t("roster.sheets", sheets="、".join(report.sheets_read)))
    for sheet, why in report.sheets_skipped:
        print(copy.t("roster.skipped", sheet=sheet, why=why))
    for problem in report.problems:
        print(str(problem))
    for notice in report.notices:
        print(copy.t("import.notice", notice=str(notice)))
    print(
        copy.t(
            "roster.summary",
            rows=report.rows,
            problems=len(report.problems),
            notices=len(report.notices),
        )
    )
    if report.problems:
        print(copy.t("roster.by_reason"))
        for reason, rows in report.summary():
            print(copy.t("roster.reason_line", reason=reason, rows=rows))
    if report.dry_run:
        print(copy.t("roster.dry_run"))
    elif not report.applied:
        print(copy.t("roster.nothing_valid" if report.nothing_valid else "roster.nothing_written"))
        return
    _print_changes(report, copy)
    if report.applied:
        print(copy.t("roster.written"))


def _print_changes(report: Any, copy: Copy) -> None:
    for change in report.changes[:SHOWN_CHANGES]:
        kinds = [copy.t(f"roster.kind.{k}") for k in change["events"]]
        print(
            copy.t(
                "roster.change_line",
                action=copy.t(f"roster.{change['action']}"),
                employee_no=change["employee_no"],
                name=change["name"],
                changed="、".join(change["changed"]) if change["action"] == "update" else "",
                events=f"（{'、'.join(kinds)}）" if kinds else "",
            )
        )
    if len(report.changes) > SHOWN_CHANGES:
        print(copy.t("roster.more_changes", count=len(report.changes) - SHOWN_CHANGES))
    print(
        copy.t(
            "roster.counts",
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            absent=report.absent,
        )
    )
    if report.new_departments:
        names = "、".join(report.new_departments)
        print(copy.t("roster.departments", count=len(report.new_departments), names=names))
    if report.events:
        events = "、".join(f"{copy.t(f'roster.kind.{k}')} {n}" for k, n in report.events.items())
        print(copy.t("roster.events", events=events))


def cmd_export(args: argparse.Namespace) -> int:
    from bot.people.rosterexport import export_roster

    copy = Copy.load()
    out = Path(args.out)
    count = asyncio.run(
        _run(
            load_config(args.config),
            lambda services: export_roster(services, args.enterprise, out, args.reveal),
        )
    )
    masked = copy.t("roster.revealed" if args.reveal else "roster.masked")
    print(copy.t("roster.exported", count=count, path=out, masked=masked))
    return 0


def cmd_flag(args: argparse.Namespace) -> int:
    from bot.people.flags import flag_worker

    copy = Copy.load()
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise InvalidInput(f"--date {args.date!r}: write it as YYYY-MM-DD") from None
    result = asyncio.run(
        _run(
            load_config(args.config),
            lambda services: flag_worker(
                services,
                args.enterprise,
                args.employee_no,
                args.violation,
                day,
                args.reporter,
                source="cli",
                actor="cli",
            ),
        )
    )
    assert isinstance(result, tuple)
    created = bool(result[1])
    print(
        copy.t(
            "roster.flagged",
            employee_no=args.employee_no,
            violation=args.violation,
            date=day.isoformat(),
            reporter=args.reporter,
        )
        if created
        else copy.t("roster.flag_known")
    )
    return 0


def add_parsers(sub: Any, with_config: Callable[[Any], Any]) -> None:
    roster = sub.add_parser("roster", help="the roster (花名册)").add_subparsers(
        dest="roster", required=True
    )
    imp = with_config(roster.add_parser("import", help="check, then sync the roster from a file"))
    imp.add_argument("file", help="the 花名册: .xlsx, .xls or .csv (UTF-8 or GBK)")
    imp.add_argument("--enterprise", required=True, help="the enterprise code")
    imp.add_argument(
        "--partial", action="store_true", help="write the valid rows even if others have problems"
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="report what would change; write nothing"
    )
    imp.set_defaults(func=cmd_import)
    exp = with_config(roster.add_parser("export", help="write the roster as xlsx"))
    exp.add_argument("--enterprise", required=True, help="the enterprise code")
    exp.add_argument("--out", required=True, help="the .xlsx file to write")
    exp.add_argument(
        "--reveal", action="store_true", help="full ID numbers and phones (default: masked)"
    )
    exp.set_defaults(func=cmd_export)
    flag = with_config(roster.add_parser("flag", help="record a 三违 against a worker"))
    flag.add_argument("--enterprise", required=True, help="the enterprise code")
    flag.add_argument("--employee-no", required=True, help="the worker's 工号")
    flag.add_argument("--violation", required=True, help="what the violation was")
    flag.add_argument("--date", required=True, help="when it happened, YYYY-MM-DD")
    flag.add_argument("--reporter", required=True, help="who reported it")
    flag.set_defaults(func=cmd_flag)
