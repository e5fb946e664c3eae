"""NHS numbers: ten digits, the last a modulus-11 check digit.

See the NHS Data Dictionary, "NHS Number": weights 10 down to 2 on the first
nine digits; 11 minus the remainder of the sum divided by 11 is the check
digit, where 11 means 0 and 10 means the number is not valid.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s-]")


def normalise(text: str) -> str:
    """The digits of an NHS number as typed, without spaces or dashes."""
    return _SEPARATORS.sub("", text)


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None where no digit can make it valid."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    result = 11 - total % 11
    if result == 11:
        return 0
    if result == 10:
        return None
    return result


def is_valid(text: str) -> bool:
    digits = normalise(text)
    if len(digits) != 10 or not digits.isdigit():
        return False
    return check_digit(digits[:9]) == int(digits[9])


def formatted(text: str) -> str:
    """The usual 3-3-4 layout, for example ``943 476 5919``."""
    digits = normalise(text)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
