"""A whole plan as one plain document, and back.

The document is what an agreed version freezes, what the demo personas are
written in, and what export and import carry: JSON-ready values only, with
items in order and cross-references by ``uid``. Writing a document and
reading it back gives the same document, apart from database ids.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import delete
from sqlmodel import Session, SQLModel, col, select

from vocplan import __version__
from vocplan.domain import nhs_number
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.i18n import _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, Person, Plan, PlanVersion
from vocplan.services.validation import validated

_Row = TypeVar("_Row", bound=SQLModel)

DOCUMENT_FORMAT = "vocplan-plan"
SCHEMA_VERSION = 1

_PERSON_SKIP = {"id", "created_at", "updated_at"}
_PLAN_SKIP = {"id", "person_id", "created_at", "updated_at"}
_PART_SKIP = {"id", "plan_id"}
_ITEM_SKIP = {"id", "plan_id", "position"}
_VERSION_SKIP = {"id", "plan_id"}
_ENVELOPE_KEYS = {"format", "schema_version", "app_version", "person", "plan", "versions"}


class PlanDocumentError(VocPlanError):
    """A plan document that cannot be read. Nothing has been changed."""


def plan_document(session: Session, plan: Plan, *, with_versions: bool = True) -> dict[str, Any]:
    """The whole plan of ``plan``'s person, as a JSON-ready dict."""
    person = session.get(Person, plan.person_id)
    assert person is not None and plan.id is not None
    document: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "person": _dump(person, _PERSON_SKIP),
        "plan": _dump(plan, _PLAN_SKIP),
    }
    for key, part_model in SINGLE_PARTS.items():
        part = session.exec(select(part_model).where(col(part_model.plan_id) == plan.id)).first()
        document[key] = _dump(part if part is not None else part_model(plan_id=plan.id), _PART_SKIP)
    for key, item_model in LIST_PARTS.items():
        items = session.exec(
            select(item_model)
            .where(col(item_model.plan_id) == plan.id)
            .order_by(col(item_model.position), col(item_model.id))
        ).all()
        document[key] = [_dump(item, _ITEM_SKIP) for item in items]
    if with_versions:
        versions = session.exec(
            select(PlanVersion)
            .where(col(PlanVersion.plan_id) == plan.id)
            .order_by(col(PlanVersion.number))
        ).all()
        document["versions"] = [_dump(version, _VERSION_SKIP) for version in versions]
    return document


def check_document(document: Any) -> None:
    """Raise PlanDocumentError unless ``document`` looks like a plan this version can read."""
    if not isinstance(document, dict) or document.get("format") != DOCUMENT_FORMAT:
        raise PlanDocumentError(_("This file is not a VocPlan plan."))
    schema_version = document.get("schema_version")
    if not isinstance(schema_version, int):
        raise PlanDocumentError(_("This plan file is incomplete: it does not say its version."))
    if schema_version > SCHEMA_VERSION:
        raise PlanDocumentError(
            _("This plan was saved by a newer version of VocPlan. Install the newer version.")
        )
    unknown = set(document) - _ENVELOPE_KEYS - set(SINGLE_PARTS) - set(LIST_PARTS)
    if unknown:
        raise PlanDocumentError(
            _("This plan file has parts VocPlan does not know: {names}.").format(
                names=", ".join(sorted(unknown))
            )
        )
    if not isinstance(document.get("person"), dict):
        raise PlanDocumentError(_("This plan file is incomplete: it has no person in it."))


def create_from_document(
    session: Session, document: dict[str, Any], *, is_demo: bool | None = None
) -> Plan:
    """Add the person and plan of ``document`` as new rows, keeping every uid."""
    check_document(document)
    person_values = dict(document["person"])
    if is_demo is not None:
        person_values["is_demo"] = is_demo
    person = _build(Person, person_values, "person")
    if person.nhs_number and not nhs_number.is_valid(person.nhs_number):
        raise PlanDocumentError(_("The NHS number in this plan file is not valid."))
    session.add(person)
    session.flush()
    assert person.id is not None
    plan = _build(Plan, {**document.get("plan", {}), "person_id": person.id}, "plan")
    session.add(plan)
    session.flush()
    write_plan_content(session, plan, document)
    for number, version_values in enumerate(document.get("versions", []), start=1):
        values = {"number": number, **version_values, "plan_id": plan.id}
        session.add(_build(PlanVersion, values, "versions"))
    return plan


def write_plan_content(session: Session, plan: Plan, document: dict[str, Any]) -> None:
    """Replace every section of ``plan`` with the sections in ``document``."""
    assert plan.id is not None
    for item_model in reversed(LIST_PARTS.values()):
        session.exec(delete(item_model).where(col(item_model.plan_id) == plan.id))
    for part_model in SINGLE_PARTS.values():
        session.exec(delete(part_model).where(col(part_model.plan_id) == plan.id))
    session.flush()
    for key, part_model in SINGLE_PARTS.items():
        values = {**(document.get(key) or {}), "plan_id": plan.id}
        session.add(_build(part_model, values, key))
    session.flush()
    for key, item_model in LIST_PARTS.items():
        items = document.get(key) or []
        if not isinstance(items, list):
            raise PlanDocumentError(
                _("A part of this plan file is damaged: {name}.").format(name=key)
            )
        for position, item_values in enumerate(items):
            values = {**item_values, "plan_id": plan.id, "position": position}
            session.add(_build(item_model, values, key))
        session.flush()  # references (steps to goals, scenarios to options) need the rows first


def _dump(row: SQLModel, skip: set[str]) -> dict[str, Any]:
    return row.model_dump(mode="json", exclude=skip)


def _build(model: type[_Row], values: Any, where: str) -> _Row:
    """A new row of ``model`` from document values; ids in a document are never used."""
    if not isinstance(values, dict):
        raise PlanDocumentError(
            _("A part of this plan file is damaged: {name}.").format(name=where)
        )
    values = {name: value for name, value in values.items() if name != "id"}
    allowed = set(model.model_fields)
    unknown = set(values) - allowed
    if unknown:
        raise PlanDocumentError(
            _("A part of this plan file has fields VocPlan does not know: {name}.").format(
                name=f"{where} ({', '.join(sorted(unknown))})"
            )
        )
    try:
        return validated(model, values)
    except ValidationError as problem:
        raise PlanDocumentError(
            _("A part of this plan file has values VocPlan cannot read: {name}.").format(
                name=f"{where} ({', '.join(sorted(problem.field_errors))})"
            )
        ) from None
