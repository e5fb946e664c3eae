"""Step 5, Money: "Who lives with me", a partner and children, for the benefits figures.

The money part keeps the household as structured answers: ``money.partner``
(``None``, or the partner's answers) and ``money.children`` (a list). Their
questions are described in ``vocplan.services.household``, which also checks
them whenever they are saved. Each answer here is saved at once through the
controller as the whole partner or the whole list of children, so one answer
is one undoable change; what cannot be saved gets its message at the field
and stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.session.fields import INPUT_HEIGHT, FieldRow
from ui.session.panels import (
    ROW_SPACING,
    StepPanel,
    intro_label,
    muted_label,
    part_heading,
    row_focus_widgets,
    tab_before,
)
from ui.session.services import NO_EMPTY, FieldFacts
from ui.session.targets import Refresh, Target
from ui.session.values import same_value
from vocplan.domain.enums import ChildDisability
from vocplan.i18n import _
from vocplan.plan_fields import FieldSpec
from vocplan.services.household import (
    BORN_BEFORE_KEY,
    CHILD_FIELDS,
    CHILDREN_KEY,
    HAS_PARTNER,
    PARTNER_FIELDS,
    PARTNER_KEY,
    birth_question_for,
    born_answer,
    born_choice,
    new_child,
    new_partner,
)

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview

MONEY_KEY = "money"
CARD_STYLE = "#{name} {{ background: #ffffff; border: 1px solid #d5dbd8; border-radius: 4px; }}"
NO_ANSWER = FieldFacts(empty=None, default=None)
ALWAYS_ANSWERED = FieldFacts(empty=NO_EMPTY, default=ChildDisability.NONE.value)


def _facts(spec: FieldSpec) -> FieldFacts:
    """The disabled child addition always has an answer ("none"); the rest may be unknown."""
    return ALWAYS_ANSWERED if spec.name == "disability" else NO_ANSWER


def _card(name: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName(name)
    card.setStyleSheet(CARD_STYLE.format(name=name))
    layout = QVBoxLayout(card)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(14)
    return card, layout


def _bold(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: 600;")
    return label


class HouseholdPanel(StepPanel):
    """Who lives with me: a partner (with their questions) and a list of children."""

    def __init__(
        self,
        controller: SessionController,
        section: PlanSection,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(controller, section, parent)
        self.today = today
        self.target = Target(MONEY_KEY)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_SPACING)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(part_heading(_("Who lives with me"), self))
        words.addWidget(
            intro_label(
                _(
                    "A partner or children living with me change what Universal Credit pays, "
                    "so they count in the figures too."
                ),
                self,
            )
        )
        layout.addLayout(words)

        services = controller.services
        self.partner_check = FieldRow(HAS_PARTNER, NO_ANSWER, self, services=services)
        self.partner_check.commit_requested.connect(self.tick_partner)
        layout.addWidget(self.partner_check)

        self.partner_card, card = _card("partnerCard", self)
        self.partner_card.setAccessibleName(_("My partner"))
        card.addWidget(_bold(_("My partner"), self.partner_card))
        self.partner_rows: dict[str, FieldRow] = {}
        for spec in PARTNER_FIELDS:
            row = FieldRow(spec, _facts(spec), self.partner_card, services=services)
            row.commit_requested.connect(self.save_partner_answer)
            self.partner_rows[spec.name] = row
            card.addWidget(row)
        layout.addWidget(self.partner_card)

        children = QVBoxLayout()
        children.setSpacing(10)
        children.addWidget(_bold(_("Children who live with me"), self))
        self.no_children_label = muted_label(_("No children added."), self)
        children.addWidget(self.no_children_label)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        children.addLayout(self.cards_box)
        self.add_child_button = QPushButton(_("Add a child"), self)
        self.add_child_button.setAccessibleName(_("Add a child who lives with me"))
        self.add_child_button.setToolTip(
            _("Add a child or young person who lives with you, then type their age.")
        )
        self.add_child_button.setMinimumHeight(INPUT_HEIGHT)
        self.add_child_button.clicked.connect(self.add_child)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_child_button)
        add_row.addStretch(1)
        children.addLayout(add_row)
        layout.addLayout(children)
        self.child_cards: list[ChildCard] = []

    # --- what is saved ------------------------------------------------------------

    def saved_money(self) -> dict[str, Any]:
        money = self.controller.document.get(MONEY_KEY)
        return money if isinstance(money, dict) else {}

    def saved_partner(self) -> dict[str, Any] | None:
        partner = self.saved_money().get(PARTNER_KEY)
        return dict(partner) if isinstance(partner, dict) else None

    def saved_children(self) -> list[dict[str, Any]]:
        children = self.saved_money().get(CHILDREN_KEY)
        return [dict(child) for child in children] if isinstance(children, list) else []

    # --- showing it -----------------------------------------------------------------

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        document = overview.document
        force = refresh.from_history and refresh.target == self.target
        partner = self.saved_partner()
        self.partner_check.show_saved(partner is not None, document, force)
        self.partner_card.setVisible(partner is not None)
        for name, row in self.partner_rows.items():
            # With no partner, nothing half typed about one is kept for the next.
            row.show_saved((partner or {}).get(name), document, force or partner is None)
        self.partner_rows["lcwra_rate"].setVisible(bool((partner or {}).get("lcwra")))

        children = self.saved_children()
        if len(children) != len(self.child_cards):
            self._build_cards(len(children))
        asked = birth_question_for(children, self.today())
        for index, (card, child) in enumerate(zip(self.child_cards, children, strict=True)):
            card.show_saved(child, document, force, ask_birth=index == asked)
        self.no_children_label.setVisible(not children)

    def _build_cards(self, count: int) -> None:
        """A card for each child. Cards are added at the end, keeping what is typed in the
        others; after a removal every card is made again, numbered afresh."""
        if count < len(self.child_cards):
            for card in self.child_cards:
                self.cards_box.removeWidget(card)
                card.hide()
                card.deleteLater()
            self.child_cards = []
        for index in range(len(self.child_cards), count):
            card = ChildCard(index, self)
            card.answer_given.connect(self.save_child_answer)
            card.remove_button.clicked.connect(lambda _c=False, at=index: self.remove_child(at))
            self.cards_box.addWidget(card)
            self.child_cards.append(card)
            tab_before(card.focus_widgets(), self.add_child_button)

    # --- saving ---------------------------------------------------------------------

    def _save(self, changes: dict[str, Any], label: str, row: FieldRow | None) -> dict[str, str]:
        return self.controller.save_fields(
            self.target,
            changes,
            section=self.section,
            label=label,
            merge_key=row.merge_key if row is not None else None,
        )

    def _refuse(self, row: FieldRow, message: str) -> None:
        row.show_error(message)
        self.controller.say(_("Not saved: {problem}").format(problem=message))

    def tick_partner(self, row: FieldRow) -> None:
        """Living with a partner or not: a partner with nothing known yet, or none."""
        wanted = bool(row.value())
        if wanted == (self.saved_partner() is not None):
            row.saved()
            return
        errors = self._save(
            {PARTNER_KEY: new_partner() if wanted else None}, HAS_PARTNER.label, row
        )
        if errors:
            row.show_error(next(iter(errors.values())))
            return
        row.saved()
        if wanted:
            self.partner_rows["age"].focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.controller.say(_("Removed — Undo with Ctrl+Z"))

    def save_partner_answer(self, row: FieldRow) -> None:
        spec = row.spec
        try:
            value = row.value()
        except ValueError as problem:
            self._refuse(row, str(problem))
            return
        partner = self.saved_partner()
        if partner is None:
            return
        if same_value(spec.kind, value, partner.get(spec.name)):
            row.saved()
            return
        errors = self._save({PARTNER_KEY: {**partner, spec.name: value}}, spec.label, row)
        if errors:
            row.show_error(errors.get(f"{PARTNER_KEY}.{spec.name}") or next(iter(errors.values())))
        else:
            row.saved()

    def add_child(self) -> None:
        children = self.saved_children()
        errors = self._save(
            {CHILDREN_KEY: [*children, new_child()]}, _("Children who live with me"), None
        )
        if not errors and len(self.child_cards) > len(children):
            age = self.child_cards[len(children)].rows["age"].focus_widget
            QTimer.singleShot(0, lambda: age.setFocus(Qt.FocusReason.OtherFocusReason))

    def remove_child(self, index: int) -> None:
        children = self.saved_children()
        if not 0 <= index < len(children):
            return
        del children[index]
        errors = self._save({CHILDREN_KEY: children}, _("Children who live with me"), None)
        if not errors:
            self.controller.say(_("Removed — Undo with Ctrl+Z"))
            QTimer.singleShot(0, self._focus_after_removing)

    def _focus_after_removing(self) -> None:
        target = self.child_cards[-1].remove_button if self.child_cards else self.add_child_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_child_answer(self, index: int, row: FieldRow) -> None:
        spec = row.spec
        try:
            value = row.value()
        except ValueError as problem:
            self._refuse(row, str(problem))
            return
        if spec.name == BORN_BEFORE_KEY:
            value = born_answer(value)
        children = self.saved_children()
        if not 0 <= index < len(children):
            return
        stored = children[index].get(spec.name)
        if spec.name == BORN_BEFORE_KEY:
            same = value is stored
        else:
            same = same_value(spec.kind, value, stored)
        if same:
            row.saved()
            return
        children[index] = {**children[index], spec.name: value}
        if spec.name == "age":
            # A birth date given for the old age may not fit the new one: asked again if needed.
            children[index][BORN_BEFORE_KEY] = None
        label = _("Child {number}: {answer}").format(number=index + 1, answer=spec.label)
        errors = self._save({CHILDREN_KEY: children}, label, row)
        if errors:
            key = f"{CHILDREN_KEY}[{index}].{spec.name}"
            row.show_error(errors.get(key) or next(iter(errors.values())))
        else:
            row.saved()

    def flush(self) -> None:
        for row in [self.partner_check, *self.partner_rows.values()]:
            row.flush()
        for card in self.child_cards:
            card.flush()


class ChildCard(QFrame):
    """One child: their number, age, disabled child addition and, when it matters, birth date."""

    answer_given = Signal(int, object)
    """(the child's index, the FieldRow whose answer should be saved)."""

    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        number = index + 1
        name = f"childCard{number}"
        self.setObjectName(name)
        self.setStyleSheet(CARD_STYLE.format(name=name))
        title = _("Child {number}").format(number=number)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 14)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(_bold(title, self), 1)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setAccessibleName(_("Remove child {number}").format(number=number))
        self.remove_button.setToolTip(
            _("Remove child {number} (Undo with Ctrl+Z)").format(number=number)
        )
        self.remove_button.setMinimumHeight(INPUT_HEIGHT)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.rows: dict[str, FieldRow] = {}
        for spec in CHILD_FIELDS:
            row = FieldRow(spec, _facts(spec), self)
            answer = _("Child {number}: {answer}").format(number=number, answer=spec.label)
            row.focus_widget.setAccessibleName(answer)
            if row.more_button is not None:
                row.more_button.setAccessibleName(_("More about {field}").format(field=answer))
            row.commit_requested.connect(lambda given, at=index: self.answer_given.emit(at, given))
            self.rows[spec.name] = row
        side_by_side = QHBoxLayout()
        side_by_side.setSpacing(24)
        side_by_side.addWidget(self.rows["age"], 0)
        side_by_side.addWidget(self.rows["disability"], 1)
        layout.addLayout(side_by_side)
        layout.addWidget(self.rows[BORN_BEFORE_KEY])
        self.rows[BORN_BEFORE_KEY].hide()

    def focus_widgets(self) -> list[QWidget]:
        """What takes the keyboard in this card, top to bottom."""
        widgets: list[QWidget] = [self.remove_button]
        for row in self.rows.values():
            widgets += row_focus_widgets(row)
        return widgets

    def show_saved(
        self, child: dict[str, Any], document: dict[str, Any], force: bool, *, ask_birth: bool
    ) -> None:
        for name, row in self.rows.items():
            value = child.get(name)
            if name == BORN_BEFORE_KEY:
                value = born_choice(value)
            row.show_saved(value, document, force)
        born = self.rows[BORN_BEFORE_KEY]
        born.setVisible(ask_birth or born.has_error)

    def flush(self) -> None:
        for row in self.rows.values():
            row.flush()


__all__ = ["ChildCard", "HouseholdPanel"]
