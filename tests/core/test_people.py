from __future__ import annotations

from datetime import date

import pytest

from vocplan.domain.errors import NotFoundError, ValidationError
from vocplan.services.people import (
    PersonInput,
    add_person,
    delete_person,
    find_person,
    list_people,
    person_input,
    update_person,
)
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


def test_add_person_tidies_the_input_and_gives_an_empty_draft_plan(database: Database) -> None:
    saved = add_person(
        database,
        PersonInput(
            full_name="  Ann   Smith ", date_of_birth="31/01/1990", nhs_number="943 476 5919"
        ),
        today=TODAY,
    )
    assert saved.full_name == "Ann Smith"
    assert saved.date_of_birth == date(1990, 1, 31)
    assert saved.nhs_number == "9434765919"
    assert saved.plan_status == "draft"
    assert [person.id for person in list_people(database)] == [saved.id]


@pytest.mark.parametrize(
    ("field", "entry"),
    [
        ("full_name", PersonInput(full_name="   ")),
        ("date_of_birth", PersonInput(full_name="A", date_of_birth="31/02/1990")),
        ("date_of_birth", PersonInput(full_name="A", date_of_birth="01/01/2030")),
        ("date_of_birth", PersonInput(full_name="A", date_of_birth="01/01/1880")),
        ("date_of_birth", PersonInput(full_name="A", date_of_birth="yesterday")),
        ("nhs_number", PersonInput(full_name="A", nhs_number="943 476 5918")),
        ("nhs_number", PersonInput(full_name="A", nhs_number="12345")),
        ("email", PersonInput(full_name="A", email="not an address")),
        ("framework", PersonInput(full_name="A", framework="unknown")),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    database: Database, field: str, entry: PersonInput
) -> None:
    with pytest.raises(ValidationError) as raised:
        add_person(database, entry, today=TODAY)
    assert field in raised.value.field_errors
    assert raised.value.field_errors[field]
    assert list_people(database) == []


def test_every_bad_field_is_reported_at_once(database: Database) -> None:
    with pytest.raises(ValidationError) as raised:
        add_person(database, PersonInput(full_name="", nhs_number="1", date_of_birth="x"))
    assert set(raised.value.field_errors) == {"full_name", "nhs_number", "date_of_birth"}


def test_find_person_by_number_or_exact_name(database: Database) -> None:
    ann = add_person(database, PersonInput(full_name="Ann Smith"), today=TODAY)
    add_person(database, PersonInput(full_name="Bob Jones"), today=TODAY)
    assert find_person(database, str(ann.id)).full_name == "Ann Smith"
    assert find_person(database, "Ann Smith").id == ann.id
    with pytest.raises(NotFoundError):
        find_person(database, "ann smith")
    add_person(database, PersonInput(full_name="Ann Smith"), today=TODAY)
    with pytest.raises(NotFoundError, match="More than one"):
        find_person(database, "Ann Smith")


def test_deleting_a_person_removes_their_plan(database: Database) -> None:
    ann = add_person(database, PersonInput(full_name="Ann Smith"), today=TODAY)
    delete_person(database, ann.id)
    assert list_people(database) == []
    with database.reading() as session:
        from sqlmodel import select

        from vocplan.model import Plan, Preferences

        assert session.exec(select(Plan)).all() == []
        assert session.exec(select(Preferences)).all() == []


def test_update_person_round_trips_through_the_form_values(database: Database) -> None:
    ann = add_person(
        database,
        PersonInput(full_name="Ann Smith", date_of_birth="31/01/1990", nhs_number="9434765919"),
        today=TODAY,
    )
    entry = person_input(database, ann.id)
    assert (entry.date_of_birth, entry.nhs_number) == ("31/01/1990", "943 476 5919")
    entry.team = "North CMHT"
    entry.framework = "care_and_treatment_plan"
    saved = update_person(database, ann.id, entry, today=TODAY)
    assert (saved.team, saved.framework) == ("North CMHT", "care_and_treatment_plan")
    entry.nhs_number = "943 476 5918"
    with pytest.raises(ValidationError):
        update_person(database, ann.id, entry, today=TODAY)
    assert find_person(database, str(ann.id)).nhs_number == "9434765919"
