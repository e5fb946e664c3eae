"""``vocplan benefits --input FILE``: JSON in, JSON out, and a clear error for bad input."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vocplan.cli import main

ROOT = Path(__file__).resolve().parents[2]

SAMPLE: dict[str, Any] = {
    "tax_year": "2026-27",
    "claimant": {
        "age": 40,
        "lcw": False,
        "lcwra": True,
        "lcwra_rate": "protected",
        "pip_daily_living": "none",
        "pip_mobility": "none",
        "new_style_esa_weekly": 0,
        "esa_group": None,
    },
    "partner": None,
    "children": [],
    "housing": {"tenure": "social", "rent_monthly": 400},
    "capital": 0,
    "work": {
        "hours_per_week": 16,
        "hourly_pay": 12.71,
        "travel_weekly": 10,
        "supported_permitted_work": False,
    },
}


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, household: Any) -> tuple[int, str, str]:
    source = tmp_path / "household.json"
    source.write_text(household if isinstance(household, str) else json.dumps(household))
    code = main(["benefits", "--input", str(source)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def changed(**parts: Any) -> dict[str, Any]:
    household = json.loads(json.dumps(SAMPLE))
    for path, value in parts.items():
        *outer, last = path.split("__")
        target = household
        for name in outer:
            target = target[name]
        target[last] = value
    return household


def test_round_trip_of_a_sample_household(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, tmp_path, SAMPLE)
    assert code == 0, err
    result = json.loads(out)
    assert result["rules_year"] == "2026-27"
    assert result["refer"] is None
    assert result["now"]["universal_credit"] == 1254.70
    assert result["scenario"] == {
        "earnings": 881.23,
        "income_tax": 0,
        "national_insurance": 0,
        "universal_credit": 1004.88,
        "new_style_esa": 0,
        "pip": 0,
        "child_benefit": 0,
        "net_income": 1886.10,
    }
    assert result["costs_of_work_monthly"] == 43.33  # £10 a week x 52 / 12
    assert result["better_off_monthly"] == 588.07  # 631.40 - 43.33
    assert result["better_off_weekly"] == 135.71
    assert result["weekly"]["scenario"]["net_income"] == 435.25  # 1,886.10 x 12 / 52
    assert result["weekly"]["now"]["universal_credit"] == 289.55  # 1,254.70 x 12 / 52
    assert result["steps"] and all(isinstance(step, str) for step in result["steps"])
    assert isinstance(result["warnings"], list) and isinstance(result["points"], list)
    # Money is written with two decimal places, as pounds and pence.
    assert '"universal_credit": 1254.70' in out
    assert '"income_tax": 0.00' in out
    assert not re.search(r":\s-?\d+\.\d(?!\d)", out)


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SAMPLE)))
    assert main(["benefits", "--input", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"]["universal_credit"] == 1004.88


def test_a_referral_is_a_result_with_null_money(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _err = run(capsys, tmp_path, changed(capital=20000))
    result = json.loads(out)
    assert code == 0
    assert result["refer"]["reason"]
    for key in ("now", "scenario", "costs_of_work_monthly", "better_off_monthly",
                "better_off_weekly"):  # fmt: skip
        assert result[key] is None


@pytest.mark.parametrize(
    ("household", "field"),
    [
        (changed(claimant__favourite_colour="blue"), "claimant.favourite_colour"),
        (changed(extra=1), "extra"),
        (changed(work__hours_per_week=-3), "work.hours_per_week"),
        (changed(work__hourly_pay="abc"), "work.hourly_pay"),
        (changed(claimant__age=300), "claimant.age"),
        (changed(claimant__age="forty"), "claimant.age"),
        (changed(claimant__lcwra="yes"), "claimant.lcwra"),
        (changed(claimant__pip_mobility="high"), "claimant.pip_mobility"),
        (changed(housing__tenure="castle"), "housing.tenure"),
        (changed(housing__rent_monthly=-1), "housing.rent_monthly"),
        (changed(capital=12.345), "capital"),
        (changed(children=[{"age": 4, "disability": "middle"}]), "children[0].disability"),
        (changed(children="two"), "children"),
        (changed(partner={"age": 30, "earnings": 100}), "partner.earnings"),
        (changed(tax_year="2019-20"), "tax_year"),
        (changed(work__weeks_per_year=60), "work.weeks_per_year"),
        (changed(claimant__lcwra_rate=None), "claimant.lcwra_rate"),
    ],
)
def test_bad_input_names_the_field_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, household: dict[str, Any], field: str
) -> None:
    code, out, err = run(capsys, tmp_path, household)
    assert code == 1
    assert out == ""
    assert field in err


def test_every_bad_field_is_named_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    household = changed(work__hours_per_week=-1, work__hourly_pay="abc", claimant__age=300)
    code, _out, err = run(capsys, tmp_path, household)
    assert code == 1
    for field in ("work.hours_per_week", "work.hourly_pay", "claimant.age"):
        assert field in err


def test_a_misspelt_field_gets_a_suggestion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    household = changed()
    household["work"]["hours_a_week"] = household["work"].pop("hours_per_week")
    _code, _out, err = run(capsys, tmp_path, household)
    assert "work.hours_a_week" in err and "hours_per_week" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json", "not valid JSON"), ("[1, 2]", "must be an object")],
)
def test_input_that_is_not_a_household(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    code, _out, err = run(capsys, tmp_path, text)
    assert code == 1 and message in err


def test_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["benefits", "--input", str(tmp_path / "nowhere.json")]) == 1
    assert "no file" in capsys.readouterr().err


def test_a_mistyped_command_line_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["benefits"])
    assert exit_.value.code == 2
    assert "--input" in capsys.readouterr().err


@pytest.mark.slow
def test_the_installed_command_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vocplan", "benefits", "--input", "-"],
        input=json.dumps(SAMPLE), capture_output=True, text=True, cwd=ROOT, check=False,
        env={**os.environ, "VOCPLAN_LANG": "en"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["better_off_monthly"] == 588.07
