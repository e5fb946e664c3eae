"""What every field of a plan is called, what kind of answer it takes, and how to help.

One description serves the guided session's forms, the "what changed" view
and the plan documents, so a field is named the same everywhere. Labels and
help are marked with ``N_`` and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from vocplan.domain.enums import ActivityKind, GoalStatus, LabelledEnum, PlanSection
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
    choices: type[LabelledEnum] | None = None
    ordered: bool = False
    person_words: bool = False
    """The person's own words: shown as written, never reworded by the worker."""
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    unit_source: str = ""
    reference: str | None = None

    @property
    def label(self) -> str:
        return _(self.label_source)

    @property
    def help(self) -> str:
        return _(self.help_source) if self.help_source else ""

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

    @property
    def title(self) -> str:
        return _(self.title_source)

    @property
    def intro(self) -> str:
        return _(self.intro_source) if self.intro_source else ""

    @property
    def item_name(self) -> str:
        return _(self.item_name_source) if self.item_name_source else ""

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

# An example of the shape every part follows; the rest are written the same way.
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
            FieldSpec("what", N_("My goal"), FieldKind.LONG_TEXT, required=True,
                      person_words=True),
            FieldSpec("why_it_matters", N_("Why it matters to me"), FieldKind.LONG_TEXT,
                      person_words=True),
            FieldSpec("by_when", N_("By when"), FieldKind.DATE),
            FieldSpec("how_we_will_know", N_("How we will know I got there"),
                      FieldKind.LONG_TEXT),
            FieldSpec("kind", N_("What kind of goal"), FieldKind.CHOICE, choices=ActivityKind),
            FieldSpec("status", N_("How it is going"), FieldKind.CHOICE, choices=GoalStatus),
        ),
    )
)  # fmt: skip
