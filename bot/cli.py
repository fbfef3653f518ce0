"""The `anxun` command: serve, demo, database setup, sample data, content import and export,
the roster (bot/cli_roster.py), campaigns and their reports (bot/cli_report.py), the simulator."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from aiohttp import web

from bot.config import Config, load_config
from bot.errors import AnxunError

if TYPE_CHECKING:
    from bot.learning.library import ImportReport
    from content.copy import Copy

log = logging.getLogger("anxun")


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.app import create_app

    config = _config(args)
    try:
        import uvloop

        loop_factory = uvloop.new_event_loop
    except ImportError:
        loop_factory = None
    web.run_app(
        create_app(config),
        loop=loop_factory() if loop_factory else None,
        host=config.server.host,
        port=config.server.port,
        access_log=None,
        print=lambda msg: log.info("%s", msg),
    )
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bot.storage import db

    config = _config(args)
    applied = asyncio.run(db.upgrade(config.db.url))
    print(f"database {db.dialect(config.db.url)}: applied {applied or 'nothing (up to date)'}")
    return 0


def cmd_db_makemigrations(args: argparse.Namespace) -> int:
    from bot.storage import db

    written = asyncio.run(db.make_migration(args.url, args.name))
    print(f"migration for {db.dialect(args.url)}: {written or 'no changes'}")
    return 0


async def _with_db(config: Config, work) -> object:  # type: ignore[no-untyped-def]
    from bot.storage import db

    await db.open_db(config.db.url)
    try:
        if not await db.is_migrated(config.db.url):
            raise AnxunError("the database is not set up; run `anxun db upgrade` first")
        return await work()
    finally:
        await db.close_db()


def cmd_sample_load(args: argparse.Namespace) -> int:
    from bot.people.privacy import Privacy
    from bot.simulator.seed import load_sample

    config = _config(args)
    privacy = Privacy(config.privacy.key.get_secret_value())
    ent = asyncio.run(_with_db(config, lambda: load_sample(privacy)))
    print(f"loaded the sample enterprise {ent.code} ({ent.name}) and the content library")  # type: ignore[attr-defined]
    return 0


def cmd_content_import(args: argparse.Namespace) -> int:
    from bot.learning.library import import_content
    from content.copy import Copy

    copy = Copy.load()
    config = _config(args)
    last = {"at": 0.0}

    def progress(name: str, rows: int) -> None:
        if rows % 500 == 0 and time.monotonic() - last["at"] > 0.5:
            last["at"] = time.monotonic()
            print(copy.t("import.progress", file=name, rows=rows), file=sys.stderr, flush=True)

    async def work() -> object:
        from bot.app import services_for_cli

        async with services_for_cli(config) as services:
            return await import_content(
                args.enterprise,
                [Path(p) for p in args.paths],
                partial=args.partial,
                progress=progress,
                services=services,
                job=args.job,
            )

    report = asyncio.run(_with_db(config, work))
    from bot.learning.library import ImportReport

    assert isinstance(report, ImportReport)
    for problem in report.problems:
        print(str(problem))
    for notice in report.notices:
        print(copy.t("import.notice", notice=str(notice)))
    for line in report_lines(report, copy):
        print(line)
    summary = copy.t(
        "import.summary", files=len(report.files), rows=report.rows, problems=len(report.problems)
    )
    print(summary)
    if not report.applied:
        print(copy.t("import.nothing_valid" if report.nothing_valid else "import.nothing_written"))
        return 1
    print(
        copy.t(
            "import.written",
            cards_new=report.cards.created,
            cards_changed=report.cards.updated,
            questions_new=report.questions.created,
            questions_changed=report.questions.updated,
            rechecked=report.cards.rechecked + report.questions.rechecked,
            unchanged=report.cards.unchanged + report.questions.unchanged,
        )
    )
    if report.notified:
        print(copy.t("import.notified", count=report.notified))
    return 0


def report_lines(report: ImportReport, copy: Copy) -> list[str]:
    """Which sheets were read, the default job, and rows per reason (the end of a long list)."""
    lines = []
    for sheets in report.sheets:
        if sheets.read:
            lines.append(
                copy.t("reader.sheets_read", file=sheets.file, sheets="、".join(sheets.read))
            )
        if sheets.skipped:
            skipped = "、".join(
                copy.t("reader.skipped_sheet", sheet=s, why=w) for s, w in sheets.skipped
            )
            lines.append(copy.t("reader.sheets_skipped", file=sheets.file, sheets=skipped))
    if report.default_job is not None:
        lines.append(copy.t("reader.default_job", job=report.default_job_name))
    summary = report.summary()
    if summary["problems"] or summary["notices"]:
        lines.append(copy.t("reader.summary"))
        for kind, key in (("problems", "summary_problem"), ("notices", "summary_notice")):
            lines += [copy.t(f"reader.{key}", reason=r, rows=n) for r, n in summary[kind]]
    return lines


def cmd_content_export(args: argparse.Namespace) -> int:
    from bot.learning.library import export_bank
    from content.copy import Copy

    config = _config(args)
    count = asyncio.run(
        _with_db(config, lambda: export_bank(args.enterprise, Path(args.out), args.job))
    )
    print(Copy.load().t("import.exported", count=count, path=args.out))
    return 0


def cmd_content_cites(args: argparse.Namespace) -> int:
    from bot.learning import cites
    from content.copy import Copy

    copy = Copy.load()

    async def work() -> tuple[list[str], bool]:
        if args.enterprise:
            items, names = await cites.enterprise_items(args.enterprise)
            scope = copy.t("cites.enterprise", code=args.enterprise)
        else:
            items, names = cites.library_items()
            scope = copy.t("cites.library")
        out = Path(args.out) if args.out else None
        return await cites.listing(
            items,
            names,
            regulation=args.regulation,
            edition=args.edition,
            scope=scope,
            copy=copy,
            out=out,
        )

    if args.enterprise:
        lines, found = cast(tuple[list[str], bool], asyncio.run(_with_db(_config(args), work)))
    else:
        lines, found = asyncio.run(work())  # the shipped library: no database needed
    print("\n".join(lines))
    return 0 if found else 1


def cmd_campaign_create(args: argparse.Namespace) -> int:
    from bot.app import services_for_cli
    from bot.campaigns.spec import CampaignSpec, create_campaign

    config = _config(args)
    try:
        spec = CampaignSpec.model_validate(json.loads(Path(args.file).read_text(encoding="utf-8")))
    except (OSError, ValueError) as err:
        raise AnxunError(f"{args.file}: {err}") from None
    if args.allow_past_start:
        spec = spec.model_copy(update={"allow_past_start": True})

    async def work() -> object:
        async with services_for_cli(config) as services:
            campaign = await create_campaign(services, spec)
            return campaign.id

    campaign_id = asyncio.run(_with_db(config, work))
    print(f"campaign {campaign_id} created; running schedulers pick it up within a minute")
    return 0


def cmd_wechat_menu(args: argparse.Namespace) -> int:
    import aiohttp

    from bot.app import services_for_cli
    from bot.chat.router import Dispatcher
    from bot.wechat.client import WeChatClient
    from bot.wechat.menu import MENU_FILE, load_menu
    from handlers.chat import routers

    config = _config(args)
    if config.account(args.account) is None:
        known = [a.name for a in config.accounts]
        raise AnxunError(f"no account {args.account!r} in {args.config} (accounts: {known})")
    menu = load_menu(
        Path(args.file) if args.file else MENU_FILE, Dispatcher(routers()).click_keys()
    )

    async def publish() -> None:
        async with services_for_cli(config) as services, aiohttp.ClientSession() as session:
            client = WeChatClient(config.wechat, config.accounts, services.redis, session)
            await client.menu.create(args.account, menu)

    asyncio.run(publish())
    print(f"menu published to {args.account}: {' / '.join(b['name'] for b in menu['button'])}")
    return 0


def cmd_simulator(args: argparse.Namespace) -> int:
    from bot.simulator import WeChatSimulator

    async def run() -> None:
        sim = await WeChatSimulator(args.host, args.port).start()
        print(f"WeChat simulator on {sim.base_url} (log: GET {sim.base_url}/sim/log)", flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await sim.stop()

    asyncio.run(run())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.simulator.demo import run_demo

    try:
        script = Path(args.script).read_text(encoding="utf-8").splitlines() if args.script else None
    except (OSError, UnicodeDecodeError) as err:
        raise AnxunError(f"--script {args.script}: cannot read it ({err})") from None
    return asyncio.run(run_demo(script=script))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="anxun", description="安训 — safety training through WeChat"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--config", default="config.toml", help="path to config.toml")
        return p

    with_config(sub.add_parser("serve", help="run the server")).set_defaults(func=cmd_serve)
    demo = sub.add_parser("demo", help="interactive demo on the embedded defaults")
    demo.add_argument("--script", help="read the worker's lines from FILE instead of the terminal")
    demo.set_defaults(func=cmd_demo)

    database = sub.add_parser("db", help="database setup").add_subparsers(dest="db", required=True)
    with_config(database.add_parser("upgrade", help="create or migrate the schema")).set_defaults(
        func=cmd_db_upgrade
    )
    mk = database.add_parser("makemigrations", help="(developers) write a migration per dialect")
    mk.add_argument("--url", required=True, help="a database of the dialect to generate for")
    mk.add_argument("--name", default="update")
    mk.set_defaults(func=cmd_db_makemigrations)

    sample = sub.add_parser("sample", help="sample data").add_subparsers(
        dest="sample", required=True
    )
    with_config(sample.add_parser("load", help="load the sample mine and library")).set_defaults(
        func=cmd_sample_load
    )

    content = sub.add_parser("content", help="cards and question banks").add_subparsers(
        dest="content", required=True
    )
    imp = with_config(content.add_parser("import", help="check, then load cards and banks"))
    imp.add_argument("paths", nargs="+", help="card .md files, .xlsx/.csv/.yaml banks, folders")
    imp.add_argument("--enterprise", required=True, help="the enterprise code")
    imp.add_argument(
        "--partial", action="store_true", help="load the valid items even if others have problems"
    )
    imp.add_argument(
        "--job", default=None, help="the job (code, name or alias) for a blank or missing 工种"
    )
    imp.set_defaults(func=cmd_content_import)
    exp = with_config(content.add_parser("export", help="write a question bank as xlsx"))
    exp.add_argument("--enterprise", required=True, help="the enterprise code")
    exp.add_argument("--out", required=True, help="the .xlsx file to write")
    exp.add_argument("--job", default=None, help="only this job's questions (its code)")
    exp.set_defaults(func=cmd_content_export)
    cit = with_config(
        content.add_parser("cites", help="list the cards and questions citing a regulation")
    )
    cit.add_argument("regulation", help="its name as cited, e.g. 煤矿安全规程 or GB 6222")
    cit.add_argument("--edition", default=None, help="only items checked against this edition")
    cit.add_argument(
        "--enterprise", default=None, help="an enterprise's stored content (default: the library)"
    )
    cit.add_argument("--out", default=None, help="write the list to this .xlsx file")
    cit.set_defaults(func=cmd_content_cites)

    campaign = sub.add_parser("campaign", help="campaigns").add_subparsers(
        dest="campaign", required=True
    )
    create = with_config(campaign.add_parser("create", help="create a campaign from a JSON file"))
    create.add_argument("file", help="JSON with the fields of POST /admin/v1/campaigns")
    create.add_argument(
        "--allow-past-start",
        action="store_true",
        help="accept a start_date before today (the campaign starts pushing at once)",
    )
    create.set_defaults(func=cmd_campaign_create)

    wechat = sub.add_parser("wechat", help="WeChat account setup").add_subparsers(
        dest="wechat", required=True
    )
    menu = with_config(wechat.add_parser("menu", help="publish the custom menu"))
    menu.add_argument("--account", required=True, help="the [[accounts]] name")
    menu.add_argument("--file", help="menu TOML (default: content/wechat/menu.toml)")
    menu.set_defaults(func=cmd_wechat_menu)

    from bot import cli_archive, cli_report, cli_roster, cli_spot

    cli_roster.add_parsers(sub, with_config)
    cli_report.add_parsers(sub, with_config)
    cli_spot.add_parsers(sub, with_config)
    cli_archive.add_parsers(sub, with_config)

    simulator = sub.add_parser("simulator", help="run the fake WeChat API server")
    simulator.add_argument("--host", default="127.0.0.1")
    simulator.add_argument("--port", type=int, default=9000)
    simulator.set_defaults(func=cmd_simulator)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet = {"demo": logging.WARNING}  # the demo's terminal is for the chat
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else quiet.get(args.command, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:  # APScheduler logs every run of the 10-second resync at INFO
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except AnxunError as err:
        print(f"anxun: {err.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
