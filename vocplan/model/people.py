"""A person, their one live plan, and the frozen versions of it that were agreed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from vocplan.domain.enums import CarePlanFramework, PathwayStage, PlanSection, PlanStatus
from vocplan.model.types import EnumText, new_uid, utcnow


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True, index=True)
    full_name: str
    preferred_name: str = ""
    date_of_birth: date | None = None
    nhs_number: str | None = Field(default=None, index=True)
    """Ten digits, no spaces; checked with the modulus-11 rule before saving."""
    phone: str = ""
    email: str = ""
    address: str = ""
    care_coordinator: str = ""
    team: str = ""
    framework: CarePlanFramework = Field(
        default=CarePlanFramework.CARE_AND_SUPPORT_PLAN, sa_type=EnumText(CarePlanFramework)
    )
    """Which care-plan framework this person's record uses; it names the plan document."""
    language: str = "en"
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Plan(SQLModel, table=True):
    """The one live vocational plan of a person: a draft, or the copy last agreed."""

    __tablename__ = "plan"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True, index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", unique=True)
    status: PlanStatus = Field(default=PlanStatus.DRAFT, sa_type=EnumText(PlanStatus))
    pathway_stage: PathwayStage | None = Field(default=None, sa_type=EnumText(PathwayStage))
    next_review_date: date | None = None
    rules_year: str | None = None
    """The benefits rules year the money step last used, for example ``2026-27``."""
    not_agreed: str = ""
    """What the two people do not agree on, in the person's words."""
    last_section: PlanSection = Field(
        default=PlanSection.ABOUT_TODAY, sa_type=EnumText(PlanSection)
    )
    """Where the guided session was left, so reopening goes back there."""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PlanVersion(SQLModel, table=True):
    """A frozen copy of the plan as agreed. The database refuses to change one."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    number: int
    agreed_at: datetime = Field(default_factory=utcnow)
    person_name: str
    person_agreed_on: date
    worker_name: str
    worker_role: str
    worker_agreed_on: date
    not_agreed: str = ""
    snapshot_schema: int
    snapshot: dict[str, Any] = Field(sa_type=JSON)
    """The whole plan as ``vocplan.services.snapshot`` writes it."""
