"""The whole plan as a JSON file, and the JSON Schema that describes that file.

The file is the plan document of ``vocplan.services.snapshot`` with the agreed
versions, written as UTF-8 with sorted keys and two-space indents, so two
exports of the same plan are the same bytes and a diff of two plans is short.

The schema is generated from the SQLModel tables plus the document's envelope
(``python -m vocplan.export.json_plan --schema``) and kept in the repository
as ``docs/schema/vocplan-plan-<schema_version>.schema.json``; a test fails
when the tables and the committed schema part ways. The schema is strict:
every field the export writes is required and nothing else is allowed, so a
change to the tables means a new ``SCHEMA_VERSION`` and a new schema file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from sqlmodel import SQLModel, col, select

from vocplan.domain.errors import NotFoundError
from vocplan.i18n import _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, Person, Plan, PlanVersion
from vocplan.services.snapshot import DOCUMENT_FORMAT, SCHEMA_VERSION, plan_document
from vocplan.storage.database import Database

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = f"vocplan-plan-{SCHEMA_VERSION}.schema.json"
"""The committed schema's name, under ``docs/schema/`` in the source tree."""

# The fields a document leaves out; they mirror services.snapshot.
_SKIPPED: dict[str, frozenset[str]] = {
    "person": frozenset({"id", "created_at", "updated_at"}),
    "plan": frozenset({"id", "person_id", "created_at", "updated_at"}),
    "single": frozenset({"id", "plan_id"}),
    "item": frozenset({"id", "plan_id", "position"}),
    "version": frozenset({"id", "plan_id"}),
}


def person_plan_document(database: Database, person_id: int) -> dict[str, Any]:
    """The whole plan of one person, with the versions both people agreed."""
    with database.reading() as session:
        plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).first()
        if plan is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        return plan_document(session, plan, with_versions=True)


def document_bytes(document: dict[str, Any]) -> bytes:
    """A plan document as the bytes of a plan file."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def export_json(database: Database, person_id: int) -> bytes:
    """The plan file of one person: UTF-8 JSON, indent 2, sorted keys, versions included."""
    from vocplan.model.audit import AuditAction
    from vocplan.services.audit import record_action

    data = document_bytes(person_plan_document(database, person_id))
    record_action(database, AuditAction.EXPORT, person_id, "json")
    return data


# --- the schema ------------------------------------------------------------------


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file of this ``SCHEMA_VERSION``."""
    definitions: dict[str, Any] = {}
    person = _object_schema(Person, _SKIPPED["person"], definitions)
    plan = _object_schema(Plan, _SKIPPED["plan"], definitions)
    for single in SINGLE_PARTS.values():
        definitions[single.__name__] = _object_schema(single, _SKIPPED["single"], definitions)
    for item in LIST_PARTS.values():
        definitions[item.__name__] = _object_schema(item, _SKIPPED["item"], definitions)
    definitions["Person"] = person
    definitions["Plan"] = plan

    version = _object_schema(PlanVersion, _SKIPPED["version"], definitions)
    version["properties"]["snapshot"] = {
        "$ref": "#/$defs/Snapshot",
        "description": "The plan as it was when both people agreed it, without versions.",
    }
    version["properties"]["snapshot_schema"] = {"const": SCHEMA_VERSION}
    definitions["PlanVersion"] = version
    definitions["Snapshot"] = {
        "description": "A plan document frozen by an agreed version.",
        **_document_schema(with_versions=False),
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:vocplan:plan-document:{SCHEMA_VERSION}",
        "title": f"VocPlan plan file, schema version {SCHEMA_VERSION}",
        "description": (
            "One person's vocational plan as VocPlan exports it: the person, the plan's own "
            "answers, every section (single sections as objects, lists as arrays in the "
            "person's order, each item with a uid that references use) and the versions both "
            "people agreed. Money is in pence; dates are ISO 8601."
        ),
        **_document_schema(with_versions=True),
        "$defs": dict(sorted(definitions.items())),
    }


def _document_schema(*, with_versions: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "format": {"const": DOCUMENT_FORMAT},
        "schema_version": {"const": SCHEMA_VERSION},
        "app_version": {
            "type": "string",
            "description": "The VocPlan version that wrote the document.",
        },
        "person": {"$ref": "#/$defs/Person"},
        "plan": {"$ref": "#/$defs/Plan"},
    }
    for key, single in SINGLE_PARTS.items():
        properties[key] = {"$ref": f"#/$defs/{single.__name__}"}
    for key, item in LIST_PARTS.items():
        properties[key] = {"type": "array", "items": {"$ref": f"#/$defs/{item.__name__}"}}
    if with_versions:
        properties["versions"] = {
            "type": "array",
            "items": {"$ref": "#/$defs/PlanVersion"},
            "description": "The versions both people agreed, oldest first.",
        }
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _object_schema(
    model: type[SQLModel], skipped: frozenset[str], definitions: dict[str, Any]
) -> dict[str, Any]:
    """One table's fields as the export writes them: every one present, nothing else."""
    generated = model.model_json_schema(mode="serialization")
    for name, enum_schema in generated.get("$defs", {}).items():
        definitions[name] = _tidy(enum_schema)
    properties = {
        name: _tidy(value) for name, value in generated["properties"].items() if name not in skipped
    }
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if model.__doc__:
        schema["description"] = " ".join(model.__doc__.split())
    return schema


def _tidy(value: Any) -> Any:
    """Pydantic's field schema without its generated titles and defaults.

    Titles only repeat the field name, and the export writes every field, so a
    default never applies; leaving both out keeps the schema about the file.
    """
    if isinstance(value, dict):
        return {key: _tidy(each) for key, each in value.items() if key not in {"title", "default"}}
    if isinstance(value, list):
        return [_tidy(each) for each in value]
    return value


def schema_bytes() -> bytes:
    """The schema as the committed file holds it."""
    return document_bytes(plan_schema())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vocplan.export.json_plan",
        description=_("Print the JSON Schema of VocPlan plan files."),
    )
    parser.add_argument(
        "--schema", action="store_true", required=True, help=_("print the JSON Schema")
    )
    parser.parse_args(argv)
    sys.stdout.buffer.write(schema_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
