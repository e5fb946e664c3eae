"""What changed in a plan since the version both people last agreed.

``changes_between`` compares two plan documents (as ``services.snapshot``
writes them): the ``snapshot`` an agreed ``PlanVersion`` froze and the plan
as it is now. It walks every part in ``vocplan.model.SINGLE_PARTS`` and
``LIST_PARTS``, the plan's own answers (pathway stage, next review date,
what is not agreed) and the care-plan details of the person (framework, care
coordinator, team), so a part added to the model is compared without any
change here.

Left out on purpose: database ids, timestamps, where the session was left
(``last_section``), the positions of items (a list whose items are in a new
order is reported once, as "moved"), the calculated ``result`` of money
scenarios (it follows from the inputs, which are compared) and the person's
own details, which are not part of the plan.

List items are matched by ``uid``, so an item that was changed is reported as
changed, field by field, and never as removed and added again.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Literal

from pydantic_core import PydanticUndefined
from sqlmodel import SQLModel, col, select

from vocplan.domain.enums import LabelledEnum, PlanSection
from vocplan.domain.errors import NotFoundError
from vocplan.formatting import choice_label, format_date, format_money, format_number
from vocplan.i18n import _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, Plan, PlanVersion
from vocplan.plan_fields import PART_SPECS, FieldKind, FieldSpec, field_label
from vocplan.services.plans import SECTION_PARTS
from vocplan.services.snapshot import plan_document
from vocplan.storage.database import Database

ChangeKind = Literal["added", "removed", "changed", "moved"]

PLAN_FIELDS: dict[str, PlanSection] = {
    "pathway_stage": PlanSection.MY_PLAN,
    "next_review_date": PlanSection.MY_PLAN,
    "not_agreed": PlanSection.AGREEMENT,
}
"""The plan's own fields that are compared, and the step each belongs to."""

PERSON_FIELDS: tuple[str, ...] = ("framework", "care_coordinator", "team")
"""The person's details that belong to the plan; the rest are not compared."""

IGNORED_FIELDS: dict[str, frozenset[str]] = {"scenarios": frozenset({"result"})}
"""Fields of a part that are never compared."""

_ALWAYS_IGNORED = frozenset(
    {"id", "uid", "plan_id", "person_id", "position", "created_at", "updated_at"}
)
_LONG_VALUE = 60
"""Values longer than this are not repeated in a one-sentence description."""


@dataclass(frozen=True)
class Change:
    part_key: str
    """A key of the plan document ("goals", "preferences"…), or "plan" or "person"."""
    section: PlanSection
    """The step of the session it belongs to; a note's is the step it is about."""
    kind: ChangeKind
    item_uid: str | None
    """The item of a list that changed; None for single parts and for "moved"."""
    item_title: str
    """The item's main text, for example a goal's ``what``; empty for single parts."""
    field: str | None
    """The field that changed, for kind "changed"; None otherwise."""
    before: Any
    """The value before (for "removed", the whole item; for "moved", the uids in order)."""
    after: Any
    """The value after (for "added", the whole item; for "moved", the uids in order)."""
    before_title: str = ""
    """For a field pointing at another item (a step's goal): that item's title, before."""
    after_title: str = ""
    """For a field pointing at another item: that item's title, after."""


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every difference between two plan documents, in the order of the session's steps."""
    changes: list[Change] = []
    changes += _field_changes("person", old.get("person"), new.get("person"), PERSON_FIELDS)
    for key, section in _parts_in_order():
        if key in SINGLE_PARTS:
            changes += _single_part_changes(key, section, old, new)
        else:
            changes += _list_changes(key, section, old, new)
    changes += _field_changes("plan", old.get("plan"), new.get("plan"), tuple(PLAN_FIELDS))
    order = list(PlanSection)
    changes.sort(key=lambda change: order.index(change.section))  # stable within a step
    return changes


def _parts_in_order() -> list[tuple[str, PlanSection]]:
    """Every part of the model with its step: the session's order first, then any other."""
    ordered = [
        (key, section)
        for section, keys in SECTION_PARTS.items()
        for key in keys
        if key in SINGLE_PARTS or key in LIST_PARTS
    ]
    known = {key for key, _section in ordered}
    for key in [*SINGLE_PARTS, *LIST_PARTS]:
        if key not in known:  # notes (filed by their own step), or a part added later
            spec = PART_SPECS.get(key)
            ordered.append((key, spec.section if spec is not None else PlanSection.AGREEMENT))
    return ordered


def take_sections(
    ours: dict[str, Any], theirs: dict[str, Any], sections: set[PlanSection]
) -> dict[str, Any]:
    """Plan document ``ours`` with the parts of the chosen ``sections`` taken from ``theirs``.

    Works at the grain a person chooses at: whole steps of the session. Notes
    go with the step they are about; the plan's own answers with their step;
    the person's details (About today) field by field. References from a part
    kept to an item no longer there are cleared by the caller's checks.
    """
    merged = copy.deepcopy(ours)
    for key, section in _parts_in_order():
        if key == "notes":
            kept = [
                item
                for item in ours.get(key) or []
                if _item_section(key, item, section) not in sections
            ]
            taken = [
                item
                for item in theirs.get(key) or []
                if _item_section(key, item, section) in sections
            ]
            merged[key] = copy.deepcopy(kept + taken)
        elif section in sections:
            merged[key] = copy.deepcopy(theirs.get(key))
    for change in changes_between(ours, theirs):
        if change.part_key in ("plan", "person") and change.section in sections:
            assert change.field is not None
            merged.setdefault(change.part_key, {})[change.field] = copy.deepcopy(change.after)
    return merged


def changes_since_agreed(database: Database, person_id: int) -> list[Change]:
    """What changed since the plan was last agreed; empty if it was never agreed."""
    with database.reading() as session:
        plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).first()
        if plan is None:
            raise NotFoundError(_("That person is no longer in VocPlan."))
        latest = session.exec(
            select(PlanVersion)
            .where(col(PlanVersion.plan_id) == plan.id)
            .order_by(col(PlanVersion.number).desc())
        ).first()
        if latest is None:
            return []
        current = plan_document(session, plan, with_versions=False)
        snapshot = dict(latest.snapshot)
    return changes_between(snapshot, current)


def changes_by_section(changes: list[Change]) -> dict[PlanSection, list[Change]]:
    """The changes grouped by step, in the order of the steps; steps with none left out."""
    grouped: dict[PlanSection, list[Change]] = {}
    for section in PlanSection:
        found = [change for change in changes if change.section == section]
        if found:
            grouped[section] = found
    return grouped


def describe(change: Change) -> str:
    """One short sentence about a change, for example "Goal added: Work in a library"."""
    if change.kind == "moved":
        return _("Put in a new order: {part}").format(part=_part_title(change.part_key))
    item = _item_name(change.part_key)
    title = change.item_title
    if change.kind == "added":
        if title:
            return _("{item} added: {title}").format(item=item, title=title)
        return _("{item} added").format(item=item)
    if change.kind == "removed":
        if title:
            return _("{item} removed: {title}").format(item=item, title=title)
        return _("{item} removed").format(item=item)
    assert change.field is not None
    label = field_label(change.part_key, change.field)
    before = _shown(change.part_key, change.field, change.before, change.before_title)
    after = _shown(change.part_key, change.field, change.after, change.after_title)
    values = {"field": label, "before": before, "after": after, "item": item, "title": title}
    too_long = any(len(value) > _LONG_VALUE or "\n" in value for value in (before, after))
    too_long = too_long or not (before or after)  # values with no short form, such as a household
    if change.item_uid is None and _scalar_lists(change.before, change.after):
        return _describe_list_change(change, label)
    if change.item_uid is None:
        if too_long:
            return _("{field} changed").format(**values)
        if not before:
            return _("{field} set to {after}").format(**values)
        if not after:
            return _("{field} taken out (it was {before})").format(**values)
        return _("{field} changed from {before} to {after}").format(**values)
    if too_long or not title:
        return _("{item} “{title}”: {field} changed").format(**values)
    if not before:
        return _("{item} “{title}”: {field} set to {after}").format(**values)
    if not after:
        return _("{item} “{title}”: {field} taken out (it was {before})").format(**values)
    return _("{item} “{title}”: {field} changed from {before} to {after}").format(**values)


def _scalar_lists(before: Any, after: Any) -> bool:
    values = [value if value is not None else [] for value in (before, after)]
    return all(isinstance(value, list) for value in values) and not any(
        isinstance(each, dict | list) for value in values for each in value
    )


def _describe_list_change(change: Change, label: str) -> str:
    """A list of choices: what was added and taken out, or that only the order changed."""
    before, after = list(change.before or []), list(change.after or [])
    added = [each for each in after if each not in before]
    removed = [each for each in before if each not in after]
    assert change.field is not None
    shown_added = _format(change.part_key, change.field, added, _spec(change))
    shown_removed = _format(change.part_key, change.field, removed, _spec(change))
    values = {"field": label, "added": shown_added, "removed": shown_removed}
    if added and removed:
        return _("{field}: added {added}, took out {removed}").format(**values)
    if added:
        return _("{field}: added {added}").format(**values)
    if removed:
        return _("{field}: took out {removed}").format(**values)
    shown_before = _format(change.part_key, change.field, before, _spec(change))
    shown_after = _format(change.part_key, change.field, after, _spec(change))
    if len(shown_before) > _LONG_VALUE:
        return _("{field}: put in a new order").format(**values)
    return _("{field} changed from {before} to {after}").format(
        field=label, before=shown_before, after=shown_after
    )


def _spec(change: Change) -> FieldSpec | None:
    return _field_spec(change.part_key, change.field) if change.field else None


# --- comparing -------------------------------------------------------------------


def _field_changes(part_key: str, old: Any, new: Any, fields: tuple[str, ...]) -> list[Change]:
    old_values = old if isinstance(old, dict) else {}
    new_values = new if isinstance(new, dict) else {}
    changes = []
    for name in fields:
        before, after = old_values.get(name), new_values.get(name)
        if _same(before, after):
            continue
        section = PLAN_FIELDS[name] if part_key == "plan" else PlanSection.ABOUT_TODAY
        changes.append(Change(part_key, section, "changed", None, "", name, before, after))
    return changes


def _single_part_changes(
    key: str, section: PlanSection, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    model = SINGLE_PARTS[key]
    defaults = model(plan_id=0).model_dump(mode="json")
    old_values = {**defaults, **(old.get(key) or {})}
    new_values = {**defaults, **(new.get(key) or {})}
    changes = []
    for name in _compared_fields(key, model):
        before, after = old_values.get(name), new_values.get(name)
        if not _same(before, after):
            changes.append(Change(key, section, "changed", None, "", name, before, after))
    return changes


def _list_changes(
    key: str, section: PlanSection, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    model = LIST_PARTS[key]
    old_items = [item for item in old.get(key) or [] if isinstance(item, dict)]
    new_items = [item for item in new.get(key) or [] if isinstance(item, dict)]
    old_by_uid = {item.get("uid"): item for item in old_items}
    new_by_uid = {item.get("uid"): item for item in new_items}
    fields = _compared_fields(key, model)
    changes: list[Change] = []
    for item in old_items:
        if item.get("uid") not in new_by_uid:
            changes.append(
                Change(
                    key,
                    _item_section(key, item, section),
                    "removed",
                    item.get("uid"),
                    _item_title(key, model, item),
                    None,
                    _visible(item),
                    None,
                )
            )
    for item in new_items:
        uid = item.get("uid")
        title = _item_title(key, model, item)
        item_section = _item_section(key, item, section)
        if uid not in old_by_uid:
            changes.append(
                Change(key, item_section, "added", uid, title, None, None, _visible(item))
            )
            continue
        before_item = {**_item_defaults(model), **old_by_uid[uid]}
        after_item = {**_item_defaults(model), **item}
        for name in fields:
            before, after = before_item.get(name), after_item.get(name)
            if _same(before, after):
                continue
            before_title, after_title = "", ""
            reference = _reference_of(key, name)
            if reference is not None:
                before_title = _title_of_uid(reference, before, old)
                after_title = _title_of_uid(reference, after, new)
            changes.append(
                Change(
                    key,
                    item_section,
                    "changed",
                    uid,
                    title,
                    name,
                    before,
                    after,
                    before_title,
                    after_title,
                )
            )
    changes += _moves(key, section, old_items, new_items)
    return changes


def _moves(
    key: str, section: PlanSection, old_items: list[dict[str, Any]], new_items: list[dict[str, Any]]
) -> list[Change]:
    """One "moved" change for each list (or, for notes, each step) whose order changed."""
    groups: dict[PlanSection, tuple[list[str], list[str]]] = {}
    for items, which in ((old_items, 0), (new_items, 1)):
        for item in items:
            group = _item_section(key, item, section)
            groups.setdefault(group, ([], []))[which].append(str(item.get("uid")))
    changes = []
    for group, (old_uids, new_uids) in groups.items():
        common = set(old_uids) & set(new_uids)
        before = [uid for uid in old_uids if uid in common]
        after = [uid for uid in new_uids if uid in common]
        if before != after:
            changes.append(Change(key, group, "moved", None, "", None, before, after))
    return changes


def _compared_fields(key: str, model: type[SQLModel]) -> list[str]:
    skip = _ALWAYS_IGNORED | IGNORED_FIELDS.get(key, frozenset())
    return [name for name in model.model_fields if name not in skip]


def _item_defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Values a field has when a document leaves it out (an older document, say)."""
    defaults: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            defaults[name] = info.default_factory()  # type: ignore[call-arg]
        elif info.default is not PydanticUndefined:
            value = info.default
            defaults[name] = value.value if isinstance(value, LabelledEnum) else value
    return defaults


def _same(before: Any, after: Any) -> bool:
    """Equal as stored; an empty text and no answer at all count as the same."""
    return bool(_normal(before) == _normal(after))


def _normal(value: Any) -> Any:
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def _item_section(key: str, item: dict[str, Any], default: PlanSection) -> PlanSection:
    if key == "notes":
        try:
            return PlanSection(str(item.get("section")))
        except ValueError:
            return default
    return default


def _visible(item: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in item.items() if name not in _ALWAYS_IGNORED}


def _item_title(key: str, model: type[SQLModel], item: dict[str, Any]) -> str:
    """The item's main text: the field that names it, else its first non-empty text field."""
    spec = PART_SPECS.get(key)
    if spec is not None and spec.item_title_field:
        try:
            field_spec: FieldSpec | None = spec.field(spec.item_title_field)
        except KeyError:
            field_spec = None
        value = item.get(spec.item_title_field)
        shown = _format(key, spec.item_title_field, value, field_spec)
        if shown:
            return shown
    for name, info in model.model_fields.items():
        if name in _ALWAYS_IGNORED or info.annotation is not str:
            continue
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _reference_of(key: str, field: str) -> str | None:
    spec = PART_SPECS.get(key)
    if spec is None:
        return None
    try:
        field_spec = spec.field(field)
    except KeyError:
        return None
    return field_spec.reference if field_spec.kind == FieldKind.REFERENCE else None


def _title_of_uid(list_key: str, uid: Any, document: dict[str, Any]) -> str:
    if not uid or list_key not in LIST_PARTS:
        return ""
    for item in document.get(list_key) or []:
        if isinstance(item, dict) and item.get("uid") == uid:
            return _item_title(list_key, LIST_PARTS[list_key], item)
    return ""


# --- describing ------------------------------------------------------------------


def _part_title(part_key: str) -> str:
    spec = PART_SPECS.get(part_key)
    return spec.title if spec is not None else _humanise(part_key)


def _item_name(part_key: str) -> str:
    spec = PART_SPECS.get(part_key)
    name = spec.item_name if spec is not None and spec.item_name else _part_title(part_key)
    return name[:1].upper() + name[1:]


def _field_spec(part_key: str, field: str) -> FieldSpec | None:
    for spec in PART_SPECS.values():
        if part_key in (spec.key, spec.document_key):
            for field_spec in spec.fields:
                if field_spec.name == field:
                    return field_spec
    return None


def _shown(part_key: str, field: str, value: Any, referenced_title: str) -> str:
    spec = _field_spec(part_key, field)
    if spec is not None and spec.kind == FieldKind.REFERENCE:
        return referenced_title
    return _format(part_key, field, value, spec)


def _format(part_key: str, field: str, value: Any, spec: FieldSpec | None) -> str:
    """A stored value as a person reads it: labels for choices, dd/mm/yyyy, £x.xx."""
    if value is None or value == "" or value == []:
        return ""
    kind = spec.kind if spec is not None else _guess_kind(field, value)
    if kind == FieldKind.BOOL:
        return _("Yes") if value else _("No")
    if kind == FieldKind.DATE:
        try:
            return format_date(value)
        except (TypeError, ValueError):
            return str(value)
    if kind == FieldKind.MONEY and isinstance(value, int | float):
        return format_money(int(value))
    if kind in (FieldKind.INTEGER, FieldKind.DECIMAL) and isinstance(value, int | float):
        return format_number(value)
    if spec is not None and spec.choices is not None:
        if isinstance(value, list):
            return ", ".join(choice_label(spec.choices, each) for each in value)
        return choice_label(spec.choices, value)
    if kind == FieldKind.CATALOGUE and isinstance(value, list):
        from vocplan.catalogue import label_for

        return ", ".join(label_for(str(code)) for code in value)
    if isinstance(value, list):
        if any(isinstance(each, dict | list) for each in value):
            return ""  # a household's children, say: the UI shows those itself
        return ", ".join(str(each) for each in value)
    if isinstance(value, dict):
        return ""
    return str(value)


def _guess_kind(field: str, value: Any) -> FieldKind:
    """For a field with no description: judge by its name and value."""
    if isinstance(value, bool):
        return FieldKind.BOOL
    if field.endswith("_pence"):
        return FieldKind.MONEY
    if field.endswith(("_on", "_date")) or field == "date":
        return FieldKind.DATE
    if isinstance(value, int | float):
        return FieldKind.DECIMAL
    return FieldKind.TEXT


def _humanise(name: str) -> str:
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


__all__ = [
    "Change",
    "ChangeKind",
    "changes_between",
    "changes_by_section",
    "changes_since_agreed",
    "describe",
]
