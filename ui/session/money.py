"""Step 5, Money: my money now, what-ifs for work, and what each would mean for my money.

The page shows, in order: "My money now" (the money part's form), "Who lives
with me" (a partner and children; ``ui.session.household``), the options with
pay (each can start a what-if), the list of what-ifs, and the calculator
for the what-if chosen in that list: an hours control, the headline in the
person's words, a chart by hours worked (with a table of the same figures),
and the engine's working, warnings and other points for staff.

The figures come from the benefits engine (``vocplan.benefits``) through
``vocplan.benefits.from_plan``; nothing is worked out here. Answers are saved
through the controller. Moving the hours control updates the figures as it
moves and saves the new hours, with their result, once it is let go (one
undoable change per visit to the control, not one per step). A result that
only follows from saved answers is kept with the what-if without an undo
entry (see ``SessionController.record_calculation``).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ui.qt import (
    QAbstractItemView,
    QDoubleSpinBox,
    QEvent,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    QSizePolicy,
    QSlider,
    Qt,
    QTableView,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.session.fields import INPUT_HEIGHT, MUTED_STYLE, WARNING_SIGN, FieldRow
from ui.session.household import HouseholdPanel
from ui.session.lists import ListEditor
from ui.session.pages import STEP_INTROS
from ui.session.panels import (
    PART_SPACING,
    ROW_SPACING,
    PartForm,
    StepPanel,
    intro_label,
    muted_label,
    part_heading,
    row_focus_widgets,
    tab_before,
)
from ui.session.targets import Refresh, Target
from ui.session.values import range_problem, same_value
from ui.style import heading_font
from vocplan.benefits.engine import calculate, chart
from vocplan.benefits.from_plan import (
    DATE_OF_BIRTH,
    household_from_plan,
    paid_options,
    result_json,
    rules_year_for,
    scenario_for_option,
)
from vocplan.benefits.model import ChartRow, Household, Result
from vocplan.benefits.money import MONTHLY_TO_WEEKLY, format_money, format_number, to_pence
from vocplan.benefits.packs import newest_year, rules_out_of_date, tax_year_of
from vocplan.domain.enums import PlanSection
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.formatting import format_whole_pounds
from vocplan.i18n import _, ngettext
from vocplan.plan_fields import PART_SPECS
from vocplan.services.household import BORN_BEFORE_KEY

from .money_chart import ChartTableModel, MoneyChart

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from vocplan.services.plans import PlanOverview

MONEY_KEY = "money"
SCENARIOS_KEY = "scenarios"
NOTES_KEY = "notes"
MOST_HOURS_ON_SLIDER = 45
RECALCULATE_AFTER_MS = 50
"""The figures follow the hours control after this pause (a calculation takes 1 to 2 ms)."""
SAVE_AFTER_MS = 700
"""Hours changed from the keyboard are saved after this pause (with the mouse, on letting go)."""
SCENARIO_FIELDS_HERE = ("hourly_pay_pence", "travel_weekly_pence")
"""What-if answers that can be changed beside the hours control (the rest in the list)."""
SAME_MONEY_PENCE = 50
"""Less than 50p a week either way is "about the same"."""


def today() -> date:
    """Today, for ages and the rules year (tests put another date here)."""
    return date.today()


# --- words for the person (plain functions, tested without a screen) ---------------------


def headline(result: Result | None, hours: Decimal, pay: int, *, volunteering: bool = False) -> str:
    """The result in the person's words, for example "Working 16 hours at £12.71 you would
    have about £146 more a week." A referral gives its reason and no figures."""
    if result is None:
        return ""
    if result.refer is not None:
        return referred_headline()
    weekly = result.better_off_weekly or 0
    amount = format_whole_pounds(abs(weekly))
    same = abs(weekly) < SAME_MONEY_PENCE
    if volunteering and same:
        return _("Volunteering with only your expenses paid would not change your money.")
    if hours == 0 or volunteering:
        if same:
            return _("Without paid work your money would stay about the same.")
        if weekly > 0:
            return _("Without paid work you would have about {amount} more a week.").format(
                amount=amount
            )
        return _("Without paid work you would have about {amount} less a week than now.").format(
            amount=amount
        )
    values = {"hours": format_number(hours), "pay": format_money(pay), "amount": amount}
    whole = hours == hours.to_integral_value()
    count = int(hours)
    if same:
        text = (
            ngettext(
                "Working {hours} hour at {pay} your money would stay about the same as now.",
                "Working {hours} hours at {pay} your money would stay about the same as now.",
                count,
            )
            if whole
            else _("Working {hours} hours at {pay} your money would stay about the same as now.")
        )
    elif weekly > 0:
        text = (
            ngettext(
                "Working {hours} hour at {pay} you would have about {amount} more a week.",
                "Working {hours} hours at {pay} you would have about {amount} more a week.",
                count,
            )
            if whole
            else _("Working {hours} hours at {pay} you would have about {amount} more a week.")
        )
    else:
        text = (
            ngettext(
                "Working {hours} hour at {pay} you would have about {amount} less a week than "
                "now. That is good to know before deciding: a welfare rights adviser may know "
                "ways to make up the difference.",
                "Working {hours} hours at {pay} you would have about {amount} less a week than "
                "now. That is good to know before deciding: a welfare rights adviser may know "
                "ways to make up the difference.",
                count,
            )
            if whole
            else _(
                "Working {hours} hours at {pay} you would have about {amount} less a week than "
                "now. That is good to know before deciding: a welfare rights adviser may know "
                "ways to make up the difference."
            )
        )
    return text.format(**values)


def referred_headline() -> str:
    return _("We can't work this out reliably — talk to a welfare rights adviser.")


def result_notes(result: Result | None, document: dict[str, Any]) -> list[str]:
    """Plain lines under the headline: why it was referred, or the costs counted, ESA
    stopping and Universal Credit not claimed."""
    if result is not None and result.refer is not None:
        reason = result.refer.reason
        if reason.startswith(referred_headline()):
            reason = reason[len(referred_headline()) :].strip()
        return [reason] if reason else []
    if result is None or result.now is None:
        return []
    notes = []
    costs = result.costs_of_work_monthly or 0
    if costs:
        weekly = to_pence(Fraction(costs) * MONTHLY_TO_WEEKLY)
        notes.append(
            _("This is after the costs of working, {amount} a week.").format(
                amount=format_money(weekly)
            )
        )
    scenario = result.scenario
    if scenario is not None and result.now.new_style_esa > 0 and scenario.new_style_esa == 0:
        notes.append(
            f"{WARNING_SIGN} "
            + _(
                "At these hours your new-style ESA would stop. It does not go down bit by bit: "
                "it stops."
            )
        )
    money = document.get(MONEY_KEY) or {}
    gets_uc = result.now.universal_credit > 0 or (
        scenario is not None and scenario.universal_credit > 0
    )
    if not money.get("universal_credit") and gets_uc:
        notes.append(
            _(
                "You told us you do not get Universal Credit now. These figures include the "
                "Universal Credit you may be able to claim: ask a welfare rights adviser about "
                "claiming it."
            )
        )
    if result.warnings:
        count = len(result.warnings)
        notes.append(
            ngettext(
                "There is {count} warning to read under More for staff.",
                "There are {count} warnings to read under More for staff.",
                count,
            ).format(count=count)
        )
    return notes


def rules_notice(on: date) -> tuple[str, str | None]:
    """Which rules year the figures use and, once a newer tax year has started, a warning."""
    text = _("Using {year} benefit rules.").format(year=rules_year_for(on))
    if not rules_out_of_date(on):
        return text, None
    return text, _(
        "A new tax year, {current}, has started, but the newest benefit rules in VocPlan are "
        "for {year}. The figures may be out of date: update VocPlan, and check them with a "
        "welfare rights adviser."
    ).format(current=tax_year_of(on), year=newest_year())


CHILD_QUESTION = re.compile(r"^children\[(\d+)\]\.(\w+)$")
"""A question about one child, for example ``children[0].age``."""

QUESTION_FIELDS = {
    "claimant.lcwra_rate": "lcwra_rate",
    "housing.brma": "brma",
    "housing.bedrooms": "bedrooms",
    "new_style_esa_weekly_pence": "new_style_esa_weekly_pence",
}
"""Questions the engine asks that an answer in "My money now" settles."""


def question_for(
    key: str, message: str, *, gets_universal_credit: bool = True
) -> tuple[str, str | None]:
    """A question the figures need, in plain words, and the money field that answers it."""
    if key == "claimant.lcwra_rate":
        text = (
            _(
                "Which LCWRA rate do you get? We need to know to work this out, and we never "
                "assume it. It is on the award letter or in the Universal Credit journal. If "
                "you are not sure, ask a welfare rights adviser."
            )
            if gets_universal_credit
            else _(
                "Which LCWRA rate would you get in Universal Credit? We need to know to work "
                "this out, and we never assume it. People who had LCWRA in Universal Credit "
                "before 6 April 2026 keep the protected rate; most new awards get the "
                "new-claimant rate. If you are not sure, ask a welfare rights adviser."
            )
        )
        return text, QUESTION_FIELDS[key]
    if key == "housing.brma":
        return (
            _(
                "Which broad rental market area do you live in? Private rent is paid up to the "
                "Local Housing Allowance for the area."
            ),
            QUESTION_FIELDS[key],
        )
    if key == "housing.bedrooms":
        return (
            _("How many bedrooms are you allowed for the Local Housing Allowance?"),
            QUESTION_FIELDS[key],
        )
    if key == DATE_OF_BIRTH:
        return (
            _(
                "We need your date of birth to work this out. Add it in step 1, About today, "
                "under My care team."
            ),
            None,
        )
    if key == "partner.age":
        return (
            _("How old is your partner? Type their age under Who lives with me, above."),
            None,
        )
    if key == "partner.lcwra_rate":
        return (
            _(
                "Which LCWRA rate does your partner get? We need to know to work this out, and "
                "we never assume it. Choose it under Who lives with me, above. If you are not "
                "sure, ask a welfare rights adviser."
            ),
            None,
        )
    child = CHILD_QUESTION.match(key)
    if child is not None and child.group(2) == "age":
        return (
            _("How old is child {number}? Type their age under Who lives with me, above.").format(
                number=int(child.group(1)) + 1
            ),
            None,
        )
    if child is not None and child.group(2) == BORN_BEFORE_KEY:
        return (
            _(
                "Was child {number} born before 6 April 2017? It changes the amount for the "
                "eldest child. Answer under Who lives with me, above."
            ).format(number=int(child.group(1)) + 1),
            None,
        )
    if key == "housing.london":
        return (
            _(
                "Do you live in Greater London? The benefit cap is different there, and "
                "VocPlan cannot ask this yet: ask a welfare rights adviser for this one."
            ),
            None,
        )
    return message, QUESTION_FIELDS.get(key)


# --- the page ------------------------------------------------------------------------


class MoneyPage(StepPanel):
    """The whole Money step (it replaces the generated page; see ``ui.session.extensions``)."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        self.forms: dict[str, PartForm] = {}
        self.lists: dict[str, ListEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(PART_SPACING)

        top = QVBoxLayout()
        top.setSpacing(8)
        heading = intro_label(section.label, self)
        heading.setFont(heading_font(self, 1.6))
        heading.setAccessibleName(section.label)
        top.addWidget(heading)
        top.addWidget(intro_label(_(STEP_INTROS[section]), self))
        layout.addLayout(top)

        self.forms[MONEY_KEY] = PartForm(controller, section, PART_SPECS[MONEY_KEY], self)
        self.household = HouseholdPanel(controller, section, self, today=lambda: today())
        self.paid_options = PaidOptionsPanel(controller, section, self)
        self.paid_options.added.connect(self._added)
        scenarios = ListEditor(controller, section, PART_SPECS[SCENARIOS_KEY], self)
        self.lists[SCENARIOS_KEY] = scenarios
        self.calculator = Calculator(controller, section, self)
        self.parts: list[StepPanel] = [
            self.forms[MONEY_KEY],
            self.household,
            self.paid_options,
            scenarios,
            self.calculator,
        ]
        notes = PART_SPECS.get(NOTES_KEY)
        if notes is not None:
            self.lists[NOTES_KEY] = ListEditor(
                controller, section, notes, self, fixed={"section": section.value}
            )
            self.parts.append(self.lists[NOTES_KEY])
        for part in self.parts:
            layout.addWidget(part)
        scenarios.list.currentRowChanged.connect(lambda _row: self._show_chosen())

    @property
    def scenarios(self) -> ListEditor:
        return self.lists[SCENARIOS_KEY]

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        for part in self.parts:
            part.refresh(overview, refresh)
        self.calculator.show_scenario(self.scenarios.current_uid(), refresh)

    def flush(self) -> None:
        for part in self.parts:
            part.flush()

    def _show_chosen(self) -> None:
        self.calculator.show_scenario(self.scenarios.current_uid(), Refresh())

    def _added(self, uid: str) -> None:
        self.scenarios.show_items(self.controller.document, uid)
        self._show_chosen()
        self.calculator.headline_label.setFocus(Qt.FocusReason.OtherFocusReason)


class PaidOptionsPanel(StepPanel):
    """The options with pay, each with a button that starts a what-if from its hours and pay."""

    added = Signal(str)
    """The uid of a what-if just added."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(part_heading(_("My options with pay"), self))
        layout.addWidget(
            intro_label(
                _("A what-if shows what a job would mean for my money. Start one from an option."),
                self,
            )
        )
        self.empty_label = muted_label(
            _("No options with pay yet. Jobs and work for yourself added in Options show here."),
            self,
        )
        layout.addWidget(self.empty_label)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        layout.addLayout(self.rows_box)
        self.buttons: dict[str, QPushButton] = {}
        self._shown: list[tuple[Any, ...]] = []

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        document = overview.document
        options = [option for option in paid_options(document) if option.get("uid")]
        counts = {
            uid: sum(1 for item in document.get(SCENARIOS_KEY) or [] if item["option_uid"] == uid)
            for uid in (option["uid"] for option in options)
        }
        shown = [
            (
                option["uid"],
                option.get("title"),
                option.get("hours_per_week"),
                option.get("pay_hourly_pence"),
                counts[option["uid"]],
            )
            for option in options
        ]
        if shown == self._shown:
            return
        self._shown = shown
        while self.rows_box.count():
            item = self.rows_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        for option in options:
            self.rows_box.addWidget(self._row(option, counts[option["uid"]]))
        self.empty_label.setVisible(not options)
        tab_before(list(self.buttons.values()), self)  # in page order, not last on the page

    def _row(self, option: dict[str, Any], count: int) -> QWidget:
        row = QFrame(self)
        row.setObjectName("paidOption")
        row.setStyleSheet(
            "#paidOption { background: #ffffff; border: 1px solid #d5dbd8; border-radius: 4px; }"
        )
        layout = QHBoxLayout(row)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(2)
        title = str(option.get("title") or _("(no title)"))
        name = QLabel(title, row)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        name.setStyleSheet("font-weight: 600;")
        words.addWidget(name)
        facts = [_option_facts(option)]
        if count:
            facts.append(
                ngettext("{count} what-if so far", "{count} what-ifs so far", count).format(
                    count=count
                )
            )
        detail = QLabel("  ·  ".join(fact for fact in facts if fact), row)
        detail.setTextFormat(Qt.TextFormat.PlainText)
        detail.setWordWrap(True)
        detail.setStyleSheet(MUTED_STYLE)
        words.addWidget(detail)
        layout.addLayout(words, 1)
        button = QPushButton(_("Add a what-if for this option"), row)
        button.setAccessibleName(_("Add a what-if for {option}").format(option=title))
        button.setMinimumHeight(INPUT_HEIGHT)
        button.clicked.connect(lambda _checked=False, uid=option["uid"]: self.add_for(uid))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons[str(option["uid"])] = button
        return row

    def add_for(self, option_uid: str) -> None:
        """Add a what-if with the option's hours and pay, worked out and saved as one change."""
        document = self.controller.document
        option = next(
            (item for item in document.get("options") or [] if item.get("uid") == option_uid),
            None,
        )
        if option is None:
            return
        on = today()
        values = scenario_for_option(option, document, on)
        try:
            result = calculate(household_from_plan(document, values, on))
        except ValidationError:
            pass  # a question comes first; the calculator asks it once the what-if is there
        else:
            values.update(result=result_json(result), rules_year=result.rules_year)
        try:
            stored = self.controller.add_item(
                SCENARIOS_KEY,
                values,
                section=self.section,
                list_title=PART_SPECS[SCENARIOS_KEY].title,
            )
        except VocPlanError as problem:
            self.controller.say(_("Not saved: {problem}").format(problem=str(problem)))
            return
        self.added.emit(str(stored["uid"]))


def _option_facts(option: dict[str, Any]) -> str:
    hours = option.get("hours_per_week")
    pay = option.get("pay_hourly_pence")
    hours_text = (
        _("{hours} hours a week").format(hours=format_number(Decimal(str(hours))))
        if hours is not None
        else _("hours not known yet")
    )
    pay_text = (
        _("{pay} an hour").format(pay=format_money(int(pay)))
        if pay is not None
        else _("pay not known yet")
    )
    return _("{hours}, {pay}").format(hours=hours_text, pay=pay_text)


class HoursSpinBox(QDoubleSpinBox):
    """Hours as a number, without noughts that say nothing: 16, 7.5, 7.25."""

    def textFromValue(self, value: float) -> str:
        text = str(self.locale().toString(value, "f", self.decimals()))
        point = str(self.locale().decimalPoint())
        return text.rstrip("0").rstrip(point) if point in text else text


class Calculator(StepPanel):
    """The chosen what-if: hours control, headline, chart, table and the working for staff."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        self.uid: str | None = None
        self.scenario: dict[str, Any] | None = None
        self.result: Result | None = None
        self.rows: list[ChartRow] = []
        self._chart_for: Household | None = None
        self._visit = 0
        self._question_rows: dict[str, FieldRow] = {}
        self._asked: list[tuple[str, str | None]] = []
        self.about_today_button: QPushButton | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(part_heading(_("What my money would be"), self))
        self.rules_label = muted_label("", self)
        self.rules_warning = QLabel(self)
        self.rules_warning.setWordWrap(True)
        self.rules_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.rules_warning.setStyleSheet(
            "background: #fff6e0; border: 1px solid #e0c98f; border-radius: 4px; padding: 8px;"
        )
        self.for_label = intro_label("", self)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.rules_warning)
        layout.addWidget(self.for_label)

        self.questions = QFrame(self)
        self.questions.setObjectName("moneyQuestions")
        self.questions.setStyleSheet(
            "#moneyQuestions { background: #ffffff; border: 1px solid #c9d3cf; "
            "border-radius: 4px; }"
        )
        self.questions_layout = QVBoxLayout(self.questions)
        self.questions_layout.setContentsMargins(14, 12, 14, 12)
        self.questions_layout.setSpacing(ROW_SPACING)
        layout.addWidget(self.questions)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        layout.addWidget(self.body)
        self._build_hours(body)
        self._build_result(body)
        self._build_chart(body)
        self._build_staff(body)

        self.recalculate_timer = QTimer(self)
        self.recalculate_timer.setSingleShot(True)
        self.recalculate_timer.setInterval(RECALCULATE_AFTER_MS)
        self.recalculate_timer.timeout.connect(self._recalculate)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_AFTER_MS)
        self.save_timer.timeout.connect(self.save_hours)
        self.body.hide()
        self.questions.hide()

    # --- building ---------------------------------------------------------------

    def _build_hours(self, body: QVBoxLayout) -> None:
        label = QLabel(_("&Hours of paid work a week"), self.body)
        label.setStyleSheet("font-weight: 600;")
        self.hours_label = label
        row = QHBoxLayout()
        row.setSpacing(12)
        self.slider = QSlider(Qt.Orientation.Horizontal, self.body)
        self.slider.setRange(0, MOST_HOURS_ON_SLIDER * 2)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(4)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(10)
        self.slider.setMinimumHeight(INPUT_HEIGHT)
        self.slider.setAccessibleName(_("Hours of paid work a week"))
        self.slider.setAccessibleDescription(
            _(
                "From 0 to 45 hours, in half hours. The arrow keys move half an hour, Page Up "
                "and Page Down two hours. The figures below follow it."
            )
        )
        label.setBuddy(self.slider)
        self.spin = HoursSpinBox(self.body)
        self.spin.setRange(0, 80)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.5)
        self.spin.setMinimumHeight(INPUT_HEIGHT)
        self.spin.setMinimumWidth(90)
        self.spin.setAccessibleName(_("Hours a week, as a number"))
        self.spin.lineEdit().setAccessibleName(self.spin.accessibleName())
        self.spin.setKeyboardTracking(False)
        unit = muted_label(_("hours a week"), self.body)
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        row.addWidget(unit)
        body.addWidget(label)
        body.addLayout(row)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self.save_hours)
        self.slider.sliderPressed.connect(self._new_visit)
        self.slider.installEventFilter(self)
        self.spin.lineEdit().installEventFilter(self)
        self.spin.valueChanged.connect(self._spin_changed)
        self.spin.editingFinished.connect(self.save_hours)

        facts = self.controller.services.field_facts(SCENARIOS_KEY)
        answers = QHBoxLayout()
        answers.setSpacing(24)
        self.field_rows: dict[str, FieldRow] = {}
        for name in SCENARIO_FIELDS_HERE:
            field_row = FieldRow(
                PART_SPECS[SCENARIOS_KEY].field(name),
                facts.get(name),
                self.body,
                services=self.controller.services,
            )
            field_row.commit_requested.connect(self.save_answer)
            self.field_rows[name] = field_row
            answers.addWidget(field_row, 1)
        body.addLayout(answers)

    def _build_result(self, body: QVBoxLayout) -> None:
        self.headline_label = QLabel(self.body)
        self.headline_label.setWordWrap(True)
        self.headline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.headline_label.setFont(heading_font(self.body, 1.3))
        self.headline_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.headline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.headline_label.setStyleSheet(
            "background: #ffffff; border-left: 4px solid #2f6f73; padding: 10px 12px;"
        )
        body.addWidget(self.headline_label)
        self.notes_label = QLabel(self.body)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        body.addWidget(self.notes_label)

    def _build_chart(self, body: QVBoxLayout) -> None:
        self.chart_heading = QLabel(_("My money a week, by hours of paid work"), self.body)
        self.chart_heading.setStyleSheet("font-weight: 600;")
        body.addWidget(self.chart_heading)
        self.chart = MoneyChart(self.body)
        self.chart.on_hours_chosen = self.choose_hours
        body.addWidget(self.chart)
        self.table_button = QPushButton(_("Show as a table"), self.body)
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName(_("Show the chart's figures as a table"))
        self.table_button.setMinimumHeight(INPUT_HEIGHT)
        self.table_button.toggled.connect(self._toggle_table)
        row = QHBoxLayout()
        row.addWidget(self.table_button)
        row.addStretch(1)
        body.addLayout(row)
        self.table_model = ChartTableModel(self)
        self.table = QTableView(self.body)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(_("Money a week by hours of paid work, as a table"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 10)
        self.table.setFixedHeight(320)
        self.table.hide()
        body.addWidget(self.table)

    def _build_staff(self, body: QVBoxLayout) -> None:
        self.staff_button = QToolButton(self.body)
        self.staff_button.setObjectName("moreButton")
        self.staff_button.setText(_("More for staff"))
        self.staff_button.setCheckable(True)
        self.staff_button.setAccessibleName(
            _("More for staff: how we worked this out, warnings and things to know")
        )
        self.staff_button.toggled.connect(self._toggle_staff)
        body.addWidget(self.staff_button)
        self.staff_label = QLabel(self.body)
        self.staff_label.setWordWrap(True)
        self.staff_label.setTextFormat(Qt.TextFormat.RichText)
        self.staff_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.staff_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.staff_label.setStyleSheet("background: #eef2f0; padding: 10px; border-radius: 4px;")
        self.staff_label.hide()
        body.addWidget(self.staff_label)

    # --- what is shown ------------------------------------------------------------

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        """The page calls ``show_scenario`` with the what-if chosen in the list."""

    def show_scenario(self, uid: str | None, refresh: Refresh) -> None:
        document = self.controller.document
        text, warning = rules_notice(today())
        self.rules_label.setText(text)
        self.rules_warning.setText(f"{WARNING_SIGN} {warning}" if warning else "")
        self.rules_warning.setVisible(bool(warning))
        found = next(
            (item for item in document.get(SCENARIOS_KEY) or [] if item.get("uid") == uid), None
        )
        if uid != self.uid:
            self._visit += 1
            self.save_timer.stop()
        self.uid = uid if found is not None else None
        self.scenario = found
        if found is None:
            self.for_label.setText(
                _("Add a what-if, or choose one in the list above, to see what my money would be.")
            )
            self.body.hide()
            self.questions.hide()
            return
        label = str(found.get("label") or "").strip() or PART_SPECS[SCENARIOS_KEY].item_name
        self.for_label.setText(_("For the what-if: {name}").format(name=label))
        moving = self.slider.isSliderDown() or self.save_timer.isActive()
        if refresh.from_history or not moving:
            self._set_hours(_decimal(found.get("hours_per_week")))
        force = refresh.from_history and refresh.target == Target(SCENARIOS_KEY, self.uid)
        for name, field_row in self.field_rows.items():
            field_row.show_saved(found.get(name), document, force)
        self._recalculate(chart_too=True)
        if not moving:
            QTimer.singleShot(0, self.keep_result)

    def _set_hours(self, hours: Decimal) -> None:
        for control in (self.slider, self.spin):
            control.blockSignals(True)
        self.slider.setValue(round(hours * 2))
        self.spin.setValue(float(hours))
        for control in (self.slider, self.spin):
            control.blockSignals(False)

    def hours(self) -> Decimal:
        """The hours shown (the nearest hundredth of an hour)."""
        return Decimal(str(round(self.spin.value(), 2)))

    def _household(self, hours: Decimal | None = None, **changes: Any) -> Household:
        assert self.scenario is not None
        scenario = {**self.scenario, **changes}
        if hours is not None:
            scenario["hours_per_week"] = float(hours)
        return household_from_plan(self.controller.document, scenario, today())

    def _recalculate(self, *, chart_too: bool = False) -> None:
        if self.scenario is None:
            return
        hours = self.hours()
        try:
            household = self._household(hours)
            result = calculate(household)
            if chart_too or self._chart_for is None:
                base = replace(household, work=replace(household.work, hours_per_week=Decimal(0)))
                if base != self._chart_for:
                    self.rows = chart(base)
                    self._chart_for = base
        except ValidationError as question:
            self._chart_for = None
            self.result = None
            self.show_questions(question.field_errors)
            return
        self.questions.hide()
        self._asked = []
        self.body.show()
        self.result = result
        pay = int(self.scenario.get("hourly_pay_pence") or 0)
        volunteering = bool(self.scenario.get("volunteering_expenses_only"))
        what = _("Hours of volunteering a week") if volunteering else _("Hours of paid work a week")
        self.hours_label.setText(
            _("&Hours of volunteering a week") if volunteering else _("&Hours of paid work a week")
        )
        self.slider.setAccessibleName(what)
        text = headline(result, hours, pay, volunteering=volunteering)
        self.headline_label.setText(text)
        self.headline_label.setAccessibleName(text)
        notes = result_notes(result, self.controller.document)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        # A referral has no figures to draw; volunteering with expenses has no pay to chart.
        referred = result.refer is not None or volunteering
        self.chart.set_rows([] if referred else self.rows, pay)
        self.chart.set_hours(hours)
        for widget in (self.chart_heading, self.chart, self.table_button):
            widget.setVisible(not referred)
        self.table.setVisible(not referred and self.table_button.isChecked())
        self.table_model.set_rows([] if referred else self.rows)
        empty = self.table_model.empty_columns()
        for column in range(self.table_model.columnCount()):
            self.table.setColumnHidden(column, column in empty)
        if self.table.isVisible():
            self._show_table_row()
        self.staff_label.setText(staff_html(result))

    def show_questions(self, field_errors: dict[str, str]) -> None:
        """What the figures need first, asked plainly, with the answer's box where we have one.

        The same questions asked again keep their boxes, so nothing being typed is lost.
        """
        self.body.hide()
        self.questions.show()
        document = self.controller.document
        saved = document.get(MONEY_KEY) or {}
        asked = [
            question_for(key, message, gets_universal_credit=bool(saved.get("universal_credit")))
            for key, message in field_errors.items()
        ]
        if asked == self._asked:
            for name, field_row in self._question_rows.items():
                field_row.show_saved(saved.get(name), document)
            return
        self._asked = asked
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not only once Qt deletes it
                widget.deleteLater()
        self._question_rows = {}
        intro = QLabel(_("Before we can work this out:"), self.questions)
        intro.setStyleSheet("font-weight: 600;")
        self.questions_layout.addWidget(intro)
        facts = self.controller.services.field_facts(MONEY_KEY)
        focus_widgets: list[QWidget] = []
        for key, (text, field_name) in zip(field_errors, asked, strict=True):
            self.questions_layout.addWidget(intro_label(text, self.questions))
            if key == DATE_OF_BIRTH:
                button = self._go_to_about_today()
                focus_widgets.append(button)
            if field_name is None or field_name in self._question_rows:
                continue
            field_row = FieldRow(
                PART_SPECS[MONEY_KEY].field(field_name),
                facts.get(field_name),
                self.questions,
                services=self.controller.services,
            )
            field_row.set_initial(saved.get(field_name), document)
            field_row.commit_requested.connect(self.answer_question)
            self._question_rows[field_name] = field_row
            self.questions_layout.addWidget(field_row)
            focus_widgets += row_focus_widgets(field_row)
        tab_before(focus_widgets, self.slider)  # the questions come before the figures

    def _go_to_about_today(self) -> QPushButton:
        """A button to the step where the date of birth is added, under the question."""
        box = QWidget(self.questions)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(_("Go to step 1, About today"), box)
        button.setAccessibleName(_("Go to step 1, About today, to add the date of birth"))
        button.setMinimumHeight(INPUT_HEIGHT)
        button.clicked.connect(lambda: self.controller.show_step(PlanSection.ABOUT_TODAY))
        row.addWidget(button)
        row.addStretch(1)
        self.questions_layout.addWidget(box)
        self.about_today_button = button
        return button

    # --- the hours control ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.slider, self.spin.lineEdit()):
            self._new_visit()
        return super().eventFilter(watched, event)

    def _new_visit(self) -> None:
        """Hours changed from now on undo as one change, apart from those changed before."""
        if not self.save_timer.isActive():
            self._visit += 1

    def _slider_moved(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value / 2)
        self.spin.blockSignals(False)
        self.recalculate_timer.start()
        if not self.slider.isSliderDown():  # the keyboard, or a click on the groove
            self.save_timer.start()

    def _spin_changed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * 2))
        self.slider.blockSignals(False)
        self.recalculate_timer.start()
        self.save_timer.start()

    def choose_hours(self, hours: Decimal) -> None:
        """Hours picked on the chart: as if the hours control were moved there."""
        self.slider.setValue(round(hours * 2))

    def save_hours(self) -> None:
        """Save the hours shown with their result: one undoable change per visit to the control."""
        self.save_timer.stop()
        if self.scenario is None or self.uid is None:
            return
        hours = self.hours()
        if hours == _decimal(self.scenario.get("hours_per_week")):
            return
        self.recalculate_timer.stop()
        self._recalculate()
        changes: dict[str, Any] = {"hours_per_week": float(hours)}
        self._save(changes, PART_SPECS[SCENARIOS_KEY].field("hours_per_week").label, None)

    def save_answer(self, field_row: FieldRow) -> None:
        """Save pay or travel costs typed beside the hours, with the result they give."""
        spec = field_row.spec
        try:
            value = field_row.value()
        except ValueError as problem:
            self._refuse(field_row, str(problem))
            return
        problem_text = range_problem(spec, value)
        if problem_text:
            self._refuse(field_row, problem_text)
            return
        if self.scenario is None or same_value(spec.kind, value, self.scenario.get(spec.name)):
            field_row.saved()
            return
        errors = self._save({spec.name: value}, spec.label, field_row)
        if errors:
            field_row.show_error(errors.get(spec.name) or next(iter(errors.values())))
        else:
            field_row.saved()

    def _refuse(self, field_row: FieldRow, message: str) -> None:
        field_row.show_error(message)
        self.controller.say(_("Not saved: {problem}").format(problem=message))

    def _save(
        self, changes: dict[str, Any], label: str, field_row: FieldRow | None
    ) -> dict[str, str]:
        """One transaction: the answers, and the result and rules year they give."""
        assert self.uid is not None and self.scenario is not None
        hours = _decimal(changes.get("hours_per_week", self.scenario.get("hours_per_week")))
        values = {name: value for name, value in changes.items() if name != "hours_per_week"}
        try:
            result = calculate(self._household(hours, **values))
        except ValidationError:
            result = None
        if result is not None:
            changes = {
                **changes,
                "result": result_json(result),
                "rules_year": result.rules_year,
            }
        merge_key = (id(self), self.uid, self._visit) if field_row is None else field_row.merge_key
        errors = self.controller.save_fields(
            Target(SCENARIOS_KEY, self.uid),
            changes,
            section=self.section,
            label=label,
            merge_key=merge_key,
        )
        if not errors and result is not None:
            self._keep_plan_rules_year(result.rules_year)
        return errors

    def answer_question(self, field_row: FieldRow) -> None:
        """An answer to a question the figures need: saved in "My money now"."""
        spec = field_row.spec
        try:
            value = field_row.value()
        except ValueError as problem:
            self._refuse(field_row, str(problem))
            return
        problem_text = range_problem(spec, value)
        if problem_text:
            self._refuse(field_row, problem_text)
            return
        errors = self.controller.save_fields(
            Target(MONEY_KEY), {spec.name: value}, section=self.section, label=spec.label
        )
        if errors:
            field_row.show_error(errors.get(spec.name) or next(iter(errors.values())))

    # --- keeping results with the plan ------------------------------------------------

    def keep_result(self) -> None:
        """Keep the result of the saved what-if with it, when it is not already kept."""
        if self.scenario is None or self.uid is None:
            return
        if self.slider.isSliderDown() or self.save_timer.isActive():
            return
        try:
            result = calculate(self._household())
        except ValidationError:
            return
        kept = self.scenario.get("result")
        saved = result_json(result)
        if kept == saved and self.scenario.get("rules_year") == result.rules_year:
            self._keep_plan_rules_year(result.rules_year)
            return
        self.controller.record_calculation(self.uid, saved, result.rules_year, section=self.section)

    def _keep_plan_rules_year(self, year: str) -> None:
        plan = self.controller.document.get("plan") or {}
        if plan.get("rules_year") != year:
            self.controller.record_calculation(None, None, year, section=self.section)

    # --- showing more ------------------------------------------------------------------

    def _toggle_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.table_button.setText(_("Hide the table") if shown else _("Show as a table"))
        if shown:
            self._show_table_row()

    def _show_table_row(self) -> None:
        row = self.table_model.row_for(self.hours())
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(
                self.table_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _toggle_staff(self, shown: bool) -> None:
        self.staff_label.setVisible(shown)
        self.staff_button.setText(_("Less for staff") if shown else _("More for staff"))

    def flush(self) -> None:
        if self.save_timer.isActive():
            self.save_hours()
        for field_row in [*self.field_rows.values(), *self._question_rows.values()]:
            field_row.flush()


def staff_html(result: Result) -> str:
    """The engine's working, warnings and the points that are not money, as rich text."""
    parts = [f"<p><b>{html.escape(_('How we worked this out'))}</b></p><ol>"]
    parts += [f"<li>{html.escape(step)}</li>" for step in result.steps]
    parts.append("</ol>")
    if result.warnings:
        parts.append(f"<p><b>{html.escape(_('Warnings'))}</b></p><ul>")
        parts += [
            f"<li>{html.escape(WARNING_SIGN + ' ' + warning)}</li>" for warning in result.warnings
        ]
        parts.append("</ul>")
    if result.points:
        parts.append(f"<p><b>{html.escape(_('Things to know'))}</b></p><ul>")
        parts += [f"<li>{html.escape(point)}</li>" for point in result.points]
        parts.append("</ul>")
    return "".join(parts)


def _decimal(value: Any) -> Decimal:
    if value is None or isinstance(value, bool):
        return Decimal(0)
    return Decimal(str(value))


__all__ = [
    "Calculator",
    "MoneyPage",
    "PaidOptionsPanel",
    "headline",
    "question_for",
    "result_notes",
    "rules_notice",
    "staff_html",
]
