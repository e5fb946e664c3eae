"""Reading the rules packs: one JSON file of figures per tax year, found by file name.

A pack is ``vocplan/benefits/rules/<tax year>.json``. Each value carries its
unit, source, the date it applies from and the status label of the source
(``policyengine-param``, ``derived``, ``secondary`` or ``UNVERIFIED``). Asking a
pack for a value that is ``UNVERIFIED``, or that it does not have, raises
``NeedsAdviser``: the engine then refers the calculation instead of guessing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from vocplan.benefits.money import pounds_to_pence
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import N_, _

RULES_PACKAGE = "vocplan.benefits.rules"
PACK_NAME = re.compile(r"^(\d{4})-(\d{2})\.json$")
UNVERIFIED = "UNVERIFIED"
REQUIRED_FIELDS = ("value", "unit", "source", "start_date", "status")
LHA_CATEGORIES = ("shared_accommodation", "1_bedroom", "2_bedrooms", "3_bedrooms", "4_bedrooms")

# Plain names for the values most likely to stop a calculation; others show their key.
_PLAIN_NAMES = {
    "income_tax.wales_same_as_england": N_(
        "whether the Welsh rates of income tax are the same as England's"
    ),
    "child_benefit.eldest": N_("the Child Benefit rates"),
    "child_benefit.additional": N_("the Child Benefit rates"),
    "uc.disabled_child_addition.lower": N_("the disabled child addition"),
    "uc.disabled_child_addition.higher": N_("the disabled child addition"),
    "uc.child_element.max_children": N_("the two-child limit"),
    "esa.support_component": N_("the ESA support component"),
}


class PackError(VocPlanError):
    """A rules pack is missing, malformed or not there for the year asked for."""


def damaged(detail: str) -> PackError:
    """The error for a pack that cannot be read; the detail is for whoever maintains it."""
    return PackError(
        _("A benefits rules pack is damaged ({detail}). Reinstall VocPlan.").format(detail=detail)
    )


class NeedsAdviser(Exception):
    """The calculation needs something the rules cannot give reliably."""

    def __init__(self, reason: str, key: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.key = key


@dataclass(frozen=True)
class RuleValue:
    key: str
    value: bool | int | float | None
    unit: str
    source: str
    start_date: date
    status: str
    note: str = ""

    @property
    def unverified(self) -> bool:
        return self.status == UNVERIFIED


@dataclass(frozen=True)
class RentalArea:
    """A broad rental market area and its monthly LHA rates, in pence, by category."""

    name: str
    code: str
    nation: str
    rates: Mapping[str, int]


@dataclass(frozen=True)
class RulesPack:
    tax_year: str
    starts: date
    ends: date
    values: Mapping[str, RuleValue]
    lha_file: str
    lha_source: str
    _areas: dict[str, RentalArea] = field(default_factory=dict, repr=False, compare=False)

    # -- looking values up ---------------------------------------------------------
    def record(self, key: str) -> RuleValue:
        """The value's whole record, whatever its status (for steps and tests)."""
        try:
            return self.values[key]
        except KeyError:
            raise NeedsAdviser(self._missing_reason(key), key) from None

    def _checked(self, key: str) -> RuleValue:
        record = self.record(key)
        if record.unverified:
            raise NeedsAdviser(self._unverified_reason(key), key)
        return record

    def _number(self, key: str) -> Decimal:
        value = self._checked(key).value
        if value is None or isinstance(value, bool):
            raise damaged(f"{self.tax_year}: {key} is not a number")
        return Decimal(str(value))

    def pence(self, key: str) -> int:
        """A money value in whole pence."""
        return pounds_to_pence(self._number(key))

    def fraction(self, key: str) -> Fraction:
        """A rate, a number of hours or years, as an exact fraction."""
        return Fraction(self._number(key))

    def whole(self, key: str) -> int:
        number = self._number(key)
        if number != number.to_integral_value():
            raise damaged(f"{self.tax_year}: {key} is not a whole number")
        return int(number)

    def limit(self, key: str) -> int | None:
        """A count where ``null`` means no limit (checked, like every other value)."""
        value = self._checked(key).value
        if value is None:
            return None
        return self.whole(key)

    def flag(self, key: str) -> bool:
        return bool(self._checked(key).value)

    def refusal_threshold(self, key: str) -> int:
        """A number used only to refuse a calculation, so it may be unverified."""
        value = self.record(key).value
        if not isinstance(value, int) or isinstance(value, bool):
            raise damaged(f"{self.tax_year}: {key} is not a whole number")
        return value

    def _missing_reason(self, key: str) -> str:
        return _(
            "The {year} rules have no figure for {what}, so this cannot be worked out reliably."
        ).format(year=self.tax_year, what=_plain(key))

    def _unverified_reason(self, key: str) -> str:
        return _(
            "This depends on {what}, which has not been checked against an official "
            "source for {year}."
        ).format(year=self.tax_year, what=_plain(key))

    # -- Local Housing Allowance ------------------------------------------------------
    def rental_areas(self) -> dict[str, RentalArea]:
        """Every broad rental market area in England and Wales, by lower-case name and code."""
        if not self._areas:
            text = rules_folder().joinpath(self.lha_file).read_text(encoding="utf-8")
            grouped: dict[str, dict[str, Any]] = {}
            for row in csv.DictReader(io.StringIO(text)):
                area = grouped.setdefault(
                    row["brma_code"],
                    {"name": row["brma"], "nation": row["nation"], "rates": {}},
                )
                area["rates"][row["category"]] = pounds_to_pence(Decimal(row["uc_monthly"]))
            for code, area in grouped.items():
                found = RentalArea(area["name"], code, area["nation"], dict(area["rates"]))
                self._areas[found.name.casefold()] = found
                self._areas[code.casefold()] = found
        return self._areas

    def area_names(self) -> list[str]:
        """The names of every broad rental market area, for a searchable list."""
        return sorted({area.name for area in self.rental_areas().values()})

    def find_area(self, name: str) -> RentalArea | None:
        return self.rental_areas().get(" ".join(name.split()).casefold())


def _plain(key: str) -> str:
    name = _PLAIN_NAMES.get(key)
    return _(name) if name else key


# -- finding packs ------------------------------------------------------------------------
def rules_folder() -> Traversable:
    """Where the packs are: package data, so it works installed and in a frozen build."""
    return files(RULES_PACKAGE)


def available_years() -> list[str]:
    """The tax years with a rules pack, oldest first, found by file name."""
    years = [
        f"{match.group(1)}-{match.group(2)}"
        for entry in rules_folder().iterdir()
        if (match := PACK_NAME.match(entry.name))
    ]
    return sorted(years)


def newest_year() -> str:
    years = available_years()
    if not years:
        raise PackError(_("VocPlan has no benefits rules installed."))
    return years[-1]


def tax_year_of(day: date) -> str:
    """The UK tax year a date falls in: it starts on 6 April."""
    start = day.year if (day.month, day.day) >= (4, 6) else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def rules_out_of_date(today: date) -> bool:
    """Whether a newer tax year has started than the newest rules pack."""
    return tax_year_of(today) > newest_year()


@lru_cache(maxsize=8)
def load_pack(tax_year: str) -> RulesPack:
    """The rules pack for ``tax_year`` (for example ``"2026-27"``)."""
    if tax_year not in available_years():
        raise PackError(
            _("There are no rules for the tax year {year}. VocPlan has rules for: {years}.").format(
                year=tax_year, years=", ".join(available_years())
            )
        )
    text = rules_folder().joinpath(f"{tax_year}.json").read_text(encoding="utf-8")
    return parse_pack(json.loads(text), expected_year=tax_year)


def parse_pack(data: Mapping[str, Any], expected_year: str | None = None) -> RulesPack:
    """Check a pack's shape and read it; a malformed pack is refused as a whole."""
    try:
        year = str(data["tax_year"])
        if expected_year is not None and year != expected_year:
            raise damaged(f"the pack for {expected_year} says it is for {year}")
        values = {}
        for key, entry in data["values"].items():
            missing = [name for name in REQUIRED_FIELDS if name not in entry]
            if missing or not entry["source"] or not entry["status"]:
                raise damaged(f"{year}: {key} lacks {', '.join(missing) or 'a source'}")
            values[key] = RuleValue(
                key=key,
                value=entry["value"],
                unit=str(entry["unit"]),
                source=str(entry["source"]),
                start_date=date.fromisoformat(entry["start_date"]),
                status=str(entry["status"]),
                note=str(entry.get("note") or ""),
            )
        lha = data["lha"]
        return RulesPack(
            tax_year=year,
            starts=date.fromisoformat(data["starts"]),
            ends=date.fromisoformat(data["ends"]),
            values=values,
            lha_file=str(lha["file"]),
            lha_source=str(lha["source"]),
        )
    except (KeyError, TypeError, ValueError) as problem:
        raise damaged(repr(problem)) from None
