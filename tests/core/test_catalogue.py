"""The catalogue of job families and course areas: codes, labels and search."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

from vocplan import catalogue, catalogue_strings
from vocplan.catalogue import (
    CatalogueError,
    CatalogueKind,
    codes_for_theme,
    label_for,
    load_catalogue,
    read_catalogue,
    search,
)
from vocplan.demo.personas import demo_personas
from vocplan.interest_explorer import Theme


def test_codes_and_labels_are_unique_and_both_kinds_are_there() -> None:
    entries = load_catalogue()
    codes = [entry.code for entry in entries]
    labels = [entry.label_source for entry in entries]
    assert len(codes) == len(set(codes))
    assert len(labels) == len(set(labels))
    kinds = [entry.kind for entry in entries]
    assert 40 <= kinds.count(CatalogueKind.JOB_FAMILY) <= 60
    assert kinds.count(CatalogueKind.COURSE_AREA) >= 15
    assert all(entry.code.isidentifier() and entry.code.islower() for entry in entries)
    assert all(entry.keywords and entry.themes for entry in entries)


def test_every_interest_of_every_demo_persona_is_in_the_catalogue() -> None:
    codes = {entry.code for entry in load_catalogue()}
    used = {
        code
        for persona in demo_personas(date(2026, 11, 23))
        for code in persona.document["preferences"]["interests"]
    }
    assert used, "the demo personas should pick interests from the catalogue"
    assert used <= codes, sorted(used - codes)


def test_the_strings_module_lists_exactly_the_labels_of_the_json_file() -> None:
    raw = json.loads(catalogue.catalogue_path().read_text(encoding="utf-8"))
    assert tuple(entry["label"] for entry in raw["entries"]) == catalogue_strings.LABELS, (
        "Run `python -m vocplan.catalogue` to rewrite vocplan/catalogue_strings.py."
    )
    source = Path(catalogue_strings.__file__).read_text(encoding="utf-8")
    marked = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and isinstance(node.args[0], ast.Constant)
    ]
    assert marked == list(catalogue_strings.LABELS)  # each one in an N_ call Babel can see
    assert source == catalogue.strings_module_source(read_catalogue(catalogue.catalogue_path()))


def test_labels_search_and_themes() -> None:
    assert label_for("libraries_and_archives") == "Libraries and archives"
    assert label_for("no_such_code") == "no_such_code"
    assert search("librar")[0].code == "libraries_and_archives"
    assert [entry.code for entry in search("chef")] == ["catering_and_hospitality"]
    assert "welsh_for_adults" in [entry.code for entry in search("cymraeg")]
    assert search("zzzz") == []
    assert len(search("")) == len(load_catalogue())
    courses = search("", kind=CatalogueKind.COURSE_AREA)
    assert courses and all(entry.kind == CatalogueKind.COURSE_AREA for entry in courses)
    # a label match ranks above a keyword-only match
    gardening = [entry.code for entry in search("garden")]
    assert gardening.index("gardening") < gardening.index("community_projects")
    for theme in Theme:
        assert codes_for_theme(theme), theme


def test_load_catalogue_gives_a_copy_the_caller_cannot_spoil() -> None:
    first = load_catalogue()
    first.clear()
    assert load_catalogue()


@pytest.mark.parametrize(
    "entries",
    [
        [{"code": "a", "kind": "job_family", "label": "A"}] * 2,
        [{"code": "a", "kind": "job", "label": "A"}],
        [{"code": "a", "kind": "job_family", "label": "A", "themes": ["sporty"]}],
        [{"code": "", "kind": "job_family", "label": "A"}],
    ],
)
def test_a_damaged_catalogue_file_is_refused_plainly(
    tmp_path: Path, entries: list[dict[str, object]]
) -> None:
    path = tmp_path / "interests.json"
    path.write_text(
        json.dumps({"format": catalogue.CATALOGUE_FORMAT, "entries": entries}), encoding="utf-8"
    )
    with pytest.raises(CatalogueError):
        read_catalogue(path)
