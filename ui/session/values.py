"""Turning what is typed into the values the core stores, and back. No Qt here.

The core checks every value it is given (a number field given "abc" gets a
plain message back), so these helpers only do what the core cannot: read
pounds and pence into pence, read a typed date, and check the range a field
description gives, which the data model does not enforce.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from vocplan.domain.dates import parse_date
from vocplan.formatting import format_number
from vocplan.i18n import _
from vocplan.plan_fields import FieldKind, FieldSpec

_POUNDS = re.compile(r"^\d+(\.\d{1,2})?$")


def pence_to_text(pence: int | None) -> str:
    """What a money box shows for a stored amount: ``1234`` pence is ``12.34``.

    Whole pounds show without pence (``1200`` is ``12``), thousands without
    separators, so the text reads back as the same amount.
    """
    if pence is None:
        return ""
    pounds, rest = divmod(abs(int(pence)), 100)
    sign = "-" if int(pence) < 0 else ""
    return f"{sign}{pounds}" if rest == 0 else f"{sign}{pounds}.{rest:02d}"


def text_to_pence(text: str) -> int | None:
    """An amount typed in pounds (``12.50``, ``£1,200``, ``7``) as whole pence.

    Empty text is no amount (None). Raises ValueError with a plain message for
    anything that is not an amount of money.
    """
    cleaned = text.strip().replace("£", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    if cleaned.startswith("-"):
        raise ValueError(_("An amount of money cannot be less than nothing."))
    if not _POUNDS.match(cleaned):
        raise ValueError(_("Type an amount in pounds, for example 12.50."))
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        raise ValueError(_("Type an amount in pounds, for example 12.50.")) from None
    return int(amount * 100)


def date_to_text(value: Any) -> str:
    """A stored date (``2027-01-31`` or a date) as it is typed: ``31/01/2027``."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return str(value.strftime("%d/%m/%Y"))


def text_to_date(text: str) -> str | None:
    """A typed date as the ISO text the plan keeps; empty text is no date.

    Raises ValueError with the plain message of ``parse_date``.
    """
    if not text.strip():
        return None
    return parse_date(text).isoformat()


def number_to_text(value: Any) -> str:
    return format_number(value) if value is not None and value != "" else ""


def range_problem(spec: FieldSpec, value: Any) -> str | None:
    """Why a number is outside the range the field allows, or None when it is fine.

    Text that is not a number is left to the core, which says so plainly.
    """
    if spec.kind not in (FieldKind.INTEGER, FieldKind.DECIMAL, FieldKind.MONEY):
        return None
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if spec.kind == FieldKind.MONEY:
        number /= 100  # the limits of a money field are in pounds
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None and not low <= number <= high:
        return _("Type a number from {low} to {high}.").format(
            low=format_number(low), high=format_number(high)
        )
    if low is not None and number < low:
        return _("Type a number no smaller than {low}.").format(low=format_number(low))
    if high is not None and number > high:
        return _("Type a number no bigger than {high}.").format(high=format_number(high))
    return None


def same_value(kind: FieldKind, shown: Any, stored: Any) -> bool:
    """Whether what a field holds is what is already saved, so there is nothing to save.

    Numbers compare by value ("16" is 16.0), and an empty answer is empty
    whether stored as None, "" or an empty list.
    """
    if _is_empty(shown) and _is_empty(stored):
        return True
    if kind in (FieldKind.INTEGER, FieldKind.DECIMAL):
        try:
            return float(shown) == float(stored)
        except (TypeError, ValueError):
            return False
    if kind == FieldKind.DATE:
        return _iso(shown) == _iso(stored)
    if isinstance(shown, list) or isinstance(stored, list):
        return [str(each) for each in shown or []] == [str(each) for each in stored or []]
    if isinstance(shown, bool) or isinstance(stored, bool):
        return bool(shown) == bool(stored)
    return str(shown) == str(stored) if shown is not None and stored is not None else False


def first_line(text: str, limit: int = 120) -> str:
    """The start of someone's text, for a one-line list entry (the whole text is kept)."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    elif len(text.strip().splitlines()) > 1:
        line += " …"
    return line


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")[:10]
