"""A Result as JSON: pounds with two decimal places, ``null`` where there is no figure."""

from __future__ import annotations

import json
from typing import Any

from vocplan.benefits.model import Figures, Result
from vocplan.benefits.money import pence_to_pounds

FIGURE_NAMES = (
    "earnings",
    "income_tax",
    "national_insurance",
    "universal_credit",
    "new_style_esa",
    "pip",
    "child_benefit",
    "net_income",
)


class Pounds:
    """Pence to be written as a JSON number with exactly two decimal places."""

    def __init__(self, pence: int) -> None:
        self.pence = pence

    def __repr__(self) -> str:
        return str(pence_to_pounds(self.pence))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pounds) and other.pence == self.pence

    def __hash__(self) -> int:
        return hash(self.pence)


def _pounds(pence: int | None) -> Pounds | None:
    return None if pence is None else Pounds(pence)


def _figures(figures: Figures | None) -> dict[str, Pounds] | None:
    if figures is None:
        return None
    return {name: Pounds(getattr(figures, name)) for name in FIGURE_NAMES}


def result_to_dict(result: Result) -> dict[str, Any]:
    """The Result in the documented output shape (money as ``Pounds``)."""
    return {
        "rules_year": result.rules_year,
        "now": _figures(result.now),
        "scenario": _figures(result.scenario),
        "costs_of_work_monthly": _pounds(result.costs_of_work_monthly),
        "better_off_monthly": _pounds(result.better_off_monthly),
        "better_off_weekly": _pounds(result.better_off_weekly),
        "steps": list(result.steps),
        "warnings": list(result.warnings),
        "points": list(result.points),
        "weekly": {
            "now": _figures(result.now_weekly),
            "scenario": _figures(result.scenario_weekly),
        },
        "refer": None
        if result.refer is None
        else {"reason": result.refer.reason, "rule": result.refer.rule},
    }


def to_json(value: Any, indent: int = 2, level: int = 0) -> str:
    """JSON text in which ``Pounds`` are numbers such as ``854.70``."""
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(value, Pounds):
        return repr(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}{json.dumps(str(key), ensure_ascii=False)}: {to_json(item, indent, level + 1)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [f"{pad}{to_json(item, indent, level + 1)}" for item in value]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    return json.dumps(value, ensure_ascii=False)
