"""A page for each step of the guided session, built from the parts the step holds.

A step's page shows a heading and a few words for the person, then each part
of the step (forms for single parts, list editors for lists), then the notes
written in that step. Other modules can add to a page, or replace it, through
``StepExtensions`` (see ``ui.session.extensions``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ui.qt import QFrame, QScrollArea, Qt, QVBoxLayout, QWidget
from ui.session.lists import ListEditor
from ui.session.panels import PART_SPACING, PartForm, StepPanel, intro_label
from ui.style import heading_font
from vocplan.domain.enums import PlanSection
from vocplan.i18n import N_, _
from vocplan.plan_fields import PART_SPECS, PartSpec

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.services.plans import PlanOverview

NOTES_KEY = "notes"
COLUMN_WIDTH = 760
"""The widest the page's one column gets, so lines stay easy to read."""
PAGE_MARGIN = 32

STEP_INTROS: dict[PlanSection, str] = {
    PlanSection.ABOUT_TODAY: N_(
        "Let's start with today. Take your time: you can stop, go back or skip a step at any point."
    ),
    PlanSection.PREFERENCES: N_(
        "What would you like to do, and what would suit you? There are no wrong answers."
    ),
    PlanSection.BACKGROUND: N_(
        "Everything you have done counts: courses, jobs, volunteering "
        "and the things you are good at."
    ),
    PlanSection.OPTIONS: N_(
        "There is more than one way forward. A course, training or volunteering "
        "is as good a choice as a job."
    ),
    PlanSection.MONEY: N_(
        "Working or studying can change your benefits, so it helps to look at money early."
    ),
    PlanSection.STAYING_WELL: N_(
        "What helps you stay well, and who you might tell about your mental health. "
        "It is your choice."
    ),
    PlanSection.MY_PLAN: N_("Your goals, the small steps to get there, and who will help."),
    PlanSection.AGREEMENT: N_(
        "Read your plan together. If you both agree, write your names and agree it. "
        "It is fine not to agree on everything."
    ),
}
"""A few words at the top of each step, for the person (a reading age of about 9 to 11)."""


class Where(Enum):
    TOP = "top"
    """Under the step's heading, before its parts."""
    BOTTOM = "bottom"
    """After the step's parts, before its notes."""


PanelFactory = Callable[["SessionController", PlanSection, QWidget], StepPanel]
"""Makes a panel for a step: called with the controller, the step and the parent widget."""


@dataclass
class StepExtensions:
    """Extra panels for steps, and whole pages that replace a step's generated page."""

    panels: dict[PlanSection, list[tuple[Where, PanelFactory]]] = field(default_factory=dict)
    pages: dict[PlanSection, PanelFactory] = field(default_factory=dict)

    def add_panel(
        self, section: PlanSection, factory: PanelFactory, where: Where = Where.BOTTOM
    ) -> None:
        self.panels.setdefault(section, []).append((where, factory))

    def set_page(self, section: PlanSection, factory: PanelFactory) -> None:
        """Replace the whole generated page of ``section`` (heading, parts and notes)."""
        self.pages[section] = factory

    def panels_for(self, section: PlanSection, where: Where) -> list[PanelFactory]:
        return [factory for place, factory in self.panels.get(section, []) if place is where]


def parts_of(section: PlanSection) -> list[PartSpec]:
    """The parts a step's page shows, in order (notes are shown in every step instead)."""
    try:
        from vocplan.plan_fields import parts_for
    except ImportError:  # pragma: no cover - older field descriptions
        specs = [spec for spec in PART_SPECS.values() if spec.section == section]
    else:
        specs = parts_for(section)
    return [spec for spec in specs if spec.key != NOTES_KEY]


class StepPage(QScrollArea):
    """One step: heading, intro, the step's parts and panels, and its notes; scrolls as one."""

    def __init__(
        self,
        controller: SessionController,
        section: PlanSection,
        extensions: StepExtensions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the answers
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panels: list[StepPanel] = []
        self.forms: dict[str, PartForm] = {}
        self.lists: dict[str, ListEditor] = {}

        # The column is the scrolled widget itself (not inside another layout), so its
        # wrapped labels are given the height they need at the width they get.
        self.column = QWidget(self)
        self.column.setMaximumWidth(COLUMN_WIDTH + 2 * PAGE_MARGIN)
        layout = QVBoxLayout(self.column)
        layout.setContentsMargins(PAGE_MARGIN, 24, PAGE_MARGIN, 40)
        layout.setSpacing(PART_SPACING)
        self.setWidget(self.column)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        custom = extensions.pages.get(section)
        if custom is not None:
            whole_page = custom(controller, section, self.column)
            self._add(layout, whole_page)
            # A whole page that builds the generic forms and lists itself shows them here too.
            self.forms.update(getattr(whole_page, "forms", {}))
            self.lists.update(getattr(whole_page, "lists", {}))
            layout.addStretch(1)
            return

        top = QVBoxLayout()
        top.setSpacing(8)
        self.heading = intro_label(section.label, self.column)
        self.heading.setFont(heading_font(self.column, 1.6))
        self.heading.setAccessibleName(section.label)
        top.addWidget(self.heading)
        top.addWidget(intro_label(_(STEP_INTROS[section]), self.column))
        layout.addLayout(top)

        for factory in extensions.panels_for(section, Where.TOP):
            self._add(layout, factory(controller, section, self.column))
        for spec in parts_of(section):
            if spec.is_list:
                editor = ListEditor(controller, section, spec, self.column)
                self.lists[spec.key] = editor
                self._add(layout, editor)
            else:
                # A part named as its step (What matters to me) needs no second heading:
                # the step's own words introduce it.
                alone = spec.title.casefold() == section.label.casefold()
                form = PartForm(controller, section, spec, self.column, show_title=not alone)
                self.forms[spec.key] = form
                self._add(layout, form)
        for factory in extensions.panels_for(section, Where.BOTTOM):
            self._add(layout, factory(controller, section, self.column))
        notes = PART_SPECS.get(NOTES_KEY)
        if notes is not None:
            editor = ListEditor(
                controller, section, notes, self.column, fixed={"section": section.value}
            )
            self.lists[NOTES_KEY] = editor
            self._add(layout, editor)
        layout.addStretch(1)

    def _add(self, layout: QVBoxLayout, panel: StepPanel) -> None:
        self.panels.append(panel)
        layout.addWidget(panel)

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        for panel in self.panels:
            panel.refresh(overview, refresh)

    def flush(self) -> None:
        for panel in self.panels:
            panel.flush()

    def panel(self, kind: type[StepPanel]) -> StepPanel | None:
        """The first panel of a kind on this page (for tests and for other panels)."""
        return next((panel for panel in self.panels if isinstance(panel, kind)), None)
