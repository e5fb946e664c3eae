"""Properties that must hold for any household the engine works out (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vocplan.benefits import (
    Child,
    Claimant,
    Household,
    Housing,
    OtherIncome,
    Partner,
    Work,
    calculate,
    chart,
)
from vocplan.benefits.engine import Outcome, work_out
from vocplan.benefits.money import MONTHLY_TO_WEEKLY, to_pence
from vocplan.benefits.packs import NeedsAdviser
from vocplan.domain.errors import ValidationError

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hours = st.decimals(min_value=0, max_value=60, places=2)
pence = st.integers(min_value=0, max_value=5000)  # up to £50 an hour
children = st.lists(
    st.builds(
        Child,
        age=st.integers(min_value=0, max_value=15),
        disability=st.sampled_from(["none", "none", "lower", "higher"]),
        born_before_6_april_2017=st.booleans(),
    ),
    max_size=3,
).map(tuple)
claimants = st.builds(
    Claimant,
    age=st.integers(min_value=18, max_value=65),
    lcw=st.booleans(),
    lcwra=st.booleans(),
    lcwra_rate=st.sampled_from(["protected", "new_claimant"]),
    pip_daily_living=st.sampled_from(["none", "standard", "enhanced"]),
    pip_mobility=st.sampled_from(["none", "standard", "enhanced"]),
    new_style_esa_weekly=st.sampled_from([0, 0, 9555, 14590]),
    esa_group=st.sampled_from([None, "support", "wrag"]),
)
partners = st.one_of(
    st.none(),
    st.builds(
        Partner,
        age=st.integers(min_value=18, max_value=65),
        lcw=st.booleans(),
        lcwra=st.just(False),
        married=st.booleans(),
        earnings_monthly=st.integers(min_value=0, max_value=500_000),
    ),
)
housing = st.one_of(
    st.just(Housing()),
    st.builds(Housing, tenure=st.just("social"), rent_monthly=st.integers(0, 150_000)),
    st.builds(
        Housing,
        tenure=st.just("private"),
        rent_monthly=st.integers(0, 200_000),
        lha_monthly=st.integers(30_000, 200_000),
        london=st.booleans(),
    ),
    st.builds(
        Housing,
        tenure=st.just("private"),
        rent_monthly=st.integers(0, 200_000),
        brma=st.sampled_from(["Birmingham", "Leeds", "Inner North London"]),
        bedrooms=st.integers(1, 4),
    ),
)
works = st.builds(
    Work,
    hours_per_week=hours,
    hourly_pay=pence,
    travel_weekly=st.integers(0, 5000),
    weeks_per_year=st.sampled_from([Decimal(52), Decimal(52), Decimal(39)]),
    supported_permitted_work=st.booleans(),
)
households = st.builds(
    Household,
    tax_year=st.just("2026-27"),
    claimant=claimants,
    partner=partners,
    children=children,
    housing=housing,
    capital=st.integers(0, 1_600_000),
    work=works,
    other_income=st.builds(
        OtherIncome,
        monthly=st.integers(0, 50_000),
        counted_by_uc=st.booleans(),
        taxable=st.booleans(),
    ),
)


def worked_out(household: Household) -> Outcome:
    try:
        return work_out(household)[0]
    except (NeedsAdviser, ValidationError):
        assume(False)
        raise AssertionError("unreachable") from None


@SETTINGS
@given(households, hours, hours)
def test_more_hours_never_lower_gross_pay(household: Household, a: Decimal, b: Decimal) -> None:
    fewer, more = sorted((a, b))
    low = worked_out(with_hours(household, fewer)).scenario
    high = worked_out(with_hours(household, more)).scenario
    assert high.earnings >= low.earnings
    assert high.gross_weekly >= low.gross_weekly


@SETTINGS
@given(households)
def test_universal_credit_is_never_below_nothing_nor_above_its_maximum(
    household: Household,
) -> None:
    outcome = worked_out(household)
    for situation in (outcome.now, outcome.scenario):
        assert 0 <= situation.universal_credit <= situation.uc_maximum
        if situation.cap_reduction == 0 and situation.earned_income <= situation.work_allowance:
            # Below the work allowance only unearned income and capital can reduce it.
            assert situation.universal_credit == max(
                0, situation.uc_maximum - situation.unearned_income - situation.tariff_income
            )


def with_hours(household: Household, amount: Decimal) -> Household:
    from dataclasses import replace

    return replace(household, work=replace(household.work, hours_per_week=amount))


no_esa_cliff = households.filter(
    lambda household: (
        household.claimant.new_style_esa_weekly == 0 and household.claimant.esa_group is None
    )
)


@SETTINGS
@given(no_esa_cliff, hours, st.decimals(min_value="0.01", max_value=2, places=2))
def test_without_esa_more_hours_never_lose_money_and_never_gain_more_than_the_pay(
    household: Household, start: Decimal, extra: Decimal
) -> None:
    """Net income is continuous where the rules are: no jump bigger than the extra pay.

    The benefit cap (its earnings exception) and the marriage allowance (lost when a
    spouse reaches the higher rate) are the rules' own steps, so those households are
    left out; so is the ESA cliff edge, which has its own tests.
    """
    assume(household.partner is None or not household.partner.married)
    before = worked_out(with_hours(household, start)).scenario
    after = worked_out(with_hours(household, start + extra)).scenario
    assume(before.cap_reduction == 0 and after.cap_reduction == 0)
    extra_pay = after.earnings - before.earnings
    assert after.net_income >= before.net_income
    assert after.net_income - before.net_income <= extra_pay


@SETTINGS
@given(households)
def test_the_result_agrees_with_its_own_working(household: Household) -> None:
    try:
        outcome = work_out(household)[0]
    except (NeedsAdviser, ValidationError):
        assume(False)
        return
    result = calculate(household)
    assert result.refer is None and result.scenario is not None and result.now is not None
    scenario = result.scenario
    parts = (
        scenario.earnings
        - scenario.income_tax
        - scenario.national_insurance
        + scenario.universal_credit
        + scenario.new_style_esa
        + scenario.pip
        + scenario.child_benefit
        + to_pence(outcome.scenario.other_income)
    )
    assert abs(parts - scenario.net_income) <= 5  # each figure is rounded on its own
    better = Fraction(result.better_off_monthly or 0)
    assert result.better_off_monthly == to_pence(outcome.better_off_monthly)
    assert abs(Fraction(result.better_off_weekly or 0) - better * MONTHLY_TO_WEEKLY) <= 1
    assert result.rules_year == "2026-27" and result.steps


@settings(max_examples=25, deadline=None)
@given(households)
def test_the_chart_has_91_points_matching_calculate(household: Household) -> None:
    try:
        rows = chart(household)
    except ValidationError:
        assume(False)
        return
    assert len(rows) == 91
    assert [row.hours for row in rows] == [Decimal(n) / 2 for n in range(91)]
    row = rows[32]  # 16 hours
    result = calculate(with_hours(household, Decimal(16)))
    if result.refer is not None:
        assert row.refer is not None and row.net_income is None
        return
    assert result.scenario is not None and row.net_income is not None
    assert abs(row.net_income - round(result.scenario.net_income * 12 / 52)) <= 1
