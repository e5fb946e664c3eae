"""Showing stored values to people: dates, money and choices, in the chosen language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from vocplan.domain.enums import LabelledEnum
from vocplan.i18n import current_language

BABEL_LOCALES = {"en": "en_GB", "cy": "cy_GB", "pl": "pl_PL"}


def babel_locale() -> str:
    return BABEL_LOCALES.get(current_language(), "en_GB")


def format_date(value: date | datetime | str | None) -> str:
    """dd/mm/yyyy, the way dates are typed and read in UK services."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value.strftime("%d/%m/%Y")


def format_money(pence: int | None) -> str:
    """Pounds and pence, for example £1,234.50."""
    if pence is None:
        return ""
    from babel.numbers import format_currency  # only paid for when money is shown

    return str(format_currency(pence / 100, "GBP", locale=babel_locale()))


def format_whole_pounds(pence: int) -> str:
    """Pounds to the nearest pound (half a pound up), for a headline: ``14571`` is £146."""
    import re

    from babel import Locale
    from babel.numbers import format_currency

    pounds = (abs(pence) + 50) // 100
    locale = babel_locale()
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    whole = re.sub(r"\.[0#]+", "", pattern)  # the language's own layout, without pence
    text = format_currency(pounds, "GBP", format=whole, currency_digits=False, locale=locale)
    return str(text) if pence >= 0 or pounds == 0 else "-" + str(text)


def format_number(value: float | int | None) -> str:
    """7.5 stays 7.5, 16.0 shows as 16."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def choice_label(kind: type[LabelledEnum], value: Any) -> str:
    """The label of a stored choice; an unknown value is shown as it is."""
    try:
        return kind(value).label
    except ValueError:
        return str(value)
