"""The benefits engine: better-off calculations from dated, sourced rules packs.

``calculate(household)`` gives the money now and in a work scenario, with the
steps that produced it, or a referral with a reason and no figures.
``chart(household)`` gives weekly money for 0 to 45 hours a week. Nothing here
imports Qt; money is whole pence.

The names below load on first use, so that registering the ``benefits``
command does not slow down the start of the app.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vocplan.benefits.engine import CHART_HOURS, calculate, chart
    from vocplan.benefits.inputs import household_from_dict
    from vocplan.benefits.model import (
        ChartRow,
        Child,
        Claimant,
        Figures,
        Household,
        Housing,
        OtherIncome,
        Partner,
        Referral,
        Result,
        Volunteering,
        Work,
    )
    from vocplan.benefits.packs import (
        available_years,
        load_pack,
        newest_year,
        rules_out_of_date,
    )

__all__ = [
    "CHART_HOURS",
    "ChartRow",
    "Child",
    "Claimant",
    "Figures",
    "Household",
    "Housing",
    "OtherIncome",
    "Partner",
    "Referral",
    "Result",
    "Volunteering",
    "Work",
    "available_years",
    "calculate",
    "chart",
    "household_from_dict",
    "load_pack",
    "newest_year",
    "rules_out_of_date",
]

_HOMES = {
    "CHART_HOURS": "engine",
    "ChartRow": "model",
    "Child": "model",
    "Claimant": "model",
    "Figures": "model",
    "Household": "model",
    "Housing": "model",
    "OtherIncome": "model",
    "Partner": "model",
    "Referral": "model",
    "Result": "model",
    "Volunteering": "model",
    "Work": "model",
    "available_years": "packs",
    "calculate": "engine",
    "chart": "engine",
    "household_from_dict": "inputs",
    "load_pack": "packs",
    "newest_year": "packs",
    "rules_out_of_date": "packs",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"vocplan.benefits.{home}"), name)
    globals()[name] = value
    return value
