"""Reading a household from JSON-like data, with a clear message for each bad field.

``household_from_dict`` takes what ``json.load`` gives (the schema is in
docs/benefits-cli.md) and returns a ``Household``, or raises
``ValidationError`` naming every field that is wrong, for example
``work.hourly_pay: must be an amount of money, like 12.71``.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from vocplan.benefits.model import (
    CHILD_DISABILITIES,
    ESA_GROUPS,
    LCWRA_RATES,
    LEGACY_BENEFITS,
    NATIONS,
    PIP_RATES,
    TENURES,
    Child,
    Claimant,
    Household,
    Housing,
    OtherIncome,
    Partner,
    Volunteering,
    Work,
)
from vocplan.benefits.money import parse_pounds, pounds_to_pence
from vocplan.benefits.packs import available_years
from vocplan.domain.errors import ValidationError
from vocplan.i18n import _

T = TypeVar("T")

OLDEST = 120
MOST_HOURS = Decimal(168)
MOST_POUNDS = Decimal(10_000_000)

HOUSEHOLD_KEYS = (
    "tax_year", "claimant", "partner", "children", "housing", "capital", "work",
    "current_work", "other_income", "volunteering", "nation",
)  # fmt: skip
CLAIMANT_KEYS = (
    "age", "lcw", "lcwra", "lcwra_rate", "pip_daily_living", "pip_mobility",
    "new_style_esa_weekly", "esa_group", "full_time_student", "legacy_benefits",
)  # fmt: skip
PARTNER_KEYS = (
    "age", "lcw", "lcwra", "lcwra_rate", "married", "earnings_monthly", "self_employed",
    "full_time_student",
)  # fmt: skip
CHILD_KEYS = ("age", "disability", "born_before_6_april_2017")
HOUSING_KEYS = (
    "tenure", "rent_monthly", "brma", "bedrooms", "lha_monthly", "london", "sar_exception",
)  # fmt: skip
WORK_KEYS = (
    "hours_per_week", "hourly_pay", "travel_weekly", "other_costs_weekly", "weeks_per_year",
    "supported_permitted_work", "self_employed", "apprentice",
)  # fmt: skip
OTHER_INCOME_KEYS = ("monthly", "counted_by_uc", "taxable")
VOLUNTEERING_KEYS = ("hours_per_week", "expenses_only")


class _Reader:
    """Reads one object, noting a message per bad field instead of stopping at the first."""

    def __init__(self, errors: dict[str, str], path: str, data: Any, keys: tuple[str, ...]):
        self.errors = errors
        self.path = path
        self.ok = isinstance(data, Mapping)
        self.data: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        if not self.ok:
            errors[path or "input"] = _("must be an object with named fields, like {...}")
            return
        for key in self.data:
            if key not in keys:
                close = difflib.get_close_matches(str(key), keys, n=1)
                errors[self.name(str(key))] = (
                    _("unknown field; did you mean '{name}'?").format(name=close[0])
                    if close
                    else _("unknown field")
                )

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _get(self, key: str, default: T, convert: Callable[[Any], T]) -> T:
        if key not in self.data or self.data[key] is None:
            return default
        try:
            return convert(self.data[key])
        except _Bad as problem:
            self.errors[self.name(key)] = problem.message
            return default

    def flag(self, key: str, default: bool = False) -> bool:
        return self._get(key, default, _boolean)

    def optional_flag(self, key: str) -> bool | None:
        return self._get(key, None, _boolean)

    def age(self, key: str, lowest: int, required: bool = True) -> int:
        if required and not self.has(key):
            self.errors[self.name(key)] = _("is needed: the age in whole years")
            return lowest
        return self._get(key, lowest, lambda value: _whole(value, lowest, OLDEST))

    def whole(self, key: str, lowest: int, highest: int) -> int | None:
        return self._get(key, None, lambda value: _whole(value, lowest, highest))

    def pence(self, key: str) -> int:
        return self._get(key, 0, _money)

    def optional_pence(self, key: str) -> int | None:
        return self._get(key, None, _money)

    def hours(self, key: str, default: Decimal, lowest: Decimal = Decimal(0),
              highest: Decimal = MOST_HOURS) -> Decimal:  # fmt: skip
        return self._get(key, default, lambda value: _quantity(value, lowest, highest))

    def choice(self, key: str, options: tuple[T, ...], default: T) -> T:
        return self._get(key, default, lambda value: _choice(value, options))

    def text(self, key: str) -> str | None:
        """Text, or None when it is missing or blank."""

        def convert(value: Any) -> str | None:
            if not isinstance(value, str):
                raise _Bad(_('must be a name in quotes, like "Birmingham"'))
            return value.strip() or None

        return self._get(key, None, convert)


class _Bad(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(_("must be true or false"))
    return value


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _Bad(_("must be a number"))
    if isinstance(value, float) and not math.isfinite(value):
        raise _Bad(_("must be a number"))
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise _Bad(_("must be a number")) from None
    if not number.is_finite():
        raise _Bad(_("must be a number"))
    return number


def _whole(value: Any, lowest: int, highest: int) -> int:
    try:
        number = _number(value)
    except _Bad:
        raise _Bad(
            _("must be a whole number from {lowest} to {highest}").format(
                lowest=lowest, highest=highest
            )
        ) from None
    if number != number.to_integral_value() or not lowest <= number <= highest:
        raise _Bad(
            _("must be a whole number from {lowest} to {highest}").format(
                lowest=lowest, highest=highest
            )
        )
    return int(number)


def _money(value: Any) -> int:
    message = _("must be an amount of money in pounds, like 12.71 (0 or more)")
    if isinstance(value, str):
        try:
            return parse_pounds(value)
        except ValueError:
            raise _Bad(message) from None
    try:
        pounds = _number(value)
    except _Bad:
        raise _Bad(message) from None
    if pounds < 0 or pounds > MOST_POUNDS:
        raise _Bad(message)
    try:
        return pounds_to_pence(pounds)
    except ValueError:
        raise _Bad(_("must be pounds and pence, with at most two decimal places")) from None


def _quantity(value: Any, lowest: Decimal, highest: Decimal) -> Decimal:
    message = _("must be a number from {lowest} to {highest}").format(
        lowest=lowest, highest=highest
    )
    try:
        number = _number(value)
    except _Bad:
        raise _Bad(message) from None
    if not lowest <= number <= highest:
        raise _Bad(message)
    if number != number.quantize(Decimal("0.01")):
        raise _Bad(_("must have at most two decimal places"))
    return number


def _choice(value: Any, options: tuple[T, ...]) -> T:
    for option in options:
        if value == option:
            return option
    raise _Bad(_("must be one of: {options}").format(options=", ".join(f'"{o}"' for o in options)))


def _claimant(errors: dict[str, str], data: Any) -> Claimant:
    read = _Reader(errors, "claimant", data, CLAIMANT_KEYS)
    legacy: tuple[str, ...] = ()
    if read.has("legacy_benefits"):
        value = read.data["legacy_benefits"]
        if isinstance(value, list) and all(item in LEGACY_BENEFITS for item in value):
            legacy = tuple(value)
        else:
            errors["claimant.legacy_benefits"] = _("must be a list of: {options}").format(
                options=", ".join(f'"{name}"' for name in LEGACY_BENEFITS)
            )
    return Claimant(
        age=read.age("age", 16),
        lcw=read.flag("lcw"),
        lcwra=read.flag("lcwra"),
        lcwra_rate=read.choice("lcwra_rate", LCWRA_RATES, None),
        pip_daily_living=read.choice("pip_daily_living", PIP_RATES, "none"),
        pip_mobility=read.choice("pip_mobility", PIP_RATES, "none"),
        new_style_esa_weekly=read.pence("new_style_esa_weekly"),
        esa_group=read.choice("esa_group", ESA_GROUPS, None),
        full_time_student=read.flag("full_time_student"),
        legacy_benefits=legacy,
    )


def _partner(errors: dict[str, str], data: Any) -> Partner:
    read = _Reader(errors, "partner", data, PARTNER_KEYS)
    return Partner(
        age=read.age("age", 16),
        lcw=read.flag("lcw"),
        lcwra=read.flag("lcwra"),
        lcwra_rate=read.choice("lcwra_rate", LCWRA_RATES, None),
        married=read.flag("married"),
        earnings_monthly=read.pence("earnings_monthly"),
        self_employed=read.flag("self_employed"),
        full_time_student=read.flag("full_time_student"),
    )


def _children(errors: dict[str, str], data: Any) -> tuple[Child, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        errors["children"] = _('must be a list, like [{"age": 7, "disability": "none"}]')
        return ()
    children = []
    for index, item in enumerate(data):
        read = _Reader(errors, f"children[{index}]", item, CHILD_KEYS)
        children.append(
            Child(
                age=read.age("age", 0),
                disability=read.choice("disability", CHILD_DISABILITIES, "none"),
                born_before_6_april_2017=read.optional_flag("born_before_6_april_2017"),
            )
        )
    return tuple(children)


def _housing(errors: dict[str, str], data: Any) -> Housing:
    if data is None:
        return Housing()
    read = _Reader(errors, "housing", data, HOUSING_KEYS)
    tenure = read.choice("tenure", TENURES, "none")
    if read.ok and not read.has("tenure"):
        errors["housing.tenure"] = _('is needed: "none", "social" or "private"')
    rent = read.pence("rent_monthly")
    if tenure != "none" and read.ok and not read.has("rent_monthly"):
        errors["housing.rent_monthly"] = _("is needed for a tenant: the rent a month")
    return Housing(
        tenure=tenure,
        rent_monthly=rent,
        brma=read.text("brma"),
        bedrooms=read.whole("bedrooms", 0, 20),
        lha_monthly=read.optional_pence("lha_monthly"),
        london=read.optional_flag("london"),
        sar_exception=read.flag("sar_exception"),
    )


def _work(errors: dict[str, str], data: Any, path: str) -> Work:
    read = _Reader(errors, path, data, WORK_KEYS)
    return Work(
        hours_per_week=read.hours("hours_per_week", Decimal(0)),
        hourly_pay=read.pence("hourly_pay"),
        travel_weekly=read.pence("travel_weekly"),
        other_costs_weekly=read.pence("other_costs_weekly"),
        weeks_per_year=read.hours("weeks_per_year", Decimal(52), Decimal(1), Decimal(52)),
        supported_permitted_work=read.flag("supported_permitted_work"),
        self_employed=read.flag("self_employed"),
        apprentice=read.flag("apprentice"),
    )


def household_from_dict(data: Any) -> Household:
    """A Household from JSON-like data, or ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    read = _Reader(errors, "", data, HOUSEHOLD_KEYS)
    if not read.ok:
        raise ValidationError(errors)
    tax_year = read.text("tax_year")
    if tax_year is not None and tax_year not in available_years():
        errors["tax_year"] = _("no rules for {year}; VocPlan has rules for {years}").format(
            year=tax_year, years=", ".join(available_years())
        )
    if not read.has("claimant"):
        errors["claimant"] = _("is needed: the person's age and benefits")
    claimant = _claimant(errors, read.data.get("claimant", {}))
    partner = _partner(errors, read.data["partner"]) if read.has("partner") else None
    children = _children(errors, read.data.get("children"))
    housing = _housing(errors, read.data.get("housing"))
    capital = read.pence("capital")
    work = _work(errors, read.data.get("work") or {}, "work")
    current = (
        _work(errors, read.data["current_work"], "current_work")
        if read.has("current_work")
        else None
    )
    other = OtherIncome()
    if read.has("other_income"):
        other_read = _Reader(errors, "other_income", read.data["other_income"], OTHER_INCOME_KEYS)
        other = OtherIncome(
            monthly=other_read.pence("monthly"),
            counted_by_uc=other_read.flag("counted_by_uc", True),
            taxable=other_read.flag("taxable"),
        )
    volunteering = None
    if read.has("volunteering"):
        volunteer_read = _Reader(
            errors, "volunteering", read.data["volunteering"], VOLUNTEERING_KEYS
        )
        volunteering = Volunteering(
            hours_per_week=volunteer_read.hours("hours_per_week", Decimal(0)),
            expenses_only=volunteer_read.flag("expenses_only", True),
        )
    nation = read.choice("nation", NATIONS, None)
    if errors:
        raise ValidationError(errors)
    return Household(
        claimant=claimant,
        tax_year=tax_year,
        partner=partner,
        children=children,
        housing=housing,
        capital=capital,
        work=work,
        current_work=current,
        other_income=other,
        volunteering=volunteering,
        nation=nation,
    )
