"""What the windows may ask of the core, with the database held in one place.

Widgets get an ``AppServices`` and call its methods; they never see the
database, open a session or run SQL. Each method is one call into
``vocplan.services`` and returns plain values.

This module imports the database layer, so the app imports it only once the
main window is on screen (see ``ui.app``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vocplan.services import directory
from vocplan.services.directory import DirectoryInput, DirectoryRecord, ImportReport
from vocplan.services.people import PersonInput, PersonSummary, add_person, list_people
from vocplan.services.plans import PlanOverview, plan_overview
from vocplan.storage.database import Database

if TYPE_CHECKING:
    from ui.session.services import SessionServices

__all__ = ["AppServices", "DirectoryInput", "PersonInput"]


class AppServices:
    def __init__(self, database: Database) -> None:
        self._database = database

    def list_people(self) -> list[PersonSummary]:
        return list_people(self._database)

    def add_person(self, entry: PersonInput) -> PersonSummary:
        """Save a new person; raises ValidationError (saving nothing) for bad input."""
        return add_person(self._database, entry)

    def plan_overview(self, person_id: int) -> PlanOverview:
        return plan_overview(self._database, person_id)

    def session_services(self, person_id: int) -> SessionServices:
        """What one person's guided session may ask of the core."""
        from ui.session.services import SessionServices

        return SessionServices(self._database, person_id)

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

    def close(self) -> None:
        self._database.close()
