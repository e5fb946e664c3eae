"""What the guided session asks of the core, for one person, with the database held here.

The session's widgets call these methods and get plain values back; they
never see the database. Each method is one call into ``vocplan.services``
(one user action, one transaction).

Two parts of the core are being written alongside the session: the interests
catalogue and the "what changed" service. The session asks here whether
they exist, and carries on without them when they do not.
"""

from __future__ import annotations

import importlib
import logging
import typing
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any

from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError
from vocplan.model import LIST_PARTS, SINGLE_PARTS, Person, Plan
from vocplan.plan_fields import PART_SPECS, PartSpec
from vocplan.services import directory, editing, people, plans
from vocplan.services.directory import DirectoryRecord
from vocplan.services.editing import DeletedItem
from vocplan.services.plans import Agreement, PlanOverview
from vocplan.storage.database import Database

log = logging.getLogger(__name__)

PLAN_KEY = "plan"
PERSON_KEY = "person"
PERSON_FIELDS = frozenset({"framework", "care_coordinator", "team", "date_of_birth"})
"""The person's details the session may change (the rest are in the person's details).

The date of birth is shown in About today so staff can add or correct it there: the
Money step needs it."""


@dataclass(frozen=True)
class FieldFacts:
    """What the data model says about one field, for building its input."""

    empty: Any
    """The value that means "no answer" (None or ""), or ``NO_EMPTY`` when an answer is needed."""
    default: Any


NO_EMPTY = object()


class SessionServices:
    """The core, as one person's guided session uses it."""

    def __init__(self, database: Database, person_id: int) -> None:
        self._database = database
        self.person_id = person_id

    # --- reading -------------------------------------------------------------

    def overview(self) -> PlanOverview:
        return plans.plan_overview(self._database, self.person_id)

    # --- saving answers ------------------------------------------------------

    def save_fields(
        self, document_key: str, changes: dict[str, Any], uid: str | None = None
    ) -> dict[str, Any]:
        """Save ``changes`` to a part, the plan, the person or one list item.

        Returns the previous values, for undo; raises ValidationError (saving
        nothing) when a value cannot be stored.
        """
        if uid is not None:
            return editing.update_item(self._database, self.person_id, document_key, uid, changes)
        if document_key == PLAN_KEY:
            return editing.update_plan(self._database, self.person_id, changes)
        if document_key == PERSON_KEY:
            return self._update_person(changes)
        return editing.update_part(self._database, self.person_id, document_key, changes)

    def _update_person(self, changes: dict[str, Any]) -> dict[str, Any]:
        unknown = set(changes) - PERSON_FIELDS
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        entry = people.person_input(self._database, self.person_id)
        previous = {name: getattr(entry, name) for name in changes}
        text = {name: "" if value is None else str(value) for name, value in changes.items()}
        people.update_person(self._database, self.person_id, replace(entry, **text))
        return previous

    def add_item(
        self, list_key: str, values: dict[str, Any], position: int | None = None
    ) -> dict[str, Any]:
        return editing.add_item(self._database, self.person_id, list_key, values, position)

    def delete_item(self, list_key: str, uid: str) -> DeletedItem:
        return editing.delete_item(self._database, self.person_id, list_key, uid)

    def restore_item(self, deleted: DeletedItem) -> None:
        editing.restore_item(self._database, self.person_id, deleted)

    def move_item(self, list_key: str, uid: str, to_position: int) -> int:
        return editing.move_item(self._database, self.person_id, list_key, uid, to_position)

    def remember_section(self, section: PlanSection) -> None:
        editing.remember_section(self._database, self.person_id, section)

    def record_calculation(
        self, scenario_uid: str | None, result: dict[str, Any] | None, rules_year: str
    ) -> bool:
        """Keep a what-if's worked-out result and the rules year (derived data, no undo)."""
        from vocplan.services.money import record_calculation

        return record_calculation(self._database, self.person_id, scenario_uid, result, rules_year)

    def agree_plan(self, agreement: Agreement) -> int:
        return plans.agree_plan(self._database, self.person_id, agreement)

    # --- plan files --------------------------------------------------------------

    def export_plan(self, kind: str) -> bytes:
        """The plan as a file of ``kind`` (``ui.services.EXPORT_KINDS``); slow for PDFs."""
        from ui.services import plan_file_bytes

        return plan_file_bytes(self._database, self.person_id, kind)

    def export_takehome(self, passphrase: str) -> bytes:
        """The plan as an encrypted take-home file; the export goes on the audit trail."""
        from vocplan.export.takehome import export_takehome

        return export_takehome(self._database, self.person_id, passphrase)

    def is_data_file(self, path: Any) -> bool:
        from ui.services import is_data_file

        return is_data_file(self._database, path)

    # --- what the data model says about fields -------------------------------

    def field_facts(self, document_key: str) -> dict[str, FieldFacts]:
        return field_facts(document_key)

    # --- the local directory of services ----------------------------------------

    def directory_entries(self, kind: str | None = None, text: str = "") -> list[DirectoryRecord]:
        """The local services to pick a provider or a referral from, in name order."""
        return directory.list_entries(self._database, kind or None, text)

    # --- the interests catalogue (being written alongside) --------------------

    def catalogue_available(self) -> bool:
        return self._catalogue_module() is not None

    def catalogue_search(self, text: str) -> list[tuple[str, str, str]]:
        """(code, label, kind) of the catalogue entries matching ``text``; all for no text."""
        module = self._catalogue_module()
        if module is None:
            return []
        return [
            (str(entry.code), str(entry.label), str(entry.kind.label))
            for entry in module.search(text)
        ]

    def catalogue_label(self, code: str) -> str:
        module = self._catalogue_module()
        return str(module.label_for(code)) if module is not None else code

    def _catalogue_module(self) -> ModuleType | None:
        return _optional_module("vocplan.catalogue", ("search", "label_for"))

    # --- what changed since the last agreed version (being written alongside) -

    def changes_since_agreed(self) -> list[tuple[PlanSection, str]] | None:
        """Each change since the last agreed version: its step, and the change said plainly.

        Empty when nothing changed or nothing was agreed; None when this version
        of the core cannot tell.
        """
        module = _optional_module("vocplan.services.changes", ("changes_since_agreed", "describe"))
        if module is None:
            return None
        found = module.changes_since_agreed(self._database, self.person_id)
        return [(PlanSection(change.section), str(module.describe(change))) for change in found]


@cache
def field_facts(document_key: str) -> dict[str, FieldFacts]:
    """For each field of a part of the plan: its empty value and its default."""
    model: Any = {
        **SINGLE_PARTS,
        **LIST_PARTS,
        PLAN_KEY: Plan,
        PERSON_KEY: Person,
    }.get(document_key)
    if model is None:
        return {}
    facts = {}
    for name, info in model.model_fields.items():
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        if _accepts_none(info.annotation):
            empty: Any = None
        elif default == "":
            empty = ""
        else:
            empty = NO_EMPTY
        facts[name] = FieldFacts(empty=empty, default=default)
    return facts


def part_spec_with(field_name: str, section: PlanSection) -> PartSpec | None:
    """The part of ``section`` that has the field ``field_name``."""
    for spec in PART_SPECS.values():
        if spec.section == section and any(field.name == field_name for field in spec.fields):
            return spec
    return None


def agreement_from(
    person_name: str,
    person_agreed_on: date,
    worker_name: str,
    worker_role: str,
    worker_agreed_on: date,
    not_agreed: str,
) -> Agreement:
    return Agreement(
        person_name=person_name,
        person_agreed_on=person_agreed_on,
        worker_name=worker_name,
        worker_role=worker_role,
        worker_agreed_on=worker_agreed_on,
        not_agreed=not_agreed,
    )


def _accepts_none(annotation: Any) -> bool:
    return annotation is None or type(None) in typing.get_args(annotation)


def _optional_module(name: str, needs: tuple[str, ...]) -> ModuleType | None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    except Exception:  # a module being written may not import yet; the session carries on
        log.warning("%s could not be imported", name)
        return None
    if not all(hasattr(module, attribute) for attribute in needs):
        return None
    return module


__all__ = [
    "NO_EMPTY",
    "Agreement",
    "FieldFacts",
    "PlanOverview",
    "SessionServices",
    "ValidationError",
    "agreement_from",
    "field_facts",
    "part_spec_with",
]
