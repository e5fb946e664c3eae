"""Checks every way into the plan shares: the editing service and plan files alike.

Most answers are checked from their field descriptions and the data model.
Answers kept as structured JSON (the money part's partner and children) are
checked by their own service (``STRUCTURED_CHECKS``), which also tidies them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from pydantic import ValidationError as PydanticValidationError
from sqlmodel import SQLModel

from vocplan.domain.errors import ValidationError
from vocplan.formatting import format_number
from vocplan.i18n import N_, _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, MoneySituation
from vocplan.plan_fields import PART_SPECS, FieldKind, FieldSpec
from vocplan.services.household import checked_household

_Row = TypeVar("_Row", bound=SQLModel)

STRUCTURED_CHECKS: dict[type[SQLModel], Callable[[dict[str, Any]], dict[str, Any]]] = {
    MoneySituation: checked_household,
}
"""For a model with structured answers: returns its values checked and tidied, or raises
ValidationError with a plain message for each bad answer."""


def validated(model: type[_Row], values: dict[str, Any]) -> _Row:
    """A row of ``model`` from ``values``; raises ValidationError with plain messages by field."""
    check_choices(model, values)
    check_ranges(model, values)
    structured = STRUCTURED_CHECKS.get(model)
    if structured is not None:
        values = structured(values)
    try:
        return model.model_validate(values)
    except PydanticValidationError as problem:
        raise ValidationError(plain_errors(problem)) from None


def check_choices(model: type[SQLModel], values: dict[str, Any]) -> None:
    """Choices the database keeps as plain text (lists of choices, a travel mode) are
    checked against the field descriptions, so only known values are ever stored."""
    specs = specs_by_model().get(model, {})
    errors: dict[str, str] = {}
    for name, value in values.items():
        spec = specs.get(name)
        if spec is None or spec.choices is None or value in (None, ""):
            continue
        allowed = {member.value for member in spec.choices}
        chosen = value if spec.kind == FieldKind.MULTI_CHOICE else [value]
        if not isinstance(chosen, list) or not set(map(str, chosen)) <= allowed:
            errors[name] = _("Choose from the list.")
        elif spec.kind == FieldKind.MULTI_CHOICE and len(set(chosen)) != len(chosen):
            errors[name] = _("Each choice can be picked only once.")
    if errors:
        raise ValidationError(errors)


def check_ranges(model: type[SQLModel], values: dict[str, Any]) -> None:
    """Numbers must lie within the range their field description gives."""
    specs = specs_by_model().get(model, {})
    errors: dict[str, str] = {}
    for name, value in values.items():
        spec = specs.get(name)
        if spec is None or value is None or isinstance(value, bool):
            continue
        if spec.minimum is None and spec.maximum is None:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue  # not a number at all: the type check says so in plain words
        if spec.kind == FieldKind.MONEY:
            number /= 100  # ranges of money fields are in pounds
        too_low = spec.minimum is not None and number < spec.minimum
        too_high = spec.maximum is not None and number > spec.maximum
        if too_low or too_high:
            errors[name] = _range_message(spec)
    if errors:
        raise ValidationError(errors)


def _range_message(spec: FieldSpec) -> str:
    low = format_number(spec.minimum)
    high = format_number(spec.maximum)
    if spec.minimum is not None and spec.maximum is not None:
        return _("Type a number from {low} to {high}.").format(low=low, high=high)
    if spec.minimum is not None:
        return _("Type a number of at least {low}.").format(low=low)
    return _("Type a number no bigger than {high}.").format(high=high)


@cache
def specs_by_model() -> dict[type[SQLModel], dict[str, FieldSpec]]:
    models: dict[str, type[SQLModel]] = {**SINGLE_PARTS, **LIST_PARTS}
    result: dict[type[SQLModel], dict[str, FieldSpec]] = {}
    for part in PART_SPECS.values():
        model = models.get(part.document_key)
        if model is not None:
            result.setdefault(model, {}).update({spec.name: spec for spec in part.fields})
    return result


PLAIN_MESSAGES = {
    "int": N_("Type a whole number, for example 16."),
    "float": N_("Type a number, for example 7.5."),
    "date": N_("Type a date as day/month/year, for example 31/01/2027."),
    "bool": N_("Choose yes or no."),
    "enum": N_("Choose one of the options."),
    "missing": N_("This needs an answer."),
    "string": N_("Type some words here."),
    "list": N_("Choose from the list."),
}


def plain_errors(problem: PydanticValidationError) -> dict[str, str]:
    """Pydantic's technical messages, said plainly, by field."""
    errors: dict[str, str] = {}
    for error in problem.errors():
        if not error["loc"]:
            continue
        field = str(error["loc"][0])
        kind = str(error["type"])
        message = next(
            (text for prefix, text in PLAIN_MESSAGES.items() if kind.startswith(prefix)),
            N_("This answer cannot be saved. Check what you typed."),
        )
        errors.setdefault(field, _(message))
    return errors
