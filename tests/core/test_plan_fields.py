"""The field descriptions the session's forms are built from agree with the model.

Each check is a function that returns the problems it finds, so the tests can
show both that the real descriptions pass and that a broken one is caught.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from sqlmodel import SQLModel

from vocplan import i18n
from vocplan.domain.enums import ActivityKind, PlanSection, TravelMode
from vocplan.model import LIST_PARTS, SINGLE_PARTS, Option, Person, Plan
from vocplan.plan_fields import (
    DIRECTORY_PICKERS,
    NOT_IN_FORMS,
    PART_SPECS,
    FieldKind,
    FieldSpec,
    PartSpec,
    field_label,
    parts_for,
)
from vocplan.services.editing import EDITABLE_PLAN_FIELDS, REFERENCES
from vocplan.services.plans import SECTION_PARTS

ROOT = Path(__file__).resolve().parents[2]
NOT_EDITABLE = {"id", "uid", "plan_id", "position"}
MODELS: dict[str, type[SQLModel]] = {
    **SINGLE_PARTS,
    **LIST_PARTS,
    "person": Person,
    "plan": Plan,
    "agreement": Plan,
}
OUTSIDE_SECTION_PARTS = {
    # The person's details, shown for reference in About today.
    "person": PlanSection.ABOUT_TODAY,
    # The plan's own fields: pathway stage and review date in My plan ...
    "plan": PlanSection.MY_PLAN,
    # ... and what is not agreed, in Check and agree.
    "agreement": PlanSection.AGREEMENT,
    # Each note is shown in its own step; all of them together on the whole-plan page.
    "notes": PlanSection.AGREEMENT,
}
CHOICE_KINDS = {FieldKind.CHOICE, FieldKind.MULTI_CHOICE}
NUMBER_KINDS = {FieldKind.INTEGER, FieldKind.DECIMAL}
MAX_LABEL = 60


def all_fields(specs: dict[str, PartSpec]) -> list[tuple[PartSpec, FieldSpec]]:
    return [(part, field) for part in specs.values() for field in part.fields]


# --- checks -------------------------------------------------------------------


def coverage_problems(
    specs: dict[str, PartSpec], not_in_forms: dict[str, tuple[str, ...]]
) -> list[str]:
    problems = []
    if set(specs) != set(MODELS):
        problems.append(f"parts {sorted(set(specs) ^ set(MODELS))} differ from the model")
    for key, part in specs.items():
        model = MODELS.get(key)
        if model is None:
            continue
        described = [field.name for field in part.fields]
        if len(described) != len(set(described)):
            problems.append(f"{key}: a field is described twice")
        unknown = set(described) - set(model.model_fields)
        if unknown:
            problems.append(f"{key}: the model has no {sorted(unknown)}")
        if key in SINGLE_PARTS or key in LIST_PARTS:
            wanted = set(model.model_fields) - NOT_EDITABLE
            listed = set(not_in_forms.get(key, ()))
            if missing := wanted - set(described) - listed:
                problems.append(f"{key}: {sorted(missing)} neither described nor listed")
            if both := set(described) & listed:
                problems.append(f"{key}: {sorted(both)} described and listed as not in forms")
            if stale := listed - wanted:
                problems.append(f"{key}: NOT_IN_FORMS names {sorted(stale)}, not in the model")
    plan_fields = {
        field.name
        for part in specs.values()
        if part.document_key == "plan"
        for field in part.fields
    }
    if plan_fields | set(not_in_forms.get("plan", ())) != EDITABLE_PLAN_FIELDS:
        problems.append("the plan's editable fields are not all described or listed")
    return problems


def required_problems(specs: dict[str, PartSpec]) -> list[str]:
    problems = []
    for part, field in all_fields(specs):
        model_field = MODELS[part.key].model_fields.get(field.name)
        if model_field is not None and field.required != model_field.is_required():
            problems.append(f"{part.key}.{field.name}: required is {field.required}")
    return problems


def section_problems(specs: dict[str, PartSpec]) -> list[str]:
    problems = []
    in_section_parts = set()
    for section, keys in SECTION_PARTS.items():
        for key in keys:
            if key == "versions":  # the agreed versions: shown by Check and agree itself
                continue
            in_section_parts.add(key)
            if key not in specs or specs[key].section != section:
                problems.append(f"{key} should be in {section}")
    for key, part in specs.items():
        if key in in_section_parts:
            continue
        if OUTSIDE_SECTION_PARTS.get(key) != part.section:
            problems.append(f"{key}: {part.section} is neither in SECTION_PARTS nor documented")
    return problems


def text_problems(specs: dict[str, PartSpec]) -> list[str]:
    problems = []
    for part in specs.values():
        if not part.title_source.strip() or part.title_source.endswith("."):
            problems.append(f"{part.key}: title {part.title_source!r}")
        if part.intro_source and not part.intro_source.endswith("."):
            problems.append(f"{part.key}: intro does not end with a full stop")
        if part.is_list != (part.key in LIST_PARTS):
            problems.append(f"{part.key}: is_list is {part.is_list}")
        if part.is_list:
            names = [field.name for field in part.fields]
            if not part.item_name_source or part.item_title_field not in names:
                problems.append(f"{part.key}: a list needs an item name and title field")
        elif part.item_name_source or part.item_title_field:
            problems.append(f"{part.key}: only lists have items")
    for part, field in all_fields(specs):
        where = f"{part.key}.{field.name}"
        label = field.label_source
        if not label.strip() or len(label) > MAX_LABEL or label.rstrip() != label:
            problems.append(f"{where}: label {label!r}")
        if label.endswith("."):
            problems.append(f"{where}: label ends with a full stop")
        if field.help_source and not field.help_source.endswith("."):
            problems.append(f"{where}: help does not end with a full stop")
    return problems


def kind_problems(specs: dict[str, PartSpec]) -> list[str]:
    problems = []
    for part, field in all_fields(specs):
        where = f"{part.key}.{field.name}"
        if (field.kind in CHOICE_KINDS) != (field.choices is not None):
            problems.append(f"{where}: choices go with CHOICE and MULTI_CHOICE only")
        if field.ordered and field.kind != FieldKind.MULTI_CHOICE:
            problems.append(f"{where}: only a multiple choice can be ordered")
        if (field.kind == FieldKind.MONEY) != field.name.endswith("_pence"):
            problems.append(f"{where}: MONEY is for *_pence fields")
        if field.kind == FieldKind.MONEY and field.minimum != 0:
            problems.append(f"{where}: money cannot be negative")
        if field.kind in NUMBER_KINDS and not (
            field.minimum is not None
            and field.maximum is not None
            and field.minimum < field.maximum
        ):
            problems.append(f"{where}: a number needs a minimum below its maximum")
        if field.kind not in NUMBER_KINDS | {FieldKind.MONEY} and (
            field.minimum is not None or field.maximum is not None or field.unit_source
        ):
            problems.append(f"{where}: only numbers have limits and units")
        hours = (field.minimum, field.maximum, field.unit_source)
        if field.name.startswith("hours_") and hours != (0, 80, "hours a week"):
            problems.append(f"{where}: hours a week are 0 to 80")
        if field.name.endswith("_minutes") and (field.minimum, field.maximum) != (0, 240):
            problems.append(f"{where}: journeys are 0 to 240 minutes")
        if (field.kind == FieldKind.REFERENCE) != (field.reference is not None):
            problems.append(f"{where}: a reference names the list it points into")
        if field.kind == FieldKind.REFERENCE and (part.key, field.name) not in {
            (source, ref_field)
            for target, pairs in REFERENCES.items()
            for source, ref_field in pairs
            if target == field.reference
        }:
            problems.append(f"{where}: not a reference the editing service keeps up to date")
        if field.person_words and field.kind not in {FieldKind.TEXT, FieldKind.LONG_TEXT}:
            problems.append(f"{where}: only text can be in the person's words")
        if field.name.endswith("_in_my_words") and not (
            field.person_words and field.kind == FieldKind.LONG_TEXT
        ):
            problems.append(f"{where}: 'in my words' is long text in the person's words")
    return problems


# --- the real descriptions pass --------------------------------------------------


def test_every_model_field_is_described_or_listed_and_no_description_is_stale() -> None:
    assert coverage_problems(PART_SPECS, NOT_IN_FORMS) == []


def test_required_flags_match_the_model() -> None:
    assert required_problems(PART_SPECS) == []


def test_sections_match_the_steps_that_fill_them() -> None:
    assert section_problems(PART_SPECS) == []


def test_labels_titles_and_help_are_well_formed() -> None:
    assert text_problems(PART_SPECS) == []


def test_field_kinds_limits_and_references_are_consistent() -> None:
    assert kind_problems(PART_SPECS) == []


# --- and broken ones are caught ----------------------------------------------------


def replace_field(key: str, field_name: str, **changes: Any) -> dict[str, PartSpec]:
    part = PART_SPECS[key]
    fields = tuple(
        dataclasses.replace(field, **changes) if field.name == field_name else field
        for field in part.fields
    )
    return {**PART_SPECS, key: dataclasses.replace(part, fields=fields)}


def drop_field(key: str, field_name: str) -> dict[str, PartSpec]:
    part = PART_SPECS[key]
    fields = tuple(field for field in part.fields if field.name != field_name)
    return {**PART_SPECS, key: dataclasses.replace(part, fields=fields)}


def test_the_checks_catch_broken_descriptions() -> None:
    assert coverage_problems(drop_field("money", "capital_pence"), NOT_IN_FORMS)
    assert coverage_problems(replace_field("money", "notes", name="nots"), NOT_IN_FORMS)
    assert coverage_problems(PART_SPECS, {**NOT_IN_FORMS, "money": ()})
    assert coverage_problems(drop_field("plan", "next_review_date"), NOT_IN_FORMS)
    assert required_problems(replace_field("options", "title", required=False))
    assert required_problems(replace_field("options", "notes", required=True))
    wrong_section = {
        **PART_SPECS,
        "options": dataclasses.replace(PART_SPECS["options"], section=PlanSection.MONEY),
    }
    assert section_problems(wrong_section)
    assert text_problems(replace_field("goals", "what", label_source="My goal."))
    assert text_problems(replace_field("goals", "what", label_source="x" * 61))
    assert text_problems(replace_field("goals", "what", help_source="No full stop"))
    assert kind_problems(replace_field("preferences", "gains", choices=None))
    assert kind_problems(replace_field("preferences", "hours_max", maximum=168))
    assert kind_problems(replace_field("steps", "goal_uid", reference="options"))


# --- choices ------------------------------------------------------------------------


def minimal_values(model: type[SQLModel]) -> dict[str, Any]:
    """Values for every field the model requires, so one more field can be tried."""
    values: dict[str, Any] = {}
    for name, model_field in model.model_fields.items():
        if not model_field.is_required():
            continue
        annotation = model_field.annotation
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            values[name] = next(iter(annotation)).value
        elif annotation is date:
            values[name] = date(2026, 11, 23)
        elif annotation is int:
            values[name] = 1
        else:
            values[name] = "Something"
    return values


def test_the_model_checks_choices_so_the_next_test_means_something() -> None:
    with pytest.raises(ValueError):
        Option.model_validate({**minimal_values(Option), "kind": "juggling"})


@pytest.mark.parametrize(
    ("part_key", "field_name"),
    [
        (part.key, field.name)
        for part, field in all_fields(PART_SPECS)
        if field.kind in CHOICE_KINDS
    ],
)
def test_the_model_accepts_the_values_of_each_choice(part_key: str, field_name: str) -> None:
    field = PART_SPECS[part_key].field(field_name)
    assert field.choices is not None
    model = MODELS[part_key]
    for member in field.choices:
        value: Any = [member.value] if field.kind == FieldKind.MULTI_CHOICE else member.value
        row = model.model_validate({**minimal_values(model), field_name: value})
        assert getattr(row, field_name) == value


def test_the_choices_the_session_depends_on() -> None:
    preferences = PART_SPECS["preferences"]
    activity_order = preferences.field("activity_order")
    assert (activity_order.kind, activity_order.choices, activity_order.ordered) == (
        FieldKind.MULTI_CHOICE,
        ActivityKind,
        True,
    )
    assert preferences.field("travel_modes").choices is TravelMode
    assert preferences.field("interests").kind == FieldKind.CATALOGUE
    assert PART_SPECS["person"].field("framework").label == "Care plan this belongs to"
    assert PART_SPECS["steps"].field("goal_uid").reference == "goals"
    assert PART_SPECS["scenarios"].field("option_uid").reference == "options"


@pytest.mark.parametrize(
    ("part_key", "field_name"),
    [
        ("options", "pros"),
        ("options", "cons"),
        ("work_history", "went_well"),
        ("work_history", "was_hard"),
        ("work_history", "why_it_ended"),
        ("preferences", "things_to_avoid"),
        ("skills", "description"),
        ("goals", "why_it_matters"),
        ("wellbeing", "keeps_me_well"),
        ("agreement", "not_agreed"),
    ],
)
def test_the_persons_own_words_are_marked(part_key: str, field_name: str) -> None:
    field = PART_SPECS[part_key].field(field_name)
    assert field.person_words
    assert field.kind == FieldKind.LONG_TEXT


def test_staff_detail_that_must_not_be_lost() -> None:
    assert "never assume" in PART_SPECS["money"].field("lcwra_rate").help_source
    assert "months" in PART_SPECS["disclosure"].field("access_to_work").help_source
    assert "Equality Act 2010" in PART_SPECS["disclosure"].field("choice").help_source
    assert "Do not copy" in PART_SPECS["wellbeing"].field("crisis_plan_location").help_source


def test_fields_outside_forms_and_directory_pickers_name_real_fields() -> None:
    for (part_key, text_field), uid_field in DIRECTORY_PICKERS.items():
        assert PART_SPECS[part_key].field(text_field).kind == FieldKind.TEXT
        assert uid_field in NOT_IN_FORMS[part_key]
        assert uid_field in MODELS[part_key].model_fields
    assert set(NOT_IN_FORMS) <= set(MODELS)


# --- steps and labels ------------------------------------------------------------------


def test_parts_for_covers_every_step_in_session_order() -> None:
    in_order = [part for section in PlanSection for part in parts_for(section)]
    assert in_order == list(PART_SPECS.values())
    for section in PlanSection:
        assert parts_for(section), f"{section} has nothing to fill in"
    assert {part.key for part in parts_for(PlanSection.AGREEMENT)} <= {"agreement", "notes"}
    assert [part.key for part in parts_for(PlanSection.MONEY)] == ["money", "scenarios"]


def test_field_label_finds_labels_by_part_or_document_key() -> None:
    assert field_label("goals", "what") == "My goal"
    assert field_label("plan", "not_agreed") == "What we do not agree on"
    assert field_label("plan", "pathway_stage") == "Where I am on the way"


def test_field_label_falls_back_to_a_readable_name() -> None:
    assert field_label("money", "partner") == "Partner"
    assert field_label("scenarios", "rules_year") == "Rules year"
    assert field_label("nothing", "hours_per_week") == "Hours per week"
    assert field_label("money", "travel_weekly_pence") == "Travel weekly"


@pytest.fixture
def welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vocplan.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "My goal"\nmsgstr "Fy nod"\n\nmsgid "My goals"\nmsgstr "Fy nodau"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.install("cy")
    yield
    i18n.install("en")


def test_labels_are_translated_where_shown(welsh: None) -> None:
    assert field_label("goals", "what") == "Fy nod"
    assert PART_SPECS["goals"].title == "Fy nodau"
    assert field_label("goals", "by_when") == "By when"  # not translated yet: English


def test_every_string_is_in_the_translation_template() -> None:
    with (ROOT / "translations" / "vocplan.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    sources = set()
    for part in PART_SPECS.values():
        sources |= {part.title_source, part.intro_source, part.item_name_source}
        for field in part.fields:
            sources |= {field.label_source, field.help_source, field.unit_source}
    missing = sorted(sources - {""} - template)
    assert missing == [], "Mark these with N_() and run scripts/update-translations.sh"
