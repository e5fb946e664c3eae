"""The rules packs: sourced, dated data, found by file name and chosen by tax year."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from vocplan.benefits import Claimant, Household, calculate, packs
from vocplan.benefits.packs import (
    LHA_CATEGORIES,
    NeedsAdviser,
    PackError,
    available_years,
    load_pack,
    newest_year,
    parse_pack,
    rules_out_of_date,
    tax_year_of,
)
from vocplan.benefits.rules import build_packs

RULES = Path(packs.__file__).parent / "rules"
STATUSES = {"policyengine-param", "derived", "secondary", "UNVERIFIED"}
SHARED = build_packs.DEFAULT_SOURCE


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    load_pack.cache_clear()
    yield
    load_pack.cache_clear()


def test_both_years_are_found_by_file_name() -> None:
    assert {"2025-26", "2026-27"} <= set(available_years())
    assert newest_year() == available_years()[-1]


@pytest.mark.parametrize("year", ["2025-26", "2026-27"])
def test_every_value_has_a_source_a_start_date_and_a_status(year: str) -> None:
    data = json.loads((RULES / f"{year}.json").read_text(encoding="utf-8"))
    assert data["tax_year"] == year
    for key, entry in data["values"].items():
        assert entry["source"].strip(), key
        assert entry["start_date"] <= data["ends"], key
        assert entry["status"] in STATUSES, key
        assert "unit" in entry and "value" in entry, key
    assert data["lha"]["source"] and data["lha"]["status"] in STATUSES


def test_unverified_values_are_refused_when_asked_for() -> None:
    pack = load_pack("2026-27")
    assert pack.record("income_tax.wales_same_as_england").unverified
    with pytest.raises(NeedsAdviser) as refused:
        pack.flag("income_tax.wales_same_as_england")
    assert refused.value.key == "income_tax.wales_same_as_england"
    with pytest.raises(NeedsAdviser):
        load_pack("2025-26").pence("child_benefit.eldest")  # no 2025-26 figure in the source


def test_the_engine_picks_the_pack_by_tax_year() -> None:
    def maximum(year: str) -> int | None:
        result = calculate(Household(tax_year=year, claimant=Claimant(age=40)))
        assert result.rules_year == year
        return result.now.universal_credit if result.now else None

    assert maximum("2025-26") == 40014
    assert maximum("2026-27") == 42490
    newest = calculate(Household(claimant=Claimant(age=40)))
    assert newest.rules_year == newest_year()


def test_2025_26_carries_unchanged_values_with_their_source() -> None:
    pack = load_pack("2025-26")
    cap = pack.record("uc.benefit_cap.single.outside_london")
    assert cap.value == 14753 and "carried" in cap.note
    lcwra = pack.record("uc.lcwra_element.protected")
    assert (
        lcwra.value == 423.27 and lcwra.value == pack.record("uc.lcwra_element.new_claimant").value
    )
    exception = pack.record("uc.benefit_cap.earnings_exception_monthly")
    assert exception.value == 846 and exception.status == "derived"


def test_a_new_years_pack_is_a_data_change_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    data = json.loads((folder / "2026-27.json").read_text(encoding="utf-8"))
    data.update(tax_year="2027-28", starts="2027-04-06", ends="2028-04-05")
    data["lha"]["file"] = "lha-2027-28.csv"
    data["values"]["uc.standard_allowance.single_25_plus"]["value"] = 450.0
    (folder / "2027-28.json").write_text(json.dumps(data), encoding="utf-8")
    shutil.copy(folder / "lha-2026-27.csv", folder / "lha-2027-28.csv")
    monkeypatch.setattr(packs, "rules_folder", lambda: folder)

    assert newest_year() == "2027-28"
    result = calculate(Household(claimant=Claimant(age=40)))
    assert result.rules_year == "2027-28"
    assert result.now is not None and result.now.universal_credit == 45000


def test_a_damaged_pack_is_refused_whole() -> None:
    data = json.loads((RULES / "2026-27.json").read_text(encoding="utf-8"))
    del data["values"]["uc.taper_rate"]["source"]
    with pytest.raises(PackError):
        parse_pack(data)


def test_tax_years_start_on_6_april() -> None:
    from datetime import date

    assert tax_year_of(date(2026, 4, 5)) == "2025-26"
    assert tax_year_of(date(2026, 4, 6)) == "2026-27"
    assert tax_year_of(date(2099, 12, 31)) == "2099-00"
    assert not rules_out_of_date(date(2026, 6, 1))
    assert rules_out_of_date(date(2027, 4, 6))


def test_lha_tables_cover_england_and_wales_with_every_category() -> None:
    for year in available_years():
        areas = list({area.code: area for area in load_pack(year).rental_areas().values()}.values())
        assert {area.nation for area in areas} == {"England", "Wales"}
        assert len(areas) > 150
        for area in areas:
            assert set(area.rates) == set(LHA_CATEGORIES), area.name
    birmingham = load_pack("2026-27").find_area("  birmingham ")
    assert birmingham is not None
    assert birmingham.rates["shared_accommodation"] == 34158
    assert birmingham.rates["1_bedroom"] == 69500
    assert birmingham.rates["2_bedrooms"] == 75000
    assert load_pack("2026-27").find_area("Glasgow") is None
    names = load_pack("2026-27").area_names()
    assert "Birmingham" in names and "Cardiff" in names and names == sorted(names)


@pytest.mark.skipif(
    not (SHARED / "benefits-rules.json").is_file(), reason="the shared source is not here"
)
def test_the_packs_are_what_the_script_makes_from_the_source(tmp_path: Path) -> None:
    build_packs.build(SHARED, tmp_path)
    for name in ("2025-26.json", "2026-27.json", "lha-2025-26.csv", "lha-2026-27.csv"):
        assert (tmp_path / name).read_bytes() == (RULES / name).read_bytes(), name
    source = json.loads((SHARED / "benefits-rules.json").read_text(encoding="utf-8"))
    pack = json.loads((RULES / "2026-27.json").read_text(encoding="utf-8"))["values"]
    for record in source["parameters"]:
        if build_packs.covers(record["tax_year"], "2026-27"):
            entry = pack[record["key"]]
            assert entry["value"] == record["value"], record["key"]
            assert entry["status"] == record["status"], record["key"]
            assert entry["source"] == record["source"], record["key"]
