"""``vocplan audit show|export|verify``: read, export and check the audit trail.

``verify`` exits 0 when the chain is intact and 1, naming the first bad
event and why, when it is not.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _

if TYPE_CHECKING:
    from vocplan.startup import StartOptions
    from vocplan.storage.database import Database

_UID = re.compile(r"[0-9a-f]{32}")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the ``audit`` command group on the ``vocplan`` command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "audit",
        help=_("show, export or check the record of who viewed or changed each plan"),
        description=_(
            "The audit trail records every view, change, agreement, export, import and "
            "deletion of a person's plan. It names people by their record number (uid) only."
        ),
    )
    actions = parser.add_subparsers(title=_("audit commands"), metavar="ACTION", required=True)

    show = actions.add_parser("show", help=_("print the newest events, newest first"))
    show.add_argument(
        "--person",
        metavar="PERSON",
        help=_("only this person: their number, exact full name, or uid"),
    )
    show.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=50,
        help=_("print at most N events (default 50)"),
    )
    show.set_defaults(run=run_show)

    export = actions.add_parser("export", help=_("write every event to a CSV file"))
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help=_("the file to write")
    )
    export.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    export.set_defaults(run=run_export)

    verify = actions.add_parser(
        "verify", help=_("check that no event was changed, removed or moved")
    )
    verify.set_defaults(run=run_verify)
    return parser


def _open(start: StartOptions) -> Database:
    from vocplan.startup import open_app_database

    return open_app_database(start, rolling_backup=False)


def run_show(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.services import audit

    if options.limit < 1:
        raise VocPlanError(_("--limit must be 1 or more."))
    database = _open(start)
    try:
        person_uid = _person_uid(database, options.person) if options.person else None
        entries = audit.events(database, person_uid=person_uid, limit=options.limit)
    finally:
        database.close()
    if not entries:
        print(_("No events have been recorded."))
        return 0
    header = (_("ID"), _("When (UTC)"), _("Who"), _("What"), _("Person (uid)"), _("Detail"))
    rows = [
        (
            str(entry.id),
            entry.at[:19].replace("T", " "),
            entry.actor,
            entry.action,
            entry.person_uid,
            entry.detail,
        )
        for entry in entries
    ]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def _person_uid(database: Database, reference: str) -> str:
    """A uid as given (it may belong to someone since deleted), or the uid of a person."""
    from vocplan.services.audit import person_uid_for
    from vocplan.services.people import find_person

    reference = reference.strip()
    if _UID.fullmatch(reference):
        return reference
    return person_uid_for(database, find_person(database, reference).id)


def run_export(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.cli import output_file
    from vocplan.services import audit

    target = output_file(start, options.output, force=options.force)
    database = _open(start)
    try:
        count = audit.export_csv(database, target)
    finally:
        database.close()
    print(_("Saved {count} audit events to {file}.").format(count=count, file=target))
    return 0


def run_verify(start: StartOptions, _options: argparse.Namespace) -> int:
    from vocplan.services import audit

    database = _open(start)
    try:
        result = audit.verify(database)
    finally:
        database.close()
    if result.ok:
        print(result.message)
        return 0
    print(result.message, file=sys.stderr)
    return 1
