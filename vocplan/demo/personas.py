"""The four fictional people of the demo, as whole plan documents.

Each persona is written as a plan document (see ``vocplan.services.snapshot``)
with every section filled, so the demo, the PDF and the end-to-end tests all
have something real-looking to show. Every date is worked out from ``today``
so the demo never goes stale. Every item has a fixed uid (derived from the
persona and the item), so references between items (a step's goal, a money
scenario's option) hold, and loading the demo twice gives the same plans.

Everything here is made up: names, numbers, places and organisations. NHS
numbers come from the 999 range, which is never issued; phone numbers are
from the ranges Ofcom keeps for drama; email addresses use example.org.

Money figures are 2026-27 and come from /work/shared/domain/benefits-rules.json
(keys named next to each constant); they are not the result of any
calculation, so every money scenario's ``result`` is left empty.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from vocplan.domain.enums import (
    AccessToWorkStatus,
    ActivityKind,
    AdjustmentStatus,
    BarrierKind,
    CarePlanFramework,
    Company,
    DisclosureChoice,
    EmploymentStatus,
    EsaGroup,
    Gain,
    GoalStatus,
    LcwraRate,
    NoiseLevel,
    OptionStatus,
    OutcomeKind,
    Pace,
    PathwayStage,
    PipRate,
    Place,
    PlanSection,
    PlanStatus,
    QualificationLevel,
    QualificationStatus,
    ReferralStatus,
    ServiceKind,
    StepOwner,
    StepStatus,
    Tenure,
    TravelMode,
    Voice,
)
from vocplan.model import LIST_PARTS, SINGLE_PARTS
from vocplan.services.plans import Agreement
from vocplan.services.snapshot import DOCUMENT_FORMAT, SCHEMA_VERSION

RULES_YEAR = "2026-27"
"""The benefits rules year every demo figure is taken from."""

NATIONAL_LIVING_WAGE_PENCE = 1271
"""benefits-rules.json ``minimum_wage.age_21_plus``, 2026-27: £12.71 an hour."""

MINIMUM_WAGE_18_TO_20_PENCE = 1085
"""benefits-rules.json ``minimum_wage.age_18_to_20``, 2026-27: £10.85 an hour."""

ESA_SUPPORT_GROUP_WEEKLY_PENCE = 9555 + 5035
"""New-style ESA in the support group, aged 25 or over, 2026-27: £145.90 a week.

benefits-rules.json ``esa.new_style.personal_allowance.25_plus`` (£95.55)
plus ``esa.support_component`` (£50.35).
"""

ESA_PERMITTED_WORK_HIGHER_LIMIT_PENCE = 20350
"""benefits-rules.json ``esa.permitted_work.higher_limit``, 2026-27: £203.50 a week."""

LEEDS_SHARED_ACCOMMODATION_RATE_PENCE = 34762
"""lha-uc-monthly.csv, 2026-27, BRMA ``LEEDS``, ``shared_accommodation``: £347.62 a month."""

_UID_NAMESPACE = uuid.UUID("6f1d9c7e-5b0a-4c84-9a53-2f1e8d4b7a10")


def demo_uid(persona: str, name: str) -> str:
    """A fixed 32-hex-digit uid for one item of one persona's plan."""
    return uuid.uuid5(_UID_NAMESPACE, f"vocplan-demo/{persona}/{name}").hex


@dataclass(frozen=True)
class DemoPersona:
    """One demo person's whole plan, and how both people agreed it (None: still a draft)."""

    document: dict[str, Any]
    agreement: Agreement | None

    @property
    def full_name(self) -> str:
        return str(self.document["person"]["full_name"])


def demo_personas(today: date) -> list[DemoPersona]:
    """Aisha, Gareth, Tomasz and Sam, with every date worked out from ``today``."""
    calendar = _Calendar(today)
    return [_aisha(calendar), _gareth(calendar), _tomasz(calendar), _sam(calendar)]


# --- Building blocks ----------------------------------------------------------


class _Calendar:
    """Dates relative to today, as the ISO text a plan document holds."""

    def __init__(self, today: date) -> None:
        self.today = today

    def days_ago(self, days: int) -> str:
        return (self.today - timedelta(days=days)).isoformat()

    def weeks_ago(self, weeks: int) -> str:
        return self.days_ago(7 * weeks)

    def weeks_ahead(self, weeks: int) -> str:
        return (self.today + timedelta(weeks=weeks)).isoformat()

    def years_ago(self, years: int, *, days: int = 0) -> str:
        return (_shift_years(self.today, -years) - timedelta(days=days)).isoformat()

    def years_ahead(self, years: int) -> str:
        return _shift_years(self.today, years).isoformat()

    def born(self, age: int, *, days_since_birthday: int) -> str:
        """A date of birth that makes the person exactly ``age`` today."""
        if not 0 <= days_since_birthday < 300:
            raise ValueError("days_since_birthday must be between 0 and 299")
        return self.years_ago(age, days=days_since_birthday)

    def year(self, years_ago: int) -> int:
        return self.today.year - years_ago


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def _items(persona: str, key: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows, each given a fixed uid unless it already names one."""
    return [
        {"uid": demo_uid(persona, f"{key}/{position}"), **row} for position, row in enumerate(rows)
    ]


def _document(
    persona: str,
    *,
    person: dict[str, Any],
    plan: dict[str, Any],
    parts: dict[str, dict[str, Any]],
    lists: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    missing = (set(SINGLE_PARTS) - set(parts)) | (set(LIST_PARTS) - set(lists))
    if missing:
        raise ValueError(f"demo persona {persona} lacks {sorted(missing)}")
    document: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "person": {"uid": demo_uid(persona, "person"), "is_demo": True, **person},
        "plan": {
            "uid": demo_uid(persona, "plan"),
            "status": PlanStatus.DRAFT,
            "rules_year": RULES_YEAR,
            **plan,
        },
    }
    for key in SINGLE_PARTS:
        document[key] = dict(parts[key])
    for key in LIST_PARTS:
        document[key] = _items(persona, key, lists[key])
    return document


# --- 1. Aisha Rahman: part-time work without losing her safety net ------------------


def _aisha(cal: _Calendar) -> DemoPersona:
    key = "aisha"
    bookshop = demo_uid(key, "option/bookshop")
    library_volunteer = demo_uid(key, "option/library-volunteer")
    goal_job = demo_uid(key, "goal/job")
    goal_money = demo_uid(key, "goal/money")
    goal_garden = demo_uid(key, "goal/garden")
    agreed_on = cal.days_ago(3)
    document = _document(
        key,
        person={
            "full_name": "Aisha Rahman",
            "preferred_name": "Aisha",
            "date_of_birth": cal.born(29, days_since_birthday=143),
            "nhs_number": "9992143657",
            "phone": "020 7946 0123",
            "email": "aisha.rahman@example.org",
            "address": "Flat 3, 14 Larkspur Court, Example Road, London",
            "care_coordinator": "Jo Mensah",
            "team": "Larkspur Community Mental Health Team",
            "framework": CarePlanFramework.CARE_AND_SUPPORT_PLAN,
            "language": "en",
        },
        plan={
            "pathway_stage": PathwayStage.JOB_FINDING,
            "next_review_date": cal.weeks_ahead(12),
            "last_section": PlanSection.AGREEMENT,
        },
        parts={
            "preferences": {
                "activity_order": [
                    ActivityKind.PAID_WORK,
                    ActivityKind.VOLUNTEERING,
                    ActivityKind.EDUCATION,
                ],
                "interests": ["libraries_and_archives", "bookshops_and_retail", "gardening"],
                "interests_in_my_words": (
                    "I love books. I like putting things in order and helping people "
                    "find what they want. I like being outside at the garden too."
                ),
                "hours_min": 8,
                "hours_max": 16,
                "days_and_times": (
                    "Afternoons only, from 1pm. My morning tablets make me sleepy. "
                    "No weekends at first."
                ),
                "longest_journey_minutes": 40,
                "travel_modes": [TravelMode.BUS, TravelMode.WALK],
                "noise": NoiseLevel.QUIET,
                "place": Place.INDOORS,
                "company": Company.EITHER,
                "pace": Pace.EITHER,
                "things_to_avoid": (
                    "Loud music. Lots of phone calls. Early starts. "
                    "Being stuck on a busy till all day."
                ),
                "gains": [Gain.MONEY, Gain.ROUTINE, Gain.CONFIDENCE, Gain.PURPOSE],
                "gains_in_my_words": (
                    "My own money. A reason to get up. To feel like everyone else."
                ),
            },
            "money": {
                "universal_credit": True,
                "lcw": False,
                "lcwra": True,
                "lcwra_rate": LcwraRate.PROTECTED,
                "new_style_esa_weekly_pence": 0,
                "esa_group": None,
                "pip_daily_living": PipRate.STANDARD,
                "pip_mobility": PipRate.NONE,
                "tenure": Tenure.SOCIAL,
                "rent_monthly_pence": 52000,
                "bedrooms": 1,
                "capital_pence": 35000,
                "earnings_monthly_pence": 0,
                "other_income_monthly_pence": 0,
                "partner": None,
                "children": [],
                "other_benefits": "Council Tax Reduction.",
                "notes": (
                    "Universal Credit with the LCWRA element and the housing element "
                    "(housing association flat, £520 a month). She has had LCWRA since "
                    "before April 2026 (checked on her UC journal), so the protected rate. "
                    "PIP daily living at the standard rate; PIP does not change if she works."
                ),
            },
            "wellbeing": {
                "keeps_me_well": (
                    "Sleeping 8 hours. Taking my tablets at night. Walking to the garden. "
                    "Seeing my sister on Sundays."
                ),
                "early_signs": (
                    "I stop reading. I think people on the bus are talking about me. "
                    "I stay in my room."
                ),
                "others_might_notice": (
                    "I go quiet and I don't look at people. I might be late or miss a shift."
                ),
                "what_helps": (
                    "Ten minutes on my own somewhere quiet. Jobs written down. A text to Jo."
                ),
                "who_to_contact": (
                    "Jo Mensah, my care coordinator, on the team number. "
                    "Out of hours, the number in my crisis plan."
                ),
                "crisis_plan_location": (
                    "My crisis plan is on my care record with the Larkspur team. "
                    "I keep a copy in the drawer by my bed."
                ),
            },
            "disclosure": {
                "choice": DisclosureChoice.NOT_YET,
                "when_to_tell": "Maybe after a few months, when I feel settled.",
                "what_to_tell": (
                    "If I tell them, I will say I have a health condition and I take "
                    "tablets for it. Not the name of it."
                ),
                "who_to_tell": "Only my manager.",
                "pros": (
                    "I could ask for things that help me. I would not have to hide my appointments."
                ),
                "cons": "I am scared they will treat me differently or think I can't do the job.",
                "adjustments_note": (
                    "Aisha does not want her employer told about her health yet. Until she "
                    "tells them, she cannot ask for reasonable adjustments for her health, "
                    "and the employer does not have to make any. She can still ask for "
                    "afternoon hours as the hours she wants to work, without saying why. "
                    "If she tells them later, she can ask for adjustments then."
                ),
                "access_to_work": AccessToWorkStatus.NOT_YET,
                "access_to_work_notes": (
                    "Access to Work would mean the employer knows. Talk about it again "
                    "if Aisha decides to tell them."
                ),
            },
        },
        lists={
            "sessions": [
                {
                    "held_on": cal.weeks_ago(6),
                    "who_is_here": "Aisha and Jo Mensah (care coordinator)",
                    "purpose": "First talk about work: what matters to Aisha.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": (
                        "Aisha is happy for this plan to go on her care record. "
                        "She does not want it sent to any employer."
                    ),
                },
                {
                    "held_on": cal.weeks_ago(3),
                    "who_is_here": "Aisha, Jo Mensah and Marcus Bell (employment specialist)",
                    "purpose": "Options, and what happens to Universal Credit if I work.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": "Aisha agreed Marcus can see the plan.",
                },
                {
                    "held_on": agreed_on,
                    "who_is_here": "Aisha and Jo Mensah",
                    "purpose": "Check the plan and agree it.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": "Consent checked again before agreeing.",
                },
            ],
            "qualifications": [
                {
                    "title": "GCSEs",
                    "subject": "English language, maths, science, art, religious studies",
                    "level": QualificationLevel.LEVEL_2,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "AQA and Pearson Edexcel",
                    "year": cal.year(13),
                    "notes": "Five GCSEs, grades 4 to 6.",
                },
                {
                    "title": "BTEC National Extended Certificate",
                    "subject": "Health and Social Care",
                    "level": QualificationLevel.LEVEL_3,
                    "status": QualificationStatus.NOT_FINISHED,
                    "awarded_by": "Pearson",
                    "year": cal.year(11),
                    "notes": "I did the first year at college, then I got ill.",
                },
            ],
            "certificates": [
                {
                    "title": "Emergency First Aid at Work",
                    "provider": "Paid for by the community garden",
                    "obtained_on": cal.weeks_ago(40),
                    "expires_on": (_shift_years(cal.today - timedelta(weeks=40), 3).isoformat()),
                    "notes": "One-day course. It lasts three years.",
                },
                {
                    "title": "Safeguarding adults (online)",
                    "provider": "Community garden volunteer training",
                    "obtained_on": cal.weeks_ago(30),
                    "expires_on": None,
                    "notes": "",
                },
            ],
            "work_history": [
                {
                    "role": "Retail assistant",
                    "employer": "A clothes shop on the high street",
                    "started_on": cal.years_ago(10, days=240),
                    "ended_on": cal.years_ago(10),
                    "hours_per_week": 20,
                    "went_well": "I was good at folding and tidying. Customers said I was kind.",
                    "was_hard": "The music was loud all day. Long queues at the till scared me.",
                    "why_it_ended": (
                        "I started hearing things and I stopped going in. "
                        "I found out later I was ill."
                    ),
                },
            ],
            "volunteering": [
                {
                    "role": "Garden volunteer",
                    "organisation": "Larkspur Community Garden",
                    "started_on": cal.years_ago(1, days=60),
                    "ended_on": None,
                    "hours_per_week": 3,
                    "what_i_do": "I water, weed and plant seeds. I look after the tool shed.",
                    "went_well": "I go every Wednesday afternoon. I have not missed one in months.",
                    "was_hard": "It gets noisy when school groups come.",
                },
            ],
            "skills": [
                {
                    "description": "I am reliable. I turn up when I say I will.",
                    "example": "I have gone to the garden every week for a year.",
                },
                {
                    "description": "I am tidy and I like putting things in order.",
                    "example": "I sorted all the seed packets by name and by month.",
                },
                {
                    "description": "I am kind to people.",
                    "example": "New volunteers at the garden ask me to show them round.",
                },
                {
                    "description": "I read a lot.",
                    "example": "I read two or three library books a month.",
                },
            ],
            "barriers": [
                {
                    "kind": BarrierKind.HEALTH,
                    "description": "My morning tablets make me sleepy until about midday.",
                    "what_would_help": (
                        "Afternoon hours only. Jo will ask my doctor if I can take them "
                        "at night instead."
                    ),
                },
                {
                    "kind": BarrierKind.GAP_IN_WORK_HISTORY,
                    "description": "I have not had a paid job for ten years.",
                    "what_would_help": "Put my garden volunteering on my CV. Marcus will help.",
                },
                {
                    "kind": BarrierKind.MONEY,
                    "description": (
                        "I am scared they will stop my Universal Credit and I will have to "
                        "go through the assessment again."
                    ),
                    "what_would_help": "See the numbers before I say yes to a job.",
                },
                {
                    "kind": BarrierKind.CONFIDENCE,
                    "description": "Interviews make me shake.",
                    "what_would_help": "Practise with Marcus. Ask for the questions in writing.",
                },
            ],
            "options": [
                {
                    "uid": bookshop,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Bookshop or library assistant, afternoons",
                    "provider": "Local bookshops and the council library service",
                    "hours_per_week": 16,
                    "pay_hourly_pence": NATIONAL_LIVING_WAGE_PENCE,
                    "start_on": cal.weeks_ahead(12),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.BUS,
                    "pros": (
                        "I love books. It is quiet. I can help people find things. "
                        "One bus from home."
                    ),
                    "cons": "Some shops want weekends. I am worried about the till.",
                    "status": OptionStatus.CHOSEN,
                    "notes": "Marcus knows two bookshops that take staff for afternoon shifts.",
                },
                {
                    "uid": library_volunteer,
                    "kind": ActivityKind.VOLUNTEERING,
                    "title": "Library volunteer: home library service",
                    "provider": "Council library service",
                    "hours_per_week": 4,
                    "start_on": cal.weeks_ahead(4),
                    "journey_minutes": 20,
                    "travel_mode": TravelMode.BUS,
                    "pros": "A way in. I can see if I like library work.",
                    "cons": "No money. I already volunteer once a week.",
                    "status": OptionStatus.THINKING_ABOUT,
                },
                {
                    "kind": ActivityKind.EDUCATION,
                    "title": "Finish my BTEC in Health and Social Care",
                    "provider": "Local further education college",
                    "hours_per_week": 15,
                    "start_on": cal.weeks_ahead(40),
                    "journey_minutes": 35,
                    "travel_mode": TravelMode.BUS,
                    "pros": "I would finish what I started.",
                    "cons": "I don't want to work in care any more. It is a lot of writing.",
                    "status": OptionStatus.NOT_FOR_NOW,
                    "notes": "Ask the college about fees if Aisha changes her mind.",
                },
                {
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Shop assistant in a big supermarket",
                    "provider": "Supermarkets near home",
                    "hours_per_week": 16,
                    "pay_hourly_pence": NATIONAL_LIVING_WAGE_PENCE,
                    "journey_minutes": 15,
                    "travel_mode": TravelMode.WALK,
                    "pros": "Lots of jobs. Near home.",
                    "cons": "Loud, busy and bright. Early shifts.",
                    "status": OptionStatus.NOT_FOR_NOW,
                },
            ],
            "scenarios": [
                {
                    "label": f"{hours} hours a week at the National Living Wage",
                    "option_uid": bookshop,
                    "hours_per_week": hours,
                    "hourly_pay_pence": NATIONAL_LIVING_WAGE_PENCE,
                    "weeks_per_year": 52,
                    # One £1.75 bus fare each way, on each afternoon worked.
                    "travel_weekly_pence": journeys * 175,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                }
                for hours, journeys in ((8, 4), (16, 8), (24, 10))
            ],
            "adjustments": [
                {
                    "description": (
                        "Afternoon shifts, starting at 1pm or later. I can ask for these "
                        "hours without saying why."
                    ),
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "A quiet place to take my break.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": (
                        "Time off once a month to see Jo (only if I tell them about my health)."
                    ),
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
            ],
            "goals": [
                {
                    "uid": goal_job,
                    "what": (
                        "Get a paid job in a bookshop or library, afternoons, up to 16 hours a week"
                    ),
                    "why_it_matters": (
                        "I want my own money and a reason to get up. "
                        "I want to show myself I can do it."
                    ),
                    "by_when": cal.weeks_ahead(16),
                    "how_we_will_know": "I have a job offer and a start date.",
                    "kind": ActivityKind.PAID_WORK,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_money,
                    "what": "Know what will happen to my money before I take a job",
                    "why_it_matters": "So I don't panic about my Universal Credit.",
                    "by_when": cal.weeks_ahead(4),
                    "how_we_will_know": "I have the money sheet for 8, 16 and 24 hours.",
                    "kind": ActivityKind.PAID_WORK,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_garden,
                    "what": "Keep going to the community garden every week",
                    "why_it_matters": "It keeps me well and I like the people there.",
                    "by_when": cal.weeks_ahead(16),
                    "how_we_will_know": "I still go on Wednesdays, or on another day if I work.",
                    "kind": ActivityKind.VOLUNTEERING,
                    "status": GoalStatus.ACTIVE,
                },
            ],
            "steps": [
                {
                    "goal_uid": goal_money,
                    "what": "Book a welfare rights appointment for a better-off calculation",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Jo Mensah",
                    "by_when": cal.weeks_ahead(2),
                    "status": StepStatus.IN_PROGRESS,
                },
                {
                    "goal_uid": goal_money,
                    "what": "Bring my Universal Credit statement and PIP letter to the appointment",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(2),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_job,
                    "what": "Write my CV, with the garden volunteering on it",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Marcus Bell",
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_job,
                    "what": "Ask two bookshops and the library about afternoon work",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Marcus Bell",
                    "by_when": cal.weeks_ahead(6),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_job,
                    "what": "Practise interview questions twice",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(6),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_job,
                    "what": "Ask Aisha's psychiatrist if her morning tablets can be taken at night",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Jo Mensah",
                    "by_when": cal.weeks_ahead(4),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_garden,
                    "what": "Tell the garden if I start a job, so I can change my day",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(16),
                    "status": StepStatus.NOT_STARTED,
                },
            ],
            "referrals": [
                {
                    "service_name": "IPS employment service (Larkspur team)",
                    "service_kind": ServiceKind.EMPLOYMENT_SUPPORT,
                    "referred_on": cal.weeks_ago(5),
                    "reason": "Help to find afternoon work in a bookshop or library.",
                    "status": ReferralStatus.ACCEPTED,
                    "outcome": "Marcus Bell is Aisha's employment specialist.",
                },
                {
                    "service_name": "Welfare rights advice service",
                    "service_kind": ServiceKind.WELFARE_RIGHTS,
                    "referred_on": cal.weeks_ago(2),
                    "reason": "Better-off calculation at 8, 16 and 24 hours a week.",
                    "status": ReferralStatus.MADE,
                    "outcome": "",
                },
            ],
            "review_notes": [
                {
                    "reviewed_on": agreed_on,
                    "text": (
                        "First plan agreed. Aisha chose bookshop or library work, afternoons, "
                        "up to 16 hours. She does not want her employer told yet."
                    ),
                    "written_by": "Jo Mensah",
                },
            ],
            "notes": [
                {
                    "section": PlanSection.PREFERENCES,
                    "voice": Voice.PERSON,
                    "text": "Afternoons are a must. I am not lazy, it is my tablets.",
                    "written_on": cal.weeks_ago(6),
                },
                {
                    "section": PlanSection.OPTIONS,
                    "voice": Voice.WORKER,
                    "text": (
                        "Aisha lights up talking about books. Library volunteering could be "
                        "a stepping stone if the job search is slow."
                    ),
                    "written_on": cal.weeks_ago(3),
                },
                {
                    "section": PlanSection.MONEY,
                    "voice": Voice.WORKER,
                    "text": (
                        "Aisha's main worry is losing UC and being reassessed. Working does "
                        "not end an existing LCWRA decision; go through the numbers with "
                        "welfare rights before any job offer."
                    ),
                    "written_on": cal.weeks_ago(3),
                },
                {
                    "section": PlanSection.STAYING_WELL,
                    "voice": Voice.PERSON,
                    "text": "I want to tell them one day, just not at the start.",
                    "written_on": cal.weeks_ago(3),
                },
                {
                    "section": PlanSection.AGREEMENT,
                    "voice": Voice.PERSON,
                    "text": "I agree with my plan. I want to start small.",
                    "written_on": agreed_on,
                },
            ],
            "outcomes": [
                {
                    "happened_on": cal.years_ago(1, days=60),
                    "kind": OutcomeKind.STARTED_VOLUNTEERING,
                    "employment_status": EmploymentStatus.VOLUNTEERING,
                    "organisation": "Larkspur Community Garden",
                    "hours_per_week": 3,
                    "description": "Started volunteering one afternoon a week.",
                },
                {
                    "happened_on": cal.weeks_ago(6),
                    "kind": OutcomeKind.STATUS_RECORDED,
                    "employment_status": EmploymentStatus.LONG_TERM_SICK_OR_DISABLED,
                    "description": "Recorded at the first session.",
                },
            ],
        },
    )
    agreement = Agreement(
        person_name="Aisha Rahman",
        person_agreed_on=cal.today - timedelta(days=3),
        worker_name="Jo Mensah",
        worker_role="Care coordinator",
        worker_agreed_on=cal.today - timedelta(days=3),
        not_agreed=(
            "Jo thinks I could start at 16 hours. I want to start at 8 hours and build up."
        ),
    )
    return DemoPersona(document=document, agreement=agreement)


# --- 2. Gareth Price: Welsh speaker, skilled trade, stepping back in ----------------


def _gareth(cal: _Calendar) -> DemoPersona:
    key = "gareth"
    repair_cafe = demo_uid(key, "option/repair-cafe")
    wiring_course = demo_uid(key, "option/wiring-course")
    self_employment = demo_uid(key, "option/self-employment")
    small_firm = demo_uid(key, "option/small-firm")
    goal_volunteer = demo_uid(key, "goal/volunteer")
    goal_course = demo_uid(key, "goal/course")
    goal_work = demo_uid(key, "goal/work")
    document = _document(
        key,
        person={
            "full_name": "Gareth Price",
            "preferred_name": "Gareth",
            "date_of_birth": cal.born(47, days_since_birthday=61),
            "nhs_number": "9993051721",
            "phone": "01632 960417",
            "email": "gareth.price@example.org",
            "address": "7 Heol yr Ŵyn, Abertawe",
            "care_coordinator": "Rhian Evans",
            "team": "Tîm Iechyd Meddwl Cymunedol Abertawe",
            "framework": CarePlanFramework.CARE_AND_TREATMENT_PLAN,
            "language": "cy",
        },
        plan={
            "pathway_stage": PathwayStage.VOCATIONAL_PROFILING,
            "next_review_date": cal.weeks_ahead(8),
            "last_section": PlanSection.MONEY,
            # Still a draft: what the two do not agree on yet, in Gareth's words.
            "not_agreed": (
                "Rhian thinks I should do the course before the repair café. "
                "I want to start at the café first, to get my hands working again."
            ),
        },
        parts={
            "preferences": {
                "activity_order": [
                    ActivityKind.VOLUNTEERING,
                    ActivityKind.TRAINING,
                    ActivityKind.SELF_EMPLOYMENT,
                    ActivityKind.PAID_WORK,
                ],
                "interests": [
                    "electrical_installation",
                    "repair_and_maintenance",
                    "community_projects",
                ],
                "interests_in_my_words": (
                    "Dw i'n hoffi trwsio pethau. I like fixing things: lamps, kettles, "
                    "wiring. I want to use my hands again."
                ),
                "hours_min": 4,
                "hours_max": 15,
                "days_and_times": (
                    "Weekdays, not early mornings while I get my sleep right. "
                    "Saturday mornings for the repair café."
                ),
                "longest_journey_minutes": 45,
                "travel_modes": [TravelMode.CAR, TravelMode.BUS],
                "noise": NoiseLevel.EITHER,
                "place": Place.EITHER,
                "company": Company.WITH_PEOPLE,
                "pace": Pace.ACTIVE,
                "things_to_avoid": (
                    "Long days on site. Call-outs at night. Big firms with lots of pressure."
                ),
                "gains": [Gain.PURPOSE, Gain.SKILLS, Gain.ROUTINE, Gain.MONEY],
                "gains_in_my_words": (
                    "To be useful again. To be Gareth the sparky, not Gareth the patient."
                ),
            },
            "money": {
                "universal_credit": False,
                "lcw": False,
                "lcwra": True,
                "lcwra_rate": None,
                # benefits-rules.json keys esa.new_style.personal_allowance.25_plus
                # plus esa.support_component: £95.55 + £50.35 = £145.90 a week.
                "new_style_esa_weekly_pence": ESA_SUPPORT_GROUP_WEEKLY_PENCE,
                "esa_group": EsaGroup.SUPPORT,
                "pip_daily_living": PipRate.NONE,
                "pip_mobility": PipRate.NONE,
                "tenure": Tenure.NONE,
                "rent_monthly_pence": 0,
                "capital_pence": 250000,
                "earnings_monthly_pence": 0,
                "other_income_monthly_pence": 0,
                "partner": None,
                "children": [],
                "other_benefits": "None. I pay my mortgage myself.",
                "notes": (
                    "New-style ESA in the support group, aged 25 or over: £95.55 plus the "
                    "£50.35 support component, £145.90 a week (2026-27). No Universal Credit "
                    "and no PIP. Owns his home with a mortgage, so no rent. Any paid work must "
                    "fit the permitted work rules (under 16 hours and £203.50 a week) or ESA "
                    "stops for that week. Volunteering with expenses only does not count."
                ),
            },
            "wellbeing": {
                "keeps_me_well": (
                    "In bed by 11. Walking the dog by the sea. My blood tests on time. "
                    "Singing in the choir on Thursdays."
                ),
                "early_signs": (
                    "I sleep less but I don't feel tired. I start big plans and spend money. "
                    "I talk fast. When I am going low, I stop answering the phone."
                ),
                "others_might_notice": (
                    "My sister Carys says I talk over people and start lots of jobs at once."
                ),
                "what_helps": (
                    "Cutting my hours back for a week. Calling Rhian early. A quiet weekend."
                ),
                "who_to_contact": (
                    "Rhian Evans, my care coordinator. My sister Carys. "
                    "Out of hours, the number in my crisis plan."
                ),
                "crisis_plan_location": (
                    "My crisis plan is part of my Care and Treatment Plan with the team in "
                    "Abertawe. Carys has a copy."
                ),
            },
            "disclosure": {
                "choice": DisclosureChoice.YES,
                "when_to_tell": "Before I start. The repair café already knows.",
                "what_to_tell": (
                    "I have bipolar disorder. I am well now and I have a plan to stay well."
                ),
                "who_to_tell": "The repair café organiser. The owner of a firm if I work for one.",
                "pros": "No secrets. I can ask for time off for my blood tests.",
                "cons": "People in the trade talk. Abertawe is a small place.",
                "adjustments_note": (
                    "Because Gareth will tell an employer, he can ask for reasonable "
                    "adjustments such as time off for appointments and a phased start. "
                    "If he works for himself, he sets his own hours."
                ),
                "access_to_work": AccessToWorkStatus.NOT_YET,
                "access_to_work_notes": (
                    "Access to Work is not for volunteering. If he starts paid work or works "
                    "for himself, apply before the start date, and ask about the Mental "
                    "Health Support Service."
                ),
            },
        },
        lists={
            "sessions": [
                {
                    "held_on": cal.weeks_ago(5),
                    "who_is_here": "Gareth and Rhian Evans (cydlynydd gofal, care coordinator)",
                    "purpose": (
                        "Work and occupation, and education and training, in Gareth's "
                        "Care and Treatment Plan."
                    ),
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": (
                        "Gareth wants the session and the plan in Welsh. He agrees the plan "
                        "can go on his care record."
                    ),
                },
                {
                    "held_on": cal.days_ago(10),
                    "who_is_here": "Gareth, Rhian Evans and Huw Jenkins (employment specialist)",
                    "purpose": "Options, and money: ESA and permitted work.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": "Gareth agreed Huw can see the plan.",
                },
            ],
            "qualifications": [
                {
                    "title": "City & Guilds Electrical Installation",
                    "subject": "Electrical installation",
                    "level": QualificationLevel.LEVEL_3,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "City & Guilds",
                    "year": cal.year(18),
                    "notes": "Done on day release during my apprenticeship.",
                },
                {
                    "title": "Wiring Regulations, 17th Edition (BS 7671)",
                    "subject": "Electrical installation",
                    "level": QualificationLevel.LEVEL_3,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "City & Guilds",
                    "year": cal.year(14),
                    "notes": "Out of date now. The 18th Edition has replaced it.",
                },
                {
                    "title": "GCSEs",
                    "subject": "Maths, Welsh, English, design and technology",
                    "level": QualificationLevel.LEVEL_2,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "WJEC",
                    "year": cal.year(31),
                    "notes": "Four GCSEs.",
                },
            ],
            "certificates": [
                {
                    "title": "Full driving licence (car and small van)",
                    "provider": "DVLA",
                    "obtained_on": cal.years_ago(29),
                    "expires_on": cal.years_ahead(4),
                    "notes": "The photocard needs renewing every ten years.",
                },
                {
                    "title": "ECS card (electrician)",
                    "provider": "Electrotechnical Certification Scheme",
                    "obtained_on": cal.years_ago(8),
                    "expires_on": cal.years_ago(3),
                    "notes": "It ran out while I was in hospital.",
                },
            ],
            "work_history": [
                {
                    "role": "Apprentice electrician",
                    "employer": "A small electrical contractor in Abertawe",
                    "started_on": cal.years_ago(22),
                    "ended_on": cal.years_ago(18),
                    "hours_per_week": 40,
                    "went_well": "I learned from a great boss. I loved the work.",
                    "was_hard": "Cold early starts on building sites.",
                    "why_it_ended": "I qualified and moved to a bigger firm.",
                },
                {
                    "role": "Electrician",
                    "employer": "Price & Morgan Electrical",
                    "started_on": cal.years_ago(18),
                    "ended_on": cal.years_ago(3, days=30),
                    "hours_per_week": 45,
                    "went_well": (
                        "Rewiring old houses. People trusted me in their homes. "
                        "Mae'n braf gweld y golau'n dod ymlaen."
                    ),
                    "was_hard": (
                        "Long days and call-outs at night. I stopped sleeping. "
                        "I went very high, then very low."
                    ),
                    "why_it_ended": (
                        "I was in hospital for six weeks. After that I could not go back "
                        "to that pace."
                    ),
                },
            ],
            "volunteering": [
                {
                    "role": "Repair café volunteer",
                    "organisation": "Caffi Trwsio Abertawe (repair café)",
                    "started_on": cal.weeks_ago(2),
                    "ended_on": None,
                    "hours_per_week": 3,
                    "what_i_do": (
                        "I test and fix lamps, kettles and toasters on Saturday mornings. "
                        "I show people how to do it themselves."
                    ),
                    "went_well": "People were so pleased. I felt like me again.",
                    "was_hard": "Lots of people talking at once. I was tired after.",
                },
                {
                    "role": "Electrician for the new clubhouse",
                    "organisation": "Local rugby club",
                    "started_on": cal.years_ago(6, days=100),
                    "ended_on": cal.years_ago(6),
                    "hours_per_week": 6,
                    "what_i_do": "I wired the new clubhouse at weekends, for free.",
                    "went_well": "A good team. I was proud when it opened.",
                    "was_hard": "Fitting it round my paid job.",
                },
            ],
            "skills": [
                {
                    "description": (
                        "I can fix almost anything electrical. "
                        "Dw i'n gallu trwsio bron unrhyw beth yn y tŷ."
                    ),
                    "example": "At the repair café I fixed a 40-year-old lamp in ten minutes.",
                },
                {
                    "description": "I explain things so people understand.",
                    "example": "I trained two apprentices.",
                },
                {
                    "description": "I am careful and safe.",
                    "example": "Fifteen years and not one accident on my jobs.",
                },
                {
                    "description": "I speak Welsh and English.",
                    "example": "Lots of my customers liked being served in Welsh.",
                },
            ],
            "barriers": [
                {
                    "kind": BarrierKind.GAP_IN_WORK_HISTORY,
                    "description": "Three years out of work. My regulations are out of date.",
                    "what_would_help": (
                        "The 18th Edition refresher course. Volunteering, to show I still can."
                    ),
                },
                {
                    "kind": BarrierKind.HEALTH,
                    "description": "If I get too busy or stop sleeping, I can get ill again.",
                    "what_would_help": (
                        "Start small. Keep to my hours. Rhian and I have a plan for my signs."
                    ),
                },
                {
                    "kind": BarrierKind.MONEY,
                    "description": "I am worried about losing my ESA.",
                    "what_would_help": "Know the permitted work rules before I earn anything.",
                },
                {
                    "kind": BarrierKind.CONFIDENCE,
                    "description": "I worry firms will not want me after hospital.",
                    "what_would_help": (
                        "Start with a small firm that knows me, or work for myself."
                    ),
                },
            ],
            "options": [
                {
                    "uid": repair_cafe,
                    "kind": ActivityKind.VOLUNTEERING,
                    "title": "Volunteer at the repair café",
                    "provider": "Caffi Trwsio Abertawe",
                    "hours_per_week": 3,
                    "start_on": cal.weeks_ago(2),
                    "journey_minutes": 20,
                    "travel_mode": TravelMode.CAR,
                    "pros": (
                        "I use my skills and meet people. No pressure. "
                        "Only expenses are paid, so my ESA is safe."
                    ),
                    "cons": "No money for it.",
                    "status": OptionStatus.STARTED,
                    "notes": "Saturday mornings, twice a month to start.",
                },
                {
                    "uid": wiring_course,
                    "kind": ActivityKind.TRAINING,
                    "title": "18th Edition Wiring Regulations refresher course (BS 7671)",
                    "provider": "Local further education college, Abertawe",
                    "hours_per_week": 6,
                    "cost_pence": 45000,
                    "start_on": cal.weeks_ahead(10),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.CAR,
                    "pros": "I need it to work as an electrician again. It is short.",
                    "cons": "It costs money. The exam at the end makes me nervous.",
                    "status": OptionStatus.CHOSEN,
                    "notes": "Two evenings a week for five weeks. Ask about help with the fee.",
                },
                {
                    "uid": self_employment,
                    "kind": ActivityKind.SELF_EMPLOYMENT,
                    "title": "Work for myself: small electrical jobs",
                    "provider": "Myself",
                    "hours_per_week": 10,
                    "pay_hourly_pence": 2500,
                    "start_on": cal.weeks_ahead(40),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.CAR,
                    "pros": "I choose my hours. I can say no to jobs.",
                    "cons": (
                        "Insurance, tools and paperwork. Being on my own. It could affect my ESA."
                    ),
                    "status": OptionStatus.THINKING_ABOUT,
                },
                {
                    "uid": small_firm,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Part-time electrician with a small firm",
                    "provider": "Price & Morgan Electrical",
                    "hours_per_week": 12,
                    "pay_hourly_pence": 1600,
                    "start_on": cal.weeks_ahead(20),
                    "journey_minutes": 25,
                    "travel_mode": TravelMode.CAR,
                    "pros": "I know them. Steady work. Someone else does the paperwork.",
                    "cons": "They might want more than 16 hours. Site work is tiring.",
                    "status": OptionStatus.THINKING_ABOUT,
                },
            ],
            "scenarios": [
                {
                    "label": "Repair café, expenses only",
                    "option_uid": repair_cafe,
                    "hours_per_week": 3,
                    "hourly_pay_pence": 0,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 0,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": True,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
                {
                    # 12 x £16.00 = £192 a week: under 16 hours and under the
                    # permitted work higher limit (ESA_PERMITTED_WORK_HIGHER_LIMIT_PENCE).
                    "label": "Small firm, 12 hours a week (permitted work)",
                    "option_uid": small_firm,
                    "hours_per_week": 12,
                    "hourly_pay_pence": 1600,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 1500,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
                {
                    # 16 hours is not under 16: outside permitted work, so ESA stops.
                    "label": "Small firm, 16 hours a week",
                    "option_uid": small_firm,
                    "hours_per_week": 16,
                    "hourly_pay_pence": 1600,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 2000,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
            ],
            "adjustments": [
                {
                    "description": "Time off for my blood tests and appointments.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "Short days, no more than 4 hours, for the first month.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "No call-outs at night or at weekends.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
            ],
            "goals": [
                {
                    "uid": goal_volunteer,
                    "what": "Volunteer at the repair café twice a month",
                    "why_it_matters": (
                        "To use my hands and feel useful again. To get my confidence back."
                    ),
                    "by_when": cal.weeks_ahead(8),
                    "how_we_will_know": "I have been to four sessions.",
                    "kind": ActivityKind.VOLUNTEERING,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_course,
                    "what": "Pass the 18th Edition Wiring Regulations course",
                    "why_it_matters": (
                        "I can't work as an electrician without it. Mae'n bwysig i fi."
                    ),
                    "by_when": cal.weeks_ahead(20),
                    "how_we_will_know": "I have the certificate.",
                    "kind": ActivityKind.TRAINING,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_work,
                    "what": "Choose between working for myself and part-time with a small firm",
                    "why_it_matters": "I want to earn again, but slowly, so I stay well.",
                    "by_when": cal.weeks_ahead(26),
                    "how_we_will_know": "I have chosen one and I know what it means for my ESA.",
                    "kind": ActivityKind.PAID_WORK,
                    "status": GoalStatus.ACTIVE,
                },
            ],
            "steps": [
                {
                    "goal_uid": goal_volunteer,
                    "what": "Tell the DWP about my volunteering: hours, tasks and expenses",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(1),
                    "status": StepStatus.IN_PROGRESS,
                },
                {
                    "goal_uid": goal_course,
                    "what": "Find the dates and cost of the next 18th Edition course",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Huw Jenkins",
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_course,
                    "what": "Ask about help to pay the course fee",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Huw Jenkins",
                    "by_when": cal.weeks_ahead(4),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_course,
                    "what": "Book a lithium blood test before the course starts",
                    "owner": StepOwner.OTHER,
                    "owner_name": "GP practice nurse",
                    "by_when": cal.weeks_ahead(8),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_work,
                    "what": "Get welfare rights advice on permitted work and self-employment",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Rhian Evans",
                    "by_when": cal.weeks_ahead(6),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_work,
                    "what": "Talk to Dai at Price & Morgan about part-time hours",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(12),
                    "status": StepStatus.NOT_STARTED,
                },
            ],
            "referrals": [
                {
                    "service_name": "IPS employment service",
                    "service_kind": ServiceKind.EMPLOYMENT_SUPPORT,
                    "referred_on": cal.weeks_ago(5),
                    "reason": "Help back into electrical work at a steady pace.",
                    "status": ReferralStatus.ACCEPTED,
                    "outcome": "Huw Jenkins is Gareth's employment specialist.",
                },
                {
                    "service_name": "Caffi Trwsio Abertawe (repair café)",
                    "service_kind": ServiceKind.VOLUNTEERING_CENTRE,
                    "referred_on": cal.weeks_ago(4),
                    "reason": "A volunteering role using his electrical skills.",
                    "status": ReferralStatus.ACCEPTED,
                    "outcome": "Started on Saturday mornings.",
                },
                {
                    "service_name": "Welfare rights advice service",
                    "service_kind": ServiceKind.WELFARE_RIGHTS,
                    "referred_on": cal.days_ago(10),
                    "reason": "Permitted work, self-employment and new-style ESA.",
                    "status": ReferralStatus.MADE,
                    "outcome": "",
                },
            ],
            "review_notes": [
                {
                    "reviewed_on": cal.days_ago(10),
                    "text": (
                        "Gareth has started at the repair café. Next: the money section with "
                        "welfare rights, then the wiring course."
                    ),
                    "written_by": "Rhian Evans",
                },
            ],
            "notes": [
                {
                    "section": PlanSection.ABOUT_TODAY,
                    "voice": Voice.PERSON,
                    "text": "Dw i eisiau'r cynllun yn Gymraeg. I want my plan in Welsh.",
                    "written_on": cal.weeks_ago(5),
                },
                {
                    "section": PlanSection.BACKGROUND,
                    "voice": Voice.WORKER,
                    "text": (
                        "Strong practical skills and a good name locally. His knowledge of "
                        "the regulations needs updating from the 17th to the 18th Edition."
                    ),
                    "written_on": cal.weeks_ago(5),
                },
                {
                    "section": PlanSection.MONEY,
                    "voice": Voice.PERSON,
                    "text": "Dw i ddim eisiau colli fy ESA. I can't lose my ESA.",
                    "written_on": cal.days_ago(10),
                },
                {
                    "section": PlanSection.OPTIONS,
                    "voice": Voice.WORKER,
                    "text": (
                        "Check self-employment and ESA with welfare rights before Gareth "
                        "takes any paid job; permitted work limits apply to his earnings."
                    ),
                    "written_on": cal.days_ago(10),
                },
                {
                    "section": PlanSection.STAYING_WELL,
                    "voice": Voice.PERSON,
                    "text": "Rhian and I know my signs. I want a boss to know them too.",
                    "written_on": cal.days_ago(10),
                },
            ],
            "outcomes": [
                {
                    "happened_on": cal.weeks_ago(5),
                    "kind": OutcomeKind.STATUS_RECORDED,
                    "employment_status": EmploymentStatus.LONG_TERM_SICK_OR_DISABLED,
                    "description": "Recorded at the first session.",
                },
                {
                    "happened_on": cal.weeks_ago(2),
                    "kind": OutcomeKind.STARTED_VOLUNTEERING,
                    "employment_status": EmploymentStatus.VOLUNTEERING,
                    "organisation": "Caffi Trwsio Abertawe",
                    "hours_per_week": 3,
                    "description": "Started at the repair café.",
                },
            ],
        },
    )
    return DemoPersona(document=document, agreement=None)


# --- 3. Tomasz Nowak: back to the kitchen, with an in-work wellbeing plan -----------


def _tomasz(cal: _Calendar) -> DemoPersona:
    key = "tomasz"
    chef = demo_uid(key, "option/chef")
    canteen = demo_uid(key, "option/canteen")
    part_time = demo_uid(key, "option/part-time")
    goal_chef = demo_uid(key, "goal/chef")
    goal_well = demo_uid(key, "goal/well")
    goal_certificate = demo_uid(key, "goal/certificate")
    document = _document(
        key,
        person={
            "full_name": "Tomasz Nowak",
            "preferred_name": "Tomek",
            "date_of_birth": cal.born(34, days_since_birthday=200),
            "nhs_number": "9994182633",
            "phone": "0113 496 0582",
            "email": "tomasz.nowak@example.org",
            "address": "Flat 2, 41 Example Terrace, Leeds",
            "care_coordinator": "Daniel Hughes",
            "team": "Leeds Early Intervention in Psychosis Team",
            "framework": CarePlanFramework.CARE_AND_SUPPORT_PLAN,
            "language": "pl",
        },
        plan={
            "pathway_stage": PathwayStage.JOB_FINDING,
            "next_review_date": cal.weeks_ahead(6),
            "last_section": PlanSection.STAYING_WELL,
            # Still a draft: what the two do not agree on yet, in Tomasz's words.
            "not_agreed": (
                "Daniel wants me to start with 20 hours. I want full time from the start. "
                "We will talk again after I see my psychiatrist."
            ),
        },
        parts={
            "preferences": {
                "activity_order": [ActivityKind.PAID_WORK, ActivityKind.TRAINING],
                "interests": ["catering_and_hospitality", "food_production"],
                "interests_in_my_words": (
                    "Cooking is my trade. Kuchnia była całym moim światem: the kitchen "
                    "was my whole world. I like a busy pass and a good team."
                ),
                "hours_min": 30,
                "hours_max": 40,
                "days_and_times": (
                    "Full-time. Day shifts if I can, finishing by 10pm. "
                    "No late shift followed by an early one."
                ),
                "longest_journey_minutes": 45,
                "travel_modes": [TravelMode.BUS, TravelMode.CYCLE],
                "noise": NoiseLevel.BUSY,
                "place": Place.INDOORS,
                "company": Company.WITH_PEOPLE,
                "pace": Pace.ACTIVE,
                "things_to_avoid": (
                    "Shifts that finish after midnight. A late shift then an early shift. "
                    "Kitchens where people shout all the time."
                ),
                "gains": [Gain.MONEY, Gain.ROUTINE, Gain.PEOPLE, Gain.SKILLS],
                "gains_in_my_words": "To pay my own rent. To be a chef again, not a patient.",
            },
            "money": {
                "universal_credit": True,
                "lcw": False,
                "lcwra": False,
                "lcwra_rate": None,
                "new_style_esa_weekly_pence": 0,
                "esa_group": None,
                "pip_daily_living": PipRate.NONE,
                "pip_mobility": PipRate.NONE,
                "tenure": Tenure.PRIVATE,
                "rent_monthly_pence": 65000,
                "brma": "LEEDS",
                "bedrooms": 1,
                # Under 35, single, no PIP: the shared accommodation rate applies.
                "lha_monthly_pence": LEEDS_SHARED_ACCOMMODATION_RATE_PENCE,
                "capital_pence": 80000,
                "earnings_monthly_pence": 0,
                "other_income_monthly_pence": 0,
                "partner": None,
                "children": [],
                "other_benefits": "None.",
                "notes": (
                    "Universal Credit: standard allowance and housing element. No Work "
                    "Capability Assessment decision, so no work allowance: every pound he "
                    "earns is tapered. He is under 35, single and has no PIP, so his housing "
                    "element is limited to the Leeds shared accommodation rate (£347.62 a "
                    "month), not his full rent of £650."
                ),
            },
            "wellbeing": {
                "keeps_me_well": (
                    "Sleeping 7 to 8 hours. Cycling. Cooking at home. Calling my mum in "
                    "Poland on Sundays. Taking my medication."
                ),
                "early_signs": (
                    "My sleep goes first. After late shifts I can't switch off and I sleep "
                    "3 or 4 hours. That was my first warning sign last time. Kiedy źle śpię, "
                    "to pierwszy znak. Then I start to feel people are watching me."
                ),
                "others_might_notice": (
                    "I get quiet and stop joking. I check things again and again. "
                    "I look very tired."
                ),
                "what_helps": (
                    "No late shift followed by an early one. A day off after two late shifts. "
                    "Telling my manager early. Calling Daniel."
                ),
                "who_to_contact": (
                    "Daniel Hughes, my care coordinator at the early intervention team. "
                    "My friend Paweł."
                ),
                "crisis_plan_location": (
                    "My crisis plan is on my care record with the Leeds early intervention "
                    "team. I have a copy in Polish on my phone."
                ),
            },
            "disclosure": {
                "choice": DisclosureChoice.YES,
                "when_to_tell": "After the job offer, before I start.",
                "what_to_tell": (
                    "I was unwell last year. I am well now. Sleep is important for me, "
                    "so I need sensible shifts."
                ),
                "who_to_tell": "The head chef and the manager who does the rota.",
                "pros": "I can ask for a fair rota. Access to Work can help me.",
                "cons": "Some kitchens are tough places. I worry they will think I am weak.",
                "adjustments_note": (
                    "Telling the employer lets Tomasz ask for reasonable adjustments to his "
                    "rota and time off for appointments. Access to Work's Mental Health "
                    "Support Service can start once he has a job offer and a start date."
                ),
                "access_to_work": AccessToWorkStatus.TO_APPLY,
                "access_to_work_notes": (
                    "Apply as soon as there is a start date, because waits can be long. "
                    "Ask for the Mental Health Support Service."
                ),
            },
        },
        lists={
            "sessions": [
                {
                    "held_on": cal.weeks_ago(4),
                    "who_is_here": "Tomasz and Daniel Hughes (care coordinator)",
                    "purpose": "Getting back to work as a chef.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": (
                        "Tomasz asked for written things in Polish where possible. "
                        "He agrees the plan can go on his care record."
                    ),
                },
                {
                    "held_on": cal.weeks_ago(1),
                    "who_is_here": (
                        "Tomasz, Daniel Hughes and Amira Haddad (employment specialist)"
                    ),
                    "purpose": "Money if I work full-time, and my wellbeing plan for work.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": "Tomasz agreed Amira can see the plan.",
                },
            ],
            "qualifications": [
                {
                    "title": "NVQ Diploma in Professional Cookery",
                    "subject": "Catering",
                    "level": QualificationLevel.LEVEL_2,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "City & Guilds",
                    "year": cal.year(8),
                    "notes": "Done at work in Leeds.",
                },
                {
                    "title": "Technik żywienia i usług gastronomicznych",
                    "subject": "Catering technician diploma (Poland)",
                    "level": QualificationLevel.NOT_KNOWN,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "Catering school in Poland",
                    "year": cal.year(15),
                    "notes": "Not yet compared with UK levels.",
                },
            ],
            "certificates": [
                {
                    "title": "Level 2 Food Hygiene and Safety for Catering",
                    "provider": "Online course through my last job",
                    "obtained_on": cal.years_ago(4),
                    "expires_on": cal.years_ago(1),
                    "notes": "Kitchens want it renewed every three years. Mine has run out.",
                },
                {
                    "title": "Allergen awareness",
                    "provider": "Online course through my last job",
                    "obtained_on": cal.years_ago(2),
                    "expires_on": cal.years_ahead(1),
                    "notes": "",
                },
            ],
            "work_history": [
                {
                    "role": "Line cook",
                    "employer": "A hotel restaurant in Kraków",
                    "started_on": cal.years_ago(14),
                    "ended_on": cal.years_ago(10, days=30),
                    "hours_per_week": 48,
                    "went_well": "I learned to work fast and clean.",
                    "was_hard": "Very long hours. Low pay.",
                    "why_it_ended": "I moved to the UK.",
                },
                {
                    "role": "Line cook, then sous chef",
                    "employer": "A busy city-centre restaurant in Leeds",
                    "started_on": cal.years_ago(10),
                    "ended_on": cal.weeks_ago(60),
                    "hours_per_week": 45,
                    "went_well": (
                        "I ran the kitchen when the head chef was off. I trained new cooks."
                    ),
                    "was_hard": (
                        "Late finishes, then early starts. I stopped sleeping. Nobody knew."
                    ),
                    "why_it_ended": "I became very unwell last year and I was in hospital.",
                },
            ],
            "volunteering": [
                {
                    "role": "Volunteer cook",
                    "organisation": "Community café, Tuesday lunches",
                    "started_on": cal.weeks_ago(8),
                    "ended_on": None,
                    "hours_per_week": 4,
                    "what_i_do": "I cook lunch for about 30 people with two other volunteers.",
                    "went_well": "My hands remembered everything.",
                    "was_hard": "At first I was tired after 4 hours.",
                },
            ],
            "skills": [
                {
                    "description": "I am a fast, clean cook.",
                    "example": "I ran the grill on Saturday nights for 120 people.",
                },
                {
                    "description": "I can lead a small team.",
                    "example": "I trained four new cooks.",
                },
                {
                    "description": "I can plan menus and order stock.",
                    "example": "I did the weekly order for two years.",
                },
                {
                    "description": "I speak Polish and English.",
                    "example": "I helped new Polish staff settle in.",
                },
            ],
            "barriers": [
                {
                    "kind": BarrierKind.HEALTH,
                    "description": (
                        "Late shifts stop me sleeping. Bad sleep was my first warning sign "
                        "last time."
                    ),
                    "what_would_help": (
                        "Day shifts, or finishing by 10pm. No late shift then an early one."
                    ),
                },
                {
                    "kind": BarrierKind.LANGUAGE,
                    "description": "Written English takes me longer, especially forms.",
                    "what_would_help": (
                        "Written things in Polish where possible. Help with application forms."
                    ),
                },
                {
                    "kind": BarrierKind.GAP_IN_WORK_HISTORY,
                    "description": "I have been out of work for more than a year.",
                    "what_would_help": (
                        "Say I was unwell and I am ready now. My cooking at the community "
                        "café shows I still can."
                    ),
                },
                {
                    "kind": BarrierKind.MONEY,
                    "description": (
                        "My rent is more than Universal Credit pays. If I earn, my UC goes down."
                    ),
                    "what_would_help": "See the numbers for full-time work.",
                },
            ],
            "options": [
                {
                    "uid": chef,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Full-time chef de partie or sous chef, day shifts",
                    "provider": "Restaurants, hotels and staff canteens in Leeds",
                    "hours_per_week": 40,
                    "pay_hourly_pence": 1400,
                    "start_on": cal.weeks_ahead(12),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.BUS,
                    "pros": "Good money. My trade. I know I can do it.",
                    "cons": "Restaurant hours are late. I must protect my sleep.",
                    "status": OptionStatus.CHOSEN,
                },
                {
                    "uid": canteen,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Cook in a hospital or staff canteen",
                    "provider": "Hospitals and large workplaces in Leeds",
                    "hours_per_week": 37.5,
                    "pay_hourly_pence": 1350,
                    "start_on": cal.weeks_ahead(10),
                    "journey_minutes": 35,
                    "travel_mode": TravelMode.BUS,
                    "pros": "Day shifts only. Steady. Some weekends off.",
                    "cons": "Plainer food. A bit less pay.",
                    "status": OptionStatus.THINKING_ABOUT,
                },
                {
                    "uid": part_time,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Part-time chef to start, then full-time",
                    "provider": "Restaurants in Leeds",
                    "hours_per_week": 24,
                    "pay_hourly_pence": 1400,
                    "start_on": cal.weeks_ahead(8),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.BUS,
                    "pros": "A softer start.",
                    "cons": "Less money. Many kitchens want full-time.",
                    "status": OptionStatus.THINKING_ABOUT,
                },
                {
                    "kind": ActivityKind.TRAINING,
                    "title": "Renew my Level 2 food hygiene certificate",
                    "provider": "Online course",
                    "cost_pence": 2000,
                    "start_on": cal.weeks_ahead(1),
                    "pros": "Quick. Kitchens will ask for it.",
                    "cons": "It costs a little.",
                    "status": OptionStatus.CHOSEN,
                },
            ],
            "scenarios": [
                {
                    "label": "Full-time chef, 40 hours at £14.00 an hour",
                    "option_uid": chef,
                    "hours_per_week": 40,
                    "hourly_pay_pence": 1400,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 2000,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
                {
                    "label": "Canteen cook, 37.5 hours at £13.50 an hour",
                    "option_uid": canteen,
                    "hours_per_week": 37.5,
                    "hourly_pay_pence": 1350,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 2000,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
                {
                    "label": "Part-time start, 24 hours at £14.00 an hour",
                    "option_uid": part_time,
                    "hours_per_week": 24,
                    "hourly_pay_pence": 1400,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 1500,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
            ],
            "adjustments": [
                {
                    "description": "No close-close shifts: no early shift after a late shift.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "Finish by 10pm on most shifts.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "The rota two weeks ahead.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "Time off for appointments with the early intervention team.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "A phased start: four days a week for the first month.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
            ],
            "goals": [
                {
                    "uid": goal_chef,
                    "what": "Work full-time as a chef again within three months",
                    "why_it_matters": "Cooking is who I am. I want to pay my own way.",
                    "by_when": cal.weeks_ahead(12),
                    "how_we_will_know": "I have started a chef job.",
                    "kind": ActivityKind.PAID_WORK,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_well,
                    "what": "Stay well at work, with a rota that lets me sleep",
                    "why_it_matters": "Last time I ignored my sleep and I got ill. Not again.",
                    "by_when": cal.weeks_ahead(16),
                    "how_we_will_know": "I sleep 7 hours most nights in my first month at work.",
                    "kind": ActivityKind.PAID_WORK,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_certificate,
                    "what": "Renew my food hygiene certificate",
                    "why_it_matters": "Kitchens will ask for it.",
                    "by_when": cal.weeks_ahead(3),
                    "how_we_will_know": "I have the new certificate.",
                    "kind": ActivityKind.TRAINING,
                    "status": GoalStatus.ACTIVE,
                },
            ],
            "steps": [
                {
                    "goal_uid": goal_certificate,
                    "what": "Do the online Level 2 food hygiene course",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_chef,
                    "what": "Update my CV and get it checked",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Amira Haddad",
                    "by_when": cal.weeks_ahead(2),
                    "status": StepStatus.IN_PROGRESS,
                },
                {
                    "goal_uid": goal_chef,
                    "what": "Find three kitchens with day shifts",
                    "owner": StepOwner.EMPLOYMENT_SPECIALIST,
                    "owner_name": "Amira Haddad",
                    "by_when": cal.weeks_ahead(5),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_chef,
                    "what": "Work out my money if I work full-time",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Daniel Hughes",
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_well,
                    "what": "Write my wellbeing plan for work in Polish and English",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(4),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_well,
                    "what": "Check my medication times work with day shifts",
                    "owner": StepOwner.OTHER,
                    "owner_name": "Early intervention psychiatrist",
                    "by_when": cal.weeks_ahead(6),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_well,
                    "what": "Apply to Access to Work as soon as I have a start date",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(12),
                    "status": StepStatus.NOT_STARTED,
                },
            ],
            "referrals": [
                {
                    "service_name": "IPS employment service (early intervention team)",
                    "service_kind": ServiceKind.EMPLOYMENT_SUPPORT,
                    "referred_on": cal.weeks_ago(4),
                    "reason": "Help to get back into chef work with a sleep-friendly rota.",
                    "status": ReferralStatus.ACCEPTED,
                    "outcome": "Amira Haddad is Tomasz's employment specialist.",
                },
                {
                    "service_name": "Jobcentre Plus",
                    "service_kind": ServiceKind.JOBCENTRE_PLUS,
                    "referred_on": cal.weeks_ago(2),
                    "reason": "Tell his work coach about his job search and volunteering.",
                    "status": ReferralStatus.MADE,
                    "outcome": "",
                },
                {
                    "service_name": "Access to Work",
                    "service_kind": ServiceKind.ACCESS_TO_WORK,
                    "referred_on": None,
                    "reason": "Mental Health Support Service once he has a start date.",
                    "status": ReferralStatus.TO_MAKE,
                    "outcome": "",
                },
            ],
            "review_notes": [
                {
                    "reviewed_on": cal.weeks_ago(1),
                    "text": (
                        "Tomasz is ready to look for chef work. Sleep is the main risk; "
                        "the wellbeing plan for work is started."
                    ),
                    "written_by": "Daniel Hughes",
                },
            ],
            "notes": [
                {
                    "section": PlanSection.ABOUT_TODAY,
                    "voice": Voice.PERSON,
                    "text": "Proszę o materiały po polsku. Please write things for me in Polish.",
                    "written_on": cal.weeks_ago(4),
                },
                {
                    "section": PlanSection.PREFERENCES,
                    "voice": Voice.PERSON,
                    "text": "I am a good chef. I just need sensible hours.",
                    "written_on": cal.weeks_ago(4),
                },
                {
                    "section": PlanSection.MONEY,
                    "voice": Voice.WORKER,
                    "text": (
                        "No LCW or LCWRA decision, so no work allowance. Full-time pay is "
                        "likely to take him off UC; check the rent shortfall too."
                    ),
                    "written_on": cal.weeks_ago(1),
                },
                {
                    "section": PlanSection.STAYING_WELL,
                    "voice": Voice.WORKER,
                    "text": (
                        "Poor sleep after late shifts was the first warning sign before last "
                        "year's episode. Close-close shifts are the main thing to avoid."
                    ),
                    "written_on": cal.weeks_ago(1),
                },
                {
                    "section": PlanSection.MY_PLAN,
                    "voice": Voice.PERSON,
                    "text": "Trzy miesiące. Three months and I am back in a kitchen.",
                    "written_on": cal.weeks_ago(1),
                },
            ],
            "outcomes": [
                {
                    "happened_on": cal.weeks_ago(8),
                    "kind": OutcomeKind.STARTED_VOLUNTEERING,
                    "employment_status": None,
                    "organisation": "Community café",
                    "hours_per_week": 4,
                    "description": "Started cooking at the Tuesday lunch.",
                },
                {
                    "happened_on": cal.weeks_ago(4),
                    "kind": OutcomeKind.STATUS_RECORDED,
                    "employment_status": EmploymentStatus.UNEMPLOYED_SEEKING_WORK,
                    "description": "Recorded at the first session.",
                },
            ],
        },
    )
    return DemoPersona(document=document, agreement=None)


# --- 4. Sam Okafor: education first ------------------------------------------------


def _sam(cal: _Calendar) -> DemoPersona:
    key = "sam"
    a_levels = demo_uid(key, "option/a-levels")
    access_course = demo_uid(key, "option/access-course")
    shelter = demo_uid(key, "option/animal-shelter")
    cafe = demo_uid(key, "option/cafe")
    goal_college = demo_uid(key, "goal/college")
    goal_shelter = demo_uid(key, "goal/shelter")
    goal_money = demo_uid(key, "goal/money")
    agreed_on = cal.days_ago(5)
    document = _document(
        key,
        person={
            "full_name": "Sam Okafor",
            "preferred_name": "Sam",
            "date_of_birth": cal.born(20, days_since_birthday=90),
            "nhs_number": "9995273845",
            "phone": "0114 496 0731",
            "email": "sam.okafor@example.org",
            "address": "23 Example Road, Sheffield",
            "care_coordinator": "Priya Shah",
            "team": "Sheffield Early Intervention in Psychosis Service",
            "framework": CarePlanFramework.CARE_AND_SUPPORT_PLAN,
            "language": "en",
        },
        plan={
            "pathway_stage": PathwayStage.JOB_FINDING,
            "next_review_date": cal.weeks_ahead(12),
            "last_section": PlanSection.AGREEMENT,
        },
        parts={
            "preferences": {
                "activity_order": [
                    ActivityKind.EDUCATION,
                    ActivityKind.VOLUNTEERING,
                    ActivityKind.PAID_WORK,
                ],
                "interests": ["biology_and_life_sciences", "chemistry", "animal_care"],
                "interests_in_my_words": (
                    "I love biology, most of all animals. "
                    "I want to go to university and study zoology."
                ),
                "hours_min": 6,
                "hours_max": 16,
                "days_and_times": (
                    "Weekdays in the daytime for college. Saturday mornings at the shelter."
                ),
                "longest_journey_minutes": 40,
                "travel_modes": [TravelMode.BUS, TravelMode.TRAM, TravelMode.WALK],
                "noise": NoiseLevel.QUIET,
                "place": Place.EITHER,
                "company": Company.EITHER,
                "pace": Pace.EITHER,
                "things_to_avoid": (
                    "Big crowded rooms at first. All my exams in one week. Loud, busy cafés."
                ),
                "gains": [Gain.PURPOSE, Gain.SKILLS, Gain.CONFIDENCE, Gain.PEOPLE],
                "gains_in_my_words": (
                    "To finish what I started. To feel like my life is moving again."
                ),
            },
            "money": {
                "universal_credit": False,
                "lcw": False,
                "lcwra": False,
                "lcwra_rate": None,
                "new_style_esa_weekly_pence": 0,
                "esa_group": None,
                "pip_daily_living": PipRate.NONE,
                "pip_mobility": PipRate.NONE,
                "tenure": Tenure.NONE,
                "rent_monthly_pence": 0,
                "capital_pence": 15000,
                "earnings_monthly_pence": 0,
                "other_income_monthly_pence": 0,
                "partner": None,
                "children": [],
                "other_benefits": "Nothing in my own name yet. My parents help me.",
                "notes": (
                    "Sam lives with their parents and pays no rent. A Universal Credit claim "
                    "is being thought about. Student rules may stop a claim during a "
                    "full-time course, so get welfare rights advice before claiming."
                ),
            },
            "wellbeing": {
                "keeps_me_well": (
                    "Sleep. The gym twice a week. Walking the dog. Taking my medication. "
                    "No phone in bed."
                ),
                "early_signs": (
                    "I stay up late on my phone. I start to feel people are sending me "
                    "messages. I stop eating with my family."
                ),
                "others_might_notice": "I go quiet and miss classes. I look scared.",
                "what_helps": "Talking to Mum or Priya early. A quiet day. Keeping my routine.",
                "who_to_contact": (
                    "Priya Shah, my care coordinator. My mum. At college, the disability adviser."
                ),
                "crisis_plan_location": (
                    "My crisis plan is on my care record with the early intervention "
                    "service. Mum has a copy."
                ),
            },
            "disclosure": {
                "choice": DisclosureChoice.YES,
                "when_to_tell": "When I apply to college.",
                "what_to_tell": (
                    "I had psychosis and I am getting better. I might need extra time "
                    "and some flexible deadlines."
                ),
                "who_to_tell": (
                    "The college disability adviser and my tutor. At the shelter, only "
                    "that I have a health condition."
                ),
                "pros": "I can get support and extra time in exams.",
                "cons": "I don't want the whole class to know.",
                "adjustments_note": (
                    "Telling the college lets Sam get reasonable adjustments and learning "
                    "support. At university, Disabled Students' Allowance may help; the "
                    "college disability adviser will explain it."
                ),
                "access_to_work": AccessToWorkStatus.NOT_NEEDED,
                "access_to_work_notes": (
                    "Access to Work is for paid work, not study or volunteering. "
                    "Think about it again if Sam gets a paid job."
                ),
            },
        },
        lists={
            "sessions": [
                {
                    "held_on": cal.weeks_ago(8),
                    "who_is_here": "Sam, Priya Shah (care coordinator), and Sam's mum at first",
                    "purpose": "What Sam wants next: college, volunteering or work.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": (
                        "Sam asked their mum to stay for the first half. Sam is happy for the "
                        "plan to go on their care record."
                    ),
                },
                {
                    "held_on": cal.weeks_ago(4),
                    "who_is_here": "Sam and Priya Shah",
                    "purpose": "Looking at courses and the animal shelter.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": (
                        "Sam agreed the college disability adviser can see the steps about college."
                    ),
                },
                {
                    "held_on": agreed_on,
                    "who_is_here": (
                        "Sam, Priya Shah and Grace Whitfield (college disability adviser)"
                    ),
                    "purpose": "Check the plan and agree it.",
                    "consent_to_record": True,
                    "consent_to_share": True,
                    "consent_notes": "Consent checked again before agreeing.",
                },
            ],
            "qualifications": [
                {
                    "title": "GCSEs",
                    "subject": "Eight GCSEs, including English, maths, biology and chemistry",
                    "level": QualificationLevel.LEVEL_2,
                    "status": QualificationStatus.ACHIEVED,
                    "awarded_by": "AQA and OCR",
                    "year": cal.year(4),
                    "notes": "Grade 8 in biology.",
                },
                {
                    "title": "A level",
                    "subject": "Biology",
                    "level": QualificationLevel.LEVEL_3,
                    "status": QualificationStatus.NOT_FINISHED,
                    "awarded_by": "OCR",
                    "year": cal.year(2),
                    "notes": "I did year 12 and half of year 13.",
                },
                {
                    "title": "A level",
                    "subject": "Chemistry",
                    "level": QualificationLevel.LEVEL_3,
                    "status": QualificationStatus.NOT_FINISHED,
                    "awarded_by": "AQA",
                    "year": cal.year(2),
                    "notes": "I did year 12 and half of year 13.",
                },
            ],
            "certificates": [
                {
                    "title": "Level 2 Food Hygiene",
                    "provider": "From my café job",
                    "obtained_on": cal.years_ago(4),
                    "expires_on": cal.years_ago(1),
                    "notes": "It has run out.",
                },
                {
                    "title": "Duke of Edinburgh's Award, Bronze",
                    "provider": "My school",
                    "obtained_on": cal.years_ago(5),
                    "expires_on": None,
                    "notes": "",
                },
            ],
            "work_history": [
                {
                    "role": "Weekend café assistant",
                    "employer": "A café near my school",
                    "started_on": cal.years_ago(4, days=60),
                    "ended_on": cal.years_ago(3),
                    "hours_per_week": 8,
                    "went_well": "I liked making coffee and chatting to the regulars.",
                    "was_hard": "Sunday rushes. The loud coffee machine.",
                    "why_it_ended": "I stopped to study for my A-levels.",
                },
            ],
            "volunteering": [
                {
                    "role": "Helper at the science club",
                    "organisation": "My old secondary school",
                    "started_on": cal.years_ago(3),
                    "ended_on": cal.years_ago(2, days=100),
                    "hours_per_week": 1,
                    "what_i_do": "I helped younger pupils with experiments once a week.",
                    "went_well": "I explained things well. The kids liked me.",
                    "was_hard": "Nothing really. It stopped when I got ill.",
                },
            ],
            "skills": [
                {
                    "description": "I am good at science, most of all biology.",
                    "example": "I got a grade 8 in biology GCSE.",
                },
                {
                    "description": "I am gentle and patient with animals.",
                    "example": "I look after our dog and my sister's rabbits.",
                },
                {
                    "description": "I can work with the public.",
                    "example": "I served customers at the café for a year.",
                },
                {
                    "description": "I keep going when things are hard.",
                    "example": "I am back at the gym twice a week after being ill.",
                },
            ],
            "barriers": [
                {
                    "kind": BarrierKind.HEALTH,
                    "description": "My concentration is not back to normal. Long days wipe me out.",
                    "what_would_help": "A slower start. Breaks. Extra time in exams.",
                },
                {
                    "kind": BarrierKind.CONFIDENCE,
                    "description": (
                        "I feel embarrassed about leaving my A-levels. My friends are at uni."
                    ),
                    "what_would_help": (
                        "Meeting other people at college in the same place. Priya's support."
                    ),
                },
                {
                    "kind": BarrierKind.MONEY,
                    "description": (
                        "I have no money of my own. I don't know if I can get Universal "
                        "Credit while I study."
                    ),
                    "what_would_help": "Welfare rights advice before I choose a course.",
                },
                {
                    "kind": BarrierKind.TRAVEL,
                    "description": "Packed buses make me anxious.",
                    "what_would_help": "Travel outside rush hour. Sit near the door.",
                },
            ],
            "options": [
                {
                    "uid": a_levels,
                    "kind": ActivityKind.EDUCATION,
                    "title": "Finish my A-levels in biology and chemistry",
                    "provider": "Local further education college",
                    "hours_per_week": 16,
                    "cost_pence": 0,
                    "start_on": cal.weeks_ahead(30),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.BUS,
                    "pros": "I would finish what I started. Biology is my favourite.",
                    "cons": "It takes two years. I would be in class with 17-year-olds.",
                    "status": OptionStatus.THINKING_ABOUT,
                },
                {
                    "uid": access_course,
                    "kind": ActivityKind.EDUCATION,
                    "title": "Access to Higher Education Diploma (Science)",
                    "provider": "Local further education college",
                    "hours_per_week": 15,
                    "cost_pence": 330000,
                    "start_on": cal.weeks_ahead(30),
                    "journey_minutes": 30,
                    "travel_mode": TravelMode.BUS,
                    "pros": (
                        "One year, made for adults. It gets me to uni faster. Other people like me."
                    ),
                    "cons": "A lot of work in one year. A loan for the fee.",
                    "status": OptionStatus.CHOSEN,
                    "notes": (
                        "The fee can be paid by an Advanced Learner Loan, which is written "
                        "off if Sam finishes a university degree."
                    ),
                },
                {
                    "uid": shelter,
                    "kind": ActivityKind.VOLUNTEERING,
                    "title": "Volunteer at an animal shelter",
                    "provider": "Hillside Animal Rescue",
                    "hours_per_week": 4,
                    "start_on": cal.weeks_ahead(3),
                    "journey_minutes": 35,
                    "travel_mode": TravelMode.BUS,
                    "pros": "Animals calm me down. It will help my uni application.",
                    "cons": "Early start on Saturdays. Some sad days.",
                    "status": OptionStatus.CHOSEN,
                },
                {
                    "uid": cafe,
                    "kind": ActivityKind.PAID_WORK,
                    "title": "Saturday job in a café",
                    "provider": "Cafés in Sheffield",
                    "hours_per_week": 6,
                    "pay_hourly_pence": MINIMUM_WAGE_18_TO_20_PENCE,
                    "journey_minutes": 20,
                    "travel_mode": TravelMode.BUS,
                    "pros": "My own money.",
                    "cons": "Loud and busy. Not now, while I get well.",
                    "status": OptionStatus.NOT_FOR_NOW,
                },
            ],
            "scenarios": [
                {
                    "label": "Animal shelter, expenses only",
                    "option_uid": shelter,
                    "hours_per_week": 4,
                    "hourly_pay_pence": 0,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 0,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": True,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
                {
                    "label": "Saturday café job, 6 hours at the minimum wage for 18 to 20",
                    "option_uid": cafe,
                    "hours_per_week": 6,
                    "hourly_pay_pence": MINIMUM_WAGE_18_TO_20_PENCE,
                    "weeks_per_year": 52,
                    "travel_weekly_pence": 500,
                    "other_costs_weekly_pence": 0,
                    "supported_permitted_work": False,
                    "volunteering_expenses_only": False,
                    "rules_year": RULES_YEAR,
                    "result": None,
                },
            ],
            "adjustments": [
                {
                    "description": "Extra time in exams and tests.",
                    "status": AdjustmentStatus.ASKED,
                },
                {
                    "description": "A quiet room for exams.",
                    "status": AdjustmentStatus.ASKED,
                },
                {
                    "description": "Flexible deadlines when I am unwell.",
                    "status": AdjustmentStatus.TO_ASK_FOR,
                },
                {
                    "description": "One named person at college I can go to.",
                    "status": AdjustmentStatus.AGREED,
                },
            ],
            "goals": [
                {
                    "uid": goal_college,
                    "what": "Start an Access to HE course, or my A-levels, at college",
                    "why_it_matters": (
                        "I want to go to university. I don't want psychosis to decide my future."
                    ),
                    "by_when": cal.weeks_ahead(30),
                    "how_we_will_know": "I am enrolled and going to classes.",
                    "kind": ActivityKind.EDUCATION,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_shelter,
                    "what": "Volunteer at the animal shelter on Saturday mornings",
                    "why_it_matters": (
                        "Animals make me feel calm. It will look good on my uni form."
                    ),
                    "by_when": cal.weeks_ahead(8),
                    "how_we_will_know": "I have done four Saturdays.",
                    "kind": ActivityKind.VOLUNTEERING,
                    "status": GoalStatus.ACTIVE,
                },
                {
                    "uid": goal_money,
                    "what": "Find out if I can claim Universal Credit",
                    "why_it_matters": "I want some money of my own.",
                    "by_when": cal.weeks_ahead(6),
                    "how_we_will_know": "I know if I can claim, and I have claimed if it is right.",
                    "kind": None,
                    "status": GoalStatus.ACTIVE,
                },
            ],
            "steps": [
                {
                    "goal_uid": goal_college,
                    "what": "Go to the college open evening and ask about both courses",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_college,
                    "what": "Meet Sam to plan support at college: exams, deadlines, a contact",
                    "owner": StepOwner.OTHER,
                    "owner_name": "Grace Whitfield, college disability adviser",
                    "by_when": cal.weeks_ahead(6),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_college,
                    "what": "Write a short letter of support for the college application",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Priya Shah",
                    "by_when": cal.weeks_ahead(8),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_college,
                    "what": "Apply for the course",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(10),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_shelter,
                    "what": "Fill in the volunteer form for the animal shelter",
                    "owner": StepOwner.PERSON,
                    "by_when": cal.weeks_ahead(1),
                    "status": StepStatus.IN_PROGRESS,
                },
                {
                    "goal_uid": goal_shelter,
                    "what": "Go with Sam to their first visit to the shelter",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Priya Shah",
                    "by_when": cal.weeks_ahead(3),
                    "status": StepStatus.NOT_STARTED,
                },
                {
                    "goal_uid": goal_money,
                    "what": "Book welfare rights advice about Universal Credit and studying",
                    "owner": StepOwner.CARE_COORDINATOR,
                    "owner_name": "Priya Shah",
                    "by_when": cal.weeks_ahead(2),
                    "status": StepStatus.NOT_STARTED,
                },
            ],
            "referrals": [
                {
                    "service_name": "College disability and learning support",
                    "service_kind": ServiceKind.COLLEGE,
                    "referred_on": agreed_on,
                    "reason": "A support plan for an Access to HE course or A-levels.",
                    "status": ReferralStatus.ACCEPTED,
                    "outcome": "Grace Whitfield will meet Sam.",
                },
                {
                    "service_name": "Sheffield volunteering centre",
                    "service_kind": ServiceKind.VOLUNTEERING_CENTRE,
                    "referred_on": cal.weeks_ago(3),
                    "reason": "Find a volunteering role with animals.",
                    "status": ReferralStatus.FINISHED,
                    "outcome": "Matched with Hillside Animal Rescue.",
                },
                {
                    "service_name": "Welfare rights advice service",
                    "service_kind": ServiceKind.WELFARE_RIGHTS,
                    "referred_on": None,
                    "reason": "Can Sam claim Universal Credit, and what changes if they study?",
                    "status": ReferralStatus.TO_MAKE,
                    "outcome": "",
                },
            ],
            "review_notes": [
                {
                    "reviewed_on": agreed_on,
                    "text": (
                        "First plan agreed with Sam. Education first, with volunteering "
                        "alongside. Review after the open evening and the first shelter "
                        "sessions."
                    ),
                    "written_by": "Priya Shah",
                },
            ],
            "notes": [
                {
                    "section": PlanSection.ABOUT_TODAY,
                    "voice": Voice.WORKER,
                    "text": "Sam's mum came to the first half of the first meeting, as Sam asked.",
                    "written_on": cal.weeks_ago(8),
                },
                {
                    "section": PlanSection.OPTIONS,
                    "voice": Voice.PERSON,
                    "text": "College is not second best. It is my way to a good job.",
                    "written_on": cal.weeks_ago(4),
                },
                {
                    "section": PlanSection.OPTIONS,
                    "voice": Voice.WORKER,
                    "text": (
                        "Sam is strong in science. Access to HE is the quickest way to "
                        "university; A-levels are still open if Sam prefers them."
                    ),
                    "written_on": cal.weeks_ago(4),
                },
                {
                    "section": PlanSection.MY_PLAN,
                    "voice": Voice.PERSON,
                    "text": "I want to be at uni by the time I am 22.",
                    "written_on": agreed_on,
                },
                {
                    "section": PlanSection.AGREEMENT,
                    "voice": Voice.PERSON,
                    "text": "This is my plan and I agree with it.",
                    "written_on": agreed_on,
                },
            ],
            "outcomes": [
                {
                    "happened_on": cal.weeks_ago(40),
                    "kind": OutcomeKind.STATUS_RECORDED,
                    "employment_status": EmploymentStatus.STUDENT,
                    "description": "A student in year 13 when referred to the service.",
                },
                {
                    "happened_on": cal.weeks_ago(8),
                    "kind": OutcomeKind.STATUS_RECORDED,
                    "employment_status": EmploymentStatus.NOT_WORKING_OR_SEEKING,
                    "description": "Left A-levels. Not working, not looking for work, no benefits.",
                },
            ],
        },
    )
    agreement = Agreement(
        person_name="Sam Okafor",
        person_agreed_on=cal.today - timedelta(days=5),
        worker_name="Priya Shah",
        worker_role="Care coordinator",
        worker_agreed_on=cal.today - timedelta(days=5),
    )
    return DemoPersona(document=document, agreement=agreement)
