"""The content of a plan, section by section.

Single parts (one row a plan) hold answers given once; items (many rows a plan,
kept in ``position`` order) hold lists. Every item has a ``uid`` that survives
export and import, so references between items never depend on database ids.

Text fields described as "in the person's words" are the person's own; the
worker's observations go in ``SectionNote`` rows with ``voice = worker``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from vocplan.domain.enums import (
    AccessToWorkStatus,
    ActivityKind,
    AdjustmentStatus,
    BarrierKind,
    Company,
    DisclosureChoice,
    EmploymentStatus,
    EsaGroup,
    GoalStatus,
    LcwraRate,
    NoiseLevel,
    OptionStatus,
    OutcomeKind,
    Pace,
    PipRate,
    Place,
    PlanSection,
    QualificationLevel,
    QualificationStatus,
    ReferralStatus,
    ServiceKind,
    StepOwner,
    StepStatus,
    Tenure,
    Voice,
)
from vocplan.model.types import EnumText, new_uid


class PlanPart(SQLModel):
    """Columns of a section that a plan has exactly one of."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", unique=True)


class PlanItem(SQLModel):
    """Columns of a section that a plan has a list of."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    position: int = 0


# --- About today -----------------------------------------------------------


class SessionRecord(PlanItem, table=True):
    """One meeting (or one sitting at home): who was there, what for, and consent."""

    __tablename__ = "session_record"

    held_on: date
    who_is_here: str = ""
    purpose: str = ""
    consent_to_record: bool = False
    consent_to_share: bool = False
    consent_notes: str = ""


# --- What matters to me ----------------------------------------------------


class Preferences(PlanPart, table=True):
    __tablename__ = "preferences"

    activity_order: list[str] = Field(default_factory=list, sa_type=JSON)
    """ActivityKind values, most wanted first; kinds not wanted are left out."""
    interests: list[str] = Field(default_factory=list, sa_type=JSON)
    """Codes from the job-family and course-area catalogue in resources/."""
    interests_in_my_words: str = ""
    hours_min: float | None = None
    hours_max: float | None = None
    days_and_times: str = ""
    longest_journey_minutes: int | None = None
    travel_modes: list[str] = Field(default_factory=list, sa_type=JSON)
    noise: NoiseLevel = Field(default=NoiseLevel.EITHER, sa_type=EnumText(NoiseLevel))
    place: Place = Field(default=Place.EITHER, sa_type=EnumText(Place))
    company: Company = Field(default=Company.EITHER, sa_type=EnumText(Company))
    pace: Pace = Field(default=Pace.EITHER, sa_type=EnumText(Pace))
    things_to_avoid: str = ""
    gains: list[str] = Field(default_factory=list, sa_type=JSON)
    """Gain values: what work or study would give the person."""
    gains_in_my_words: str = ""
    interest_explorer: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    """Answers to the interest explorer prompts, by prompt code."""


# --- What I bring ----------------------------------------------------------


class Qualification(PlanItem, table=True):
    __tablename__ = "qualification"

    title: str
    subject: str = ""
    level: QualificationLevel = Field(
        default=QualificationLevel.NOT_KNOWN, sa_type=EnumText(QualificationLevel)
    )
    status: QualificationStatus = Field(
        default=QualificationStatus.ACHIEVED, sa_type=EnumText(QualificationStatus)
    )
    awarded_by: str = ""
    year: int | None = None
    notes: str = ""


class Certificate(PlanItem, table=True):
    """Training and certificates, such as food hygiene or first aid, which may expire."""

    __tablename__ = "certificate"

    title: str
    provider: str = ""
    obtained_on: date | None = None
    expires_on: date | None = None
    notes: str = ""


class WorkHistoryEntry(PlanItem, table=True):
    __tablename__ = "work_history_entry"

    role: str
    employer: str = ""
    started_on: date | None = None
    ended_on: date | None = None
    hours_per_week: float | None = None
    went_well: str = ""
    was_hard: str = ""
    why_it_ended: str = ""


class VolunteeringRole(PlanItem, table=True):
    __tablename__ = "volunteering_role"

    role: str
    organisation: str = ""
    started_on: date | None = None
    ended_on: date | None = None
    hours_per_week: float | None = None
    what_i_do: str = ""
    went_well: str = ""
    was_hard: str = ""


class Skill(PlanItem, table=True):
    """A skill or strength, in the person's words."""

    __tablename__ = "skill"

    description: str
    example: str = ""


class Barrier(PlanItem, table=True):
    """Something that gets in the way, and what would help."""

    __tablename__ = "barrier"

    kind: BarrierKind = Field(default=BarrierKind.OTHER, sa_type=EnumText(BarrierKind))
    description: str = ""
    what_would_help: str = ""


# --- Options ---------------------------------------------------------------


class Option(PlanItem, table=True):
    """One thing the person could do: a job, a course, training, volunteering…"""

    __tablename__ = "option"

    kind: ActivityKind = Field(sa_type=EnumText(ActivityKind))
    title: str
    provider: str = ""
    directory_uid: str | None = None
    """The local directory entry the provider was picked from, if any."""
    hours_per_week: float | None = None
    pay_hourly_pence: int | None = None
    cost_pence: int | None = None
    """What a course or training costs the person, in pence."""
    start_on: date | None = None
    journey_minutes: int | None = None
    travel_mode: str = ""
    pros: str = ""
    cons: str = ""
    status: OptionStatus = Field(
        default=OptionStatus.THINKING_ABOUT, sa_type=EnumText(OptionStatus)
    )
    notes: str = ""


# --- Money -----------------------------------------------------------------


class MoneySituation(PlanPart, table=True):
    """The household's money now. Pence throughout; weekly or monthly as named."""

    __tablename__ = "money_situation"

    universal_credit: bool = False
    lcw: bool = False
    lcwra: bool = False
    lcwra_rate: LcwraRate | None = Field(default=None, sa_type=EnumText(LcwraRate))
    """Asked, never assumed: None until someone has checked."""
    new_style_esa_weekly_pence: int = 0
    esa_group: EsaGroup | None = Field(default=None, sa_type=EnumText(EsaGroup))
    pip_daily_living: PipRate = Field(default=PipRate.NONE, sa_type=EnumText(PipRate))
    pip_mobility: PipRate = Field(default=PipRate.NONE, sa_type=EnumText(PipRate))
    tenure: Tenure = Field(default=Tenure.NONE, sa_type=EnumText(Tenure))
    rent_monthly_pence: int = 0
    brma: str | None = None
    """Broad rental market area, for the Local Housing Allowance of private renters."""
    bedrooms: int | None = None
    lha_monthly_pence: int | None = None
    capital_pence: int = 0
    earnings_monthly_pence: int = 0
    other_income_monthly_pence: int = 0
    partner: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    """None for a single person, else the partner's age, earnings, LCW/LCWRA, married."""
    children: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    """Each child's age and disability addition ("none", "lower", "higher")."""
    other_benefits: str = ""
    notes: str = ""


class WorkScenario(PlanItem, table=True):
    """A "what if I worked…" case, linked to an option where it came from one."""

    __tablename__ = "work_scenario"

    label: str = ""
    option_uid: str | None = Field(default=None, foreign_key="option.uid", ondelete="SET NULL")
    hours_per_week: float = 0
    hourly_pay_pence: int = 0
    weeks_per_year: int = 52
    travel_weekly_pence: int = 0
    other_costs_weekly_pence: int = 0
    supported_permitted_work: bool = False
    volunteering_expenses_only: bool = False
    rules_year: str | None = None
    result: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    """The last calculated result, kept so the plan document shows what was discussed."""


# --- Staying well and telling people ----------------------------------------


class WellbeingPlan(PlanPart, table=True):
    """The in-work wellbeing plan. It points to the crisis plan; it does not copy it."""

    __tablename__ = "wellbeing_plan"

    keeps_me_well: str = ""
    early_signs: str = ""
    others_might_notice: str = ""
    what_helps: str = ""
    who_to_contact: str = ""
    crisis_plan_location: str = ""


class DisclosurePlan(PlanPart, table=True):
    """Whether, when, what and whom to tell, and Access to Work."""

    __tablename__ = "disclosure_plan"

    choice: DisclosureChoice = Field(
        default=DisclosureChoice.NOT_DECIDED, sa_type=EnumText(DisclosureChoice)
    )
    when_to_tell: str = ""
    what_to_tell: str = ""
    who_to_tell: str = ""
    pros: str = ""
    cons: str = ""
    adjustments_note: str = ""
    access_to_work: AccessToWorkStatus = Field(
        default=AccessToWorkStatus.NOT_YET, sa_type=EnumText(AccessToWorkStatus)
    )
    access_to_work_notes: str = ""


class Adjustment(PlanItem, table=True):
    """A reasonable adjustment to ask an employer or college for."""

    __tablename__ = "adjustment"

    description: str
    status: AdjustmentStatus = Field(
        default=AdjustmentStatus.TO_ASK_FOR, sa_type=EnumText(AdjustmentStatus)
    )


# --- My plan ---------------------------------------------------------------


class Goal(PlanItem, table=True):
    __tablename__ = "goal"

    what: str
    why_it_matters: str = ""
    """In the person's words."""
    by_when: date | None = None
    how_we_will_know: str = ""
    kind: ActivityKind | None = Field(default=None, sa_type=EnumText(ActivityKind))
    status: GoalStatus = Field(default=GoalStatus.ACTIVE, sa_type=EnumText(GoalStatus))


class Step(PlanItem, table=True):
    __tablename__ = "step"

    goal_uid: str | None = Field(default=None, foreign_key="goal.uid", ondelete="SET NULL")
    what: str
    owner: StepOwner = Field(default=StepOwner.PERSON, sa_type=EnumText(StepOwner))
    owner_name: str = ""
    by_when: date | None = None
    status: StepStatus = Field(default=StepStatus.NOT_STARTED, sa_type=EnumText(StepStatus))
    done_on: date | None = None


class Referral(PlanItem, table=True):
    __tablename__ = "referral"

    service_name: str
    service_kind: ServiceKind = Field(default=ServiceKind.OTHER, sa_type=EnumText(ServiceKind))
    directory_uid: str | None = None
    referred_on: date | None = None
    reason: str = ""
    status: ReferralStatus = Field(default=ReferralStatus.TO_MAKE, sa_type=EnumText(ReferralStatus))
    outcome: str = ""


class ReviewNote(PlanItem, table=True):
    __tablename__ = "review_note"

    reviewed_on: date
    text: str = ""
    written_by: str = ""


class SectionNote(PlanItem, table=True):
    """Words about one section, marked as the person's own or the worker's."""

    __tablename__ = "section_note"

    section: PlanSection = Field(sa_type=EnumText(PlanSection))
    voice: Voice = Field(sa_type=EnumText(Voice))
    text: str
    written_on: date | None = None


class OutcomeEvent(PlanItem, table=True):
    """Something that happened, for the team's outcome returns."""

    __tablename__ = "outcome_event"

    happened_on: date
    kind: OutcomeKind = Field(sa_type=EnumText(OutcomeKind))
    employment_status: EmploymentStatus | None = Field(
        default=None, sa_type=EnumText(EmploymentStatus)
    )
    organisation: str = ""
    hours_per_week: float | None = None
    description: str = ""
