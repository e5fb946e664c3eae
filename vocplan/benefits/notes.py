"""Steps, warnings and points: the plain-English account that goes with the figures.

Text is made only when someone will read it (``Notes(enabled=False)`` for the
chart), because formatting money for the chosen language is the slow part.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from vocplan.benefits.money import format_money, format_number
from vocplan.i18n import _, ngettext


class Notes:
    """Steps, warnings and points, gathered only when someone will read them."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.steps: list[str] = []
        self.warnings: list[str] = []
        self.points: list[str] = []

    def step(self, make: Callable[[], str]) -> None:
        if self.enabled:
            self.steps.append(make())

    def warn(self, make: Callable[[], str]) -> None:
        if self.enabled:
            text = make()
            if text not in self.warnings:
                self.warnings.append(text)

    def point(self, make: Callable[[], str]) -> None:
        if self.enabled:
            text = make()
            if text not in self.points:
                self.points.append(text)


def money(amount: Fraction | int) -> str:
    return format_money(amount)


def hours_text(hours: Decimal) -> str:
    """'16 hours a week', with the right plural; fractions have their own wording."""
    if hours == hours.to_integral_value():
        count = int(hours)
        return ngettext("{count} hour a week", "{count} hours a week", count).format(count=count)
    return _("{hours} hours a week").format(hours=format_number(hours))
