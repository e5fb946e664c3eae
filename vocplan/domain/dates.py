"""Reading dates as people type them in the UK, and sanity checks on them."""

from __future__ import annotations

import re
from datetime import date

from vocplan.i18n import _

OLDEST_PLAUSIBLE_AGE = 120
YOUNGEST_PLAUSIBLE_AGE = 14

_UK_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str) -> date:
    """Read ``31/01/1990``, ``31-1-1990``, ``31.01.1990`` or ``1990-01-31``.

    Raises ValueError with a plain message for anything else.
    """
    iso = _ISO_DATE.match(text)
    uk = _UK_DATE.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif uk:
        day, month, year = (int(part) for part in uk.groups())
    else:
        raise ValueError(_("Type the date as day/month/year, for example 31/01/1990."))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("That date does not exist. Check the day and the month.")) from None


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def date_of_birth_problem(born: date, today: date) -> str | None:
    """Why a date of birth cannot be right, or None if it is plausible."""
    if born > today:
        return _("The date of birth is in the future.")
    age = age_on(born, today)
    if age > OLDEST_PLAUSIBLE_AGE:
        return _("That would make the person over 120. Check the year.")
    if age < YOUNGEST_PLAUSIBLE_AGE:
        return _("That would make the person under 14. Check the year.")
    return None
