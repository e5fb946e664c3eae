"""The better-off calculation: Universal Credit, new-style ESA, PIP, tax and NI.

It follows the recipe in benefits-rules.md section 10, with the figures of the
rules pack for the household's tax year. Universal Credit is assessed per
month: the maximum amount, less 55 % of net earnings above any work allowance,
less unearned income (new-style ESA) pound for pound, less tariff income from
capital, then the benefit cap where the household is not exempt.

Whatever the rules cannot settle reliably is referred, never guessed:
``calculate`` then returns a Result with a reason and no money figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from vocplan.benefits import elements
from vocplan.benefits.model import ChartRow, Figures, Household, Referral, Result, Work
from vocplan.benefits.money import (
    MONTHLY_TO_WEEKLY,
    MONTHS_IN_YEAR,
    WEEKLY_TO_MONTHLY,
    WEEKS_IN_YEAR,
    format_number,
    format_percent,
    to_pence,
)
from vocplan.benefits.notes import Notes, hours_text, money
from vocplan.benefits.packs import NeedsAdviser, RulesPack, load_pack, newest_year
from vocplan.benefits.points import add_points
from vocplan.benefits.tax import (
    CoupleTax,
    NiThresholds,
    PersonIncome,
    TaxBands,
    household_tax,
)
from vocplan.domain.errors import ValidationError
from vocplan.i18n import _

ZERO = Fraction(0)
CHART_HOURS = tuple(Decimal(half) / 2 for half in range(0, 91))
"""0 to 45 hours a week in half hours: 91 points."""


def _fraction(value: Decimal) -> Fraction:
    return Fraction(value)


# -- what does not change with the hours worked ------------------------------------------
@dataclass(frozen=True)
class _Fixed:
    pack: RulesPack
    bands: TaxBands
    ni: NiThresholds
    couple: bool
    maximum: Fraction
    lcwra_element: Fraction
    housing_element: Fraction
    work_allowance: Fraction
    """Zero when the household gets no work allowance."""
    taper: Fraction
    tariff_income: Fraction
    esa_weekly: Fraction
    pip_monthly: Fraction
    child_benefit_monthly: Fraction
    other_income_monthly: Fraction
    other_income_counted: Fraction
    other_income_taxable_yearly: Fraction
    pip_exempts_cap: bool
    nation: str | None
    london: bool | None
    single_cap_rate: bool


def _prepare(household: Household, notes: Notes) -> _Fixed:
    pack = load_pack(household.tax_year or newest_year())
    claimant, partner, housing = household.claimant, household.partner, household.housing
    notes.step(
        lambda: _("Rules year {year} ({start} to {end}).").format(
            year=pack.tax_year,
            start=pack.starts.strftime("%d/%m/%Y"),
            end=pack.ends.strftime("%d/%m/%Y"),
        )
    )
    elements.check_scope(household, pack)

    # Standard allowance (UCR reg 36).
    threshold = pack.whole("uc.standard_allowance.age_threshold")
    if partner is None:
        key = (
            "uc.standard_allowance.single_25_plus"
            if claimant.age >= threshold
            else "uc.standard_allowance.single_under_25"
        )
    else:
        both_young = claimant.age < threshold and partner.age < threshold
        key = (
            "uc.standard_allowance.couple_both_under_25"
            if both_young
            else "uc.standard_allowance.couple_one_or_both_25_plus"
        )
    standard = Fraction(pack.pence(key))
    notes.step(
        lambda: _("Universal Credit standard allowance ({who}): {amount} a month.").format(
            who=elements.standard_allowance_label(key), amount=money(standard)
        )
    )

    lcwra = elements.lcwra_element(household, pack, notes)
    children = elements.child_elements(household, pack, notes)
    housing_element = elements.housing_element(household, pack, notes)
    maximum = standard + lcwra + children + housing_element
    notes.step(
        lambda: _("Maximum Universal Credit: {amount} a month.").format(amount=money(maximum))
    )

    # Work allowance (UCR reg 22): only with LCW or LCWRA, or a child.
    has_lcw = (
        claimant.lcw or claimant.lcwra or (partner is not None and (partner.lcw or partner.lcwra))
    )
    if has_lcw or household.children:
        key = (
            "uc.work_allowance.with_housing"
            if housing_element > 0
            else "uc.work_allowance.without_housing"
        )
        work_allowance = Fraction(pack.pence(key))
        why = (
            _("because of limited capability for work")
            if has_lcw
            else _("because you are responsible for a child")
        )
        which = (
            _("the lower amount, as the award includes housing costs")
            if housing_element > 0
            else _("the higher amount, as the award has no housing costs")
        )
        notes.step(
            lambda: _("Work allowance {amount} a month ({which}), {why}.").format(
                amount=money(work_allowance), which=which, why=why
            )
        )
    else:
        work_allowance = ZERO
        notes.step(
            lambda: _(
                "No work allowance: that needs limited capability for work (LCW or LCWRA) "
                "or a child, so every pound of earnings after tax and NI counts."
            )
        )
    taper = pack.fraction("uc.taper_rate")

    tariff = elements.tariff_income(household, pack, notes)
    esa_weekly = elements.esa_weekly(household, pack, notes)

    pip_weekly = ZERO
    for component, rate in (
        ("daily_living", claimant.pip_daily_living),
        ("mobility", claimant.pip_mobility),
    ):
        if rate != "none":
            pip_weekly += pack.pence(f"pip.{component}.{rate}")
    pip_monthly = pip_weekly * WEEKLY_TO_MONTHLY
    if pip_weekly:
        notes.step(
            lambda: _(
                "PIP {weekly} a week = {monthly} a month. Work does not change it, and "
                "Universal Credit does not count it."
            ).format(weekly=money(pip_weekly), monthly=money(pip_monthly))
        )

    child_benefit = ZERO
    if household.children:
        eldest = pack.pence("child_benefit.eldest")
        others = pack.pence("child_benefit.additional") * (len(household.children) - 1)
        child_benefit = (eldest + others) * WEEKLY_TO_MONTHLY
        notes.step(
            lambda: _(
                "Child Benefit {weekly} a week = {monthly} a month; Universal Credit does "
                "not count it."
            ).format(weekly=money(eldest + others), monthly=money(child_benefit))
        )

    other = household.other_income
    other_monthly = Fraction(other.monthly)
    if other_monthly:
        notes.step(
            lambda: _("Other income: {amount} a month{counted}.").format(
                amount=money(other_monthly),
                counted=_(", taken off Universal Credit pound for pound")
                if other.counted_by_uc
                else _(", not counted by Universal Credit"),
            )
        )

    nation: str | None = household.nation
    london = housing.london
    if housing.brma:
        area = pack.find_area(housing.brma)
        if area is not None:
            nation = nation or area.nation.casefold()
            if london is None:
                london = "london" in area.name.casefold()
    if nation == "scotland":
        raise NeedsAdviser(
            _(
                "Scotland has its own income tax rates and Universal Credit choices, "
                "which VocPlan does not cover."
            )
        )

    return _Fixed(
        pack=pack,
        bands=TaxBands.from_pack(pack),
        ni=NiThresholds.from_pack(pack),
        couple=partner is not None,
        maximum=maximum,
        lcwra_element=lcwra,
        housing_element=housing_element,
        work_allowance=work_allowance,
        taper=taper,
        tariff_income=tariff,
        esa_weekly=esa_weekly,
        pip_monthly=pip_monthly,
        child_benefit_monthly=child_benefit,
        other_income_monthly=other_monthly,
        other_income_counted=other_monthly if other.counted_by_uc else ZERO,
        other_income_taxable_yearly=other_monthly * MONTHS_IN_YEAR if other.taxable else ZERO,
        pip_exempts_cap=pip_weekly > 0,
        nation=nation,
        london=london,
        single_cap_rate=partner is None and not household.children,
    )


# -- one situation: now, or the scenario -------------------------------------------------
@dataclass(frozen=True)
class Situation:
    """Exact monthly pence for one situation, with what decided it."""

    hours: Decimal
    gross_weekly: Fraction
    claimant_earnings: Fraction
    partner_earnings: Fraction
    income_tax: Fraction
    national_insurance: Fraction
    uc_maximum: Fraction
    earned_income: Fraction
    """Net earnings for Universal Credit: gross pay less tax and NI on it."""
    work_allowance: Fraction
    taper_deduction: Fraction
    unearned_income: Fraction
    tariff_income: Fraction
    cap_reduction: Fraction
    universal_credit: Fraction
    new_style_esa: Fraction
    esa_stops: bool
    pip: Fraction
    child_benefit: Fraction
    other_income: Fraction
    costs_of_work: Fraction

    @property
    def earnings(self) -> Fraction:
        return self.claimant_earnings + self.partner_earnings

    @property
    def net_income(self) -> Fraction:
        return (
            self.earnings
            - self.income_tax
            - self.national_insurance
            + self.universal_credit
            + self.new_style_esa
            + self.pip
            + self.child_benefit
            + self.other_income
        )

    @property
    def take_home(self) -> Fraction:
        """Net income after the costs of working."""
        return self.net_income - self.costs_of_work

    def figures(self, scale: Fraction = Fraction(1)) -> Figures:
        """The figures in whole pence a month (or, with ``MONTHLY_TO_WEEKLY``, a week)."""
        return Figures(
            earnings=to_pence(self.earnings * scale),
            income_tax=to_pence(self.income_tax * scale),
            national_insurance=to_pence(self.national_insurance * scale),
            universal_credit=to_pence(self.universal_credit * scale),
            new_style_esa=to_pence(self.new_style_esa * scale),
            pip=to_pence(self.pip * scale),
            child_benefit=to_pence(self.child_benefit * scale),
            net_income=to_pence(self.net_income * scale),
        )


def _minimum_wage(household: Household, work: Work, pack: RulesPack) -> int:
    age = household.claimant.age
    if work.apprentice:
        return pack.pence("minimum_wage.apprentice")
    if age >= 21:
        return pack.pence("minimum_wage.age_21_plus")
    if age >= 18:
        return pack.pence("minimum_wage.age_18_to_20")
    return pack.pence("minimum_wage.under_18")


def _situation(household: Household, fixed: _Fixed, work: Work | None, notes: Notes) -> Situation:
    pack = fixed.pack
    hours = work.hours_per_week if work else Decimal(0)
    weeks = _fraction(work.weeks_per_year) if work else Fraction(WEEKS_IN_YEAR)
    pay = work.hourly_pay if work else 0
    gross_weekly = _fraction(hours) * pay
    claimant_yearly = gross_weekly * weeks
    claimant_monthly = claimant_yearly / MONTHS_IN_YEAR
    partner = household.partner
    partner_monthly = Fraction(partner.earnings_monthly) if partner else ZERO

    if work is not None and hours > 0:
        notes.step(
            lambda: _(
                "Pay: {hours} at {pay} an hour = {weekly} a week; for {weeks} weeks a year "
                "that is {monthly} a month on average."
            ).format(
                hours=hours_text(hours),
                pay=money(pay),
                weekly=money(gross_weekly),
                weeks=format_number(weeks),
                monthly=money(claimant_monthly),
            )
        )
        minimum = _minimum_wage(household, work, pack)
        if 0 < pay < minimum:
            notes.warn(
                lambda: _(
                    "{pay} an hour is below the minimum wage of {minimum} an hour for your "
                    "age. Employers must pay at least that."
                ).format(pay=money(pay), minimum=money(minimum))
            )
        if weeks < WEEKS_IN_YEAR:
            notes.warn(
                lambda: _(
                    "You would work {weeks} weeks a year, so these are averages: Universal "
                    "Credit is worked out each month on what you are paid that month."
                ).format(weeks=format_number(weeks))
            )
    if partner_monthly:
        notes.step(
            lambda: _("Your partner's pay: {monthly} a month.").format(
                monthly=money(partner_monthly)
            )
        )

    # New-style ESA and permitted work (ESA Regs 2008 reg 45, taken to apply to 2013 reg 39).
    esa_weekly = fixed.esa_weekly
    esa_stops = False
    esa_yearly = esa_weekly * WEEKS_IN_YEAR
    taxes = _taxes(household, fixed, claimant_yearly, esa_yearly, partner_monthly)
    claimant_ni_weekly = fixed.ni.per_period(gross_weekly, WEEKS_IN_YEAR)
    if esa_weekly and work is not None and hours > 0:
        net_weekly = gross_weekly - claimant_ni_weekly - taxes.people[0].on_earnings / weeks
        esa_stops = not _permitted_work(work, hours, net_weekly, pack, notes)
        if esa_stops:
            esa_yearly = esa_weekly * max(ZERO, WEEKS_IN_YEAR - weeks)
            taxes = _taxes(household, fixed, claimant_yearly, esa_yearly, partner_monthly)
    esa_monthly = esa_yearly / MONTHS_IN_YEAR
    if esa_weekly and not esa_stops:
        notes.step(
            lambda: _("New-style ESA: {weekly} a week = {monthly} a month.").format(
                weekly=money(esa_weekly), monthly=money(esa_monthly)
            )
        )

    income_tax = taxes.total / MONTHS_IN_YEAR
    _explain_tax(household, fixed, taxes, notes)
    claimant_ni = claimant_ni_weekly * weeks / MONTHS_IN_YEAR
    partner_ni = fixed.ni.per_period(partner_monthly, MONTHS_IN_YEAR) if partner else ZERO
    national_insurance = claimant_ni + partner_ni
    if national_insurance:
        notes.step(
            lambda: _(
                "National Insurance: {rate} of pay over {threshold} a week = {amount} a month."
            ).format(
                rate=format_percent(fixed.ni.main_rate),
                threshold=money(fixed.ni.primary_annual / WEEKS_IN_YEAR),
                amount=money(national_insurance),
            )
        )
    elif work is not None and hours > 0:
        notes.step(
            lambda: _("No National Insurance: pay is under {threshold} a week.").format(
                threshold=money(fixed.ni.primary_annual / WEEKS_IN_YEAR)
            )
        )

    # Universal Credit, assessed per month.
    earned = max(
        ZERO, claimant_monthly - taxes.people[0].on_earnings / MONTHS_IN_YEAR - claimant_ni
    )
    if partner is not None:
        earned += max(
            ZERO, partner_monthly - taxes.people[1].on_earnings / MONTHS_IN_YEAR - partner_ni
        )
    above = max(ZERO, earned - fixed.work_allowance)
    taper_deduction = fixed.taper * above
    unearned = esa_monthly + fixed.other_income_counted
    before_cap = max(ZERO, fixed.maximum - taper_deduction - unearned - fixed.tariff_income)
    if earned:
        notes.step(
            lambda: _(
                "Earnings for Universal Credit (after tax and NI): {earned} a month; less the "
                "work allowance of {allowance} leaves {above}; {taper} of that is {deduction}."
            ).format(
                earned=money(earned),
                allowance=money(fixed.work_allowance),
                above=money(above),
                taper=format_percent(fixed.taper),
                deduction=money(taper_deduction),
            )
        )
    if unearned:
        notes.step(
            lambda: _(
                "Unearned income taken off Universal Credit pound for pound: {amount} a month."
            ).format(amount=money(unearned))
        )
    cap_reduction = _benefit_cap(household, fixed, earned, before_cap, esa_monthly, notes)
    universal_credit = max(ZERO, before_cap - cap_reduction)
    if universal_credit:
        notes.step(
            lambda: _("Universal Credit: {amount} a month.").format(amount=money(universal_credit))
        )
    else:
        notes.step(lambda: _("Universal Credit comes to nothing, so none would be paid."))

    costs = ZERO
    if work is not None and hours > 0:
        weekly_costs = work.travel_weekly + work.other_costs_weekly
        costs = Fraction(weekly_costs) * weeks / MONTHS_IN_YEAR
        if costs:
            notes.step(
                lambda: _("Costs of working: {weekly} a week = {monthly} a month.").format(
                    weekly=money(weekly_costs), monthly=money(costs)
                )
            )
    situation = Situation(
        hours=hours,
        gross_weekly=gross_weekly,
        claimant_earnings=claimant_monthly,
        partner_earnings=partner_monthly,
        income_tax=income_tax,
        national_insurance=national_insurance,
        uc_maximum=fixed.maximum,
        earned_income=earned,
        work_allowance=fixed.work_allowance,
        taper_deduction=taper_deduction,
        unearned_income=unearned,
        tariff_income=fixed.tariff_income,
        cap_reduction=cap_reduction,
        universal_credit=universal_credit,
        new_style_esa=esa_monthly,
        esa_stops=esa_stops,
        pip=fixed.pip_monthly,
        child_benefit=fixed.child_benefit_monthly,
        other_income=fixed.other_income_monthly,
        costs_of_work=costs,
    )
    notes.step(
        lambda: _(
            "Net income: earnings {earnings} − income tax {tax} − NI {ni} + Universal Credit "
            "{uc} + new-style ESA {esa} + PIP {pip} + Child Benefit {cb} + other income "
            "{other} = {net} a month."
        ).format(
            earnings=money(situation.earnings),
            tax=money(income_tax),
            ni=money(national_insurance),
            uc=money(universal_credit),
            esa=money(esa_monthly),
            pip=money(fixed.pip_monthly),
            cb=money(fixed.child_benefit_monthly),
            other=money(fixed.other_income_monthly),
            net=money(situation.net_income),
        )
    )
    return situation


def _taxes(
    household: Household,
    fixed: _Fixed,
    claimant_yearly: Fraction,
    esa_yearly: Fraction,
    partner_monthly: Fraction,
) -> CoupleTax:
    incomes = [PersonIncome(claimant_yearly, esa_yearly + fixed.other_income_taxable_yearly)]
    partner = household.partner
    if partner is not None:
        incomes.append(PersonIncome(partner_monthly * MONTHS_IN_YEAR))
    taxes = household_tax(fixed.bands, incomes, married=bool(partner and partner.married))
    if taxes.total > 0:
        if fixed.nation == "wales":
            fixed.pack.flag("income_tax.wales_same_as_england")
        if household.children:
            higher = fixed.bands.personal_allowance + fixed.bands.basic_band
            if any(income.total > higher for income in incomes):
                raise NeedsAdviser(
                    _(
                        "With income over {amount} a year, the High Income Child Benefit "
                        "Charge may apply; it is not covered."
                    ).format(amount=money(higher))
                )
    return taxes


def _explain_tax(household: Household, fixed: _Fixed, taxes: CoupleTax, notes: Notes) -> None:
    if not notes.enabled:
        return
    names = [_("You"), _("Your partner")]
    for index, person in enumerate(taxes.people):
        if person.total == 0:
            if person.income.total:
                notes.step(
                    lambda index=index, person=person: _(  # type: ignore[misc]
                        "{who}: income of {income} a year is within the personal allowance "
                        "of {allowance}, so no income tax."
                    ).format(
                        who=names[index], income=money(person.income.total),
                        allowance=money(person.allowance),
                    )
                )  # fmt: skip
            continue
        notes.step(
            lambda index=index, person=person: _(  # type: ignore[misc]
                "{who}: income of {income} a year less the personal allowance of {allowance} "
                "leaves {taxable} to tax; income tax {tax} a year = {monthly} a month."
            ).format(
                who=names[index], income=money(person.income.total),
                allowance=money(person.allowance), taxable=money(person.taxable),
                tax=money(person.total), monthly=money(person.total / MONTHS_IN_YEAR),
            )
        )  # fmt: skip
    if taxes.marriage_allowance_from is not None:
        given = money(fixed.bands.marriage_transfer)
        worth = money(max(person.reduction for person in taxes.people))
        if taxes.marriage_allowance_from == 0:
            notes.step(
                lambda: _(
                    "Marriage allowance: you give {amount} of your personal allowance to your "
                    "partner, which takes {worth} a year off their tax (shown above)."
                ).format(amount=given, worth=worth)
            )
        else:
            notes.step(
                lambda: _(
                    "Marriage allowance: your partner gives {amount} of their personal allowance "
                    "to you, which takes {worth} a year off your tax (shown above)."
                ).format(amount=given, worth=worth)
            )
    if taxes.total > 0 and fixed.nation is None:
        notes.warn(
            lambda: _(
                "Income tax is worked out at the rates for England. If you live in Wales, "
                "ask an adviser: that the Welsh rates are the same is not checked yet."
            )
        )


def _permitted_work(
    work: Work, hours: Decimal, net_weekly: Fraction, pack: RulesPack, notes: Notes
) -> bool:
    """Whether the work is permitted work, so new-style ESA carries on."""
    lower = pack.pence("esa.permitted_work.lower_limit")
    hours_limit = pack.fraction("esa.permitted_work.hours_limit")
    higher = pack.pence("esa.permitted_work.higher_limit")
    if net_weekly <= lower:
        notes.step(
            lambda: _(
                "Permitted work: earnings after tax and NI of {net} a week are within the "
                "{lower} lower limit, so new-style ESA carries on."
            ).format(net=money(net_weekly), lower=money(lower))
        )
        return True
    if work.supported_permitted_work:
        supported = pack.pence("esa.permitted_work.supported_limit")
        if net_weekly > supported:
            notes.warn(
                lambda: _(
                    "New-style ESA would stop: earnings after tax and NI of {net} a week would "
                    "be over the {limit} weekly limit for supported permitted work. ESA does "
                    "not go down bit by bit; it stops."
                ).format(net=money(net_weekly), limit=money(supported))
            )
            return False
        if _fraction(hours) >= hours_limit:
            raise NeedsAdviser(
                _(
                    "Supported permitted work of {hours} or more: whether it has no hours "
                    "limit is not checked against the regulations."
                ).format(hours=hours_text(Decimal(int(hours_limit)))),
                "esa.permitted_work.supported_limit",
            )
        notes.step(
            lambda: _(
                "Supported permitted work: earnings after tax and NI of {net} a week are "
                "within the {limit} limit, so new-style ESA carries on."
            ).format(net=money(net_weekly), limit=money(supported))
        )
        return True
    if _fraction(hours) >= hours_limit:
        notes.warn(
            lambda: _(
                "New-style ESA would stop: working {hours} is not permitted work, which must "
                "be under {limit}. ESA does not go down bit by bit; it stops for every week "
                "you work that much."
            ).format(hours=hours_text(hours), limit=hours_text(Decimal(int(hours_limit))))
        )
        return False
    if net_weekly > higher:
        notes.warn(
            lambda: _(
                "New-style ESA would stop: earnings after tax and NI of {net} a week would be "
                "over the {limit} weekly limit for permitted work. ESA does not go down bit by "
                "bit; it stops."
            ).format(net=money(net_weekly), limit=money(higher))
        )
        return False
    notes.step(
        lambda: _(
            "Permitted work: under {limit} and earnings after tax and NI of {net} a week, "
            "within the {higher} limit, so new-style ESA carries on."
        ).format(
            limit=hours_text(Decimal(int(hours_limit))), net=money(net_weekly), higher=money(higher)
        )
    )
    notes.point(
        lambda: _(
            "Tell the DWP before you start permitted work, on form PW1. Going over "
            "the hours or the earnings limit even a little stops ESA for that week."
        )
    )
    return True


def _benefit_cap(
    household: Household,
    fixed: _Fixed,
    earned: Fraction,
    before_cap: Fraction,
    esa_monthly: Fraction,
    notes: Notes,
) -> Fraction:
    """The benefit cap (UCR regs 78-83), unless the household is exempt."""
    if before_cap == 0:
        return ZERO
    pack = fixed.pack
    if fixed.lcwra_element:
        notes.step(lambda: _("The benefit cap does not apply: the award includes LCWRA."))
        return ZERO
    if fixed.pip_exempts_cap:
        notes.step(lambda: _("The benefit cap does not apply: you get PIP."))
        return ZERO
    if esa_monthly and household.claimant.esa_group == "support":
        notes.step(
            lambda: _(
                "The benefit cap does not apply: your new-style ESA includes the support component."
            )
        )
        return ZERO
    if any(child.disability != "none" for child in household.children):
        notes.step(
            lambda: _(
                "The benefit cap does not apply: a child gets a disability benefit (the "
                "disabled child addition is for children who get DLA or PIP)."
            )
        )
        return ZERO
    exception = pack.pence("uc.benefit_cap.earnings_exception_monthly")
    if earned >= exception:
        notes.step(
            lambda: _(
                "The benefit cap does not apply: earnings after tax and NI are at least "
                "{amount} a month."
            ).format(amount=money(exception))
        )
        return ZERO
    who = "single" if fixed.single_cap_rate else "family"
    welfare = before_cap + fixed.child_benefit_monthly + esa_monthly
    reductions = {}
    for place in ("outside_london", "london"):
        cap = Fraction(pack.pence(f"uc.benefit_cap.{who}.{place}"), MONTHS_IN_YEAR)
        reductions[place] = (cap, max(ZERO, welfare - cap))
    if fixed.london is None:
        if reductions["london"][1] != reductions["outside_london"][1]:
            raise ValidationError(
                {
                    "housing.london": _(
                        "say whether you live in Greater London (true or false); the "
                        "benefit cap is different there"
                    )
                }
            )
        place = "outside_london"
    else:
        place = "london" if fixed.london else "outside_london"
    cap, reduction = reductions[place]
    if reduction:
        notes.step(
            lambda: _(
                "Benefit cap: benefits of {welfare} a month are over the cap of {cap}, so "
                "Universal Credit is cut by {cut}."
            ).format(welfare=money(welfare), cap=money(cap), cut=money(reduction))
        )
    else:
        notes.step(
            lambda: _(
                "Benefit cap: benefits of {welfare} a month are within the cap of {cap}."
            ).format(welfare=money(welfare), cap=money(cap))
        )
    return min(reduction, before_cap)


# -- the non-money points ----------------------------------------------------------------
# -- the public functions ----------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """The exact working behind a Result, for tests and the chart."""

    pack: RulesPack
    now: Situation
    scenario: Situation

    @property
    def better_off_monthly(self) -> Fraction:
        return self.scenario.take_home - self.now.take_home


def work_out(household: Household, *, explain: bool = False) -> tuple[Outcome, Notes]:
    """Both situations, exactly; raises NeedsAdviser when the case must be referred."""
    notes = Notes(explain)
    fixed = _prepare(household, notes)
    if household.current_work is not None and household.current_work.hours_per_week > 0:
        notes.step(
            lambda: _("Now, working {hours}:").format(
                hours=hours_text(household.current_work.hours_per_week)  # type: ignore[union-attr]
            )
        )
    else:
        notes.step(lambda: _("Now, not working:"))
    now = _situation(household, fixed, household.current_work, notes)
    work = household.work
    notes.step(
        lambda: _("If you work {hours} at {pay} an hour:").format(
            hours=hours_text(work.hours_per_week), pay=money(work.hourly_pay)
        )
    )
    scenario = _situation(household, fixed, work, notes)
    add_points(household, fixed.pack, scenario, notes)
    return Outcome(fixed.pack, now, scenario), notes


def calculate(household: Household) -> Result:
    """The better-off calculation for one household, or a referral with no figures."""
    try:
        outcome, notes = work_out(household, explain=True)
    except NeedsAdviser as problem:
        return _referral(household, problem)
    better = outcome.better_off_monthly
    better_weekly = better * MONTHLY_TO_WEEKLY
    costs = outcome.scenario.costs_of_work
    if better >= 0:
        notes.step(
            lambda: _(
                "Better off by {monthly} a month ({weekly} a week), after the costs of working."
            ).format(monthly=money(better), weekly=money(better_weekly))
        )
    else:
        notes.step(
            lambda: _(
                "Worse off by {monthly} a month ({weekly} a week), after the costs of working."
            ).format(monthly=money(-better), weekly=money(-better_weekly))
        )
    return Result(
        rules_year=outcome.pack.tax_year,
        now=outcome.now.figures(),
        scenario=outcome.scenario.figures(),
        now_weekly=outcome.now.figures(MONTHLY_TO_WEEKLY),
        scenario_weekly=outcome.scenario.figures(MONTHLY_TO_WEEKLY),
        costs_of_work_monthly=to_pence(costs),
        better_off_monthly=to_pence(better),
        better_off_weekly=to_pence(better_weekly),
        steps=tuple(notes.steps),
        warnings=tuple(notes.warnings),
        points=tuple(notes.points),
        refer=None,
    )


def _referral(household: Household, problem: NeedsAdviser) -> Result:
    year = household.tax_year or newest_year()
    notes = Notes(True)
    add_points(household, None, None, notes)
    reason = _(
        "We can't work this out reliably — talk to a welfare rights adviser. {reason}"
    ).format(reason=problem.reason)
    return Result(
        rules_year=year,
        now=None,
        scenario=None,
        now_weekly=None,
        scenario_weekly=None,
        costs_of_work_monthly=None,
        better_off_monthly=None,
        better_off_weekly=None,
        steps=(_("Rules year {year}.").format(year=year), reason),
        warnings=(),
        points=tuple(notes.points),
        refer=Referral(reason=reason, rule=problem.key),
    )


def chart(household: Household, hours: Iterable[Decimal] | None = None) -> list[ChartRow]:
    """Weekly money at each number of hours (0 to 45 in half hours unless given)."""
    rows = []
    try:
        notes = Notes(False)
        fixed = _prepare(household, notes)
        now = _situation(household, fixed, household.current_work, notes)
    except NeedsAdviser as problem:
        return [_refused_row(hour, problem.reason) for hour in (hours or CHART_HOURS)]
    for hour in hours if hours is not None else CHART_HOURS:
        work = replace(household.work, hours_per_week=Decimal(hour))
        try:
            scenario = _situation(household, fixed, work, notes)
        except NeedsAdviser as problem:
            rows.append(_refused_row(hour, problem.reason))
            continue
        weekly = MONTHLY_TO_WEEKLY
        rows.append(
            ChartRow(
                hours=Decimal(hour),
                earnings=to_pence(scenario.earnings * weekly),
                income_tax=to_pence(scenario.income_tax * weekly),
                national_insurance=to_pence(scenario.national_insurance * weekly),
                universal_credit=to_pence(scenario.universal_credit * weekly),
                new_style_esa=to_pence(scenario.new_style_esa * weekly),
                pip=to_pence(scenario.pip * weekly),
                child_benefit=to_pence(scenario.child_benefit * weekly),
                costs_of_work=to_pence(scenario.costs_of_work * weekly),
                net_income=to_pence(scenario.net_income * weekly),
                better_off=to_pence((scenario.take_home - now.take_home) * weekly),
                esa_stops=scenario.esa_stops,
                above_work_allowance=scenario.earned_income > scenario.work_allowance,
            )
        )
    return rows


def _refused_row(hours: Decimal, reason: str) -> ChartRow:
    return ChartRow(
        hours=Decimal(hours),
        earnings=None,
        income_tax=None,
        national_insurance=None,
        universal_credit=None,
        new_style_esa=None,
        pip=None,
        child_benefit=None,
        costs_of_work=None,
        net_income=None,
        better_off=None,
        esa_stops=False,
        above_work_allowance=False,
        refer=reason,
    )
