"""What an Excel cell shows: its stored value rendered through its number format, for the
formats clerks use (General, 0, 0.0, #,##0.00, 0%, 0.0%, dates, @). Any other format is
refused with a reason, never guessed: a gas limit a hundred times off is worse than a refusal.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

UNKNOWN = "无法确定单元格显示的内容，请把该列设置为文本格式后重新导入"
TOO_LONG = (
    "这一格是 {digits} 位的数字（如身份证号、长编号），Excel 会把它显示成科学计数法或丢掉末几位："
    "请把该列设置为文本格式，重新输入后再导入"
)
GENERAL_DIGITS = 11  # Excel's General shows 12 or more digits in scientific notation
EXACT_DIGITS = 15  # Excel keeps 15 significant digits of any number
NUMBER = re.compile(r"(?P<group>#,##)?0(?:\.(?P<places>0+))?(?P<percent>%)?")
DATE_TOKEN = re.compile(r'"[^"]*"|\\.|y+|m+|d+|h+|s+|[-/:. 年月日时分秒]|.', re.IGNORECASE)
# Excel's locale-dependent short dates (numFmtId 14, 22) as Excel in zh-CN shows them
SHORT_DATES = {"mm-dd-yy": "yyyy/m/d", "m/d/yy h:mm": "yyyy/m/d h:mm"}


class Unreadable(ValueError):
    """The cell's displayed text cannot be known exactly; `reason` says what to do."""

    def __init__(self, reason: str = UNKNOWN) -> None:
        super().__init__(reason)
        self.reason = reason


def displayed(value: object, fmt: str | None) -> str:
    """The text Excel shows for `value` under number format `fmt` (None: a format this
    workbook does not define, e.g. a built-in that depends on Excel's language)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if fmt is None:
        raise Unreadable()
    section = _first_section(fmt)
    if isinstance(value, datetime | date | time):
        return _date(value, SHORT_DATES.get(section, section))
    if isinstance(value, int | float):
        return _number(value, section)
    raise Unreadable()


def _first_section(fmt: str) -> str:
    """The format for positive numbers and dates; refuse what depends on the sign or colour."""
    fmt = re.sub(r"\[\$-[0-9A-Fa-f]{1,8}\]", "", fmt)  # a language tag: [$-804]
    fmt = re.sub(r"_.", "", fmt)  # padding the width of one character
    if fmt.endswith(";@"):  # "…;@": how text is shown, which is as it is
        fmt = fmt[:-2]
    if ";" in fmt or "[" in fmt:
        raise Unreadable()
    return fmt.strip()


def _number(value: float, fmt: str) -> str:
    if abs(value) >= 10**EXACT_DIGITS:
        raise Unreadable(TOO_LONG.format(digits=len(str(int(abs(value))))))
    exact = Decimal(f"{value:.{EXACT_DIGITS}g}")
    if fmt in ("General", "@", ""):  # a number typed before the column was set to text
        return _general(exact)
    found = NUMBER.fullmatch(fmt)
    if found is None:
        raise Unreadable()
    if found["percent"]:
        exact *= 100
    places = len(found["places"] or "")
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # Excel shows 0.0, not -0.0
    text = f"{rounded:{',' if found['group'] else ''}.{places}f}"
    return text + ("%" if found["percent"] else "")


def _general(exact: Decimal) -> str:
    if exact == exact.to_integral_value():
        digits = len(str(abs(int(exact))))
        if digits > GENERAL_DIGITS:
            raise Unreadable(TOO_LONG.format(digits=digits))
        return str(int(exact))
    text = format(exact.normalize(), "f")
    if len(text) > GENERAL_DIGITS:  # Excel would round it to the column's width
        raise Unreadable()
    return text


def _date(value: datetime | date | time, fmt: str) -> str:
    parts: list[str] = []
    tokens = DATE_TOKEN.findall(fmt)
    for i, token in enumerate(tokens):
        kind = token[0].lower()
        if token.startswith('"'):
            parts.append(token[1:-1])
        elif token.startswith("\\"):
            parts.append(token[1:])
        elif kind == "y":
            year = _field(value, "year")
            parts.append(f"{year % 100:02d}" if len(token) <= 2 else f"{year:04d}")
        elif kind == "m" and len(token) <= 2:
            minute = _is_minute(tokens, i)
            number = _field(value, "minute" if minute else "month")
            parts.append(f"{number:0{len(token)}d}")
        elif kind in "dhs" and len(token) <= 2:
            name = {"d": "day", "h": "hour", "s": "second"}[kind]
            parts.append(f"{_field(value, name):0{len(token)}d}")
        elif len(token) == 1 and token in "-/:. 年月日时分秒":
            parts.append(token)
        else:  # month or weekday names, AM/PM, fractions, digits: not rendered
            raise Unreadable()
    text = "".join(parts).strip()
    if not text:
        raise Unreadable()
    return text


def _is_minute(tokens: list[str], i: int) -> bool:
    """m is minutes right after an hour or right before seconds, months otherwise."""
    units = [t[0].lower() for t in tokens if t[0].lower() in "ymdhs"]
    position = sum(1 for t in tokens[:i] if t[0].lower() in "ymdhs")
    before = units[position - 1] if position > 0 else ""
    after = units[position + 1] if position + 1 < len(units) else ""
    return before == "h" or after == "s"


def _field(value: datetime | date | time, name: str) -> int:
    number = getattr(value, name, None)
    if number is None:  # a time of day shown with a date format, or the reverse
        raise Unreadable()
    return int(number)
