"""Money inside the benefits engine: whole pence, exact fractions, one rounding rule.

Amounts the person gives and figures in the rules packs are whole pence.
Amounts the rules derive from them (weekly to monthly is x 52 / 12, the taper
is 55 %) are kept as exact fractions of a penny until a figure is reported,
and then rounded to the nearest penny, half a penny upwards (Universal Credit
Regulations 2013 reg 6(1)). So the only roundings are the ones the rules make.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from vocplan import formatting
from vocplan.formatting import babel_locale

WEEKS_IN_YEAR = 52
MONTHS_IN_YEAR = 12
WEEKLY_TO_MONTHLY = Fraction(WEEKS_IN_YEAR, MONTHS_IN_YEAR)
MONTHLY_TO_WEEKLY = Fraction(MONTHS_IN_YEAR, WEEKS_IN_YEAR)


def to_pence(amount: Fraction | int) -> int:
    """Round an exact amount of pence to a whole penny, half a penny away from zero."""
    value = Fraction(amount)
    whole = int(abs(value) + Fraction(1, 2))
    return whole if value >= 0 else -whole


def pounds_to_pence(pounds: Decimal) -> int:
    """Exact pounds (at most two decimal places) as whole pence."""
    pence = pounds * 100
    if pence != pence.to_integral_value():
        raise ValueError("more than two decimal places")
    return int(pence)


def pence_to_pounds(pence: int) -> Decimal:
    return Decimal(pence).scaleb(-2)


_TYPED_POUNDS = re.compile(r"^\s*£?\s*([0-9][0-9,]*)(\.[0-9]{1,2})?\s*$")


def parse_pounds(text: str) -> int:
    """Read money as people type it: ``12.71``, ``£12.71``, ``1,200`` or ``£5``.

    Returns whole pence. Raises ValueError for anything else, including
    negative amounts and fractions of a penny.
    """
    match = _TYPED_POUNDS.match(text)
    if not match or re.search(r",(?!\d{3}(?:,|$))", match.group(1)):
        raise ValueError(text)
    try:
        pounds = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValueError(text) from None
    return pounds_to_pence(pounds)


def format_money(pence: Fraction | int) -> str:
    """Pounds and pence for display in the chosen language, for example ``£1,004.88``."""
    return formatting.format_money(to_pence(pence))


def format_number(value: Fraction | Decimal | int) -> str:
    """A quantity such as hours, shown with up to two decimal places."""
    from babel.numbers import format_decimal

    locale = babel_locale()
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(value)
    )
    return str(format_decimal(exact.quantize(Decimal("0.01")).normalize(), locale=locale))


def format_percent(rate: Fraction) -> str:
    """A rate such as 55 % for display in the chosen language."""
    from babel.numbers import format_percent as babel_percent

    locale = babel_locale()
    exact = Decimal(rate.numerator) / Decimal(rate.denominator)
    return str(babel_percent(exact, locale=locale, format="#,##0.##%"))
