"""Subscribe-message (订阅消息 / 订阅通知) data: each template keyword's type has rules WeChat
enforces with errcode 47003, so anxun fits or refuses every value before sending.

Rules: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
(订阅消息参数值内容限制说明). Free text (`thing`, `name`, `phrase`) is shortened to fit, with an
ellipsis; a value of any other type that breaks its rule is an error naming keyword and rule.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from bot.errors import InvalidInput

_HAN = r"\u4e00-\u9fff"
_TIME = r"(\d{4}年\d{1,2}月\d{1,2}日 ?)?\d{1,2}:\d{2}(:\d{2})?"
_DATE = r"\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2}(:\d{2})?)?"

# keyword type -> (longest length, pattern the whole value must match, what to tell the admin)
RULES: dict[str, tuple[int, str, str]] = {
    "thing": (20, r".+", "at most 20 characters"),
    "number": (32, r"-?\d+(\.\d+)?", "digits only (a decimal point allowed), at most 32"),
    "letter": (32, r"[A-Za-z]+", "letters only, at most 32"),
    "symbol": (5, r"[^\w\s]+", "symbols only, at most 5"),
    "character_string": (32, r"[\x21-\x7e]+", "letters, digits or symbols, at most 32"),
    "time": (64, f"{_TIME}(~{_TIME})?", "a 24-hour time such as 15:01 or 2026年12月7日 15:01"),
    "date": (64, f"{_DATE}(~{_DATE})?", "a date such as 2026年12月7日"),
    "amount": (16, r"[¥$€£]?\d{1,10}(\.\d+)?元?", "a currency amount such as ¥100.00"),
    "phone_number": (17, r"[\d+\-() ]+", "digits and symbols, at most 17"),
    "car_number": (8, f"[{_HAN}A-Za-z0-9][A-Za-z0-9]*[{_HAN}A-Za-z0-9]?", "a plate number"),
    "name": (10, r".+", "at most 10 characters"),
    "phrase": (5, f"[{_HAN}]+", "at most 5 Chinese characters"),
}
SHORTENED = {"thing", "name"}  # free text: cut to fit rather than refuse


def keyword_type(keyword: str) -> str:
    """`thing3` → `thing`, `character_string1` → `character_string`."""
    return keyword.rstrip("0123456789")


def rule_problem(keyword: str, value: object) -> str | None:
    """What is wrong with `value` for `keyword`, or None when WeChat would accept it."""
    rule = RULES.get(keyword_type(keyword))
    if rule is None:
        return f"unknown keyword type {keyword_type(keyword)!r}"
    longest, pattern, what = rule
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if len(value) > longest or not re.fullmatch(pattern, value):
        return f"must be {what}"
    return None


def format_value(keyword: str, value: str | date | datetime) -> str:
    """Turn one of our values into the keyword's format, shortening free text to fit."""
    kind = keyword_type(keyword)
    if kind in ("date", "time") and isinstance(value, str):
        try:  # our JSON payloads carry ISO dates and times
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime):
        text = f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    elif isinstance(value, date):
        text = f"{value.year}年{value.month}月{value.day}日"
    else:
        text = str(value).strip()
    if kind in SHORTENED and kind in RULES:
        longest = RULES[kind][0]
        text = text if len(text) <= longest else text[: longest - 1] + "…"
    return text


def subscribe_data(
    keywords: dict[str, str], values: dict[str, str | date | datetime]
) -> dict[str, dict[str, str]]:
    """The `data` of a subscribe message: `keywords` maps our field names to the template's
    keywords (account config `subscribe_fields`), `values` holds our fields' values."""
    data: dict[str, dict[str, str]] = {}
    problems = []
    for field, keyword in keywords.items():
        if field not in values:
            problems.append(f"{keyword}: anxun has no field {field!r} for this message")
            continue
        text = format_value(keyword, values[field])
        problem = rule_problem(keyword, text)
        if problem:
            problems.append(f"{keyword} ({field} = {text!r}) {problem}")
        data[keyword] = {"value": text}
    if problems:
        raise InvalidInput("subscribe message data breaks WeChat's rules: " + "; ".join(problems))
    return data
