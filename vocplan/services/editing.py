"""Changing a plan one answer at a time, as the guided session saves it.

Every function is one user action in one transaction, and returns what an
undo needs: the values before the change. Changing anything in an agreed
plan makes it a draft again; the agreed version stays frozen, so a review
can show what changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from vocplan.domain.enums import PathwayStage, PlanSection, PlanStatus
from vocplan.domain.errors import NotFoundError
from vocplan.i18n import _
from vocplan.model import LIST_PARTS, SINGLE_PARTS, AuditAction, Plan, PlanItem
from vocplan.model.types import utcnow
from vocplan.services.audit import record_for
from vocplan.services.validation import validated
from vocplan.storage.database import Database

EDITABLE_PLAN_FIELDS = frozenset({"pathway_stage", "next_review_date", "not_agreed", "rules_year"})

REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "goals": (("steps", "goal_uid"),),
    "options": (("scenarios", "option_uid"),),
}
"""For each list, the (list, field) pairs whose items point at its items by uid."""

_NOT_EDITABLE = {"id", "uid", "plan_id", "position"}


@dataclass(frozen=True)
class DeletedItem:
    """All an undo needs to put an item back exactly where it was."""

    list_key: str
    values: dict[str, Any]
    position: int
    unlinked: tuple[tuple[str, str, str], ...]
    """(list, uid, field) of the items that pointed at it and no longer do."""


def update_part(
    database: Database, person_id: int, part_key: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change fields of a single part (preferences, money, wellbeing, disclosure).

    Returns the previous values of the changed fields.
    """
    model = SINGLE_PARTS[part_key]
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        assert plan.id is not None
        row = session.exec(select(model).where(col(model.plan_id) == plan.id)).first()
        if row is None:
            row = model(plan_id=plan.id)
        previous = _apply(row, changes)
        session.add(row)
        _content_changed(session, plan)
        record_for(session, AuditAction.CHANGE, person_id, part_key)
        return previous


def update_plan(database: Database, person_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change the plan's own fields: pathway stage, next review, what is not agreed."""
    unknown = set(changes) - EDITABLE_PLAN_FIELDS
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        if "pathway_stage" in changes and changes["pathway_stage"] is not None:
            changes = {**changes, "pathway_stage": PathwayStage(changes["pathway_stage"])}
        previous = _apply(plan, changes)
        _content_changed(session, plan)
        record_for(session, AuditAction.CHANGE, person_id, "plan")
        return previous


def remember_section(database: Database, person_id: int, section: PlanSection) -> None:
    """Where the session is, so reopening goes back there. Not a change to the plan."""
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        plan.last_section = PlanSection(section)
        session.add(plan)


def add_item(
    database: Database,
    person_id: int,
    list_key: str,
    values: dict[str, Any],
    position: int | None = None,
) -> dict[str, Any]:
    """Add an item to a list (at the end unless ``position``); returns it as stored.

    ``values`` may carry a ``uid``: undoing a deletion puts the same item back.
    """
    model = LIST_PARTS[list_key]
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        assert plan.id is not None
        items = _items(session, model, plan.id)
        position = len(items) if position is None else max(0, min(position, len(items)))
        values = {name: value for name, value in values.items() if name not in {"id", "position"}}
        item = validated(model, {**values, "plan_id": plan.id, "position": position})
        for later in items[position:]:
            later.position += 1
            session.add(later)
        session.add(item)
        _content_changed(session, plan)
        session.flush()
        record_for(session, AuditAction.CHANGE, person_id, list_key)
        return _dump(item)


def update_item(
    database: Database, person_id: int, list_key: str, uid: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change fields of one item; returns the previous values of the changed fields."""
    model = LIST_PARTS[list_key]
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        item = _item(session, model, plan, uid)
        previous = _apply(item, changes)
        session.add(item)
        _content_changed(session, plan)
        record_for(session, AuditAction.CHANGE, person_id, list_key)
        return previous


def delete_item(database: Database, person_id: int, list_key: str, uid: str) -> DeletedItem:
    model = LIST_PARTS[list_key]
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        assert plan.id is not None
        item = _item(session, model, plan, uid)
        deleted = _dump(item)
        unlinked: list[tuple[str, str, str]] = []
        for other_key, field in REFERENCES.get(list_key, ()):
            other = LIST_PARTS[other_key]
            for pointing in session.exec(
                select(other).where(getattr(other, field) == uid, col(other.plan_id) == plan.id)
            ).all():
                setattr(pointing, field, None)
                session.add(pointing)
                unlinked.append((other_key, pointing.uid, field))
        session.flush()
        position = item.position
        session.delete(item)
        session.flush()
        _renumber(session, _items(session, model, plan.id))
        _content_changed(session, plan)
        record_for(session, AuditAction.CHANGE, person_id, list_key)
        return DeletedItem(list_key, deleted, position, tuple(unlinked))


def restore_item(database: Database, person_id: int, deleted: DeletedItem) -> None:
    """Undo a deletion: the item goes back where it was, and so do the links to it."""
    add_item(database, person_id, deleted.list_key, deleted.values, deleted.position)
    for other_key, other_uid, field in deleted.unlinked:
        update_item(database, person_id, other_key, other_uid, {field: deleted.values["uid"]})


def move_item(database: Database, person_id: int, list_key: str, uid: str, to_position: int) -> int:
    """Move an item within its list; returns where it was, for undo."""
    model = LIST_PARTS[list_key]
    with database.transaction() as session:
        plan = _plan_of(session, person_id)
        assert plan.id is not None
        items = _items(session, model, plan.id)
        moving = next((item for item in items if item.uid == uid), None)
        if moving is None:
            raise NotFoundError(_("That item is no longer in the plan."))
        from_position = items.index(moving)
        items.remove(moving)
        items.insert(max(0, min(to_position, len(items))), moving)
        _renumber(session, items)
        _content_changed(session, plan)
        record_for(session, AuditAction.CHANGE, person_id, list_key)
        return from_position


def _apply(row: SQLModel, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate ``changes`` against the whole row, then set them; returns the old values."""
    allowed = set(type(row).model_fields) - _NOT_EDITABLE
    unknown = set(changes) - allowed
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    current = row.model_dump()
    checked = validated(type(row), {**current, **changes})
    previous = {name: current[name] for name in changes}
    for name in changes:
        setattr(row, name, getattr(checked, name))
    return previous


def _content_changed(session: Session, plan: Plan) -> None:
    if plan.status == PlanStatus.AGREED:
        plan.status = PlanStatus.DRAFT
    plan.updated_at = utcnow()
    session.add(plan)


def _plan_of(session: Session, person_id: int) -> Plan:
    plan = session.exec(select(Plan).where(col(Plan.person_id) == person_id)).first()
    if plan is None:
        raise NotFoundError(_("That person is no longer in VocPlan."))
    return plan


def _items(session: Session, model: type[PlanItem], plan_id: int | None) -> list[PlanItem]:
    return list(
        session.exec(
            select(model)
            .where(col(model.plan_id) == plan_id)
            .order_by(col(model.position), col(model.id))
        ).all()
    )


def _item(session: Session, model: type[PlanItem], plan: Plan, uid: str) -> PlanItem:
    item = session.exec(
        select(model).where(col(model.uid) == uid, col(model.plan_id) == plan.id)
    ).first()
    if item is None:
        raise NotFoundError(_("That item is no longer in the plan."))
    return item


def _renumber(session: Session, items: list[PlanItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            session.add(item)


def _dump(row: SQLModel) -> dict[str, Any]:
    return row.model_dump(mode="json", exclude={"id", "plan_id", "position"})
