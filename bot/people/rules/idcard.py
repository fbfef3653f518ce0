"""GB 11643-1999 citizen ID numbers: checksum and validation."""

from __future__ import annotations

import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def is_valid(number: str) -> bool:
    number = number.upper()
    return bool(_SHAPE.match(number)) and check_digit(number[:17]) == number[17]
