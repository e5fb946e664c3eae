"""New-style ESA and permitted work: the cliff edge at 16 hours and at the weekly limit."""

from __future__ import annotations

from decimal import Decimal

from vocplan.benefits import Claimant, Household, Volunteering, Work, calculate, chart
from vocplan.benefits.model import Result

ESA_SUPPORT_GROUP = 14590  # £145.90 a week: 25 or over, support group, 2026-27


def gareth(hours: str, pay: int = 1271, **work: object) -> Household:
    """ESA support group, no Universal Credit entitlement questions beyond the basics."""
    return Household(
        tax_year="2026-27",
        claimant=Claimant(age=47, new_style_esa_weekly=ESA_SUPPORT_GROUP, esa_group="support"),
        work=Work(hours_per_week=Decimal(hours), hourly_pay=pay, **work),  # type: ignore[arg-type]
    )


def esa(result: Result) -> int:
    assert result.scenario is not None
    return result.scenario.new_style_esa


def test_15_5_hours_is_permitted_work_and_16_is_not() -> None:
    kept = calculate(gareth("15.5"))
    stopped = calculate(gareth("16"))
    assert esa(kept) == 63223  # £145.90 x 52 / 12
    assert esa(stopped) == 0
    assert not any("ESA would stop" in warning for warning in kept.warnings)
    (warning,) = [text for text in stopped.warnings if "ESA would stop" in text]
    assert "16 hours" in warning and "stops" in warning
    assert any("PW1" in point for point in kept.points)


def test_15_hours_at_the_minimum_wage_fits_and_16_hours_does_not() -> None:
    """benefits-rules.md 2.2: 15h at £12.71 (£190.65) fits; 16h (£203.36) is under the limit
    but is not permitted work, because it is not under 16 hours."""
    assert esa(calculate(gareth("15"))) > 0
    assert esa(calculate(gareth("16"))) == 0


def test_the_weekly_earnings_limit_is_a_cliff_too() -> None:
    under = calculate(gareth("15", pay=1356))  # £203.40 a week, net of no tax or NI
    over = calculate(gareth("15", pay=1357))  # £203.55 a week
    assert esa(under) > 0
    assert esa(over) == 0
    (warning,) = [text for text in over.warnings if "ESA would stop" in text]
    assert "£203.50" in warning and "£203.55" in warning


def test_earnings_within_the_lower_limit_have_no_hours_limit() -> None:
    result = calculate(gareth("20", pay=100))  # £20 a week: the lower limit
    assert esa(result) > 0
    assert esa(calculate(gareth("20", pay=101))) == 0


def test_supported_permitted_work_under_16_hours_keeps_esa() -> None:
    assert esa(calculate(gareth("15", pay=1300, supported_permitted_work=True))) > 0
    over = calculate(gareth("15", pay=1400, supported_permitted_work=True))
    assert esa(over) == 0


def test_when_esa_stops_universal_credit_makes_up_the_esa_it_was_reduced_by() -> None:
    def with_uc(hours: str) -> Household:
        base = gareth(hours)
        return Household(
            tax_year="2026-27",
            claimant=Claimant(
                age=47,
                lcwra=True,
                lcwra_rate="protected",
                new_style_esa_weekly=ESA_SUPPORT_GROUP,
                esa_group="support",
            ),
            work=base.work,
        )

    kept, stopped = calculate(with_uc("15.5")), calculate(with_uc("16"))
    assert kept.scenario is not None and stopped.scenario is not None
    uc_gain = stopped.scenario.universal_credit - kept.scenario.universal_credit
    lost_esa = kept.scenario.new_style_esa
    taper_on_extra_half_hour = round(0.55 * 0.5 * 1271 * 52 / 12)
    assert abs(uc_gain - (lost_esa - taper_on_extra_half_hour)) <= 1


def test_the_chart_marks_the_cliff_between_15_5_and_16_hours() -> None:
    rows = {row.hours: row for row in chart(gareth("0"))}
    assert len(rows) == 91
    assert not rows[Decimal("15.5")].esa_stops
    assert rows[Decimal(16)].esa_stops
    assert rows[Decimal("15.5")].new_style_esa == ESA_SUPPORT_GROUP
    assert rows[Decimal(16)].new_style_esa == 0
    # Without Universal Credit to make it up, crossing the edge loses money.
    assert rows[Decimal(16)].net_income < rows[Decimal("15.5")].net_income  # type: ignore[operator]


def test_fewer_weeks_a_year_stops_esa_only_in_the_weeks_worked() -> None:
    result = calculate(gareth("20", weeks_per_year=Decimal(26)))
    assert esa(result) == round(ESA_SUPPORT_GROUP * 26 / 12)
    assert any("averages" in warning for warning in result.warnings)


def test_volunteering_with_expenses_only_changes_no_money() -> None:
    plain = calculate(gareth("0"))
    volunteering = Household(
        tax_year="2026-27",
        claimant=plain_claimant(),
        work=Work(),
        volunteering=Volunteering(hours_per_week=Decimal(10), expenses_only=True),
    )
    result = calculate(volunteering)
    assert result.now == plain.now and result.scenario == plain.scenario
    assert any("Volunteering" in point for point in result.points)


def plain_claimant() -> Claimant:
    return Claimant(age=47, new_style_esa_weekly=ESA_SUPPORT_GROUP, esa_group="support")


def test_pay_below_the_minimum_wage_for_the_age_is_flagged() -> None:
    young = Household(
        tax_year="2026-27",
        claimant=Claimant(age=19),
        work=Work(hours_per_week=Decimal(10), hourly_pay=1000),
    )
    (warning,) = [text for text in calculate(young).warnings if "minimum wage" in text]
    assert "£10.85" in warning
    fine = Household(
        tax_year="2026-27",
        claimant=Claimant(age=19),
        work=Work(hours_per_week=Decimal(10), hourly_pay=1085),
    )
    assert not any("minimum wage" in text for text in calculate(fine).warnings)
