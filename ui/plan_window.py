"""One person's plan at a glance: who, where they are, and what each step holds so far."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ui.people_model import display_name, format_date
from ui.plan_summary import plan_html, section_anchor
from ui.qt import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from ui.style import fit_to_screen, heading_font
from vocplan.domain.enums import PlanSection
from vocplan.i18n import _, ngettext

if TYPE_CHECKING:
    from vocplan.services.plans import PlanOverview

HAS_SOMETHING_MARK = "✓"
EMPTY_MARK = "○"

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanWindow(QWidget):
    def __init__(self, overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Plan — VocPlan"))
        fit_to_screen(self, 1000, 700)
        self.setMinimumSize(640, 480)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)

        self.name_label = QLabel(self)
        self.name_label.setFont(heading_font(self, 1.6))
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.name_label)

        facts = QHBoxLayout()
        facts.setSpacing(40)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(6)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.framework_value = self._fact(left, _("Care plan:"))
        self.status_value = self._fact(left, _("Plan:"))
        self.stage_value = self._fact(left, _("Where they are:"))
        self.review_value = self._fact(right, _("Next review:"))
        self.versions_value = self._fact(right, _("Agreed versions:"))
        facts.addLayout(left)
        facts.addLayout(right)
        facts.addStretch(1)
        layout.addLayout(facts)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        steps_panel = QWidget(splitter)
        steps_layout = QVBoxLayout(steps_panel)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_label = QLabel(_("&Steps of the plan"), steps_panel)
        steps_label.setFont(heading_font(self, 1.1))
        self.steps_list = QListWidget(steps_panel)
        self.steps_list.setAccessibleName(_("Steps of the plan"))
        self.steps_list.setSpacing(3)
        self.steps_list.setMinimumWidth(260)
        steps_label.setBuddy(self.steps_list)
        self.steps_list.currentItemChanged.connect(self._step_chosen)
        steps_layout.addWidget(steps_label)
        steps_layout.addWidget(self.steps_list)

        summary_panel = QWidget(splitter)
        summary_layout = QVBoxLayout(summary_panel)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_label = QLabel(_("What the plan says"), summary_panel)
        summary_label.setFont(heading_font(self, 1.1))
        self.summary = QTextBrowser(summary_panel)
        self.summary.setAccessibleName(_("What the plan says"))
        self.summary.setOpenLinks(False)
        self.summary.document().setDocumentMargin(14)
        summary_label.setBuddy(self.summary)
        summary_layout.addWidget(summary_label)
        summary_layout.addWidget(self.summary)
        splitter.addWidget(steps_panel)
        splitter.addWidget(summary_panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(_("&Close"), self)
        self.close_button.setAccessibleName(_("Close the plan"))
        self.close_button.setMinimumSize(110, 34)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        for sequence in (QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")):
            QShortcut(sequence, self, self.close)

        self.show_overview(overview)
        self.steps_list.setFocus()

    def _fact(self, form: QFormLayout, label_text: str) -> QLabel:
        label = QLabel(label_text, self)
        value = QLabel(self)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, value)
        return value

    def show_overview(self, overview: PlanOverview) -> None:
        person = overview.person
        name = display_name(person)
        if person.is_demo:
            name = _("{name} (demo)").format(name=name)
        self.name_label.setText(name)
        self.framework_value.setText(person.framework.label)
        self.status_value.setText(overview.status.label)
        self.stage_value.setText(
            overview.pathway_stage.label if overview.pathway_stage else _("Not recorded yet")
        )
        self.review_value.setText(format_date(overview.next_review_date) or _("Not set"))
        if overview.versions:
            latest = overview.versions[-1]
            count = len(overview.versions)
            self.versions_value.setText(
                ngettext(
                    "{count} version, last agreed on {date}",
                    "{count} versions, last agreed on {date}",
                    count,
                ).format(count=count, date=format_date(latest.agreed_at))
            )
        else:
            self.versions_value.setText(_("None yet"))

        current = self.steps_list.currentRow()
        self.steps_list.clear()
        for number, section in enumerate(PlanSection, start=1):
            filled = section in overview.sections_with_content
            state = _("Something written") if filled else _("Nothing yet")
            mark = HAS_SOMETHING_MARK if filled else EMPTY_MARK
            item = QListWidgetItem(
                _("{number}. {step}").format(number=number, step=section.label)
                + f"\n    {mark} {state}"
            )
            item.setData(SECTION_ROLE, section.value)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("Step {number}, {step}: {state}").format(
                    number=number, step=section.label, state=state
                ),
            )
            if not filled:
                item.setForeground(self.palette().placeholderText())
            self.steps_list.addItem(item)
        self.summary.setHtml(_document_html(plan_html(overview.document)))
        self.steps_list.setCurrentRow(max(current, 0))

    def step_states(self) -> list[tuple[PlanSection, bool]]:
        """Each step in order, and whether it has something in it."""
        states = []
        for row in range(self.steps_list.count()):
            item = self.steps_list.item(row)
            section = PlanSection(item.data(SECTION_ROLE))
            states.append((section, HAS_SOMETHING_MARK in item.text()))
        return states

    def _step_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.summary.scrollToAnchor(section_anchor(PlanSection(item.data(SECTION_ROLE))))


def _document_html(body: str) -> str:
    style = (
        "h2 { margin-top: 18px; margin-bottom: 6px; } "
        "h3 { margin-top: 10px; margin-bottom: 4px; } "
        "p, li { margin-top: 2px; margin-bottom: 4px; } "
        "blockquote { margin-left: 16px; white-space: pre-wrap; }"
    )
    title = html.escape(_("Plan"))
    head = f"<head><title>{title}</title><style>{style}</style></head>"
    return f"<html>{head}<body>{body}</body></html>"
