"""content/cells.py: the text Excel displays for a value under a number format, or a refusal."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from content.cells import UNKNOWN, Unreadable, displayed

DAY = datetime(2025, 3, 7, 8, 5, 9)


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (None, "0.0%", ""),
        ("0.5%", "General", "0.5%"),
        ("00123", "@", "00123"),
        (True, "General", "TRUE"),
        (False, "0.00", "FALSE"),
        (2.0, "General", "2"),
        (7, "General", "7"),
        (0.01, "General", "0.01"),
        (0.1 + 0.2, "General", "0.3"),  # Excel keeps 15 significant digits
        (1e-05, "General", "0.00001"),
        (-3.25, "General", "-3.25"),
        (12345678901, "General", "12345678901"),
        (12345, "@", "12345"),  # typed before the column was set to text
        (0.01, "0.0%", "1.0%"),
        (0.005, "0%", "1%"),  # half away from zero, as Excel rounds
        (0.125, "0.00%", "12.50%"),
        (0.0125, "0.0%", "1.3%"),
        (1.0, "0.0", "1.0"),
        (2.5, "0", "3"),
        (1.005, "0.00", "1.01"),  # the float is 1.00499…; Excel rounds its 15-digit value
        (-0.001, "0.00", "0.00"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (1234567, "#,##0", "1,234,567"),
        (123456789012345, "0", "123456789012345"),
        (3.5, "0.0_ ", "3.5"),
        (3.5, "0.0_);[Red]\\(0.0\\)", None),
        (DAY, "yyyy-mm-dd", "2025-03-07"),
        (DAY, "yyyy/m/d", "2025/3/7"),
        (DAY, 'yyyy"年"m"月"d"日"', "2025年3月7日"),
        (DAY, 'yyyy"年"m"月"d"日";@', "2025年3月7日"),
        (DAY, "[$-804]yyyy年m月d日", "2025年3月7日"),
        (DAY, "mm-dd-yy", "2025/3/7"),  # numFmtId 14, Excel zh-CN's short date
        (DAY, "yyyy-mm-dd h:mm:ss", "2025-03-07 8:05:09"),
        (DAY, "h:mm", "8:05"),
        (DAY, "yy.m.d", "25.3.7"),
        (time(14, 30), "hh:mm", "14:30"),
        (date(2025, 3, 7), "d-mmm-yy", None),  # month names
        (DAY, "h:mm AM/PM", None),
        (DAY, "dddd", None),
        (time(14, 30), "yyyy-mm-dd", None),
        (DAY, "General", None),
    ],
)
def test_displayed(value: object, fmt: str, shown: str | None) -> None:
    if shown is None:
        with pytest.raises(Unreadable) as refused:
            displayed(value, fmt)
        assert refused.value.reason == UNKNOWN
    else:
        assert displayed(value, fmt) == shown


@pytest.mark.parametrize(
    ("value", "fmt"),
    [
        (3.5, '0.0" 米"'),
        (0.5, "# ?/?"),
        (12000, "0.00E+00"),
        (5, "[DBNum1]General"),
        (5, '"$"#,##0'),
        (1 / 3, "General"),  # Excel rounds it to the column's width
        (5, None),  # a built-in format this workbook does not define
    ],
)
def test_formats_it_cannot_render_exactly_are_refused(value: object, fmt: str | None) -> None:
    with pytest.raises(Unreadable) as refused:
        displayed(value, fmt)
    assert refused.value.reason == UNKNOWN


@pytest.mark.parametrize(
    ("value", "fmt"),
    [(110101199001011234, "General"), (110101199001011234, "0"), (123456789012, "General")],
)
def test_long_digit_strings_stored_as_numbers_are_refused(value: int, fmt: str) -> None:
    with pytest.raises(Unreadable) as refused:
        displayed(value, fmt)
    assert "文本格式" in refused.value.reason and "位的数字" in refused.value.reason
