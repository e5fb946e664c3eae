"""Keeping what the benefits engine worked out with the plan.

A work scenario's ``result`` is derived data: the Money page works it out
again from the plan's answers and the rules pack each time it shows the
scenario, and keeps the latest with the scenario so that the plan document
shows what was discussed. Keeping it is therefore not something a person
did: it is not put on the undo stack (undoing it would only bring back
figures that no longer follow from the answers) and, on its own, it does not
make an agreed plan a draft again (the "what changed" view ignores it too).
The rules year is different: figures from another year's rules are a real
change to the plan, so a new rules year is saved as a change like any other.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from vocplan.domain.enums import PlanStatus
from vocplan.domain.errors import NotFoundError
from vocplan.i18n import _
from vocplan.model import Plan
from vocplan.model.plan_parts import WorkScenario
from vocplan.model.types import utcnow
from vocplan.storage.database import Database


def record_calculation(
    database: Database,
    person_id: int,
    scenario_uid: str | None,
    result: dict[str, Any] | None,
    rules_year: str,
) -> bool:
    """Keep a scenario's result and rules year, and the plan's rules year, in one transaction.

    ``scenario_uid`` None records only the plan's rules year. Returns whether
    anything was different from what was kept before.
    """
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        changed = False
        new_year = plan.rules_year != rules_year
        if new_year:
            plan.rules_year = rules_year
        if scenario_uid is not None:
            scenario = session.exec(
                select(WorkScenario).where(
                    col(WorkScenario.uid) == scenario_uid, col(WorkScenario.plan_id) == plan.id
                )
            ).first()
            if scenario is None:
                raise NotFoundError(_("That item is no longer in the plan."))
            if scenario.rules_year != rules_year:
                scenario.rules_year = rules_year
                new_year = True
            if scenario.result != result:
                scenario.result = result
                changed = True
            session.add(scenario)
        if new_year:
            if plan.status == PlanStatus.AGREED:
                plan.status = PlanStatus.DRAFT
            plan.updated_at = utcnow()
        session.add(plan)
        return changed or new_year


def _plan_of(session: Session, person_id: int) -> Plan:
    plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).first()
    if plan is None:
        raise NotFoundError(_("That person is no longer in VocPlan."))
    return plan
