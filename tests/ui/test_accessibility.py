"""Every control in the guided session has a name a screen reader can say and a keyboard path."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.services import AppServices
from ui.session.window import SessionWindow
from vocplan.demo import load_demo
from vocplan.domain.enums import PlanSection
from vocplan.storage.database import Database

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)


def spoken_name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


def test_every_control_in_every_step_is_named_and_reachable(
    qtbot: QtBot, database: Database
) -> None:
    people = load_demo(database, today=date(2026, 11, 23))
    aisha = next(person for person in people if person.full_name == "Aisha Rahman")
    services = AppServices(database)
    window = SessionWindow(services.session_services(aisha.id), services.plan_overview(aisha.id))
    qtbot.addWidget(window)
    window.show()
    problems: set[str] = set()
    checked = 0
    for section in PlanSection:
        window.go_to(section, remember=False)
        for widget in window.findChildren(QWidget):
            if not widget.isVisibleTo(window):
                continue
            if isinstance(widget, (*INPUTS, QAbstractButton)):
                checked += 1
                where = f"{section.value}: {type(widget).__name__} {widget.objectName()!r}"
                if not spoken_name(widget).strip():
                    problems.add(f"{where} has no accessible name")
                if widget.isEnabled() and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                    problems.add(f"{where} cannot be reached with the keyboard")
    assert checked > 100  # the steps were really built
    assert sorted(problems) == []
