"""Demo data: four fictional people with whole plans, to try VocPlan without real data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete
from sqlmodel import col, select

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.model import Person
from vocplan.services.people import PersonSummary, list_people
from vocplan.services.plans import Agreement, agree_plan
from vocplan.services.snapshot import create_from_document
from vocplan.storage.database import Database

from .personas import DemoPersona, demo_personas

__all__ = ["DemoPersona", "RealDataPresent", "demo_personas", "load_demo"]


class RealDataPresent(VocPlanError):
    """The data folder holds real people's plans, so the demo was not loaded."""


def load_demo(
    database: Database, *, allow_with_real_data: bool = False, today: date | None = None
) -> list[PersonSummary]:
    """Replace the demo people with fresh copies of the four personas.

    Real people (not marked as demo) are never touched. Unless
    ``allow_with_real_data``, the demo is refused where any real person exists,
    so nobody mixes made-up plans with real ones by accident.
    """
    today = today or date.today()
    to_agree: list[tuple[int, Agreement]] = []
    with database.transaction() as session:
        real_person = session.exec(
            select(Person.id).where(col(Person.is_demo).is_(False)).limit(1)
        ).first()
        if real_person is not None and not allow_with_real_data:
            raise RealDataPresent(
                _(
                    "This data folder holds real people's plans, so the demo was not "
                    "added. To add the demo people next to them, run 'vocplan demo --force'. "
                    "To keep the demo apart, use another data folder with --data-dir."
                )
            )
        session.exec(delete(Person).where(col(Person.is_demo).is_(True)))
        session.flush()
        for persona in demo_personas(today):
            plan = create_from_document(session, persona.document, is_demo=True)
            if persona.agreement is not None:
                to_agree.append((plan.person_id, persona.agreement))
    for person_id, agreement in to_agree:
        agree_plan(database, person_id, agreement, today=today)
    return [person for person in list_people(database) if person.is_demo]
