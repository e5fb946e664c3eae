"""Importing plan files: the round trip, matching people, differences first, bad files refused."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from vocplan.demo import load_demo
from vocplan.domain import nhs_number
from vocplan.domain.enums import PlanSection
from vocplan.export.importing import (
    PersonAlreadyInVocPlan,
    apply_import,
    parse_plan_file,
    preview_import,
    read_plan_file,
)
from vocplan.export.json_plan import export_json, person_plan_document
from vocplan.model import Goal, Person, Plan
from vocplan.services.changes import changes_since_agreed, describe
from vocplan.services.people import PersonInput, PersonSummary, add_person, list_people
from vocplan.services.plans import Agreement, agree_plan
from vocplan.services.snapshot import PlanDocumentError
from vocplan.storage.database import Database, open_database

TODAY = date(2026, 11, 23)
Opener = Callable[[], Database]


@pytest.fixture
def new_database(tmp_path: Path, migrated_template: Path) -> Iterator[Opener]:
    """Opens as many fresh databases as a test needs, and closes them afterwards."""
    opened: list[Database] = []

    def open_one() -> Database:
        path = tmp_path / f"db{len(opened)}" / "vocplan.db"
        path.parent.mkdir()
        shutil.copyfile(migrated_template, path)
        opened.append(open_database(f"sqlite:///{path}"))
        return opened[-1]

    yield open_one
    for database in opened:
        database.close()


@pytest.fixture
def demo(new_database: Opener) -> tuple[Database, dict[str, PersonSummary]]:
    database = new_database()
    people = load_demo(database, today=TODAY)
    return database, {person.full_name: person for person in people}


@pytest.fixture(scope="module")
def shared_demo(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[tuple[Database, dict[str, PersonSummary]]]:
    """One demo database for the tests that must leave it unchanged (and check they do)."""
    path = tmp_path_factory.mktemp("import-shared") / "vocplan.db"
    shutil.copyfile(migrated_template, path)
    database = open_database(f"sqlite:///{path}")
    people = load_demo(database, today=TODAY)
    yield database, {person.full_name: person for person in people}
    database.close()


def plan_file(database: Database, person_id: int) -> dict[str, Any]:
    return parse_plan_file(export_json(database, person_id))


def valid_nhs_number(first_nine: str) -> str:
    digit = nhs_number.check_digit(first_nine)
    assert digit is not None
    return f"{first_nine}{digit}"


def everything(database: Database) -> list[bytes]:
    """Every person's whole plan file: what "nothing changed" is checked against."""
    return [export_json(database, person.id) for person in list_people(database)]


# --- the round trip --------------------------------------------------------------


def test_every_demo_persona_round_trips_exactly_into_another_database(
    demo: tuple[Database, dict[str, PersonSummary]], new_database: Opener
) -> None:
    source, people = demo
    target = new_database()
    for name, person in people.items():
        exported = export_json(source, person.id)
        document = parse_plan_file(exported)
        preview = preview_import(target, document)
        assert preview.is_new_person and preview.person_name == name
        assert preview.new_versions == len(document["versions"])
        imported = apply_import(target, document, replace_existing=False)
        assert imported.full_name == name and imported.is_demo
        assert export_json(target, imported.id) == exported, name
        assert changes_since_agreed(target, imported.id) == changes_since_agreed(source, person.id)
    assert len(list_people(target)) == len(people)


def test_reading_a_file_gives_the_document(
    shared_demo: tuple[Database, dict[str, PersonSummary]], tmp_path: Path
) -> None:
    database, people = shared_demo
    person = people["Tomasz Nowak"]
    path = tmp_path / "plan.json"
    path.write_bytes(export_json(database, person.id))
    assert read_plan_file(path) == person_plan_document(database, person.id)
    bom = tmp_path / "with-bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as some Windows editors save it
    assert read_plan_file(bom) == read_plan_file(path)


# --- bad files -------------------------------------------------------------------


def _cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda good: b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n1 0 obj", "not a VocPlan plan"),
        (lambda good: b"name,kind,area\nMind,other,Cardiff\n", "not a VocPlan plan"),
        (lambda good: b"", "empty"),
        (lambda good: b"[1, 2, 3]", "not a VocPlan plan"),
        (lambda good: b'{"format": "vocplan-plan", "schema_version": 1, }', "damaged"),
        (_cut_in_half, "This file is incomplete"),
        (lambda good: good[:-3], "This file is incomplete"),
        (lambda good: good.replace(b'"schema_version": 1', b'"schema_version": 2'), "newer"),
        (lambda good: good.replace(b'"format": "vocplan-plan"', b'"format": "x"'), "not a"),
        (
            lambda good: good.replace(b'"status": "active"', b'"status": "paused"', 1),
            "cannot read: goals",
        ),
        (lambda good: good.replace(b'"what":', b'"whot":', 1), "does not know"),
    ],
)
def test_a_file_that_is_not_a_whole_plan_is_refused_and_changes_nothing(
    shared_demo: tuple[Database, dict[str, PersonSummary]],
    tmp_path: Path,
    make: Callable[[bytes], bytes],
    message: str,
) -> None:
    database, people = shared_demo
    good = export_json(database, people["Aisha Rahman"].id)
    before = everything(database)
    path = tmp_path / "plan.json"
    path.write_bytes(make(good))
    with pytest.raises(PlanDocumentError, match=message):
        read_plan_file(path)
    assert everything(database) == before


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(PlanDocumentError, match="There is no file"):
        read_plan_file(tmp_path / "nothing-here.json")


def test_a_step_pointing_at_a_goal_not_in_the_file_is_refused(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    document = plan_file(database, people["Aisha Rahman"].id)
    document["steps"][0]["goal_uid"] = "0" * 32
    with pytest.raises(PlanDocumentError, match="steps"):
        preview_import(database, document)
    document = plan_file(database, people["Aisha Rahman"].id)
    document["goals"].append(dict(document["goals"][0]))  # the same uid twice
    with pytest.raises(PlanDocumentError, match="goals"):
        apply_import(database, document, replace_existing=True)


# --- someone already there -------------------------------------------------------


def test_an_existing_person_is_shown_the_differences_and_nothing_changes_unasked(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    document = plan_file(database, aisha.id)
    document["goals"][0]["what"] = "Get a paid job in a library"
    document["steps"].append({"uid": "a" * 32, "what": "Visit the central library"})
    document["person"]["care_coordinator"] = "Sam Jones"
    document["person"]["address"] = "1 Somewhere Else"
    before = everything(database)

    preview = preview_import(database, document)
    assert preview.existing is not None and preview.existing.id == aisha.id
    assert preview.matched_by == "uid"
    assert preview.changes_anything and preview.new_versions == 0
    sections = dict(preview.differences)
    assert next(iter(sections)) == PlanSection.ABOUT_TODAY  # in the order of the session
    assert any("Sam Jones" in sentence for sentence in sections[PlanSection.ABOUT_TODAY])
    assert "Step added: Visit the central library" in sections[PlanSection.MY_PLAN]
    assert any("Get a paid job in a library" in each for each in sections[PlanSection.MY_PLAN])
    assert any("address" in sentence for sentence in preview.kept_details)

    with pytest.raises(PersonAlreadyInVocPlan):
        apply_import(database, document, replace_existing=False)
    assert everything(database) == before


def test_replacing_keeps_the_agreed_versions_and_the_persons_own_details(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    versions_before = person_plan_document(database, aisha.id)["versions"]
    assert versions_before
    document = plan_file(database, aisha.id)
    document["goals"][0]["what"] = "Get a paid job in a library"
    document["person"]["care_coordinator"] = "Sam Jones"
    document["person"]["address"] = "1 Somewhere Else"
    del document["versions"]

    summary = apply_import(database, document, replace_existing=True)

    assert summary.id == aisha.id and summary.care_coordinator == "Sam Jones"
    after = person_plan_document(database, aisha.id)
    assert after["goals"][0]["what"] == "Get a paid job in a library"
    assert after["versions"] == versions_before
    assert (
        after["person"]["address"] == person_plan_document(database, aisha.id)["person"]["address"]
    )
    assert after["person"]["address"] != "1 Somewhere Else"
    assert len(list_people(database)) == len(people)
    changes = changes_since_agreed(database, aisha.id)
    assert {change.part_key for change in changes} == {"goals", "person"}


def test_agreed_versions_from_the_file_are_added_after_the_ones_here(
    demo: tuple[Database, dict[str, PersonSummary]], new_database: Opener
) -> None:
    clinic, people = demo
    aisha = people["Aisha Rahman"]
    home = new_database()
    at_home = apply_import(home, plan_file(clinic, aisha.id), replace_existing=False)

    agreement = Agreement("Aisha", TODAY, "Jo Mensah", "Care coordinator", TODAY)
    assert agree_plan(clinic, aisha.id, agreement, today=TODAY) == 2
    assert agree_plan(home, at_home.id, agreement, today=TODAY) == 2  # agreed separately
    clinic_file = plan_file(clinic, aisha.id)

    preview = preview_import(home, clinic_file)
    assert preview.new_versions == 1 and not preview.changes
    apply_import(home, clinic_file, replace_existing=True)
    versions = person_plan_document(home, at_home.id)["versions"]
    assert [version["number"] for version in versions] == [1, 2, 3]
    assert versions[0]["agreed_at"] == clinic_file["versions"][0]["agreed_at"]
    assert versions[2]["agreed_at"] == clinic_file["versions"][1]["agreed_at"]
    assert versions[2]["snapshot"] == clinic_file["versions"][1]["snapshot"]

    again = preview_import(home, plan_file(clinic, aisha.id))
    assert not again.changes_anything


# --- matching --------------------------------------------------------------------


def test_people_are_matched_by_nhs_number_then_by_name_and_date_of_birth(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    document = plan_file(database, aisha.id)
    document["person"]["uid"] = "b" * 32  # as if typed in again somewhere else

    assert preview_import(database, document).matched_by == "nhs_number"

    document["person"]["nhs_number"] = None
    preview = preview_import(database, document)
    assert preview.matched_by == "name_and_birth_date"
    assert preview.existing is not None and preview.existing.id == aisha.id

    document["person"]["nhs_number"] = valid_nhs_number("943476591")
    assert document["person"]["nhs_number"] != aisha.nhs_number
    assert preview_import(database, document).is_new_person  # two NHS numbers: two people

    document["person"]["nhs_number"] = None
    document["person"]["date_of_birth"] = "1990-01-01"
    assert preview_import(database, document).is_new_person


def test_two_people_with_the_nhs_number_in_the_file_are_not_guessed_between(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    shared = valid_nhs_number("401023213")
    for name in ("Ann Smith", "Anne Smith"):
        add_person(database, PersonInput(full_name=name, nhs_number=shared))
    document = plan_file(database, people["Sam Okafor"].id)
    document["person"].update(uid="c" * 32, nhs_number=shared)
    before = everything(database)
    with pytest.raises(PlanDocumentError, match="More than one person"):
        apply_import(database, document, replace_existing=True)
    assert everything(database) == before


# --- uids ------------------------------------------------------------------------


def test_uids_that_belong_to_someone_else_here_are_renewed_with_their_references(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    aisha_file = export_json(database, aisha.id)
    document = parse_plan_file(aisha_file)
    document["person"].update(uid="d" * 32, full_name="Someone Else", nhs_number=None)
    assert document["steps"] and document["scenarios"] and document["versions"]

    preview = preview_import(database, document)
    assert preview.is_new_person and preview.renewed_uids > 0
    other = apply_import(database, document, replace_existing=False)

    assert export_json(database, aisha.id) == aisha_file  # Aisha's plan is untouched
    copied = person_plan_document(database, other.id)
    goal_uids = [goal["uid"] for goal in copied["goals"]]
    option_uids = [option["uid"] for option in copied["options"]]
    assert not set(goal_uids) & {goal["uid"] for goal in document["goals"]}
    for step, original in zip(copied["steps"], document["steps"], strict=True):
        if original["goal_uid"] is None:
            assert step["goal_uid"] is None
            continue
        position = [goal["uid"] for goal in document["goals"]].index(original["goal_uid"])
        assert step["goal_uid"] == goal_uids[position]
    for scenario, original in zip(copied["scenarios"], document["scenarios"], strict=True):
        if original["option_uid"] is not None:
            position = [option["uid"] for option in document["options"]].index(
                original["option_uid"]
            )
            assert scenario["option_uid"] == option_uids[position]
    snapshot_goals = copied["versions"][0]["snapshot"]["goals"]
    assert {goal["uid"] for goal in snapshot_goals} <= set(goal_uids)
    assert _without_uids(copied) == _without_uids(document)
    # The agreed version was renewed with the same uids, so it still lines up with the plan.
    assert [describe(change) for change in changes_since_agreed(database, other.id)] == [
        describe(change) for change in changes_since_agreed(database, aisha.id)
    ]
    with database.reading() as session:
        plans = session.exec(select(Plan.id)).all()
        goals = session.exec(select(Goal.uid).where(col(Goal.plan_id).in_(plans))).all()
    assert len(goals) == len(set(goals))


def _without_uids(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: _without_uids(each)
            for key, each in value.items()
            if key not in {"uid", "goal_uid", "option_uid", "full_name", "nhs_number"}
        }
    if isinstance(value, list):
        return [_without_uids(each) for each in value]
    return value


def test_a_person_row_is_never_shared(demo: tuple[Database, dict[str, PersonSummary]]) -> None:
    database, people = demo
    document = plan_file(database, people["Gareth Price"].id)
    twin = copy.deepcopy(document)
    twin["person"].update(full_name="Gareth Twin", nhs_number=None, date_of_birth=None)
    twin["person"]["uid"] = "e" * 32
    apply_import(database, twin, replace_existing=False)
    apply_import(database, document, replace_existing=True)  # matched by uid: replaces
    with database.reading() as session:
        names = sorted(session.exec(select(Person.full_name)).all())
    assert names.count("Gareth Price") == 1 and "Gareth Twin" in names
    assert json.loads(export_json(database, people["Gareth Price"].id)) == document


def test_only_the_chosen_steps_are_taken_from_the_file_notes_going_with_their_step(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    ours = plan_file(database, aisha.id)
    theirs = copy.deepcopy(ours)
    theirs["goals"][0]["what"] = "A goal changed at home"
    theirs["preferences"]["interests_in_my_words"] = "Preferences changed at home"
    theirs["notes"] = [{**note, "text": note["text"] + " (at home)"} for note in theirs["notes"]]
    theirs["plan"]["not_agreed"] = "Not agreed, said at home"

    apply_import(database, theirs, replace_existing=True, sections={PlanSection.MY_PLAN})
    after = plan_file(database, aisha.id)
    assert after["goals"][0]["what"] == "A goal changed at home"
    assert after["preferences"] == ours["preferences"]
    by_section = {note["section"]: note["text"] for note in after["notes"]}
    assert not any(text.endswith("(at home)") for text in by_section.values())
    assert after["plan"]["not_agreed"] == ours["plan"]["not_agreed"]  # an agreement answer

    apply_import(
        database,
        theirs,
        replace_existing=True,
        sections={PlanSection.PREFERENCES, PlanSection.AGREEMENT},
    )
    after = plan_file(database, aisha.id)
    assert after["preferences"]["interests_in_my_words"] == "Preferences changed at home"
    notes = {note["section"]: note["text"] for note in after["notes"]}
    assert notes["preferences"].endswith("(at home)") and notes["agreement"].endswith("(at home)")
    assert not notes["money"].endswith("(at home)")
    assert after["plan"]["not_agreed"] == "Not agreed, said at home"


def test_taking_options_but_keeping_money_clears_a_scenario_s_link_to_a_gone_option(
    demo: tuple[Database, dict[str, PersonSummary]],
) -> None:
    database, people = demo
    aisha = people["Aisha Rahman"]
    ours = plan_file(database, aisha.id)
    linked = {scenario["option_uid"] for scenario in ours["scenarios"]}
    theirs = copy.deepcopy(ours)
    theirs["options"] = [o for o in theirs["options"] if o["uid"] not in linked]
    theirs["scenarios"] = []
    apply_import(database, theirs, replace_existing=True, sections={PlanSection.OPTIONS})
    after = plan_file(database, aisha.id)
    assert {o["uid"] for o in after["options"]} == {o["uid"] for o in theirs["options"]}
    assert len(after["scenarios"]) == len(ours["scenarios"])  # kept, as asked
    assert all(scenario["option_uid"] is None for scenario in after["scenarios"])
