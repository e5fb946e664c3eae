from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vocplan.domain.enums import ActivityKind, PlanSection, StepOwner
from vocplan.model import Goal, Option, Plan, Step, WorkScenario
from vocplan.services.people import PersonInput, add_person, list_people
from vocplan.services.plans import plan_overview, sections_with_content
from vocplan.services.snapshot import (
    PlanDocumentError,
    check_document,
    create_from_document,
    plan_document,
)
from vocplan.storage.database import Database


def build_plan(database: Database) -> dict[str, Any]:
    person = add_person(database, PersonInput(full_name="Ann Smith", nhs_number="9434765919"))
    with database.transaction() as session:
        from sqlmodel import select

        plan = session.exec(select(Plan)).one()
        assert plan.id is not None
        goal = Goal(plan_id=plan.id, what="Work in a library", by_when=date(2027, 3, 1))
        option = Option(plan_id=plan.id, kind=ActivityKind.PAID_WORK, title="Library assistant")
        session.add_all([goal, option])
        session.flush()
        session.add(
            Step(
                plan_id=plan.id,
                what="Ask about vacancies",
                goal_uid=goal.uid,
                owner=StepOwner.EMPLOYMENT_SPECIALIST,
            )
        )
        session.add(
            WorkScenario(
                plan_id=plan.id, option_uid=option.uid, hours_per_week=16, hourly_pay_pence=1271
            )
        )
    return plan_overview(database, person.id).document


def test_document_round_trip_into_another_database_is_exact(
    database: Database, tmp_path: Any
) -> None:
    document = build_plan(database)
    assert document["steps"][0]["goal_uid"] == document["goals"][0]["uid"]
    assert document["scenarios"][0]["option_uid"] == document["options"][0]["uid"]
    from vocplan.storage.database import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    with other.transaction() as session:
        plan = create_from_document(session, document)
        again = plan_document(session, plan)
    assert again == document
    other.close()


def test_sections_with_content_follows_what_is_written(database: Database) -> None:
    document = build_plan(database)
    assert sections_with_content(document) == {
        PlanSection.OPTIONS,
        PlanSection.MY_PLAN,
        PlanSection.MONEY,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: "a list", "not a VocPlan plan"),
        (lambda d: {**d, "format": "something-else"}, "not a VocPlan plan"),
        (lambda d: {**d, "schema_version": 99}, "newer version"),
        (lambda d: {k: v for k, v in d.items() if k != "schema_version"}, "incomplete"),
        (lambda d: {**d, "horoscope": {}}, "does not know"),
        (lambda d: {**d, "goals": [{"what": "x", "colour": "red"}]}, "goals"),
        (lambda d: {**d, "goals": [{"what": "x", "by_when": "31/02/2027"}]}, "by_when"),
        (lambda d: {**d, "person": {**d["person"], "nhs_number": "1234567890"}}, "NHS number"),
    ],
)
def test_bad_documents_are_refused_and_change_nothing(
    database: Database, tmp_path: Any, change: Any, message: str
) -> None:
    document = change(build_plan(database))
    from vocplan.storage.database import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    with pytest.raises(PlanDocumentError, match=message), other.transaction() as session:
        check_document(document)
        create_from_document(session, document)
    assert list_people(other) == []
    other.close()


def test_a_plan_file_with_an_unknown_choice_is_refused(database: Database, tmp_path: Any) -> None:
    document = build_plan(database)
    document["preferences"]["travel_modes"] = ["bus", "hovercraft"]
    from vocplan.storage.database import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    with pytest.raises(PlanDocumentError, match="travel_modes"), other.transaction() as session:
        create_from_document(session, document)
    assert list_people(other) == []
    other.close()


def test_the_plans_own_answers_count_as_something_written() -> None:
    assert sections_with_content({"plan": {"next_review_date": "2027-01-05"}}) == {
        PlanSection.MY_PLAN
    }
    assert sections_with_content({"plan": {"not_agreed": "I want fewer hours"}}) == {
        PlanSection.AGREEMENT
    }
    assert sections_with_content({"plan": {"status": "draft", "last_section": "money"}}) == set()
