"""The ladder's pure rules with plain data: WeCom's mobile formats, the one-worker rule, WeChat's
face hashes, and which ways up each channel offers."""

from __future__ import annotations

import hashlib

import pytest

from bot.people.rules.ladder import (
    Way,
    employee_numbers,
    face_matches,
    normalize_mobile,
    single,
    ways_up,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("13800000000", "13800000000"),
        ("+86 13800000000", "13800000000"),
        ("+86-138-0000-0000", "13800000000"),
        ("8613800000000", "13800000000"),
        ("", None),
        ("020-123456", None),
        ("+1 4155550100", None),
        ("23800000000", None),
    ],
)
def test_mobiles_as_the_roster_keeps_them(given: str, expected: str | None) -> None:
    assert normalize_mobile(given) == expected


def test_employee_numbers_and_the_one_worker_rule() -> None:
    assert employee_numbers("hq0005", " HQ0005 ", "") == {"HQ0005"}
    assert single([7, 7]) == ("ok", 7)
    assert single([]) == ("none", None)
    assert single([7, 8]) == ("ambiguous", None)


def test_face_hashes_compare_name_and_number_with_an_upper_case_x() -> None:
    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    number = "11010119900307001X"
    assert face_matches("张三", number.lower(), md5("张三"), md5(number))
    assert face_matches("张三", number, md5("张三").upper(), md5(number).upper())
    assert not face_matches("张三", number, md5("李四"), md5(number))
    assert not face_matches("张三", number, md5("张三"), md5(number.lower()))
    assert not face_matches("张三", number, "", "")


def test_ways_up_prefer_this_channel_then_the_lowest_level_that_suffices() -> None:
    every = {"mp", "miniapp", "wecom"}
    assert ways_up(3, 3, "mp", every, face_enabled=True) == []
    assert ways_up(1, 2, "mp", every, face_enabled=False) == [
        Way(2, "inperson", True),
        Way(3, "phone", False),
        Way(4, "wecom", False),
    ]
    assert ways_up(1, 2, "miniapp", every, face_enabled=True) == [
        Way(3, "phone", True),
        Way(5, "face", True),
        Way(2, "inperson", False),
        Way(4, "wecom", False),
    ]
    assert ways_up(3, 4, "miniapp", {"miniapp"}, face_enabled=False) == []
    assert ways_up(1, 5, "wecom", every, face_enabled=True) == [Way(5, "face", False)]
