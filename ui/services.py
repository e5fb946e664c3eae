"""What the windows may ask of the core, with the database held in one place.

Widgets get an ``AppServices`` and call its methods; they never see the
database, open a session or run SQL. Each method is one call into
``vocplan.services`` and returns plain values.

This module imports the database layer, so the app imports it only once the
main window is on screen (see ``ui.app``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import VocPlanError
from vocplan.export import importing
from vocplan.export.importing import ImportPreview
from vocplan.i18n import _
from vocplan.model.audit import AuditAction
from vocplan.security import staff
from vocplan.security.folder import DataFiles
from vocplan.security.keyfile import Account, Role, Unlocked
from vocplan.services import audit, directory
from vocplan.services.audit import AuditEntry, VerifyResult, record_action
from vocplan.services.directory import DirectoryInput, DirectoryRecord, ImportReport
from vocplan.services.people import PersonInput, PersonSummary, add_person, list_people
from vocplan.services.plans import PlanOverview, open_plan, plan_overview
from vocplan.storage.database import Database

if TYPE_CHECKING:
    from ui.session.services import SessionServices

__all__ = ["EXPORT_KINDS", "AppServices", "DirectoryInput", "PersonInput", "plan_file_bytes"]

EXPORT_KINDS = ("pdf", "easy-read", "json", "fhir")
"""What a plan can be saved as, named as ``vocplan export --format`` names them."""


def plan_file_bytes(database: Database, person_id: int, kind: str) -> bytes:
    """The plan saved as ``kind`` (one of ``EXPORT_KINDS``), as ``vocplan export`` writes it."""
    if kind == "pdf":
        from vocplan.export.pdf import record_pdf

        return record_pdf(database, person_id)
    if kind == "easy-read":
        from vocplan.export.pdf import easy_read_pdf

        return easy_read_pdf(database, person_id)
    if kind == "fhir":
        import json

        from vocplan.export.fhir import fhir_bundle

        bundle = fhir_bundle(database, person_id)
        return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if kind == "json":
        from vocplan.export.json_plan import export_json

        return export_json(database, person_id)
    raise ValueError(kind)


def is_data_file(database: Database, path: Path | str) -> bool:
    """Whether ``path`` is the live VocPlan data file itself (never to be written over)."""
    if database.path is None:
        return False
    try:
        return Path(path).resolve() == database.path.resolve()
    except OSError:
        return False


class AppServices:
    def __init__(
        self,
        database: Database,
        files: DataFiles | None = None,
        unlocked: Unlocked | None = None,
    ) -> None:
        self._database = database
        self._files = files
        self._unlocked = unlocked
        """Who signed in, and the folder's key slots: for the administrator's staff tools."""

    def list_people(self) -> list[PersonSummary]:
        return list_people(self._database)

    def add_person(self, entry: PersonInput) -> PersonSummary:
        """Save a new person; raises ValidationError (saving nothing) for bad input."""
        return add_person(self._database, entry)

    def plan_overview(self, person_id: int) -> PlanOverview:
        return plan_overview(self._database, person_id)

    def open_plan(self, person_id: int) -> PlanOverview:
        """The plan as the user opens it: the view goes on the audit trail."""
        return open_plan(self._database, person_id)

    def record_printed(self, person_id: int) -> None:
        """A plan was sent to the printer: that goes on the audit trail as an export."""
        record_action(self._database, AuditAction.EXPORT, person_id, "print")

    def session_services(self, person_id: int) -> SessionServices:
        """What one person's guided session may ask of the core."""
        from ui.session.services import SessionServices

        return SessionServices(self._database, person_id)

    # --- plan files ----------------------------------------------------------------

    def export_plan(self, person_id: int, kind: str) -> bytes:
        """The person's plan as a file of ``kind`` (see ``EXPORT_KINDS``); slow for PDFs."""
        return plan_file_bytes(self._database, person_id, kind)

    def is_data_file(self, path: Path | str) -> bool:
        return is_data_file(self._database, path)

    def read_plan_file(self, path: Path | str) -> dict[str, Any]:
        """The plan in a file; raises PlanDocumentError, saying plainly why, if it is not one."""
        return importing.read_plan_file(path)

    def preview_import(self, document: dict[str, Any]) -> ImportPreview:
        """What importing ``document`` would change; changes nothing."""
        return importing.preview_import(self._database, document)

    def apply_import(
        self,
        document: dict[str, Any],
        *,
        replace_existing: bool,
        sections: set[PlanSection] | None = None,
    ) -> PersonSummary:
        """Add the file's person, or replace the matched person's plan (or only ``sections``
        of it); all or nothing."""
        return importing.apply_import(
            self._database, document, replace_existing=replace_existing, sections=sections
        )

    def export_takehome(self, person_id: int, passphrase: str) -> bytes:
        """The plan as an encrypted take-home file; the export goes on the audit trail."""
        from vocplan.export.takehome import export_takehome

        return export_takehome(self._database, person_id, passphrase)

    def is_takehome_file(self, path: Path | str) -> bool:
        from vocplan.export.takehome import is_takehome_file

        return is_takehome_file(path)

    def read_takehome_file(self, path: Path | str, passphrase: str) -> dict[str, Any]:
        """The plan in a take-home file; raises TakeHomeFileError, saying why, if it won't open."""
        from vocplan.export.takehome import read_takehome_file

        return read_takehome_file(path, passphrase)

    # --- the local directory of services ----------------------------------------

    def list_services(self, kind: str | None = None, text: str = "") -> list[DirectoryRecord]:
        return directory.list_entries(self._database, kind or None, text)

    def add_service(self, entry: DirectoryInput) -> DirectoryRecord:
        """Save a new service; raises ValidationError (saving nothing) for bad input."""
        return directory.add_entry(self._database, entry)

    def update_service(self, uid: str, entry: DirectoryInput) -> DirectoryRecord:
        return directory.update_entry(self._database, uid, entry)

    def remove_service(self, uid: str) -> DirectoryRecord:
        """Remove a service; the record returned puts it back with ``restore_service``."""
        return directory.delete_entry(self._database, uid)

    def restore_service(self, record: DirectoryRecord) -> DirectoryRecord:
        return directory.restore_entry(self._database, record)

    def import_services(self, path: Path | str, *, update_existing: bool = False) -> ImportReport:
        """All the services in a CSV file or, if any row is bad, none of them."""
        return directory.import_csv(self._database, path, update_existing=update_existing)

    def export_services(self, path: Path | str) -> int:
        """Write every service to a CSV file; raises DirectoryFileError if it cannot."""
        return directory.export_csv(self._database, path)

    def load_starter_directory(self) -> ImportReport | None:
        """Read the shipped starter list into an empty directory; None if it was not empty."""
        return directory.load_starter_directory(self._database)

    # --- the administrator's tools ---------------------------------------------------

    def lock_after_minutes(self) -> int:
        from vocplan.services.settings import lock_after_minutes

        return lock_after_minutes(self._database)

    def set_lock_after_minutes(self, minutes: int) -> None:
        from vocplan.services.settings import set_lock_after_minutes

        set_lock_after_minutes(self._database, minutes)

    def audit_events(self, limit: int | None = 500) -> list[AuditEntry]:
        """The newest events first; they name people by uid only."""
        return audit.events(self._database, limit=limit)

    def verify_audit(self) -> VerifyResult:
        return audit.verify(self._database)

    def export_audit(self, path: Path | str) -> int:
        return audit.export_csv(self._database, path)

    def staff_accounts(self) -> list[Account]:
        return staff.accounts(self._access()[0])

    def add_staff(self, name: str, role: Role, passphrase: str) -> Account:
        return staff.add_staff(*self._access(), name, role, passphrase, trail=self._database)

    def reset_staff_passphrase(self, name: str, passphrase: str) -> Account:
        return staff.reset_passphrase(*self._access(), name, passphrase, trail=self._database)

    def remove_staff(self, name: str) -> Account:
        return staff.remove_staff(*self._access(), name, trail=self._database)

    def change_own_passphrase(self, current: str, new: str) -> Account:
        files, unlocked = self._access()
        return staff.change_own_passphrase(
            files, unlocked.account.name, current, new, signed_in=unlocked, trail=self._database
        )

    def _access(self) -> tuple[DataFiles, Unlocked]:
        if self._files is None or self._unlocked is None:
            raise VocPlanError(_("These plans are not protected by staff passphrases."))
        return self._files, self._unlocked

    def close(self) -> None:
        self._database.close()
