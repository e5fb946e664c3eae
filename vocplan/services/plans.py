"""Reading a person's plan, and agreeing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from vocplan.domain.enums import PathwayStage, PlanSection, PlanStatus
from vocplan.domain.errors import NotFoundError, ValidationError
from vocplan.i18n import _
from vocplan.model import SINGLE_PARTS, AuditAction, Plan, PlanVersion
from vocplan.model.types import utcnow
from vocplan.services.audit import record_action, record_for
from vocplan.services.people import PersonSummary, get_person
from vocplan.services.snapshot import SCHEMA_VERSION, plan_document
from vocplan.storage.database import Database

SECTION_PARTS: dict[PlanSection, tuple[str, ...]] = {
    PlanSection.ABOUT_TODAY: ("sessions",),
    PlanSection.PREFERENCES: ("preferences",),
    PlanSection.BACKGROUND: (
        "qualifications",
        "certificates",
        "work_history",
        "volunteering",
        "skills",
        "barriers",
    ),
    PlanSection.OPTIONS: ("options",),
    PlanSection.MONEY: ("money", "scenarios"),
    PlanSection.STAYING_WELL: ("wellbeing", "disclosure", "adjustments"),
    PlanSection.MY_PLAN: ("goals", "steps", "referrals", "review_notes", "outcomes"),
    PlanSection.AGREEMENT: ("versions",),
}
"""Which parts of the plan document each step of the guided session fills."""

PLAN_FIELDS_BY_SECTION: dict[PlanSection, tuple[str, ...]] = {
    PlanSection.MY_PLAN: ("pathway_stage", "next_review_date"),
    PlanSection.AGREEMENT: ("not_agreed",),
}
"""The plan's own answers, and the step each is given in."""


@dataclass(frozen=True)
class VersionSummary:
    number: int
    agreed_at: datetime
    person_name: str
    worker_name: str
    worker_role: str


@dataclass(frozen=True)
class PlanOverview:
    person: PersonSummary
    status: PlanStatus
    pathway_stage: PathwayStage | None
    next_review_date: date | None
    last_section: PlanSection
    sections_with_content: frozenset[PlanSection]
    versions: tuple[VersionSummary, ...]
    document: dict[str, Any]


@dataclass
class Agreement:
    """Both people's confirmation of the plan, as typed."""

    person_name: str
    person_agreed_on: date
    worker_name: str
    worker_role: str
    worker_agreed_on: date
    not_agreed: str = ""


def open_plan(database: Database, person_id: int, actor: str | None = None) -> PlanOverview:
    """A person's plan as someone opens it to look at: the view goes on the audit trail.

    ``plan_overview`` is for reading done on the way to something else (an export,
    a refresh after a change) and records nothing.
    """
    overview = plan_overview(database, person_id)
    record_action(database, AuditAction.VIEW, person_id, "plan", actor)
    return overview


def plan_overview(database: Database, person_id: int) -> PlanOverview:
    person = get_person(database, person_id)
    with database.reading() as session:
        plan = _plan_of(session, person_id)
        document = plan_document(session, plan)
    return PlanOverview(
        person=person,
        status=PlanStatus(plan.status),
        pathway_stage=PathwayStage(plan.pathway_stage) if plan.pathway_stage else None,
        next_review_date=plan.next_review_date,
        last_section=PlanSection(plan.last_section),
        sections_with_content=sections_with_content(document),
        versions=tuple(
            VersionSummary(
                number=version["number"],
                agreed_at=datetime.fromisoformat(version["agreed_at"]),
                person_name=version["person_name"],
                worker_name=version["worker_name"],
                worker_role=version["worker_role"],
            )
            for version in document.get("versions", [])
        ),
        document=document,
    )


def sections_with_content(document: dict[str, Any]) -> frozenset[PlanSection]:
    """The steps of the session in which something has been written or chosen."""
    filled = set()
    for section, keys in SECTION_PARTS.items():
        if any(_has_content(key, document.get(key)) for key in keys):
            filled.add(section)
    for note in document.get("notes", []):
        filled.add(PlanSection(note["section"]))
    plan = document.get("plan") or {}
    for section, fields in PLAN_FIELDS_BY_SECTION.items():
        if any(plan.get(name) for name in fields):
            filled.add(section)
    return frozenset(filled)


def _has_content(key: str, value: Any) -> bool:
    if key in SINGLE_PARTS:
        empty = SINGLE_PARTS[key](plan_id=0).model_dump(mode="json", exclude={"id", "plan_id"})
        return bool(value) and value != empty
    return bool(value)


def agree_plan(
    database: Database, person_id: int, agreement: Agreement, today: date | None = None
) -> int:
    """Freeze the plan as agreed by both people; returns the new version number."""
    today = today or date.today()
    errors: dict[str, str] = {}
    if not agreement.person_name.strip():
        errors["person_name"] = _("Type the name of the person agreeing the plan.")
    if not agreement.worker_name.strip():
        errors["worker_name"] = _("Type the name of the worker agreeing the plan.")
    if not agreement.worker_role.strip():
        errors["worker_role"] = _("Type the worker's role, for example care coordinator.")
    for field_name in ("person_agreed_on", "worker_agreed_on"):
        if getattr(agreement, field_name) > today:
            errors[field_name] = _("The date of agreement cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        assert plan.id is not None
        plan.not_agreed = agreement.not_agreed.strip()
        plan.status = PlanStatus.AGREED
        plan.updated_at = utcnow()
        session.add(plan)
        session.flush()
        last = session.exec(
            select(func.max(PlanVersion.number)).where(col(PlanVersion.plan_id) == plan.id)
        ).one()
        number = (last or 0) + 1
        session.add(
            PlanVersion(
                plan_id=plan.id,
                number=number,
                agreed_at=utcnow(),
                person_name=agreement.person_name.strip(),
                person_agreed_on=agreement.person_agreed_on,
                worker_name=agreement.worker_name.strip(),
                worker_role=agreement.worker_role.strip(),
                worker_agreed_on=agreement.worker_agreed_on,
                not_agreed=plan.not_agreed,
                snapshot_schema=SCHEMA_VERSION,
                snapshot=plan_document(session, plan, with_versions=False),
            )
        )
        record_for(session, AuditAction.AGREE, person_id, f"version {number}")
        return number


def _plan_of(session: Session, person_id: int) -> Plan:
    plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).first()
    if plan is None:
        raise NotFoundError(_("That person is no longer in VocPlan."))
    return plan
