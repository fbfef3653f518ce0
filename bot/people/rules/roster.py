"""One 花名册 row → a roster record, checked column by column the way a clerk typed it:
full-width digits and spaces, ID numbers with a lower-case x, phones with +86 and dashes,
dates in any of the usual spellings. Nothing is guessed: a value a person could read two
ways is refused with what to do. Pure: no database, no files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.people.rules.idcard import is_valid
from content.tables import plain

EMPLOYMENT = {
    "regular": ("正式", "正式工", "正式员工", "在编", "合同制", "全职", "固定工"),
    "contract": ("合同工", "劳动合同", "聘用"),
    "dispatched": ("劳务派遣", "派遣", "派遣工", "劳务派遣工"),
    "outsourced": ("外包", "外包工", "承包商", "外委", "协作队伍", "相关方"),
    "flexible": ("灵活用工", "灵活就业", "小时工", "兼职"),
    "temporary": ("临时", "临时工", "季节工", "实习", "实习生"),
}
EMPLOYMENT_NAMES = {"regular": "正式", "contract": "合同工", "dispatched": "劳务派遣"}
EMPLOYMENT_NAMES |= {"outsourced": "外包", "flexible": "灵活用工", "temporary": "临时"}
STATUS = {
    "active": ("在岗", "在职", "正常", "在册", "上岗"),
    "away": ("离岗", "待岗", "停岗", "脱岗", "借调", "病休", "工伤"),
    "leave": ("休假", "请假", "产假", "探亲", "年休假"),
    "left": ("离职", "辞职", "退休", "解除", "调离", "死亡", "开除"),
}
STATUS_NAMES = {"active": "在岗", "away": "离岗", "leave": "休假", "left": "离职"}
YES = ("是", "Y", "YES", "1", "√", "✓", "✔", "TRUE", "班组长", "组长", "班长")
NO = ("否", "N", "NO", "0", "×", "✗", "✘", "FALSE", "")
_PHONE = re.compile(r"^1[3-9]\d{9}$")
_EMPLOYEE_NO = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_\-./]{0,31}$")
_DATE_FORMS = (
    re.compile(
        r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    ),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
PATH_SEPARATORS = re.compile(r"\s*[/／\\＼>＞→]\s*")
NAME_LIMIT = 32
DEPARTMENT_LIMIT = 64

Bad = Callable[[str, str], None]


@dataclass(frozen=True)
class RosterRecord:
    employee_no: str
    name: str
    id_number: str
    phone: str  # "" when the file has none
    department: tuple[str, ...]  # the path, company first
    job: str  # a job code
    employment_type: str
    hire_date: date | None
    status: str
    is_supervisor: bool
    status_date: date | None = None  # when the status began, if the file says
    violation: str = ""  # a 三违 written in the row
    violation_date: date | None = None


def words(text: str) -> str:
    """A name or a department as written, blanks folded: 「张  三」 and 「张三」 are one person;
    a middle dot (minority names) is kept in its usual form."""
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "").strip()
    text = re.sub(r"[.．•・]", "·", text)
    return re.sub(r"\s+", "", text) if _cjk(text) else re.sub(r"\s+", " ", text)


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def lookup(table: dict[str, tuple[str, ...]], text: str) -> str | None:
    key = plain(text).upper()
    for code, spellings in table.items():
        if key == code.upper() or key in (s.upper() for s in spellings):
            return code
    return None


def parse_date(text: str) -> date | None:
    """A date as clerks write it; None when it is not one. Two-digit years and Excel serial
    numbers are not dates a person reads without doubt."""
    text = unicodedata.normalize("NFKC", text).strip()
    for form in _DATE_FORMS:
        if found := form.match(text):
            try:
                return date(*(int(g) for g in found.groups()[:3]))
            except ValueError:
                return None
    return None


def birth_date(id_number: str) -> date | None:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def parse_id_number(raw: str, today: date, bad: Bad) -> str | None:
    number = plain(raw).upper()
    if not number:
        bad("身份证号", "身份证号为空")
        return None
    if len(number) == 15 and number.isdigit():
        bad("身份证号", "这是 15 位旧身份证号：请换成本人现在的 18 位身份证号")
        return None
    if len(number) != 18 or not re.fullmatch(r"\d{17}[\dX]", number):
        shape = f"是 {len(number)} 位" if number.isdigit() else "含有数字和 X 以外的字符"
        bad("身份证号", f"身份证号应为 18 位（17 位数字加一位数字或 X），这里{shape}")
        return None
    born = birth_date(number)
    if born is None or born > today or born.year < 1900:
        bad("身份证号", "身份证号中的出生日期不存在，请核对第 7–14 位")
        return None
    if not is_valid(number):
        bad("身份证号", "身份证号校验位不对（GB 11643），请核对是否有数字输错")
        return None
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 16:
        bad("身份证号", f"按身份证号出生日期，此人只有 {age} 岁，请核对")
        return None
    return number


def parse_phone(raw: str, bad: Bad) -> str | None:
    phone = re.sub(r"[-()（）]", "", plain(raw))
    phone = re.sub(r"^(?:\+?86|0086)(?=1\d{10}$)", "", phone)
    if not phone:
        return ""
    if not _PHONE.match(phone):
        shape = f"是 {len(phone)} 位" if phone.isdigit() else "含有数字以外的字符"
        bad("手机号", f"手机号应为 11 位、以 1 开头的号码（13–19 开头），这里{shape}")
        return None
    return phone


def parse_department(parts: list[str], bad: Bad) -> tuple[str, ...] | None:
    """A path such as 一矿/综采一队/一班 in one cell, or the 单位/车间/班组 cells in order."""
    segments: list[str] = []
    for part in parts:
        segments.extend(s for s in (words(p) for p in PATH_SEPARATORS.split(part)) if s)
    if not segments:
        bad("部门", "部门为空：请写出部门路径，如 一矿/综采一队/一班")
        return None
    long = next((s for s in segments if len(s) > DEPARTMENT_LIMIT), None)
    if long is not None:
        bad("部门", f"部门名称「{long[:20]}…」超过 {DEPARTMENT_LIMIT} 个字")
        return None
    return tuple(segments)


def parse_row(
    values: dict[str, str],
    jobs: Callable[[str], str | None],
    job_hint: Callable[[str], list[str]],
    today: date,
    bad: Bad,
) -> RosterRecord | None:
    """The record this row says, or None after reporting every problem through `bad`.
    `jobs` maps a written job name to its code; `job_hint` suggests known names."""
    found: list[str] = []

    def check(column: str, reason: str) -> None:
        found.append(column)
        bad(column, reason)

    employee_no = plain(values.get("工号", "")).upper()
    if not employee_no:
        check("工号", "工号为空")
    elif not _EMPLOYEE_NO.match(employee_no):
        check("工号", f"工号只能含字母、数字和 - _ . /，最长 32 位，这里是「{employee_no}」")
    name = words(values.get("姓名", ""))
    if not name:
        check("姓名", "姓名为空")
    elif len(name) > NAME_LIMIT or any(ch.isdigit() for ch in name):
        check("姓名", f"姓名「{name}」不像人名（含数字或超过 {NAME_LIMIT} 个字）")
    id_number = parse_id_number(values.get("身份证号", ""), today, check)
    phone = parse_phone(values.get("手机号", ""), check)
    path_cells = [values[c] for c in ("单位", "车间", "班组") if values.get(c)]
    department = parse_department([values.get("部门", ""), *path_cells], check)
    job_text = words(values.get("工种", ""))
    job = jobs(job_text) if job_text else None
    if not job_text:
        check("工种", "工种为空")
    elif job is None:
        near = job_hint(job_text)
        hint = f"，最接近的有：{'、'.join(near)}" if near else ""
        check("工种", f"未知工种「{job_text}」{hint}；请改用已有的工种名称")
    employment = _choice(values, "用工形式", EMPLOYMENT, "regular", check)
    status = _choice(values, "状态", STATUS, "active", check)
    hire_date = _date(values, "入职日期", today, check)
    status_date = _date(values, "状态日期", today, check)
    supervisor = _yes_no(values.get("是否班组长", ""), check)
    violation = words(values.get("三违", ""))
    violation_date = _date(values, "三违日期", today, check)
    if id_number is not None and hire_date is not None:
        born = birth_date(id_number)
        if born is not None and hire_date < born.replace(
            year=born.year + 16, day=min(born.day, 28)
        ):
            check("入职日期", "按身份证号中的出生日期，此人入职时不满 16 岁，请核对入职日期")
    if found:
        return None
    assert id_number is not None and phone is not None and department is not None
    assert job is not None and employment is not None and status is not None
    assert supervisor is not None
    return RosterRecord(
        employee_no=employee_no,
        name=name,
        id_number=id_number,
        phone=phone,
        department=department,
        job=job,
        employment_type=employment,
        hire_date=hire_date,
        status=status,
        is_supervisor=supervisor,
        status_date=status_date,
        violation=violation,
        violation_date=violation_date,
    )


def _choice(
    values: dict[str, str], column: str, table: dict[str, tuple[str, ...]], blank: str, bad: Bad
) -> str | None:
    text = values.get(column, "")
    if not plain(text):
        return blank
    code = lookup(table, text)
    if code is None:
        known = "、".join(spellings[0] for spellings in table.values())
        bad(column, f"无法识别「{text}」，请填写其中之一：{known}")
    return code


def _date(values: dict[str, str], column: str, today: date, bad: Bad) -> date | None:
    text = values.get(column, "")
    if not plain(text):
        return None
    day = parse_date(text)
    if day is None:
        bad(column, f"无法识别日期「{text}」，请写成 2024-03-01 这样的日期")
    elif day > today + timedelta(days=366) or day.year < 1900:
        bad(column, f"日期「{text}」不在合理范围内，请核对")
        return None
    return day


def _yes_no(text: str, bad: Bad) -> bool | None:
    key = plain(text).upper()
    if key in YES:
        return True
    if key in NO:
        return False
    bad("是否班组长", f"无法识别「{text}」，请填写 是 或 否")
    return None
