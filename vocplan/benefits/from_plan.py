"""From a plan document to the benefits engine's inputs, and back to what the plan keeps.

``household_from_plan(document, scenario, today)`` reads the plan's money part
(``document["money"]``), the person's date of birth and one work scenario (an
item of ``document["scenarios"]``, or ``None`` for no work) and gives the
engine's ``Household``. Money stays in whole pence throughout. What the plan
does not say is never guessed: a missing date of birth, or an answer the engine
needs (which LCWRA rate applies, say), raises ``ValidationError`` naming the
plan field, in words the Money page shows as a question.

How each answer maps:

- **Age**: whole years on ``today`` from ``person.date_of_birth``.
- **Universal Credit**: the engine always works out Universal Credit as an
  entitlement, whether or not the plan says the person gets it now
  (``money.universal_credit``); the page says so when the two differ. LCW,
  LCWRA and the LCWRA rate are passed as given; a rate of ``None`` is passed as
  unknown, so the engine asks for it.
- **New-style ESA**: ``new_style_esa_weekly_pence`` and the group. ESA in the
  assessment phase (group ``assessment``) has no standard rate, so it needs
  the weekly amount.
- **Housing, PIP, savings**: as given. **Other money coming in**
  (``other_income_monthly_pence``) is taken as income Universal Credit takes
  off pound for pound and that is not taxed (the engine's default, as for
  Carer's Allowance).
- **Money from work now** (``earnings_monthly_pence``, M pence a month) becomes
  the engine's ``current_work``: pay of M pence an hour for 12/52 of an hour a
  week (``CURRENT_WORK_HOURS``), 52 weeks a year, with no costs. The engine's
  monthly gross, hours x pay x 52 / 12, is then M (to within 10^-24 of a
  penny, well inside the rounding to whole pence), and its weekly gross is
  M x 12 / 52, the rules' monthly-to-weekly conversion, so tax, NI and the
  permitted work limits see the right weekly pay. The "now" steps show it as
  0.23 hours a week at M an hour. A scenario is the work the person would do
  *instead* of the work they do now.
- **Partner** (``money.partner``, a dict or ``None``): ``age`` (or
  ``date_of_birth``), ``earnings_monthly_pence``, ``lcw``, ``lcwra``,
  ``lcwra_rate``, ``married``, ``self_employed``, ``full_time_student``.
- **Children** (``money.children``, a list): ``age``, ``disability`` ("none",
  "lower", "higher") and, where the age leaves it open,
  ``born_before_6_april_2017``.
- **The scenario**: hours, hourly pay, weeks a year, travel and other costs a
  week, supported permitted work. Work for an option of kind
  ``self_employment`` is self-employed (which the engine refers). A scenario
  of volunteering with only expenses paid is volunteering, not work: the
  engine then compares not working with volunteering those hours.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, cast

from vocplan.benefits.model import (
    Child,
    ChildDisability,
    Claimant,
    EsaGroup,
    Household,
    Housing,
    LcwraRate,
    OtherIncome,
    Partner,
    PipRate,
    Result,
    Tenure,
    Volunteering,
    Work,
)
from vocplan.benefits.output import result_to_dict, to_json
from vocplan.benefits.packs import available_years, load_pack, newest_year, tax_year_of
from vocplan.domain.dates import age_on
from vocplan.domain.enums import ActivityKind
from vocplan.domain.errors import ValidationError
from vocplan.i18n import _

CURRENT_WORK_HOURS = Decimal(12) / Decimal(52)
"""Hours a week that turn monthly earnings into the engine's hours x hourly pay (see above)."""

PAID_KINDS = frozenset(
    {ActivityKind.PAID_WORK, ActivityKind.SUPPORTED_WORK, ActivityKind.SELF_EMPLOYMENT}
)
"""Kinds of option that involve pay, so the Money page offers a what-if for them."""

DATE_OF_BIRTH = "date_of_birth"


def rules_year_for(today: date) -> str:
    """The rules year to use on ``today``: its own tax year if VocPlan has it, else the newest."""
    year = tax_year_of(today)
    return year if year in available_years() else newest_year()


def household_from_plan(
    document: Mapping[str, Any], scenario: Mapping[str, Any] | None, today: date
) -> Household:
    """The engine's household for the plan's money now and one scenario (None: no work)."""
    money: Mapping[str, Any] = document.get("money") or {}
    person: Mapping[str, Any] = document.get("person") or {}
    born = _date(person.get(DATE_OF_BIRTH))
    if born is None:
        raise ValidationError(
            {DATE_OF_BIRTH: _("We need the person's date of birth to work this out.")}
        )
    errors: dict[str, str] = {}
    claimant = _claimant(money, age_on(born, today), errors)
    partner = _partner(money.get("partner"), today, errors)
    children = _children(money.get("children") or [], errors)
    work, volunteering = _scenario_work(document, scenario, errors)
    if errors:
        raise ValidationError(errors)
    earnings = _pence(money.get("earnings_monthly_pence"))
    current_work = (
        Work(hours_per_week=CURRENT_WORK_HOURS, hourly_pay=earnings) if earnings > 0 else None
    )
    return Household(
        tax_year=rules_year_for(today),
        claimant=claimant,
        partner=partner,
        children=children,
        housing=Housing(
            tenure=cast(Tenure, str(money.get("tenure") or "none")),
            rent_monthly=_pence(money.get("rent_monthly_pence")),
            brma=_text(money.get("brma")),
            bedrooms=_whole(money.get("bedrooms")),
            lha_monthly=_whole(money.get("lha_monthly_pence")),
        ),
        capital=_pence(money.get("capital_pence")),
        work=work,
        current_work=current_work,
        other_income=OtherIncome(monthly=_pence(money.get("other_income_monthly_pence"))),
        volunteering=volunteering,
    )


def _claimant(money: Mapping[str, Any], age: int, errors: dict[str, str]) -> Claimant:
    esa_weekly = _pence(money.get("new_style_esa_weekly_pence"))
    group = money.get("esa_group") or None
    esa_group: EsaGroup | None = None
    if group in ("support", "wrag"):
        esa_group = cast(EsaGroup, group)
    elif group == "assessment" and esa_weekly == 0:
        errors["new_style_esa_weekly_pence"] = _(
            "In the assessment phase, we need the amount of new-style ESA you get a week."
        )
    return Claimant(
        age=age,
        lcw=bool(money.get("lcw")),
        lcwra=bool(money.get("lcwra")),
        lcwra_rate=cast(LcwraRate | None, money.get("lcwra_rate") or None),
        pip_daily_living=cast(PipRate, str(money.get("pip_daily_living") or "none")),
        pip_mobility=cast(PipRate, str(money.get("pip_mobility") or "none")),
        new_style_esa_weekly=esa_weekly,
        esa_group=esa_group,
    )


def _partner(value: Any, today: date, errors: dict[str, str]) -> Partner | None:
    if not isinstance(value, Mapping):
        return None
    age = _whole(value.get("age"))
    born = _date(value.get(DATE_OF_BIRTH))
    if born is not None:
        age = age_on(born, today)
    if age is None:
        errors["partner.age"] = _("We need your partner's age to work this out.")
        age = 0
    return Partner(
        age=age,
        lcw=bool(value.get("lcw")),
        lcwra=bool(value.get("lcwra")),
        lcwra_rate=cast(LcwraRate | None, value.get("lcwra_rate") or None),
        married=bool(value.get("married")),
        earnings_monthly=_pence(value.get("earnings_monthly_pence")),
        self_employed=bool(value.get("self_employed")),
        full_time_student=bool(value.get("full_time_student")),
    )


def _children(values: Any, errors: dict[str, str]) -> tuple[Child, ...]:
    children = []
    for index, value in enumerate(values if isinstance(values, list) else []):
        child = value if isinstance(value, Mapping) else {}
        age = _whole(child.get("age"))
        if age is None:
            errors[f"children[{index}].age"] = _("We need each child's age to work this out.")
            continue
        before = child.get("born_before_6_april_2017")
        children.append(
            Child(
                age=age,
                disability=cast(ChildDisability, str(child.get("disability") or "none")),
                born_before_6_april_2017=None if before is None else bool(before),
            )
        )
    return tuple(children)


def _scenario_work(
    document: Mapping[str, Any], scenario: Mapping[str, Any] | None, errors: dict[str, str]
) -> tuple[Work, Volunteering | None]:
    if scenario is None:
        return Work(), None
    hours = _hours(scenario.get("hours_per_week"))
    pay = _pence(scenario.get("hourly_pay_pence"))
    if scenario.get("volunteering_expenses_only"):
        if pay:
            errors["hourly_pay_pence"] = _(
                "Volunteering with only expenses paid has no pay. Set the pay to 0, or say "
                "this is not volunteering."
            )
        return Work(), Volunteering(hours_per_week=hours, expenses_only=True)
    option = _option(document, scenario.get("option_uid"))
    self_employed = option is not None and option.get("kind") == ActivityKind.SELF_EMPLOYMENT
    weeks = _whole(scenario.get("weeks_per_year")) or 52
    return (
        Work(
            hours_per_week=hours,
            hourly_pay=pay,
            travel_weekly=_pence(scenario.get("travel_weekly_pence")),
            other_costs_weekly=_pence(scenario.get("other_costs_weekly_pence")),
            weeks_per_year=Decimal(weeks),
            supported_permitted_work=bool(scenario.get("supported_permitted_work")),
            self_employed=self_employed,
        ),
        None,
    )


def paid_options(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The plan's options that involve pay (a job, supported work, working for myself)."""
    return [
        dict(option) for option in document.get("options") or [] if option.get("kind") in PAID_KINDS
    ]


def scenario_for_option(
    option: Mapping[str, Any], document: Mapping[str, Any], today: date | None = None
) -> dict[str, Any]:
    """A new what-if for a paid option, with its hours and pay, ready for ``add_item``.

    The option's own hours and pay come first. With no hours yet it starts at
    the most hours the person would like to work (What matters to me), else 0;
    with no pay yet, at the minimum wage for the person's age in the rules year
    (the National Living Wage when the age is not known), for them to change.
    """
    today = today or date.today()
    hours = option.get("hours_per_week")
    if hours is None:
        hours = (document.get("preferences") or {}).get("hours_max")
    pay = option.get("pay_hourly_pence")
    if pay is None:
        pay = minimum_wage(document, today)
    return {
        "label": str(option.get("title") or ""),
        "option_uid": option.get("uid"),
        "hours_per_week": float(hours) if hours is not None else 0.0,
        "hourly_pay_pence": int(pay),
        "weeks_per_year": 52,
        "travel_weekly_pence": 0,
        "other_costs_weekly_pence": 0,
        "supported_permitted_work": False,
        "volunteering_expenses_only": False,
    }


def minimum_wage(document: Mapping[str, Any], today: date) -> int:
    """The minimum wage an hour for the person's age (the adult rate if the age is not known)."""
    pack = load_pack(rules_year_for(today))
    born = _date((document.get("person") or {}).get(DATE_OF_BIRTH))
    age = age_on(born, today) if born is not None else None
    if age is None or age >= 21:
        return pack.pence("minimum_wage.age_21_plus")
    if age >= 18:
        return pack.pence("minimum_wage.age_18_to_20")
    return pack.pence("minimum_wage.under_18")


def result_json(result: Result) -> dict[str, Any]:
    """The engine's JSON output (as ``vocplan benefits`` prints it), as plain JSON values.

    This is what a WorkScenario keeps as its ``result``.
    """
    return cast(dict[str, Any], json.loads(to_json(result_to_dict(result))))


# --- reading stored values ------------------------------------------------------------


def _option(document: Mapping[str, Any], uid: Any) -> Mapping[str, Any] | None:
    if not uid:
        return None
    return next((item for item in document.get("options") or [] if item.get("uid") == uid), None)


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _pence(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _hours(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return Decimal(0)
    return Decimal(str(value))
