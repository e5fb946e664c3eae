"""Who lives with me on the Money page, and the date of birth in About today.

One Qt test drives the real session window: a partner and a child added
through the widgets, saved in the plan, undoable one answer at a time, and
counted in the figures; nonsense gets its message at the field. The rest are
plain tests of the words and of the session's services.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QLabel
from ui.services import AppServices
from ui.session import money
from ui.session.fields import FieldRow
from ui.session.money import MoneyPage, question_for
from ui.session.panels import form_fields
from ui.session.services import PERSON_KEY
from ui.session.window import SessionWindow
from vocplan.benefits import calculate
from vocplan.benefits.from_plan import household_from_plan
from vocplan.demo import load_demo
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError
from vocplan.plan_fields import PART_SPECS
from vocplan.services.household import new_partner
from vocplan.services.people import PersonInput, add_person
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


def saved_money(services: AppServices, person_id: int) -> dict[str, Any]:
    return dict(services.plan_overview(person_id).document["money"])


def type_into(row: FieldRow, text: str) -> None:
    edit: Any = getattr(row.input, "edit")  # noqa: B009 - number and money inputs have one
    edit.setText(text)
    edit.editingFinished.emit()


def choose(row: FieldRow, value: str) -> None:
    combo: Any = getattr(row.input, "combo")  # noqa: B009 - a choice input has one
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_partner_and_a_child_added_on_the_money_page_are_saved_and_counted(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(money, "today", lambda: TODAY)
    person = next(
        each for each in load_demo(database, today=TODAY) if each.full_name == "Aisha Rahman"
    )
    services = AppServices(database)
    window = SessionWindow(services.session_services(person.id), services.plan_overview(person.id))
    qtbot.addWidget(window)
    window.show()
    window.go_to(PlanSection.MONEY)
    page = window.page(PlanSection.MONEY).panels[0]
    assert isinstance(page, MoneyPage)
    household, calculator = page.household, page.calculator
    stack = window.controller.undo_stack
    qtbot.waitUntil(lambda: calculator.result is not None)
    assert calculator.result is not None and calculator.scenario is not None
    single = calculator.result
    assert household.partner_card.isHidden()
    assert household.partner_check.focus_widget.accessibleName() == "I live with a partner"

    # Ticking "I live with a partner" shows the partner's questions; the figures wait for an age.
    household.partner_check.focus_widget.click()
    assert saved_money(services, person.id)["partner"] == new_partner()
    assert not household.partner_card.isHidden()
    assert not calculator.questions.isHidden()
    asked = " ".join(label.text() for label in calculator.questions.findChildren(QLabel))
    assert "How old is your partner?" in asked

    # Nonsense gets a plain message at the field, is kept as typed, and nothing is saved.
    age = household.partner_rows["age"]
    assert age.focus_widget.accessibleName() == "My partner's age"
    count = stack.count()
    type_into(age, "abc")
    assert age.error_label.text() == "⚠ Partner's age: type a whole number from 16 to 120."
    assert getattr(age.input, "edit").text() == "abc"  # noqa: B009
    assert saved_money(services, person.id)["partner"]["age"] is None
    assert stack.count() == count

    type_into(age, "38")
    type_into(household.partner_rows["earnings_monthly_pence"], "1150")
    partner = saved_money(services, person.id)["partner"]
    assert (partner["age"], partner["earnings_monthly_pence"]) == (38, 115000)
    assert age.error_label.isHidden()

    # A child: added, given an age and a disability addition, one undoable change each.
    household.add_child_button.click()
    assert len(household.child_cards) == 1
    card = household.child_cards[0]
    assert card.rows["age"].focus_widget.accessibleName() == "Child 1: Age"
    assert card.remove_button.accessibleName() == "Remove child 1"
    type_into(card.rows["age"], "4")
    choose(card.rows["disability"], "lower")
    assert saved_money(services, person.id)["children"] == [
        {"age": 4, "disability": "lower", "born_before_6_april_2017": None}
    ]
    assert card.rows["born_before_6_april_2017"].isHidden()  # a 4-year-old: after, for sure
    assert stack.count() == count + 5  # partner's age and pay, the child, its age and addition

    # The figures follow: what the engine works out for the household as saved.
    document = services.plan_overview(person.id).document
    scenario = next(item for item in document["scenarios"] if item["uid"] == calculator.uid)
    expected = calculate(household_from_plan(document, scenario, TODAY))
    assert calculator.result == expected
    assert expected.now is not None and single.now is not None
    assert expected.now.universal_credit != single.now.universal_credit
    assert expected.better_off_weekly != single.better_off_weekly
    assert calculator.headline_label.text() == money.headline(
        expected,
        calculator.hours(),
        int(scenario["hourly_pay_pence"]),
    )

    window.undo()
    assert saved_money(services, person.id)["children"][0]["disability"] == "none"
    card.remove_button.click()
    assert saved_money(services, person.id)["children"] == []
    assert household.child_cards == [] and not household.no_children_label.isHidden()
    window.undo()
    assert saved_money(services, person.id)["children"][0]["age"] == 4
    assert len(household.child_cards) == 1


# --- plain tests ----------------------------------------------------------------------------


def test_the_figures_ask_about_the_household_in_plain_words() -> None:
    text, field = question_for("partner.age", "We need your partner's age to work this out.")
    assert field is None and text.startswith("How old is your partner?")
    assert "under Who lives with me" in text
    text, _field = question_for("partner.lcwra_rate", "say which LCWRA rate applies: 'protected'")
    assert text.startswith("Which LCWRA rate does your partner get?") and "'" not in text
    assert question_for("children[1].age", "")[0].startswith("How old is child 2?")
    text, _field = question_for("children[0].born_before_6_april_2017", "(true or false)")
    assert text.startswith("Was child 1 born before 6 April 2017?") and "true" not in text


def test_the_care_team_form_shows_the_date_of_birth_and_the_session_saves_it(
    database: Database,
) -> None:
    assert "date_of_birth" in [field.name for field in form_fields(PART_SPECS[PERSON_KEY])]
    assert "date_of_birth" not in [field.name for field in PART_SPECS[PERSON_KEY].fields]
    person = add_person(database, PersonInput(full_name="Ann Smith"))
    session = AppServices(database).session_services(person.id)

    previous = session.save_fields(PERSON_KEY, {"date_of_birth": "1990-02-03"})
    assert previous == {"date_of_birth": ""}
    assert session.overview().document["person"]["date_of_birth"] == "1990-02-03"
    with pytest.raises(ValidationError) as raised:
        session.save_fields(PERSON_KEY, {"date_of_birth": "2090-01-01"})
    assert raised.value.field_errors == {"date_of_birth": "The date of birth is in the future."}

    # Undo gives back the value from before, as the form shows it.
    assert session.save_fields(PERSON_KEY, {"date_of_birth": None}) == {
        "date_of_birth": "03/02/1990"
    }
    session.save_fields(PERSON_KEY, {"date_of_birth": "03/02/1990"})
    assert session.overview().document["person"]["date_of_birth"] == "1990-02-03"
