"""Changes to who can unlock: the one place both the CLI and the app call.

An administrator adds, resets and removes staff; anyone changes their own passphrase.

Each holds the key file while it reads it afresh, changes it and saves it, so
a change made meanwhile by another administrator is never written back over.
With ``trail`` (the open database), each change goes on the audit trail too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocplan.i18n import _
from vocplan.security.crypto import STRONG_KDF, KdfParameters
from vocplan.security.errors import NotAllowed, WrongPassphrase
from vocplan.security.folder import DataFiles, unlock
from vocplan.security.keyfile import Account, Role, Unlocked

if TYPE_CHECKING:
    from vocplan.storage.database import Database


def accounts(files: DataFiles) -> list[Account]:
    return files.key_file_contents().accounts()


def add_staff(
    files: DataFiles,
    admin: Unlocked,
    name: str,
    role: Role,
    passphrase: str,
    *,
    trail: Database | None = None,
    kdf: KdfParameters = STRONG_KDF,
) -> Account:
    """Give ``name`` a key slot of their own, opened by ``passphrase``."""
    _check_admin(admin)
    with files.editing_keys() as keys:
        account = keys.add(admin.key, name, role, passphrase, kdf=kdf)
    _record(trail, f"added: {account.name} ({account.role.value})")
    return account


def reset_passphrase(
    files: DataFiles,
    admin: Unlocked,
    name: str,
    passphrase: str,
    *,
    trail: Database | None = None,
    kdf: KdfParameters = STRONG_KDF,
) -> Account:
    """A new slot for someone who forgot their passphrase; the old one stops working."""
    _check_admin(admin)
    with files.editing_keys() as keys:
        account = keys.reset(admin.key, name, passphrase, kdf=kdf)
    _record(trail, f"new passphrase: {account.name}")
    return account


def remove_staff(
    files: DataFiles, admin: Unlocked, name: str, *, trail: Database | None = None
) -> Account:
    """Delete ``name``'s slot; nobody removes themselves, nor the last administrator."""
    _check_admin(admin)
    with files.editing_keys() as keys:
        if keys.slot_named(name).name == admin.account.name:
            raise NotAllowed(_("You cannot remove yourself. Ask another administrator."))
        account = keys.remove(name)
    _record(trail, f"removed: {account.name}")
    return account


def change_own_passphrase(
    files: DataFiles,
    name: str | None,
    current: str,
    new: str,
    *,
    signed_in: Unlocked | None = None,
    trail: Database | None = None,
    kdf: KdfParameters = STRONG_KDF,
) -> Account:
    """Swap one person's slot for one opened by ``new``, once ``current`` opens it.

    ``name`` is theirs (None in Personal mode); ``signed_in``, when the app
    already has them signed in, must be whom ``current`` opens. Asking for the
    current passphrase means someone who finds VocPlan left unlocked cannot
    shut its owner out, and wrong guesses count towards the wait, as at
    sign-in. It is checked while the key file is held, so a reset made by an
    administrator meanwhile is never undone.
    """
    with files.editing_keys() as keys:
        unlocked = unlock(files, current, name)
        if signed_in is not None and (
            unlocked.key != signed_in.key or unlocked.account.name != signed_in.account.name
        ):
            raise WrongPassphrase()
        if new == current:
            raise NotAllowed(_("The new passphrase is the same as the old one. Choose another."))
        account = keys.reset(unlocked.key, unlocked.account.name, new, kdf=kdf)
    _record(trail, "changed own passphrase")
    return account


def _record(trail: Database | None, detail: str) -> None:
    if trail is not None:
        from vocplan.model import AuditAction
        from vocplan.services.audit import record_admin

        record_admin(trail, AuditAction.STAFF, detail)


def _check_admin(admin: Unlocked) -> None:
    if not admin.account.is_admin:
        raise NotAllowed(
            _("Only an administrator can do that. {name} is not one.").format(
                name=admin.account.name
            )
        )
