"""What changed since the last agreed version: comparing plan documents, and describing it."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from vocplan.domain.enums import PlanSection
from vocplan.services import editing
from vocplan.services.changes import (
    Change,
    changes_between,
    changes_by_section,
    changes_since_agreed,
    describe,
)
from vocplan.services.people import PersonInput, add_person
from vocplan.services.plans import Agreement, agree_plan, plan_overview
from vocplan.storage.database import Database

TODAY = date(2026, 11, 23)
GOAL_A = "a" * 32
GOAL_B = "b" * 32
STEP = "c" * 32
NOTE = "d" * 32


def base_document() -> dict[str, Any]:
    return {
        "person": {
            "full_name": "Ann Smith",
            "phone": "0113 496 0000",
            "framework": "care_and_support_plan",
            "care_coordinator": "Jo Mensah",
            "team": "North CMHT",
            "updated_at": "2026-11-01T10:00:00",
        },
        "plan": {
            "status": "agreed",
            "pathway_stage": "engagement",
            "next_review_date": "2027-02-01",
            "not_agreed": "",
            "last_section": "about_today",
            "updated_at": "2026-11-01T10:00:00",
        },
        "preferences": {"hours_min": 8, "hours_max": 16, "travel_modes": ["bus"]},
        "goals": [
            {"uid": GOAL_A, "what": "Work in a library", "by_when": "2027-06-01"},
            {"uid": GOAL_B, "what": "Volunteer at the garden", "by_when": None},
        ],
        "steps": [
            {"uid": STEP, "goal_uid": GOAL_A, "what": "Visit the library", "owner": "person"}
        ],
        "options": [{"uid": "e" * 32, "kind": "paid_work", "title": "Library assistant"}],
        "scenarios": [
            {"uid": "f" * 32, "label": "16 hours", "hours_per_week": 16, "result": {"net": 1}}
        ],
        "notes": [
            {"uid": NOTE, "section": "money", "voice": "person", "text": "I worry about UC."}
        ],
    }


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


def test_identical_documents_have_no_changes_whatever_the_bookkeeping_says() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["plan"].update(status="draft", last_section="money", updated_at="2026-12-01T09:00:00")
    new["person"].update(phone="07700 900000", updated_at="2026-12-01T09:00:00")
    new["scenarios"][0]["result"] = {"net": 2}  # calculated: follows from the inputs
    new["preferences"]["hours_min"] = 8.0  # the same number
    new["goals"][1]["by_when"] = ""  # no answer either way
    assert changes_between(old, new) == []


def test_a_changed_single_part_field_names_the_field_with_before_and_after() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["preferences"]["hours_max"] = 20
    change = only(changes_between(old, new))
    assert (change.part_key, change.section, change.kind) == (
        "preferences",
        PlanSection.PREFERENCES,
        "changed",
    )
    assert (change.field, change.before, change.after, change.item_uid) == (
        "hours_max",
        16,
        20,
        None,
    )
    assert describe(change) == "Most hours a week changed from 16 to 20"


def test_list_items_added_removed_and_changed_are_matched_by_uid() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["goals"][0]["what"] = "Work in a bookshop"
    new["goals"][0]["by_when"] = "2027-09-01"
    del new["goals"][1]
    new["goals"].append({"uid": "9" * 32, "what": "Finish my A levels"})
    changes = changes_between(old, new)
    assert [(change.kind, change.field) for change in changes] == [
        ("removed", None),
        ("changed", "what"),
        ("changed", "by_when"),
        ("added", None),
    ]
    removed, what, by_when, added = changes
    assert removed.item_uid == GOAL_B and removed.before["what"] == "Volunteer at the garden"
    assert describe(removed) == "Goal removed: Volunteer at the garden"
    assert describe(added) == "Goal added: Finish my A levels"
    assert added.after["what"] == "Finish my A levels"
    assert (what.before, what.after, what.item_uid) == (
        "Work in a library",
        "Work in a bookshop",
        GOAL_A,
    )
    assert describe(by_when) == (
        "Goal “Work in a bookshop”: By when changed from 01/06/2027 to 01/09/2027"
    )
    assert all(change.section == PlanSection.MY_PLAN for change in changes)


def test_a_new_order_is_reported_once_as_moved() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["goals"].reverse()
    new["goals"].append({"uid": "9" * 32, "what": "Finish my A levels"})
    changes = changes_between(old, new)
    assert [change.kind for change in changes] == ["added", "moved"]
    moved = changes[1]
    assert (moved.before, moved.after) == ([GOAL_A, GOAL_B], [GOAL_B, GOAL_A])
    assert describe(moved) == "Put in a new order: My goals"
    # adding at the end or taking an item out is not a move
    new = copy.deepcopy(old)
    new["goals"].pop(0)
    assert [change.kind for change in changes_between(old, new)] == ["removed"]


def test_notes_are_filed_under_the_step_they_are_about() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["notes"][0]["text"] = "I worry about Universal Credit stopping."
    new["notes"].append(
        {"uid": "8" * 32, "section": "staying_well", "voice": "worker", "text": "Sleep first."}
    )
    changed, added = changes_between(old, new)
    assert (changed.part_key, changed.section, changed.field) == (
        "notes",
        PlanSection.MONEY,
        "text",
    )
    assert (added.section, added.item_title) == (PlanSection.STAYING_WELL, "Sleep first.")
    assert describe(added) == "Note added: Sleep first."
    grouped = changes_by_section([added, changed])
    assert list(grouped) == [PlanSection.MONEY, PlanSection.STAYING_WELL]


def test_plan_fields_person_framework_and_references_are_described_plainly() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["plan"]["pathway_stage"] = "job_finding"
    new["plan"]["next_review_date"] = "2027-03-01"
    new["person"]["care_coordinator"] = "Sam Patel"
    new["steps"][0]["goal_uid"] = GOAL_B
    new["options"][0]["pay_hourly_pence"] = 1221
    changes = changes_between(old, new)
    assert [change.section for change in changes] == [
        PlanSection.ABOUT_TODAY,
        PlanSection.OPTIONS,
        PlanSection.MY_PLAN,
        PlanSection.MY_PLAN,
        PlanSection.MY_PLAN,
    ]
    assert [describe(change) for change in changes] == [
        "My care coordinator changed from Jo Mensah to Sam Patel",
        "Option “Library assistant”: Pay set to £12.21",
        "Step “Visit the library”: Which goal it is for changed from Work in a library "
        "to Volunteer at the garden",
        "Where I am on the way changed from Getting started to Looking for work or a course",
        "When we will look at my plan again changed from 01/02/2027 to 01/03/2027",
    ]


def test_long_words_are_not_squeezed_into_the_sentence() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    new["preferences"]["things_to_avoid"] = "Loud places. " * 20
    change = only(changes_between(old, new))
    assert describe(change) == "Things I want to avoid changed"
    assert change.after == "Loud places. " * 20  # the whole text stays in the change


@pytest.fixture
def person_id(database: Database) -> int:
    return add_person(database, PersonInput(full_name="Ann Smith")).id


def test_nothing_to_show_before_the_plan_is_first_agreed(
    database: Database, person_id: int
) -> None:
    editing.add_item(database, person_id, "goals", {"what": "Work in a library"})
    assert changes_since_agreed(database, person_id) == []


def test_changing_a_goal_after_agreeing_names_exactly_that_change(
    database: Database, person_id: int
) -> None:
    goal = editing.add_item(database, person_id, "goals", {"what": "Work in a library"})
    editing.add_item(database, person_id, "steps", {"what": "Visit", "goal_uid": goal["uid"]})
    editing.update_part(database, person_id, "preferences", {"hours_min": 8, "hours_max": 16})
    agree_plan(database, person_id, Agreement("Ann", TODAY, "Jo", "Care coordinator", TODAY), TODAY)
    assert changes_since_agreed(database, person_id) == []
    editing.remember_section(database, person_id, PlanSection.MY_PLAN)  # not a change
    assert changes_since_agreed(database, person_id) == []

    editing.update_item(database, person_id, "goals", goal["uid"], {"what": "Work in a bookshop"})

    change = only(changes_since_agreed(database, person_id))
    assert (change.part_key, change.kind, change.item_uid, change.field) == (
        "goals",
        "changed",
        goal["uid"],
        "what",
    )
    assert (change.before, change.after) == ("Work in a library", "Work in a bookshop")
    assert describe(change) == (
        "Goal “Work in a bookshop”: My goal changed from Work in a library to Work in a bookshop"
    )
    assert plan_overview(database, person_id).status == "draft"


def test_the_latest_agreed_version_is_the_one_compared(database: Database, person_id: int) -> None:
    agreement = Agreement("Ann", TODAY, "Jo", "Care coordinator", TODAY)
    editing.update_part(database, person_id, "preferences", {"hours_max": 16})
    agree_plan(database, person_id, agreement, TODAY)
    editing.update_part(database, person_id, "preferences", {"hours_max": 20})
    agree_plan(database, person_id, agreement, TODAY)
    editing.update_part(database, person_id, "preferences", {"hours_max": 24})
    change = only(changes_since_agreed(database, person_id))
    assert (change.before, change.after) == (20, 24)


def test_a_list_of_choices_says_what_was_added_and_taken_out() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    old["preferences"]["interests"] = ["libraries_and_archives", "bookshops_and_retail"]
    new["preferences"]["interests"] = ["libraries_and_archives", "animal_care"]
    new["preferences"]["travel_modes"] = ["bus", "walk"]
    interests, travel = changes_between(old, new)
    assert describe(interests) == (
        "Kinds of work or study I am interested in: added Animal care, "
        "took out Shops and retail, including bookshops"
    )
    assert describe(travel) == "How I get about: added Walking"


def test_every_part_of_the_model_is_compared() -> None:
    from vocplan.model import LIST_PARTS, SINGLE_PARTS

    for key in LIST_PARTS:
        new = {key: [{"uid": "7" * 32, "section": "money"}]}
        change = only(changes_between({}, new))
        assert (change.part_key, change.kind, change.item_uid) == (key, "added", "7" * 32)
    for key, model in SINGLE_PARTS.items():
        field = next(name for name in model.model_fields if name not in {"id", "plan_id"})
        change = only(changes_between({}, {key: {field: "something new"}}))
        assert (change.part_key, change.field) == (key, field)
