"""The local directory of services: kept in the app, shared between teams as CSV.

A team lists the services it refers people to (IPS and other employment
support, colleges, volunteering centres, welfare rights advice, Access to
Work, Jobcentre Plus…). Options and referrals in a plan can be picked from
it; they keep the name as typed, so deleting an entry never changes a plan.

The CSV file
------------
The first row is a header naming the columns, in any order::

    name,kind,area,address,phone,email,website,notes

Only ``name`` is required; a missing column is left empty. ``kind`` is one
of the ServiceKind values (``employment_support``, ``college``,
``volunteering_centre``, ``welfare_rights``, ``access_to_work``,
``jobcentre_plus``, ``other``) or its English label, such as "Jobcentre
Plus"; an empty kind means ``other``. Columns VocPlan does not know are left
out and named in the report. Commas or semicolons (as some spreadsheets save
them) both work.

Exported files are UTF-8 with a byte order mark, which spreadsheets open
correctly. Imported files may be UTF-8 (with or without the mark) or, from
older spreadsheets, Windows text (cp1252); the report says which was used.

A value starting with ``=``, ``+``, ``-`` or ``@`` is written with a leading
apostrophe, so a spreadsheet shows it as text rather than running it as a
formula; importing takes the apostrophe off again.

Importing is all or nothing: if any row is bad, the report lists every bad
row by its line number in the file, and nothing is imported.

The same service means the same name in the same area (ignoring capitals and
extra spaces). A row for a service already in the directory is skipped and
named in the report, so importing a colleague's list never overwrites your
own entries; pass ``update_existing=True`` to bring those entries up to date
from the file instead. Two rows for the same service in one file is a bad row.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from vocplan.domain.enums import ServiceKind
from vocplan.domain.errors import NotFoundError, ValidationError, VocPlanError
from vocplan.i18n import _, ngettext
from vocplan.model import DirectoryEntry
from vocplan.paths import resource
from vocplan.storage.database import Database

COLUMNS: tuple[str, ...] = (
    "name",
    "kind",
    "area",
    "address",
    "phone",
    "email",
    "website",
    "notes",
)
"""The CSV header, in the order files are written."""

REQUIRED_COLUMNS = frozenset({"name"})
MAX_NAME_LENGTH = 200
MAX_FILE_BYTES = 5 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WEBSITE = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$", re.IGNORECASE)


class DirectoryFileError(VocPlanError):
    """A directory file that could not be written. Any earlier file is unchanged."""


@dataclass(frozen=True)
class DirectoryInput:
    """An entry as typed into the form: text, checked before it is saved."""

    name: str
    kind: str = ServiceKind.OTHER.value
    area: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DirectoryRecord:
    uid: str
    name: str
    kind: ServiceKind
    area: str
    address: str
    phone: str
    email: str
    website: str
    notes: str

    @property
    def kind_label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class ImportProblem:
    line: int | None
    """The line of the file the row starts on; None for a problem with the whole file."""
    message: str

    @property
    def text(self) -> str:
        if self.line is None:
            return self.message
        return _("Line {line}: {problem}").format(line=self.line, problem=self.message)


@dataclass(frozen=True)
class SkippedRow:
    line: int
    name: str

    @property
    def text(self) -> str:
        return _(
            "Line {line}: {name} is already in the directory, so it was left as it is."
        ).format(line=self.line, name=self.name)


@dataclass(frozen=True)
class ImportReport:
    """What an import did; if ``problems`` is not empty, it changed nothing."""

    added: int = 0
    updated: int = 0
    skipped: tuple[SkippedRow, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    encoding: str = ""
    """The encoding the file was read with: "utf-8" or "cp1252"; empty if unread."""
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def messages(self) -> list[str]:
        """The report in plain sentences, most important first."""
        if self.problems:
            lines = [_("Nothing was imported. Put these right in the file and try again.")]
            return lines + [problem.text for problem in self.problems]
        lines = [
            ngettext(
                "{count} service was added.", "{count} services were added.", self.added
            ).format(count=self.added)
        ]
        if self.updated:
            lines.append(
                ngettext(
                    "{count} service was brought up to date.",
                    "{count} services were brought up to date.",
                    self.updated,
                ).format(count=self.updated)
            )
        lines += [row.text for row in self.skipped]
        if self.encoding == "cp1252":
            lines.append(
                _(
                    "The file was not saved as UTF-8, so it was read as Windows text "
                    "(cp1252). Check that letters such as ŵ or ł came through."
                )
            )
        if self.ignored_columns:
            lines.append(
                _("These columns are not used by VocPlan and were left out: {names}").format(
                    names=", ".join(self.ignored_columns)
                )
            )
        return lines


# --- entries ---------------------------------------------------------------------


def list_entries(
    database: Database, kind: ServiceKind | str | None = None, text: str = ""
) -> list[DirectoryRecord]:
    """Entries in name order; only those of ``kind`` and containing ``text`` if given."""
    with database.reading() as session:
        query = select(DirectoryEntry)
        if kind:
            query = query.where(col(DirectoryEntry.kind) == ServiceKind(kind))
        rows = session.exec(query).all()
        records = [_record(row) for row in rows]
    wanted = text.casefold().strip()
    if wanted:
        records = [
            record
            for record in records
            if wanted in " ".join((record.name, record.area, record.notes)).casefold()
        ]
    return sorted(records, key=lambda record: (record.name.casefold(), record.area.casefold()))


def get_entry(database: Database, uid: str) -> DirectoryRecord:
    with database.reading() as session:
        return _record(_row(session, uid))


def add_entry(database: Database, entry: DirectoryInput) -> DirectoryRecord:
    values = validate_entry(entry)
    with database.transaction() as session:
        _refuse_duplicate(session, values, uid=None)
        row = DirectoryEntry(**values)
        session.add(row)
        session.flush()
        return _record(row)


def update_entry(database: Database, uid: str, entry: DirectoryInput) -> DirectoryRecord:
    """Replace every field of the entry ``uid`` with ``entry``; returns it as saved."""
    values = validate_entry(entry)
    with database.transaction() as session:
        row = _row(session, uid)
        _refuse_duplicate(session, values, uid=uid)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        session.flush()
        return _record(row)


def delete_entry(database: Database, uid: str) -> DirectoryRecord:
    """Remove an entry; returns it, so an undo can add it back with ``restore_entry``.

    Plans that picked it keep the service's name as it was.
    """
    with database.transaction() as session:
        row = _row(session, uid)
        record = _record(row)
        session.delete(row)
        return record


def restore_entry(database: Database, record: DirectoryRecord) -> DirectoryRecord:
    """Put a deleted entry back with its uid, so plans that point at it find it again."""
    with database.transaction() as session:
        row = DirectoryEntry(uid=record.uid, **_values_of(record))
        session.add(row)
        session.flush()
        return _record(row)


def validate_entry(entry: DirectoryInput) -> dict[str, Any]:
    """The values to store for ``entry``; raises ValidationError naming every bad field."""
    errors, values = _check(entry)
    if errors:
        raise ValidationError(errors)
    return values


def _check(entry: DirectoryInput) -> tuple[dict[str, str], dict[str, Any]]:
    errors: dict[str, str] = {}
    name = " ".join(entry.name.split())
    if not name:
        errors["name"] = _("Type the name of the service.")
    elif len(name) > MAX_NAME_LENGTH:
        errors["name"] = _("The name is too long (200 letters at most).")
    kind: ServiceKind = ServiceKind.OTHER
    if entry.kind.strip():
        found = kind_from_text(entry.kind)
        if found is None:
            errors["kind"] = _("Choose one of the kinds of service.")
        else:
            kind = found
    email = entry.email.strip()
    if email and not _EMAIL.match(email):
        errors["email"] = _("This does not look like an email address, for example name@nhs.net.")
    website = entry.website.strip()
    if website and not _WEBSITE.match(website):
        errors["website"] = _(
            "This does not look like a website address, for example www.example.org.uk."
        )
    values: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "area": " ".join(entry.area.split()),
        "address": entry.address.strip(),
        "phone": entry.phone.strip(),
        "email": email,
        "website": website,
        "notes": entry.notes.strip(),
    }
    return errors, values


def kind_from_text(text: str) -> ServiceKind | None:
    """A ServiceKind from its value, its English label or its label in the current language."""
    wanted = " ".join(text.split()).casefold()
    for kind in ServiceKind:
        english = _ENGLISH_KIND_LABELS.get(kind, "")
        if wanted in {kind.value, english.casefold(), kind.label.casefold()}:
            return kind
    return None


_ENGLISH_KIND_LABELS: dict[ServiceKind, str] = {
    # The English labels, as in vocplan.domain.enums, for files written in any language.
    ServiceKind.EMPLOYMENT_SUPPORT: "Employment support (IPS)",
    ServiceKind.COLLEGE: "College or adult learning",
    ServiceKind.VOLUNTEERING_CENTRE: "Volunteering centre",
    ServiceKind.WELFARE_RIGHTS: "Welfare rights advice",
    ServiceKind.ACCESS_TO_WORK: "Access to Work",
    ServiceKind.JOBCENTRE_PLUS: "Jobcentre Plus",
    ServiceKind.OTHER: "Other service",
}


def _same_service_key(name: object, area: object) -> tuple[str, str]:
    return (" ".join(str(name).split()).casefold(), " ".join(str(area).split()).casefold())


def _refuse_duplicate(session: Session, values: dict[str, Any], uid: str | None) -> None:
    key = _same_service_key(values["name"], values["area"])
    for row in session.exec(select(DirectoryEntry)).all():
        if row.uid != uid and _same_service_key(row.name, row.area) == key:
            raise ValidationError(
                {
                    "name": _(
                        "There is already a service with this name in this area. "
                        "Change the name or the area."
                    )
                }
            )


def _row(session: Session, uid: str) -> DirectoryEntry:
    row = session.exec(select(DirectoryEntry).where(col(DirectoryEntry.uid) == uid)).first()
    if row is None:
        raise NotFoundError(_("That service is no longer in the directory."))
    return row


def _record(row: DirectoryEntry) -> DirectoryRecord:
    return DirectoryRecord(
        uid=row.uid,
        name=row.name,
        kind=ServiceKind(row.kind),
        area=row.area,
        address=row.address,
        phone=row.phone,
        email=row.email,
        website=row.website,
        notes=row.notes,
    )


def _values_of(record: DirectoryRecord) -> dict[str, Any]:
    return {column: getattr(record, column) for column in COLUMNS}


# --- CSV -----------------------------------------------------------------------


def export_csv(database: Database, path: Path | str) -> int:
    """Write every entry to ``path``; returns how many. The file is replaced whole or not at all."""
    records = list_entries(database)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        row = _values_of(record)
        row["kind"] = record.kind.value
        writer.writerow([_guard_formula(str(row[column])) for column in COLUMNS])
    write_atomically(Path(path), buffer.getvalue().encode("utf-8-sig"))
    return len(records)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    A crash or a full disk leaves either the old file or the new one, never half
    of one, and no temporary file behind.
    """
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as problem:
        raise DirectoryFileError(
            _("VocPlan could not save the file: {reason}").format(reason=problem.strerror)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except OSError as problem:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise DirectoryFileError(
            _("VocPlan could not save the file: {reason}").format(
                reason=problem.strerror or problem
            )
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def import_csv(
    database: Database, path: Path | str, *, update_existing: bool = False
) -> ImportReport:
    """Add the services in a CSV file, all of them or none; see the module's notes."""
    read = _read_text(Path(path))
    if isinstance(read, ImportProblem):
        return ImportReport(problems=(read,))
    text, encoding = read
    parsed = _parse(text)
    if isinstance(parsed, ImportProblem):
        return ImportReport(problems=(parsed,), encoding=encoding)
    rows, ignored, too_long = parsed
    problems: list[ImportProblem] = list(too_long)
    checked: list[tuple[int, dict[str, Any]]] = []
    first_line_of: dict[tuple[str, str], int] = {}
    for line, entry in rows:
        errors, values = _check(entry)
        if errors:
            problems += [
                ImportProblem(line, _row_problem(field, message, entry))
                for field, message in errors.items()
            ]
            continue
        key = _same_service_key(values["name"], values["area"])
        if key in first_line_of:
            problems.append(
                ImportProblem(
                    line,
                    _("this is the same service as line {line}.").format(line=first_line_of[key]),
                )
            )
            continue
        first_line_of[key] = line
        checked.append((line, values))
    if problems:
        return ImportReport(problems=tuple(problems), encoding=encoding, ignored_columns=ignored)
    added = updated = 0
    skipped: list[SkippedRow] = []
    with database.transaction() as session:
        existing = {
            _same_service_key(row.name, row.area): row
            for row in session.exec(select(DirectoryEntry)).all()
        }
        for line, values in checked:
            match = existing.get(_same_service_key(values["name"], values["area"]))
            if match is None:
                session.add(DirectoryEntry(**values))
                added += 1
            elif update_existing:
                for name, value in values.items():
                    setattr(match, name, value)
                session.add(match)
                updated += 1
            else:
                skipped.append(SkippedRow(line, str(values["name"])))
    return ImportReport(
        added=added,
        updated=updated,
        skipped=tuple(skipped),
        encoding=encoding,
        ignored_columns=ignored,
    )


def starter_directory_path() -> Path:
    return resource("directory", "starter.csv")


def load_starter_directory(database: Database) -> ImportReport | None:
    """Import the shipped starter list, only when the directory is empty; else None."""
    with database.reading() as session:
        if session.exec(select(DirectoryEntry.id)).first() is not None:
            return None
    return import_csv(database, starter_directory_path())


def _read_text(path: Path) -> tuple[str, str] | ImportProblem:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return ImportProblem(None, _("The file is too big for a directory of services."))
        data = path.read_bytes()
    except OSError as problem:
        return ImportProblem(
            None,
            _("VocPlan could not open the file: {reason}").format(
                reason=problem.strerror or problem
            ),
        )
    if not data.strip():
        return ImportProblem(None, _("The file is empty."))
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return ImportProblem(
            None,
            _("VocPlan cannot read the letters in this file. Save it as CSV UTF-8 and try again."),
        )


_Parsed = tuple[list[tuple[int, DirectoryInput]], tuple[str, ...], list[ImportProblem]]


def _parse(text: str) -> _Parsed | ImportProblem:
    """The rows of the file with the line each starts on, the columns left out, and the
    rows that have more values than there are columns."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header: list[str] | None = None
        rows: list[tuple[int, DirectoryInput]] = []
        too_long: list[ImportProblem] = []
        columns: list[str] = []
        line_before = 0
        for cells in reader:
            line = line_before + 1
            line_before = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [cell.strip().casefold() for cell in cells]
                missing = REQUIRED_COLUMNS - set(header)
                if missing:
                    return ImportProblem(
                        line,
                        _(
                            "the first row must name the columns, including {names}. "
                            "The columns are: {columns}."
                        ).format(names=", ".join(sorted(missing)), columns=",".join(COLUMNS)),
                    )
                columns = header
                continue
            values = {
                column: _unguard_formula(cell.strip())
                for column, cell in zip(columns, cells, strict=False)
                if column in COLUMNS
            }
            if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
                # Reported with the other bad rows, so one import shows every problem.
                too_long.append(
                    ImportProblem(
                        line, _("this row has more values than the first row has columns.")
                    )
                )
                continue
            rows.append((line, DirectoryInput(**{"name": "", **values})))
    except csv.Error as problem:
        return ImportProblem(
            reader.line_num or None,
            _("this line cannot be read as CSV ({reason}).").format(reason=problem),
        )
    if header is None:
        return ImportProblem(None, _("The file is empty."))
    ignored = tuple(column for column in columns if column and column not in COLUMNS)
    return rows, ignored, too_long


def _row_problem(field: str, message: str, entry: DirectoryInput) -> str:
    if field == "kind":
        return _("the kind “{kind}” is not one VocPlan knows. Use one of: {kinds}.").format(
            kind=entry.kind.strip(), kinds=", ".join(kind.value for kind in ServiceKind)
        )
    if field == "name" and not entry.name.strip():
        return _("the name of the service is missing.")
    return _("{column}: {problem}").format(column=field, problem=message)


def _guard_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _unguard_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
