"""A plan laid out for reading: the session's steps in order, each answer labelled.

Built from the field descriptions in ``vocplan.plan_fields``, so every answer
that has been given appears, named as the session names it. The screen
summary and the documents render this outline; neither decides on its own
what a plan contains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vocplan.domain.enums import PlanSection, Voice
from vocplan.formatting import choice_label, format_date, format_money, format_number
from vocplan.i18n import _
from vocplan.plan_fields import PART_SPECS, FieldKind, FieldSpec, PartSpec

Item = dict[str, Any]


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    person_words: bool = False
    """Shown as the person wrote it."""


@dataclass(frozen=True)
class Block:
    """One item of a list, or the answers of a single part."""

    title: str
    lines: tuple[Line, ...]
    person_words_title: bool = False


@dataclass(frozen=True)
class PartOutline:
    key: str
    title: str
    blocks: tuple[Block, ...]
    is_list: bool


@dataclass(frozen=True)
class SectionOutline:
    section: PlanSection
    number: int
    title: str
    parts: tuple[PartOutline, ...]

    @property
    def is_empty(self) -> bool:
        return not self.parts


def plan_outline(document: dict[str, Any]) -> list[SectionOutline]:
    """Every step of the session with what has been written in it, in session order."""
    outline = []
    for number, section in enumerate(PlanSection, start=1):
        parts = [
            part
            for spec in PART_SPECS.values()
            if spec.section == section and spec.key != "notes"
            if (part := _part_outline(spec, document)) is not None
        ]
        notes = _notes_outline(section, document)
        if notes is not None:
            parts.append(notes)
        outline.append(SectionOutline(section, number, section.label, tuple(parts)))
    return outline


def _part_outline(spec: PartSpec, document: dict[str, Any]) -> PartOutline | None:
    source = document.get(spec.document_key)
    if spec.is_list:
        items = source if isinstance(source, list) else []
        blocks = tuple(_item_block(spec, item, document) for item in items)
    else:
        values = source if isinstance(source, dict) else {}
        lines = _lines(spec, values, document, skip=None)
        blocks = (Block("", lines),) if lines else ()
    if not blocks:
        return None
    return PartOutline(spec.key, spec.title, blocks, spec.is_list)


def _item_block(spec: PartSpec, item: Item, document: dict[str, Any]) -> Block:
    title_field = spec.item_title_field
    title = ""
    person_words_title = False
    if title_field:
        title = format_value(spec.field(title_field), item.get(title_field), document)
        person_words_title = spec.field(title_field).person_words
    return Block(
        title or spec.item_name.capitalize(),
        _lines(spec, item, document, skip=title_field),
        person_words_title,
    )


def _lines(
    spec: PartSpec, values: Item, document: dict[str, Any], skip: str | None
) -> tuple[Line, ...]:
    lines = []
    for field in spec.fields:
        if field.name == skip:
            continue
        shown = format_value(field, values.get(field.name), document)
        if shown:
            lines.append(Line(field.label, shown, field.person_words))
    return tuple(lines)


def _notes_outline(section: PlanSection, document: dict[str, Any]) -> PartOutline | None:
    """Notes are shown in the step they are about, the person's words apart from the worker's."""
    notes = [note for note in document.get("notes", []) if note.get("section") == section.value]
    if not notes:
        return None
    blocks = []
    for voice in Voice:
        for note in notes:
            if note.get("voice") != voice.value:
                continue
            when = format_date(note.get("written_on"))
            title = (
                _("{voice}, {date}").format(voice=voice.label, date=when) if when else voice.label
            )
            blocks.append(
                Block(title, (Line("", str(note.get("text", "")), voice == Voice.PERSON),))
            )
    return PartOutline("notes", _("Notes"), tuple(blocks), True)


def format_value(field: FieldSpec, value: Any, document: dict[str, Any]) -> str:
    """A stored value as a person reads it; empty when there is nothing to show."""
    if value is None or value == "" or value == []:
        return ""
    kind = field.kind
    if kind == FieldKind.BOOL:
        return _("Yes") if value else _("No")
    if kind == FieldKind.DATE:
        return format_date(value)
    if kind == FieldKind.MONEY:
        money = format_money(int(value))
        return f"{money} {field.unit}" if field.unit else money
    if kind in (FieldKind.INTEGER, FieldKind.DECIMAL):
        number = format_number(value)
        return f"{number} {field.unit}" if field.unit else number
    if kind == FieldKind.CHOICE and field.choices is not None:
        return choice_label(field.choices, value)
    if kind == FieldKind.MULTI_CHOICE and field.choices is not None:
        return ", ".join(choice_label(field.choices, each) for each in value)
    if kind == FieldKind.CATALOGUE:
        return ", ".join(_catalogue_label(code) for code in value)
    if kind == FieldKind.REFERENCE and field.reference:
        return _referenced_title(field.reference, value, document)
    return str(value)


def _catalogue_label(code: str) -> str:
    from vocplan.catalogue import label_for

    return label_for(code)


def _referenced_title(list_key: str, uid: Any, document: dict[str, Any]) -> str:
    spec = PART_SPECS.get(list_key)
    for item in document.get(list_key, []):
        if item.get("uid") == uid and spec is not None and spec.item_title_field:
            return str(item.get(spec.item_title_field) or "")
    return ""
