"""The Money step's chart: money a week by hours of paid work, drawn with QPainter.

The figures are the engine's ``chart()`` rows (weekly pence for 0 to 45 hours).
Bands are stacked from the bottom: pay after tax and NI, Universal Credit,
new-style ESA, PIP, then Child Benefit and other income; their top is the
money coming in. The costs of working are a hatched band taken off the top,
and a dark line shows what is left (take-home). A dashed line shows the money
now. The new-style ESA cliff edge, the point where pay goes over the work
allowance, and the hours chosen are marked with lines and written labels, so
nothing depends on colour alone. ``chart_summary`` says the same in words for
screen readers, and ``ChartTableModel`` gives every figure as a table.

The geometry (scales, ticks, bands, markers) is in plain functions, tested
without a screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QModelIndex,
    QPainter,
    QPaintEvent,
    QPen,
    QPersistentModelIndex,
    QPointF,
    QPolygonF,
    QRectF,
    QResizeEvent,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)
from ui.style import MUTED_TEXT, TEXT
from vocplan.benefits.model import ChartRow
from vocplan.benefits.money import format_money
from vocplan.benefits.notes import hours_text
from vocplan.formatting import format_number, format_whole_pounds
from vocplan.i18n import N_, _, ngettext

MAX_HOURS = Decimal(45)

# --- plain geometry -------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    """One stacked band: what it is, its colour, and its weekly pence at each row."""

    key: str
    label_source: str
    colour: str
    values: tuple[int, ...]

    @property
    def label(self) -> str:
        return _(self.label_source)


LAYER_STYLE: tuple[tuple[str, str, str], ...] = (
    ("pay", N_("Pay after tax and NI"), "#3b7d82"),
    ("universal_credit", N_("Universal Credit"), "#e3b766"),
    ("new_style_esa", N_("New-style ESA"), "#9a8cc2"),
    ("pip", N_("PIP"), "#a9cde0"),
    ("other", N_("Child Benefit and other income"), "#cfc6ad"),
)
"""Bottom to top. Calm colours that stay apart for common colour blindness, and each
band is also named in the legend (in the same order) and, where it is tall enough,
on the band itself."""

COSTS_LABEL = N_("Costs of working")
TAKE_HOME_LABEL = N_("Take-home, after costs")
NOW_LABEL = N_("Now")
COSTS_COLOUR = "#5b666c"
TAKE_HOME_COLOUR = "#1f2a30"
NOW_COLOUR = "#7a4b12"
MARKER_COLOUR = "#2f3d44"
CHOSEN_COLOUR = "#2f6f73"


def usable_rows(rows: Sequence[ChartRow]) -> list[ChartRow]:
    """The rows with figures (a referred row has none), in order of hours."""
    return [row for row in rows if row.net_income is not None]


def take_home(row: ChartRow) -> int:
    return (row.net_income or 0) - (row.costs_of_work or 0)


def now_take_home(rows: Sequence[ChartRow]) -> int | None:
    """Money a week now (after any costs of the work done now): the same on every row."""
    usable = usable_rows(rows)
    if not usable:
        return None
    first = usable[0]
    return take_home(first) - (first.better_off or 0)


ROUNDING_PENCE = 3
"""Each weekly figure is rounded on its own, so what is left over can be a few pence."""


def other_income(row: ChartRow) -> int:
    """Child Benefit and other income a week: net income less the other bands."""
    pay = (row.earnings or 0) - (row.income_tax or 0) - (row.national_insurance or 0)
    bands = max(pay, 0) + (row.universal_credit or 0) + (row.new_style_esa or 0) + (row.pip or 0)
    rest = (row.net_income or 0) - bands
    return rest if rest > ROUNDING_PENCE else 0


def stacked_layers(rows: Sequence[ChartRow]) -> list[Layer]:
    """The bands to stack, bottom first; a band that is nothing at every hour is left out."""
    usable = usable_rows(rows)
    values: dict[str, list[int]] = {key: [] for key, _label, _colour in LAYER_STYLE}
    for row in usable:
        pay = (row.earnings or 0) - (row.income_tax or 0) - (row.national_insurance or 0)
        uc = row.universal_credit or 0
        esa = row.new_style_esa or 0
        pip = row.pip or 0
        values["pay"].append(max(pay, 0))
        values["universal_credit"].append(uc)
        values["new_style_esa"].append(esa)
        values["pip"].append(pip)
        values["other"].append(other_income(row))
    return [
        Layer(key, label, colour, tuple(values[key]))
        for key, label, colour in LAYER_STYLE
        if any(values[key])
    ]


@dataclass(frozen=True)
class Markers:
    esa_stops: Decimal | None
    """The fewest hours at which new-style ESA stops (the cliff edge), if it does."""
    work_allowance: Decimal | None
    """The fewest hours at which pay goes over the work allowance, if there is one."""


def find_markers(rows: Sequence[ChartRow]) -> Markers:
    usable = usable_rows(rows)
    esa_stops = None
    if usable and (usable[0].new_style_esa or 0) > 0:
        esa_stops = next((row.hours for row in usable if row.esa_stops), None)
    allowance = None
    over = [row for row in usable if row.above_work_allowance]
    paid = [row for row in usable if (row.earnings or 0) > 0]
    # With no work allowance, every pound counts from the first hour: nothing to mark.
    if over and paid and over[0].hours > paid[0].hours and (usable[0].universal_credit or 0) > 0:
        allowance = over[0].hours
    return Markers(esa_stops, allowance)


def nice_step(span: int, ticks: int = 5) -> int:
    """A round step (1, 2, 2.5 or 5 times a power of ten pounds) giving about ``ticks`` lines."""
    if span <= 0:
        return 1000
    raw = span / ticks
    power = 100  # pence: steps of at least £1
    while power * 10 <= raw:
        power *= 10
    for factor in (1, 2, 2.5, 5, 10):
        step = int(power * factor)
        if step >= raw:
            return step
    return power * 10  # pragma: no cover - the loop always returns


def y_scale(rows: Sequence[ChartRow]) -> tuple[int, int]:
    """(top, step) of the money axis in pence: a round number above every band and line."""
    usable = usable_rows(rows)
    highest = max(
        [row.net_income or 0 for row in usable] + [now_take_home(rows) or 0, 0], default=0
    )
    step = nice_step(highest)
    top = max(step, -(-highest // step) * step)
    return top, step


@dataclass(frozen=True)
class Plot:
    """Where the plotting area is, and how hours and pence map onto it."""

    left: float
    top: float
    width: float
    height: float
    max_hours: Decimal
    top_pence: int

    def x(self, hours: Decimal | float) -> float:
        return self.left + self.width * float(hours) / float(self.max_hours)

    def y(self, pence: int | float) -> float:
        if self.top_pence <= 0:
            return self.top + self.height
        return self.top + self.height * (1 - float(pence) / self.top_pence)

    def hours_at(self, x: float) -> Decimal:
        """The half hour nearest to ``x``, within 0 and the most hours."""
        share = (x - self.left) / self.width if self.width else 0
        halves = round(max(0.0, min(1.0, share)) * float(self.max_hours) * 2)
        return Decimal(halves) / 2


def band_label_box(
    xs: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    width: float,
    height: float,
    bounds: tuple[float, float],
    avoid: Sequence[QRectF],
) -> QRectF | None:
    """Where a band's name fits inside it: the thickest place that is tall enough under the
    whole label, within ``bounds`` (left and right) and clear of ``avoid``; None if nowhere.

    ``lows`` and ``highs`` are the band's bottom and top in pixels (y grows downwards).
    """
    best: tuple[float, QRectF] | None = None
    for index, x in enumerate(xs):
        if x - width / 2 < bounds[0] or x + width / 2 > bounds[1]:
            continue
        under = [
            lows[other] - highs[other]
            for other, each in enumerate(xs)
            if abs(each - x) <= width / 2
        ]
        thickness = min(under) if under else 0
        if thickness < height or (best is not None and thickness <= best[0]):
            continue
        middle = (lows[index] + highs[index]) / 2
        box = QRectF(x - width / 2, middle - height / 2, width, height)
        if any(box.intersects(other) for other in avoid):
            continue
        best = (thickness, box)
    return best[1] if best is not None else None


def hours_label(hours: Decimal) -> str:
    """'16 hours', '1 hour', '7.5 hours' (a marker's label)."""
    if hours == hours.to_integral_value():
        count = int(hours)
        return ngettext("{count} hour", "{count} hours", count).format(count=count)
    return _("{hours} hours").format(hours=format_number(float(hours)))


def label_rows(positions: Sequence[tuple[float, float]], gap: float = 8) -> list[int]:
    """Which line (0, 1, 2…) each label goes on so none overlaps: (centre x, width) each."""
    ends: list[float] = []
    rows = []
    for centre, width in positions:
        start = centre - width / 2
        for line, end in enumerate(ends):
            if start >= end + gap:
                ends[line] = centre + width / 2
                rows.append(line)
                break
        else:
            ends.append(centre + width / 2)
            rows.append(len(ends) - 1)
    return rows


def weekly_at(rows: Sequence[ChartRow], hours: Decimal) -> ChartRow | None:
    """The row for ``hours`` (the nearest half hour at or below it)."""
    usable = usable_rows(rows)
    found = None
    for row in usable:
        if row.hours <= hours:
            found = row
    return found


def chart_summary(rows: Sequence[ChartRow], hours: Decimal, pay: int) -> str:
    """What the chart shows, in words (its accessible description)."""
    usable = usable_rows(rows)
    if not usable:
        return _("There is no chart: these figures cannot be worked out reliably.")
    sentences = [
        _(
            "A chart of your money a week, after the costs of working, for 0 to 45 hours of "
            "paid work a week at {pay} an hour."
        ).format(pay=format_money(pay))
    ]
    now = now_take_home(rows)
    if now is not None:
        sentences.append(
            _("Now you have about {amount} a week.").format(amount=format_whole_pounds(now))
        )
    chosen = weekly_at(rows, hours)
    if chosen is not None:
        sentences.append(
            _("Working {hours} you would have about {amount} a week.").format(
                hours=hours_text(hours), amount=format_whole_pounds(take_home(chosen))
            )
        )
    markers = find_markers(rows)
    if markers.work_allowance is not None:
        sentences.append(
            _(
                "Universal Credit starts to go down at {hours}, when pay goes over the "
                "work allowance."
            ).format(hours=hours_text(markers.work_allowance))
        )
    if markers.esa_stops is not None:
        sentences.append(
            _("New-style ESA stops at {hours}: it does not go down bit by bit.").format(
                hours=hours_text(markers.esa_stops)
            )
        )
    last = usable[-1]
    sentences.append(
        _("Working {hours} you would have about {amount} a week.").format(
            hours=hours_text(last.hours), amount=format_whole_pounds(take_home(last))
        )
    )
    return " ".join(sentences)


# --- the table, for reading the figures without the picture ---------------------------

TABLE_COLUMNS = (
    N_("Hours a week"),
    N_("Pay after tax and NI"),
    N_("Universal Credit"),
    N_("New-style ESA"),
    N_("PIP"),
    N_("Child Benefit and other income"),
    N_("Costs of working"),
    N_("Take-home"),
    N_("Better off than now"),
)


def table_values(row: ChartRow) -> list[int]:
    """The money in each column after the hours, in weekly pence (all 0 for a referred row)."""
    if row.net_income is None:
        return [0] * len(TABLE_COLUMNS)
    pay = (row.earnings or 0) - (row.income_tax or 0) - (row.national_insurance or 0)
    return [
        0,
        pay,
        row.universal_credit or 0,
        row.new_style_esa or 0,
        row.pip or 0,
        other_income(row),
        row.costs_of_work or 0,
        take_home(row),
        row.better_off or 0,
    ]


def table_cells(row: ChartRow) -> list[str]:
    hours = format_number(float(row.hours))
    if row.net_income is None:
        return [hours] + [_("Ask an adviser")] * (len(TABLE_COLUMNS) - 1)
    return [hours] + [format_money(value) for value in table_values(row)[1:]]


class ChartTableModel(QAbstractTableModel):
    """The chart's figures, a row for each half hour: a thin adapter over the engine's rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChartRow] = []
        self._cells: dict[int, list[str]] = {}
        """Each row's text, made when it is first shown (money formatting is the slow part)."""

    def set_rows(self, rows: Sequence[ChartRow]) -> None:
        if list(rows) == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = {}
        self.endResetModel()

    def empty_columns(self) -> list[int]:
        """The money columns that are nothing at every number of hours (hidden: shorter)."""
        return [
            column
            for column in range(1, len(TABLE_COLUMNS) - 2)
            if self._rows and all(table_values(row)[column] == 0 for row in self._rows)
        ]

    def row_for(self, hours: Decimal) -> int:
        for index, row in enumerate(self._rows):
            if row.hours >= hours:
                return index
        return len(self._rows) - 1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(TABLE_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = index.row()
            if row not in self._cells:
                self._cells[row] = table_cells(self._rows[row])
            return self._cells[row][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(TABLE_COLUMNS[section])
        return None


# --- the widget --------------------------------------------------------------------------

MARGIN_LEFT = 60
MARGIN_RIGHT = 18
MARGIN_BOTTOM = 46
LABEL_LINE = 18
PLOT_HEIGHT = 280
LEGEND_SWATCH = 14


class MoneyChart(QWidget):
    """Money a week by hours worked; click or drag on it to choose the hours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChartRow] = []
        self.layers: list[Layer] = []
        self.markers = Markers(None, None)
        self.hours = Decimal(0)
        self.pay = 0
        self.on_hours_chosen: Any = None
        """Called with the hours clicked on the chart."""
        self.setAccessibleName(_("Chart of money a week by hours worked"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)
        self.setFixedHeight(self._wanted_height(700))

    # --- data ---------------------------------------------------------------

    def set_rows(self, rows: Sequence[ChartRow], pay: int) -> None:
        if list(rows) == self.rows and pay == self.pay:
            return
        self.rows = list(rows)
        self.pay = pay
        self.layers = stacked_layers(self.rows)
        self.markers = find_markers(self.rows)
        self.setFixedHeight(self._wanted_height(self.width()))
        self._describe()
        self.update()

    def set_hours(self, hours: Decimal) -> None:
        self.hours = hours
        self._describe()
        self.update()

    def _describe(self) -> None:
        self.setAccessibleDescription(chart_summary(self.rows, self.hours, self.pay))

    # --- layout -------------------------------------------------------------

    def _legend_items(self) -> list[tuple[str, str]]:
        items = [(layer.label, layer.key) for layer in reversed(self.layers)]
        if any(row.costs_of_work for row in usable_rows(self.rows)):
            items.append((_(COSTS_LABEL), "costs"))
        items += [(_(TAKE_HOME_LABEL), "take_home"), (_(NOW_LABEL), "now")]
        return items

    def _legend_lines(self, width: int) -> list[list[tuple[str, str, int]]]:
        metrics = QFontMetrics(self.font())
        lines: list[list[tuple[str, str, int]]] = [[]]
        used = 0
        room = max(width - MARGIN_LEFT - MARGIN_RIGHT, 100)
        for text, key in self._legend_items():
            item_width = LEGEND_SWATCH + 6 + metrics.horizontalAdvance(text) + 18
            if used and used + item_width > room:
                lines.append([])
                used = 0
            lines[-1].append((text, key, item_width))
            used += item_width
        return lines

    def _top_margin(self) -> int:
        return 3 * LABEL_LINE + 6

    def _wanted_height(self, width: int) -> int:
        legend = len(self._legend_lines(width)) * (LABEL_LINE + 4)
        return self._top_margin() + PLOT_HEIGHT + MARGIN_BOTTOM + legend + 8

    def sizeHint(self) -> QSize:
        return QSize(700, self._wanted_height(700))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self._wanted_height(event.size().width())
        if wanted != self.height():
            self.setFixedHeight(wanted)

    def plot(self) -> Plot:
        top, _step = y_scale(self.rows)
        return Plot(
            left=MARGIN_LEFT,
            top=self._top_margin(),
            width=max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 50),
            height=PLOT_HEIGHT,
            max_hours=MAX_HOURS,
            top_pence=top,
        )

    # --- choosing hours with the mouse -------------------------------------------

    def mousePressEvent(self, event: Any) -> None:
        self._choose(event.position().x())

    def mouseMoveEvent(self, event: Any) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._choose(event.position().x())

    def _choose(self, x: float) -> None:
        if self.on_hours_chosen is not None and usable_rows(self.rows):
            self.on_hours_chosen(self.plot().hours_at(x))

    # --- drawing ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        usable = usable_rows(self.rows)
        plot = self.plot()
        if not usable:
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(
                QRectF(plot.left, plot.top, plot.width, plot.height),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                _("There is no chart: these figures cannot be worked out reliably."),
            )
            painter.end()
            return
        self._draw_grid(painter, plot)
        now_label = self._now_label(plot, usable)
        reserved = [now_label[0]] if now_label is not None else []
        now = now_take_home(self.rows)
        if now is not None:
            reserved.append(QRectF(plot.left, plot.y(now) - 2, plot.width, 4))
        for hours in (self.markers.work_allowance, self.markers.esa_stops):
            if hours is not None:
                reserved.append(QRectF(plot.x(hours) - 3, plot.top, 6, plot.height))
        band_labels = self._draw_bands(painter, plot, usable, reserved)
        self._draw_costs(painter, plot, usable)
        self._draw_lines(painter, plot, usable)
        self._draw_markers(painter, plot, labels=False)
        chosen = plot.x(self.hours)
        for box, text, colour, fill in band_labels:
            if box.left() - 2 <= chosen <= box.right() + 2:  # the hours line runs behind it
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(fill)))
                painter.drawRoundedRect(box.adjusted(2, 1, -2, -1), 3, 3)
            painter.setPen(QColor(colour))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        if now_label is not None:
            box, text = now_label
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 255, 255, 225)))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor(NOW_COLOUR))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        self._draw_markers(painter, plot, labels=True)
        self._draw_legend(painter, plot)
        painter.end()

    def _now_label(self, plot: Plot, usable: list[ChartRow]) -> tuple[QRectF, str] | None:
        """Where "Now: £148 a week" goes: at the left, just above the dashed line, or just
        below it where the take-home line would run through it."""
        now = now_take_home(self.rows)
        if now is None:
            return None
        metrics = QFontMetrics(self.font())
        text = _("Now: {amount} a week").format(amount=format_whole_pounds(now))
        width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        y = plot.y(now)
        above = QRectF(plot.left + 4, y - height - 3, width, height)
        below = QRectF(plot.left + 4, y + 3, width, height)
        line = [
            plot.y(take_home(row))
            for row in usable
            if above.left() - 4 <= plot.x(row.hours) <= above.right() + 4
        ]
        crossed = any(above.top() - 2 <= each <= above.bottom() + 2 for each in line)
        return (below if crossed else above), text

    def _draw_grid(self, painter: QPainter, plot: Plot) -> None:
        top, step = y_scale(self.rows)
        metrics = QFontMetrics(self.font())
        painter.setPen(QPen(QColor("#e3e7e5"), 1))
        value = 0
        while value <= top:
            y = plot.y(value)
            painter.setPen(QPen(QColor("#e3e7e5"), 1))
            painter.drawLine(QPointF(plot.left, y), QPointF(plot.left + plot.width, y))
            painter.setPen(QColor(MUTED_TEXT))
            text = format_whole_pounds(value)
            painter.drawText(
                QRectF(0, y - LABEL_LINE / 2, plot.left - 8, LABEL_LINE),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            value += step
        bottom = plot.top + plot.height
        painter.setPen(QPen(QColor(MUTED_TEXT), 1))
        painter.drawLine(QPointF(plot.left, bottom), QPointF(plot.left + plot.width, bottom))
        for hours in range(0, int(MAX_HOURS) + 1, 5):
            x = plot.x(hours)
            painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + 4))
            text = format_number(hours)
            width = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x - width / 2, bottom + 4 + metrics.ascent() + 2), text)
        axis = _("Hours of paid work a week")
        painter.drawText(
            QRectF(plot.left, bottom + LABEL_LINE + 4, plot.width, LABEL_LINE + 4),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            axis,
        )

    def _draw_bands(
        self, painter: QPainter, plot: Plot, usable: list[ChartRow], reserved: list[QRectF]
    ) -> list[tuple[QRectF, str, str, str]]:
        """Draw the stacked bands; returns where each band's name fits (drawn on top later).

        A name goes where the band shows: under the take-home line, not in the costs.
        """
        base = [0] * len(usable)
        home = [take_home(row) for row in usable]
        metrics = QFontMetrics(self.font())
        labels = []
        xs = [plot.x(row.hours) for row in usable]
        for layer in self.layers:
            upper = [low + value for low, value in zip(base, layer.values, strict=True)]
            points = [QPointF(x, plot.y(value)) for x, value in zip(xs, upper, strict=True)]
            points += [
                QPointF(x, plot.y(value)) for x, value in reversed(list(zip(xs, base, strict=True)))
            ]
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.setBrush(QBrush(QColor(layer.colour)))
            painter.drawPolygon(QPolygonF(points))
            shown = [min(high, top) for high, top in zip(upper, home, strict=True)]
            box = band_label_box(
                xs, [plot.y(value) for value in base], [plot.y(value) for value in shown],
                metrics.horizontalAdvance(layer.label) + 8, metrics.height() + 4,
                (plot.left + 4, plot.left + plot.width - 4), reserved,
            )  # fmt: skip
            if box is not None:
                reserved.append(box)
                text_colour = "#ffffff" if layer.key == "pay" else TEXT
                labels.append((box, layer.label, text_colour, layer.colour))
            base = upper
        return labels

    def _draw_costs(self, painter: QPainter, plot: Plot, usable: list[ChartRow]) -> None:
        if not any(row.costs_of_work for row in usable):
            return
        top = [QPointF(plot.x(row.hours), plot.y(row.net_income or 0)) for row in usable]
        bottom = [QPointF(plot.x(row.hours), plot.y(take_home(row))) for row in reversed(usable)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(255, 255, 255, 150)))
        painter.drawPolygon(QPolygonF(top + bottom))
        painter.setBrush(QBrush(QColor(COSTS_COLOUR), Qt.BrushStyle.BDiagPattern))
        painter.drawPolygon(QPolygonF(top + bottom))

    def _draw_lines(self, painter: QPainter, plot: Plot, usable: list[ChartRow]) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(TAKE_HOME_COLOUR), 2.4))
        painter.drawPolyline(
            QPolygonF([QPointF(plot.x(row.hours), plot.y(take_home(row))) for row in usable])
        )
        now = now_take_home(self.rows)
        if now is not None:
            y = plot.y(now)
            painter.setPen(QPen(QColor(NOW_COLOUR), 1.8, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left, y), QPointF(plot.left + plot.width, y))

    def _draw_markers(self, painter: QPainter, plot: Plot, *, labels: bool) -> None:
        """The marker lines (``labels`` False) or their labels above the plot (True)."""
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        marks: list[tuple[Decimal, str, QPen, bool]] = []
        if self.markers.work_allowance is not None:
            marks.append(
                (
                    self.markers.work_allowance,
                    _("Work allowance used up"),
                    QPen(QColor(MARKER_COLOUR), 1.4, Qt.PenStyle.DotLine),
                    False,
                )
            )
        if self.markers.esa_stops is not None:
            marks.append(
                (
                    self.markers.esa_stops,
                    _("ESA stops"),
                    QPen(QColor(MARKER_COLOUR), 1.6, Qt.PenStyle.DashLine),
                    False,
                )
            )
        marks.append((self.hours, hours_label(self.hours), QPen(QColor(CHOSEN_COLOUR), 2.6), True))
        marks.sort(key=lambda mark: mark[0])
        positions = []
        for hours, text, _pen, strong in marks:
            width = (bold_metrics if strong else metrics).horizontalAdvance(text) + 8
            centre = min(
                max(plot.x(hours), plot.left + width / 2), plot.left + plot.width - width / 2
            )
            positions.append((centre, width))
        lines = label_rows(positions)
        bottom = plot.top + plot.height
        tops = [plot.top - 4 - min(line, 2) * LABEL_LINE for line in lines]
        if not labels:
            for (hours, _text, pen, _strong), label_y in zip(marks, tops, strict=True):
                painter.setPen(pen)
                painter.drawLine(
                    QPointF(plot.x(hours), label_y + 3), QPointF(plot.x(hours), bottom)
                )
            return
        for (_hours, text, _pen, strong), (centre, width), label_y in zip(
            marks, positions, tops, strict=True
        ):
            box = QRectF(centre - width / 2, label_y - LABEL_LINE + 3, width, LABEL_LINE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 255, 255, 235)))
            painter.drawRect(box)
            painter.setFont(bold if strong else self.font())
            painter.setPen(QColor(CHOSEN_COLOUR if strong else MARKER_COLOUR))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.setFont(self.font())

    def _draw_legend(self, painter: QPainter, plot: Plot) -> None:
        metrics = QFontMetrics(self.font())
        y = plot.top + plot.height + MARGIN_BOTTOM + 2
        colours = {layer.key: layer.colour for layer in self.layers}
        for line in self._legend_lines(self.width()):
            x = float(plot.left)
            for text, key, item_width in line:
                swatch = QRectF(x, y + (LABEL_LINE - LEGEND_SWATCH) / 2, LEGEND_SWATCH, 14)
                self._draw_swatch(painter, swatch, key, colours)
                painter.setPen(QColor(TEXT))
                painter.drawText(
                    QPointF(x + LEGEND_SWATCH + 6, y + (LABEL_LINE + metrics.ascent()) / 2 - 1),
                    text,
                )
                x += item_width
            y += LABEL_LINE + 4

    def _draw_swatch(
        self, painter: QPainter, swatch: QRectF, key: str, colours: dict[str, str]
    ) -> None:
        middle = swatch.center().y()
        if key == "take_home":
            painter.setPen(QPen(QColor(TAKE_HOME_COLOUR), 2.4))
            painter.drawLine(QPointF(swatch.left(), middle), QPointF(swatch.right(), middle))
        elif key == "now":
            painter.setPen(QPen(QColor(NOW_COLOUR), 1.8, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(swatch.left(), middle), QPointF(swatch.right(), middle))
        elif key == "costs":
            painter.setPen(QPen(QColor(COSTS_COLOUR), 1))
            painter.setBrush(QBrush(QColor(COSTS_COLOUR), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(swatch)
        else:
            painter.setPen(QPen(QColor("#8a9397"), 1))
            painter.setBrush(QBrush(QColor(colours.get(key, "#cccccc"))))
            painter.drawRect(swatch)
        painter.setBrush(Qt.BrushStyle.NoBrush)
