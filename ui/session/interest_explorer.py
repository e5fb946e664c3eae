"""Step 2's optional interest explorer: short "is this me?" sentences, and things to talk about.

Closed until the person opens it. Each sentence has three answers (not me,
a bit me, very me) as radio buttons; each answer is saved as it is given,
through the controller, so Undo takes it back. What the person said is shown
as "Things to talk about": the themes they said something to, with their
answers and the kinds of work and study that relate to each theme. It is
never a score or a recommendation. Beside each kind of work or study, "Add
to my interests" adds it to the person's interests: the person chooses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from ui.session.fields import INPUT_HEIGHT
from ui.session.panels import StepPanel, intro_label, muted_label, part_heading
from ui.session.targets import Target
from ui.style import MUTED_TEXT
from vocplan.catalogue import CatalogueKind, entry_for, label_for
from vocplan.domain.errors import ValidationError
from vocplan.i18n import _, ngettext
from vocplan.interest_explorer import (
    INTRODUCTION,
    PROMPTS,
    RESULT_NOTE,
    Answer,
    Prompt,
    Theme,
    ThemeResult,
    answer_choices,
    check_answers,
    prompts_for,
    themes_to_talk_about,
)
from vocplan.plan_fields import PART_SPECS

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview

PREFERENCES_KEY = "preferences"
ANSWERS_FIELD = "interest_explorer"
INTERESTS_FIELD = "interests"
TARGET = Target(PREFERENCES_KEY)
CARD_STYLE = "#talkCard { background: #ffffff; border: 1px solid #d5dbd8; border-radius: 4px; }"
IN_INTERESTS_MARK = "✓"
AREAS_WIDTH = 600
PROMPTS_WIDTH = 680
"""The widest the sentences and their answers get, so each answer stays near its sentence."""


# --- plain helpers ---------------------------------------------------------------------


def known_answers(saved: Any) -> dict[str, int]:
    """The saved answers the explorer knows (a newer version's prompts are left alone)."""
    if not isinstance(saved, dict):
        return {}
    codes = {prompt.code for prompt in PROMPTS}
    return {
        str(code): answer
        for code, answer in saved.items()
        if code in codes and isinstance(answer, int) and not isinstance(answer, bool)
    }


def with_answer(saved: Any, code: str, answer: int) -> dict[str, int]:
    """All the saved answers with ``code`` answered; raises ValidationError for a bad answer."""
    answers = dict(saved) if isinstance(saved, dict) else {}
    check_answers({**known_answers(answers), code: answer})
    answers[code] = answer
    return answers


def areas_by_kind(codes: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """Related catalogue codes as (heading, codes): kinds of work, then courses and study.

    Both are shown in the same way; the catalogue's own order is kept within each.
    """
    groups: dict[CatalogueKind, list[str]] = {kind: [] for kind in CatalogueKind}
    for code in codes:
        entry = entry_for(code)
        kind = entry.kind if entry is not None else CatalogueKind.JOB_FAMILY
        groups[kind].append(code)
    return [(kind.label, found) for kind, found in groups.items() if found]


def answer_label(answer: Answer | int) -> str:
    return dict(answer_choices())[int(answer)]


def result_key(results: list[ThemeResult]) -> tuple[Any, ...]:
    """What the shown results depend on, to rebuild them only when it changes."""
    return tuple(
        (result.theme, tuple((each.prompt.code, int(each.answer)) for each in result.answered))
        for result in results
    )


# --- one sentence to answer ----------------------------------------------------------------


class PromptRow:
    """A sentence and its three answers, as exclusive radio buttons in one row of a grid."""

    def __init__(self, prompt: Prompt, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.prompt = prompt
        text = prompt.text
        self.label = intro_label(text, parent)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.label, row, 0)
        self.group = QButtonGroup(parent)
        self.group.setExclusive(True)
        self.buttons: dict[int, QRadioButton] = {}
        for column, (value, choice) in enumerate(answer_choices(), start=1):
            button = QRadioButton(choice, parent)
            button.setAccessibleName(_("{answer}: {sentence}").format(answer=choice, sentence=text))
            self.group.addButton(button, value)
            self.buttons[value] = button
            grid.addWidget(button, row, column)
        self.label.setBuddy(self.buttons[int(Answer.NOT_ME)])

    def show_answer(self, answer: int | None) -> None:
        checked = self.group.checkedId()
        if answer is not None and answer in self.buttons:
            if checked != answer:
                self.buttons[answer].setChecked(True)
            return
        if checked != -1:  # an exclusive group cannot be emptied while exclusive
            self.group.setExclusive(False)
            self.buttons[checked].setChecked(False)
            self.group.setExclusive(True)

    def answer(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked


# --- one theme to talk about -----------------------------------------------------------------


class TalkCard(QFrame):
    """One theme: what the person said, and related kinds of work and study to add."""

    def __init__(self, panel: InterestExplorerPanel, result: ThemeResult, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self.result = result
        self.setObjectName("talkCard")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(4)
        theme = result.theme
        title = intro_label(theme.label, self)
        title.setStyleSheet("font-weight: 600;")
        title.setToolTip(
            _("For staff: this theme is usually called {name}.").format(name=theme.staff_name)
        )
        layout.addWidget(title)
        layout.addWidget(muted_label(theme.description, self))
        said = [
            _("{answer}: {sentence}").format(
                answer=answer_label(each.answer), sentence=each.prompt.text
            )
            for each in result.sounds_like_me
        ]
        said_label = intro_label(
            _("What I said:") + "\n" + "\n".join(f"•  {line}" for line in said), self
        )
        said_label.setContentsMargins(0, 6, 0, 4)
        layout.addWidget(said_label)

        count = len(result.catalogue_codes)
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.setAccessibleName(
            _("Kinds of work and study to talk about: {theme}").format(theme=theme.label)
        )
        self.more_button.toggled.connect(self._toggled)
        self._show_text = ngettext(
            "Show {count} kind of work or study to talk about",
            "Show {count} kinds of work or study to talk about",
            count,
        ).format(count=count)
        self.more_button.setText(self._show_text)
        self.more_button.setVisible(count > 0)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.areas = QWidget(self)
        self.areas.setMaximumWidth(AREAS_WIDTH)  # each button stays near what it adds
        areas = QVBoxLayout(self.areas)
        areas.setContentsMargins(0, 4, 0, 0)
        areas.setSpacing(6)
        self.add_buttons: dict[str, QPushButton] = {}
        self.added_labels: dict[str, QLabel] = {}
        for heading, codes in areas_by_kind(result.catalogue_codes):
            kind_label = intro_label(heading, self.areas)
            kind_label.setStyleSheet("font-weight: 600;")
            kind_label.setContentsMargins(0, 6, 0, 0)
            areas.addWidget(kind_label)
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            grid.setColumnStretch(0, 1)
            for row, code in enumerate(codes):
                area = label_for(code)
                grid.addWidget(intro_label(area, self.areas), row, 0)
                button = QPushButton(_("Add to my interests"), self.areas)
                button.setAccessibleName(_("Add {area} to my interests").format(area=area))
                button.setMinimumHeight(INPUT_HEIGHT - 2)
                button.clicked.connect(
                    lambda _checked=False, chosen=code: panel.add_interest(chosen)
                )
                added = QLabel(f"{IN_INTERESTS_MARK} " + _("In my interests"), self.areas)
                added.setAccessibleName(_("{area} is in my interests").format(area=area))
                added.setStyleSheet(f"color: {MUTED_TEXT};")
                added.setMinimumHeight(INPUT_HEIGHT - 2)
                grid.addWidget(button, row, 1)
                grid.addWidget(added, row, 1)
                self.add_buttons[code] = button
                self.added_labels[code] = added
            areas.addLayout(grid)
        self.areas.hide()
        layout.addWidget(self.areas)

    def _toggled(self, shown: bool) -> None:
        self.areas.setVisible(shown)
        self.more_button.setText(
            _("Hide the kinds of work and study") if shown else self._show_text
        )

    def show_interests(self, interests: set[str]) -> None:
        for code, button in self.add_buttons.items():
            chosen = code in interests
            button.setVisible(not chosen)
            self.added_labels[code].setVisible(chosen)


# --- the panel on step 2 ---------------------------------------------------------------------


class InterestExplorerPanel(StepPanel):
    """The optional interest explorer, closed until opened, and its "Things to talk about"."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        self.rows: dict[str, PromptRow] = {}
        self.result_cards: list[TalkCard] = []
        self._result_key: tuple[Any, ...] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        heading = part_heading(
            _("Want some ideas? Try the interest explorer — it is optional"), self
        )
        layout.addWidget(heading)
        self.state_label = muted_label("", self)
        layout.addWidget(self.state_label)
        buttons = QHBoxLayout()
        self.toggle = QPushButton(_("Open the interest explorer"), self)
        self.toggle.setCheckable(True)
        self.toggle.setMinimumHeight(INPUT_HEIGHT + 4)
        self.toggle.setAccessibleName(_("Open the interest explorer"))
        self.toggle.toggled.connect(self._toggled)
        heading.setBuddy(self.toggle)
        buttons.addWidget(self.toggle)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 8, 0, 0)
        body.setSpacing(18)
        body.addWidget(intro_label(_(INTRODUCTION), self.body))
        for theme in Theme:
            body.addWidget(self._theme_block(theme))

        results = QVBoxLayout()
        results.setSpacing(8)
        results.setContentsMargins(0, 12, 0, 0)
        self.results_heading = part_heading(_("Things to talk about"), self.body)
        results.addWidget(self.results_heading)
        results.addWidget(intro_label(_(RESULT_NOTE), self.body))
        self.no_results_label = muted_label(
            _(
                "When you say a sentence is a bit like you or very like you, "
                "things to talk about show here."
            ),
            self.body,
        )
        results.addWidget(self.no_results_label)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        results.addLayout(self.cards_box)
        body.addLayout(results)
        self.body.hide()
        layout.addWidget(self.body)

    def _theme_block(self, theme: Theme) -> QWidget:
        block = QWidget(self.body)
        block.setMaximumWidth(PROMPTS_WIDTH)  # the answers stay near their sentence
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = intro_label(theme.label, block)
        title.setStyleSheet("font-weight: 600;")
        title.setToolTip(
            _("For staff: this theme is usually called {name}.").format(name=theme.staff_name)
        )
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 1)
        for row, prompt in enumerate(prompts_for(theme)):
            prompt_row = PromptRow(prompt, grid, row, block)
            prompt_row.group.idClicked.connect(
                lambda answer, code=prompt.code: self.answer(code, answer)
            )
            self.rows[prompt.code] = prompt_row
        layout.addLayout(grid)
        return block

    def _toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)
        text = _("Close the interest explorer") if shown else _("Open the interest explorer")
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)

    # --- saving ---------------------------------------------------------------------------

    def preferences(self) -> dict[str, Any]:
        found = self.controller.document.get(PREFERENCES_KEY)
        return found if isinstance(found, dict) else {}

    def answer(self, code: str, answer: int) -> None:
        """Save one answer (through the controller, so it can be undone)."""
        saved = self.preferences().get(ANSWERS_FIELD)
        if known_answers(saved).get(code) == answer:
            return
        try:
            answers = with_answer(saved, code, answer)
        except ValidationError as problem:
            message = next(iter(problem.field_errors.values()), str(problem))
            self.controller.say(_("Not saved: {problem}").format(problem=message))
            self.controller.reload()
            return
        self.controller.save_fields(
            TARGET,
            {ANSWERS_FIELD: answers},
            section=self.section,
            label=_("the interest explorer"),
        )

    def add_interest(self, code: str) -> None:
        """Add a kind of work or study to the person's interests (undoable)."""
        interests = [str(each) for each in self.preferences().get(INTERESTS_FIELD) or []]
        if code in interests:
            return
        field = PART_SPECS[PREFERENCES_KEY].field(INTERESTS_FIELD)
        errors = self.controller.save_fields(
            TARGET,
            {INTERESTS_FIELD: [*interests, code]},
            section=self.section,
            label=field.label,
        )
        if not errors:
            self.controller.say(
                _("Added {area} to your interests. Undo with Ctrl+Z.").format(area=label_for(code))
            )

    # --- showing the saved plan -------------------------------------------------------------

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        preferences = overview.document.get(PREFERENCES_KEY) or {}
        answers = known_answers(preferences.get(ANSWERS_FIELD))
        for code, row in self.rows.items():
            row.show_answer(answers.get(code))
        count = len(answers)
        self.state_label.setText(
            ngettext(
                "You have answered {count} of {total} sentence.",
                "You have answered {count} of {total} sentences.",
                len(PROMPTS),
            ).format(count=count, total=len(PROMPTS))
            if count
            else _("Ideas to talk about, not a test. You can stop at any time.")
        )
        results = themes_to_talk_about(answers)
        key = result_key(results)
        if key != self._result_key:
            self._result_key = key
            self._show_results(results)
        interests = {str(each) for each in preferences.get(INTERESTS_FIELD) or []}
        for card in self.result_cards:
            card.show_interests(interests)

    def _show_results(self, results: list[ThemeResult]) -> None:
        opened = {card.result.theme for card in self.result_cards if card.more_button.isChecked()}
        for card in self.result_cards:
            self.cards_box.removeWidget(card)
            card.hide()  # until it is deleted, it would show where it was
            card.deleteLater()
        self.result_cards = []
        for result in results:
            card = TalkCard(self, result, self.body)
            self.cards_box.addWidget(card)
            card.show()  # now, not after the next event loop turn
            self.result_cards.append(card)
            if result.theme in opened:
                card.more_button.setChecked(True)
        self.no_results_label.setVisible(not results)

    def card_for(self, theme: Theme) -> TalkCard | None:
        return next((card for card in self.result_cards if card.result.theme == theme), None)
