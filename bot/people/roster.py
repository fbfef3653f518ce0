"""Roster import (花名册), the checking half: read the file through the one table reader,
check every row against the file itself and against the database, and plan the sync — who is
added, what changes, which workforce events that records — without writing anything.
bot/people/rostersync.py writes a plan in one transaction; a plan with problems is written only
when the caller asked for a partial import, and then without the rows that have them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.context import Services
from bot.people.jobs import JobCatalogue
from bot.people.org import OrgTree
from bot.people.rosterplan import Planned, Planner, RosterReport
from bot.people.rules.roster import parse_row
from bot.storage.models import Worker
from content.tables import Schema, TableFile, read_table_file

ROSTER = Schema(
    title="花名册",
    columns=(
        "工号",
        "姓名",
        "身份证号",
        "手机号",
        "部门",
        "单位",
        "车间",
        "班组",
        "工种",
        "用工形式",
        "入职日期",
        "状态",
        "状态日期",
        "是否班组长",
        "三违",
        "三违日期",
    ),
    synonyms={
        "工号": ("员工编号", "员工号", "职工编号", "职工号", "人员编号", "工作证号", "编号"),
        "姓名": ("员工姓名", "职工姓名", "人员姓名", "名字"),
        "身份证号": (
            "身份证",
            "身份证号码",
            "证件号码",
            "证件号",
            "公民身份号码",
            "身份证件号码",
        ),
        "手机号": ("手机", "手机号码", "联系电话", "电话", "联系方式", "移动电话"),
        "部门": ("所属部门", "部门路径", "组织", "所在部门", "组织机构", "部门/班组"),
        "单位": ("公司", "所属单位", "二级单位", "矿井", "厂"),
        "车间": ("区队", "工区", "科室", "车间/区队", "所属车间"),
        "班组": ("班", "小组", "所属班组"),
        "工种": ("岗位", "岗位/工种", "工种/岗位", "工作岗位", "职务"),
        "用工形式": ("用工类型", "用工性质", "人员类型", "员工类型", "用工方式", "人员性质"),
        "入职日期": ("入职时间", "进厂日期", "入矿日期", "入矿时间", "入厂日期", "到岗日期"),
        "状态": ("在岗状态", "人员状态", "员工状态", "在职状态"),
        "状态日期": ("状态变更日期", "变动日期", "离岗日期"),
        "是否班组长": ("班组长", "是否班长", "是否组长"),
        "三违": ("三违记录", "三违情况", "违章", "违章情况", "违章行为"),
        "三违日期": ("违章日期", "违章时间"),
    },
    required=("工号", "姓名", "身份证号", "工种"),
    anchor=("姓名", "工号"),
)
DEPARTMENT_COLUMNS = ("部门", "单位", "车间", "班组")
Progress = Callable[[int, int], None]


@dataclass
class Checked:
    report: RosterReport
    plans: list[Planned]
    departments: set[tuple[str, ...]]  # paths to create


def read_roster(path: Path) -> TableFile:
    return read_table_file(path, ROSTER)


def check_roster(
    services: Services,
    table: TableFile,
    tree: OrgTree,
    jobs: JobCatalogue,
    workers: list[Worker],
    report: RosterReport,
    flagged: dict[tuple[str, str], set[date]],
    progress: Progress | None = None,
) -> Checked:
    """Check every row and plan the sync. `workers` are the enterprise's current workers."""
    report.sheets_read, report.sheets_skipped = table.sheets_read, table.sheets_skipped
    report.problems.extend(table.problems)
    planner = Planner(services, table, tree, jobs, workers, report, flagged)
    today = services.clock.today()
    total = len(table.rows)
    missing_department = {
        r.sheet for r in table.rows if not set(DEPARTMENT_COLUMNS) & set(r.titles)
    }
    for sheet in sorted(missing_department):
        planner.problem(sheet, None, "表头", "缺少部门列：请有「部门」列，或「单位/车间/班组」列")
    for done, row in enumerate(table.rows, 1):
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
        report.rows += 1
        if row.sheet in missing_department:
            continue
        planner.row(row, today, parse_row)
    planner.finish()
    return Checked(report, planner.plans, planner.new_paths)
