"""`anxun spot-test create|report`: draw a spot test (抽考) and read its result per unit."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.cli_roster import _run
from bot.config import load_config
from bot.errors import AnxunError, invalid_input


def _spec(args: argparse.Namespace) -> Any:
    from bot.campaigns.spottest import SpotSpec

    try:
        return SpotSpec(
            enterprise=args.enterprise,
            campaign=args.campaign,
            units=args.unit or [],
            margin=args.margin,
            line=args.line,
            expected=0.5 if args.worst_case else args.expected,
            deadline=args.deadline,
            questions=args.questions,
            pass_ratio=args.pass_ratio,
            time_limit_minutes=args.minutes,
            seed=args.seed,
            requested_by=args.requested_by,
        )
    except ValidationError as err:
        raise AnxunError(invalid_input(err, "--").message) from None


def cmd_create(args: argparse.Namespace) -> int:
    from bot.campaigns.spotreport import table
    from bot.campaigns.spottest import create_spot_test, spot_result

    spec = _spec(args)

    async def work(services: Any) -> list[str]:
        spot = await create_spot_test(services, spec)
        found = await spot_result(services, await _load(services, spot.id))
        return [f"spot test {spot.id} created (seed {spot.seed})", *table(services, found)]

    print("\n".join(asyncio.run(_run(load_config(args.config), work))))  # type: ignore[arg-type]
    return 0


async def _load(services: Any, spot_id: int) -> Any:
    from bot.campaigns.spottest import find_spot_test

    return await find_spot_test(services, spot_id, None)


def cmd_report(args: argparse.Namespace) -> int:
    from bot.campaigns.spotreport import table, write_spot_report
    from bot.campaigns.spottest import spot_result

    async def work(services: Any) -> list[str]:
        found = await spot_result(services, await _load(services, args.id), args.method)
        lines = table(services, found)
        if args.out:
            await write_spot_report(services, found, Path(args.out))
            lines.append(f"wrote {args.out}")
        return lines

    print("\n".join(asyncio.run(_run(load_config(args.config), work))))  # type: ignore[arg-type]
    return 0


def add_parsers(sub: Any, with_config: Callable[[Any], Any]) -> None:
    spot = sub.add_parser("spot-test", help="spot tests (抽考)").add_subparsers(
        dest="spot", required=True
    )
    create = with_config(spot.add_parser("create", help="draw a stratified sample and call it"))
    scope = create.add_mutually_exclusive_group(required=True)
    scope.add_argument("--campaign", type=int, help="draw from this campaign's workers")
    scope.add_argument(
        "--unit", action="append", help="draw from this unit (path or code) and below; repeatable"
    )
    create.add_argument("--enterprise", help="the enterprise code (needed with --unit)")
    create.add_argument("--margin", type=float, required=True, help="e.g. 0.1 for ±10 points")
    create.add_argument("--deadline", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    create.add_argument("--line", type=float, default=0.9, help="the pass-rate line (0.9)")
    create.add_argument("--expected", type=float, help="pass rate assumed for sizing (the line)")
    create.add_argument(
        "--worst-case", action="store_true", help="size for p = 0.5 (the largest samples)"
    )
    create.add_argument("--questions", type=int, default=10)
    create.add_argument("--pass", dest="pass_ratio", type=float, default=0.8, help="pass mark")
    create.add_argument("--minutes", type=int, default=20, help="time limit")
    create.add_argument("--seed", help="reproduce a draw (default: a random one, printed)")
    create.add_argument("--requested-by", default="", help="e.g. 'inspector 张三'")
    create.set_defaults(func=cmd_create)
    report = with_config(spot.add_parser("report", help="a spot test's result per unit"))
    report.add_argument("id", type=int)
    report.add_argument("--method", choices=["wilson", "exact"], default="wilson")
    report.add_argument("--out", help="also write it as xlsx")
    report.set_defaults(func=cmd_report)
