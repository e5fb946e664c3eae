"""From a plan to the benefits engine: the demo personas' money, as the Money page works it out."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from vocplan.benefits import Claimant, Household, Housing, OtherIncome, Work, calculate, chart
from vocplan.benefits.from_plan import (
    CURRENT_WORK_HOURS,
    household_from_plan,
    paid_options,
    result_json,
    rules_year_for,
    scenario_for_option,
)
from vocplan.demo import load_demo
from vocplan.demo.personas import demo_personas
from vocplan.domain.enums import PlanStatus
from vocplan.domain.errors import ValidationError
from vocplan.services.money import record_calculation
from vocplan.services.plans import plan_overview
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


def persona(first_name: str) -> dict[str, Any]:
    for each in demo_personas(TODAY):
        if each.full_name.startswith(first_name):
            return copy.deepcopy(each.document)
    raise LookupError(first_name)


def scenario(document: dict[str, Any], label_start: str) -> dict[str, Any]:
    return next(item for item in document["scenarios"] if item["label"].startswith(label_start))


def test_aishas_16_hours_match_the_engine_called_directly() -> None:
    document = persona("Aisha")
    household = household_from_plan(document, scenario(document, "16 hours"), TODAY)
    by_hand = Household(
        tax_year="2026-27",
        claimant=Claimant(age=29, lcwra=True, lcwra_rate="protected", pip_daily_living="standard"),
        housing=Housing(tenure="social", rent_monthly=52000, bedrooms=1),
        capital=35000,
        work=Work(hours_per_week=Decimal(16), hourly_pay=1271, travel_weekly=8 * 175),
        other_income=OtherIncome(monthly=0),
    )
    assert household == by_hand
    result = calculate(household)
    assert result.refer is None
    assert result == calculate(by_hand)
    assert result.now is not None and result.scenario is not None
    # benefits-rules.md 1.7: £424.90 + £429.80 + £520 rent; 16 hours at £12.71 is
    # £881.2267 a month, and 55% of what is over the £427 work allowance comes off.
    assert result.now.universal_credit == 42490 + 42980 + 52000
    assert result.scenario.universal_credit == 112488  # 1,374.70 - 0.55 x 454.2267
    assert result.rules_year == "2026-27"


def test_saved_result_is_the_engines_json_output() -> None:
    document = persona("Aisha")
    result = calculate(household_from_plan(document, scenario(document, "16 hours"), TODAY))
    saved = result_json(result)
    assert saved["rules_year"] == "2026-27"
    assert saved["refer"] is None
    assert saved["scenario"]["universal_credit"] == pytest.approx(1124.88)
    assert saved["better_off_weekly"] == pytest.approx(131.71)
    assert isinstance(saved["steps"], list) and saved["steps"]


def test_no_date_of_birth_is_a_plain_question_not_a_guess() -> None:
    document = persona("Aisha")
    document["person"]["date_of_birth"] = None
    with pytest.raises(ValidationError) as raised:
        household_from_plan(document, scenario(document, "16 hours"), TODAY)
    assert raised.value.field_errors == {
        "date_of_birth": "We need the person's date of birth to work this out."
    }


def test_gareth_is_asked_his_lcwra_rate_and_at_16_hours_esa_stops() -> None:
    document = persona("Gareth")
    sixteen = scenario(document, "Small firm, 16 hours")
    with pytest.raises(ValidationError) as raised:  # never assumed: the engine asks
        calculate(household_from_plan(document, sixteen, TODAY))
    assert set(raised.value.field_errors) == {"claimant.lcwra_rate"}

    document["money"]["lcwra_rate"] = "new_claimant"  # the answer to the question
    result = calculate(household_from_plan(document, sixteen, TODAY))
    assert result.refer is None and result.scenario is not None
    assert result.scenario.new_style_esa == 0
    (cliff,) = [text for text in result.warnings if "ESA would stop" in text]
    assert "16 hours" in cliff and "stops" in cliff

    twelve = calculate(household_from_plan(document, scenario(document, "Small firm, 12"), TODAY))
    assert twelve.scenario is not None and twelve.scenario.new_style_esa > 0
    assert not any("ESA would stop" in text for text in twelve.warnings)


def test_volunteering_with_expenses_is_not_work_and_self_employment_is_referred() -> None:
    document = persona("Gareth")
    document["money"]["lcwra_rate"] = "new_claimant"
    household = household_from_plan(document, scenario(document, "Repair café"), TODAY)
    assert household.work == Work()
    assert household.volunteering is not None and household.volunteering.expenses_only
    assert calculate(household).better_off_weekly == 0

    (own_business,) = [
        option for option in document["options"] if option["kind"] == "self_employment"
    ]
    what_if = scenario_for_option(own_business, document, TODAY)
    result = calculate(household_from_plan(document, what_if, TODAY))
    assert result.refer is not None and result.better_off_weekly is None
    assert "Self-employment" in result.refer.reason


def test_monthly_earnings_now_become_current_work_of_exactly_that_pay() -> None:
    document = persona("Aisha")
    document["money"]["earnings_monthly_pence"] = 40000
    household = household_from_plan(document, None, TODAY)
    assert household.current_work == Work(hours_per_week=CURRENT_WORK_HOURS, hourly_pay=40000)
    result = calculate(household)
    assert result.now is not None and result.now.earnings == 40000
    assert result.better_off_monthly == -40000  # the scenario is no work, instead of £400


def test_a_what_if_for_each_paid_option_takes_its_hours_and_pay() -> None:
    document = persona("Aisha")
    titles = [option["title"] for option in paid_options(document)]
    assert titles == [
        "Bookshop or library assistant, afternoons",
        "Shop assistant in a big supermarket",
    ]
    bookshop = paid_options(document)[0]
    what_if = scenario_for_option(bookshop, document, TODAY)
    assert what_if["option_uid"] == bookshop["uid"]
    assert (what_if["hours_per_week"], what_if["hourly_pay_pence"]) == (16.0, 1271)

    no_pay = {**bookshop, "pay_hourly_pence": None, "hours_per_week": None}
    sam = persona("Sam")  # 20: the minimum wage for 18 to 20 year olds
    assert scenario_for_option(no_pay, sam, TODAY)["hourly_pay_pence"] == 1085
    assert scenario_for_option(no_pay, document, TODAY)["hours_per_week"] == 16.0


def test_the_chart_and_the_calculation_agree_at_the_scenarios_hours() -> None:
    document = persona("Aisha")
    household = household_from_plan(document, scenario(document, "16 hours"), TODAY)
    row = next(row for row in chart(household) if row.hours == 16)
    assert row.better_off == calculate(household).better_off_weekly


def test_the_rules_year_is_todays_tax_year_when_there_are_rules_for_it() -> None:
    assert rules_year_for(date(2026, 4, 6)) == "2026-27"
    assert rules_year_for(date(2026, 4, 5)) == "2025-26"
    assert rules_year_for(date(2031, 1, 1)) == "2026-27"  # the newest there is


def test_a_kept_result_leaves_an_agreed_plan_agreed_but_a_new_rules_year_does_not(
    database: Database,
) -> None:
    people = load_demo(database, today=TODAY)
    aisha = next(person for person in people if person.full_name == "Aisha Rahman")
    overview = plan_overview(database, aisha.id)
    assert overview.status == PlanStatus.AGREED
    document = overview.document
    sixteen = scenario(document, "16 hours")
    result = result_json(calculate(household_from_plan(document, sixteen, TODAY)))

    assert record_calculation(database, aisha.id, sixteen["uid"], result, "2026-27")
    overview = plan_overview(database, aisha.id)
    assert scenario(overview.document, "16 hours")["result"] == result
    assert overview.status == PlanStatus.AGREED  # derived figures: nothing to agree again
    assert not record_calculation(database, aisha.id, sixteen["uid"], result, "2026-27")

    assert record_calculation(database, aisha.id, None, None, "2025-26")
    overview = plan_overview(database, aisha.id)
    assert overview.document["plan"]["rules_year"] == "2025-26"
    assert overview.status == PlanStatus.DRAFT
