"""Key slots: several passphrases, each able to unlock the one key of a data folder.

The database is encrypted with a random 256-bit *data key* that never
changes. Each member of staff (or, in Personal mode, the one user) has a
*slot*: the data key encrypted (AES-256-GCM) with a key made from their own
passphrase by Argon2id, with a salt of its own. Adding someone wraps the
data key once more; removing them deletes their slot. Neither re-encrypts
the data, and neither needs anyone else's passphrase.

The slots live in ``vocplan-keys.json`` beside the database. It holds no
personal data about the people whose plans are kept, only staff names and
roles, which are bound into each slot's encryption as associated data, so
editing a role in the file (staff to admin, say) makes that slot fail to open.

Limits, as with any key-slot scheme (LUKS works the same way): someone who
kept a copy of this file from before their slot was removed, and who knows
their old passphrase, can still recover the data key from that copy.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from vocplan.i18n import _
from vocplan.security.crypto import (
    KEY_SIZE,
    NONCE_SIZE,
    SALT_SIZE,
    STRONG_KDF,
    TAG_SIZE,
    DecryptionFailed,
    KdfParameters,
    new_key,
    new_salt,
    passphrase_key,
    seal,
    unseal,
)
from vocplan.security.errors import (
    KeyFileDamaged,
    NotAllowed,
    UnknownAccount,
    WrongPassphrase,
)
from vocplan.security.passphrases import check_new_passphrase

KEY_FILE_NAME = "vocplan-keys.json"
WRAPPED_KEY_SIZE = NONCE_SIZE + KEY_SIZE + TAG_SIZE
FORMAT = "vocplan-keys"
FORMAT_VERSION = 1


class Mode(StrEnum):
    CLINIC = "clinic"
    PERSONAL = "personal"


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"


@dataclass
class Slot:
    name: str
    role: Role
    created: str
    kdf: KdfParameters
    salt: bytes
    wrapped_key: bytes
    id: str = field(default_factory=lambda: os.urandom(8).hex())

    def associated(self) -> bytes:
        return json.dumps([FORMAT, self.id, self.name, self.role.value]).encode("utf-8")

    def unwrap(self, passphrase: str) -> bytes:
        """The data key, or WrongPassphrase."""
        try:
            return unseal(
                passphrase_key(passphrase, self.salt, self.kdf), self.wrapped_key, self.associated()
            )
        except DecryptionFailed:
            raise WrongPassphrase() from None


@dataclass(frozen=True)
class Account:
    """Who unlocked the data: their name goes on the audit trail."""

    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


@dataclass(frozen=True)
class Unlocked:
    account: Account
    key: bytes


@dataclass
class KeyFile:
    path: Path
    mode: Mode
    key_id: str
    slots: list[Slot]

    # -- making and reading --------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        mode: Mode,
        name: str,
        passphrase: str,
        *,
        kdf: KdfParameters = STRONG_KDF,
    ) -> tuple[KeyFile, Unlocked]:
        """A new key file (not yet saved) with one administrator slot and a new data key."""
        key = new_key()
        keys = cls(path=folder / KEY_FILE_NAME, mode=mode, key_id=key_id(key), slots=[])
        account = keys.add(key, name, Role.ADMIN, passphrase, kdf=kdf)
        return keys, Unlocked(account, key)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("version") != FORMAT_VERSION:
                raise ValueError("not a key file of a known version")
            return cls(
                path=path,
                mode=Mode(raw["mode"]),
                key_id=str(raw["key_id"]),
                slots=[_slot_from_json(item) for item in raw["slots"]],
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KeyFileDamaged() from None

    def save(self) -> None:
        """Write the file in one step: a crash leaves the old file or the new, never half."""
        document = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "mode": self.mode.value,
            "key_id": self.key_id,
            "slots": [_slot_to_json(slot) for slot in self.slots],
        }
        from vocplan.services.directory import write_atomically

        write_atomically(self.path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))

    # -- unlocking -----------------------------------------------------------

    def unlock(self, passphrase: str, name: str | None = None) -> Unlocked:
        """The data key and who unlocked it; WrongPassphrase if no slot opens.

        With no ``name``, every slot is tried (each costs one Argon2id run).
        """
        candidates = self.slots if name is None else [self.slot_named(name)]
        for slot in candidates:
            try:
                key = slot.unwrap(passphrase)
            except WrongPassphrase:
                continue
            if key_id(key) != self.key_id:
                continue
            return Unlocked(Account(slot.name, slot.role), key)
        raise WrongPassphrase()

    def slot_named(self, name: str) -> Slot:
        wanted = _folded(name)
        for slot in self.slots:
            if _folded(slot.name) == wanted:
                return slot
        raise UnknownAccount(name.strip())

    def accounts(self) -> list[Account]:
        return [Account(slot.name, slot.role) for slot in self.slots]

    # -- staff ---------------------------------------------------------------

    def add(
        self,
        key: bytes,
        name: str,
        role: Role,
        passphrase: str,
        *,
        kdf: KdfParameters = STRONG_KDF,
    ) -> Account:
        """Give ``name`` a slot of their own; the data key is wrapped again, not changed."""
        name = " ".join(name.split())
        if not name:
            raise NotAllowed(_("Give the member of staff's name."))
        if any(_folded(slot.name) == _folded(name) for slot in self.slots):
            raise NotAllowed(
                _("There is already a member of staff called {name}.").format(name=name)
            )
        check_new_passphrase(passphrase)
        slot = Slot(
            name=name,
            role=role,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            kdf=kdf,
            salt=new_salt(),
            wrapped_key=b"",
        )
        slot.wrapped_key = seal(passphrase_key(passphrase, slot.salt, kdf), key, slot.associated())
        self.slots.append(slot)
        return Account(slot.name, slot.role)

    def remove(self, name: str) -> Account:
        """Delete ``name``'s slot; the last administrator cannot be removed."""
        slot = self.slot_named(name)
        admins = [other for other in self.slots if other.role is Role.ADMIN]
        if slot.role is Role.ADMIN and len(admins) == 1:
            raise NotAllowed(
                _(
                    "{name} is the only administrator, so cannot be removed. Make someone else "
                    "an administrator first."
                ).format(name=slot.name)
            )
        self.slots.remove(slot)
        return Account(slot.name, slot.role)

    def reset(
        self, key: bytes, name: str, passphrase: str, *, kdf: KdfParameters = STRONG_KDF
    ) -> Account:
        """A forgotten passphrase: ``name`` gets a new slot; nobody's data is revealed."""
        slot = self.slot_named(name)
        check_new_passphrase(passphrase)
        index = self.slots.index(slot)
        self.slots.remove(slot)
        try:
            account = self.add(key, slot.name, slot.role, passphrase, kdf=kdf)
        except Exception:
            self.slots.insert(index, slot)
            raise
        self.slots.insert(index, self.slots.pop())
        return account


def key_id(key: bytes) -> str:
    """A short fingerprint of the data key: which data a key file belongs to."""
    return hmac.new(key, b"vocplan data key id", hashlib.sha256).hexdigest()[:16]


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    document = _slot_fields(slot)
    document["check"] = _slot_check(document)
    return document


def _slot_check(fields: dict[str, Any]) -> str:
    """An unkeyed checksum, so damage to a slot is told apart from a wrong passphrase."""
    body = {name: value for name, value in fields.items() if name != "check"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def _slot_fields(slot: Slot) -> dict[str, Any]:
    return {
        "id": slot.id,
        "name": slot.name,
        "role": slot.role.value,
        "created": slot.created,
        "kdf": {
            "algorithm": "argon2id",
            "time_cost": slot.kdf.time_cost,
            "memory_kib": slot.kdf.memory_kib,
            "parallelism": slot.kdf.parallelism,
            "salt": _b64(slot.salt),
        },
        "wrapped_key": _b64(slot.wrapped_key),
    }


def _slot_from_json(item: dict[str, Any]) -> Slot:
    if item.get("check") != _slot_check(item):
        raise ValueError("a key slot was changed or damaged")
    kdf_json = item["kdf"]
    if kdf_json["algorithm"] != "argon2id":
        raise ValueError("unknown key derivation")
    kdf = KdfParameters(
        int(kdf_json["time_cost"]), int(kdf_json["memory_kib"]), int(kdf_json["parallelism"])
    )
    if not kdf.reasonable():
        raise ValueError("unreasonable key derivation cost")
    slot = Slot(
        id=str(item["id"]),
        name=str(item["name"]),
        role=Role(item["role"]),
        created=str(item["created"]),
        kdf=kdf,
        salt=base64.b64decode(kdf_json["salt"], validate=True),
        wrapped_key=base64.b64decode(item["wrapped_key"], validate=True),
    )
    if len(slot.salt) != SALT_SIZE or len(slot.wrapped_key) != WRAPPED_KEY_SIZE:
        raise ValueError("a key slot has the wrong size")
    return slot
