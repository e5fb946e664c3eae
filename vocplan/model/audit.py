"""The audit trail: who viewed, changed, exported, imported, agreed or deleted a plan, and when;
and who changed the staff list or the settings.

One row per event, append-only (the database refuses to change or delete a
row) and hash-chained: each event carries the hash of the one before it, so
a changed, removed or reordered event is found by ``vocplan audit verify``.
An event names the person by their uid only, never by name, and its detail
is never personal (a part key such as ``goals``, or an export format).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from vocplan.model.types import EnumText, utcnow


class AuditAction(StrEnum):
    VIEW = "view"
    CHANGE = "change"
    EXPORT = "export"
    IMPORT = "import"
    DELETE = "delete"
    AGREE = "agree"
    STAFF = "staff"
    """Someone added, removed or given a new passphrase; no person's plan is involved."""
    SETTINGS = "settings"


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    """When, in UTC."""
    actor: str
    """Who: the signed-in member of staff, or for now the operating system's user name."""
    action: AuditAction = Field(sa_type=EnumText(AuditAction))
    person_uid: str = Field(index=True)
    """Which person, by uid: it outlives their deletion and names no one; empty for staff
    and settings events."""
    detail: str = ""
    """What, in words that are not personal: a part of the plan, a file format."""
    previous_hash: str = Field(unique=True)
    """The hash of the event before (empty for the first): two events cannot share one."""
    hash: str
    """SHA-256 over this event's fields and ``previous_hash``."""
