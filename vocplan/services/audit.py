"""Recording and checking the audit trail.

``record`` adds an event inside the caller's transaction, so the event and
the change it records commit together or not at all. Each event's hash is
SHA-256 over a canonical JSON of its fields and the previous event's hash;
``verify`` walks the chain and names the first event that was changed, or
that follows an event that was removed or moved.

Nothing here writes personal data: an event names a person by uid only, and
its detail is a part key or a file format. Staff events name the member of
staff, as every event names its actor.
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from vocplan.domain.errors import NotFoundError
from vocplan.i18n import _
from vocplan.model import AuditAction, AuditEvent, Person
from vocplan.model.types import utcnow
from vocplan.storage.database import Database

DEFAULT_LIMIT = 50
CSV_COLUMNS = ("id", "at", "actor", "action", "person_uid", "detail", "previous_hash", "hash")
_COLUMNS_SQL = ", ".join(CSV_COLUMNS)


@dataclass(frozen=True)
class AuditEntry:
    """One event as read back: plain values, so a tampered row can still be shown."""

    id: int
    at: str
    actor: str
    action: str
    person_uid: str
    detail: str
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    first_bad_id: int | None = None
    reason: str | None = None
    """``changed``, ``removed`` or ``reordered``; None when the chain is intact."""

    @property
    def message(self) -> str:
        if self.ok:
            return _("The audit trail is intact: {count} events checked.").format(count=self.count)
        reasons = {
            "changed": _("Audit event {id} was changed after it was recorded."),
            "removed": _("An audit event before event {id} was removed, or changed."),
            "reordered": _("Audit event {id} is out of order: events were moved."),
        }
        return reasons[self.reason or "changed"].format(id=self.first_bad_id)


def current_actor() -> str:
    """Who is using VocPlan when nobody has signed in: the operating system's user name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def record(
    session: Session,
    action: AuditAction | str,
    person_uid: str,
    detail: str = "",
    actor: str | None = None,
) -> AuditEvent:
    """Add one event to the chain, in ``session``'s transaction."""
    action = AuditAction(action)
    actor = actor or session.info.get("actor") or current_actor()
    at = utcnow()
    previous = (
        session.connection()
        .execute(text("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1"))
        .scalar()
    )
    previous_hash = str(previous or "")
    event = AuditEvent(
        at=at,
        actor=actor,
        action=action,
        person_uid=person_uid,
        detail=detail,
        previous_hash=previous_hash,
        hash=event_hash(at, actor, action.value, person_uid, detail, previous_hash),
    )
    session.add(event)
    session.flush()
    return event


def record_for(
    session: Session,
    action: AuditAction | str,
    person_id: int,
    detail: str = "",
    actor: str | None = None,
) -> AuditEvent:
    """``record`` for the person with database id ``person_id``."""
    return record(session, action, person_uid_of(session, person_id), detail, actor)


def record_action(
    database: Database,
    action: AuditAction | str,
    person_id: int,
    detail: str = "",
    actor: str | None = None,
) -> None:
    """Record an event in a transaction of its own: for actions that change nothing else."""
    with database.transaction() as session:
        record_for(session, action, person_id, detail, actor)


def record_admin(database: Database, action: AuditAction, detail: str) -> None:
    """A change to the staff list or the settings, which concerns no one's plan."""
    with database.transaction() as session:
        record(session, action, "", detail)


def person_uid_of(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("That person is no longer in VocPlan."))
    return person.uid


def person_uid_for(database: Database, person_id: int) -> str:
    with database.reading() as session:
        return person_uid_of(session, person_id)


def event_hash(
    at: datetime | str,
    actor: str,
    action: str,
    person_uid: str,
    detail: str,
    previous_hash: str,
) -> str:
    fields = {
        "at": _canonical_time(at),
        "actor": actor,
        "action": action,
        "person_uid": person_uid,
        "detail": detail,
        "previous_hash": previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _canonical_time(at: datetime | str) -> str:
    moment = at if isinstance(at, datetime) else datetime.fromisoformat(at)
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="microseconds")


def events(
    database: Database, person_uid: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[AuditEntry]:
    """The newest events first, all of them or one person's; at most ``limit``."""
    query = f"SELECT {_COLUMNS_SQL} FROM audit_event"
    parameters: dict[str, Any] = {}
    if person_uid is not None:
        query += " WHERE person_uid = :person_uid"
        parameters["person_uid"] = person_uid
    query += " ORDER BY id DESC"
    if limit is not None:
        query += " LIMIT :limit"
        parameters["limit"] = max(0, limit)
    with database.reading() as session:
        rows = session.connection().execute(text(query), parameters).all()
    return [_entry(row) for row in rows]


def _all_in_order(database: Database) -> list[AuditEntry]:
    with database.reading() as session:
        rows = (
            session.connection()
            .execute(text(f"SELECT {_COLUMNS_SQL} FROM audit_event ORDER BY id"))
            .all()
        )
    return [_entry(row) for row in rows]


def _entry(row: Any) -> AuditEntry:
    at = row[1]
    if isinstance(at, datetime):
        at = _canonical_time(at)
    else:
        try:
            at = _canonical_time(str(at))
        except ValueError:
            at = str(at)
    return AuditEntry(
        id=int(row[0]),
        at=at,
        actor=str(row[2]),
        action=str(row[3]),
        person_uid=str(row[4]),
        detail=str(row[5]),
        previous_hash=str(row[6]),
        hash=str(row[7]),
    )


def verify(database: Database) -> VerifyResult:
    """Walk the chain from the first event; the first broken link is reported."""
    entries = _all_in_order(database)
    known = {entry.hash for entry in entries}
    expected_previous = ""
    for entry in entries:
        try:
            recomputed = event_hash(
                entry.at,
                entry.actor,
                entry.action,
                entry.person_uid,
                entry.detail,
                entry.previous_hash,
            )
        except ValueError:
            recomputed = ""
        if recomputed != entry.hash:
            return VerifyResult(False, len(entries), entry.id, "changed")
        if entry.previous_hash != expected_previous:
            reason = "reordered" if entry.previous_hash in known else "removed"
            return VerifyResult(False, len(entries), entry.id, reason)
        expected_previous = entry.hash
    return VerifyResult(True, len(entries))


def export_csv(database: Database, path: Path | str) -> int:
    """Write every event, oldest first, to a CSV file; returns how many."""
    from vocplan.services.directory import write_atomically

    entries = _all_in_order(database)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow([_guard_formula(str(getattr(entry, column))) for column in CSV_COLUMNS])
    write_atomically(Path(path), buffer.getvalue().encode("utf-8-sig"))
    return len(entries)


def _guard_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula is written as text instead."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
