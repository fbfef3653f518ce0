"""The inspector's reports as xlsx: one row per unit, or one row per enrolled worker, under a
header block naming the enterprise, the campaign, its dates and when the file was made.

Invariant: the figures are the dashboard's (bot/campaigns/unitstats.py, unitrows.py), never
recomputed here; no ID number or phone is in either file; every string is written as text, so a
name or a unit beginning with = is never a formula.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.context import Services
from bot.errors import NotFound
from bot.people.rules.roster import EMPLOYMENT_NAMES
from bot.storage.models import Campaign

from .rules.rollup import UnitCounts
from .unitrows import WorkerRow, worker_rows
from .unitstats import Scope, load_scope, total, unit_counts

UNIT_COLUMNS = ["单位", "在岗人数", "已绑定", "覆盖率", "参训人数", "已完成", "完成率"]
UNIT_COLUMNS += ["答题合格率", "未完成"]
WORKER_COLUMNS = ["工号", "姓名", "单位", "工种", "用工形式", "绑定级别", "已读卡片", "卡片总数"]
WORKER_COLUMNS += ["答题合格次数", "完成时间", "完成时身份级别", "状态"]
KINDS = ("units", "workers")


def level_text(level: int | None) -> str:
    return f"{level} 级" if level else "未绑定"


def status_text(row: WorkerRow) -> str:
    if row.status == "complete":
        return "已完成"
    return "已逾期" if row.days_left < 0 else "未完成"


def unit_values(label: str, c: UnitCounts) -> list[Any]:
    values: list[Any] = [label, c.head, c.bound, c.coverage, c.enrolled, c.completed]
    return [*values, c.completion, c.pass_rate, c.late]


def worker_values(row: WorkerRow) -> list[Any]:
    done = row.completed_at.strftime("%Y-%m-%d %H:%M") if row.completed_at else ""
    return [
        row.employee_no,
        row.name,
        row.unit,
        row.job,
        EMPLOYMENT_NAMES.get(row.employment_type, row.employment_type),
        level_text(row.bound_level),
        row.cards_read,
        row.cards_total,
        row.quizzes_passed,
        done,
        level_text(row.completed_level) if row.status == "complete" else "",
        status_text(row),
    ]


async def report_scope(services: Services, campaign_id: int, enterprise: str | None) -> Scope:
    """The campaign's scope; NotFound for a campaign of another enterprise than `enterprise`
    (None: any), answered exactly as a missing one."""
    campaign = await Campaign.get_or_none(id=campaign_id).select_related("enterprise")
    if campaign is None or enterprise not in (None, campaign.enterprise.code):
        raise NotFound(f"no campaign {campaign_id}")
    return await load_scope(services, campaign.enterprise, campaign.id)


async def report_rows(scope: Scope, kind: str) -> tuple[list[str], list[list[Any]]]:
    if kind == "units":
        counts = await unit_counts(scope, None)
        rows = [unit_values(scope.enterprise.name, total(scope, counts, None))]
        labels = sorted((scope.label(d), d) for d in counts)
        return UNIT_COLUMNS, rows + [unit_values(label, counts[d]) for label, d in labels]
    return WORKER_COLUMNS, [worker_values(r) for r in await worker_rows(scope, scope.subtree(None))]


def header_block(services: Services, scope: Scope, kind: str) -> list[list[str]]:
    campaign = scope.campaigns[0]
    made = services.clock.local_now().strftime("%Y-%m-%d %H:%M")
    title = "各单位培训完成情况" if kind == "units" else "人员培训明细"
    return [
        [f"{scope.enterprise.name} {title}"],
        ["企业", scope.enterprise.name],
        ["培训任务", campaign.name],
        ["起止日期", f"{campaign.start_date.isoformat()} 至 {campaign.deadline.isoformat()}"],
        ["生成时间", made],
        ["说明", "不含身份证号；覆盖率 = 已绑定 / 在岗人数；完成率 = 已完成 / 参训人数"],
        [],
    ]


def write_report(
    path: Path, head: list[list[str]], columns: list[str], rows: list[list[Any]]
) -> None:
    """The sheet, cell by cell with XlsxWriter's typed writes (faster than openpyxl's write-only
    mode and than XlsxWriter's own constant-memory mode; a report fits in memory).
    Every string is written as text, so a value beginning with = is never a formula; rates carry
    a percent format."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("报表")
    percent = book.add_format({"num_format": "0.0%"})
    rates = {i for i, c in enumerate(columns) if c.endswith("率")}
    for r, values in enumerate([*head, columns, *rows]):
        is_data = r > len(head)
        for c, value in enumerate(values):
            if isinstance(value, str):
                if value:  # an empty one stays a blank cell
                    sheet.write_string(r, c, value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, c, value, percent if is_data and c in rates else None)
            elif value is not None:
                sheet.write_string(r, c, str(value))
    book.close()


async def write_campaign_report(
    services: Services, campaign_id: int, kind: str, path: Path, enterprise: str | None = None
) -> int:
    """Write the `kind` report ("units" or "workers") of the campaign to `path`; row count."""
    scope = await report_scope(services, campaign_id, enterprise)
    columns, rows = await report_rows(scope, kind)
    await asyncio.to_thread(write_report, path, header_block(services, scope, kind), columns, rows)
    return len(rows)
