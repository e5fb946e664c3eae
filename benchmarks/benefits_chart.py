"""How long the benefits engine takes to work out the Money page's hours chart.

    .venv/bin/python benchmarks/benefits_chart.py [--runs 20]

For each of a few made-up households it times ``vocplan.benefits.chart`` (0 to
45 hours a week in half hours: 91 scenarios) and ``calculate`` for one scenario
with all its plain-English steps, and reports the median of ``--runs`` runs after
one uncounted warm-up (which loads the rules pack and Babel's locale data).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vocplan.benefits import (
    Child,
    Claimant,
    Household,
    Housing,
    Partner,
    Work,
    calculate,
    chart,
)

NLW = 1271

HOUSEHOLDS = {
    "single, LCWRA, social rent (A09)": Household(
        tax_year="2026-27",
        claimant=Claimant(age=40, lcwra=True, lcwra_rate="protected"),
        housing=Housing(tenure="social", rent_monthly=40000),
        work=Work(hours_per_week=Decimal(16), hourly_pay=NLW, travel_weekly=1200),
    ),
    "new-style ESA support group, owner (permitted work)": Household(
        tax_year="2026-27",
        claimant=Claimant(age=47, new_style_esa_weekly=14590, esa_group="support"),
        work=Work(hours_per_week=Decimal(15), hourly_pay=1500),
    ),
    "under 35, PIP, private rent in Birmingham": Household(
        tax_year="2026-27",
        claimant=Claimant(
            age=29,
            lcwra=True,
            lcwra_rate="new_claimant",
            pip_daily_living="standard",
            new_style_esa_weekly=9555,
            esa_group="wrag",
        ),
        housing=Housing(tenure="private", rent_monthly=72000, brma="Birmingham"),
        work=Work(hours_per_week=Decimal(16), hourly_pay=NLW, travel_weekly=800),
    ),
    "married couple, two children, private rent in Leeds": Household(
        tax_year="2026-27",
        claimant=Claimant(age=34),
        partner=Partner(age=33, married=True, earnings_monthly=90000),
        children=(Child(age=10), Child(age=4, disability="lower")),
        housing=Housing(tenure="private", rent_monthly=95000, brma="Leeds", bedrooms=2),
        capital=800000,
        work=Work(hours_per_week=Decimal(30), hourly_pay=1450, travel_weekly=2000),
    ),
}


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up, not counted
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    print(f"Median of {options.runs} runs (Python {sys.version.split()[0]})")
    print(f"{'household':55} {'chart (91 scenarios)':>22} {'per scenario':>14} {'calculate':>11}")
    for name, household in HOUSEHOLDS.items():
        rows = chart(household)
        assert len(rows) >= 91 and all(row.refer is None for row in rows), name
        whole = median_seconds(lambda household=household: chart(household), options.runs)
        one = median_seconds(lambda household=household: calculate(household), options.runs)
        print(
            f"{name:55} {whole * 1000:19.1f} ms {whole / len(rows) * 1e6:11.0f} µs "
            f"{one * 1000:8.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
