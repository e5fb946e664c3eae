"""Make the rules packs from the shared, sourced figures.

    .venv/bin/python -m vocplan.benefits.rules.build_packs [--source DIR]

``DIR`` holds ``benefits-rules.json`` and ``lha-uc-monthly.csv`` (by default
the ``shared/domain`` folder beside the checkout). The script writes one pack
per tax year (``2025-26.json``, ``2026-27.json``) and one LHA table per year
(England and Wales only) into this folder. The packs are committed data: the
engine reads only them, never the source files.

Every value keeps the source's ``status`` label. Where the source gives no
figure for 2025-26, the pack says why it has one anyway (carried from a record
that section 11 of benefits-rules.md says is unchanged across both years, or
derived with the same statutory formula from the 2025-26 minimum wage), or
records the gap as ``UNVERIFIED`` with no value, so that the engine refers any
calculation that needs it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterable
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[3] / "shared" / "domain"

YEARS = {
    "2025-26": ("2025-04-06", "2026-04-05"),
    "2026-27": ("2026-04-06", "2027-04-05"),
}
NATIONS_COVERED = ("England", "Wales")

UNVERIFIED = "UNVERIFIED"

# benefits-rules.md section 11: "Unchanged across both years: benefit cap, personal
# allowance, tax bands, NI PT and UEL, capital limits, taper." These records are
# labelled 2026-27 in the source but hold for 2025-26 as well. So do the age
# thresholds and flags set years before either tax year.
CARRIED_BACK = {
    "uc.benefit_cap.single.outside_london": "section 11: the benefit cap is unchanged",
    "uc.benefit_cap.single.london": "section 11: the benefit cap is unchanged",
    "uc.benefit_cap.family.outside_london": "section 11: the benefit cap is unchanged",
    "uc.benefit_cap.family.london": "section 11: the benefit cap is unchanged",
    "ni.class1.primary_threshold.annual": "section 11: the NI primary threshold is unchanged",
    "ni.class1.primary_threshold.weekly": "section 11: the NI primary threshold is unchanged",
    "ni.class1.upper_earnings_limit.annual": "section 11: the NI UEL is unchanged",
    "uc.standard_allowance.age_threshold": "set from 2017-04-01, before either year",
    "uc.min_age": "set from 2013-04-29, before either year",
    "uc.housing.shared_accommodation_age_threshold": "set from 2013-04-01, before either year",
    "uc.housing.lha_frozen": "the source says LHA rates are frozen for 2025-26 and 2026-27",
    "uc.lcw_element": "abolished for new claims from 2017-04-03, before either year",
    "income_tax.wales_same_as_england": "no better source for 2025-26; still UNVERIFIED",
}

# Figures for 2025-26 that the source gives only in a note on the 2026-27 record.
FROM_NOTES = {
    "esa.new_style.personal_allowance.25_plus": (
        "92.05",
        "the 2026-27 record's note: '2025-26: 92.05'",
    ),
    "esa.new_style.personal_allowance.under_25": (
        "72.90",
        "the 2026-27 record's note: '2025-26: 72.90'",
    ),
}

# 2025-26 values worked out with the statutory formula the 2026-27 record cites,
# from the 2025-26 National Living Wage (minimum_wage.age_21_plus).
DERIVED_FROM_NLW = {
    # key: (hours, weekly_to_monthly, rounding)
    "uc.benefit_cap.earnings_exception_monthly": (16, True, "pounds_down"),
    "uc.administrative_earnings_threshold.single": (18, True, "penny"),
    "uc.administrative_earnings_threshold.couple": (29, True, "penny"),
    "uc.lcw_assessment_earnings_threshold": (16, False, "penny"),
}

# 2025-26: the supported permitted work limit is the same as the higher limit.
SAME_AS = {"esa.permitted_work.supported_limit": "esa.permitted_work.higher_limit"}

# 2025-26 had one LCWRA rate for everyone; the engine knows the two 2026-27 names.
SPLIT_2025_26 = {
    "uc.lcwra_element": ("uc.lcwra_element.protected", "uc.lcwra_element.new_claimant"),
}

# Values the engine needs that benefits-rules.json does not hold. Each is only
# ever used to refuse (refer) a calculation, never to produce a figure.
SUPPLEMENT: list[dict[str, Any]] = [
    {
        "key": "scope.pension_age",
        "value": 66,
        "unit": "years",
        "period_start": "2020-10-06",
        "source": (
            "Not in benefits-rules.md. State Pension age is 66, rising to 67 for people "
            "born after 5 April 1960 (Pensions Act 2014 s.26). Used only to refer "
            "households where anyone is at or over this age (Pension Credit, mixed-age "
            "couples and the pension-age benefit cap exemption are not covered)."
        ),
        "status": UNVERIFIED,
        "note": "VocPlan scope: refer at or over this age",
    },
]

LHA_SOURCE = (
    "DWP, 'Universal Credit Local Housing Allowance monthly rates {year}' for England "
    "and Wales (gov.uk), as compiled in policyengine-uk 2.162.10 "
    "(LHA/lha_published_rates.csv.gz); benefits-rules.md section 1.5 and "
    "lha-uc-monthly.csv. Frozen at April 2024 levels (SI 2025/5, SI 2026/5)."
)


def covers(label: str, year: str) -> bool:
    """Whether a source record's ``tax_year`` label includes ``year``."""
    if label == "all":
        return True
    start = int(year[:4])
    if match := re.fullmatch(r"(\d{4})-\d{2}", label):
        return int(match.group(1)) == start
    if match := re.fullmatch(r"(\d{4})-\d{2} onward", label):
        return start >= int(match.group(1))
    if match := re.fullmatch(r"(\d{4})-\d{2} to (\d{4})-\d{2}", label):
        return int(match.group(1)) <= start <= int(match.group(2))
    raise ValueError(f"unknown tax_year label {label!r}")


def _entry(
    record: dict[str, Any], *, start_date: str | None = None, note: str = ""
) -> dict[str, Any]:
    notes = [text for text in (record.get("note"), note) if text]
    entry: dict[str, Any] = {
        "value": record["value"],
        "unit": record["unit"],
        "source": record["source"],
        "start_date": start_date or record["period_start"],
        "status": record["status"],
    }
    if notes:
        entry["note"] = "; ".join(notes)
    return entry


def _money(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def build_pack(records: list[dict[str, Any]], year: str) -> dict[str, Any]:
    starts, ends = YEARS[year]
    values: dict[str, dict[str, Any]] = {}
    for record in records:
        if covers(record["tax_year"], year):
            values[record["key"]] = _entry(record)
    by_key_2026 = {r["key"]: r for r in records if covers(r["tax_year"], "2026-27")}

    if year == "2025-26":
        for key, reason in CARRIED_BACK.items():
            if key in values:
                continue
            record = by_key_2026[key]
            start = min(record["period_start"], starts)
            values[key] = _entry(
                record,
                start_date=start,
                note=f"carried from the 2026-27 record by build_packs.py ({reason})",
            )
        for key, (written, where) in FROM_NOTES.items():
            record = by_key_2026[key]
            values[key] = _entry(
                {**record, "value": float(written), "period_start": starts, "note": None},
                note=f"2025-26 figure from {where}",
            )
        nlw = Decimal(str(values["minimum_wage.age_21_plus"]["value"]))
        figure: float
        for key, (hours, monthly, rounding) in DERIVED_FROM_NLW.items():
            record = by_key_2026[key]
            amount = hours * nlw * (Decimal(52) / Decimal(12) if monthly else 1)
            if rounding == "pounds_down":
                figure = int(amount.to_integral_value(rounding=ROUND_FLOOR))
            else:
                figure = _money(amount)
            values[key] = _entry(
                {**record, "value": figure, "period_start": starts, "status": "derived",
                 "note": None},
                note=(
                    f"derived for 2025-26 by build_packs.py: {hours} x NLW {nlw}"
                    + (" x 52 / 12" if monthly else "")
                    + (", pence disregarded" if rounding == "pounds_down" else "")
                    + f"; the 2026-27 record's note: {record.get('note') or 'none'}"
                ),
            )  # fmt: skip
        for key, twin in SAME_AS.items():
            record = by_key_2026[key]
            values[key] = _entry(
                {**record, "value": values[twin]["value"], "period_start": starts,
                 "status": "derived", "note": None},
                note=f"2025-26: the same earnings limit as {twin}, as the 2026-27 source says",
            )  # fmt: skip
        for key, names in SPLIT_2025_26.items():
            single = values.pop(key)
            for name in names:
                values[name] = {
                    **single,
                    "note": (
                        "2025-26 had one LCWRA rate for everyone; build_packs.py gives it "
                        f"under both 2026-27 names (source key {key})"
                    ),
                }
        for key, record in by_key_2026.items():
            if key in values or key.startswith("uc.housing.lha_monthly."):
                continue
            values[key] = {
                "value": None,
                "unit": record["unit"],
                "source": "benefits-rules.json has no 2025-26 figure for this value",
                "start_date": starts,
                "status": UNVERIFIED,
                "note": "missing for 2025-26: the engine refers any calculation that needs it",
            }
    for record in SUPPLEMENT:
        values[record["key"]] = _entry(record)

    return {
        "format": 1,
        "tax_year": year,
        "starts": starts,
        "ends": ends,
        "built_by": "vocplan/benefits/rules/build_packs.py",
        "built_from": (
            "benefits-rules.json and lha-uc-monthly.csv (compiled 2026-11 from "
            "policyengine-uk 2.162.10 parameter files and public sources)"
        ),
        "lha": {
            "file": f"lha-{year}.csv",
            "unit": "GBP/month",
            "source": LHA_SOURCE.format(year=year.replace("-", " to 20")),
            "start_date": starts,
            "status": "policyengine-param",
        },
        "values": dict(sorted(values.items())),
    }


def lha_rows(rows: Iterable[dict[str, str]], year: str) -> list[dict[str, str]]:
    return sorted(
        (
            {
                "nation": row["nation"],
                "brma": row["brma"],
                "brma_code": row["brma_code"],
                "category": row["category"],
                "uc_monthly": row["uc_monthly"],
            }
            for row in rows
            if row["tax_year"] == year and row["nation"] in NATIONS_COVERED
        ),
        key=lambda row: (row["nation"], row["brma"], row["category"]),
    )


def build(source: Path, target: Path) -> list[Path]:
    """Write every pack and LHA table from ``source`` into ``target``."""
    data = json.loads((source / "benefits-rules.json").read_text(encoding="utf-8"))
    with (source / "lha-uc-monthly.csv").open(encoding="utf-8", newline="") as handle:
        lha = list(csv.DictReader(handle))
    written = []
    for year in YEARS:
        pack = target / f"{year}.json"
        text = json.dumps(build_pack(data["parameters"], year), indent=1, ensure_ascii=False)
        pack.write_text(text + "\n", encoding="utf-8")
        table = target / f"lha-{year}.csv"
        with table.open("w", encoding="utf-8", newline="") as handle:
            fields = ["nation", "brma", "brma_code", "category", "uc_monthly"]
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(lha_rows(lha, year))
        written += [pack, table]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make VocPlan's benefits rules packs.")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--target", type=Path, default=HERE)
    options = parser.parse_args(argv)
    for path in build(options.source, options.target):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
