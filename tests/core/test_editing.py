"""Editing a plan answer by answer: validation, undo data, and agreed plans becoming drafts."""

from __future__ import annotations

from datetime import date

import pytest

from vocplan.domain.enums import PlanSection, PlanStatus
from vocplan.domain.errors import NotFoundError, ValidationError
from vocplan.services import editing
from vocplan.services.people import PersonInput, add_person
from vocplan.services.plans import Agreement, agree_plan, plan_overview
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


@pytest.fixture
def person_id(database: Database) -> int:
    return add_person(database, PersonInput(full_name="Ann Smith")).id


def document(database: Database, person_id: int) -> dict:  # type: ignore[type-arg]
    return plan_overview(database, person_id).document


def test_update_part_saves_and_returns_the_old_values(database: Database, person_id: int) -> None:
    before = editing.update_part(database, person_id, "preferences", {"hours_min": 8})
    assert before == {"hours_min": None}
    before = editing.update_part(
        database, person_id, "preferences", {"hours_min": 10, "things_to_avoid": "Loud music"}
    )
    assert before == {"hours_min": 8, "things_to_avoid": ""}
    saved = document(database, person_id)["preferences"]
    assert (saved["hours_min"], saved["things_to_avoid"]) == (10, "Loud music")


def test_bad_values_are_refused_in_plain_words_and_nothing_changes(
    database: Database, person_id: int
) -> None:
    editing.update_part(database, person_id, "preferences", {"hours_min": 8})
    with pytest.raises(ValidationError) as raised:
        editing.update_part(
            database, person_id, "preferences", {"hours_min": "lots", "hours_max": 20}
        )
    assert raised.value.field_errors == {"hours_min": "Type a number, for example 7.5."}
    saved = document(database, person_id)["preferences"]
    assert (saved["hours_min"], saved["hours_max"]) == (8, None)
    with pytest.raises(KeyError):
        editing.update_part(database, person_id, "preferences", {"plan_id": 99})


def test_long_text_is_kept_whole(database: Database, person_id: int) -> None:
    words = "I like quiet places. " * 2000
    editing.update_part(database, person_id, "wellbeing", {"keeps_me_well": words})
    assert document(database, person_id)["wellbeing"]["keeps_me_well"] == words


def test_items_add_move_delete_and_come_back_with_their_links(
    database: Database, person_id: int
) -> None:
    first = editing.add_item(database, person_id, "goals", {"what": "Library job"})
    second = editing.add_item(database, person_id, "goals", {"what": "Finish course"})
    step = editing.add_item(
        database, person_id, "steps", {"what": "Ask about jobs", "goal_uid": first["uid"]}
    )
    assert editing.move_item(database, person_id, "goals", second["uid"], 0) == 1
    assert [g["what"] for g in document(database, person_id)["goals"]] == [
        "Finish course",
        "Library job",
    ]

    deleted = editing.delete_item(database, person_id, "goals", first["uid"])
    assert deleted.position == 1
    assert deleted.unlinked == (("steps", step["uid"], "goal_uid"),)
    saved = document(database, person_id)
    assert [g["what"] for g in saved["goals"]] == ["Finish course"]
    assert saved["steps"][0]["goal_uid"] is None

    editing.restore_item(database, person_id, deleted)
    saved = document(database, person_id)
    assert [g["uid"] for g in saved["goals"]] == [second["uid"], first["uid"]]
    assert saved["steps"][0]["goal_uid"] == first["uid"]


def test_an_item_without_its_required_field_is_refused(database: Database, person_id: int) -> None:
    with pytest.raises(ValidationError) as raised:
        editing.add_item(database, person_id, "goals", {"by_when": "someday"})
    assert set(raised.value.field_errors) == {"what", "by_when"}
    assert document(database, person_id)["goals"] == []


def test_another_persons_item_cannot_be_touched(database: Database, person_id: int) -> None:
    goal = editing.add_item(database, person_id, "goals", {"what": "Library job"})
    other = add_person(database, PersonInput(full_name="Bob Jones")).id
    with pytest.raises(NotFoundError):
        editing.update_item(database, other, "goals", goal["uid"], {"what": "Changed"})
    with pytest.raises(NotFoundError):
        editing.delete_item(database, other, "goals", goal["uid"])
    assert document(database, person_id)["goals"][0]["what"] == "Library job"


def test_changing_an_agreed_plan_starts_a_new_draft(database: Database, person_id: int) -> None:
    agree_plan(database, person_id, Agreement("Ann", TODAY, "Jo", "Care coordinator", TODAY), TODAY)
    editing.remember_section(database, person_id, PlanSection.MONEY)
    overview = plan_overview(database, person_id)
    assert overview.status == PlanStatus.AGREED  # moving around is not a change
    assert overview.last_section == PlanSection.MONEY
    editing.update_plan(database, person_id, {"next_review_date": "2027-02-01"})
    overview = plan_overview(database, person_id)
    assert overview.status == PlanStatus.DRAFT
    assert overview.next_review_date == date(2027, 2, 1)
    assert len(overview.versions) == 1


def test_lists_of_choices_accept_only_known_values_once(database: Database, person_id: int) -> None:
    editing.update_part(
        database, person_id, "preferences", {"activity_order": ["education", "paid_work"]}
    )
    for bad in (["paid_work", "astronaut"], ["paid_work", "paid_work"], "paid_work"):
        with pytest.raises(ValidationError) as raised:
            editing.update_part(database, person_id, "preferences", {"activity_order": bad})
        assert "activity_order" in raised.value.field_errors
    with pytest.raises(ValidationError):
        editing.add_item(
            database,
            person_id,
            "options",
            {"kind": "paid_work", "title": "x", "travel_mode": "jetpack"},
        )
    saved = document(database, person_id)
    assert saved["preferences"]["activity_order"] == ["education", "paid_work"]
    assert saved["options"] == []


@pytest.mark.parametrize(
    ("part", "field", "value", "message"),
    [
        ("preferences", "hours_max", 200, "Type a number from 0 to 80."),
        ("preferences", "longest_journey_minutes", -5, "Type a number from 0 to 240."),
        ("money", "rent_monthly_pence", -100, "Type a number of at least 0."),
    ],
)
def test_numbers_outside_their_range_are_refused_by_the_core(
    database: Database, person_id: int, part: str, field: str, value: int, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        editing.update_part(database, person_id, part, {field: value})
    assert raised.value.field_errors == {field: message}
    assert document(database, person_id)[part][field] in (None, 0)
