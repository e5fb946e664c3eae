"""The fixed choices a plan is made of, each with a plain-English label.

Values are stored in the database and in exported files, so never rename a
value; add a new one instead. Labels are marked with ``N_`` and translated
where they are shown.
"""

from __future__ import annotations

from enum import StrEnum

from vocplan.i18n import N_, _


class LabelledEnum(StrEnum):
    """A string enumeration whose members carry a translatable label."""

    @property
    def label(self) -> str:
        # Keyed by class and value: members of different enums that share a value
        # ("either", "person", "none") are equal as strings but mean different things.
        return _(_LABELS[(type(self), self.value)])

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class CarePlanFramework(LabelledEnum):
    CARE_AND_SUPPORT_PLAN = "care_and_support_plan"
    CARE_AND_TREATMENT_PLAN = "care_and_treatment_plan"
    CPA = "cpa"


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    AGREED = "agreed"


class PathwayStage(LabelledEnum):
    """The supported employment stages, used as where a person is on their way."""

    ENGAGEMENT = "engagement"
    VOCATIONAL_PROFILING = "vocational_profiling"
    JOB_FINDING = "job_finding"
    EMPLOYER_ENGAGEMENT = "employer_engagement"
    IN_WORK_SUPPORT = "in_work_support"


class ActivityKind(LabelledEnum):
    PAID_WORK = "paid_work"
    EDUCATION = "education"
    TRAINING = "training"
    VOLUNTEERING = "volunteering"
    SUPPORTED_WORK = "supported_work"
    SELF_EMPLOYMENT = "self_employment"


class QualificationLevel(LabelledEnum):
    """Levels of the Regulated Qualifications Framework (England) and CQFW (Wales)."""

    ENTRY_1 = "entry_1"
    ENTRY_2 = "entry_2"
    ENTRY_3 = "entry_3"
    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    LEVEL_3 = "level_3"
    LEVEL_4 = "level_4"
    LEVEL_5 = "level_5"
    LEVEL_6 = "level_6"
    LEVEL_7 = "level_7"
    LEVEL_8 = "level_8"
    NOT_KNOWN = "not_known"


class QualificationStatus(LabelledEnum):
    ACHIEVED = "achieved"
    IN_PROGRESS = "in_progress"
    NOT_FINISHED = "not_finished"


class BarrierKind(LabelledEnum):
    CONFIDENCE = "confidence"
    GAP_IN_WORK_HISTORY = "gap_in_work_history"
    CRIMINAL_RECORD = "criminal_record"
    DRIVING = "driving"
    LANGUAGE = "language"
    CARING = "caring"
    HEALTH = "health"
    TRAVEL = "travel"
    MONEY = "money"
    OTHER = "other"


class OptionStatus(LabelledEnum):
    THINKING_ABOUT = "thinking_about"
    CHOSEN = "chosen"
    APPLIED = "applied"
    STARTED = "started"
    NOT_FOR_NOW = "not_for_now"


class Tenure(LabelledEnum):
    NONE = "none"
    SOCIAL = "social"
    PRIVATE = "private"


class DisclosureChoice(LabelledEnum):
    NOT_DECIDED = "not_decided"
    YES = "yes"
    NOT_YET = "not_yet"
    NO = "no"


class AdjustmentStatus(LabelledEnum):
    TO_ASK_FOR = "to_ask_for"
    ASKED = "asked"
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"


class StepOwner(LabelledEnum):
    PERSON = "person"
    CARE_COORDINATOR = "care_coordinator"
    EMPLOYMENT_SPECIALIST = "employment_specialist"
    OTHER = "other"


class StepStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    STOPPED = "stopped"


class ReferralStatus(LabelledEnum):
    TO_MAKE = "to_make"
    MADE = "made"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    FINISHED = "finished"


class ServiceKind(LabelledEnum):
    EMPLOYMENT_SUPPORT = "employment_support"
    COLLEGE = "college"
    VOLUNTEERING_CENTRE = "volunteering_centre"
    WELFARE_RIGHTS = "welfare_rights"
    ACCESS_TO_WORK = "access_to_work"
    JOBCENTRE_PLUS = "jobcentre_plus"
    OTHER = "other"


class Voice(LabelledEnum):
    """Whose words a note is: kept apart so the person's own words stay theirs."""

    PERSON = "person"
    WORKER = "worker"


class PlanSection(LabelledEnum):
    """The steps of the guided session, which notes and changes are filed under."""

    ABOUT_TODAY = "about_today"
    PREFERENCES = "preferences"
    BACKGROUND = "background"
    OPTIONS = "options"
    MONEY = "money"
    STAYING_WELL = "staying_well"
    MY_PLAN = "my_plan"
    AGREEMENT = "agreement"


class EmploymentStatus(LabelledEnum):
    """Employment status codes of the Mental Health Services Data Set (England)."""

    EMPLOYED = "01"
    UNEMPLOYED_SEEKING_WORK = "02"
    STUDENT = "03"
    LONG_TERM_SICK_OR_DISABLED = "04"
    HOMEMAKER = "05"
    NOT_WORKING_OR_SEEKING = "06"
    VOLUNTEERING = "07"
    RETIRED = "08"
    NOT_STATED = "ZZ"


class OutcomeKind(LabelledEnum):
    STARTED_PAID_WORK = "started_paid_work"
    IN_WORK_13_WEEKS = "in_work_13_weeks"
    IN_WORK_26_WEEKS = "in_work_26_weeks"
    IN_WORK_52_WEEKS = "in_work_52_weeks"
    LEFT_PAID_WORK = "left_paid_work"
    STARTED_COURSE = "started_course"
    FINISHED_COURSE = "finished_course"
    GAINED_QUALIFICATION = "gained_qualification"
    STARTED_VOLUNTEERING = "started_volunteering"
    BENEFITS_CHECK_DONE = "benefits_check_done"
    PLAN_REVIEWED = "plan_reviewed"
    STATUS_RECORDED = "status_recorded"


_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (CarePlanFramework.CARE_AND_SUPPORT_PLAN, N_("Care and support plan")),
    (CarePlanFramework.CARE_AND_TREATMENT_PLAN, N_("Care and Treatment Plan")),
    (CarePlanFramework.CPA, N_("Care Programme Approach (CPA)")),
    (PlanStatus.DRAFT, N_("Draft")),
    (PlanStatus.AGREED, N_("Agreed")),
    (PathwayStage.ENGAGEMENT, N_("Getting started")),
    (PathwayStage.VOCATIONAL_PROFILING, N_("Working out what I want")),
    (PathwayStage.JOB_FINDING, N_("Looking for work or a course")),
    (PathwayStage.EMPLOYER_ENGAGEMENT, N_("Talking to employers")),
    (PathwayStage.IN_WORK_SUPPORT, N_("Support in work or study")),
    (ActivityKind.PAID_WORK, N_("Paid work")),
    (ActivityKind.EDUCATION, N_("Education")),
    (ActivityKind.TRAINING, N_("Training")),
    (ActivityKind.VOLUNTEERING, N_("Volunteering")),
    (ActivityKind.SUPPORTED_WORK, N_("Supported work")),
    (ActivityKind.SELF_EMPLOYMENT, N_("Working for myself")),
    (QualificationLevel.ENTRY_1, N_("Entry level 1")),
    (QualificationLevel.ENTRY_2, N_("Entry level 2")),
    (QualificationLevel.ENTRY_3, N_("Entry level 3")),
    (QualificationLevel.LEVEL_1, N_("Level 1")),
    (QualificationLevel.LEVEL_2, N_("Level 2")),
    (QualificationLevel.LEVEL_3, N_("Level 3")),
    (QualificationLevel.LEVEL_4, N_("Level 4")),
    (QualificationLevel.LEVEL_5, N_("Level 5")),
    (QualificationLevel.LEVEL_6, N_("Level 6")),
    (QualificationLevel.LEVEL_7, N_("Level 7")),
    (QualificationLevel.LEVEL_8, N_("Level 8")),
    (QualificationLevel.NOT_KNOWN, N_("Level not known")),
    (QualificationStatus.ACHIEVED, N_("Got it")),
    (QualificationStatus.IN_PROGRESS, N_("Doing it now")),
    (QualificationStatus.NOT_FINISHED, N_("Started, not finished")),
    (BarrierKind.CONFIDENCE, N_("Confidence")),
    (BarrierKind.GAP_IN_WORK_HISTORY, N_("Gap in work history")),
    (BarrierKind.CRIMINAL_RECORD, N_("Criminal record or DBS check")),
    (BarrierKind.DRIVING, N_("Driving")),
    (BarrierKind.LANGUAGE, N_("Language")),
    (BarrierKind.CARING, N_("Caring for someone")),
    (BarrierKind.HEALTH, N_("Health")),
    (BarrierKind.TRAVEL, N_("Getting there")),
    (BarrierKind.MONEY, N_("Money")),
    (BarrierKind.OTHER, N_("Something else")),
    (OptionStatus.THINKING_ABOUT, N_("Thinking about it")),
    (OptionStatus.CHOSEN, N_("Going for it")),
    (OptionStatus.APPLIED, N_("Applied")),
    (OptionStatus.STARTED, N_("Started")),
    (OptionStatus.NOT_FOR_NOW, N_("Not for now")),
    (Tenure.NONE, N_("No rent to pay")),
    (Tenure.SOCIAL, N_("Council or housing association")),
    (Tenure.PRIVATE, N_("Private landlord")),
    (DisclosureChoice.NOT_DECIDED, N_("Not decided yet")),
    (DisclosureChoice.YES, N_("Yes, I will tell them")),
    (DisclosureChoice.NOT_YET, N_("Not yet")),
    (DisclosureChoice.NO, N_("No")),
    (AdjustmentStatus.TO_ASK_FOR, N_("To ask for")),
    (AdjustmentStatus.ASKED, N_("Asked for")),
    (AdjustmentStatus.AGREED, N_("Agreed")),
    (AdjustmentStatus.NOT_AGREED, N_("Not agreed")),
    (StepOwner.PERSON, N_("Me")),
    (StepOwner.CARE_COORDINATOR, N_("Care coordinator")),
    (StepOwner.EMPLOYMENT_SPECIALIST, N_("Employment specialist")),
    (StepOwner.OTHER, N_("Someone else")),
    (StepStatus.NOT_STARTED, N_("Not started")),
    (StepStatus.IN_PROGRESS, N_("Doing it")),
    (StepStatus.DONE, N_("Done")),
    (StepStatus.STOPPED, N_("Stopped")),
    (ReferralStatus.TO_MAKE, N_("To make")),
    (ReferralStatus.MADE, N_("Made")),
    (ReferralStatus.ACCEPTED, N_("Accepted")),
    (ReferralStatus.DECLINED, N_("Declined")),
    (ReferralStatus.FINISHED, N_("Finished")),
    (ServiceKind.EMPLOYMENT_SUPPORT, N_("Employment support (IPS)")),
    (ServiceKind.COLLEGE, N_("College or adult learning")),
    (ServiceKind.VOLUNTEERING_CENTRE, N_("Volunteering centre")),
    (ServiceKind.WELFARE_RIGHTS, N_("Welfare rights advice")),
    (ServiceKind.ACCESS_TO_WORK, N_("Access to Work")),
    (ServiceKind.JOBCENTRE_PLUS, N_("Jobcentre Plus")),
    (ServiceKind.OTHER, N_("Other service")),
    (Voice.PERSON, N_("In my words")),
    (Voice.WORKER, N_("Worker's note")),
    (PlanSection.ABOUT_TODAY, N_("About today")),
    (PlanSection.PREFERENCES, N_("What matters to me")),
    (PlanSection.BACKGROUND, N_("What I bring")),
    (PlanSection.OPTIONS, N_("Options")),
    (PlanSection.MONEY, N_("Money")),
    (PlanSection.STAYING_WELL, N_("Staying well and telling people")),
    (PlanSection.MY_PLAN, N_("My plan")),
    (PlanSection.AGREEMENT, N_("Check and agree")),
    (EmploymentStatus.EMPLOYED, N_("Employed")),
    (EmploymentStatus.UNEMPLOYED_SEEKING_WORK, N_("Unemployed and looking for work")),
    (EmploymentStatus.STUDENT, N_("Student")),
    (EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, N_("Long-term sick or disabled")),
    (EmploymentStatus.HOMEMAKER, N_("Looking after the family or home")),
    (
        EmploymentStatus.NOT_WORKING_OR_SEEKING,
        N_("Not working, not looking for work and not getting benefits"),
    ),
    (EmploymentStatus.VOLUNTEERING, N_("Unpaid voluntary work")),
    (EmploymentStatus.RETIRED, N_("Retired")),
    (EmploymentStatus.NOT_STATED, N_("Not stated")),
    (OutcomeKind.STARTED_PAID_WORK, N_("Started paid work")),
    (OutcomeKind.IN_WORK_13_WEEKS, N_("In work for 13 weeks")),
    (OutcomeKind.IN_WORK_26_WEEKS, N_("In work for 26 weeks")),
    (OutcomeKind.IN_WORK_52_WEEKS, N_("In work for 52 weeks")),
    (OutcomeKind.LEFT_PAID_WORK, N_("Left paid work")),
    (OutcomeKind.STARTED_COURSE, N_("Started a course")),
    (OutcomeKind.FINISHED_COURSE, N_("Finished a course")),
    (OutcomeKind.GAINED_QUALIFICATION, N_("Gained a qualification")),
    (OutcomeKind.STARTED_VOLUNTEERING, N_("Started volunteering")),
    (OutcomeKind.BENEFITS_CHECK_DONE, N_("Benefits check done")),
    (OutcomeKind.PLAN_REVIEWED, N_("Plan reviewed")),
    (OutcomeKind.STATUS_RECORDED, N_("Employment status recorded")),
]


class TravelMode(LabelledEnum):
    WALK = "walk"
    CYCLE = "cycle"
    BUS = "bus"
    TRAIN = "train"
    TRAM = "tram"
    CAR = "car"
    LIFT = "lift"
    TAXI = "taxi"


class NoiseLevel(LabelledEnum):
    QUIET = "quiet"
    BUSY = "busy"
    EITHER = "either"


class Place(LabelledEnum):
    INDOORS = "indoors"
    OUTDOORS = "outdoors"
    EITHER = "either"


class Company(LabelledEnum):
    WITH_PEOPLE = "with_people"
    ALONE = "alone"
    EITHER = "either"


class Pace(LabelledEnum):
    ACTIVE = "active"
    SEATED = "seated"
    EITHER = "either"


class Gain(LabelledEnum):
    """What work or study would give the person."""

    MONEY = "money"
    ROUTINE = "routine"
    PEOPLE = "people"
    PURPOSE = "purpose"
    SKILLS = "skills"
    CONFIDENCE = "confidence"


class PipRate(LabelledEnum):
    NONE = "none"
    STANDARD = "standard"
    ENHANCED = "enhanced"


class EsaGroup(LabelledEnum):
    SUPPORT = "support"
    WRAG = "wrag"
    ASSESSMENT = "assessment"


class LcwraRate(LabelledEnum):
    PROTECTED = "protected"
    NEW_CLAIMANT = "new_claimant"


class ChildDisability(LabelledEnum):
    """The disabled child addition of Universal Credit a child gets, if any."""

    NONE = "none"
    LOWER = "lower"
    HIGHER = "higher"


class ChildBorn(LabelledEnum):
    """When a child was born, against the date the child element changed (6 April 2017).

    The plan keeps it as ``born_before_6_april_2017`` (true, false or not known);
    these are the two answers as a list to choose from.
    """

    BEFORE_6_APRIL_2017 = "before_6_april_2017"
    FROM_6_APRIL_2017 = "from_6_april_2017"


class GoalStatus(LabelledEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    CHANGED = "changed"
    STOPPED = "stopped"


class AccessToWorkStatus(LabelledEnum):
    NOT_YET = "not_yet"
    TO_APPLY = "to_apply"
    APPLIED = "applied"
    APPROVED = "approved"
    NOT_NEEDED = "not_needed"


_LABEL_PAIRS.extend(
    [
        (TravelMode.WALK, N_("Walking")),
        (TravelMode.CYCLE, N_("Cycling")),
        (TravelMode.BUS, N_("Bus")),
        (TravelMode.TRAIN, N_("Train")),
        (TravelMode.TRAM, N_("Tram")),
        (TravelMode.CAR, N_("Driving")),
        (TravelMode.LIFT, N_("A lift from someone")),
        (TravelMode.TAXI, N_("Taxi")),
        (NoiseLevel.QUIET, N_("Quiet")),
        (NoiseLevel.BUSY, N_("Busy")),
        (NoiseLevel.EITHER, N_("Quiet or busy")),
        (Place.INDOORS, N_("Indoors")),
        (Place.OUTDOORS, N_("Outdoors")),
        (Place.EITHER, N_("Indoors or outdoors")),
        (Company.WITH_PEOPLE, N_("With people")),
        (Company.ALONE, N_("On my own")),
        (Company.EITHER, N_("With people or on my own")),
        (Pace.ACTIVE, N_("On my feet")),
        (Pace.SEATED, N_("Sitting down")),
        (Pace.EITHER, N_("On my feet or sitting down")),
        (Gain.MONEY, N_("Money")),
        (Gain.ROUTINE, N_("A routine")),
        (Gain.PEOPLE, N_("Being with people")),
        (Gain.PURPOSE, N_("Something that matters")),
        (Gain.SKILLS, N_("New skills")),
        (Gain.CONFIDENCE, N_("Confidence")),
        (PipRate.NONE, N_("None")),
        (PipRate.STANDARD, N_("Standard rate")),
        (PipRate.ENHANCED, N_("Enhanced rate")),
        (EsaGroup.SUPPORT, N_("Support group")),
        (EsaGroup.WRAG, N_("Work-related activity group")),
        (EsaGroup.ASSESSMENT, N_("Waiting for an assessment")),
        (LcwraRate.PROTECTED, N_("Protected rate (claim before April 2026)")),
        (LcwraRate.NEW_CLAIMANT, N_("New claimant rate")),
        (ChildDisability.NONE, N_("No disability addition")),
        (ChildDisability.LOWER, N_("Lower rate")),
        (ChildDisability.HIGHER, N_("Higher rate")),
        (ChildBorn.BEFORE_6_APRIL_2017, N_("Before 6 April 2017")),
        (ChildBorn.FROM_6_APRIL_2017, N_("On or after 6 April 2017")),
        (GoalStatus.ACTIVE, N_("Working on it")),
        (GoalStatus.ACHIEVED, N_("Achieved")),
        (GoalStatus.CHANGED, N_("Changed")),
        (GoalStatus.STOPPED, N_("Stopped")),
        (AccessToWorkStatus.NOT_YET, N_("Not yet")),
        (AccessToWorkStatus.TO_APPLY, N_("To apply")),
        (AccessToWorkStatus.APPLIED, N_("Applied")),
        (AccessToWorkStatus.APPROVED, N_("Approved")),
        (AccessToWorkStatus.NOT_NEEDED, N_("Not needed")),
    ]
)

_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): text for member, text in _LABEL_PAIRS
}
