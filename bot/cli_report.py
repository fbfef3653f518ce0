"""`anxun report units|workers --campaign ID [--out FILE]`: the inspector's xlsx from the
command line, the same file as GET /admin/v1/reports/..."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli_roster import _run
from bot.config import load_config


def cmd_report(args: argparse.Namespace) -> int:
    from bot.campaigns.reports import write_campaign_report

    out = Path(args.out or f"campaign-{args.campaign}-{args.kind}.xlsx")
    rows = asyncio.run(
        _run(
            load_config(args.config),
            lambda services: write_campaign_report(services, args.campaign, args.kind, out),
        )
    )
    print(f"wrote {rows} rows to {out}")
    return 0


def add_parsers(sub: Any, with_config: Callable[[Any], Any]) -> None:
    report = with_config(sub.add_parser("report", help="a campaign's report as xlsx"))
    report.add_argument("kind", choices=["units", "workers"], help="one row per unit or worker")
    report.add_argument("--campaign", type=int, required=True, help="the campaign id")
    report.add_argument("--out", default=None, help="default: campaign-ID-KIND.xlsx")
    report.set_defaults(func=cmd_report)
