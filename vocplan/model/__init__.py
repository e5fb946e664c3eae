"""The tables, and the map of plan sections that export, import and snapshots walk."""

from __future__ import annotations

from sqlmodel import SQLModel

from vocplan.model.audit import AuditAction, AuditEvent
from vocplan.model.directory import DirectoryEntry
from vocplan.model.people import Person, Plan, PlanVersion
from vocplan.model.plan_parts import (
    Adjustment,
    Barrier,
    Certificate,
    DisclosurePlan,
    Goal,
    MoneySituation,
    Option,
    OutcomeEvent,
    PlanItem,
    PlanPart,
    Preferences,
    Qualification,
    Referral,
    ReviewNote,
    SectionNote,
    SessionRecord,
    Skill,
    Step,
    VolunteeringRole,
    WellbeingPlan,
    WorkHistoryEntry,
    WorkScenario,
)
from vocplan.model.settings import AppSetting

SINGLE_PARTS: dict[str, type[PlanPart]] = {
    "preferences": Preferences,
    "money": MoneySituation,
    "wellbeing": WellbeingPlan,
    "disclosure": DisclosurePlan,
}
"""Sections a plan has one of, by their key in an exported plan."""

LIST_PARTS: dict[str, type[PlanItem]] = {
    "sessions": SessionRecord,
    "qualifications": Qualification,
    "certificates": Certificate,
    "work_history": WorkHistoryEntry,
    "volunteering": VolunteeringRole,
    "skills": Skill,
    "barriers": Barrier,
    "options": Option,
    "scenarios": WorkScenario,
    "adjustments": Adjustment,
    "goals": Goal,
    "steps": Step,
    "referrals": Referral,
    "review_notes": ReviewNote,
    "notes": SectionNote,
    "outcomes": OutcomeEvent,
}
"""Sections a plan has a list of, in an order where every item's references come first."""

metadata = SQLModel.metadata

__all__ = [
    "LIST_PARTS",
    "SINGLE_PARTS",
    "Adjustment",
    "AppSetting",
    "AuditAction",
    "AuditEvent",
    "Barrier",
    "Certificate",
    "DirectoryEntry",
    "DisclosurePlan",
    "Goal",
    "MoneySituation",
    "Option",
    "OutcomeEvent",
    "Person",
    "Plan",
    "PlanItem",
    "PlanPart",
    "PlanVersion",
    "Preferences",
    "Qualification",
    "Referral",
    "ReviewNote",
    "SectionNote",
    "SessionRecord",
    "Skill",
    "Step",
    "VolunteeringRole",
    "WellbeingPlan",
    "WorkHistoryEntry",
    "WorkScenario",
    "metadata",
]
