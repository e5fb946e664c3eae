"""The people list as a Qt item model: a thin adapter over ``PersonSummary`` values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from vocplan.domain import nhs_number
from vocplan.i18n import _

if TYPE_CHECKING:
    from vocplan.services.people import PersonSummary

NAME, DATE_OF_BIRTH, NHS_NUMBER, CARE_COORDINATOR, PLAN_STATUS = range(5)
COLUMN_COUNT = 5

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A value that sorts the column the way a person expects (dates by date, names without case)."""
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
"""Everything a search box may match in the row, in lower case."""

_MISSING_LAST = "\uffff"
"""The sort value of an empty cell, so blanks go after everything else."""

_AnyIndex = QModelIndex | QPersistentModelIndex


def display_name(person: PersonSummary) -> str:
    """Full name, with the preferred name in brackets when it says something new
    ("Tomasz Nowak (Tomek)", but not "Aisha Rahman (Aisha)")."""
    name = person.full_name
    known = {person.full_name.casefold(), person.full_name.split()[0].casefold()}
    if person.preferred_name and person.preferred_name.casefold() not in known:
        name = _("{full_name} ({preferred_name})").format(
            full_name=person.full_name, preferred_name=person.preferred_name
        )
    return name


def format_date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[PersonSummary] = []

    def set_people(self, people: Sequence[PersonSummary]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> PersonSummary:
        return self._people[row]

    def row_of(self, person_id: int) -> int | None:
        for row, person in enumerate(self._people):
            if person.id == person_id:
                return row
        return None

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            NAME: _("Name"),
            DATE_OF_BIRTH: _("Date of birth"),
            NHS_NUMBER: _("NHS number"),
            CARE_COORDINATOR: _("Care coordinator"),
            PLAN_STATUS: _("Plan status"),
        }.get(section)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, column)
        if role == SORT_ROLE:
            return self._sort_value(person, column)
        if role == PERSON_ID_ROLE:
            return person.id
        if role == SEARCH_ROLE:
            return " ".join(
                (
                    person.full_name,
                    person.preferred_name,
                    person.nhs_number or "",
                    person.care_coordinator,
                    person.team,
                )
            ).casefold()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NHS_NUMBER:
            # Read out digit by digit rather than as one huge number.
            return " ".join(person.nhs_number or "") or _("No NHS number")
        return None

    def _display(self, person: PersonSummary, column: int) -> str:
        if column == NAME:
            name = display_name(person)
            return _("{name} (demo)").format(name=name) if person.is_demo else name
        if column == DATE_OF_BIRTH:
            return format_date(person.date_of_birth)
        if column == NHS_NUMBER:
            return nhs_number.formatted(person.nhs_number) if person.nhs_number else ""
        if column == CARE_COORDINATOR:
            return person.care_coordinator
        if column == PLAN_STATUS:
            return person.plan_status.label
        return ""

    def _sort_value(self, person: PersonSummary, column: int) -> str:
        if column == NAME:
            return f"{person.full_name.casefold()}\t{person.id:010d}"
        if column == DATE_OF_BIRTH:
            return person.date_of_birth.isoformat() if person.date_of_birth else _MISSING_LAST
        if column == NHS_NUMBER:
            return person.nhs_number or _MISSING_LAST
        if column == CARE_COORDINATOR:
            return person.care_coordinator.casefold() or _MISSING_LAST
        if column == PLAN_STATUS:
            return person.plan_status.label.casefold()
        return ""


class PeopleFilterModel(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps the rows matching every word typed in the search box."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_search_text(self, text: str) -> None:
        words = text.casefold().split()
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and newer
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(model.data(model.index(source_row, NAME, source_parent), SEARCH_ROLE))
        compact = haystack.replace(" ", "")
        return all(word in haystack or word in compact for word in self._words)
