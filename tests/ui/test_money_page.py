"""The Money step: the hours control, the headline, what-ifs saved with their results.

Two Qt tests drive the real session window with the demo people; the rest
are plain tests of the wording, the rules-year notice and the chart's geometry.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QRectF
from ui.services import AppServices
from ui.session import money
from ui.session.fields import FieldRow
from ui.session.money import MoneyPage, headline, question_for, result_notes, rules_notice
from ui.session.money_chart import (
    ChartTableModel,
    Plot,
    band_label_box,
    chart_summary,
    find_markers,
    label_rows,
    nice_step,
    now_take_home,
    stacked_layers,
    take_home,
    y_scale,
)
from ui.session.window import SessionWindow
from vocplan.benefits import Household, calculate, chart
from vocplan.benefits.from_plan import household_from_plan, result_json
from vocplan.benefits.model import Figures, Referral, Result
from vocplan.demo import load_demo
from vocplan.demo.personas import demo_personas
from vocplan.domain.enums import PlanSection, PlanStatus
from vocplan.formatting import format_whole_pounds
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


def open_money_step(
    database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, full_name: str
) -> tuple[AppServices, int, SessionWindow, MoneyPage]:
    monkeypatch.setattr(money, "today", lambda: TODAY)
    person = next(each for each in load_demo(database, today=TODAY) if each.full_name == full_name)
    services = AppServices(database)
    window = SessionWindow(services.session_services(person.id), services.plan_overview(person.id))
    qtbot.addWidget(window)
    window.show()
    window.step_actions[4].trigger()
    page = window.page(PlanSection.MONEY).panels[0]
    assert isinstance(page, MoneyPage)
    return services, person.id, window, page


def saved(services: AppServices, person_id: int) -> dict[str, Any]:
    return services.plan_overview(person_id).document


def type_into(row: FieldRow, text: str) -> None:
    edit: Any = getattr(row.input, "edit")  # noqa: B009 - a money input has one
    edit.setText(text)
    edit.editingFinished.emit()


# --- driving the window ------------------------------------------------------------------


def test_aisha_moves_the_hours_to_16_and_adds_a_what_if_for_an_option(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, person_id, window, page = open_money_step(
        database, qtbot, monkeypatch, "Aisha Rahman"
    )
    calculator = page.calculator
    eight = saved(services, person_id)["scenarios"][0]
    assert eight["hours_per_week"] == 8
    assert page.scenarios.current_uid() == eight["uid"]

    # Looking keeps the figures with the what-if, and an agreed plan stays agreed.
    qtbot.waitUntil(lambda: saved(services, person_id)["scenarios"][0]["result"] is not None)
    assert services.plan_overview(person_id).status == PlanStatus.AGREED
    assert window.controller.undo_stack.count() == 0

    # The hours control, dragged to 16 and let go: the figures follow, then are saved once.
    slider = calculator.slider
    assert slider.accessibleName() == "Hours of paid work a week"
    slider.setSliderDown(True)
    for value in range(17, 33):
        slider.setValue(value)
    qtbot.waitUntil(lambda: "16 hours" in calculator.headline_label.text())
    assert saved(services, person_id)["scenarios"][0]["hours_per_week"] == 8  # not yet
    slider.setSliderDown(False)  # let go

    at_16 = {**eight, "hours_per_week": 16.0}
    expected = calculate(household_from_plan(saved(services, person_id), at_16, TODAY))
    assert expected.refer is None and expected.better_off_weekly is not None
    assert calculator.headline_label.text() == (
        f"Working 16 hours at £12.71 you would have about "
        f"{format_whole_pounds(expected.better_off_weekly)} more a week."
    )
    stored = saved(services, person_id)["scenarios"][0]
    assert stored["hours_per_week"] == 16
    assert stored["result"] == result_json(expected)
    assert stored["rules_year"] == "2026-27"
    assert window.controller.undo_stack.count() == 1  # one change, not one per step
    assert "16 hours" in calculator.chart.accessibleDescription()

    window.undo()
    assert saved(services, person_id)["scenarios"][0]["hours_per_week"] == 8
    assert calculator.hours() == 8
    assert "Working 8 hours" in calculator.headline_label.text()

    # A what-if from the supermarket option: linked, worked out and saved in one change.
    (supermarket,) = [
        option
        for option in saved(services, person_id)["options"]
        if option["title"] == "Shop assistant in a big supermarket"
    ]
    page.paid_options.buttons[supermarket["uid"]].click()
    added = saved(services, person_id)["scenarios"][-1]
    assert added["option_uid"] == supermarket["uid"]
    assert (added["hours_per_week"], added["hourly_pay_pence"]) == (16, 1271)
    assert added["rules_year"] == "2026-27" and added["result"]["refer"] is None
    assert added["result"]["better_off_weekly"] == pytest.approx(145.71)  # A09, no travel
    assert saved(services, person_id)["plan"]["rules_year"] == "2026-27"
    assert page.scenarios.current_uid() == added["uid"]
    assert calculator.headline_label.text() == (
        "Working 16 hours at £12.71 you would have about £146 more a week."
    )
    window.undo()
    assert len(saved(services, person_id)["scenarios"]) == 3


def test_gareth_answers_the_lcwra_question_sees_the_esa_cliff_and_nonsense_is_refused(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, person_id, window, page = open_money_step(
        database, qtbot, monkeypatch, "Gareth Price"
    )
    calculator = page.calculator
    page.scenarios.list.setCurrentRow(2)  # the small firm, 16 hours a week
    assert calculator.questions.isVisible() and not calculator.body.isVisible()
    question = calculator._question_rows["lcwra_rate"]
    combo: Any = getattr(question.input, "combo")  # noqa: B009
    combo.setCurrentIndex(combo.findData("new_claimant"))
    combo.activated.emit(combo.currentIndex())
    assert saved(services, person_id)["money"]["lcwra_rate"] == "new_claimant"
    assert calculator.body.isVisible() and not calculator.questions.isVisible()
    assert "16 hours at £16.00" in calculator.headline_label.text()
    assert "your new-style ESA would stop" in calculator.notes_label.text()
    assert "ESA stops at 13 hours a week" in calculator.chart.accessibleDescription()

    before = saved(services, person_id)
    pay = calculator.field_rows["hourly_pay_pence"]
    for nonsense, message in [
        ("£12.7x", "Type an amount in pounds, for example 12.50."),
        ("-5", "An amount of money cannot be less than nothing."),
        ("lots", "Type an amount in pounds, for example 12.50."),
    ]:
        type_into(pay, nonsense)
        assert pay.error_label.isVisible()
        assert pay.error_label.text() == f"⚠ {message}"
        assert getattr(pay.input, "edit").text() == nonsense  # noqa: B009 - kept as typed
        assert window.status_label.text() == f"Not saved: {message}"
    assert saved(services, person_id)["scenarios"] == before["scenarios"]

    type_into(calculator.field_rows["travel_weekly_pence"], "25")  # the rest still saves
    assert saved(services, person_id)["scenarios"][2]["travel_weekly_pence"] == 2500
    assert getattr(pay.input, "edit").text() == "lots"  # noqa: B009 - still as typed
    type_into(pay, "15.50")
    assert not pay.error_label.isVisible()
    kept = saved(services, person_id)["scenarios"][2]
    assert kept["hourly_pay_pence"] == 1550
    assert kept["result"]["scenario"]["earnings"] == pytest.approx(1074.67)  # 16 x 15.50 x 52/12
    assert "16 hours at £15.50" in calculator.headline_label.text()


# --- words ---------------------------------------------------------------------------------


def result(better_off_weekly: int, **changes: Any) -> Result:
    figures = Figures(0, 0, 0, 0, 0, 0, 0, 0)
    values: dict[str, Any] = {
        "rules_year": "2026-27",
        "now": figures,
        "scenario": figures,
        "costs_of_work_monthly": 0,
        "better_off_monthly": better_off_weekly * 52 // 12,
        "better_off_weekly": better_off_weekly,
        "steps": (),
        "warnings": (),
        "points": (),
    }
    return Result(**{**values, **changes})


def test_the_headline_says_more_less_or_the_same_in_whole_pounds() -> None:
    pay = 1271
    assert headline(result(14571), Decimal(16), pay) == (
        "Working 16 hours at £12.71 you would have about £146 more a week."
    )
    assert headline(result(1000), Decimal(1), pay) == (
        "Working 1 hour at £12.71 you would have about £10 more a week."
    )
    assert headline(result(4049), Decimal("7.5"), pay) == (
        "Working 7.5 hours at £12.71 you would have about £40 more a week."
    )
    worse = headline(result(-1250), Decimal(16), pay)
    assert worse.startswith("Working 16 hours at £12.71 you would have about £13 less a week")
    assert "welfare rights adviser" in worse
    assert headline(result(-49), Decimal(16), pay) == (
        "Working 16 hours at £12.71 your money would stay about the same as now."
    )
    assert headline(result(0), Decimal(3), 0, volunteering=True) == (
        "Volunteering with only your expenses paid would not change your money."
    )
    assert headline(result(0), Decimal(0), pay) == (
        "Without paid work your money would stay about the same."
    )


def test_a_referral_gives_the_reason_and_no_figures() -> None:
    reason = "We can't work this out reliably — talk to a welfare rights adviser. Self-employment."
    referred = replace(result(0), refer=Referral(reason=reason), now=None, better_off_weekly=None)
    assert headline(referred, Decimal(10), 2500) == (
        "We can't work this out reliably — talk to a welfare rights adviser."
    )
    assert result_notes(referred, {}) == ["Self-employment."]


def test_notes_say_when_esa_stops_and_when_universal_credit_is_not_claimed() -> None:
    now = Figures(0, 0, 0, 229, 63223, 0, 0, 63452)
    later = Figures(110933, 1237, 495, 43205, 0, 0, 0, 152406)
    found = result(18352, now=now, scenario=later, costs_of_work_monthly=8667)
    notes = result_notes(found, {"money": {"universal_credit": False}})
    assert notes[0] == "This is after the costs of working, £20.00 a week."
    assert "your new-style ESA would stop" in notes[1]
    assert "do not get Universal Credit now" in notes[2]
    assert len(result_notes(found, {"money": {"universal_credit": True}})) == 2


def test_the_rules_year_is_shown_and_a_newer_tax_year_is_warned_about() -> None:
    assert rules_notice(date(2026, 11, 23)) == ("Using 2026-27 benefit rules.", None)
    text, warning = rules_notice(date(2027, 4, 6))
    assert text == "Using 2026-27 benefit rules."
    assert warning is not None and "2027-28" in warning and "2026-27" in warning
    assert rules_notice(date(2027, 4, 5))[1] is None  # the last day of 2026-27


def test_questions_are_plain_and_point_at_the_answer() -> None:
    text, field = question_for("claimant.lcwra_rate", "say which LCWRA rate applies")
    assert field == "lcwra_rate" and text.startswith("Which LCWRA rate do you get?")
    text, _field = question_for("claimant.lcwra_rate", "", gets_universal_credit=False)
    assert "would you get in Universal Credit" in text
    dob = "We need the person's date of birth to work this out."
    assert question_for("date_of_birth", dob) == (
        "We need your date of birth to work this out. Add it in step 1, About today, under "
        "My care team.",
        None,
    )


# --- the chart's geometry ---------------------------------------------------------------------


def rows_for(first_name: str, label_start: str, rate: str | None = None) -> tuple[Household, list]:  # type: ignore[type-arg]
    persona = next(each for each in demo_personas(TODAY) if each.full_name.startswith(first_name))
    document = copy.deepcopy(persona.document)
    if rate:
        document["money"]["lcwra_rate"] = rate
    scenario = next(item for item in document["scenarios"] if item["label"].startswith(label_start))
    household = household_from_plan(document, scenario, TODAY)
    return household, chart(household)


def test_the_bands_add_up_to_the_money_coming_in_at_every_hour() -> None:
    _household, rows = rows_for("Aisha", "16 hours")
    layers = stacked_layers(rows)
    assert [layer.key for layer in layers] == ["pay", "universal_credit", "pip"]
    for index, row in enumerate(rows):
        assert abs(sum(layer.values[index] for layer in layers) - row.net_income) <= 3
    assert now_take_home(rows) == take_home(rows[0]) == 39394  # £1,707.07 a month x 12 / 52
    top, step = y_scale(rows)
    assert top % step == 0 and top >= max(row.net_income for row in rows)


def test_the_esa_cliff_and_the_work_allowance_are_found() -> None:
    _household, rows = rows_for("Gareth", "Small firm, 16", rate="new_claimant")
    markers = find_markers(rows)
    assert markers.esa_stops == Decimal(13)  # 13 x £16 = £208: over the £203.50 limit
    assert markers.work_allowance == Decimal("10.5")
    summary = chart_summary(rows, Decimal(16), 1600)
    assert "New-style ESA stops at 13 hours a week" in summary
    assert "Now you have about £148 a week." in summary

    _household, aisha = rows_for("Aisha", "16 hours")
    assert find_markers(aisha).esa_stops is None
    assert find_markers(aisha).work_allowance == Decimal(8)  # £440.61 a month > £427


def test_scales_and_positions() -> None:
    assert [nice_step(span) for span in (0, 40000, 66000, 9000)] == [1000, 10000, 20000, 2000]
    plot = Plot(left=60, top=40, width=450, height=300, max_hours=Decimal(45), top_pence=80000)
    assert plot.x(0) == 60 and plot.x(45) == 510 and plot.x(Decimal("22.5")) == 285
    assert plot.y(0) == 340 and plot.y(80000) == 40 and plot.y(40000) == 190
    assert plot.hours_at(287) == Decimal("22.5")
    assert plot.hours_at(-10) == 0 and plot.hours_at(999) == 45
    assert label_rows([(100, 80), (150, 80), (300, 60), (120, 40)]) == [0, 1, 0, 2]


def test_band_names_go_where_the_band_is_tall_enough_and_clear() -> None:
    xs = [0.0, 50.0, 100.0, 150.0, 200.0]
    lows = [200.0] * 5
    highs = [195.0, 170.0, 150.0, 160.0, 190.0]  # thickest at x = 100
    box = band_label_box(xs, lows, highs, 60, 20, (0, 300), [])
    assert box is not None and box.center().x() == 100
    blocked = band_label_box(xs, lows, highs, 60, 20, (0, 300), [QRectF(95, 0, 10, 400)])
    assert blocked is not None and blocked.center().x() == 150
    assert band_label_box(xs, lows, highs, 60, 60, (0, 300), []) is None


def test_the_table_has_every_half_hour_and_hides_columns_that_are_all_nothing() -> None:
    _household, rows = rows_for("Aisha", "16 hours")
    model = ChartTableModel()
    model.set_rows(rows)
    assert model.rowCount() == 91 and model.columnCount() == 9
    assert model.empty_columns() == [3, 5]  # no new-style ESA, no other income
    row = model.row_for(Decimal(16))
    assert model.data(model.index(row, 0)) == "16"
    assert model.data(model.index(row, 8)) == "£131.71"
