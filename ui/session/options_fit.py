"""Step 4, "Options": how well each option fits what the person said matters, and why.

Each option gets a short card: a count ("Meets 4 of the 5 things I said
matter."), never a score, and the reasons grouped under "Fits", "Does not
fit" and "Not known yet", each with a symbol and words so nothing is shown
by colour alone. Options keep the person's own order; a course, training or
volunteering is shown exactly as a job is. The person can tick two to four
options and compare them side by side in a table. The fit itself is worked
out by the core (``vocplan.services.fit``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QResizeEvent,
    QShowEvent,
    QSizePolicy,
    QStyleOptionViewItem,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.rich_delegate import AnyIndex, RichTextDelegate
from ui.session.fields import ERROR_STYLE, INPUT_HEIGHT, ITEM_DATA, WARNING_SIGN
from ui.session.lists import item_title
from ui.session.panels import StepPanel, intro_label, muted_label, part_heading
from ui.style import ACCENT, MUTED_TEXT, TEXT, fit_to_screen, heading_font
from vocplan.domain.enums import ActivityKind
from vocplan.domain.errors import ValidationError
from vocplan.formatting import choice_label
from vocplan.i18n import _, ngettext
from vocplan.plan_fields import PART_SPECS
from vocplan.services.fit import (
    MAX_COMPARED,
    MIN_COMPARED,
    ComparisonTable,
    Fit,
    FitStatus,
    compare_options,
    option_fit,
)

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview

OPTIONS_KEY = "options"
PREFERENCES_KEY = "preferences"

STATUS_SYMBOLS: dict[FitStatus, str] = {
    FitStatus.MEETS: "✓",
    FitStatus.MISSES: "✗",
    FitStatus.UNKNOWN: "?",
}
"""A symbol beside each status word, so a status is never shown by colour alone."""
STATUS_COLOURS: dict[FitStatus, str] = {
    FitStatus.MEETS: ACCENT,
    FitStatus.MISSES: "#8a3a1a",
    FitStatus.UNKNOWN: MUTED_TEXT,
}
"""Quiet colours for the status headings: extra help only, the words say it all."""
GROUP_ORDER = (FitStatus.MEETS, FitStatus.MISSES, FitStatus.UNKNOWN)
CARD_STYLE = "#fitCard { background: #ffffff; border: 1px solid #d5dbd8; border-radius: 4px; }"
MIN_COLUMN_WIDTH = 180
"""The narrowest a column of the comparison gets; past that, the table scrolls sideways."""
HEADER_PADDING = 8
STATUS_ROLE = Qt.ItemDataRole.UserRole + 11
REASON_ROLE = Qt.ItemDataRole.UserRole + 12


# --- plain helpers -----------------------------------------------------------------------


def status_text(status: FitStatus) -> str:
    """The status in words with its symbol, for example "✓ Fits"."""
    return f"{STATUS_SYMBOLS[status]} {status.label}"


def fit_groups(fit: Fit) -> list[tuple[FitStatus, tuple[str, ...]]]:
    """The reasons grouped as fits, does not fit and not known yet; empty groups left out."""
    groups = []
    for status in GROUP_ORDER:
        texts = tuple(reason.text for reason in fit.reasons if reason.status == status)
        if texts:
            groups.append((status, texts))
    return groups


def compare_hint(ticked: int) -> str:
    """What is ticked so far in "Compare options side by side", and what to do next."""
    if ticked == 0:
        return _("Nothing ticked yet.")
    if ticked < MIN_COMPARED:
        return _("1 option ticked. Tick at least one more to compare.")
    if ticked > MAX_COMPARED:
        return ngettext(
            "{count} option ticked. You can compare up to four at a time.",
            "{count} options ticked. You can compare up to four at a time.",
            ticked,
        ).format(count=ticked)
    return ngettext(
        "{count} option ticked. Press Compare to see it side by side.",
        "{count} options ticked. Press Compare to see them side by side.",
        ticked,
    ).format(count=ticked)


def compare_problem(ticked: int) -> str | None:
    """What to do when Compare is pressed with too few or too many ticked; None if fine."""
    if ticked == 0:
        return _("Tick two, three or four options first, then press Compare.")
    if ticked < MIN_COMPARED:
        return _("Tick at least one more option: it takes two to compare.")
    if ticked > MAX_COMPARED:
        return ngettext(
            "You have ticked {count} option. Compare up to four at a time: untick one or more.",
            "You have ticked {count} options. Compare up to four at a time: untick one or more.",
            ticked,
        ).format(count=ticked)
    return None


def can_compare(ticked: int) -> bool:
    return MIN_COMPARED <= ticked <= MAX_COMPARED


def wrap_words(text: str, width: int, measure: Callable[[str], int]) -> str:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` tells), at spaces.

    A word wider than ``width`` on its own keeps a line to itself.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and measure(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def option_title(option: dict[str, Any], document: dict[str, Any]) -> str:
    return item_title(PART_SPECS[OPTIONS_KEY], option, document)


def option_kind(option: dict[str, Any]) -> str:
    kind = option.get("kind")
    return choice_label(ActivityKind, kind) if kind else ""


def fit_html(fit: Fit) -> str:
    """The reasons as rich text: a status heading (symbol and words), then its reasons."""
    parts = []
    for status, texts in fit_groups(fit):
        colour = STATUS_COLOURS[status]
        parts.append(
            f'<p style="margin-top: 8px; margin-bottom: 2px; color: {colour};">'
            f"<b>{html.escape(status_text(status))}</b></p>"
        )
        items = "".join(
            f'<li style="margin-bottom: 2px; color: {TEXT};">{html.escape(text)}</li>'
            for text in texts
        )
        parts.append(f'<ul style="margin-top: 0px; margin-bottom: 0px;">{items}</ul>')
    return "".join(parts)


def fit_plain_text(fit: Fit) -> str:
    """The same as ``fit_html`` in plain words, for screen readers."""
    lines = [fit.summary]
    for status, texts in fit_groups(fit):
        lines.append(status.label + ": " + " ".join(texts))
    return "\n".join(lines)


# --- one option's card ---------------------------------------------------------------------


class OptionFitCard(QFrame):
    """One option: its name and kind, the count, and the reasons grouped by status."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fitCard")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(2)
        self.title_label = intro_label("", self)
        self.title_label.setStyleSheet("font-weight: 600;")
        self.kind_label = muted_label("", self)
        self.summary_label = intro_label("", self)
        self.summary_label.setContentsMargins(0, 6, 0, 0)
        self.reasons_label = QLabel(self)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title_label, self.kind_label, self.summary_label, self.reasons_label):
            layout.addWidget(label)
        self.fit: Fit | None = None

    def show_fit(self, title: str, kind: str, fit: Fit) -> None:
        self.fit = fit
        self.title_label.setText(title)
        self.kind_label.setText(kind)
        self.kind_label.setVisible(bool(kind))
        self.summary_label.setText(fit.summary)
        self.reasons_label.setText(fit_html(fit))
        self.reasons_label.setVisible(bool(fit.reasons))
        self.reasons_label.setAccessibleName(
            _("How well {option} fits").format(option=title) if title else ""
        )
        self.reasons_label.setAccessibleDescription(fit_plain_text(fit))

    def reasons_text(self) -> str:
        """The reasons as shown, in plain words (for tests and screen readers)."""
        return fit_plain_text(self.fit) if self.fit is not None else ""


# --- the panel on step 4 ---------------------------------------------------------------------


class OptionsFitPanel(StepPanel):
    """How well each option fits, then "Compare options side by side"."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        self.cards: list[OptionFitCard] = []
        self.comparison_dialog: ComparisonDialog | None = None
        self._listed: list[tuple[str, str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        top = QVBoxLayout()
        top.setSpacing(4)
        top.addWidget(part_heading(_("How well each option fits what I said matters"), self))
        top.addWidget(
            intro_label(
                _(
                    "Each option is checked against what you said matters in step 2. "
                    "This does not decide anything: you do."
                ),
                self,
            )
        )
        layout.addLayout(top)
        self.empty_label = muted_label(
            _("When you add an option, you will see here how well it fits."), self
        )
        layout.addWidget(self.empty_label)

        self.check_label = QLabel(self)
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setStyleSheet(
            "background: #eef2f0; border-radius: 4px; padding: 8px 12px;"
        )

        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        layout.addLayout(self.cards_box)
        layout.addWidget(self.check_label)

        # Compare options side by side.
        self.compare_box = QWidget(self)
        compare = QVBoxLayout(self.compare_box)
        compare.setContentsMargins(0, 26, 0, 0)
        compare.setSpacing(8)
        heading = part_heading(_("Compare options side by side"), self.compare_box)
        compare.addWidget(heading)
        compare.addWidget(
            intro_label(_("Tick two, three or four options, then press Compare."), self.compare_box)
        )
        self.compare_list = QListWidget(self.compare_box)
        self.compare_list.setAccessibleName(_("Options to compare"))
        self.compare_list.setAccessibleDescription(
            _("Tick two, three or four options with the Space key, then press Compare.")
        )
        self.compare_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.compare_list.setMaximumWidth(560)
        self.compare_list.setTabKeyNavigation(False)
        self.compare_list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.compare_list.itemChanged.connect(self._ticks_changed)
        heading.setBuddy(self.compare_list)
        compare.addWidget(self.compare_list)
        self.hint_label = intro_label("", self.compare_box)
        self.hint_label.setAccessibleName(_("What to do to compare"))
        compare.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        self.compare_button = QPushButton(_("Compare"), self.compare_box)
        self.compare_button.setAccessibleName(_("Compare the ticked options side by side"))
        self.compare_button.setMinimumHeight(INPUT_HEIGHT + 4)
        self.compare_button.setMinimumWidth(140)
        self.compare_button.clicked.connect(self.compare)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        compare.addLayout(buttons)
        layout.addWidget(self.compare_box)
        self._warned = False

    # --- showing the saved plan -----------------------------------------------------

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        document = overview.document
        options = [item for item in document.get(OPTIONS_KEY) or [] if isinstance(item, dict)]
        preferences = document.get(PREFERENCES_KEY) or {}
        fits = [option_fit(preferences, option) for option in options]

        self.empty_label.setVisible(not options)
        to_check = fits[0].to_check if fits else ()
        self.check_label.setVisible(bool(to_check))
        if to_check:
            items = "".join(f"<li>{html.escape(text)}</li>" for text in to_check)
            self.check_label.setText(
                f"<p style='margin-bottom: 4px;'><b>"
                f"{html.escape(_('Things to check for each option'))}</b></p>"
                f"<ul style='margin-top: 0px; margin-bottom: 0px;'>{items}</ul>"
            )
            self.check_label.setAccessibleName(_("Things to check for each option"))
            self.check_label.setAccessibleDescription(" ".join(to_check))

        while len(self.cards) < len(options):
            card = OptionFitCard(self)
            self.cards.append(card)
            self.cards_box.addWidget(card)
            card.show()  # now, not after the next event loop turn
        while len(self.cards) > len(options):
            card = self.cards.pop()
            self.cards_box.removeWidget(card)
            card.hide()  # until it is deleted, it would show where it was
            card.deleteLater()
        for card, option, fit in zip(self.cards, options, fits, strict=True):
            card.show_fit(option_title(option, document), option_kind(option), fit)

        self._list_options(options, document)

    def _list_options(self, options: list[dict[str, Any]], document: dict[str, Any]) -> None:
        """The options to tick for comparing, in the person's order, keeping what is ticked."""
        listed = [
            (str(option.get("uid") or ""), option_title(option, document), option_kind(option))
            for option in options
        ]
        self.compare_box.setVisible(len(options) >= MIN_COMPARED)
        if listed == self._listed:
            return
        ticked = set(self.ticked_uids())
        current = self.compare_list.currentItem()
        current_uid = current.data(ITEM_DATA) if current is not None else None
        self._listed = listed
        self.compare_list.blockSignals(True)
        try:
            self.compare_list.clear()
            for uid, title, kind in listed:
                text = _("{option} ({kind})").format(option=title, kind=kind) if kind else title
                item = QListWidgetItem(text, self.compare_list)
                item.setData(ITEM_DATA, uid)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(self.checked_state(uid in ticked))
                if uid == current_uid:
                    self.compare_list.setCurrentItem(item)
        finally:
            self.compare_list.blockSignals(False)
        rows = max(self.compare_list.count(), 1)
        row_height = self.compare_list.sizeHintForRow(0) if self.compare_list.count() else 28
        self.compare_list.setFixedHeight(rows * row_height + 2 * self.compare_list.frameWidth() + 4)
        self._ticks_changed()

    @staticmethod
    def checked_state(ticked: bool) -> Qt.CheckState:
        return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked

    def ticked_uids(self) -> list[str]:
        """The uids of the ticked options, in the person's order."""
        found = []
        for row in range(self.compare_list.count()):
            item = self.compare_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(ITEM_DATA)))
        return found

    def _ticks_changed(self) -> None:
        count = len(self.ticked_uids())
        self._warned = self._warned and not can_compare(count)
        self._show_hint(count)

    def _show_hint(self, count: int) -> None:
        problem = compare_problem(count) if self._warned else None
        text = problem or compare_hint(count)
        if problem:
            self.hint_label.setText(f"{WARNING_SIGN} {problem}")
            self.hint_label.setStyleSheet(ERROR_STYLE)
        else:
            self.hint_label.setText(text)
            self.hint_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.compare_button.setAccessibleDescription(text)

    # --- comparing ------------------------------------------------------------------------

    def compare(self) -> None:
        """Show the ticked options side by side, or say plainly what to tick."""
        uids = self.ticked_uids()
        problem = compare_problem(len(uids))
        if problem is not None:
            self._warned = True
            self._show_hint(len(uids))
            self.controller.say(problem)
            self.compare_list.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        document = self.controller.document
        by_uid = {
            str(option.get("uid")): option
            for option in document.get(OPTIONS_KEY) or []
            if isinstance(option, dict)
        }
        options = [by_uid[uid] for uid in uids if uid in by_uid]
        try:
            table = compare_options(document.get(PREFERENCES_KEY) or {}, options)
        except ValidationError as error:
            message = next(iter(error.field_errors.values()), str(error))
            self.hint_label.setText(f"{WARNING_SIGN} {message}")
            self.controller.say(message)
            return
        titles = [option_title(option, document) for option in options]
        dialog = ComparisonDialog(table, titles, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._comparison_closed)
        self.comparison_dialog = dialog
        dialog.open()

    def _comparison_closed(self) -> None:
        self.comparison_dialog = None
        self.compare_button.setFocus(Qt.FocusReason.OtherFocusReason)


# --- the comparison -----------------------------------------------------------------------


class ComparisonDialog(QDialog):
    """Two to four options side by side: a column for each, a row for each thing compared."""

    def __init__(self, table: ComparisonTable, titles: Sequence[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.comparison = table
        self.setWindowTitle(_("Compare options — VocPlan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        heading = QLabel(_("Options side by side"), self)
        heading.setFont(heading_font(self, 1.3))
        layout.addWidget(heading)
        layout.addWidget(
            intro_label(
                _(
                    "Each column is one option, in the order of your list. Each row is "
                    "something you said matters. Use the arrow keys to move around the table."
                ),
                self,
            )
        )

        self.titles = list(titles)
        self.table = QTableWidget(len(table.rows) + 1, len(table.columns), self)
        self.table.setAccessibleName(_("Options side by side"))
        self.table.setAccessibleDescription(
            _("A column for each option and a row for each thing that matters.")
        )
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet(
            "QTableWidget { gridline-color: #d5dbd8; }"
            f"QHeaderView::section {{ background: #eef1ef; padding: 6px {HEADER_PADDING}px;"
            " font-weight: 600;"
            " border: none; border-right: 1px solid #d5dbd8; border-bottom: 1px solid #d5dbd8; }"
            "QTableCornerButton::section { background: #eef1ef; border: none;"
            " border-right: 1px solid #d5dbd8; border-bottom: 1px solid #d5dbd8; }"
        )
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.setItemDelegate(CellDelegate(self.table))
        self._fill()
        layout.addWidget(self.table, 1)

        if table.to_check:
            check = QLabel(self)
            check.setWordWrap(True)
            check.setTextFormat(Qt.TextFormat.PlainText)
            check.setText(
                _("Things to check for each option:")
                + "\n"
                + "\n".join(f"•  {text}" for text in table.to_check)
            )
            check.setStyleSheet("background: #eef2f0; border-radius: 4px; padding: 8px 12px;")
            layout.addWidget(check)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_("Close the comparison"))
        close.setMinimumHeight(INPUT_HEIGHT)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 1060, 720)
        self._fitted = False
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.setCurrentCell(0, 0)

    def _fill(self) -> None:
        table = self.comparison
        row_labels = [_("How well it fits")] + [row.label for row in table.rows]
        self.table.setVerticalHeaderLabels(row_labels)
        for column, (heading, title) in enumerate(zip(table.columns, self.titles, strict=True)):
            header = QTableWidgetItem(self._column_heading(column, MIN_COLUMN_WIDTH))
            header.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                _("{option} ({kind})").format(option=title, kind=heading.kind_label)
                if heading.kind_label
                else title,
            )
            self.table.setHorizontalHeaderItem(column, header)
            self._set_cell(0, column, None, heading.summary, f"{title}: {heading.summary}")
        for row_number, row in enumerate(table.rows, start=1):
            for column, cell in enumerate(row.cells):
                title = self.titles[column]
                spoken = _("{option}, {aspect}: {status}. {reason}").format(
                    option=title, aspect=row.label, status=cell.status.label, reason=cell.text
                )
                self._set_cell(row_number, column, cell.status, cell.text, spoken)

    def _column_heading(self, column: int, width: int) -> str:
        """The option's name, wrapped to the column (headers do not wrap), and its kind."""
        header = self.table.horizontalHeader()
        font = header.font()
        font.setBold(True)
        measure = QFontMetrics(font).horizontalAdvance
        title = wrap_words(self.titles[column], width - 2 * HEADER_PADDING - 8, measure)
        kind = self.comparison.columns[column].kind_label
        return f"{title}\n{kind}" if kind else title

    def _set_cell(
        self, row: int, column: int, status: FitStatus | None, reason: str, spoken: str
    ) -> None:
        shown = f"{status_text(status)}\n{reason}" if status is not None else reason
        item = QTableWidgetItem(shown)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(STATUS_ROLE, status.value if status is not None else None)
        item.setData(REASON_ROLE, reason)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        self.table.setItem(row, column, item)

    def _size_columns(self) -> None:
        """Share the width between the options; below the narrowest, scroll sideways."""
        count = self.table.columnCount()
        if not count:
            return
        width = max(MIN_COLUMN_WIDTH, self.table.viewport().width() // count)
        header = self.table.horizontalHeader()
        for column in range(count):
            header.resizeSection(column, width)
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setText(self._column_heading(column, width))
        self.table.resizeRowsToContents()

    def _fit_height(self) -> None:
        """No empty space under a short table: the dialog is only as tall as it needs."""
        rows = self.table.verticalHeader().length()
        needed = rows + self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        if self.table.horizontalScrollBar().isVisible():
            needed += self.table.horizontalScrollBar().height()
        spare = self.table.height() - needed
        if spare > 0:
            self.resize(self.width(), self.height() - spare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_columns()
        if not self._fitted:
            self._fitted = True
            self._fit_height()

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def column_titles(self) -> list[str]:
        return list(self.titles)

    def row_labels(self) -> list[str]:
        labels = []
        for row in range(self.table.rowCount()):
            item = self.table.verticalHeaderItem(row)
            labels.append(item.text() if item is not None else "")
        return labels


class CellDelegate(RichTextDelegate):
    """A cell of the comparison: the status in bold (symbol and words), the reason under it."""

    PADDING_X = 10
    PADDING_Y = 8

    def entry_html(self, index: AnyIndex, strong: bool) -> str:
        reason = html.escape(str(index.data(REASON_ROLE) or ""))
        status_value = index.data(STATUS_ROLE)
        body = ""
        if status_value:
            status = FitStatus(status_value)
            colour = "#ffffff" if strong else STATUS_COLOURS[status]
            body += (
                f'<div style="color: {colour}; font-weight: 600;">'
                f"{html.escape(status_text(status))}</div>"
            )
        return body + f'<div style="color: {"#ffffff" if strong else TEXT};">{reason}</div>'

    def text_width(self, option: QStyleOptionViewItem, index: AnyIndex) -> int:
        # The width the cell is drawn in: the column less its grid line.
        return self.view.visualRect(index).width()
