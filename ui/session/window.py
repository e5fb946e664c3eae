"""The guided session window: the eight steps on the left, the chosen step's page on the right.

Every answer is saved as it is given; closing the window saves whatever is
still being typed first. The step list shows, in words, which steps have
something written. Reopening the plan goes back to the step the session was
last on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.people_model import display_name
from ui.qt import (
    QAction,
    QCloseEvent,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QObject,
    QPushButton,
    QStackedWidget,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.session.agreement import plan_status_text
from ui.session.controller import SessionController
from ui.session.extensions import default_extensions
from ui.session.pages import StepExtensions, StepPage
from ui.session.targets import Refresh
from ui.session.undo import PlanCommand
from ui.style import ACCENT, TEXT, fit_to_screen, heading_font
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _

if TYPE_CHECKING:
    from ui.session.services import SessionServices
    from vocplan.services.plans import PlanOverview

SESSION_STYLE = f"""
QLineEdit {{ padding: 3px 6px; }}
QListWidget#stepsList {{ background: transparent; }}
QListWidget#stepsList::item {{ padding: 7px 8px; border-radius: 4px; color: {TEXT}; }}
QListWidget#stepsList::item:hover {{ background: #e2e8e5; }}
QListWidget#stepsList::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QListWidget::item:selected:!active {{ background: #d9e5e3; color: {TEXT}; }}
QToolButton#moreButton {{
    color: {ACCENT}; text-decoration: underline; border: none; padding: 2px 4px;
}}
"""
"""Looks shared by the session's pages and dialogs (the calm palette is the app's)."""

HAS_SOMETHING_MARK = "✓"
EMPTY_MARK = "○"
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
STEPS = tuple(PlanSection)


class SessionWindow(QMainWindow):
    closed = Signal(int)
    """Emitted with the person's id once the window has saved everything and closed."""

    def __init__(
        self,
        services: SessionServices,
        overview: PlanOverview,
        parent: QWidget | None = None,
        *,
        extensions: StepExtensions | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Plan — VocPlan"))
        self.setStyleSheet(SESSION_STYLE)
        fit_to_screen(self, 1200, 780)
        self.setMinimumSize(900, 560)
        self.person_id = overview.person.id
        self.controller = SessionController(services, overview, self)
        self.extensions = extensions if extensions is not None else default_extensions()
        self.pages: dict[PlanSection, StepPage] = {}
        self._stale: dict[PlanSection, Refresh] = {}
        self._remembered = overview.last_section
        self.current_section = overview.last_section

        self._build_actions()
        self._build_menus()
        self.setCentralWidget(self._build_body())
        self.controller.overview_changed.connect(self._overview_changed)
        self.controller.status.connect(self.show_status)
        self.controller.history_moved.connect(self._history_moved)
        self.controller.flush_requested.connect(self.flush)
        self.controller.step_requested.connect(self.go_to)
        stack = self.controller.undo_stack
        stack.indexChanged.connect(self._update_history_actions)
        stack.cleanChanged.connect(self._update_history_actions)
        self._update_history_actions()

        self._show_overview(overview)
        self.go_to(overview.last_section, remember=False)
        self.steps_list.setFocus()

    # --- building ----------------------------------------------------------------

    def _build_actions(self) -> None:
        self.undo_action = QAction(_("Undo"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(_("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)

        self.back_action = QAction(_("&Back"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        self.next_action = QAction(_("&Next"), self)
        self.next_action.setShortcut(QKeySequence("Alt+Right"))
        self.next_action.triggered.connect(self.go_next)

        self.step_actions: list[QAction] = []
        for number, section in enumerate(STEPS, start=1):
            action = QAction(_("{number}. {step}").format(number=number, step=section.label), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, step=section: self.go_to(step))
            self.step_actions.append(action)

        self.close_action = QAction(_("&Close the plan"), self)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        for action in (
            self.undo_action,
            self.redo_action,
            self.back_action,
            self.next_action,
            *self.step_actions,
            self.close_action,
        ):
            self.addAction(action)

    def _build_menus(self) -> None:
        plan_menu = self.menuBar().addMenu(_("&Plan"))
        plan_menu.addAction(self.close_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        go_menu = self.menuBar().addMenu(_("&Go"))
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.next_action)
        go_menu.addSeparator()
        for action in self.step_actions:
            go_menu.addAction(action)

    def _build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget(body)
        header.setObjectName("sessionHeader")
        header.setStyleSheet(
            "#sessionHeader { background: #ffffff; border-bottom: 1px solid #d5dbd8; }"
        )
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(24, 14, 24, 14)
        header_row.setSpacing(16)
        names = QVBoxLayout()
        names.setSpacing(2)
        self.name_label = QLabel(header)
        self.name_label.setFont(heading_font(header, 1.45))
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plan_state_label = QLabel(header)
        self.plan_state_label.setTextFormat(Qt.TextFormat.PlainText)
        names.addWidget(self.name_label)
        names.addWidget(self.plan_state_label)
        header_row.addLayout(names, 1)
        self.undo_button = self._tool_button(self.undo_action, header)
        self.redo_button = self._tool_button(self.redo_action, header)
        header_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header_row.addWidget(self.redo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(header)

        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        steps_panel = QWidget(body)
        steps_panel.setObjectName("stepsPanel")
        steps_panel.setStyleSheet(
            "#stepsPanel { background: #eef1ef; border-right: 1px solid #d5dbd8; }"
        )
        steps_panel.setFixedWidth(270)
        steps_layout = QVBoxLayout(steps_panel)
        steps_layout.setContentsMargins(14, 18, 10, 12)
        steps_layout.setSpacing(8)
        steps_label = QLabel(_("&Steps"), steps_panel)
        steps_label.setFont(heading_font(steps_panel, 1.05))
        self.steps_list = QListWidget(steps_panel)
        self.steps_list.setAccessibleName(_("Steps of the plan"))
        self.steps_list.setAccessibleDescription(
            _("Choose a step to go to it. Ctrl and a number from 1 to 8 also go to a step.")
        )
        self.steps_list.setObjectName("stepsList")
        self.steps_list.setFrameShape(QFrame.Shape.NoFrame)
        self.steps_list.setSpacing(2)
        self.steps_list.setWordWrap(True)
        steps_label.setBuddy(self.steps_list)
        for number, section in enumerate(STEPS, start=1):
            item = QListWidgetItem(self.steps_list)
            item.setData(SECTION_ROLE, section.value)
            item.setToolTip(_("Go to step {number} (Ctrl+{number})").format(number=number))
        self.steps_list.currentItemChanged.connect(self._step_chosen)
        self.steps_list.installEventFilter(self)
        steps_layout.addWidget(steps_label)
        steps_layout.addWidget(self.steps_list, 1)
        middle.addWidget(steps_panel)

        self.page_stack = QStackedWidget(body)
        middle.addWidget(self.page_stack, 1)
        layout.addLayout(middle, 1)

        footer = QWidget(body)
        footer.setObjectName("sessionFooter")
        footer.setStyleSheet(
            "#sessionFooter { background: #ffffff; border-top: 1px solid #d5dbd8; }"
        )
        footer_row = QHBoxLayout(footer)
        footer_row.setContentsMargins(24, 10, 24, 10)
        footer_row.setSpacing(16)
        self.back_button = QPushButton(_("Back"), footer)
        self.back_button.setAccessibleName(_("Back to the step before"))
        self.back_button.setToolTip(_("Back (Alt+Left)"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(_("Next"), footer)
        self.next_button.setAccessibleName(_("Next step"))
        self.next_button.setToolTip(_("Next (Alt+Right)"))
        self.next_button.clicked.connect(self.go_next)
        for button in (self.back_button, self.next_button):
            button.setMinimumSize(120, 36)
            button.installEventFilter(self)
        self.status_label = QLabel(footer)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(_("What happened last"))
        footer_row.addWidget(self.back_button)
        footer_row.addWidget(self.status_label, 1)
        footer_row.addWidget(self.next_button)
        layout.addWidget(footer)
        return body

    def _tool_button(self, action: QAction, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(32)
        return button

    # --- moving between steps -----------------------------------------------------

    def go_to(self, section: PlanSection, *, remember: bool = True) -> None:
        """Show a step (saving what is being typed on the step being left)."""
        section = PlanSection(section)
        leaving = self.pages.get(self.current_section)
        if leaving is not None and section is not self.current_section:
            leaving.flush()
        page = self._page(section)
        pending = self._stale.pop(section, None)
        if pending is not None:
            page.refresh(self.controller.overview, pending)
        changed = section is not self.current_section or self.page_stack.currentWidget() is not page
        self.current_section = section
        self.page_stack.setCurrentWidget(page)
        if changed:
            page.verticalScrollBar().setValue(0)
        row = STEPS.index(section)
        if self.steps_list.currentRow() != row:
            self.steps_list.blockSignals(True)
            self.steps_list.setCurrentRow(row)
            self.steps_list.blockSignals(False)
        self.back_action.setEnabled(row > 0)
        self.next_action.setEnabled(row < len(STEPS) - 1)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(STEPS) - 1)
        if remember and section is not self._remembered:
            try:
                self.controller.services.remember_section(section)
            except VocPlanError as problem:
                self.show_status(str(problem))
            else:
                self._remembered = section

    def go_next(self) -> None:
        row = STEPS.index(self.current_section)
        if row < len(STEPS) - 1:
            self.go_to(STEPS[row + 1])

    def go_back(self) -> None:
        row = STEPS.index(self.current_section)
        if row > 0:
            self.go_to(STEPS[row - 1])

    def page(self, section: PlanSection) -> StepPage:
        """A step's page (built the first time it is asked for)."""
        return self._page(section)

    def _page(self, section: PlanSection) -> StepPage:
        page = self.pages.get(section)
        if page is None:
            page = StepPage(self.controller, section, self.extensions, self.page_stack)
            self.pages[section] = page
            self.page_stack.addWidget(page)
            page.refresh(self.controller.overview, Refresh())
        return page

    def _step_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.go_to(PlanSection(item.data(SECTION_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Page Up and Page Down change step from the step list and the Back and Next buttons.

        On the page itself they scroll, as everywhere else.
        """
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched in (self.steps_list, self.back_button, self.next_button)
        ):
            if event.key() == Qt.Key.Key_PageDown:
                self.go_next()
                return True
            if event.key() == Qt.Key.Key_PageUp:
                self.go_back()
                return True
        return super().eventFilter(watched, event)

    # --- showing the saved plan ---------------------------------------------------

    def _overview_changed(self, overview: PlanOverview, refresh: Refresh) -> None:
        self._show_overview(overview)
        current = self.pages.get(self.current_section)
        if current is not None:
            current.refresh(overview, refresh)
        for section in self.pages:
            if section is not self.current_section:
                earlier = self._stale.get(section)
                keep = earlier is not None and earlier.from_history and not refresh.from_history
                self._stale[section] = earlier if keep and earlier is not None else refresh

    def _show_overview(self, overview: PlanOverview) -> None:
        person = overview.person
        name = display_name(person)
        if person.is_demo:
            name = _("{name} (demo)").format(name=name)
        self.name_label.setText(name)
        self.plan_state_label.setText(plan_status_text(overview))
        for row, section in enumerate(STEPS):
            item = self.steps_list.item(row)
            filled = section in overview.sections_with_content
            state = _("Something written") if filled else _("Nothing yet")
            mark = HAS_SOMETHING_MARK if filled else EMPTY_MARK
            number = row + 1
            item.setText(
                _("{number}. {step}").format(number=number, step=section.label)
                + f"\n{mark} {state}"
            )
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("Step {number}, {step}: {state}").format(
                    number=number, step=section.label, state=state
                ),
            )

    def step_states(self) -> list[tuple[PlanSection, bool]]:
        """Each step in order, and whether the list shows it has something in it."""
        return [
            (section, HAS_SOMETHING_MARK in self.steps_list.item(row).text())
            for row, section in enumerate(STEPS)
        ]

    def show_status(self, message: str) -> None:
        self.status_label.setText(message)

    # --- undo and redo --------------------------------------------------------------

    def undo(self) -> None:
        self.flush()  # what is being typed becomes a change first, so it is what is undone
        if self.controller.undo_stack.canUndo():
            self.controller.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        if self.controller.undo_stack.canRedo():
            self.controller.undo_stack.redo()

    def _history_moved(self, section: PlanSection) -> None:
        if section is not self.current_section:
            self.go_to(section)

    def _update_history_actions(self) -> None:
        stack = self.controller.undo_stack
        index = stack.index()
        undo_command = stack.command(index - 1) if index > 0 else None
        redo_command = stack.command(index) if index < stack.count() else None
        self.undo_action.setEnabled(undo_command is not None)
        self.redo_action.setEnabled(redo_command is not None)
        self.undo_action.setText(
            undo_command.undo_text if isinstance(undo_command, PlanCommand) else _("Undo")
        )
        self.redo_action.setText(
            redo_command.redo_text if isinstance(redo_command, PlanCommand) else _("Redo")
        )
        for action, button in (
            (self.undo_action, self.undo_button),
            (self.redo_action, self.redo_button),
        ):
            button.setAccessibleName(action.text())
        self.undo_action.setToolTip(_("{action} (Ctrl+Z)").format(action=self.undo_action.text()))
        self.redo_action.setToolTip(
            _("{action} (Ctrl+Shift+Z)").format(action=self.redo_action.text())
        )

    # --- closing -------------------------------------------------------------------

    def flush(self) -> None:
        """Save whatever is still being typed, on every page."""
        for page in list(self.pages.values()):
            page.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit(self.person_id)
