"""The ``vocplan`` command: the app with no sub-command, set-up and admin with one.

Exit codes: 0 done, 1 could not be done (the message says why; nothing was
changed), 2 the command was typed wrongly.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan import __version__, audit_cli, i18n
from vocplan.benefits import command as benefits_command
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.startup import StartOptions

if TYPE_CHECKING:
    from vocplan.export.importing import ImportPreview
    from vocplan.storage.database import Database

EXIT_OK = 0
EXIT_FAILED = 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.install(_language_asked_for(arguments))
    parser = build_parser()
    options = parser.parse_args(arguments)
    start = StartOptions.resolve(options.data_dir, options.lang)
    command: Callable[[StartOptions, argparse.Namespace], int] = getattr(options, "run", run_app)
    try:
        return command(start, options)
    except VocPlanError as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vocplan",
        description=_(
            "VocPlan: plan a route into paid work, education, training or volunteering. "
            "With no command, it opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"VocPlan {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "folder for VocPlan's data (default: VOCPLAN_DATA_DIR, else a 'data' folder "
            "beside a portable copy, else your user data folder)"
        ),
    )
    parser.add_argument("--lang", metavar="CODE", help=_("language: en, cy (Welsh) or pl (Polish)"))
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    demo = commands.add_parser("demo", help=_("add the four fictional demo people"))
    demo.add_argument(
        "--force",
        action="store_true",
        help=_("add them even though the folder holds real people's plans"),
    )
    demo.set_defaults(run=run_demo)

    people = commands.add_parser("people", help=_("list the people and their plans"))
    people.add_argument("--json", action="store_true", help=_("print as JSON"))
    people.set_defaults(run=run_people)

    backup = commands.add_parser("backup", help=_("copy all the data to FILE"))
    backup.add_argument("file", metavar="FILE", type=Path)
    backup.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser("restore", help=_("replace all the data with the copy in FILE"))
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument("--yes", action="store_true", help=_("do not ask before replacing"))
    restore.set_defaults(run=run_restore)

    export = commands.add_parser(
        "export",
        help=_(
            "write one person's plan to FILE: PDF, easy-read PDF, JSON, FHIR or an encrypted "
            "take-home file"
        ),
    )
    export.add_argument(
        "person",
        metavar="PERSON",
        help=_("the person's number or exact full name, as 'vocplan people' shows them"),
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help=_(
            "pdf: the plan for the care record; easy-read: the plain-language copy for the "
            "person; json: the whole plan, to import into another VocPlan; fhir: a FHIR R4 "
            "Bundle for clinical systems; vocplan: the whole plan, encrypted with a "
            "passphrase, to take home"
        ),
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help=_("the file to write")
    )
    export.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    _add_file_passphrase_options(export)
    export.set_defaults(run=run_export)

    plan_import = commands.add_parser(
        "import", help=_("add the plan in a VocPlan plan file (JSON) from FILE")
    )
    plan_import.add_argument("file", metavar="FILE", type=Path)
    plan_import.add_argument(
        "--yes",
        action="store_true",
        help=_("replace the plan of someone already in VocPlan without asking"),
    )
    plan_import.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help=_(
            "json: a JSON plan file; vocplan: an encrypted take-home file (default: "
            "found from the file itself)"
        ),
    )
    _add_file_passphrase_options(plan_import)
    plan_import.set_defaults(run=run_import)

    benefits_command.add_parser(commands)
    audit_cli.add_parser(commands)
    return parser


def _add_file_passphrase_options(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: an option of the same name on the main parser is not overwritten.
    parser.add_argument(
        "--file-passphrase-file",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help=_("read the take-home file's passphrase from the first line of FILE"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help=_(
            "read the passphrase from the first line of FILE (for a take-home file when "
            "--file-passphrase-file is not given)"
        ),
    )


def _language_asked_for(arguments: list[str]) -> str | None:
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None


def run_app(start: StartOptions, _options: argparse.Namespace) -> int:
    from importlib import import_module

    from vocplan.logs import install_crash_handler, setup_logging

    setup_logging(start.data_folder)
    install_crash_handler()
    try:
        # Found by name so that the core never depends on the front end.
        front_end = import_module("ui.app")
    except ImportError as problem:
        print(
            _(
                "The VocPlan window cannot start: Qt could not be loaded ({reason}). "
                "Run 'bash scripts/setup.sh' to install what it needs."
            ).format(reason=type(problem).__name__),
            file=sys.stderr,
        )
        return EXIT_FAILED
    exit_code: int = front_end.run(start)
    return exit_code


def run_demo(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.demo import load_demo
    from vocplan.startup import open_app_database

    database = open_app_database(start)
    try:
        people = load_demo(database, allow_with_real_data=options.force)
    finally:
        database.close()
    print(
        i18n.ngettext(
            "Added {count} demo person to {folder}.",
            "Added {count} demo people to {folder}.",
            len(people),
        ).format(count=len(people), folder=start.data_folder)
    )
    return EXIT_OK


def run_people(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.services.people import list_people
    from vocplan.startup import open_app_database

    database = open_app_database(start, rolling_backup=False)
    try:
        people = list_people(database)
    finally:
        database.close()
    if options.json:
        records = [
            {
                "id": person.id,
                "full_name": person.full_name,
                "preferred_name": person.preferred_name,
                "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
                "nhs_number": person.nhs_number,
                "care_coordinator": person.care_coordinator,
                "team": person.team,
                "framework": person.framework.value,
                "plan_status": person.plan_status.value,
                "next_review_date": (
                    person.next_review_date.isoformat() if person.next_review_date else None
                ),
                "demo": person.is_demo,
            }
            for person in people
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not people:
        print(_("Nobody is in VocPlan yet. Add someone in the app, or run 'vocplan demo'."))
        return EXIT_OK
    rows = [
        (
            str(person.id),
            person.full_name + (" " + _("(demo)") if person.is_demo else ""),
            person.date_of_birth.strftime("%d/%m/%Y") if person.date_of_birth else "",
            person.care_coordinator,
            person.plan_status.label,
        )
        for person in people
    ]
    header = (_("ID"), _("Name"), _("Date of birth"), _("Care coordinator"), _("Plan"))
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return EXIT_OK


def run_backup(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.storage.backups import copy_database

    live = _live_database_file(start)
    target: Path = options.file.expanduser().resolve()
    if target == live:
        raise VocPlanError(_("That is the live data file itself. Choose another file name."))
    if (
        target.exists()
        and not options.force
        and not _confirm(_("{file} already exists. Replace it?").format(file=target))
    ):
        raise VocPlanError(
            _("Nothing was written: {file} already exists. Use --force to replace it.").format(
                file=target
            )
        )
    copy_database(live, target)
    print(_("Saved a copy of all the data to {file}.").format(file=target))
    return EXIT_OK


def run_restore(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.storage.backups import copy_before, restore_database
    from vocplan.storage.database import open_database
    from vocplan.storage.inspect import inspect_file

    source: Path = options.file.expanduser().resolve()
    if not source.is_file():
        raise VocPlanError(_("There is no file at {file}.").format(file=source))
    if inspect_file(source).is_new:
        raise VocPlanError(_("That file holds no VocPlan data. Nothing was changed."))
    live = _live_database_file(start, must_exist=False)
    if source == live:
        raise VocPlanError(_("That is the live data file itself. Nothing was changed."))
    has_data = live.exists() and not inspect_file(live).is_new
    if (
        has_data
        and not options.yes
        and not _confirm(
            _(
                "This replaces all the plans in {folder} with the ones in the copy. "
                "The current data is kept in the backups folder first. Go ahead?"
            ).format(folder=start.data_folder)
        )
    ):
        raise VocPlanError(_("Nothing was changed. To restore without being asked, add --yes."))
    if has_data:
        kept = copy_before(live, start.backups_folder, reason="before-restore")
        print(_("The data as it was is kept in {file}.").format(file=kept))
    restore_database(source, live)
    open_database(f"sqlite:///{live}").close()  # brings an older copy up to date
    print(_("Restored the data from {file}.").format(file=source))
    return EXIT_OK


def run_export(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.services.directory import write_atomically
    from vocplan.services.people import find_person
    from vocplan.startup import open_app_database
    from vocplan.storage.database import sqlite_file

    target: Path = options.output.expanduser().resolve()
    if target.is_dir():
        raise VocPlanError(_("{file} is a folder. Give a file name after -o.").format(file=target))
    if target == sqlite_file(start.database_url):
        raise VocPlanError(_("That is the live data file itself. Choose another file name."))
    if target.exists() and not options.force:
        raise VocPlanError(
            _("Nothing was written: {file} already exists. Use --force to replace it.").format(
                file=target
            )
        )
    passphrase = _file_passphrase(options, new=True) if options.format == "vocplan" else None
    database = open_app_database(start, rolling_backup=False)
    try:
        person = find_person(database, options.person)
        data = _export_bytes(database, person.id, options.format, passphrase)
    finally:
        database.close()
    write_atomically(target, data)
    print(_("Saved the plan to {file}.").format(file=target))
    return EXIT_OK


EXPORT_FORMATS = ("pdf", "easy-read", "json", "fhir", "vocplan")
IMPORT_FORMATS = ("json", "vocplan")
PASSPHRASE_VARIABLE = "VOCPLAN_PASSPHRASE"


def _export_bytes(
    database: Database, person_id: int, export_format: str, passphrase: str | None = None
) -> bytes:
    if export_format == "pdf":
        from vocplan.export.pdf import record_pdf

        return record_pdf(database, person_id)
    if export_format == "easy-read":
        from vocplan.export.pdf import easy_read_pdf

        return easy_read_pdf(database, person_id)
    if export_format == "fhir":
        from vocplan.export.fhir import fhir_bundle

        bundle = fhir_bundle(database, person_id)
        return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if export_format == "vocplan":
        from vocplan.export.takehome import export_takehome

        assert passphrase is not None
        return export_takehome(database, person_id, passphrase)
    from vocplan.export.json_plan import export_json

    return export_json(database, person_id)


def run_import(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.export.importing import apply_import, preview_import
    from vocplan.startup import open_app_database

    source: Path = options.file.expanduser().resolve()
    document = _read_import_file(source, options)  # before touching any data
    database = open_app_database(start)
    try:
        preview = preview_import(database, document)
        if preview.is_new_person:
            person = apply_import(database, document, replace_existing=False)
            print(
                _("Added {name} to VocPlan, with their plan from the file.").format(
                    name=person.full_name
                )
            )
            return EXIT_OK
        _print_import_preview(preview)
        if not preview.changes_anything:
            print(_("The plan in the file is the same as the one in VocPlan. Nothing was changed."))
            return EXIT_OK
        if not options.yes and not _confirm(
            _(
                "Replace the plan in VocPlan with the one in the file? "
                "The versions agreed before are kept."
            )
        ):
            raise VocPlanError(_("Nothing was changed. To import without being asked, add --yes."))
        person = apply_import(database, document, replace_existing=True)
    finally:
        database.close()
    print(_("Replaced the plan of {name} with the one in the file.").format(name=person.full_name))
    return EXIT_OK


def _read_import_file(source: Path, options: argparse.Namespace) -> dict[str, Any]:
    from vocplan.export.importing import read_plan_file
    from vocplan.export.takehome import is_takehome_file, read_takehome_file

    import_format = options.format or ("vocplan" if is_takehome_file(source) else "json")
    if import_format == "vocplan":
        if not source.is_file():
            raise VocPlanError(_("There is no file at {file}.").format(file=source))
        return read_takehome_file(source, _file_passphrase(options, new=False))
    return read_plan_file(source)


def _file_passphrase(options: argparse.Namespace, *, new: bool) -> str:
    """The take-home file's passphrase: from a file, the environment, or asked for."""
    from vocplan.export.takehome import check_new_passphrase

    named: Path | None = getattr(options, "file_passphrase_file", None) or getattr(
        options, "passphrase_file", None
    )
    if named is not None:
        passphrase = _passphrase_from_file(named)
    elif os.environ.get(PASSPHRASE_VARIABLE):
        passphrase = os.environ[PASSPHRASE_VARIABLE]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass(_("Passphrase for the take-home file: "))
        if new:
            check_new_passphrase(passphrase)
            if getpass.getpass(_("The same passphrase again: ")) != passphrase:
                raise VocPlanError(_("The two passphrases are different. Nothing was written."))
    else:
        raise VocPlanError(
            _(
                "A take-home file needs a passphrase. Give it with --file-passphrase-file FILE "
                "or --passphrase-file FILE (or, for automation only, the {variable} "
                "environment variable)."
            ).format(variable=PASSPHRASE_VARIABLE)
        )
    if new:
        check_new_passphrase(passphrase)
    return passphrase


def _passphrase_from_file(path: Path) -> str:
    try:
        text = path.expanduser().read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as problem:
        reason = problem.strerror if isinstance(problem, OSError) else None
        raise VocPlanError(
            _("VocPlan could not read the passphrase file: {reason}").format(
                reason=reason or problem
            )
        ) from None
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise VocPlanError(
            _("The passphrase file {file} has no passphrase on its first line.").format(file=path)
        )
    return passphrase


def _print_import_preview(preview: ImportPreview) -> None:
    assert preview.existing is not None
    matched = {
        "uid": _("{name} is already in VocPlan: this file was made from their plan."),
        "nhs_number": _("{name} is already in VocPlan, with the same NHS number."),
        "name_and_birth_date": _(
            "{name} is already in VocPlan, with the same name and date of birth."
        ),
    }
    print(matched[preview.matched_by or "uid"].format(name=preview.existing.full_name))
    if preview.differences:
        print(_("What the file would change:"))
        for section, sentences in preview.differences:
            print(f"  {section.label}")
            for sentence in sentences:
                print(f"    - {sentence}")
    if preview.new_versions:
        print(
            i18n.ngettext(
                "The file has {count} agreed version that VocPlan does not have; it would be "
                "added.",
                "The file has {count} agreed versions that VocPlan does not have; they would be "
                "added.",
                preview.new_versions,
            ).format(count=preview.new_versions)
        )
    for sentence in preview.kept_details:
        print(sentence)


def _live_database_file(start: StartOptions, *, must_exist: bool = True) -> Path:
    from vocplan.storage.database import sqlite_file
    from vocplan.storage.inspect import inspect_file

    path = sqlite_file(start.database_url)
    if path is None:
        raise VocPlanError(
            _("Backup and restore work on a VocPlan data file, not on a database server.")
        )
    if must_exist:
        if not path.exists():
            raise VocPlanError(
                _("There is no VocPlan data in {folder} yet.").format(folder=start.data_folder)
            )
        inspect_file(path)
    return path


def _confirm(question: str) -> bool:
    """Ask on the terminal; with no terminal (scripts, CI) the answer is no."""
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in {"y", "yes", _("y"), _("yes")}
