"""The FHIR R4 Bundle: parsed with fhir.resources, and checked for what a record needs."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from vocplan.demo import load_demo
from vocplan.domain.enums import EmploymentStatus
from vocplan.export.fhir import (
    EMPLOYMENT_STATUS_DISPLAY,
    EMPLOYMENT_STATUS_SYSTEM,
    NHS_NUMBER_SYSTEM,
    bundle_from_document,
    fhir_bundle,
)
from vocplan.export.json_plan import person_plan_document
from vocplan.services.people import PersonSummary
from vocplan.storage.database import Database, open_database

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
FAKE_PDF = b"%PDF-1.4\n% not a real document\n%%EOF\n"


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[tuple[Database, list[PersonSummary]]]:
    path = tmp_path_factory.mktemp("export-fhir") / "vocplan.db"
    shutil.copyfile(migrated_template, path)
    database = open_database(f"sqlite:///{path}")
    people = load_demo(database, today=TODAY)
    yield database, people
    database.close()


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind
    ]


def test_every_demo_persona_gives_a_bundle_that_parses_with_its_pdf(
    demo: tuple[Database, list[PersonSummary]],
) -> None:
    database, people = demo
    for person in people:
        bundle = fhir_bundle(database, person.id, today=TODAY, now=NOW)
        parsed = Bundle.model_validate(bundle)  # raises on anything R4 does not allow
        assert parsed.type == "collection"
        (document,) = resources(bundle, "DocumentReference")
        attachment = document["content"][0]["attachment"]
        pdf = base64.b64decode(attachment["data"])
        assert pdf.startswith(b"%PDF"), person.full_name
        assert attachment["contentType"] == "application/pdf"
        assert attachment["size"] == len(pdf)
        assert base64.b64decode(attachment["hash"]) == hashlib.sha1(pdf).digest()
        assert attachment["language"] == "en-GB"
        assert attachment["title"].startswith("Vocational plan — for the")
        assert attachment["creation"] == "2026-11-23T10:30:00+00:00"


def test_references_resolve_inside_the_bundle(demo: tuple[Database, list[PersonSummary]]) -> None:
    database, people = demo
    for person in people:
        bundle = bundle_from_document(person_plan_document(database, person.id), FAKE_PDF)
        full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
        assert len(full_urls) == len(bundle["entry"])
        found = list(_references(bundle))
        assert found, person.full_name
        assert set(found) <= full_urls, person.full_name


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, each in value.items():
            if key == "reference":
                yield each
            else:
                yield from _references(each)
    elif isinstance(value, list):
        for each in value:
            yield from _references(each)


def test_the_bundle_carries_the_plan(demo: tuple[Database, list[PersonSummary]]) -> None:
    database, people = demo
    aisha = next(person for person in people if person.full_name == "Aisha Rahman")
    document = person_plan_document(database, aisha.id)
    bundle = bundle_from_document(document, FAKE_PDF, now=NOW)
    Bundle.model_validate(bundle)

    (patient,) = resources(bundle, "Patient")
    assert patient["identifier"] == [{"system": NHS_NUMBER_SYSTEM, "value": aisha.nhs_number}]
    assert aisha.date_of_birth is not None
    assert patient["birthDate"] == aisha.date_of_birth.isoformat()
    assert patient["name"][0]["text"] == "Aisha Rahman"

    (care_plan,) = resources(bundle, "CarePlan")
    assert care_plan["intent"] == "plan"
    assert care_plan["status"] == ("active" if aisha.plan_status == "agreed" else "draft")
    assert care_plan["title"] == "Vocational plan — for the care and support plan"
    assert care_plan["period"]["end"] == document["plan"]["next_review_date"]
    assert len(care_plan["activity"]) == len(document["steps"])
    assert [activity["detail"]["description"] for activity in care_plan["activity"]] == [
        step["what"] for step in document["steps"]
    ]
    goals = resources(bundle, "Goal")
    assert [goal["description"]["text"] for goal in goals] == [
        goal["what"] for goal in document["goals"]
    ]
    assert {ref["reference"] for ref in care_plan["goal"]} == {
        f"urn:uuid:{goal['id']}" for goal in goals
    }
    dated = [goal for goal in document["goals"] if goal["by_when"]]
    assert [goal["target"][0]["dueDate"] for goal in goals if "target" in goal] == [
        goal["by_when"] for goal in dated
    ]
    assert all(goal["lifecycleStatus"] for goal in goals)


def test_employment_status_uses_the_national_codes(
    demo: tuple[Database, list[PersonSummary]],
) -> None:
    database, people = demo
    seen = 0
    for person in people:
        document = person_plan_document(database, person.id)
        recorded = [outcome for outcome in document["outcomes"] if outcome["employment_status"]]
        observations = resources(bundle_from_document(document, FAKE_PDF), "Observation")
        assert len(observations) == len(recorded)
        for outcome, observation in zip(recorded, observations, strict=True):
            (coding,) = observation["valueCodeableConcept"]["coding"]
            assert coding["system"] == EMPLOYMENT_STATUS_SYSTEM
            assert coding["code"] == outcome["employment_status"]
            assert coding["display"] == EMPLOYMENT_STATUS_DISPLAY[EmploymentStatus(coding["code"])]
            assert observation["effectiveDateTime"] == outcome["happened_on"]
            assert observation["code"]["coding"][0]["code"] == "67875-5"
            seen += 1
    assert seen > 0, "the demo personas record an employment status somewhere"
    assert {status.value for status in EMPLOYMENT_STATUS_DISPLAY} == {
        status.value for status in EmploymentStatus
    }


def test_a_welsh_plan_is_titled_for_the_care_and_treatment_plan(
    demo: tuple[Database, list[PersonSummary]],
) -> None:
    database, people = demo
    gareth = next(person for person in people if person.full_name == "Gareth Price")
    assert gareth.framework == "care_and_treatment_plan"
    bundle = bundle_from_document(person_plan_document(database, gareth.id), FAKE_PDF)
    (care_plan,) = resources(bundle, "CarePlan")
    assert care_plan["title"] == "Vocational plan — for the Care and Treatment Plan"
    assert {"Work and occupation", "Education and training", "Finance and money"} <= {
        category["text"] for category in care_plan["category"]
    }


def test_a_nearly_empty_plan_still_gives_a_valid_bundle() -> None:
    document = {
        "person": {"uid": "not-a-uuid", "full_name": "Ann Smith", "language": "cy"},
        "plan": {"uid": "plan-uid", "status": "draft"},
    }
    bundle = bundle_from_document(document, FAKE_PDF)
    Bundle.model_validate(bundle)
    (patient,) = resources(bundle, "Patient")
    assert "identifier" not in patient and "birthDate" not in patient
    (care_plan,) = resources(bundle, "CarePlan")
    assert care_plan["status"] == "draft"
    assert "activity" not in care_plan and "goal" not in care_plan
