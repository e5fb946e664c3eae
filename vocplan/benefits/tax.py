"""Income tax and employee National Insurance, in exact pence a year.

Income tax (England rates; benefits-rules.md section 4) is worked out on the
year's income. For Universal Credit and permitted work, the tax "on the
earnings" is the tax on earnings taken as the lowest slice of income, so the
personal allowance goes against earnings first and tax on other income (such
as new-style ESA) never comes off earnings. Employee NI (section 5) is charged
per pay period: weekly pay against the weekly equivalent of the annual
thresholds, for each week worked.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from vocplan.benefits.packs import RulesPack

ZERO = Fraction(0)


@dataclass(frozen=True)
class TaxBands:
    personal_allowance: Fraction
    taper_threshold: Fraction
    basic_rate: Fraction
    basic_band: Fraction
    higher_rate: Fraction
    additional_threshold: Fraction
    additional_rate: Fraction
    marriage_transfer: Fraction

    @classmethod
    def from_pack(cls, pack: RulesPack) -> TaxBands:
        return cls(
            personal_allowance=Fraction(pack.pence("income_tax.personal_allowance")),
            taper_threshold=Fraction(pack.pence("income_tax.personal_allowance.taper_threshold")),
            basic_rate=pack.fraction("income_tax.basic_rate"),
            basic_band=Fraction(pack.pence("income_tax.basic_rate_band")),
            higher_rate=pack.fraction("income_tax.higher_rate"),
            additional_threshold=Fraction(pack.pence("income_tax.additional_rate_threshold")),
            additional_rate=pack.fraction("income_tax.additional_rate"),
            marriage_transfer=Fraction(pack.pence("income_tax.marriage_allowance.transfer")),
        )

    def allowance_for(self, income: Fraction) -> Fraction:
        """The personal allowance, less £1 for every £2 of income over the taper threshold."""
        excess = max(ZERO, income - self.taper_threshold)
        return max(ZERO, self.personal_allowance - excess / 2)

    def on_taxable(self, taxable: Fraction) -> Fraction:
        basic = min(taxable, self.basic_band)
        higher = min(
            max(ZERO, taxable - self.basic_band), self.additional_threshold - self.basic_band
        )
        additional = max(ZERO, taxable - self.additional_threshold)
        return (
            self.basic_rate * basic + self.higher_rate * higher + self.additional_rate * additional
        )


@dataclass(frozen=True)
class PersonIncome:
    earnings: Fraction
    """Employment income for the year."""
    other: Fraction = ZERO
    """Other taxable income for the year (new-style ESA, a taxable pension)."""

    @property
    def total(self) -> Fraction:
        return self.earnings + self.other


@dataclass(frozen=True)
class PersonTax:
    income: PersonIncome
    allowance: Fraction
    """The personal allowance after any taper and any marriage allowance given away."""
    taxable: Fraction
    reduction: Fraction
    """Marriage allowance received, as a tax reduction."""
    total: Fraction
    on_earnings: Fraction


def person_tax(
    bands: TaxBands, income: PersonIncome, *, gives: bool = False, receives: bool = False
) -> PersonTax:
    allowance = bands.allowance_for(income.total)
    if gives:
        allowance = max(ZERO, allowance - bands.marriage_transfer)
    taxable = max(ZERO, income.total - allowance)
    before = bands.on_taxable(taxable)
    reduction = min(before, bands.basic_rate * bands.marriage_transfer) if receives else ZERO
    taxable_earnings = max(ZERO, taxable - income.other)
    on_earnings = max(ZERO, bands.on_taxable(taxable_earnings) - reduction)
    return PersonTax(
        income=income,
        allowance=allowance,
        taxable=taxable,
        reduction=reduction,
        total=before - reduction,
        on_earnings=on_earnings,
    )


@dataclass(frozen=True)
class CoupleTax:
    people: tuple[PersonTax, ...]
    marriage_allowance_from: int | None
    """Index of the person who gives the marriage allowance, if it is used."""

    @property
    def total(self) -> Fraction:
        return sum((person.total for person in self.people), ZERO)


def household_tax(bands: TaxBands, incomes: list[PersonIncome], *, married: bool) -> CoupleTax:
    """Everyone's income tax; a married couple use the marriage allowance when it lowers it.

    Either spouse may give £1,260 of personal allowance to the other, worth a
    tax reduction of basic rate x £1,260 (Income Tax Act 2007 ss.55B-55C),
    only if neither pays tax above the basic rate.
    """
    plain = CoupleTax(tuple(person_tax(bands, income) for income in incomes), None)
    if not married or len(incomes) != 2:
        return plain
    best = plain
    for giver in (0, 1):
        receiver = 1 - giver
        trial = [
            person_tax(bands, incomes[giver], gives=True),
            person_tax(bands, incomes[receiver], receives=True),
        ]
        if any(person.taxable > bands.basic_band for person in trial):
            continue
        people = (trial[0], trial[1]) if giver == 0 else (trial[1], trial[0])
        option = CoupleTax(people, giver)
        if option.total < best.total:
            best = option
    return best


@dataclass(frozen=True)
class NiThresholds:
    primary_annual: Fraction
    upper_annual: Fraction
    main_rate: Fraction
    additional_rate: Fraction

    @classmethod
    def from_pack(cls, pack: RulesPack) -> NiThresholds:
        return cls(
            primary_annual=Fraction(pack.pence("ni.class1.primary_threshold.annual")),
            upper_annual=Fraction(pack.pence("ni.class1.upper_earnings_limit.annual")),
            main_rate=pack.fraction("ni.class1.main_rate"),
            additional_rate=pack.fraction("ni.class1.additional_rate"),
        )

    def per_period(self, pay: Fraction, periods_in_year: int) -> Fraction:
        """Employee Class 1 NI on one pay period's pay."""
        primary = self.primary_annual / periods_in_year
        upper = self.upper_annual / periods_in_year
        main = min(max(ZERO, pay - primary), upper - primary)
        above = max(ZERO, pay - upper)
        return self.main_rate * main + self.additional_rate * above
