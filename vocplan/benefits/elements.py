"""The parts of a Universal Credit award that do not change with the hours worked.

Each function reads the rules pack for the figures, adds a step saying what it
did, and raises ``NeedsAdviser`` (refer) or ``ValidationError`` (ask the person)
when the rules or the answers do not settle it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from vocplan.benefits.model import Child, Claimant, Household, Partner
from vocplan.benefits.notes import Notes, money
from vocplan.benefits.packs import NeedsAdviser, RulesPack
from vocplan.domain.errors import ValidationError
from vocplan.i18n import _, ngettext

ZERO = Fraction(0)
HIGHER_FIRST_CHILD_BORN_BEFORE = date(2017, 4, 6)
"""UCR reg 24: the higher first-child amount is for a child born before this date."""
LHA_BIGGEST_CATEGORY = 4


def check_scope(household: Household, pack: RulesPack) -> None:
    """Refer the households these rules do not cover."""
    claimant, partner = household.claimant, household.partner
    adults = [claimant.age, *([partner.age] if partner else [])]
    pension_age = pack.refusal_threshold("scope.pension_age")
    if any(age >= pension_age for age in adults):
        reason = (
            _(
                "One of you is at or near State Pension age: mixed-age couples and "
                "pension-age rules are not covered."
            )
            if partner is not None
            else _("At or near State Pension age different rules apply, which are not covered.")
        )
        raise NeedsAdviser(reason, "scope.pension_age")
    minimum = pack.whole("uc.min_age")
    if any(age < minimum for age in adults):
        raise NeedsAdviser(
            _(
                "Universal Credit is for people aged {age} or over; the rules for "
                "16 and 17 year olds are not covered."
            ).format(age=minimum),
            "uc.min_age",
        )
    if claimant.full_time_student or (partner is not None and partner.full_time_student):
        raise NeedsAdviser(
            _("The rules for full-time students are not covered (they are not checked yet).")
        )
    if claimant.legacy_benefits:
        raise NeedsAdviser(
            _(
                "Legacy benefits (such as income-related ESA, Housing Benefit or tax "
                "credits) follow other rules, which are not covered."
            )
        )
    works = [household.work, *([household.current_work] if household.current_work else [])]
    if any(work.self_employed for work in works) or (partner is not None and partner.self_employed):
        raise NeedsAdviser(
            _(
                "Self-employment is not covered: the minimum income floor and surplus "
                "earnings rules are not checked yet."
            )
        )
    upper = pack.pence("uc.capital.upper_limit")
    if household.capital > upper:
        raise NeedsAdviser(
            _(
                "Savings and capital over {limit} mean no Universal Credit; what that means "
                "for you needs an adviser."
            ).format(limit=money(upper)),
            "uc.capital.upper_limit",
        )
    if any(child.age >= 16 for child in household.children):
        raise NeedsAdviser(
            _(
                "Young people aged 16 to 19 count only while in certain education or "
                "training; those rules are not covered."
            )
        )
    if household.volunteering is not None and not household.volunteering.expenses_only:
        raise NeedsAdviser(
            _(
                "Volunteering that pays more than expenses counts as earnings; how much "
                "counts needs an adviser."
            )
        )


def standard_allowance_label(key: str) -> str:
    labels = {
        "uc.standard_allowance.single_under_25": _("single, under 25"),
        "uc.standard_allowance.single_25_plus": _("single, 25 or over"),
        "uc.standard_allowance.couple_both_under_25": _("couple, both under 25"),
        "uc.standard_allowance.couple_one_or_both_25_plus": _("couple, one or both 25 or over"),
    }
    return labels[key]


def lcwra_element(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    """One LCWRA element per award (UCR reg 27(4)), at the rate the person told us."""
    people: list[tuple[str, Claimant | Partner]] = [("claimant", household.claimant)]
    if household.partner is not None:
        people.append(("partner", household.partner))
    with_lcwra = [(role, person) for role, person in people if person.lcwra]
    if not with_lcwra:
        return ZERO
    protected = pack.pence("uc.lcwra_element.protected")
    new_claimant = pack.pence("uc.lcwra_element.new_claimant")
    if protected == new_claimant:
        amount = Fraction(protected)
        notes.step(lambda: _("LCWRA element: {amount} a month.").format(amount=money(amount)))
        return amount
    missing = {
        f"{role}.lcwra_rate": _(
            "say which LCWRA rate applies: 'protected' (LCWRA before 6 April 2026, "
            "severe conditions or terminally ill), 'new_claimant', or 'not_sure'"
        )
        for role, person in with_lcwra
        if person.lcwra_rate is None
    }
    if missing:
        raise ValidationError(missing)
    rates = {person.lcwra_rate for _role, person in with_lcwra}
    if "not_sure" in rates:
        raise NeedsAdviser(
            _(
                "It is not known which LCWRA rate applies (protected or new-claimant); "
                "the rule for who keeps the protected rate is not checked yet."
            ),
            "uc.lcwra_element.protected",
        )
    if len(rates) > 1:
        raise NeedsAdviser(
            _("You both have LCWRA at different rates; which one the award gets is not covered.")
        )
    rate = rates.pop()
    amount = Fraction(protected if rate == "protected" else new_claimant)
    label = _("protected rate") if rate == "protected" else _("new-claimant rate")
    notes.step(
        lambda: _("LCWRA element ({rate}): {amount} a month.").format(
            rate=label, amount=money(amount)
        )
    )
    return amount


def born_before_cutoff(child: Child, pack: RulesPack) -> bool | None:
    """Whether the child was born before 6 April 2017, or None if the age leaves it open.

    Only the eldest child's answer matters (``eldest_child``): it sets the first child's
    element.
    """
    if child.born_before_6_april_2017 is not None:
        return child.born_before_6_april_2017
    latest_birth = _years_before(pack.ends, child.age)
    earliest_birth = _years_before(pack.starts, child.age + 1)
    if latest_birth < HIGHER_FIRST_CHILD_BORN_BEFORE:
        return True
    if earliest_birth >= HIGHER_FIRST_CHILD_BORN_BEFORE:
        return False
    return None


def eldest_child(children: Sequence[Child]) -> int:
    """The index of the eldest child (the first of them, when two are the same age)."""
    return max(range(len(children)), key=lambda index: children[index].age)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def child_elements(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    children = household.children
    if not children:
        return ZERO
    if len(children) > 2:
        limit = pack.limit("uc.child_element.max_children")
        if limit is not None and len(children) > limit:
            raise NeedsAdviser(
                _("The two-child limit applies, and its exceptions are not covered."),
                "uc.child_element.max_children",
            )
    eldest_index = eldest_child(children)
    born_before = born_before_cutoff(children[eldest_index], pack)
    if born_before is None:
        raise ValidationError(
            {
                f"children[{eldest_index}].born_before_6_april_2017": _(
                    "say whether this child was born before 6 April 2017 (true or false); "
                    "it changes the child element"
                )
            }
        )
    standard = Fraction(pack.pence("uc.child_element"))
    first = (
        Fraction(pack.pence("uc.child_element.first_child_born_before_2017_04_06"))
        if born_before
        else standard
    )
    total = first + standard * (len(children) - 1)
    count = len(children)
    notes.step(
        lambda: ngettext(
            "Child element for {count} child: {amount} a month.",
            "Child elements for {count} children: {amount} a month.",
            count,
        ).format(count=count, amount=money(total))
    )
    for child in children:
        if child.disability != "none":
            addition = Fraction(pack.pence(f"uc.disabled_child_addition.{child.disability}"))
            total += addition
            rate = _("lower rate") if child.disability == "lower" else _("higher rate")
            notes.step(
                lambda addition=addition, rate=rate: _(  # type: ignore[misc]
                    "Disabled child addition ({rate}): {amount} a month."
                ).format(rate=rate, amount=money(addition))
            )
    return total


def housing_element(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    housing = household.housing
    rent = Fraction(housing.rent_monthly)
    if housing.tenure == "none" or rent == 0:
        notes.step(lambda: _("No housing costs, so no housing costs element."))
        return ZERO
    if housing.tenure == "social":
        _check_social_bedrooms(household, notes)
        notes.step(
            lambda: _("Housing costs element: social rent of {rent} a month.").format(
                rent=money(rent)
            )
        )
        return rent
    lha = _lha_rate(household, pack, notes)
    element = min(rent, lha)
    notes.step(
        lambda: _(
            "Housing costs element: the lower of your rent ({rent}) and the Local Housing "
            "Allowance ({lha}) = {amount} a month."
        ).format(rent=money(rent), lha=money(lha), amount=money(element))
    )
    return element


def _check_social_bedrooms(household: Household, notes: Notes) -> None:
    """The social-sector size criteria are unverified: refer any possible spare bedroom."""
    bedrooms = household.housing.bedrooms
    if bedrooms is None:
        notes.warn(
            lambda: _(
                "We assumed you have no spare bedroom. If you do, the housing costs element "
                "is cut (the 'bedroom tax'), which this calculation does not cover."
            )
        )
        return
    children = len(household.children)
    # The couple or single person need one bedroom; each child needs at most one more,
    # and having any child means at least one more.
    least_needed = 1 + (1 if children else 0)
    most_needed = 1 + children
    if bedrooms <= least_needed:
        return
    if bedrooms > most_needed:
        reason = _(
            "Your home seems to have a spare bedroom. The social-sector size rules "
            "('bedroom tax') are not checked yet, so the housing costs element cannot be "
            "worked out reliably."
        )
    else:
        reason = _(
            "Whether you have a spare bedroom depends on your children's ages and sexes; "
            "the social-sector size rules ('bedroom tax') are not checked yet."
        )
    raise NeedsAdviser(reason)


def _lha_rate(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    housing, claimant = household.housing, household.claimant
    if housing.lha_monthly is not None:
        override = Fraction(housing.lha_monthly)
        notes.step(
            lambda: _("Local Housing Allowance rate given: {amount} a month.").format(
                amount=money(override)
            )
        )
        return override
    if not housing.brma:
        raise ValidationError(
            {
                "housing.brma": _(
                    "a private renter needs the broad rental market area (or lha_monthly, "
                    "the Local Housing Allowance rate that applies)"
                )
            }
        )
    area = pack.find_area(housing.brma)
    if area is None:
        raise ValidationError(
            {
                "housing.brma": _(
                    "'{name}' is not a broad rental market area in England or Wales that "
                    "VocPlan knows; check the spelling, or give lha_monthly instead"
                ).format(name=housing.brma)
            }
        )
    single_young = (
        household.partner is None
        and not household.children
        and claimant.age < pack.whole("uc.housing.shared_accommodation_age_threshold")
    )
    if single_young and claimant.pip_daily_living == "none":
        if housing.sar_exception:
            raise NeedsAdviser(
                _(
                    "Another exception to the shared accommodation rate may apply (for "
                    "example for care leavers or hostel residents); those rules are not "
                    "checked yet."
                )
            )
        category = "shared_accommodation"
        notes.warn(
            lambda: _(
                "As a single person under 35, the shared accommodation rate applies, even "
                "if you live alone. Some people are exempt (for example care leavers and "
                "some hostel residents): if that may be you, ask an adviser."
            )
        )
    else:
        if single_young:
            notes.step(
                lambda: _(
                    "The PIP daily living component means the shared accommodation rate "
                    "does not apply."
                )
            )
        if household.children:
            if housing.bedrooms is None:
                raise ValidationError(
                    {
                        "housing.bedrooms": _(
                            "say how many bedrooms the household is allowed for the Local "
                            "Housing Allowance (1 to 4)"
                        )
                    }
                )
            rooms = max(1, min(housing.bedrooms, LHA_BIGGEST_CATEGORY))
        else:
            if housing.bedrooms is not None and housing.bedrooms > 1:
                raise NeedsAdviser(
                    _(
                        "Without children the Local Housing Allowance is for one bedroom; "
                        "the rules for an extra bedroom (for example for an overnight "
                        "carer) are not covered."
                    )
                )
            rooms = 1
        category = "1_bedroom" if rooms == 1 else f"{rooms}_bedrooms"
    rate = Fraction(area.rates[category])
    notes.step(
        lambda: _("Local Housing Allowance for {area}, {category}: {amount} a month.").format(
            area=area.name, category=_category_label(category), amount=money(rate)
        )
    )
    return rate


def _category_label(category: str) -> str:
    if category == "shared_accommodation":
        return _("shared accommodation rate")
    rooms = int(category[0])
    return ngettext("{count} bedroom", "{count} bedrooms", rooms).format(count=rooms)


def tariff_income(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    """£4.35 a month for each £250, or part of £250, over £6,000 (UCR reg 72)."""
    lower = pack.pence("uc.capital.lower_limit")
    if household.capital <= lower:
        if household.capital:
            notes.step(
                lambda: _("Savings of {amount} are under {limit}, so they are ignored.").format(
                    amount=money(household.capital), limit=money(lower)
                )
            )
        return ZERO
    step = pack.pence("uc.capital.tariff_step")
    per_step = pack.pence("uc.capital.tariff_income_per_step")
    steps = -(-(household.capital - lower) // step)
    tariff = Fraction(steps * per_step)
    notes.step(
        lambda: _(
            "Savings of {amount}: {steps} lots of {step} (or part) over {limit}, at "
            "{per_step} each = {tariff} a month taken off Universal Credit."
        ).format(
            amount=money(household.capital),
            steps=steps,
            step=money(step),
            limit=money(lower),
            per_step=money(per_step),
            tariff=money(tariff),
        )
    )
    return tariff


def esa_weekly(household: Household, pack: RulesPack, notes: Notes) -> Fraction:
    claimant = household.claimant
    if claimant.new_style_esa_weekly:
        amount = Fraction(claimant.new_style_esa_weekly)
        notes.step(
            lambda: _("New-style ESA: {weekly} a week, as you told us.").format(
                weekly=money(amount)
            )
        )
    elif claimant.esa_group is not None:
        if claimant.age < 25:
            raise NeedsAdviser(
                _(
                    "The new-style ESA rate for people under 25 depends on the phase of "
                    "the claim, which is not checked yet. Give the weekly amount you get."
                ),
                "esa.new_style.personal_allowance.under_25",
            )
        amount = Fraction(pack.pence("esa.new_style.personal_allowance.25_plus"))
        if claimant.esa_group == "support":
            amount += pack.pence("esa.support_component")
        notes.step(
            lambda: _("New-style ESA at the standard rate for your group: {weekly} a week.").format(
                weekly=money(amount)
            )
        )
    else:
        return ZERO
    if claimant.esa_group == "wrag":
        notes.warn(
            lambda: _(
                "New-style ESA in the work-related activity group is paid for at most {days} days."
            ).format(days=pack.whole("esa.new_style.wrag_time_limit_days"))
        )
    return amount
