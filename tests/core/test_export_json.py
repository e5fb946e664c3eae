"""The JSON plan file: its bytes, and the versioned JSON Schema kept in docs/schema/."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from vocplan.demo import load_demo
from vocplan.domain.errors import NotFoundError
from vocplan.export.json_plan import (
    SCHEMA_FILE_NAME,
    export_json,
    main,
    person_plan_document,
    plan_schema,
    schema_bytes,
)
from vocplan.services.people import PersonSummary
from vocplan.services.snapshot import SCHEMA_VERSION
from vocplan.storage.database import Database, open_database

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docs" / "schema" / SCHEMA_FILE_NAME
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[tuple[Database, list[PersonSummary]]]:
    path = tmp_path_factory.mktemp("export-json") / "vocplan.db"
    shutil.copyfile(migrated_template, path)
    database = open_database(f"sqlite:///{path}")
    people = load_demo(database, today=TODAY)
    yield database, people
    database.close()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_committed_schema_is_the_one_the_tables_give() -> None:
    assert SCHEMA_PATH.name == f"vocplan-plan-{SCHEMA_VERSION}.schema.json"
    assert SCHEMA_PATH.read_bytes() == schema_bytes(), (
        "The plan tables no longer match docs/schema/. A plan file of the same schema_version "
        "must stay readable by older VocPlan, so raise SCHEMA_VERSION in "
        "vocplan/services/snapshot.py, then run "
        "'python -m vocplan.export.json_plan --schema > docs/schema/vocplan-plan-N.schema.json'."
    )


def test_the_schema_script_prints_the_schema(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["--schema"]) == 0
    assert capsysbinary.readouterr().out == SCHEMA_PATH.read_bytes()


def test_the_schema_is_draft_2020_12_and_strict() -> None:
    schema = plan_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    assert schema["additionalProperties"] is False
    goal = schema["$defs"]["Goal"]
    assert goal["additionalProperties"] is False
    assert set(goal["required"]) == set(goal["properties"])
    assert "id" not in goal["properties"] and "plan_id" not in goal["properties"]


def test_every_demo_persona_exports_a_file_the_schema_accepts(
    demo: tuple[Database, list[PersonSummary]], validator: Draft202012Validator
) -> None:
    database, people = demo
    assert len(people) == 4
    for person in people:
        document = json.loads(export_json(database, person.id))
        errors = [
            f"{list(error.path)}: {error.message}" for error in validator.iter_errors(document)
        ]
        assert errors == [], person.full_name
        assert document["person"]["full_name"] == person.full_name
    agreed = [json.loads(export_json(database, person.id))["versions"] for person in people]
    assert any(versions for versions in agreed), "at least one persona has an agreed version"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["goals"][0].update(colour="red"), "colour"),
        (lambda d: d["goals"][0].update(status="maybe"), "maybe"),
        (lambda d: d["goals"][0].update(by_when="31/02/2027"), "31/02/2027"),
        (lambda d: d["person"].pop("full_name"), "full_name"),
        (lambda d: d["versions"][0].update(agreed_at="2026-11-23T14:54:39"), "date-time"),
        (lambda d: d.update(schema_version=2), "1 was expected"),
        (lambda d: d.update(horoscope={}), "horoscope"),
        (lambda d: d["versions"][0]["snapshot"]["goals"][0].pop("what"), "what"),
    ],
)
def test_the_schema_refuses_what_the_export_never_writes(
    demo: tuple[Database, list[PersonSummary]],
    validator: Draft202012Validator,
    change: Any,
    where: str,
) -> None:
    database, people = demo
    aisha = next(person for person in people if person.full_name == "Aisha Rahman")
    document = copy.deepcopy(json.loads(export_json(database, aisha.id)))
    change(document)
    messages = " ".join(error.message for error in validator.iter_errors(document))
    assert where in messages


def test_the_file_is_utf8_sorted_and_indented_and_the_same_each_time(
    demo: tuple[Database, list[PersonSummary]],
) -> None:
    database, people = demo
    welsh = next(person for person in people if person.full_name == "Gareth Price")
    data = export_json(database, welsh.id)
    assert data == export_json(database, welsh.id)
    text = data.decode("utf-8")
    assert text.endswith("}\n")
    assert text.startswith('{\n  "adjustments": ')
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert document == person_plan_document(database, welsh.id)
    assert "ŷ" in text and "\\u" not in text  # Welsh letters are written as themselves


def test_exporting_someone_not_there_says_so(demo: tuple[Database, list[PersonSummary]]) -> None:
    database, _people = demo
    with pytest.raises(NotFoundError):
        export_json(database, 999_999)
