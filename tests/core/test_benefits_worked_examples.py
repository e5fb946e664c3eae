"""Every worked figure in benefits-rules.md (2026-27), to the penny.

Figures are monthly pounds unless the test says weekly. The engine keeps
exact fractions of a penny and rounds each reported figure half up, as UCR
reg 6 does; see test_a03_and_b06_at_16_hours for the two table entries that
are a penny away from their own arithmetic.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from vocplan.benefits import (
    Child,
    Claimant,
    Household,
    Housing,
    Partner,
    Work,
    calculate,
    load_pack,
)
from vocplan.benefits.engine import work_out
from vocplan.benefits.model import Result
from vocplan.benefits.money import to_pence

NLW = 1271  # pence an hour, 2026-27


def single_40(
    hours: float,
    *,
    rent: int = 0,
    lcwra: bool = True,
    rate: str = "protected",
    pay: int = NLW,
    **claimant: object,
) -> Household:
    return Household(
        tax_year="2026-27",
        claimant=Claimant(
            age=40,
            lcwra=lcwra,
            lcwra_rate=rate if lcwra else None,  # type: ignore[arg-type]
            **claimant,  # type: ignore[arg-type]
        ),
        housing=Housing(tenure="social", rent_monthly=rent) if rent else Housing(),
        work=Work(hours_per_week=Decimal(str(hours)), hourly_pay=pay),
    )


def pounds(pence: int | None) -> float:
    assert pence is not None
    return pence / 100


def uc(result: Result) -> float:
    assert result.scenario is not None
    return pounds(result.scenario.universal_credit)


def net(result: Result) -> float:
    assert result.scenario is not None
    return pounds(result.scenario.net_income)


# Section 10, "Selected worked results": A01-A06, single 40, LCWRA, no housing costs.
@pytest.mark.parametrize(
    ("hours", "expected_uc"),
    [(0, 854.70), (8, 854.70), (24, 560.44), (30, 429.57), (37.5, 266.00)],
)
def test_a01_to_a06_universal_credit(hours: float, expected_uc: float) -> None:
    assert uc(calculate(single_40(hours))) == expected_uc


def test_a01_to_a06_net_income_and_gains() -> None:
    assert net(calculate(single_40(0))) == 854.70
    assert net(calculate(single_40(37.5))) == 2046.37
    assert pounds(calculate(single_40(8)).better_off_monthly) == 440.61  # none lost at 8h
    assert pounds(calculate(single_40(16)).better_off_monthly) == 787.05
    assert pounds(calculate(single_40(37.5)).better_off_monthly) == 1191.67
    eight = calculate(single_40(8))
    assert eight.scenario is not None and eight.now is not None
    assert eight.scenario.universal_credit == eight.now.universal_credit


def test_a07_to_a12_social_rent() -> None:
    assert uc(calculate(single_40(0, rent=40000))) == 1254.70
    assert uc(calculate(single_40(37.5, rent=40000))) == 510.35
    assert net(calculate(single_40(0, rent=40000))) == 1254.70
    assert net(calculate(single_40(37.5, rent=40000))) == 2290.72
    assert pounds(calculate(single_40(8, rent=40000)).better_off_monthly) == 433.13
    assert pounds(calculate(single_40(16, rent=40000)).better_off_monthly) == 631.40
    assert pounds(calculate(single_40(37.5, rent=40000)).better_off_monthly) == 1036.02


def test_a09_worked_step_by_step() -> None:
    """Section 1.7: 16 hours at £12.71, LCWRA (protected), social rent £400."""
    result = calculate(single_40(16, rent=40000))
    outcome, _notes = work_out(single_40(16, rent=40000))
    assert result.scenario is not None
    assert pounds(result.scenario.earnings) == 881.23
    assert result.scenario.income_tax == 0
    assert result.scenario.national_insurance == 0
    assert to_pence(outcome.scenario.uc_maximum) == 125470
    assert to_pence(outcome.scenario.earned_income - outcome.scenario.work_allowance) == 45423
    assert uc(result) == 1004.88
    assert net(result) == 1886.10
    assert pounds(result.better_off_monthly) == 631.40
    assert any("£1,004.88" in step for step in result.steps)


def test_b05_to_b08_no_lcw_has_no_work_allowance() -> None:
    assert uc(calculate(single_40(0, rent=40000, lcwra=False))) == 824.90
    assert uc(calculate(single_40(30, rent=40000, lcwra=False))) == 9.27
    assert uc(calculate(single_40(37.5, rent=40000, lcwra=False))) == 0
    # "16h keeps only 45% of gross (no work allowance)": UC falls by 55% of the earnings.
    zero, sixteen = work_out(single_40(16, rent=40000, lcwra=False))[0].now, None
    sixteen = work_out(single_40(16, rent=40000, lcwra=False))[0].scenario
    assert sixteen.universal_credit - zero.universal_credit == -Fraction(55, 100) * (
        sixteen.claimant_earnings
    )
    assert sixteen.work_allowance == 0


def test_a03_and_b06_at_16_hours() -> None:
    """The table shows 760.52 (A03) and 340.22 (B06); the arithmetic gives 760.53 and 340.23.

    16 x 12.71 x 52 / 12 = 881.2266...; 854.70 - 0.55 x (881.2266... - 710) = 760.5253...
    and 824.90 - 0.55 x 881.2266... = 340.2253..., which round to 760.53 and 340.23. The
    table's figures would need the pay rounded to 881.23 first, but then A08's "+433.13 at
    8h" would be 433.12 and A09's £1,004.88 would be £1,004.87. The engine follows the
    rules (no rounding until the figure is reported), so it is a penny above the table here
    and agrees with A08 and A09.
    """
    a03 = calculate(single_40(16))
    b06 = calculate(single_40(16, rent=40000, lcwra=False))
    assert uc(a03) == 760.53
    assert uc(b06) == 340.23
    assert abs(uc(a03) - 760.52) <= 0.011 and abs(uc(b06) - 340.22) <= 0.011
    assert net(a03) == 1641.75  # 854.70 + 787.05, the table's gain at 16h


@pytest.mark.parametrize("hours", [0, 8, 16, 24, 30, 37.5])
@pytest.mark.parametrize("rent", [0, 40000])
def test_f01_to_f04_new_claimant_rate_is_212_54_less(hours: float, rent: int) -> None:
    protected = calculate(single_40(hours, rent=rent))
    new = calculate(single_40(hours, rent=rent, rate="new_claimant"))
    assert protected.scenario is not None and new.scenario is not None
    assert protected.scenario.universal_credit - new.scenario.universal_credit == 21254


def test_taper_example_keeps_about_32p_of_each_extra_pound() -> None:
    """Section 1.7: a basic-rate taxpayer paying NI above the work allowance keeps 32.4p."""
    household = single_40(37.5, pay=1371)
    household = Household(
        tax_year="2026-27",
        claimant=household.claimant,
        current_work=Work(hours_per_week=Decimal("37.5"), hourly_pay=NLW),
        work=household.work,
    )
    result = calculate(household)
    extra_gross = Fraction(375, 10) * 100 * 52 / 12  # £1 an hour more for 37.5 hours
    assert result.better_off_monthly == to_pence(extra_gross * Fraction(324, 1000))
    assert pounds(result.better_off_monthly) == 52.65


def test_i01_new_style_esa_adds_no_money_on_top_of_lcwra_uc() -> None:
    """I01 and A07 have the same net income: ESA comes off UC pound for pound."""
    with_esa = calculate(single_40(0, rent=40000, new_style_esa_weekly=14590, esa_group="support"))
    without = calculate(single_40(0, rent=40000))
    assert with_esa.now is not None and without.now is not None
    assert with_esa.now.net_income == without.now.net_income == 125470
    assert with_esa.now.new_style_esa == to_pence(Fraction(14590 * 52, 12))


def test_esa_support_group_rate_25_plus_is_145_90_a_week() -> None:
    outcome, _notes = work_out(single_40(0, esa_group="support"))
    assert to_pence(outcome.now.new_style_esa * 12 / 52) == 14590


def test_i02_new_style_esa_is_taxable_and_uses_the_personal_allowance() -> None:
    """With ESA of £7,586.80 a year, earnings over £4,983.20 a year pay income tax."""
    household = single_40(15, new_style_esa_weekly=14590, esa_group="support")
    outcome, _notes = work_out(household)
    yearly_earnings = 15 * NLW * 52  # £9,913.80, under the personal allowance on its own
    taxable = yearly_earnings + 14590 * 52 - 1257000
    assert outcome.scenario.income_tax * 12 == Fraction(taxable) * Fraction(20, 100)
    # Tax on the ESA is not tax on earnings: UC counts earnings before it.
    assert outcome.scenario.earned_income == Fraction(yearly_earnings, 12)


def test_e08_e09_pip_daily_living_lifts_the_shared_accommodation_rate() -> None:
    def birmingham(pip: str) -> Household:
        return Household(
            tax_year="2026-27",
            claimant=Claimant(age=30, pip_daily_living=pip),  # type: ignore[arg-type]
            housing=Housing(tenure="private", rent_monthly=75000, brma="Birmingham"),
        )

    without = work_out(birmingham("none"))[0].now
    with_pip = work_out(birmingham("standard"))[0].now
    standard = 42490
    assert without.uc_maximum - standard == 34158
    assert with_pip.uc_maximum - standard == 69500


def test_cardiff_lha_example_rates() -> None:
    pack = load_pack("2026-27")
    cardiff = pack.find_area("Cardiff")
    assert cardiff is not None and cardiff.nation == "Wales"
    assert cardiff.rates["shared_accommodation"] == 36610
    assert cardiff.rates["1_bedroom"] == 65000


def test_benefit_cap_monthly_amounts() -> None:
    pack = load_pack("2026-27")
    monthly = {
        key: to_pence(Fraction(pack.pence(f"uc.benefit_cap.{key}"), 12))
        for key in ("single.outside_london", "single.london", "family.outside_london",
                    "family.london")
    }  # fmt: skip
    assert monthly == {
        "single.outside_london": 122942,
        "single.london": 141392,
        "family.outside_london": 183500,
        "family.london": 211025,
    }


def test_derived_thresholds_follow_their_formulas() -> None:
    pack = load_pack("2026-27")
    nlw = pack.pence("minimum_wage.age_21_plus")
    assert nlw == NLW
    # Benefit cap earnings exception: 16 x NLW x 52 / 12, pence disregarded = £881.
    assert pack.pence("uc.benefit_cap.earnings_exception_monthly") == 100 * math.floor(
        Fraction(16 * nlw * 52, 12 * 100)
    )
    assert pack.pence("uc.benefit_cap.earnings_exception_monthly") == 88100
    # AET: 18 and 29 hours x NLW x 52 / 12 = £991.38 and £1,597.22.
    assert pack.pence("uc.administrative_earnings_threshold.single") == 99138
    assert to_pence(Fraction(18 * nlw * 52, 12)) == 99138
    assert to_pence(Fraction(29 * nlw * 52, 12)) == 159722
    # UCR reg 41: 16 x NLW = £203.36 a week.
    assert pack.pence("uc.lcw_assessment_earnings_threshold") == 16 * nlw == 20336
    # Permitted work higher limit: 16 x NLW rounded up to the next 50p = £203.50.
    assert pack.pence("esa.permitted_work.higher_limit") == 50 * math.ceil(16 * nlw / 50)
    assert load_pack("2025-26").pence("esa.permitted_work.higher_limit") == 19550


def test_marriage_allowance_is_1260_worth_252_a_year_and_only_when_married() -> None:
    def couple(married: bool) -> Household:
        return Household(
            tax_year="2026-27",
            claimant=Claimant(age=40),
            partner=Partner(age=40, married=married, earnings_monthly=250000),
        )

    married = work_out(couple(True))[0].now
    unmarried = work_out(couple(False))[0].now
    assert load_pack("2026-27").pence("income_tax.marriage_allowance.transfer") == 126000
    assert (unmarried.income_tax - married.income_tax) * 12 == 25200


def test_pip_and_child_benefit_weekly_rates() -> None:
    household = Household(
        tax_year="2026-27",
        claimant=Claimant(age=40, pip_daily_living="enhanced", pip_mobility="standard"),
        children=(Child(age=12), Child(age=5)),
    )
    now = work_out(household)[0].now
    assert now.pip == Fraction((11460 + 3030) * 52, 12)
    assert now.child_benefit == Fraction((2705 + 1790) * 52, 12)


def test_child_elements_and_disabled_child_additions() -> None:
    household = Household(
        tax_year="2026-27",
        claimant=Claimant(age=30),
        children=(Child(age=12, disability="higher"), Child(age=3, disability="lower")),
    )
    now = work_out(household)[0].now
    # Eldest born before 6 April 2017: £351.88; the other £303.94; additions £514.71, £164.79.
    assert now.uc_maximum == 42490 + 35188 + 30394 + 51471 + 16479


def test_capital_tariff_income_is_4_35_for_each_250_or_part() -> None:
    def with_capital(pounds: int) -> Fraction:
        household = Household(tax_year="2026-27", claimant=Claimant(age=40), capital=pounds * 100)
        return work_out(household)[0].now.tariff_income

    assert with_capital(6000) == 0
    assert with_capital(6001) == 435
    assert with_capital(6250) == 435
    assert with_capital(6251) == 870
    assert with_capital(16000) == 40 * 435


def test_national_insurance_is_8_percent_over_the_threshold() -> None:
    outcome = work_out(single_40(37.5))[0]
    weekly = Fraction(375 * NLW, 10)
    assert (
        outcome.scenario.national_insurance
        == (weekly - Fraction(1257000, 52)) * Fraction(8, 100) * 52 / 12
    )
