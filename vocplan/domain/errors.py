"""Errors the core raises for the UI and the command line to show as they are.

Every message is plain English, already translated, and free of personal data.
"""

from __future__ import annotations


class VocPlanError(Exception):
    """A problem the user can understand and act on."""


class ValidationError(VocPlanError):
    """Input that cannot be saved; ``field_errors`` maps each field to its message."""

    def __init__(self, field_errors: dict[str, str]) -> None:
        self.field_errors = dict(field_errors)
        super().__init__("; ".join(f"{name}: {text}" for name, text in field_errors.items()))


class NotFoundError(VocPlanError):
    """The record asked for does not exist (any more)."""
