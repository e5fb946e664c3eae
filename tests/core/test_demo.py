from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from vocplan.demo import RealDataPresent, load_demo
from vocplan.demo.personas import (
    ESA_PERMITTED_WORK_HIGHER_LIMIT_PENCE,
    ESA_SUPPORT_GROUP_WEEKLY_PENCE,
    NATIONAL_LIVING_WAGE_PENCE,
    DemoPersona,
    demo_personas,
)
from vocplan.domain import nhs_number
from vocplan.domain.dates import age_on
from vocplan.domain.enums import PlanSection
from vocplan.model import LIST_PARTS, Goal, Plan, PlanVersion
from vocplan.services.people import PersonInput, add_person, list_people
from vocplan.services.plans import plan_overview, sections_with_content
from vocplan.services.snapshot import check_document, create_from_document, plan_document
from vocplan.storage.database import Database, open_database

TODAY = date(2026, 11, 23)
NAMES = ["Aisha Rahman", "Gareth Price", "Tomasz Nowak", "Sam Okafor"]
AGES = {"Aisha Rahman": 29, "Gareth Price": 47, "Tomasz Nowak": 34, "Sam Okafor": 20}
AGREED = {"Aisha Rahman", "Sam Okafor"}
UID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def personas() -> list[DemoPersona]:
    return demo_personas(TODAY)


@pytest.fixture
def other_database(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A second fresh database, as on another computer."""
    path = tmp_path / "other" / "vocplan.db"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.close()


def by_name(personas: list[DemoPersona]) -> dict[str, dict[str, Any]]:
    return {persona.full_name: persona.document for persona in personas}


def all_uids(document: dict[str, Any]) -> list[str]:
    uids = [document["person"]["uid"], document["plan"]["uid"]]
    for key in LIST_PARTS:
        uids.extend(item["uid"] for item in document[key])
    return uids


# --- The persona documents -------------------------------------------------------


def test_the_four_personas_in_the_order_of_the_personas_page(
    personas: list[DemoPersona],
) -> None:
    assert [persona.full_name for persona in personas] == NAMES
    assert {p.full_name for p in personas if p.agreement is not None} == AGREED


def test_every_document_passes_the_check_and_is_plain_json(personas: list[DemoPersona]) -> None:
    for persona in personas:
        check_document(persona.document)
        assert json.loads(json.dumps(persona.document)) == persona.document


def test_dates_are_worked_out_from_today() -> None:
    for today in (TODAY, date(2028, 2, 29), date(2031, 1, 2)):
        for persona in demo_personas(today):
            document = persona.document
            born = date.fromisoformat(document["person"]["date_of_birth"])
            assert age_on(born, today) == AGES[persona.full_name]
            assert date.fromisoformat(document["plan"]["next_review_date"]) > today
            for session in document["sessions"]:
                assert date.fromisoformat(session["held_on"]) <= today
            for item in document["goals"] + document["steps"]:
                assert date.fromisoformat(item["by_when"]) > today
            for row in document["work_history"]:
                assert row["started_on"] < row["ended_on"] <= today.isoformat()
            if persona.agreement is not None:
                assert persona.agreement.person_agreed_on <= today
                assert persona.agreement.worker_agreed_on <= today
    later = by_name(demo_personas(TODAY + timedelta(days=100)))
    for name, document in by_name(demo_personas(TODAY)).items():
        before = date.fromisoformat(document["plan"]["next_review_date"])
        after = date.fromisoformat(later[name]["plan"]["next_review_date"])
        assert after - before == timedelta(days=100)


def test_nhs_numbers_are_valid_distinct_and_never_issued(personas: list[DemoPersona]) -> None:
    numbers = [persona.document["person"]["nhs_number"] for persona in personas]
    assert len(set(numbers)) == 4
    for number in numbers:
        assert nhs_number.is_valid(number)
        assert number.startswith("999")


def test_uids_are_fixed_distinct_and_references_resolve(personas: list[DemoPersona]) -> None:
    everything: list[str] = []
    for persona in personas:
        document = persona.document
        uids = all_uids(document)
        assert all(UID.match(uid) for uid in uids), persona.full_name
        everything.extend(uids)
        goals = {goal["uid"] for goal in document["goals"]}
        options = {option["uid"] for option in document["options"]}
        for step in document["steps"]:
            assert step["goal_uid"] in goals, step["what"]
        for scenario in document["scenarios"]:
            assert scenario["option_uid"] in options, scenario["label"]
            assert scenario["result"] is None
    assert len(everything) == len(set(everything))
    assert all_uids(demo_personas(TODAY)[0].document) == all_uids(
        demo_personas(date(2030, 6, 1))[0].document
    )


def test_every_part_of_every_persona_is_filled(personas: list[DemoPersona]) -> None:
    for persona in personas:
        document = persona.document
        for key in LIST_PARTS:
            assert document[key], f"{persona.full_name}: {key}"
        for key in ("person", "preferences", "wellbeing", "disclosure"):
            empty = [name for name, value in document[key].items() if value in ("", [], None)]
            assert empty == [], f"{persona.full_name}: {key}"
        assert document["money"]["notes"]
        voices = {note["voice"] for note in document["notes"]}
        assert voices == {"person", "worker"}, persona.full_name
        if persona.agreement is None:
            # A draft must not look as if its "Check and agree" step had been done.
            assert PlanSection.AGREEMENT not in {note["section"] for note in document["notes"]}


def test_what_each_persona_must_show(personas: list[DemoPersona]) -> None:
    aisha, gareth, tomasz, sam = (persona.document for persona in personas)

    bookshop = next(o for o in aisha["options"] if "Bookshop" in o["title"])
    assert [(s["hours_per_week"], s["hourly_pay_pence"]) for s in aisha["scenarios"]] == [
        (8, NATIONAL_LIVING_WAGE_PENCE),
        (16, NATIONAL_LIVING_WAGE_PENCE),
        (24, NATIONAL_LIVING_WAGE_PENCE),
    ]
    assert {s["option_uid"] for s in aisha["scenarios"]} == {bookshop["uid"]}
    assert aisha["money"]["rent_monthly_pence"] == 52000
    assert aisha["money"]["lcwra"] and aisha["money"]["pip_daily_living"] == "standard"
    assert aisha["disclosure"]["choice"] == "not_yet"

    assert gareth["person"]["framework"] == "care_and_treatment_plan"
    assert gareth["person"]["language"] == "cy"
    assert ESA_SUPPORT_GROUP_WEEKLY_PENCE == 14590
    assert gareth["money"]["new_style_esa_weekly_pence"] == 14590
    assert gareth["money"]["esa_group"] == "support"
    assert {o["kind"] for o in gareth["options"]} == {
        "volunteering",
        "training",
        "self_employment",
        "paid_work",
    }
    permitted = [
        s for s in gareth["scenarios"] if s["hours_per_week"] < 16 and s["hourly_pay_pence"]
    ]
    assert permitted
    for scenario in permitted:
        weekly = scenario["hours_per_week"] * scenario["hourly_pay_pence"]
        assert weekly <= ESA_PERMITTED_WORK_HIGHER_LIMIT_PENCE
    assert any(s["volunteering_expenses_only"] for s in gareth["scenarios"])
    gareth_text = json.dumps(gareth, ensure_ascii=False)
    assert "Abertawe" in gareth_text
    assert "ŵ" in gareth_text.lower() or "ŷ" in gareth_text.lower()

    assert tomasz["person"]["language"] == "pl"
    assert tomasz["money"]["rent_monthly_pence"] == 65000
    assert tomasz["money"]["tenure"] == "private"
    assert "sleep" in tomasz["wellbeing"]["early_signs"].lower()
    assert tomasz["wellbeing"]["crisis_plan_location"]
    assert any(s["hours_per_week"] >= 35 for s in tomasz["scenarios"])
    tomasz_text = json.dumps(tomasz, ensure_ascii=False)
    assert "ł" in tomasz_text and "ś" in tomasz_text

    assert not sam["money"]["universal_credit"]
    chosen_kinds = {o["kind"] for o in sam["options"] if o["status"] == "chosen"}
    assert {"education", "volunteering"} <= chosen_kinds
    owners = {(step["owner"], bool(step.get("owner_name"))) for step in sam["steps"]}
    assert {("person", False), ("care_coordinator", True), ("other", True)} <= owners


# --- Loading the demo -------------------------------------------------------------


def test_loading_gives_the_four_people_with_two_plans_agreed(database: Database) -> None:
    loaded = load_demo(database, today=TODAY)
    assert sorted(person.full_name for person in loaded) == sorted(NAMES)
    assert all(person.is_demo for person in loaded)
    statuses = {person.full_name: person.plan_status for person in loaded}
    assert statuses == {name: "agreed" if name in AGREED else "draft" for name in NAMES}
    for person in loaded:
        versions = plan_overview(database, person.id).versions
        assert len(versions) == (1 if person.full_name in AGREED else 0)


def test_loading_twice_still_gives_four_people(database: Database) -> None:
    load_demo(database, today=TODAY)
    second = load_demo(database, today=TODAY)
    assert sorted(person.full_name for person in second) == sorted(NAMES)
    assert len(list_people(database)) == 4
    with database.reading() as session:
        # The first copies' plans went with them: no stray goals or agreed versions.
        assert len(session.exec(select(PlanVersion)).all()) == len(AGREED)
        goals = sum(len(persona.document["goals"]) for persona in demo_personas(TODAY))
        assert len(session.exec(select(Goal)).all()) == goals


def test_refuses_when_a_real_person_is_there_and_changes_nothing(database: Database) -> None:
    real = add_person(database, PersonInput(full_name="Ann Smith"), today=TODAY)
    with pytest.raises(RealDataPresent) as raised:
        load_demo(database, today=TODAY)
    message = str(raised.value)
    assert "real" in message and "--force" in message and "--data-dir" in message
    assert list_people(database) == [real]


def test_loads_next_to_real_people_when_allowed(database: Database) -> None:
    real = add_person(database, PersonInput(full_name="Ann Smith"), today=TODAY)
    loaded = load_demo(database, allow_with_real_data=True, today=TODAY)
    again = load_demo(database, allow_with_real_data=True, today=TODAY)
    assert sorted(person.full_name for person in loaded) == sorted(NAMES)
    assert sorted(person.full_name for person in again) == sorted(NAMES)
    everyone = list_people(database)
    assert len(everyone) == 5
    assert real in everyone


def test_every_section_of_the_session_has_content(database: Database) -> None:
    for person in load_demo(database, today=TODAY):
        document = plan_overview(database, person.id).document
        expected = set(PlanSection)  # drafts too: what is not agreed yet fills "Check and agree"
        assert sections_with_content(document) == expected, person.full_name
        # Each section is filled by its own parts, not only by notes filed under it.
        assert sections_with_content({**document, "notes": []}) == expected, person.full_name


def test_loaded_plans_keep_every_value_the_personas_hold(database: Database) -> None:
    written = by_name(demo_personas(TODAY))
    for person in load_demo(database, today=TODAY):
        loaded = plan_overview(database, person.id).document
        source = json.loads(json.dumps(written[person.full_name]))
        for key, value in source.items():
            if isinstance(value, dict):
                for name, field_value in value.items():
                    if (key, name) == ("plan", "status"):
                        continue
                    assert loaded[key][name] == field_value, f"{key}.{name}"
            elif isinstance(value, list):
                assert len(loaded[key]) == len(value), key
                for row, loaded_row in zip(value, loaded[key], strict=True):
                    assert {n: loaded_row[n] for n in row} == row, key
            else:
                assert loaded[key] == value, key
        expected_status = "agreed" if person.full_name in AGREED else "draft"
        assert loaded["plan"]["status"] == expected_status


def test_export_and_import_give_the_same_plan(database: Database, other_database: Database) -> None:
    for person in load_demo(database, today=TODAY):
        exported = json.loads(json.dumps(plan_overview(database, person.id).document))
        with other_database.transaction() as session:
            plan = create_from_document(session, exported)
            person_id = plan.person_id
        with other_database.reading() as session:
            imported_plan = session.get(Plan, plan.id)
            assert imported_plan is not None
            imported = json.loads(json.dumps(plan_document(session, imported_plan)))
        assert person_id != 0
        assert len(exported["versions"]) == (1 if person.full_name in AGREED else 0)
        # Ids and creation times are not in a document, and the uids, the agreed
        # snapshot and even the time of agreement travel with it: nothing may differ.
        assert without_agreed_at(imported) == without_agreed_at(exported)
        assert imported == exported


def without_agreed_at(document: dict[str, Any]) -> dict[str, Any]:
    versions = [
        {name: value for name, value in version.items() if name != "agreed_at"}
        for version in document["versions"]
    ]
    return {**document, "versions": versions}
