"""The roster sync, planned row by row: each valid row compared with the stored worker of the
same 工号, the columns that change, and the workforce events the change records (hired,
job_changed, moved, left, returned, flagged), each keyed by (enterprise, 工号, what, date) so
a re-import or a replay records nothing twice. Duplicates are judged on the roster as it will
be after the sync (the file's rows over the stored workers), so the order of rows never matters.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.context import Services
from bot.people.jobs import JobCatalogue
from bot.people.org import OrgTree
from bot.people.rules.roster import RosterRecord, plain
from bot.storage.models import Worker
from content.loader import Problem
from content.tables import Row, TableFile

Path = tuple[str, ...]
Event = tuple[str, date, dict[str, Any]]
AWAY = ("away", "leave", "left")


@dataclass
class Planned:
    """One valid row and what it does: `worker` None means a new worker."""

    record: RosterRecord
    row: Row
    worker: Worker | None
    id_hash: str
    phone_hash: str | None
    changed: list[str] = field(default_factory=list)  # columns whose value changes
    events: list[Event] = field(default_factory=list)


@dataclass
class RosterReport:
    file: str
    dry_run: bool = False
    partial: bool = False
    sheets_read: list[str] = field(default_factory=list)
    sheets_skipped: list[tuple[str, str]] = field(default_factory=list)
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    absent: int = 0  # workers of the enterprise this file does not list (left as they are)
    new_departments: list[str] = field(default_factory=list)
    events: Counter[str] = field(default_factory=Counter)
    changes: list[dict[str, object]] = field(default_factory=list)
    applied: bool = False
    nothing_valid: bool = False

    def summary(self) -> list[tuple[str, int]]:
        """Problems counted by reason, most frequent first: 「身份证号校验位不对」 412."""
        counted = Counter(f"{p.column}：{reason_kind(p.reason)}" for p in self.problems)
        return counted.most_common()


def reason_kind(reason: str) -> str:
    """A reason without the value it quotes: the part before 「, a comma or a colon."""
    for i, ch in enumerate(reason):
        if ch in "「，：,:（(":
            return reason[:i].strip() or reason
    return reason


def event_key(enterprise_id: int, employee_no: str, kind: str, day: date, detail: str = "") -> str:
    tail = hashlib.sha256(detail.encode()).hexdigest()[:16] if detail else ""
    return f"{kind}:{enterprise_id}:{employee_no}:{day.isoformat()}:{tail}"


def detail(kind: str, data: dict[str, object]) -> str:
    """What makes two events of one kind on one day different (a flag's violation, a move's
    target); empty where one a day is all there can be."""
    if kind == "flagged":
        return str(data.get("violation", ""))
    if kind in ("job_changed", "moved"):
        return f"{data.get('from')}>{data.get('to')}"
    return ""


Parse = Callable[..., RosterRecord | None]


class Planner:
    def __init__(
        self,
        services: Services,
        table: TableFile,
        tree: OrgTree,
        jobs: JobCatalogue,
        workers: list[Worker],
        report: RosterReport,
        flagged: dict[tuple[str, str], set[date]],
    ) -> None:
        self.privacy, self.table, self.tree, self.jobs = services.privacy, table, tree, jobs
        self.report = report
        self.flagged = flagged  # (工号, violation) → the dates already recorded
        self.workers = workers
        self.by_no = {w.employee_no: w for w in workers}
        self.job_codes = {job.id: code for code, job in jobs.rows.items()}
        self.rows_by_no: dict[str, Row] = {}
        self.parsed: list[Planned] = []
        self.new_paths: set[Path] = set()
        self.plans: list[Planned] = []

    def _add(self, to: list[Problem], row: Row | None, column: str, reason: str) -> None:
        sheet = row.sheet if row is not None and self.table.several else ""
        number = row.number if row is not None else None
        to.append(Problem(self.table.name, number, column, reason, sheet))

    def problem(self, sheet: str, number: int | None, column: str, reason: str) -> None:
        self.report.problems.append(
            Problem(self.table.name, number, column, reason, sheet if self.table.several else "")
        )

    def title(self, row: Row, column: str) -> str:
        if column == "部门" and "部门" not in row.titles:
            present = [row.titles[c] for c in ("单位", "车间", "班组") if c in row.titles]
            return "/".join(present) or column
        return row.titles.get(column, column)

    def row(self, row: Row, today: date, parse: Parse) -> None:
        problems, notices = self.report.problems, self.report.notices
        if row.hidden:
            why = f"第{row.number}行是隐藏行：请取消隐藏、确认后再导入，或删除该行"
            self._add(problems, row, "行", why)
            return
        for column, why in row.refused.items():
            self._add(problems, row, self.title(row, column), why)
        for column, note in row.notes.items():
            self._add(notices, row, self.title(row, column), note)
        if row.refused:
            return
        found: list[str] = []

        def bad(column: str, why: str) -> None:
            found.append(column)
            self._add(problems, row, self.title(row, column), why)

        number = plain(row.values.get("工号", "")).upper()
        first = self.rows_by_no.setdefault(number, row) if number else row
        if first is not row:
            bad("工号", f"与{self._at(first, row)}工号重复")
        record = parse(row.values, self.jobs.code, self.jobs.nearest, today, bad)
        if record is None or found:
            return
        worker = self.by_no.get(record.employee_no)
        phone_hash = self.privacy.blind(record.phone) if record.phone else None
        plan = Planned(record, row, worker, self.privacy.blind(record.id_number), phone_hash)
        self.parsed.append(plan)  # duplicates are judged over every readable row
        if not self._department(row, record.department):
            return
        if worker is not None and worker.id_number_hash != plan.id_hash:
            if worker.name != record.name:
                why = (
                    f"工号 {record.employee_no} 在系统中是另一人（{worker.name}），"
                    "姓名和身份证号都不同：工号不能给另一个人用，请核对工号"
                )
                bad("工号", why)
                return
            self._add(
                notices, row, self.title(row, "身份证号"), "身份证号与系统中的不同，已按文件更正"
            )
        self._compare(plan, today)
        self.plans.append(plan)

    def _at(self, first: Row, here: Row) -> str:
        if first.sheet == here.sheet:
            return f"第{first.number}行"
        return f"工作表「{first.sheet}」第{first.number}行"

    def _department(self, row: Row, path: Path) -> bool:
        if path in self.tree.by_path or path in self.new_paths:
            return True
        found = self.tree.check(path, self.new_paths)
        label = "/".join(path)
        if found is not None and found[0] == "twin":
            why = (
                f"部门「{label}」与已有的「{found[1]}」是同一名称的不同写法：请改成「{found[1]}」；"
                "如确是另一个部门，请改用能明显区分的名称"
            )
            self._add(self.report.problems, row, self.title(row, "部门"), why)
            return False
        if found is not None:
            why = (
                f"新部门「{label}」与已有的「{found[1]}」只差一个字，"
                "请确认不是笔误（已按新部门导入）"
            )
            self._add(self.report.notices, row, self.title(row, "部门"), why)
        for depth in range(1, len(path) + 1):
            if path[:depth] not in self.tree.by_path:
                self.new_paths.add(path[:depth])
        return True

    def _compare(self, plan: Planned, today: date) -> None:
        r, w = plan.record, plan.worker
        if w is None:
            if r.status != "left":
                data = {"job": r.job, "department": "/".join(r.department)}
                data["employment_type"] = r.employment_type
                plan.events.append(("hired", r.hire_date or today, data))
            plan.changed = list(TRACKED_COLUMNS)
        else:
            plan.changed = [c for c, differs in self._differences(plan) if differs]
            self._status_events(plan, today)
            old_job = self.job_codes.get(w.job_id, "")
            if r.job != old_job:
                data = {"from": old_job, "from_name": self.jobs.name(old_job)}
                plan.events.append(
                    ("job_changed", today, data | {"to": r.job, "to_name": self.jobs.name(r.job)})
                )
            old_path = (
                self.tree.label(w.department_id) if w.department_id in self.tree.by_id else ""
            )
            if "/".join(r.department) != old_path:
                plan.events.append(
                    ("moved", today, {"from": old_path, "to": "/".join(r.department)})
                )
        if r.violation:
            # an undated violation is the same one however often the file is imported
            known = self.flagged.get((r.employee_no, r.violation), set())
            day = r.violation_date or today
            if not (known and (r.violation_date is None or day in known)):
                data = {"violation": r.violation, "reporter": self.table.name}
                plan.events.append(("flagged", day, data))

    def _differences(self, plan: Planned) -> list[tuple[str, bool]]:
        r, w = plan.record, plan.worker
        assert w is not None
        old_path = self.tree.label(w.department_id) if w.department_id in self.tree.by_id else ""
        return [
            ("姓名", r.name != w.name),
            ("身份证号", plan.id_hash != w.id_number_hash),
            ("手机号", plan.phone_hash is not None and plan.phone_hash != w.phone_hash),
            ("部门", "/".join(r.department) != old_path),
            ("工种", r.job != self.job_codes.get(w.job_id, "")),
            ("用工形式", r.employment_type != w.employment_type),
            ("入职日期", r.hire_date is not None and r.hire_date != w.hire_date),
            ("状态", r.status != w.status),
            ("是否班组长", r.is_supervisor != w.is_supervisor),
        ]

    def _status_events(self, plan: Planned, today: date) -> None:
        r, w = plan.record, plan.worker
        assert w is not None
        if r.status == w.status:
            return
        day = r.status_date or today
        if r.status == "left":
            plan.events.append(("left", day, {"from_status": w.status}))
        elif r.status == "active" and w.status in AWAY:
            since = w.status_since
            days = (day - since).days if since is not None else None
            data = {"from_status": w.status, "since": since.isoformat() if since else None}
            plan.events.append(("returned", day, data | {"days_away": days}))

    def finish(self) -> None:
        """Duplicate ID numbers and phones on the roster as it will be; workers not listed."""
        listed = set(self.rows_by_no)
        stored = [w for w in self.workers if w.employee_no not in listed]
        bad: set[int] = set()  # id() of the plans refused here
        for column, key, stored_key in (
            ("身份证号", lambda p: p.id_hash, lambda w: w.id_number_hash),
            ("手机号", lambda p: p.phone_hash, lambda w: w.phone_hash),
        ):
            owners: dict[str, Worker | Planned] = {
                stored_key(w): w for w in stored if stored_key(w) and w.status != "left"
            }
            for plan in self.parsed:
                value = key(plan)
                if value is None and column == "手机号" and plan.worker is not None:
                    value = plan.worker.phone_hash  # a blank phone keeps the stored one
                if not value:
                    continue
                first = owners.setdefault(value, plan)
                if first is plan:
                    continue
                bad.add(id(plan))
                self._add(
                    self.report.problems,
                    plan.row,
                    self.title(plan.row, column),
                    _dup(column, first, plan, self),
                )
        self.plans = [p for p in self.plans if id(p) not in bad]
        order = {sheet: i for i, sheet in enumerate(self.table.sheets_read)}
        self.report.problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
        self.report.absent = sum(1 for w in stored if w.status != "left")
        self.report.new_departments = sorted("/".join(p) for p in self.new_paths)


TRACKED_COLUMNS = (
    "姓名",
    "身份证号",
    "手机号",
    "部门",
    "工种",
    "用工形式",
    "入职日期",
    "状态",
    "是否班组长",
)


def _dup(column: str, first: Worker | Planned, here: Planned, planner: Planner) -> str:
    if isinstance(first, Planned):
        where = planner._at(first.row, here.row)
        if column == "手机号":
            return f"与{where}手机号相同：手机号用于实名绑定，每人须不同；没有手机号的请留空"
        return f"与{where}身份证号相同：同一人只能有一行"
    who = f"系统中工号 {first.employee_no}（{first.name}）"
    if column == "手机号":
        return f"与{who}的手机号相同：手机号用于实名绑定，每人须不同；请核对"
    return f"与{who}的身份证号相同：同一人不能有两个工号；如此人换了工号，请继续使用原工号"
