"""Who lives with me: the money part's partner and children, checked whenever they are saved."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vocplan.benefits.from_plan import household_from_plan
from vocplan.benefits.model import Child, Partner
from vocplan.domain.errors import ValidationError
from vocplan.model import MoneySituation
from vocplan.services import editing
from vocplan.services.household import (
    PARTNER_FIELDS,
    birth_question_for,
    born_answer,
    born_choice,
    checked_children,
    checked_partner,
    new_child,
    new_partner,
)
from vocplan.services.people import PersonInput, add_person
from vocplan.services.plans import plan_overview
from vocplan.services.validation import validated
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)


@pytest.fixture
def person_id(database: Database) -> int:
    return add_person(database, PersonInput(full_name="Ann Smith", date_of_birth="03/02/1990")).id


def money(database: Database, person_id: int) -> dict[str, Any]:
    return dict(plan_overview(database, person_id).document["money"])


def refused(database: Database, person_id: int, changes: dict[str, Any]) -> dict[str, str]:
    before = money(database, person_id)
    with pytest.raises(ValidationError) as raised:
        editing.update_part(database, person_id, "money", changes)
    assert money(database, person_id) == before  # nothing is lost or half saved
    return raised.value.field_errors


def test_a_partner_and_children_are_saved_tidied_and_read_by_the_benefits_engine(
    database: Database, person_id: int
) -> None:
    previous = editing.update_part(
        database,
        person_id,
        "money",
        {
            "partner": {
                "age": "42",  # as typed
                "married": True,
                "earnings_monthly_pence": 85000,
                "lcwra": True,
                "lcwra_rate": "new_claimant",
            },
            "children": [{"age": 7, "disability": "lower"}, {"age": " 3 "}],
        },
    )
    assert previous == {"partner": None, "children": []}
    saved = money(database, person_id)
    assert saved["partner"] == {
        **new_partner(),
        "age": 42,
        "married": True,
        "earnings_monthly_pence": 85000,
        "lcwra": True,
        "lcwra_rate": "new_claimant",
    }
    assert saved["children"] == [
        {"age": 7, "disability": "lower", "born_before_6_april_2017": None},
        {"age": 3, "disability": "none", "born_before_6_april_2017": None},
    ]

    household = household_from_plan(plan_overview(database, person_id).document, None, TODAY)
    assert household.partner == Partner(
        age=42, lcwra=True, lcwra_rate="new_claimant", married=True, earnings_monthly=85000
    )
    assert household.children == (Child(age=7, disability="lower"), Child(age=3))

    # Undo puts back what was there: no partner, no children.
    editing.update_part(database, person_id, "money", previous)
    assert (money(database, person_id)["partner"], money(database, person_id)["children"]) == (
        None,
        [],
    )


def test_a_partner_and_a_child_can_be_added_before_their_ages_are_known(
    database: Database, person_id: int
) -> None:
    editing.update_part(
        database, person_id, "money", {"partner": new_partner(), "children": [new_child()]}
    )
    document = plan_overview(database, person_id).document
    assert document["money"]["partner"]["age"] is None
    with pytest.raises(ValidationError) as asked:
        household_from_plan(document, None, TODAY)
    assert set(asked.value.field_errors) == {"partner.age", "children[0].age"}


@pytest.mark.parametrize("age", ["abc", 300, 15, "16.5", 16.5, True, "-20"])
def test_a_partners_age_that_is_not_16_to_120_is_refused_by_name(
    database: Database, person_id: int, age: Any
) -> None:
    errors = refused(database, person_id, {"partner": {**new_partner(), "age": age}})
    assert errors == {"partner.age": "Partner's age: type a whole number from 16 to 120."}


def test_every_other_bad_partner_answer_is_named(database: Database, person_id: int) -> None:
    errors = refused(
        database,
        person_id,
        {
            "partner": {
                "age": 40,
                "lcw": "yes",
                "lcwra_rate": "sometimes",
                "earnings_monthly_pence": -5,
                "date_of_birth": "last spring",
                "pets": 2,
            }
        },
    )
    assert errors == {
        "partner": "Partner: VocPlan does not know these answers: pets.",
        "partner.lcw": "My partner has limited capability for work (LCW): choose yes or no.",
        "partner.lcwra_rate": (
            "Partner's LCWRA rate: choose the protected rate, the new claimant rate, or not chosen."
        ),
        "partner.earnings_monthly_pence": (
            "Partner's pay from work: type an amount in pounds, 0 or more, for example 850."
        ),
        "partner.date_of_birth": "Partner's date of birth: give a date such as 1990-01-31.",
    }
    assert refused(database, person_id, {"partner": "Sam"}) == {
        "partner": (
            "Partner: give the partner's details, or nothing for someone who lives without "
            "a partner."
        )
    }


def test_bad_children_are_named_by_their_number(database: Database, person_id: int) -> None:
    errors = refused(
        database,
        person_id,
        {
            "children": [
                {"age": 4},
                {"age": 20, "disability": "medium", "born_before_6_april_2017": "maybe"},
                "Jo",
            ]
        },
    )
    assert errors == {
        "children[1].age": "Child 2's age: type a whole number from 0 to 19.",
        "children[1].disability": (
            "Child 2's disabled child addition: choose none, the lower rate or the higher rate."
        ),
        "children[1].born_before_6_april_2017": (
            "Child 2: say whether they were born before 6 April 2017, or leave it not chosen."
        ),
        "children[2]": "Child 3: give the child's details.",
    }
    assert refused(database, person_id, {"children": {"age": 4}}) == {
        "children": "Children: give a list of children."
    }
    assert refused(database, person_id, {"children": [new_child()] * 21}) == {
        "children": "Children: add up to 20 children."
    }


def test_other_money_answers_save_as_before_beside_a_household(
    database: Database, person_id: int
) -> None:
    editing.update_part(
        database, person_id, "money", {"partner": {"age": 30}, "children": [{"age": 2}]}
    )
    editing.update_part(database, person_id, "money", {"rent_monthly_pence": 50000})
    saved = money(database, person_id)
    assert saved["rent_monthly_pence"] == 50000
    assert saved["partner"]["age"] == 30 and saved["children"][0]["age"] == 2
    editing.update_part(database, person_id, "money", {"partner": None, "children": None})
    assert (money(database, person_id)["partner"], money(database, person_id)["children"]) == (
        None,
        [],
    )


def test_plan_files_are_checked_the_same_way() -> None:
    with pytest.raises(ValidationError) as raised:
        validated(MoneySituation, {"plan_id": 1, "partner": {"age": "abc"}})
    assert raised.value.field_errors == {
        "partner.age": "Partner's age: type a whole number from 16 to 120."
    }
    row = validated(MoneySituation, {"plan_id": 1, "partner": None, "children": [{"age": 5}]})
    assert row.children == [{"age": 5, "disability": "none", "born_before_6_april_2017": None}]


def test_checking_is_the_same_outside_the_database() -> None:
    assert checked_partner(None) is None
    assert checked_partner({"age": 16.0})["age"] == 16  # type: ignore[index]
    assert checked_children(None) == []
    assert [field.name for field in PARTNER_FIELDS][:3] == [
        "age",
        "married",
        "earnings_monthly_pence",
    ]


@pytest.mark.parametrize(
    ("ages", "on", "asked"),
    [
        ([3, 9], TODAY, 1),  # the eldest is 9: born on either side of 6 April 2017
        ([12, 9], TODAY, None),  # the eldest is 12: before, for sure
        ([5, 2], TODAY, None),  # after, for sure
        ([9, 9], TODAY, 0),  # twins: the first of them
        ([None, 9], TODAY, 1),  # an age not known yet is not the eldest
        ([], TODAY, None),
        ([8], date(2025, 11, 23), 0),  # a year earlier, 8-year-olds are the uncertain ones
        ([9], date(2025, 11, 23), None),
    ],
)
def test_the_birth_date_is_asked_only_for_an_eldest_child_whose_age_leaves_it_open(
    ages: list[int | None], on: date, asked: int | None
) -> None:
    assert birth_question_for([{"age": age} for age in ages], on) == asked


def test_the_birth_date_choice_reads_back_as_the_plan_keeps_it() -> None:
    for answer in (True, False, None):
        assert born_answer(born_choice(answer)) is answer
    assert born_choice(True) == "before_6_april_2017"
