"""What every field of a plan is called, what kind of answer it takes, and how to help.

One description serves the guided session's forms, the "what changed" view
and the plan documents, so a field is named the same everywhere. Labels and
help are marked with ``N_`` and translated where they are shown.

``PART_SPECS`` lists the parts in the order of the session's eight steps;
``parts_for`` gives the parts of one step. A few fields are edited somewhere
other than a generic form: they are listed in ``NOT_IN_FORMS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
    LabelledEnum,
    LcwraRate,
    NoiseLevel,
    OptionStatus,
    OutcomeKind,
    Pace,
    PathwayStage,
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
    TravelMode,
    Voice,
)
from vocplan.i18n import N_, _


class FieldKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    """Free text of any length: nothing a person writes is ever cut short."""
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    """Pence in the data; pounds and pence on screen."""
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"
    """One value of ``choices``."""
    MULTI_CHOICE = "multi_choice"
    """A list of values of ``choices``; ``ordered`` when their order matters."""
    CATALOGUE = "catalogue"
    """A list of codes from the job-family and course-area catalogue."""
    REFERENCE = "reference"
    """The uid of an item in the list named by ``reference``."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_source: str
    kind: FieldKind
    help_source: str = ""
    """Extra detail for staff, shown behind a "more" link or tooltip."""
    note_source: str = ""
    """A short plain sentence the person always sees under the label."""
    choices: type[LabelledEnum] | None = None
    ordered: bool = False
    person_words: bool = False
    """The person's own words: shown as written, never reworded by the worker."""
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    """Checked by the core when saving; for MONEY, in pounds."""
    unit_source: str = ""
    reference: str | None = None

    @property
    def label(self) -> str:
        return _(self.label_source)

    @property
    def help(self) -> str:
        return _(self.help_source) if self.help_source else ""

    @property
    def note(self) -> str:
        return _(self.note_source) if self.note_source else ""

    @property
    def unit(self) -> str:
        return _(self.unit_source) if self.unit_source else ""


@dataclass(frozen=True)
class PartSpec:
    """One part of the plan document: a single section or a list of items."""

    key: str
    section: PlanSection
    title_source: str
    fields: tuple[FieldSpec, ...]
    intro_source: str = ""
    """One or two short sentences for the person, at the top of the part."""
    is_list: bool = False
    item_name_source: str = ""
    """What one item is called, for buttons such as "Add a goal"."""
    item_title_field: str | None = None
    """The field that names an item in lists and in "what changed"."""
    stored_in: str = ""
    """The key of the plan document that holds these fields, when it is not ``key``."""
    read_only: bool = False
    """Shown for reference only; the fields are changed somewhere else."""

    @property
    def title(self) -> str:
        return _(self.title_source)

    @property
    def intro(self) -> str:
        return _(self.intro_source) if self.intro_source else ""

    @property
    def item_name(self) -> str:
        return _(self.item_name_source) if self.item_name_source else ""

    @property
    def document_key(self) -> str:
        """Where the fields live in the plan document (and which service saves them)."""
        return self.stored_in or self.key

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


def _part(spec: PartSpec) -> PartSpec:
    PART_SPECS[spec.key] = spec
    return spec


PART_SPECS: dict[str, PartSpec] = {}
"""Every part of a plan, by its key in the plan document, in the order of the session."""

NOT_IN_FORMS: dict[str, tuple[str, ...]] = {
    # The interest explorer writes its answers; its result is shown as "things to talk about".
    "preferences": ("interest_explorer",),
    # The Money step's "Who lives with me" panel edits the partner and children
    # (ui.session.household; checked by vocplan.services.household).
    "money": ("partner", "children"),
    # Set by the local directory picker of the provider field (see DIRECTORY_PICKERS).
    "options": ("directory_uid",),
    # The benefits engine writes the result and the rules year it used when it calculates.
    "scenarios": ("rules_year", "result"),
    # Set by the local directory picker of the service field (see DIRECTORY_PICKERS).
    "referrals": ("directory_uid",),
    # The money step records which benefits rules year it last used.
    "plan": ("rules_year",),
}
"""Fields a person or worker changes, but not through a generic form, by document key."""

FORM_ONLY_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    # The date of birth is one of the person's details, not part of the plan (the plan
    # document and "what changed" leave it out), but the Money step needs it, so the
    # care team form of About today lets staff add or correct it.
    "person": (
        FieldSpec(
            "date_of_birth",
            N_("Date of birth"),
            FieldKind.DATE,
            help_source=N_(
                "The Money step needs it to work out benefits and the minimum wage for the "
                "person's age. It is kept with the person's details."
            ),
        ),
    ),
}
"""Fields a step's form shows after the part's own fields, though the part does not describe
them, by document key."""

DIRECTORY_PICKERS: dict[tuple[str, str], str] = {
    ("options", "provider"): "directory_uid",
    ("referrals", "service_name"): "directory_uid",
}
"""(part, text field) that can be picked from the local directory, and the field that
keeps the uid of the entry picked. Typing a name instead clears the uid."""

_HOURS_A_WEEK = N_("hours a week")
_MINUTES = N_("minutes")
_A_WEEK = N_("a week")
_A_MONTH = N_("a month")
_AN_HOUR = N_("an hour")


def _hours_a_week(name: str, label: str, help_source: str = "") -> FieldSpec:
    return FieldSpec(
        name,
        label,
        FieldKind.DECIMAL,
        help_source=help_source,
        minimum=0,
        maximum=80,
        unit_source=_HOURS_A_WEEK,
    )


def _journey(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, FieldKind.INTEGER, minimum=0, maximum=240, unit_source=_MINUTES)


def _money(name: str, label: str, unit_source: str = "", help_source: str = "") -> FieldSpec:
    return FieldSpec(
        name, label, FieldKind.MONEY, help_source=help_source, minimum=0, unit_source=unit_source
    )


# --- 1. About today -----------------------------------------------------------

_part(
    PartSpec(
        key="person",
        section=PlanSection.ABOUT_TODAY,
        title_source=N_("My care team"),
        intro_source=N_("The care plan this belongs to, and who supports me."),
        read_only=True,  # changed in the person's details, not in the session
        fields=(
            FieldSpec(
                "framework",
                N_("Care plan this belongs to"),
                FieldKind.CHOICE,
                choices=CarePlanFramework,
                help_source=N_(
                    "The care-plan framework this record uses: a care and support plan in "
                    "England, a Care and Treatment Plan in Wales, or CPA where a trust still "
                    "uses it. It names the plan document. Change it in the person's details."
                ),
            ),
            FieldSpec(
                "care_coordinator",
                N_("My care coordinator"),
                FieldKind.TEXT,
                help_source=N_("Some teams say key worker. Change it in the person's details."),
            ),
            FieldSpec("team", N_("My team"), FieldKind.TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="sessions",
        section=PlanSection.ABOUT_TODAY,
        title_source=N_("Today"),
        intro_source=N_("Who is here, what today is for, and what I am happy with."),
        is_list=True,
        item_name_source=N_("session"),
        item_title_field="held_on",
        fields=(
            FieldSpec("held_on", N_("Date"), FieldKind.DATE, required=True),
            FieldSpec(
                "who_is_here",
                N_("Who is here"),
                FieldKind.TEXT,
                help_source=N_("Names and roles. Write 'on my own' for a session at home."),
            ),
            FieldSpec("purpose", N_("What today is for"), FieldKind.LONG_TEXT),
            FieldSpec(
                "consent_to_record",
                N_("I am happy for my plan to be written down and kept"),
                FieldKind.BOOL,
                help_source=N_(
                    "Consent to keep the plan in VocPlan and in the care record. The person "
                    "can change their mind at any time."
                ),
            ),
            FieldSpec(
                "consent_to_share",
                N_("I am happy for my plan to be shared"),
                FieldKind.BOOL,
                help_source=N_(
                    "Consent to share the plan outside the care team, for example with an "
                    "employment specialist, a college or an employer. Write who in the "
                    "notes about sharing."
                ),
            ),
            FieldSpec(
                "consent_notes", N_("Who can see my plan, and anything else"), FieldKind.LONG_TEXT
            ),
        ),
    )
)

# --- 2. What matters to me ----------------------------------------------------

_part(
    PartSpec(
        key="preferences",
        section=PlanSection.PREFERENCES,
        title_source=N_("What matters to me"),
        intro_source=N_("What I want to do, and what would suit me. There are no wrong answers."),
        fields=(
            FieldSpec(
                "activity_order",
                N_("What I want to do, most wanted first"),
                FieldKind.MULTI_CHOICE,
                choices=ActivityKind,
                ordered=True,
                help_source=N_(
                    "Leave out the kinds the person does not want. Education, training and "
                    "volunteering are goals in their own right, not second best."
                ),
            ),
            FieldSpec(
                "interests",
                N_("Kinds of work or study I am interested in"),
                FieldKind.CATALOGUE,
                help_source=N_(
                    "Picked from a list of common UK job families and course areas. The "
                    "person's own words below matter more than the list."
                ),
            ),
            FieldSpec(
                "interests_in_my_words",
                N_("What interests me, in my words"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            _hours_a_week("hours_min", N_("Fewest hours a week")),
            _hours_a_week(
                "hours_max",
                N_("Most hours a week"),
                N_(
                    "Look at the money step before settling on hours: new-style ESA allows "
                    "work only under the permitted work rules, with hours and earnings limits."
                ),
            ),
            FieldSpec(
                "days_and_times",
                N_("Days and times that suit me"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            _journey("longest_journey_minutes", N_("The longest journey I want, one way")),
            FieldSpec(
                "travel_modes", N_("How I get about"), FieldKind.MULTI_CHOICE, choices=TravelMode
            ),
            FieldSpec("noise", N_("A quiet or a busy place"), FieldKind.CHOICE, choices=NoiseLevel),
            FieldSpec("place", N_("Indoors or outdoors"), FieldKind.CHOICE, choices=Place),
            FieldSpec("company", N_("With people or on my own"), FieldKind.CHOICE, choices=Company),
            FieldSpec("pace", N_("On my feet or sitting down"), FieldKind.CHOICE, choices=Pace),
            FieldSpec(
                "things_to_avoid",
                N_("Things I want to avoid"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            FieldSpec(
                "gains",
                N_("What work or study would give me"),
                FieldKind.MULTI_CHOICE,
                choices=Gain,
            ),
            FieldSpec(
                "gains_in_my_words",
                N_("What it would give me, in my words"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
        ),
    )
)

# --- 3. What I bring ----------------------------------------------------------

_part(
    PartSpec(
        key="qualifications",
        section=PlanSection.BACKGROUND,
        title_source=N_("My qualifications"),
        intro_source=N_("Exams and courses, finished or not. Part of a course still counts."),
        is_list=True,
        item_name_source=N_("qualification"),
        item_title_field="title",
        fields=(
            FieldSpec(
                "title",
                N_("Qualification"),
                FieldKind.TEXT,
                required=True,
                help_source=N_("For example GCSEs, a BTEC, an NVQ or City & Guilds."),
            ),
            FieldSpec("subject", N_("Subject"), FieldKind.TEXT),
            FieldSpec(
                "level",
                N_("Level"),
                FieldKind.CHOICE,
                choices=QualificationLevel,
                help_source=N_(
                    "Levels of the Regulated Qualifications Framework (England) and the CQFW "
                    "(Wales): GCSE grades 9 to 4 are level 2 and A levels are level 3. Choose "
                    "'Level not known' rather than guess."
                ),
            ),
            FieldSpec(
                "status", N_("Where I am with it"), FieldKind.CHOICE, choices=QualificationStatus
            ),
            FieldSpec("awarded_by", N_("School, college or exam board"), FieldKind.TEXT),
            FieldSpec("year", N_("Year"), FieldKind.INTEGER, minimum=1940, maximum=2100),
            FieldSpec("notes", N_("Notes"), FieldKind.LONG_TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="certificates",
        section=PlanSection.BACKGROUND,
        title_source=N_("Training and certificates"),
        intro_source=N_("Short courses and cards, like food hygiene or first aid."),
        is_list=True,
        item_name_source=N_("certificate"),
        item_title_field="title",
        fields=(
            FieldSpec("title", N_("Certificate or training"), FieldKind.TEXT, required=True),
            FieldSpec("provider", N_("Who ran it"), FieldKind.TEXT),
            FieldSpec("obtained_on", N_("When I got it"), FieldKind.DATE),
            FieldSpec(
                "expires_on",
                N_("When it runs out"),
                FieldKind.DATE,
                help_source=N_(
                    "Many certificates need renewing. A refresher can be a step in the plan."
                ),
            ),
            FieldSpec("notes", N_("Notes"), FieldKind.LONG_TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="work_history",
        section=PlanSection.BACKGROUND,
        title_source=N_("Jobs I have done"),
        intro_source=N_("Paid jobs, long or short, old or recent. Gaps are fine."),
        is_list=True,
        item_name_source=N_("job"),
        item_title_field="role",
        fields=(
            FieldSpec("role", N_("Job"), FieldKind.TEXT, required=True),
            FieldSpec("employer", N_("Who I worked for"), FieldKind.TEXT),
            FieldSpec("started_on", N_("When I started"), FieldKind.DATE),
            FieldSpec(
                "ended_on",
                N_("When I finished"),
                FieldKind.DATE,
                help_source=N_("Leave it empty if the person still has this job."),
            ),
            _hours_a_week("hours_per_week", N_("Hours a week")),
            FieldSpec("went_well", N_("What went well"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec(
                "was_hard",
                N_("What was hard"),
                FieldKind.LONG_TEXT,
                person_words=True,
                help_source=N_(
                    "What was hard often points to the adjustments and the wellbeing plan "
                    "that would help next time."
                ),
            ),
            FieldSpec("why_it_ended", N_("Why it ended"), FieldKind.LONG_TEXT, person_words=True),
        ),
    )
)

_part(
    PartSpec(
        key="volunteering",
        section=PlanSection.BACKGROUND,
        title_source=N_("Volunteering I have done"),
        intro_source=N_("Unpaid work counts too, now or in the past."),
        is_list=True,
        item_name_source=N_("volunteering role"),
        item_title_field="role",
        fields=(
            FieldSpec("role", N_("Role"), FieldKind.TEXT, required=True),
            FieldSpec("organisation", N_("Where"), FieldKind.TEXT),
            FieldSpec("started_on", N_("When I started"), FieldKind.DATE),
            FieldSpec(
                "ended_on",
                N_("When I finished"),
                FieldKind.DATE,
                help_source=N_("Leave it empty if the person still volunteers there."),
            ),
            _hours_a_week("hours_per_week", N_("Hours a week")),
            FieldSpec("what_i_do", N_("What I do there"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec("went_well", N_("What went well"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec("was_hard", N_("What was hard"), FieldKind.LONG_TEXT, person_words=True),
        ),
    )
)

_part(
    PartSpec(
        key="skills",
        section=PlanSection.BACKGROUND,
        title_source=N_("What I am good at"),
        intro_source=N_("My skills and strengths, in my words. Small things count."),
        is_list=True,
        item_name_source=N_("skill or strength"),
        item_title_field="description",
        fields=(
            FieldSpec(
                "description",
                N_("Something I am good at"),
                FieldKind.LONG_TEXT,
                required=True,
                person_words=True,
            ),
            FieldSpec("example", N_("A time I used it"), FieldKind.LONG_TEXT, person_words=True),
        ),
    )
)

_part(
    PartSpec(
        key="barriers",
        section=PlanSection.BACKGROUND,
        title_source=N_("What gets in the way"),
        intro_source=N_("Things that make work or study harder, and what would help."),
        is_list=True,
        item_name_source=N_("thing that gets in the way"),
        item_title_field="description",
        fields=(
            FieldSpec(
                "kind",
                N_("What it is about"),
                FieldKind.CHOICE,
                choices=BarrierKind,
                help_source=N_(
                    "For a criminal record: spent convictions need not be told to most "
                    "employers, but roles with a standard or enhanced DBS check are "
                    "different. Unlock and Nacro give free advice."
                ),
            ),
            FieldSpec(
                "description",
                N_("What gets in the way"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            FieldSpec("what_would_help", N_("What would help"), FieldKind.LONG_TEXT),
        ),
    )
)

# --- 4. Options ---------------------------------------------------------------

_part(
    PartSpec(
        key="options",
        section=PlanSection.OPTIONS,
        title_source=N_("My options"),
        intro_source=N_(
            "Things I could do: a job, a course, training, volunteering, supported work or "
            "working for myself. Add as many as I like."
        ),
        is_list=True,
        item_name_source=N_("option"),
        item_title_field="title",
        fields=(
            FieldSpec(
                "kind",
                N_("What kind of option"),
                FieldKind.CHOICE,
                choices=ActivityKind,
                required=True,
            ),
            FieldSpec("title", N_("What it is"), FieldKind.TEXT, required=True),
            FieldSpec(
                "provider",
                N_("Who runs it"),
                FieldKind.TEXT,
                help_source=N_("Pick a service from the local directory, or type a name."),
            ),
            _hours_a_week("hours_per_week", N_("Hours a week")),
            _money(
                "pay_hourly_pence",
                N_("Pay"),
                _AN_HOUR,
                N_(
                    "Paid work must pay at least the legal minimum wage for the person's age. "
                    "The money step shows what the pay means for benefits."
                ),
            ),
            _money(
                "cost_pence",
                N_("What it costs me"),
                help_source=N_(
                    "Many adult courses are free or cheaper for people on benefits or a low "
                    "income. Ask the college about fees and support funds."
                ),
            ),
            FieldSpec("start_on", N_("When it starts"), FieldKind.DATE),
            _journey("journey_minutes", N_("Journey, one way")),
            FieldSpec(
                "travel_mode", N_("How I would get there"), FieldKind.CHOICE, choices=TravelMode
            ),
            FieldSpec("pros", N_("What I like about it"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec(
                "cons", N_("What I am not sure about"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec("status", N_("Where I am with it"), FieldKind.CHOICE, choices=OptionStatus),
            FieldSpec("notes", N_("Notes"), FieldKind.LONG_TEXT),
        ),
    )
)

# --- 5. Money -------------------------------------------------------------------

_part(
    PartSpec(
        key="money",
        section=PlanSection.MONEY,
        title_source=N_("My money now"),
        intro_source=N_(
            "The money I get now. It helps us see what would change if I worked or studied."
        ),
        fields=(
            FieldSpec("universal_credit", N_("I get Universal Credit"), FieldKind.BOOL),
            FieldSpec(
                "lcw",
                N_("Limited capability for work (LCW)"),
                FieldKind.BOOL,
                help_source=N_(
                    "Decided by a Work Capability Assessment. LCW or LCWRA gives a work "
                    "allowance: earnings up to it do not reduce Universal Credit. Working does "
                    "not end an existing decision."
                ),
            ),
            FieldSpec(
                "lcwra",
                N_("Limited capability for work-related activity (LCWRA)"),
                FieldKind.BOOL,
                help_source=N_(
                    "The LCWRA element is the health element of Universal Credit. Someone who "
                    "starts work before getting LCW or LCWRA may not be able to get it "
                    "afterwards unless they get PIP."
                ),
            ),
            FieldSpec(
                "lcwra_rate",
                N_("Which LCWRA rate I get"),
                FieldKind.CHOICE,
                choices=LcwraRate,
                help_source=N_(
                    "People who had LCWRA before 6 April 2026 keep the higher protected rate, "
                    "as do people who are terminally ill or meet the severe conditions "
                    "criteria. Other new awards get the lower new-claimant rate. Ask the "
                    "person or check their award letter or journal: never assume the rate."
                ),
            ),
            _money(
                "new_style_esa_weekly_pence",
                N_("New-style ESA"),
                _A_WEEK,
                N_(
                    "Contribution-based ESA. Work is allowed only under the permitted work "
                    "rules; going over the hours or earnings limit stops ESA for that week."
                ),
            ),
            FieldSpec("esa_group", N_("ESA group"), FieldKind.CHOICE, choices=EsaGroup),
            FieldSpec(
                "pip_daily_living",
                N_("PIP daily living part"),
                FieldKind.CHOICE,
                choices=PipRate,
                help_source=N_("PIP is not means-tested and working does not reduce it."),
            ),
            FieldSpec("pip_mobility", N_("PIP mobility part"), FieldKind.CHOICE, choices=PipRate),
            FieldSpec("tenure", N_("Who I pay rent to"), FieldKind.CHOICE, choices=Tenure),
            _money("rent_monthly_pence", N_("Rent"), _A_MONTH),
            FieldSpec(
                "brma",
                N_("Broad rental market area"),
                FieldKind.TEXT,
                help_source=N_(
                    "Private renters only: the area whose Local Housing Allowance rate limits "
                    "the housing element. It depends on the address."
                ),
            ),
            FieldSpec(
                "bedrooms",
                N_("Bedrooms in my home"),
                FieldKind.INTEGER,
                minimum=0,
                maximum=10,
                help_source=N_(
                    "A single person under 35 with no children who rents privately gets the "
                    "shared accommodation rate, whatever the number of bedrooms, unless they "
                    "get the PIP daily living part."
                ),
            ),
            _money(
                "lha_monthly_pence",
                N_("Local Housing Allowance rate"),
                _A_MONTH,
                N_(
                    "From the published rates for the area and bedroom category. Staff can "
                    "override it."
                ),
            ),
            _money(
                "capital_pence",
                N_("Savings"),
                help_source=N_(
                    "Savings and other capital. Up to £6,000 does not count for Universal "
                    "Credit; between £6,000 and £16,000 reduces it; over £16,000 means no "
                    "Universal Credit."
                ),
            ),
            _money("earnings_monthly_pence", N_("Money from work now"), _A_MONTH),
            _money("other_income_monthly_pence", N_("Other money coming in"), _A_MONTH),
            FieldSpec(
                "other_benefits",
                N_("Other benefits"),
                FieldKind.LONG_TEXT,
                help_source=N_("For example Council Tax Reduction or Carer's Allowance."),
            ),
            FieldSpec("notes", N_("Notes"), FieldKind.LONG_TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="scenarios",
        section=PlanSection.MONEY,
        title_source=N_("What if I worked"),
        intro_source=N_("Try some hours and pay, and see what my money would be."),
        is_list=True,
        item_name_source=N_("what-if"),
        item_title_field="label",
        fields=(
            FieldSpec("label", N_("What we call it"), FieldKind.TEXT),
            FieldSpec(
                "option_uid",
                N_("Which option it is about"),
                FieldKind.REFERENCE,
                reference="options",
            ),
            _hours_a_week("hours_per_week", N_("Hours a week")),
            _money("hourly_pay_pence", N_("Pay"), _AN_HOUR),
            FieldSpec(
                "weeks_per_year",
                N_("Weeks a year"),
                FieldKind.INTEGER,
                minimum=1,
                maximum=52,
                unit_source=N_("weeks"),
            ),
            _money("travel_weekly_pence", N_("Travel costs"), _A_WEEK),
            _money(
                "other_costs_weekly_pence",
                N_("Other costs of working"),
                _A_WEEK,
                N_("For example childcare, work clothes or lunches."),
            ),
            FieldSpec(
                "supported_permitted_work",
                N_("Supported permitted work"),
                FieldKind.BOOL,
                help_source=N_(
                    "ESA only: work supervised by someone from a public body or a voluntary "
                    "organisation whose job is finding work for disabled people, or work that "
                    "is part of a treatment programme."
                ),
            ),
            FieldSpec(
                "volunteering_expenses_only",
                N_("Volunteering, with only expenses paid"),
                FieldKind.BOOL,
                help_source=N_(
                    "Volunteering is not work for benefits if only real expenses are paid. "
                    "Any other payment counts as earnings. Tell the DWP before starting."
                ),
            ),
        ),
    )
)

# --- 6. Staying well and telling people ---------------------------------------

_part(
    PartSpec(
        key="wellbeing",
        section=PlanSection.STAYING_WELL,
        title_source=N_("Staying well at work or study"),
        intro_source=N_("What keeps me well, the signs to look out for, and what helps."),
        fields=(
            FieldSpec(
                "keeps_me_well", N_("What keeps me well"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec(
                "early_signs",
                N_("Early signs that I am not OK"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            FieldSpec(
                "others_might_notice",
                N_("What others might notice"),
                FieldKind.LONG_TEXT,
                person_words=True,
                help_source=N_("What a manager, tutor or colleague might see."),
            ),
            FieldSpec("what_helps", N_("What helps"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec(
                "who_to_contact",
                N_("Who to contact"),
                FieldKind.LONG_TEXT,
                help_source=N_("Names and how to reach them, in working hours and out of hours."),
            ),
            FieldSpec(
                "crisis_plan_location",
                N_("Where my crisis plan is"),
                FieldKind.TEXT,
                help_source=N_(
                    "Point to the crisis plan (where it is kept and who has a copy). Do not "
                    "copy it here, so there is only one version to keep up to date."
                ),
            ),
        ),
    )
)

_part(
    PartSpec(
        key="disclosure",
        section=PlanSection.STAYING_WELL,
        title_source=N_("Telling people"),
        intro_source=N_(
            "Whether to tell an employer or college about my mental health. It is my choice."
        ),
        fields=(
            FieldSpec(
                "choice",
                N_("Will I tell an employer or college?"),
                FieldKind.CHOICE,
                choices=DisclosureChoice,
                help_source=N_(
                    "Without telling, the person cannot ask for reasonable adjustments. Before "
                    "a job offer, employers may not ask health questions except in narrow "
                    "cases (Equality Act 2010). The person can decide later."
                ),
            ),
            FieldSpec(
                "when_to_tell", N_("When I would tell"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec(
                "what_to_tell", N_("What I would say"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec(
                "who_to_tell", N_("Who I would tell"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec(
                "pros", N_("Good things about telling"), FieldKind.LONG_TEXT, person_words=True
            ),
            FieldSpec("cons", N_("Worries about telling"), FieldKind.LONG_TEXT, person_words=True),
            FieldSpec(
                "adjustments_note",
                N_("What it means for changes I can ask for"),
                FieldKind.LONG_TEXT,
                help_source=N_(
                    "Reasonable adjustments can be asked for only once the employer or college "
                    "knows. Telling just a manager or occupational health is possible."
                ),
            ),
            FieldSpec(
                "access_to_work",
                N_("Access to Work"),
                FieldKind.CHOICE,
                choices=AccessToWorkStatus,
                note_source=N_(
                    "Access to Work can pay for support at work. You can apply once you have "
                    "a job offer or a start date. It can take months, so plan early."
                ),
                help_source=N_(
                    "A government grant for people in paid work, including a Mental Health "
                    "Support Service. It needs a job offer or start date and can take months, "
                    "so plan early. It is not means-tested and not for voluntary work."
                ),
            ),
            FieldSpec(
                "access_to_work_notes", N_("Notes about Access to Work"), FieldKind.LONG_TEXT
            ),
        ),
    )
)

_part(
    PartSpec(
        key="adjustments",
        section=PlanSection.STAYING_WELL,
        title_source=N_("Changes I could ask for"),
        intro_source=N_("Changes at work or college that would make things easier for me."),
        is_list=True,
        item_name_source=N_("change to ask for"),
        item_title_field="description",
        fields=(
            FieldSpec(
                "description",
                N_("What I would ask for"),
                FieldKind.LONG_TEXT,
                required=True,
                help_source=N_(
                    "Reasonable adjustments, for example flexible start times, no split or "
                    "close-together shifts, a quiet place, time off for appointments or a "
                    "phased start."
                ),
            ),
            FieldSpec(
                "status", N_("Where it has got to"), FieldKind.CHOICE, choices=AdjustmentStatus
            ),
        ),
    )
)

# --- 7. My plan -----------------------------------------------------------------

_part(
    PartSpec(
        key="goals",
        section=PlanSection.MY_PLAN,
        title_source=N_("My goals"),
        intro_source=N_("What I want to get to, and why it matters to me."),
        is_list=True,
        item_name_source=N_("goal"),
        item_title_field="what",
        fields=(
            FieldSpec("what", N_("My goal"), FieldKind.LONG_TEXT, required=True, person_words=True),
            FieldSpec(
                "why_it_matters",
                N_("Why it matters to me"),
                FieldKind.LONG_TEXT,
                person_words=True,
            ),
            FieldSpec("by_when", N_("By when"), FieldKind.DATE),
            FieldSpec(
                "how_we_will_know",
                N_("How we will know I got there"),
                FieldKind.LONG_TEXT,
                help_source=N_("Something both people could see, for example a start date."),
            ),
            FieldSpec("kind", N_("What kind of goal"), FieldKind.CHOICE, choices=ActivityKind),
            FieldSpec("status", N_("How it is going"), FieldKind.CHOICE, choices=GoalStatus),
        ),
    )
)

_part(
    PartSpec(
        key="steps",
        section=PlanSection.MY_PLAN,
        title_source=N_("Steps to get there"),
        intro_source=N_("Small steps, who will do each one, and by when."),
        is_list=True,
        item_name_source=N_("step"),
        item_title_field="what",
        fields=(
            FieldSpec(
                "goal_uid", N_("Which goal it is for"), FieldKind.REFERENCE, reference="goals"
            ),
            FieldSpec("what", N_("What needs doing"), FieldKind.LONG_TEXT, required=True),
            FieldSpec("owner", N_("Who will do it"), FieldKind.CHOICE, choices=StepOwner),
            FieldSpec(
                "owner_name",
                N_("Their name"),
                FieldKind.TEXT,
                help_source=N_(
                    "Name the person, for example the college disability adviser, so "
                    "everyone knows who to ask."
                ),
            ),
            FieldSpec("by_when", N_("By when"), FieldKind.DATE),
            FieldSpec("status", N_("How it is going"), FieldKind.CHOICE, choices=StepStatus),
            FieldSpec("done_on", N_("Date it was done"), FieldKind.DATE),
        ),
    )
)

_part(
    PartSpec(
        key="referrals",
        section=PlanSection.MY_PLAN,
        title_source=N_("Other services that can help"),
        intro_source=N_("Local services I could be put in touch with."),
        is_list=True,
        item_name_source=N_("referral"),
        item_title_field="service_name",
        fields=(
            FieldSpec(
                "service_name",
                N_("Service"),
                FieldKind.TEXT,
                required=True,
                help_source=N_("Pick a service from the local directory, or type a name."),
            ),
            FieldSpec("service_kind", N_("Kind of service"), FieldKind.CHOICE, choices=ServiceKind),
            FieldSpec("referred_on", N_("Date of referral"), FieldKind.DATE),
            FieldSpec("reason", N_("Why"), FieldKind.LONG_TEXT),
            FieldSpec(
                "status", N_("Where it has got to"), FieldKind.CHOICE, choices=ReferralStatus
            ),
            FieldSpec("outcome", N_("What happened"), FieldKind.LONG_TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="plan",
        section=PlanSection.MY_PLAN,
        title_source=N_("Where I am now"),
        intro_source=N_("How far along I am, and when we will look at my plan again."),
        fields=(
            FieldSpec(
                "pathway_stage",
                N_("Where I am on the way"),
                FieldKind.CHOICE,
                choices=PathwayStage,
                help_source=N_(
                    "The supported employment stages: engagement, vocational profiling, job "
                    "finding, employer engagement and in-work support."
                ),
            ),
            FieldSpec(
                "next_review_date",
                N_("When we will look at my plan again"),
                FieldKind.DATE,
                help_source=N_(
                    "The next review. It shows what changed since the last agreed version."
                ),
            ),
        ),
    )
)

_part(
    PartSpec(
        key="review_notes",
        section=PlanSection.MY_PLAN,
        title_source=N_("Reviews"),
        intro_source=N_("What we said each time we looked at my plan again."),
        is_list=True,
        item_name_source=N_("review"),
        item_title_field="reviewed_on",
        fields=(
            FieldSpec("reviewed_on", N_("Date of the review"), FieldKind.DATE, required=True),
            FieldSpec("text", N_("What we talked about"), FieldKind.LONG_TEXT),
            FieldSpec("written_by", N_("Written by"), FieldKind.TEXT),
        ),
    )
)

_part(
    PartSpec(
        key="outcomes",
        section=PlanSection.MY_PLAN,
        title_source=N_("What has happened"),
        intro_source=N_("Big moments, like starting or finishing a job or a course."),
        is_list=True,
        item_name_source=N_("thing that happened"),
        item_title_field="kind",
        fields=(
            FieldSpec("happened_on", N_("Date"), FieldKind.DATE, required=True),
            FieldSpec(
                "kind", N_("What happened"), FieldKind.CHOICE, choices=OutcomeKind, required=True
            ),
            FieldSpec(
                "employment_status",
                N_("Employment status"),
                FieldKind.CHOICE,
                choices=EmploymentStatus,
                help_source=N_(
                    "The codes of the Mental Health Services Data Set (England), so the team's "
                    "figures line up with national returns."
                ),
            ),
            FieldSpec("organisation", N_("Where"), FieldKind.TEXT),
            _hours_a_week("hours_per_week", N_("Hours a week")),
            FieldSpec("description", N_("More about it"), FieldKind.LONG_TEXT),
        ),
    )
)

# --- 8. Check and agree -----------------------------------------------------------

_part(
    PartSpec(
        key="agreement",
        section=PlanSection.AGREEMENT,
        title_source=N_("Anything we do not agree on"),
        intro_source=N_("It is fine not to agree on everything. We write it down in my words."),
        stored_in="plan",  # the plan's own field; names and dates are typed when agreeing
        fields=(
            FieldSpec(
                "not_agreed",
                N_("What we do not agree on"),
                FieldKind.LONG_TEXT,
                person_words=True,
                help_source=N_(
                    "Record it in the person's words rather than smoothing it over. It is "
                    "kept with the agreed version."
                ),
            ),
        ),
    )
)

# Notes belong to whichever step they were written in (``section``), so the UI shows
# each note in its own step, whatever this part's section says. The section here is
# where all notes are listed together: on the page that shows the whole plan.
_part(
    PartSpec(
        key="notes",
        section=PlanSection.AGREEMENT,
        title_source=N_("Notes"),
        intro_source=N_("Anything else to remember, in my words or the worker's."),
        is_list=True,
        item_name_source=N_("note"),
        item_title_field="text",
        fields=(
            FieldSpec(
                "section",
                N_("Which step it is about"),
                FieldKind.CHOICE,
                choices=PlanSection,
                required=True,
            ),
            FieldSpec(
                "voice",
                N_("Whose words"),
                FieldKind.CHOICE,
                choices=Voice,
                required=True,
                help_source=N_(
                    "The person's words are kept as theirs; the worker's observations are "
                    "marked as the worker's."
                ),
            ),
            FieldSpec("text", N_("Note"), FieldKind.LONG_TEXT, required=True),
            FieldSpec("written_on", N_("Date written"), FieldKind.DATE),
        ),
    )
)


def parts_for(section: PlanSection) -> list[PartSpec]:
    """The parts shown in one step of the session, in the order they appear."""
    return [spec for spec in PART_SPECS.values() if spec.section == section]


def field_label(part_key: str, field_name: str) -> str:
    """The translated label of a field, found by part key or by plan document key.

    A field with no description (an old or an internal one) gets a readable version
    of its name, so the "what changed" view never shows a bare identifier.
    """
    for spec in PART_SPECS.values():
        if part_key in (spec.key, spec.document_key):
            for field_spec in spec.fields:
                if field_spec.name == field_name:
                    return field_spec.label
    return _readable(field_name)


def _readable(name: str) -> str:
    words = [word for word in name.split("_") if word]
    while len(words) > 1 and words[-1] in {"pence", "uid"}:
        words.pop()
    text = " ".join(words)
    return text[:1].upper() + text[1:]
