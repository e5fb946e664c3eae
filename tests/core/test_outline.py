"""The plan outline shows every answer given, named as the session names it."""

from __future__ import annotations

from datetime import date

import pytest

from vocplan.demo.personas import demo_personas
from vocplan.domain.enums import PlanSection, Voice
from vocplan.plan_fields import PART_SPECS, FieldKind
from vocplan.services.outline import format_value, plan_outline

TODAY = date(2026, 11, 23)
PERSONAS = {persona.document["person"]["full_name"]: persona for persona in demo_personas(TODAY)}


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_every_answer_in_a_persona_appears_in_the_outline(name: str) -> None:
    document = PERSONAS[name].document
    outline = {section.section: section for section in plan_outline(document)}
    missing = []
    for spec in PART_SPECS.values():
        if spec.key == "notes":
            continue
        shown = [part for part in outline[spec.section].parts if part.key == spec.key]
        source = document.get(spec.document_key)
        items = source if spec.is_list else [source]
        for index, item in enumerate(items or []):
            for field in spec.fields:
                expected = format_value(field, item.get(field.name), document)
                if not expected:
                    continue
                block = shown[0].blocks[index] if shown else None
                texts = (
                    [] if block is None else [block.title, *(line.value for line in block.lines)]
                )
                if expected not in texts:
                    missing.append(f"{spec.key}[{index}].{field.name}")
    assert missing == []


def test_steps_come_in_session_order_and_empty_steps_say_so() -> None:
    outline = plan_outline({"notes": []})
    assert [section.section for section in outline] == list(PlanSection)
    assert [section.number for section in outline] == list(range(1, 9))
    assert all(section.is_empty for section in outline)


def test_notes_show_in_their_own_step_with_the_persons_words_first() -> None:
    document = {
        "notes": [
            {"section": "money", "voice": "worker", "text": "Check LCWRA rate", "written_on": None},
            {
                "section": "money",
                "voice": "person",
                "text": "I am scared",
                "written_on": "2026-11-20",
            },
        ]
    }
    money = next(s for s in plan_outline(document) if s.section == PlanSection.MONEY)
    (notes,) = money.parts
    assert [block.lines[0].value for block in notes.blocks] == ["I am scared", "Check LCWRA rate"]
    assert notes.blocks[0].title.startswith(Voice.PERSON.label)
    assert notes.blocks[0].lines[0].person_words
    assert not notes.blocks[1].lines[0].person_words


@pytest.mark.parametrize(
    ("part", "field", "value", "shown"),
    [
        ("money", "rent_monthly_pence", 52000, "£520.00 a month"),
        ("options", "pay_hourly_pence", 1271, "£12.71 an hour"),
        ("preferences", "hours_max", 16.0, "16"),
        ("preferences", "travel_modes", ["bus", "walk"], "Bus, Walking"),
        ("goals", "by_when", "2027-03-01", "01/03/2027"),
        ("sessions", "consent_to_record", False, "No"),
        ("options", "kind", "volunteering", "Volunteering"),
    ],
)
def test_values_are_shown_as_people_read_them(
    part: str, field: str, value: object, shown: str
) -> None:
    spec = PART_SPECS[part].field(field)
    result = format_value(spec, value, {})
    assert result == shown or (
        spec.kind in (FieldKind.DECIMAL, FieldKind.INTEGER) and result.startswith(shown)
    )
