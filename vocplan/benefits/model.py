"""What the benefits engine takes in and gives back: plain, typed, immutable data.

Money is whole pence (``int``); hours and weeks are exact ``Decimal`` numbers.
Everything monthly is per calendar month (a Universal Credit assessment period).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Tenure = Literal["none", "social", "private"]
PipRate = Literal["none", "standard", "enhanced"]
LcwraRate = Literal["protected", "new_claimant", "not_sure"]
EsaGroup = Literal["support", "wrag"]
ChildDisability = Literal["none", "lower", "higher"]
Nation = Literal["england", "wales", "scotland"]

TENURES: tuple[Tenure, ...] = ("none", "social", "private")
PIP_RATES: tuple[PipRate, ...] = ("none", "standard", "enhanced")
LCWRA_RATES: tuple[LcwraRate, ...] = ("protected", "new_claimant", "not_sure")
ESA_GROUPS: tuple[EsaGroup, ...] = ("support", "wrag")
CHILD_DISABILITIES: tuple[ChildDisability, ...] = ("none", "lower", "higher")
NATIONS: tuple[Nation, ...] = ("england", "wales", "scotland")
LEGACY_BENEFITS = (
    "income_related_esa",
    "income_based_jsa",
    "income_support",
    "housing_benefit",
    "tax_credits",
)


@dataclass(frozen=True)
class Claimant:
    age: int
    lcw: bool = False
    lcwra: bool = False
    lcwra_rate: LcwraRate | None = None
    pip_daily_living: PipRate = "none"
    pip_mobility: PipRate = "none"
    new_style_esa_weekly: int = 0
    """Pence a week; 0 with an ``esa_group`` means 'gets ESA, amount not known'."""
    esa_group: EsaGroup | None = None
    full_time_student: bool = False
    legacy_benefits: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partner:
    age: int
    lcw: bool = False
    lcwra: bool = False
    lcwra_rate: LcwraRate | None = None
    married: bool = False
    """Married or civil partners: only then can the marriage allowance apply."""
    earnings_monthly: int = 0
    self_employed: bool = False
    full_time_student: bool = False


@dataclass(frozen=True)
class Child:
    age: int
    disability: ChildDisability = "none"
    born_before_6_april_2017: bool | None = None
    """Needed only when the age leaves it open (the eldest child's element)."""


@dataclass(frozen=True)
class Housing:
    tenure: Tenure = "none"
    rent_monthly: int = 0
    brma: str | None = None
    bedrooms: int | None = None
    lha_monthly: int | None = None
    london: bool | None = None
    sar_exception: bool = False
    """Another exception to the shared accommodation rate may apply (care leaver, hostel)."""


@dataclass(frozen=True)
class Work:
    hours_per_week: Decimal = Decimal(0)
    hourly_pay: int = 0
    travel_weekly: int = 0
    other_costs_weekly: int = 0
    weeks_per_year: Decimal = Decimal(52)
    supported_permitted_work: bool = False
    self_employed: bool = False
    apprentice: bool = False


@dataclass(frozen=True)
class OtherIncome:
    monthly: int = 0
    counted_by_uc: bool = True
    """Universal Credit takes it off pound for pound (for example Carer's Allowance)."""
    taxable: bool = False


@dataclass(frozen=True)
class Volunteering:
    hours_per_week: Decimal = Decimal(0)
    expenses_only: bool = True


@dataclass(frozen=True)
class Household:
    claimant: Claimant
    tax_year: str | None = None
    """``None`` means the newest rules pack."""
    partner: Partner | None = None
    children: tuple[Child, ...] = ()
    housing: Housing = field(default_factory=Housing)
    capital: int = 0
    work: Work = field(default_factory=Work)
    """The scenario: the work being thought about."""
    current_work: Work | None = None
    """The work done now, if any; ``None`` compares with not working."""
    other_income: OtherIncome = field(default_factory=OtherIncome)
    volunteering: Volunteering | None = None
    nation: Nation | None = None


# -- results -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    """One situation's money, in pence a month, for the claimant and any partner together."""

    earnings: int
    income_tax: int
    national_insurance: int
    universal_credit: int
    new_style_esa: int
    pip: int
    child_benefit: int
    net_income: int


@dataclass(frozen=True)
class Referral:
    reason: str
    rule: str | None = None
    """The rules-pack key that stopped the calculation, when one did."""


@dataclass(frozen=True)
class Result:
    rules_year: str
    now: Figures | None
    scenario: Figures | None
    costs_of_work_monthly: int | None
    better_off_monthly: int | None
    better_off_weekly: int | None
    steps: tuple[str, ...]
    warnings: tuple[str, ...]
    points: tuple[str, ...]
    """Things to know that are not money, worded cautiously."""
    refer: Referral | None = None
    now_weekly: Figures | None = None
    """The same figures a week (monthly x 12 / 52, rounded once)."""
    scenario_weekly: Figures | None = None


@dataclass(frozen=True)
class ChartRow:
    """One point of the hours chart: weekly pence (monthly x 12 / 52)."""

    hours: Decimal
    earnings: int | None
    income_tax: int | None
    national_insurance: int | None
    universal_credit: int | None
    new_style_esa: int | None
    pip: int | None
    child_benefit: int | None
    costs_of_work: int | None
    net_income: int | None
    """After tax and NI, before the costs of working."""
    better_off: int | None
    """Against now, after the costs of working."""
    esa_stops: bool
    above_work_allowance: bool
    refer: str | None = None
