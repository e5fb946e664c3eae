"""Reading a plan file and bringing it into VocPlan, never silently.

``read_plan_file`` refuses anything that is not a whole plan this VocPlan can
read, with a message that says which: not a plan, cut off part-way, damaged,
from a newer VocPlan, or with values VocPlan cannot store. Nothing is written.

``preview_import`` says what importing would do. The file's person is matched
to someone already in VocPlan by, in order:

1. the person's ``uid`` (the file came from VocPlan, perhaps this one);
2. the NHS number;
3. the exact full name *and* date of birth, and only with someone who has no
   NHS number recorded when the file has one (two different NHS numbers are
   two different people).

Two people matching by NHS number, or by name and date of birth, is refused:
VocPlan will not guess. With no match the person is new; with one, the
differences are listed as ``describe()`` sentences grouped by step.

``apply_import`` adds a new person, or, only when ``replace_existing`` is
given, replaces the matched person's plan content in one transaction. Their
agreed versions are kept, and the file's agreed versions that are not there
yet (the same moment of agreement, by the same two people) are added after
them. The person's own details (name, date of birth, NHS number, contact
details) are kept as VocPlan has them; the preview says where the file's
differ. Every uid in the database is unique, so uids in the file that already
belong to someone else are renewed, with the references to them (a step's
goal, a scenario's option, and the same items in the agreed versions) kept
pointing at the same items.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from sqlalchemy import inspect as sqlalchemy_inspect
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, func, select

from vocplan.domain import nhs_number
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.i18n import N_, _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, AuditAction, Person, Plan, PlanVersion
from vocplan.model.types import new_uid, utcnow
from vocplan.services.audit import record_for
from vocplan.services.changes import (
    PERSON_FIELDS,
    Change,
    changes_between,
    changes_by_section,
    describe,
    take_sections,
)
from vocplan.services.people import PersonSummary, get_person
from vocplan.services.snapshot import (
    PlanDocumentError,
    check_document,
    create_from_document,
    plan_document,
    write_plan_content,
)
from vocplan.services.validation import validated
from vocplan.storage.database import Database

_Row = TypeVar("_Row", bound=SQLModel)

MatchedBy = Literal["uid", "nhs_number", "name_and_birth_date"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Far bigger than any plan; a bigger file is something else."""

_IN_CHUNK = 500
"""Uids asked about in one query, well under SQLite's limit on parameters."""

_PLAN_FIELDS_SKIPPED = frozenset({"id", "uid", "person_id", "created_at", "updated_at"})

_KEPT_DETAILS: dict[str, str] = {
    "full_name": N_("The name in the file is different. VocPlan keeps the name it has."),
    "preferred_name": N_(
        "The preferred name in the file is different. VocPlan keeps the one it has."
    ),
    "date_of_birth": N_(
        "The date of birth in the file is different. VocPlan keeps the one it has."
    ),
    "nhs_number": N_("The NHS number in the file is different. VocPlan keeps the one it has."),
    "phone": N_("The phone number in the file is different. VocPlan keeps the one it has."),
    "email": N_("The email address in the file is different. VocPlan keeps the one it has."),
    "address": N_("The address in the file is different. VocPlan keeps the one it has."),
}
"""The person's own details an import never changes, each with what the preview says."""


class PersonAlreadyInVocPlan(VocPlanError):
    """The file's person is already in VocPlan and replacing their plan was not asked for."""


@dataclass(frozen=True)
class ImportPreview:
    """What importing a plan file would do; nothing has been changed yet."""

    person_name: str
    """The full name in the file."""
    existing: PersonSummary | None
    """The person already in VocPlan the file was matched to; None for a new person."""
    matched_by: MatchedBy | None
    changes: tuple[Change, ...]
    """Every difference between the plan in VocPlan and the plan in the file."""
    differences: tuple[tuple[PlanSection, tuple[str, ...]], ...]
    """The changes as ``describe()`` sentences, grouped by the step of the session."""
    new_versions: int
    """Agreed versions in the file that VocPlan does not have yet."""
    kept_details: tuple[str, ...]
    """Sentences about the person's details that differ in the file and are kept as they are."""
    renewed_uids: int
    """Items given a new uid because theirs already belongs to someone else here."""

    @property
    def is_new_person(self) -> bool:
        return self.existing is None

    @property
    def changes_anything(self) -> bool:
        return self.is_new_person or bool(self.changes) or self.new_versions > 0


# --- reading a file --------------------------------------------------------------


def read_plan_file(path: Path | str) -> dict[str, Any]:
    """The plan document in the file at ``path``; raises PlanDocumentError if it is not one."""
    path = Path(path)
    try:
        if not path.is_file():
            raise PlanDocumentError(_("There is no file at {file}.").format(file=path))
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanDocumentError(_("This file is too big to be a VocPlan plan."))
        data = path.read_bytes()
    except OSError as problem:
        raise PlanDocumentError(
            _("VocPlan could not read the file: {reason}").format(
                reason=problem.strerror or problem
            )
        ) from None
    return parse_plan_file(data)


def parse_plan_file(data: bytes) -> dict[str, Any]:
    """The plan document in the bytes of a plan file, checked all through."""
    if not data.strip():
        raise PlanDocumentError(_("This file is empty, so it is not a VocPlan plan."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanDocumentError(_("This file is not a VocPlan plan.")) from None
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        if _cut_short(text):
            raise PlanDocumentError(
                _(
                    "This file is incomplete: it stops part-way through the plan, perhaps "
                    "because it was not saved or copied completely. Export the plan again."
                )
            ) from None
        if text.lstrip().startswith(("{", "[")):
            raise PlanDocumentError(
                _("This file is damaged: VocPlan cannot read it as a plan.")
            ) from None
        raise PlanDocumentError(_("This file is not a VocPlan plan.")) from None
    check_document(document)
    check_plan_content(document)
    assert isinstance(document, dict)
    return document


def _cut_short(text: str) -> bool:
    """Whether ``text`` is the beginning of a JSON object or array that was cut off."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return False
    closers = {"{": "}", "[": "]"}
    waiting: list[str] = []
    in_string = escaped = False
    for char in stripped:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in closers:
            waiting.append(closers[char])
        elif char in "}]" and (not waiting or waiting.pop() != char or not waiting):
            return False  # a bracket that does not match, or the whole value closed
    return bool(waiting)


def check_plan_content(document: dict[str, Any]) -> None:
    """Raise PlanDocumentError unless every part of ``document`` could be stored as it is.

    The same checks writing the document makes, done first, so a preview is
    never shown for a file that would then fail.
    """
    person = _checked(Person, document.get("person"), "person", {})
    if person.nhs_number and not nhs_number.is_valid(person.nhs_number):
        raise PlanDocumentError(_("The NHS number in this plan file is not valid."))
    _checked(Plan, document.get("plan", {}), "plan", {"person_id": 0})
    for key, single_model in SINGLE_PARTS.items():
        _checked(single_model, document.get(key) or {}, key, {"plan_id": 0})
    seen: set[str] = set()
    for uid in (person.uid, document.get("plan", {}).get("uid")):
        if isinstance(uid, str):
            seen.add(uid)
    for key, item_model in LIST_PARTS.items():
        for item in _listed(document, key):
            row = _checked(item_model, item, key, {"plan_id": 0})
            if "uid" in item:
                if row.uid in seen:
                    raise _damaged(key)
                seen.add(row.uid)
    for key, references in _reference_fields().items():
        for field, target in references.items():
            known = _uids_of(document, target)
            for item in _listed(document, key):
                value = item.get(field)
                if value is not None and value not in known:
                    raise _damaged(key)
    for number, version in enumerate(_listed(document, "versions"), start=1):
        _checked(PlanVersion, {"number": number, **version}, "versions", {"plan_id": 0})
        if not isinstance(version.get("snapshot"), dict):
            raise _damaged("versions")


def _listed(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = document.get(key) or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _damaged(key)
    return items


def _uids_of(document: dict[str, Any], key: str) -> set[Any]:
    return {item.get("uid") for item in document.get(key) or [] if isinstance(item, dict)}


def _checked(model: type[_Row], values: Any, where: str, extra: dict[str, Any]) -> _Row:
    """``values`` as a row of ``model``, as ``create_from_document`` would build it."""
    if not isinstance(values, dict):
        raise _damaged(where)
    values = {name: value for name, value in values.items() if name != "id"}
    unknown = set(values) - set(model.model_fields)
    if unknown:
        raise PlanDocumentError(
            _("A part of this plan file has fields VocPlan does not know: {name}.").format(
                name=f"{where} ({', '.join(sorted(unknown))})"
            )
        )
    try:
        return validated(model, {**values, **extra})
    except ValidationError as problem:
        raise PlanDocumentError(
            _("A part of this plan file has values VocPlan cannot read: {name}.").format(
                name=f"{where} ({', '.join(sorted(problem.field_errors))})"
            )
        ) from None


def _damaged(where: str) -> PlanDocumentError:
    return PlanDocumentError(_("A part of this plan file is damaged: {name}.").format(name=where))


def _without_dangling_references(document: dict[str, Any]) -> dict[str, Any]:
    """Clear a reference to an item that a kept-or-taken choice left out (a step's goal)."""
    for key, fields in _reference_fields().items():
        for item in document.get(key) or []:
            for field_name, target in fields.items():
                if item.get(field_name) and item[field_name] not in _uids_of(document, target):
                    item[field_name] = None
    return document


@cache
def _reference_fields() -> dict[str, dict[str, str]]:
    """For each list, its fields that hold another list's uid: {list: {field: other list}}."""
    key_of_table = {str(model.__tablename__): key for key, model in LIST_PARTS.items()}
    references: dict[str, dict[str, str]] = {}
    for key, model in LIST_PARTS.items():
        for column in sqlalchemy_inspect(model).columns:
            for foreign_key in column.foreign_keys:
                target = foreign_key.column
                if target.name == "uid" and target.table.name in key_of_table:
                    references.setdefault(key, {})[str(column.key)] = key_of_table[
                        target.table.name
                    ]
    return references


# --- previewing ------------------------------------------------------------------


def preview_import(database: Database, document: dict[str, Any]) -> ImportPreview:
    """What importing ``document`` would do, with the differences for someone already here."""
    check_document(document)
    check_plan_content(document)
    with database.reading() as session:
        person, matched_by = _match(session, document["person"])
        plan = _plan_of(session, person) if person is not None else None
        prepared, renewed = _prepare(session, document, person, plan)
        current = plan_document(session, plan, with_versions=True) if plan is not None else None
    name = str(document["person"].get("full_name") or "")
    if person is None or current is None:
        versions = len(prepared.get("versions") or [])
        return ImportPreview(name, None, None, (), (), versions, (), renewed)
    assert person.id is not None
    changes = changes_between(current, prepared)
    differences = tuple(
        (section, tuple(describe(change) for change in found))
        for section, found in changes_by_section(changes).items()
    )
    return ImportPreview(
        person_name=name,
        existing=get_person(database, person.id),
        matched_by=matched_by,
        changes=tuple(changes),
        differences=differences,
        new_versions=len(_versions_to_add(current, prepared)),
        kept_details=_kept_details(current["person"], prepared["person"]),
        renewed_uids=renewed,
    )


def _kept_details(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[str, ...]:
    sentences = []
    for name, sentence in _KEPT_DETAILS.items():
        mine, other = ours.get(name), theirs.get(name)
        if name == "nhs_number" and other:
            other = nhs_number.normalise(str(other))
        if other not in (None, "") and other != mine:
            sentences.append(_(sentence))
    return tuple(sentences)


# --- importing -------------------------------------------------------------------


def apply_import(
    database: Database,
    document: dict[str, Any],
    *,
    replace_existing: bool,
    sections: set[PlanSection] | None = None,
) -> PersonSummary:
    """Add the file's person, or replace the matched person's plan; all or nothing.

    With ``sections``, only those steps of the plan are taken from the file and
    the rest is kept as it is in VocPlan; agreed versions new to VocPlan are
    always added, since they are history, not a choice.
    """
    check_document(document)
    check_plan_content(document)
    try:
        with database.transaction() as session:
            person, _matched_by = _match(session, document["person"])
            if person is None:
                prepared, _renewed = _prepare(session, document, None, None)
                plan = create_from_document(session, prepared)
                person_id = plan.person_id
                detail = "new person"
            else:
                if not replace_existing:
                    raise PersonAlreadyInVocPlan(
                        _(
                            "This person is already in VocPlan, so nothing was changed. "
                            "Look at the differences first, then choose to replace their plan."
                        )
                    )
                plan = _plan_of(session, person)
                prepared, _renewed = _prepare(session, document, person, plan)
                if sections is not None:
                    current = plan_document(session, plan, with_versions=True)
                    prepared = {
                        **_without_dangling_references(take_sections(current, prepared, sections)),
                        "versions": prepared.get("versions") or [],
                    }
                _replace_plan(session, person, plan, prepared)
                assert person.id is not None
                person_id = person.id
                detail = "plan replaced" if sections is None else "sections replaced"
            session.flush()
            record_for(session, AuditAction.IMPORT, person_id, detail)
    except IntegrityError:
        raise PlanDocumentError(
            _("This plan file is damaged: its parts do not fit together. Nothing was changed.")
        ) from None
    return get_person(database, person_id)


def _replace_plan(session: Session, person: Person, plan: Plan, document: dict[str, Any]) -> None:
    """The plan content, the plan's answers and care-plan details from ``document``."""
    assert plan.id is not None
    current = plan_document(session, plan, with_versions=True)
    to_add = _versions_to_add(current, document)

    incoming_plan = _checked(Plan, document.get("plan", {}), "plan", {"person_id": person.id})
    for name in Plan.model_fields:
        if name not in _PLAN_FIELDS_SKIPPED:
            setattr(plan, name, getattr(incoming_plan, name))
    plan.updated_at = utcnow()
    session.add(plan)

    incoming_person = _checked(Person, document["person"], "person", {})
    for name in PERSON_FIELDS:
        setattr(person, name, getattr(incoming_person, name))
    person.updated_at = utcnow()
    session.add(person)

    write_plan_content(session, plan, document)
    last = session.exec(
        select(func.max(PlanVersion.number)).where(col(PlanVersion.plan_id) == plan.id)
    ).one()
    for number, version in enumerate(to_add, start=(last or 0) + 1):
        values = {name: value for name, value in version.items() if name != "id"}
        session.add(validated(PlanVersion, {**values, "number": number, "plan_id": plan.id}))
    session.flush()


def _versions_to_add(current: dict[str, Any], incoming: dict[str, Any]) -> list[dict[str, Any]]:
    """The incoming agreed versions VocPlan does not have, oldest first."""
    have = {_version_key(version) for version in current.get("versions") or []}
    return [
        version for version in incoming.get("versions") or [] if _version_key(version) not in have
    ]


def _version_key(version: dict[str, Any]) -> tuple[str, str, str]:
    """An agreement is the same one when made at the same moment by the same two people."""
    agreed_at = version.get("agreed_at")
    moment = str(agreed_at)
    try:
        parsed = datetime.fromisoformat(str(agreed_at))
    except ValueError:
        pass
    else:
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        moment = parsed.isoformat()
    return moment, str(version.get("person_name")), str(version.get("worker_name"))


# --- matching and uids -----------------------------------------------------------


def _match(session: Session, values: dict[str, Any]) -> tuple[Person | None, MatchedBy | None]:
    """The person already in VocPlan that the file's person is; see the module's notes."""
    uid = values.get("uid")
    if isinstance(uid, str) and uid:
        found = session.exec(select(Person).where(col(Person.uid) == uid)).first()
        if found is not None:
            return found, "uid"
    incoming = _checked(Person, values, "person", {})
    digits = nhs_number.normalise(incoming.nhs_number or "")
    if digits:
        people = session.exec(select(Person).where(col(Person.nhs_number) == digits)).all()
        if len(people) > 1:
            raise PlanDocumentError(
                _(
                    "More than one person in VocPlan has the NHS number in this file, so "
                    "VocPlan cannot tell whose plan it is. Nothing was changed."
                )
            )
        if people:
            return people[0], "nhs_number"
    name = " ".join(incoming.full_name.split())
    born = incoming.date_of_birth
    if name and born is not None:
        query = select(Person).where(
            col(Person.full_name) == name, col(Person.date_of_birth) == born
        )
        if digits:
            query = query.where(col(Person.nhs_number).is_(None))
        people = session.exec(query).all()
        if len(people) > 1:
            raise PlanDocumentError(
                _(
                    "More than one person in VocPlan has the name and date of birth in this "
                    "file, so VocPlan cannot tell whose plan it is. Nothing was changed."
                )
            )
        if people:
            return people[0], "name_and_birth_date"
    return None, None


def _plan_of(session: Session, person: Person) -> Plan:
    assert person.id is not None
    plan = session.exec(select(Plan).where(col(Plan.person_id) == person.id)).first()
    if plan is None:  # every person has a plan; a database edited by hand may not
        plan = Plan(person_id=person.id)
        session.add(plan)
        session.flush()
    return plan


def _prepare(
    session: Session, document: dict[str, Any], person: Person | None, plan: Plan | None
) -> tuple[dict[str, Any], int]:
    """``document`` with fresh uids where its own already belong to someone else here."""
    wanted = {
        uid
        for uid in (
            document["person"].get("uid"),
            (document.get("plan") or {}).get("uid"),
            *(item.get("uid") for key in LIST_PARTS for item in document.get(key) or []),
        )
        if isinstance(uid, str) and uid
    }
    taken = _uids_used_elsewhere(session, wanted, person, plan)
    mapping = {uid: new_uid() for uid in sorted(taken)}
    prepared = copy.deepcopy(document)
    if mapping:
        _renew(prepared, mapping)
        for version in prepared.get("versions") or []:
            if isinstance(version.get("snapshot"), dict):
                _renew(version["snapshot"], mapping)
    return prepared, len(mapping)


def _uids_used_elsewhere(
    session: Session, uids: set[str], person: Person | None, plan: Plan | None
) -> set[str]:
    """Which of ``uids`` belong to rows other than ``person``, ``plan`` and its items."""
    ordered = sorted(uids)
    taken: set[str] = set()
    for start in range(0, len(ordered), _IN_CHUNK):
        chunk = ordered[start : start + _IN_CHUNK]
        person_query = select(Person.uid).where(col(Person.uid).in_(chunk))
        plan_query = select(Plan.uid).where(col(Plan.uid).in_(chunk))
        if person is not None:
            person_query = person_query.where(col(Person.id) != person.id)
        if plan is not None:
            plan_query = plan_query.where(col(Plan.id) != plan.id)
        taken.update(session.exec(person_query).all())
        taken.update(session.exec(plan_query).all())
        for item_model in LIST_PARTS.values():
            item_query = select(item_model.uid).where(col(item_model.uid).in_(chunk))
            if plan is not None:
                item_query = item_query.where(col(item_model.plan_id) != plan.id)
            taken.update(session.exec(item_query).all())
    return taken


def _renew(document: dict[str, Any], mapping: dict[str, str]) -> None:
    """Replace the uids in ``mapping`` wherever ``document`` holds or references them."""
    for key in ("person", "plan"):
        part = document.get(key)
        if isinstance(part, dict) and part.get("uid") in mapping:
            part["uid"] = mapping[part["uid"]]
    references = _reference_fields()
    for key in LIST_PARTS:
        for item in document.get(key) or []:
            if not isinstance(item, dict):
                continue
            for field in ("uid", *references.get(key, {})):
                value = item.get(field)
                if isinstance(value, str) and value in mapping:
                    item[field] = mapping[value]


__all__ = [
    "MAX_FILE_BYTES",
    "ImportPreview",
    "MatchedBy",
    "PersonAlreadyInVocPlan",
    "apply_import",
    "check_plan_content",
    "parse_plan_file",
    "preview_import",
    "read_plan_file",
]
