"""What the plan documents say, gathered through the services; no layout here.

Both PDFs (``pdf_record`` and ``pdf_easy_read``) are drawn from one
``PlanFacts``, so the easy-read copy can never leave out something the record
shows. Everything is read through the services (``plan_overview``,
``changes_since_agreed``, ``compare_options``), never with SQL.

**Care and Treatment Plan life areas (Wales).** A Care and Treatment Plan
records outcomes in eight life areas; a vocational plan speaks to three of
them. Where the person's framework is the Care and Treatment Plan, the
documents label what belongs to each:

- *Work and occupation*: options and goals of kind paid work, supported work,
  working for myself and volunteering (volunteering is occupation, not
  learning); the jobs and volunteering the person has done (What I bring);
  steps, under the goal they serve.
- *Education and training*: options and goals of kind education and training;
  qualifications and training certificates (What I bring); steps, under their
  goal.
- *Finance and money*: the whole Money step (money now and every what-if).

Goals with no kind, and steps with no goal, stay in the plan under "Other
goals" and "Other steps": nothing is dropped for not having a life area.
Other parts (what matters to me, staying well, agreement) are not tied to one
life area and are not labelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from vocplan.domain import nhs_number
from vocplan.domain.enums import (
    ActivityKind,
    CarePlanFramework,
    OptionStatus,
    PlanSection,
    PlanStatus,
)
from vocplan.formatting import format_date
from vocplan.i18n import N_, _
from vocplan.plan_fields import PART_SPECS
from vocplan.services.changes import (
    Change,
    changes_between,
    changes_by_section,
    changes_since_agreed,
    describe,
)
from vocplan.services.fit import MAX_COMPARED, MIN_COMPARED, ComparisonTable, compare_options
from vocplan.services.outline import Block, PartOutline, SectionOutline, plan_outline
from vocplan.services.people import PersonSummary
from vocplan.services.plans import plan_overview
from vocplan.storage.database import Database

_TITLES: dict[CarePlanFramework, str] = {
    CarePlanFramework.CARE_AND_SUPPORT_PLAN: N_("Vocational plan — for the care and support plan"),
    CarePlanFramework.CARE_AND_TREATMENT_PLAN: N_(
        "Vocational plan — for the Care and Treatment Plan"
    ),
    CarePlanFramework.CPA: N_("Vocational plan — for the CPA"),
}


class LifeArea(StrEnum):
    """The Care and Treatment Plan life areas a vocational plan speaks to (Wales)."""

    WORK_AND_OCCUPATION = "work_and_occupation"
    EDUCATION_AND_TRAINING = "education_and_training"
    FINANCE_AND_MONEY = "finance_and_money"

    @property
    def label(self) -> str:
        return _(_LIFE_AREA_LABELS[self])


_LIFE_AREA_LABELS: dict[LifeArea, str] = {
    LifeArea.WORK_AND_OCCUPATION: N_("Work and occupation"),
    LifeArea.EDUCATION_AND_TRAINING: N_("Education and training"),
    LifeArea.FINANCE_AND_MONEY: N_("Finance and money"),
}

KIND_LIFE_AREAS: dict[ActivityKind, LifeArea] = {
    ActivityKind.PAID_WORK: LifeArea.WORK_AND_OCCUPATION,
    ActivityKind.SUPPORTED_WORK: LifeArea.WORK_AND_OCCUPATION,
    ActivityKind.SELF_EMPLOYMENT: LifeArea.WORK_AND_OCCUPATION,
    ActivityKind.VOLUNTEERING: LifeArea.WORK_AND_OCCUPATION,
    ActivityKind.EDUCATION: LifeArea.EDUCATION_AND_TRAINING,
    ActivityKind.TRAINING: LifeArea.EDUCATION_AND_TRAINING,
}
"""The life area of an option or a goal, by its kind."""

PART_LIFE_AREAS: dict[str, LifeArea] = {
    "qualifications": LifeArea.EDUCATION_AND_TRAINING,
    "certificates": LifeArea.EDUCATION_AND_TRAINING,
    "work_history": LifeArea.WORK_AND_OCCUPATION,
    "volunteering": LifeArea.WORK_AND_OCCUPATION,
}
"""Parts of "What I bring" that belong to one life area as a whole."""

SECTION_LIFE_AREAS: dict[PlanSection, LifeArea] = {PlanSection.MONEY: LifeArea.FINANCE_AND_MONEY}
"""Steps of the plan that belong to one life area as a whole."""

GROUPED_PARTS = ("options", "goals")
"""Lists whose items are grouped by life area, by their kind, for a Care and Treatment Plan."""

ACTIVE_OPTION_STATUSES = frozenset(
    {OptionStatus.THINKING_ABOUT, OptionStatus.CHOSEN, OptionStatus.APPLIED, OptionStatus.STARTED}
)
"""Options the person is going for or thinking about: every status but "not for now"."""


@dataclass(frozen=True)
class AgreedVersion:
    number: int
    person_name: str
    person_agreed_on: date | None
    worker_name: str
    worker_role: str
    worker_agreed_on: date | None
    snapshot: dict[str, Any]

    @property
    def agreed_on(self) -> date | None:
        """The day the second person agreed: from then on both had."""
        days = [day for day in (self.person_agreed_on, self.worker_agreed_on) if day]
        return max(days) if days else None


class MoneyState(StrEnum):
    FIGURES = "figures"
    REFERRED = "referred"
    MISSING = "missing"


@dataclass(frozen=True)
class MoneyResult:
    """One what-if's saved result, in pence (take-home is after the costs of working)."""

    state: MoneyState
    rules_year: str | None
    referral_reason: str = ""
    now_weekly: int = 0
    now_monthly: int = 0
    better_off_weekly: int = 0
    better_off_monthly: int = 0

    @property
    def with_work_weekly(self) -> int:
        return self.now_weekly + self.better_off_weekly

    @property
    def with_work_monthly(self) -> int:
        return self.now_monthly + self.better_off_monthly


@dataclass(frozen=True)
class ChangeGroup:
    section: PlanSection
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PlanFacts:
    person: PersonSummary
    status: PlanStatus
    document: dict[str, Any]
    outline: tuple[SectionOutline, ...]
    versions: tuple[AgreedVersion, ...]
    changes: tuple[ChangeGroup, ...]
    changes_against: int | None
    """The version the changes are measured from; None when there is none."""
    comparison: ComparisonTable | None
    compared_titles: tuple[str, ...]
    options_count: int
    today: date
    item_blocks: dict[str, tuple[tuple[Block, dict[str, Any]], ...]] = field(default_factory=dict)
    """For each list part, its outline blocks with the plan items they show."""

    @property
    def framework(self) -> CarePlanFramework:
        return self.person.framework

    @property
    def is_wales(self) -> bool:
        return self.framework == CarePlanFramework.CARE_AND_TREATMENT_PLAN

    @property
    def title(self) -> str:
        return framework_title(self.framework)

    @property
    def latest_version(self) -> AgreedVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def is_agreed(self) -> bool:
        return self.status == PlanStatus.AGREED and self.latest_version is not None

    @property
    def version_label(self) -> str:
        """ "Version 3", or "Draft, not agreed"."""
        latest = self.latest_version
        if self.is_agreed and latest is not None:
            return _("Version {number}").format(number=latest.number)
        return _("Draft, not agreed")

    @property
    def agreed_text(self) -> str:
        """When the version shown was agreed, or why there is no such date."""
        latest = self.latest_version
        if latest is None:
            return _("Not agreed yet")
        when = format_date(latest.agreed_on)
        if self.is_agreed:
            return when
        return _("Not agreed yet (version {number} was agreed on {date})").format(
            number=latest.number, date=when
        )

    @property
    def nhs_number_text(self) -> str:
        number = self.person.nhs_number
        return nhs_number.formatted(number) if number else ""

    @property
    def rules_year(self) -> str | None:
        year = (self.document.get("plan") or {}).get("rules_year")
        return str(year) if year else None

    @property
    def compared_some(self) -> bool:
        """More options than a table holds: only some of them are compared."""
        return self.options_count > len(self.compared_titles)


def framework_title(framework: CarePlanFramework) -> str:
    """The document's title, named by the care-plan framework the person's record uses."""
    return _(_TITLES[framework])


def check_again_year(rules_year: str | None) -> int | None:
    """The April when rates next change: ``2026-27`` rules run out in April 2027."""
    if not rules_year:
        return None
    try:
        return int(str(rules_year)[:4]) + 1
    except ValueError:
        return None


def gather(database: Database, person_id: int, today: date) -> PlanFacts:
    """Everything both plan documents show about one person's plan."""
    overview = plan_overview(database, person_id)
    document = overview.document
    versions = tuple(_version(raw) for raw in document.get("versions") or [])
    status = overview.status
    changes: list[Change] = []
    against: int | None = None
    if status == PlanStatus.AGREED and len(versions) >= 2:
        changes = changes_between(versions[-2].snapshot, versions[-1].snapshot)
        against = versions[-2].number
    elif status != PlanStatus.AGREED and versions:
        changes = changes_since_agreed(database, person_id)
        against = versions[-1].number
    groups = tuple(
        ChangeGroup(section, tuple(describe(change) for change in found))
        for section, found in changes_by_section(changes).items()
    )
    options = [option for option in document.get("options") or [] if isinstance(option, dict)]
    compared = options_to_compare(options)
    comparison = (
        compare_options(document.get("preferences") or {}, compared)
        if len(compared) >= MIN_COMPARED
        else None
    )
    outline = tuple(plan_outline(document))
    return PlanFacts(
        person=overview.person,
        status=status,
        document=document,
        outline=outline,
        versions=versions,
        changes=groups,
        changes_against=against,
        comparison=comparison,
        compared_titles=tuple(str(option.get("title") or "") for option in compared)
        if comparison
        else (),
        options_count=len(options),
        today=today,
        item_blocks=_item_blocks(outline, document),
    )


def options_to_compare(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Up to four options for the comparison table, in the person's order.

    With more than four, the first four the person is going for or thinking
    about (anything but "not for now"), topped up with the others in order.
    """
    if len(options) <= MAX_COMPARED:
        return list(options)
    active = [option for option in options if option.get("status") in ACTIVE_OPTION_STATUSES]
    picked = {id(option) for option in active[:MAX_COMPARED]}
    for option in options:
        if len(picked) >= MAX_COMPARED:
            break
        picked.add(id(option))
    return [option for option in options if id(option) in picked]


def money_result(scenario: dict[str, Any], plan_rules_year: str | None) -> MoneyResult:
    """A what-if's saved result, read defensively: anything unreadable counts as missing."""
    result = scenario.get("result")
    year = str(scenario.get("rules_year") or plan_rules_year or "") or None
    if not isinstance(result, dict):
        return MoneyResult(MoneyState.MISSING, year)
    year = str(result.get("rules_year") or year or "") or None
    refer = result.get("refer")
    if isinstance(refer, dict):
        return MoneyResult(MoneyState.REFERRED, year, referral_reason=str(refer.get("reason", "")))
    try:
        weekly = result["weekly"]
        return MoneyResult(
            MoneyState.FIGURES,
            year,
            now_weekly=_pence(weekly["now"]["net_income"]),
            now_monthly=_pence(result["now"]["net_income"]),
            better_off_weekly=_pence(result["better_off_weekly"]),
            better_off_monthly=_pence(result["better_off_monthly"]),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation):
        return MoneyResult(MoneyState.MISSING, year)


def life_area_of(item: dict[str, Any]) -> LifeArea | None:
    """The life area of an option or goal, by its kind; None when it has none."""
    try:
        kind = ActivityKind(str(item.get("kind") or ""))
    except ValueError:
        return None
    return KIND_LIFE_AREAS.get(kind)


def _pence(pounds: Any) -> int:
    if isinstance(pounds, bool) or not isinstance(pounds, int | float | str):
        raise ValueError(pounds)
    return int((Decimal(str(pounds)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _version(raw: dict[str, Any]) -> AgreedVersion:
    return AgreedVersion(
        number=int(raw.get("number") or 0),
        person_name=str(raw.get("person_name") or ""),
        person_agreed_on=_date(raw.get("person_agreed_on")),
        worker_name=str(raw.get("worker_name") or ""),
        worker_role=str(raw.get("worker_role") or ""),
        worker_agreed_on=_date(raw.get("worker_agreed_on")),
        snapshot=dict(raw.get("snapshot") or {}),
    )


def _item_blocks(
    outline: tuple[SectionOutline, ...], document: dict[str, Any]
) -> dict[str, tuple[tuple[Block, dict[str, Any]], ...]]:
    """Each list part's blocks with their items: the outline keeps the plan's item order."""
    found: dict[str, tuple[tuple[Block, dict[str, Any]], ...]] = {}
    for section in outline:
        for part in section.parts:
            if not part.is_list or part.key == "notes":
                continue
            items = [item for item in document.get(_document_key(part)) or []]
            if len(items) == len(part.blocks):
                found[part.key] = tuple(zip(part.blocks, items, strict=True))
    return found


def _document_key(part: PartOutline) -> str:
    spec = PART_SPECS.get(part.key)
    return spec.document_key if spec is not None else part.key


def other_items_label(part_key: str) -> str:
    """The heading for goals or options that belong to no life area."""
    return _("Other goals") if part_key == "goals" else _("Other options")


def items_by_life_area(
    paired: Sequence[tuple[Block, dict[str, Any]]],
) -> list[tuple[LifeArea | None, list[tuple[Block, dict[str, Any]]]]]:
    """The items grouped by life area, in a fixed order, each group in the person's order."""
    groups: list[tuple[LifeArea | None, list[tuple[Block, dict[str, Any]]]]] = []
    for area in [*LifeArea, None]:
        members = [(block, item) for block, item in paired if life_area_of(item) == area]
        if members:
            groups.append((area, members))
    return groups


ItemGroup = tuple[str | None, tuple[tuple[Block, dict[str, Any]], ...]]


@dataclass(frozen=True)
class PartPlan:
    """What a document shows for one part, in order. Both layouts follow it and differ
    only in how they draw each piece."""

    steps_only: bool
    """Steps with no goals to sit under: shown as one list of steps."""
    life_area: LifeArea | None
    """The Care and Treatment Plan life area line (Wales only)."""
    plain_blocks: tuple[Block, ...]
    """Blocks of a part whose items need no special drawing."""
    groups: tuple[ItemGroup, ...]
    """Items with their stored values, under an optional heading (a life area in Wales)."""
    steps_without_goal: bool
    comparison: bool


def part_plan(facts: PlanFacts, part: PartOutline) -> PartPlan | None:
    """None when the part is shown elsewhere (steps, under the goals they are for)."""
    if part.key == "steps" and "goals" in facts.item_blocks:
        return None
    life_area = PART_LIFE_AREAS.get(part.key) if facts.is_wales else None
    paired = facts.item_blocks.get(part.key)
    groups: tuple[ItemGroup, ...] = ()
    plain: tuple[Block, ...] = ()
    if paired is None:
        plain = part.blocks
    elif facts.is_wales and part.key in GROUPED_PARTS:
        groups = tuple(
            (area.label if area else other_items_label(part.key), tuple(members))
            for area, members in items_by_life_area(paired)
        )
    else:
        groups = ((None, tuple(paired)),)
    return PartPlan(
        steps_only=part.key == "steps",
        life_area=life_area,
        plain_blocks=plain,
        groups=groups,
        steps_without_goal=part.key == "goals",
        comparison=part.key == "options",
    )
