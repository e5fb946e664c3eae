"""The ``vocplan`` command: the app with no sub-command, set-up and admin with one.

Exit codes: 0 done, 1 could not be done (the message says why; nothing was
changed), 2 the command was typed wrongly.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan import __version__, audit_cli, i18n, staff_cli
from vocplan.benefits import command as benefits_command
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.startup import StartOptions
from vocplan.storage.errors import StorageError

if TYPE_CHECKING:
    from vocplan.export.importing import ImportPreview
    from vocplan.storage.database import Database

EXIT_OK = 0
EXIT_FAILED = 1
PASSPHRASE_VARIABLE = "VOCPLAN_PASSPHRASE"
"""For automation only: anyone who can read the process's environment can read it."""
USER_VARIABLE = "VOCPLAN_USER"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.install(_language_asked_for(arguments))
    parser = build_parser()
    options = parser.parse_args(arguments)
    start = StartOptions.resolve(options.data_dir, options.lang)
    command: Callable[[StartOptions, argparse.Namespace], int] = getattr(options, "run", run_app)
    if command is not run_app:
        start = replace(
            start,
            passphrase=functools.cache(
                lambda: data_passphrase(options, new=command is staff_cli.run_init)
            ),
            user=options.user or os.environ.get(USER_VARIABLE) or None,
        )
    try:
        return command(start, options)
    except VocPlanError as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_FAILED
    except OSError as problem:  # a folder that cannot be written, a disk that is full
        print(
            _("VocPlan could not use a file ({reason}). Nothing more was done.").format(
                reason=" ".join(str(part) for part in (problem.strerror, problem.filename) if part)
                or type(problem).__name__
            ),
            file=sys.stderr,
        )
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
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        help=_(
            "read the passphrase that unlocks the plans from the first line of FILE (else "
            "the {variable} environment variable, for automation only; else it is asked for)"
        ).format(variable=PASSPHRASE_VARIABLE),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=_(
            "Clinic mode: the member of staff whose passphrase is given (default: "
            "{variable}; else every account is tried)"
        ).format(variable=USER_VARIABLE),
    )
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
    staff_cli.add_parsers(commands)
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
    from vocplan.startup import unlock_with_options
    from vocplan.storage.backups import copy_database, keys_beside
    from vocplan.storage.inspect import inspect_file

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
    unlocked = unlock_with_options(start)
    key = unlocked.key if unlocked is not None else None
    inspect_file(live, key)
    copy_database(live, target, key)
    print(_("Saved a copy of all the data to {file}.").format(file=target))
    if unlocked is not None:
        from vocplan.services.directory import write_atomically

        keys = keys_beside(target)
        write_atomically(keys, start.files().key_file.read_bytes())
        print(
            _(
                "The copy is encrypted. The passphrases that open it are in {file}: keep the "
                "two files together."
            ).format(file=keys)
        )
    return EXIT_OK


def run_restore(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.security.folder import FolderState, unlock
    from vocplan.startup import unlock_with_options
    from vocplan.storage.backups import copy_before, keys_beside, restore_database
    from vocplan.storage.cipher import encrypt_copy, is_plain_sqlite
    from vocplan.storage.database import open_database
    from vocplan.storage.inspect import inspect_file

    source: Path = options.file.expanduser().resolve()
    if not source.is_file():
        raise VocPlanError(_("There is no file at {file}.").format(file=source))
    live = _live_database_file(start, must_exist=False)
    if source == live:
        raise VocPlanError(_("That is the live data file itself. Nothing was changed."))
    files = start.files()
    state = files.state()
    sidecar = keys_beside(source)
    # The copy's own key file, when it has one, is what opens it (a restore onto a new machine).
    source_keys = sidecar if sidecar.is_file() and not is_plain_sqlite(source) else None
    if (
        source_keys is not None
        and state is FolderState.PROTECTED
        and _same_data_key(files, sidecar)
    ):
        source_keys = None  # the same data key: today's staff list opens it, not the old one
    unlocked = None
    if source_keys is not None:
        unlocked = unlock(files, _passphrase_for(start), start.user, key_file=source_keys)
    elif state is FolderState.PROTECTED:
        unlocked = unlock_with_options(start)
    elif not is_plain_sqlite(source):
        raise VocPlanError(
            _(
                "That copy is encrypted, and the file of passphrases that opens it ({file}) "
                "is not beside it. Nothing was changed."
            ).format(file=sidecar.name)
        )
    key = unlocked.key if unlocked is not None else None
    try:
        source_state = inspect_file(source, None if is_plain_sqlite(source) else key)
    except StorageError:
        if source_keys is not None or key is None:
            raise
        raise VocPlanError(
            _(
                "That file is not a copy of this VocPlan's data. It may not be VocPlan data at "
                "all, or be damaged, or come from another VocPlan set-up (then the file "
                "{file} that opens it must be beside it). Nothing was changed."
            ).format(file=sidecar.name)
        ) from None
    if source_state.is_new:
        raise VocPlanError(_("That file holds no VocPlan data. Nothing was changed."))
    current_key = None
    if state is FolderState.PROTECTED:
        current_key = key if source_keys is None else _current_key_if_same(files, key)
    has_data = live.exists() and live.stat().st_size > 0
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
        if state is FolderState.PROTECTED and current_key is None:
            kept = _keep_aside_with_keys(start, live)
        else:
            live_key = key if state is FolderState.PROTECTED else None
            kept = copy_before(live, start.backups_folder, reason="before-restore", key=live_key)
        print(_("The data as it was is kept in {file}.").format(file=kept))
    if source_keys is not None and current_key is None:
        from vocplan.services.directory import write_atomically

        # The restored data has the copy's key: from now on its passphrases open this folder.
        with files.changing_keys():
            live.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                live.with_name(live.name + suffix).unlink(missing_ok=True)
            write_atomically(files.key_file, source_keys.read_bytes())
    if key is not None and is_plain_sqlite(source):
        encrypted = live.with_name(f".{live.name}.restoring")
        encrypted.unlink(missing_ok=True)
        encrypt_copy(source, encrypted, key)
        try:
            restore_database(encrypted, live, key)
        finally:
            encrypted.unlink(missing_ok=True)
    else:
        restore_database(source, live, key)
    open_database(f"sqlite:///{live}", key=key).close()  # brings an older copy up to date
    if key is not None:
        from vocplan.security.folder import finish_protecting

        finish_protecting(files, key)  # the unencrypted data it replaced, kept aside, too
    print(_("Restored the data from {file}.").format(file=source))
    return EXIT_OK


def _passphrase_for(start: StartOptions) -> str:
    from vocplan.security.errors import NeedsPassphrase

    if start.passphrase is None:
        raise NeedsPassphrase()
    return start.passphrase()


def _same_data_key(files: Any, other_key_file: Path) -> bool:
    """Whether another key file (beside a backup) is for the same data key as the folder's."""
    from vocplan.security.keyfile import KeyFile

    try:
        return bool(KeyFile.load(other_key_file).key_id == files.key_file_contents().key_id)
    except VocPlanError:
        return False


def _current_key_if_same(files: Any, key: bytes | None) -> bytes | None:
    """``key`` when the folder's own key file is for the same data key, else None."""
    from vocplan.security.keyfile import key_id

    if key is not None and files.key_file_contents().key_id == key_id(key):
        return key
    return None


def _keep_aside_with_keys(start: StartOptions, live: Path) -> Path:
    """Before a restore that brings its own key: the current file and its key file, as they are."""
    import shutil

    from vocplan.paths import make_private_folder
    from vocplan.storage.backups import dated_name, keys_beside

    kept = dated_name(start.backups_folder, suffix="-before-restore")
    make_private_folder(kept.parent)
    for suffix in ("", "-wal", "-shm"):
        part = live.with_name(live.name + suffix)
        if part.exists():
            shutil.copyfile(part, kept.with_name(kept.name + suffix))
    shutil.copyfile(start.files().key_file, keys_beside(kept))
    return kept


def output_file(start: StartOptions, given: Path, *, force: bool) -> Path:
    """Where ``-o FILE`` writes: never a folder, the live data file, or (without --force)
    a file that is already there."""
    from vocplan.storage.database import sqlite_file

    target = given.expanduser().resolve()
    if target.is_dir():
        raise VocPlanError(_("{file} is a folder. Give a file name after -o.").format(file=target))
    if target == sqlite_file(start.database_url):
        raise VocPlanError(_("That is the live data file itself. Choose another file name."))
    if target.exists() and not force:
        raise VocPlanError(
            _("Nothing was written: {file} already exists. Use --force to replace it.").format(
                file=target
            )
        )
    return target


def run_export(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.services.directory import write_atomically
    from vocplan.services.people import find_person
    from vocplan.startup import open_app_database

    target = output_file(start, options.output, force=options.force)
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
    named: Path | None = getattr(options, "file_passphrase_file", None) or getattr(
        options, "passphrase_file", None
    )
    return read_passphrase(
        named,
        prompt=_("Passphrase for the take-home file: "),
        missing=VocPlanError(
            _(
                "A take-home file needs a passphrase. Give it with --file-passphrase-file FILE "
                "or --passphrase-file FILE (or, for automation only, the {variable} "
                "environment variable)."
            ).format(variable=PASSPHRASE_VARIABLE)
        ),
        new=new,
    )


def read_passphrase(
    named: Path | None,
    *,
    prompt: str,
    missing: VocPlanError,
    new: bool,
    from_environment: bool = True,
) -> str:
    """A passphrase from the first line of ``named``, else the environment, else the terminal.

    ``new``: one that will lock something, so it is checked, and typed twice at a terminal.
    With none of these, ``missing`` is raised.
    """
    from vocplan.security.passphrases import check_new_passphrase

    if named is not None:
        passphrase = passphrase_from_file(named)
    elif from_environment and os.environ.get(PASSPHRASE_VARIABLE):
        passphrase = os.environ[PASSPHRASE_VARIABLE]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass(prompt)
        if new:
            check_new_passphrase(passphrase)
            if getpass.getpass(_("The same passphrase again: ")) != passphrase:
                raise VocPlanError(_("The two passphrases are different. Nothing was changed."))
    else:
        raise missing
    if new:
        check_new_passphrase(passphrase)
    return passphrase


def passphrase_from_file(path: Path) -> str:
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


def data_passphrase(options: argparse.Namespace, *, new: bool = False) -> str:
    """The passphrase that unlocks the plans: from a file, the environment, or asked for."""
    from vocplan.security.errors import NeedsPassphrase

    return read_passphrase(
        getattr(options, "passphrase_file", None),
        prompt=_("Passphrase: "),
        missing=NeedsPassphrase(),
        new=new,
    )


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

    path = sqlite_file(start.database_url)
    if path is None:
        raise VocPlanError(
            _("Backup and restore work on a VocPlan data file, not on a database server.")
        )
    if must_exist and not path.exists():
        raise VocPlanError(
            _("There is no VocPlan data in {folder} yet.").format(folder=start.data_folder)
        )
    return path


def _confirm(question: str) -> bool:
    """Ask on the terminal; with no terminal (scripts, CI) the answer is no."""
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in {"y", "yes", _("y"), _("yes")}
