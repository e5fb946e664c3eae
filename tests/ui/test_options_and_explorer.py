"""Step 4's fit and comparison, and step 2's interest explorer.

Two Qt tests drive the real window; the rest are plain tests of the helpers
that word the fit, the comparison hints and the explorer's answers.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from ui.qt import Qt
from ui.services import AppServices
from ui.session.interest_explorer import (
    InterestExplorerPanel,
    areas_by_kind,
    known_answers,
    with_answer,
)
from ui.session.options_fit import (
    OptionsFitPanel,
    compare_hint,
    compare_problem,
    fit_groups,
    status_text,
    wrap_words,
)
from ui.session.window import SessionWindow
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError
from vocplan.interest_explorer import Theme
from vocplan.services import editing
from vocplan.services.fit import FitStatus, option_fit
from vocplan.services.people import PersonInput
from vocplan.storage.database import Database

PREFERENCES = {
    "activity_order": ["volunteering", "paid_work"],
    "hours_min": 8,
    "hours_max": 16,
    "longest_journey_minutes": 30,
    "travel_modes": ["bus"],
}
BOOKSHOP = {
    "kind": "paid_work",
    "title": "Bookshop assistant",
    "hours_per_week": 20,
    "journey_minutes": 25,
    "travel_mode": "bus",
}
LIBRARY = {"kind": "volunteering", "title": "Library volunteer", "hours_per_week": 10}


# --- plain helpers ---------------------------------------------------------------------


def test_reasons_are_grouped_by_status_with_words_and_a_symbol() -> None:
    fit = option_fit(PREFERENCES, BOOKSHOP)
    groups = dict(fit_groups(fit))
    assert list(groups) == [FitStatus.MEETS, FitStatus.MISSES]  # no empty "Not known yet"
    assert "20 hours a week is more than the 8–16 hours I want." in groups[FitStatus.MISSES]
    assert status_text(FitStatus.MEETS) == "✓ Fits"
    assert status_text(FitStatus.MISSES) == "✗ Does not fit"
    assert status_text(FitStatus.UNKNOWN) == "? Not known yet"


@pytest.mark.parametrize(
    ("ticked", "problem"),
    [
        (0, "Tick two, three or four options first"),
        (1, "Tick at least one more option"),
        (5, "You have ticked 5 options. Compare up to four at a time"),
    ],
)
def test_compare_says_what_to_do_outside_two_to_four(ticked: int, problem: str) -> None:
    found = compare_problem(ticked)
    assert found is not None and found.startswith(problem)


def test_two_to_four_ticked_can_be_compared() -> None:
    for ticked in (2, 3, 4):
        assert compare_problem(ticked) is None
    assert compare_hint(3) == "3 options ticked. Press Compare to see them side by side."


def test_column_headings_wrap_at_spaces_and_keep_long_words_whole() -> None:
    assert wrap_words("Library volunteer at home", 12, len) == "Library\nvolunteer at\nhome"
    assert wrap_words("Electroencephalography unit", 8, len) == "Electroencephalography\nunit"
    assert wrap_words("", 10, len) == ""


def test_explorer_answers_are_checked_and_unknown_prompts_kept() -> None:
    saved = {"practical_fixing": 1, "from_a_newer_version": 2}
    assert known_answers(saved) == {"practical_fixing": 1}
    assert with_answer(saved, "social_team", 2) == {**saved, "social_team": 2}
    with pytest.raises(ValidationError):
        with_answer(saved, "social_team", 3)


def test_related_areas_show_work_and_courses_alike() -> None:
    groups = areas_by_kind(("animal_care", "animal_care_courses", "gardening"))
    assert groups == [
        ("Kinds of work", ["animal_care", "gardening"]),
        ("Courses and study", ["animal_care_courses"]),
    ]


# --- driving the window ----------------------------------------------------------------


def open_session(
    database: Database, qtbot: QtBot, section: PlanSection
) -> tuple[AppServices, int, SessionWindow]:
    services = AppServices(database)
    person_id = services.add_person(PersonInput(full_name="Dafydd Evans")).id
    editing.update_part(database, person_id, "preferences", dict(PREFERENCES))
    editing.add_item(database, person_id, "options", dict(BOOKSHOP))
    editing.add_item(database, person_id, "options", dict(LIBRARY))
    window = SessionWindow(services.session_services(person_id), services.plan_overview(person_id))
    qtbot.addWidget(window)
    window.show()
    window.go_to(section)
    return services, person_id, window


def test_options_show_how_they_fit_and_two_compare_side_by_side(
    qtbot: QtBot, database: Database
) -> None:
    _services, _person_id, window = open_session(database, qtbot, PlanSection.OPTIONS)
    panel = window.page(PlanSection.OPTIONS).panel(OptionsFitPanel)
    assert isinstance(panel, OptionsFitPanel)

    # Each option, in the person's order, with the count and the reasons in words.
    bookshop, library = panel.cards
    assert bookshop.title_label.text() == "Bookshop assistant"
    assert bookshop.kind_label.text() == "Paid work"
    assert bookshop.summary_label.text() == "Meets 3 of the 4 things I said matter."
    assert "Does not fit: 20 hours a week is more than" in bookshop.reasons_text()
    assert library.kind_label.text() == "Volunteering"
    assert library.summary_label.text() == (
        "Meets 2 of the 4 things I said matter. 2 are not known yet."
    )
    assert "Fits: Volunteering is what I want to do most." in library.reasons_text()
    unknown = "Not known yet: We do not know how long the journey is yet."
    assert unknown in library.reasons_text()
    assert "✗ Does not fit" in bookshop.reasons_label.text()  # a symbol and words, not colour

    # One ticked: Compare says what to do, and shows nothing.
    panel.compare_list.item(0).setCheckState(Qt.CheckState.Checked)
    panel.compare_button.click()
    assert panel.comparison_dialog is None
    assert "Tick at least one more option" in panel.hint_label.text()
    assert "Tick at least one more option" in window.status_label.text()

    # Both ticked: a column each, a row for each thing compared.
    panel.compare_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert "Tick" not in panel.hint_label.text()
    panel.compare_button.click()
    dialog = panel.comparison_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.column_titles() == ["Bookshop assistant", "Library volunteer"]
    assert dialog.row_labels() == [
        "How well it fits",
        "What I want to do",
        "Hours a week",
        "Journey",
        "Getting there",
    ]
    hours = dialog.row_labels().index("Hours a week")
    assert dialog.cell_text(hours, 0).startswith("✗ Does not fit\n20 hours a week")
    assert dialog.cell_text(hours, 1).startswith("✓ Fits\n10 hours a week")
    # Regression: rows were sized for the column's full width but drawn 1px narrower
    # (the grid line), so a word could wrap onto a line the row had no room for.
    delegate = dialog.table.itemDelegate()
    for row in range(dialog.table.rowCount()):
        for column in range(dialog.table.columnCount()):
            index = dialog.table.model().index(row, column)
            drawn = dialog.table.visualRect(index).width()
            assert delegate.text_width(QStyleOptionViewItem(), index) == drawn, (row, column)
    assert dialog.focusWidget() is dialog.table  # arrow keys move around it straight away
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    assert dialog.table.currentColumn() == 1
    dialog.reject()
    qtbot.waitUntil(lambda: panel.comparison_dialog is None)


def test_the_interest_explorer_saves_answers_and_adds_an_interest_that_undo_removes(
    qtbot: QtBot, database: Database
) -> None:
    services, person_id, window = open_session(database, qtbot, PlanSection.PREFERENCES)
    panel = window.page(PlanSection.PREFERENCES).panel(InterestExplorerPanel)
    assert isinstance(panel, InterestExplorerPanel)
    assert not panel.body.isVisible()  # optional: closed until the person opens it
    panel.toggle.click()
    assert panel.body.isVisible()
    assert panel.no_results_label.isVisible()

    panel.rows["practical_fixing"].buttons[2].click()  # very me
    not_me = panel.rows["creative_music"].buttons[0]
    not_me.setFocus()
    qtbot.keyClick(not_me, Qt.Key.Key_Space)  # the keyboard answers too
    saved = services.plan_overview(person_id).document["preferences"]
    assert saved["interest_explorer"] == {"practical_fixing": 2, "creative_music": 0}

    # Things to talk about: the theme the person said something to, never a score.
    assert [card.result.theme for card in panel.result_cards] == [Theme.PRACTICAL]
    card = panel.result_cards[0]
    assert not panel.no_results_label.isVisible()
    card.more_button.click()
    code = "repair_and_maintenance"
    assert card.add_buttons[code].isVisible()
    card.add_buttons[code].click()
    saved = services.plan_overview(person_id).document["preferences"]
    assert saved["interests"] == [code]
    assert card.added_labels[code].isVisible() and not card.add_buttons[code].isVisible()
    form = window.page(PlanSection.PREFERENCES).forms["preferences"]
    assert form.row("interests").value() == [code]  # the interests field shows it too

    window.undo()
    saved = services.plan_overview(person_id).document["preferences"]
    assert saved["interests"] == []
    assert saved["interest_explorer"] == {"practical_fixing": 2, "creative_music": 0}
    assert card.add_buttons[code].isVisible()
    window.undo()
    saved = services.plan_overview(person_id).document["preferences"]
    assert saved["interest_explorer"] == {"practical_fixing": 2}
    assert panel.rows["creative_music"].answer() is None
