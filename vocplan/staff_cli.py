"""``vocplan init``, ``staff``, ``passphrase`` and ``settings``: set up and run a protected folder.

Everything here can run without prompts, for scripted set-ups: passphrases
come from files (``--passphrase-file`` for the person acting, and
``--new-passphrase-file`` for the one being set) or, for automation only,
the ``VOCPLAN_PASSPHRASE`` environment variable.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _

if TYPE_CHECKING:
    from vocplan.security.folder import DataFiles
    from vocplan.security.keyfile import Unlocked
    from vocplan.startup import StartOptions
    from vocplan.storage.database import Database

EXIT_OK = 0


def add_parsers(subparsers: Any) -> None:
    """Register ``init``, ``staff``, ``passphrase`` and ``settings`` on the command line."""
    init = subparsers.add_parser(
        "init",
        help=_("set up VocPlan in the data folder, protected by a passphrase"),
        description=_(
            "Clinic: several members of staff, each with their own passphrase, and many "
            "people's plans. Personal: one person working on their own plan. Plans already "
            "in the folder are encrypted. The first passphrase comes from --passphrase-file, "
            "or VOCPLAN_PASSPHRASE, or is asked for."
        ),
    )
    init.add_argument("--mode", required=True, choices=("clinic", "personal"))
    init.add_argument(
        "--name",
        metavar="NAME",
        help=_("Clinic mode: the first administrator's name (they can add other staff)"),
    )
    init.set_defaults(run=run_init)

    staff = subparsers.add_parser(
        "staff",
        help=_("list, add or remove staff, or reset a forgotten passphrase (Clinic mode)"),
        description=_(
            "Adding, removing or resetting needs an administrator's passphrase (--user NAME "
            "and --passphrase-file FILE). The new passphrase comes from --new-passphrase-file."
        ),
    )
    actions = staff.add_subparsers(title=_("staff commands"), metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("list the staff who can unlock VocPlan"))
    listing.set_defaults(run=run_staff_list)
    add = actions.add_parser("add", help=_("give a member of staff their own passphrase"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--admin", action="store_true", help=_("they may add and remove staff too"))
    _add_new_passphrase_option(add)
    add.set_defaults(run=run_staff_add)
    remove = actions.add_parser("remove", help=_("stop a member of staff unlocking VocPlan"))
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run_staff_remove)
    reset = actions.add_parser(
        "reset", help=_("give a member of staff who forgot their passphrase a new one")
    )
    reset.add_argument("name", metavar="NAME")
    _add_new_passphrase_option(reset)
    reset.set_defaults(run=run_staff_reset)

    own = subparsers.add_parser(
        "passphrase",
        help=_("change your own passphrase"),
        description=_(
            "Your current passphrase comes from --passphrase-file (with --user NAME in a "
            "clinic), and the new one from --new-passphrase-file; either is asked for if not "
            "given."
        ),
    )
    _add_new_passphrase_option(
        own, _("read your new passphrase from the first line of FILE (else it is asked for)")
    )
    own.set_defaults(run=run_change_passphrase)

    settings = subparsers.add_parser(
        "settings", help=_("show or change the settings (administrators)")
    )
    settings.add_argument(
        "--lock-after",
        metavar="MINUTES",
        type=int,
        help=_("lock VocPlan after this many minutes without input (default 5)"),
    )
    settings.set_defaults(run=run_settings)


def _add_new_passphrase_option(parser: argparse.ArgumentParser, help_text: str = "") -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        type=Path,
        help=help_text
        or _("read their new passphrase from the first line of FILE (else it is asked for)"),
    )


def run_init(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.security.folder import FolderState, set_up
    from vocplan.security.keyfile import Mode
    from vocplan.services.audit import current_actor
    from vocplan.startup import open_app_database

    mode = Mode(options.mode)
    if mode is Mode.CLINIC and not (options.name or "").strip():
        raise VocPlanError(_("Clinic mode needs the first administrator's name: add --name NAME."))
    name = options.name if mode is Mode.CLINIC else (options.name or current_actor())
    files = start.files()
    was_unprotected = files.state() is FolderState.UNPROTECTED
    passphrase = start.passphrase() if start.passphrase is not None else ""
    unlocked = set_up(files, mode, name, passphrase)
    open_app_database(start, unlocked=unlocked, rolling_backup=False).close()
    if was_unprotected:
        print(
            _("The plans already in {folder} are now encrypted.").format(folder=start.data_folder)
        )
    if mode is Mode.CLINIC:
        print(
            _(
                "VocPlan is set up for a clinic in {folder}. {name} is the administrator; "
                "add staff with 'vocplan staff add NAME'."
            ).format(folder=start.data_folder, name=unlocked.account.name)
        )
    else:
        print(_("VocPlan is set up for personal use in {folder}.").format(folder=start.data_folder))
    print(
        _(
            "Keep the passphrase safe: without it nobody, including VocPlan's makers, can "
            "open the plans."
        )
    )
    return EXIT_OK


def run_staff_list(start: StartOptions, _options: argparse.Namespace) -> int:
    from vocplan.security import staff

    found = staff.accounts(_protected_files(start))
    width = max(len(account.name) for account in found)
    for account in found:
        role = _("administrator") if account.is_admin else _("staff")
        print(f"{account.name.ljust(width)}  {role}")
    return EXIT_OK


def run_staff_add(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.security import staff
    from vocplan.security.keyfile import Role

    admin = _as_admin(start)
    passphrase = _new_passphrase(options, options.name)
    role = Role.ADMIN if options.admin else Role.STAFF
    with _trail(start, admin) as trail:
        account = staff.add_staff(start.files(), admin, options.name, role, passphrase, trail=trail)
    print(_("{name} can now unlock VocPlan with their own passphrase.").format(name=account.name))
    return EXIT_OK


def run_staff_remove(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.security import staff

    admin = _as_admin(start)
    with _trail(start, admin) as trail:
        account = staff.remove_staff(start.files(), admin, options.name, trail=trail)
    print(_("{name} can no longer unlock VocPlan.").format(name=account.name))
    return EXIT_OK


def run_staff_reset(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.security import staff

    admin = _as_admin(start)
    passphrase = _new_passphrase(options, options.name)
    with _trail(start, admin) as trail:
        account = staff.reset_passphrase(
            start.files(), admin, options.name, passphrase, trail=trail
        )
    print(
        _(
            "{name} has a new passphrase. Their old one no longer works. Ask them to keep the "
            "new one safe."
        ).format(name=account.name)
    )
    return EXIT_OK


def run_change_passphrase(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.cli import read_passphrase
    from vocplan.security import staff
    from vocplan.security.errors import NeedsPassphrase
    from vocplan.security.folder import unlock

    files = _protected_files(start)
    if start.passphrase is None:
        raise NeedsPassphrase()
    current = start.passphrase()
    unlocked = unlock(files, current, start.user)  # a wrong one is told before the new is asked
    new = read_passphrase(
        options.new_passphrase_file,
        prompt=_("Your new passphrase: "),
        missing=VocPlanError(
            _("Give the new passphrase with --new-passphrase-file FILE. Nothing was changed.")
        ),
        new=True,
        from_environment=False,
    )
    with _trail(start, unlocked) as trail:
        staff.change_own_passphrase(
            files, unlocked.account.name, current, new, signed_in=unlocked, trail=trail
        )
    print(_("Your passphrase is changed. The old one no longer works."))
    return EXIT_OK


def run_settings(start: StartOptions, options: argparse.Namespace) -> int:
    from vocplan.services.settings import lock_after_minutes, set_lock_after_minutes
    from vocplan.startup import open_app_database

    changing = options.lock_after is not None
    unlocked = _as_admin(start, staff_accounts=False) if changing else None
    database = open_app_database(start, unlocked=unlocked, rolling_backup=False)
    try:
        if changing:
            set_lock_after_minutes(database, options.lock_after)
        minutes = lock_after_minutes(database)
    finally:
        database.close()
    print(_("VocPlan locks after {count} minutes without input.").format(count=minutes))
    return EXIT_OK


@contextmanager
def _trail(start: StartOptions, unlocked: Unlocked) -> Iterator[Database]:
    """The database, open as ``unlocked``, for a staff change to go on the audit trail."""
    from vocplan.startup import open_app_database

    database = open_app_database(start, unlocked=unlocked, rolling_backup=False)
    try:
        yield database
    finally:
        database.close()


def _protected_files(start: StartOptions) -> DataFiles:
    from vocplan.security.errors import NotProtected, NotSetUp
    from vocplan.security.folder import FolderState

    files = start.files()
    state = files.state()
    if state is FolderState.NEW:
        raise NotSetUp()
    if state is not FolderState.PROTECTED:
        raise NotProtected()
    return files


def _as_admin(start: StartOptions, *, staff_accounts: bool = True) -> Unlocked:
    from vocplan.security.errors import NotAllowed
    from vocplan.security.keyfile import Mode
    from vocplan.startup import unlock_with_options

    files = _protected_files(start)
    if staff_accounts and files.key_file_contents().mode is Mode.PERSONAL:
        raise NotAllowed(_("This folder is set up for personal use, which has no staff accounts."))
    unlocked = unlock_with_options(start)
    assert unlocked is not None
    if not unlocked.account.is_admin:
        raise NotAllowed(
            _("Only an administrator can do that. {name} is not one.").format(
                name=unlocked.account.name
            )
        )
    return unlocked


def _new_passphrase(options: argparse.Namespace, name: str) -> str:
    """The new passphrase for ``name``: never the environment's, which is the acting admin's."""
    from vocplan.cli import read_passphrase

    return read_passphrase(
        options.new_passphrase_file,
        prompt=_("New passphrase for {name}: ").format(name=name),
        missing=VocPlanError(
            _("Give the new passphrase with --new-passphrase-file FILE. Nothing was changed.")
        ),
        new=True,
        from_environment=False,
    )
