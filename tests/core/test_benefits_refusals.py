"""Cases the rules cannot settle are referred: a reason, and no money figures at all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vocplan.benefits import (
    Child,
    Claimant,
    Household,
    Housing,
    Partner,
    Volunteering,
    Work,
    calculate,
    chart,
)
from vocplan.benefits.model import Result
from vocplan.benefits.output import result_to_dict
from vocplan.domain.errors import ValidationError

WORKING = Work(hours_per_week=Decimal(16), hourly_pay=1271)


def single(**changes: object) -> Household:
    base = Household(tax_year="2026-27", claimant=Claimant(age=40), work=WORKING)
    return Household(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def assert_referred(result: Result, *words: str) -> None:
    assert result.refer is not None
    assert "welfare rights adviser" in result.refer.reason
    for word in words:
        assert word.lower() in result.refer.reason.lower()
    assert result.now is None and result.scenario is None
    assert result.now_weekly is None and result.scenario_weekly is None
    assert result.costs_of_work_monthly is None
    assert result.better_off_monthly is None and result.better_off_weekly is None
    assert result.warnings == ()
    # Only the reason may quote a limit from the rules; nothing is worked out.
    others = [text for text in (*result.steps, *result.points) if text != result.refer.reason]
    assert not any("£" in text for text in others)
    output = result_to_dict(result)
    assert output["now"] is None and output["scenario"] is None
    assert output["weekly"] == {"now": None, "scenario": None}
    assert output["better_off_monthly"] is None and output["refer"]["reason"]


CASES = {
    "self-employment": (
        single(work=Work(hours_per_week=Decimal(20), hourly_pay=1500, self_employed=True)),
        ["self-employment", "minimum income floor"],
    ),
    "partner self-employed": (
        single(partner=Partner(age=40, self_employed=True)),
        ["self-employment"],
    ),
    "full-time student": (
        single(claimant=Claimant(age=22, full_time_student=True)),
        ["student"],
    ),
    "legacy benefits": (
        single(claimant=Claimant(age=40, legacy_benefits=("housing_benefit",))),
        ["legacy"],
    ),
    "pension age": (single(claimant=Claimant(age=67)), ["pension age"]),
    "mixed-age couple": (single(partner=Partner(age=70)), ["mixed-age"]),
    "16 or 17": (single(claimant=Claimant(age=17)), ["16 and 17"]),
    "capital over the limit": (single(capital=1_600_001), ["capital"]),
    "LCWRA rate not known": (
        single(claimant=Claimant(age=40, lcwra=True, lcwra_rate="not_sure")),
        ["LCWRA rate"],
    ),
    "a child of 17": (single(children=(Child(age=17),)), ["16 to 19"]),
    "Welsh income tax is unverified": (
        single(
            nation="wales",
            work=Work(hours_per_week=Decimal("37.5"), hourly_pay=1500),
        ),
        ["Welsh", "not been checked"],
    ),
    "Welsh rental area": (
        single(
            housing=Housing(tenure="private", rent_monthly=70000, brma="Cardiff"),
            claimant=Claimant(age=40),
            work=Work(hours_per_week=Decimal(37), hourly_pay=1500),
        ),
        ["Welsh"],
    ),
    "Scotland": (single(nation="scotland"), ["Scotland"]),
    "2025-26 has no Child Benefit rates": (
        single(tax_year="2025-26", children=(Child(age=4),)),
        ["Child Benefit", "2025-26"],
    ),
    "supported permitted work of 16 hours or more": (
        single(
            claimant=Claimant(age=40, new_style_esa_weekly=14590, esa_group="support"),
            work=Work(hours_per_week=Decimal(20), hourly_pay=1000, supported_permitted_work=True),
        ),
        ["supported permitted work"],
    ),
    "social tenant with a spare bedroom": (
        single(housing=Housing(tenure="social", rent_monthly=50000, bedrooms=2)),
        ["spare bedroom"],
    ),
    "paid volunteering": (
        single(volunteering=Volunteering(hours_per_week=Decimal(6), expenses_only=False)),
        ["volunteering"],
    ),
    "another shared accommodation exception": (
        single(
            claimant=Claimant(age=23),
            housing=Housing(
                tenure="private", rent_monthly=50000, brma="Birmingham", sar_exception=True
            ),
        ),
        ["shared accommodation"],
    ),
    "ESA rate under 25 not known": (
        single(claimant=Claimant(age=22, esa_group="wrag")),
        ["under 25"],
    ),
    "high income with children": (
        single(
            children=(Child(age=4),),
            work=Work(hours_per_week=Decimal(40), hourly_pay=3000),
        ),
        ["High Income Child Benefit Charge"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_referred_with_a_reason_and_no_figures(case: str) -> None:
    household, words = CASES[case]
    assert_referred(calculate(household), *words)


def test_the_referral_names_the_unverified_rule() -> None:
    household, _words = CASES["Welsh income tax is unverified"]
    refer = calculate(household).refer
    assert refer is not None and refer.rule == "income_tax.wales_same_as_england"


def test_welsh_household_without_income_tax_is_not_referred() -> None:
    """The unverified Welsh rates matter only to someone who pays income tax."""
    household = single(nation="wales", work=Work(hours_per_week=Decimal(16), hourly_pay=1271))
    assert calculate(household).refer is None


def test_unknown_location_with_income_tax_says_the_rates_are_englands() -> None:
    result = calculate(single(work=Work(hours_per_week=Decimal(37), hourly_pay=1500)))
    assert result.refer is None
    assert any("rates for England" in warning for warning in result.warnings)


def test_chart_rows_are_refused_only_where_the_rule_bites() -> None:
    household = single(nation="wales", work=Work(hourly_pay=1500))
    rows = chart(household)
    taxed = [row for row in rows if row.refer is not None]
    untaxed = [row for row in rows if row.refer is None]
    assert untaxed and taxed
    assert max(row.hours for row in untaxed) < min(row.hours for row in taxed)
    assert all(row.net_income is None and row.universal_credit is None for row in taxed)


def test_chart_of_a_referred_household_has_no_figures() -> None:
    rows = chart(single(capital=2_000_000))
    assert len(rows) == 91
    assert all(row.refer and row.net_income is None and row.better_off is None for row in rows)


def test_questions_the_person_can_answer_are_asked_not_referred() -> None:
    with pytest.raises(ValidationError) as lcwra:
        calculate(single(claimant=Claimant(age=40, lcwra=True)))
    assert "claimant.lcwra_rate" in lcwra.value.field_errors
    with pytest.raises(ValidationError) as child:
        calculate(single(children=(Child(age=9),)))
    assert "children[0].born_before_6_april_2017" in child.value.field_errors
    with pytest.raises(ValidationError) as bedrooms:
        calculate(
            single(
                children=(Child(age=3),),
                housing=Housing(tenure="private", rent_monthly=80000, brma="Leeds"),
            )
        )
    assert "housing.bedrooms" in bedrooms.value.field_errors
    with pytest.raises(ValidationError) as brma:
        calculate(single(housing=Housing(tenure="private", rent_monthly=80000, brma="Atlantis")))
    assert "housing.brma" in brma.value.field_errors


def test_a_nine_year_olds_birth_date_settles_the_child_element() -> None:
    before = calculate(single(children=(Child(age=9, born_before_6_april_2017=True),)))
    after = calculate(single(children=(Child(age=9, born_before_6_april_2017=False),)))
    assert before.now is not None and after.now is not None
    assert before.now.universal_credit - after.now.universal_credit == 35188 - 30394
