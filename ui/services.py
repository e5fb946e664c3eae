"""What the windows may ask of the core, with the database held in one place.

Widgets get an ``AppServices`` and call its methods; they never see the
database, open a session or run SQL. Each method is one call into
``vocplan.services`` and returns plain values.

This module imports the database layer, so the app imports it only once the
main window is on screen (see ``ui.app``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocplan.services.people import PersonInput, PersonSummary, add_person, list_people
from vocplan.services.plans import PlanOverview, plan_overview
from vocplan.storage.database import Database

if TYPE_CHECKING:
    from ui.session.services import SessionServices

__all__ = ["AppServices", "PersonInput"]


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

    def close(self) -> None:
        self._database.close()
