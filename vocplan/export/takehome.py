"""Take-home plan files: one person's plan, encrypted with a passphrase, in one file.

A ``.vocplan`` file carries the JSON plan file (``export_json``) from the clinic
to a home laptop and back, on a USB stick or by email. Nobody can read it
without the passphrase, and any change to it, or a file cut off part-way, is
refused rather than imported.

The layout (all integers big-endian)::

    offset  size  field
    0       8     magic b"VOCPLAN\\x1a"
    8       2     format version (1)
    10      1     key derivation: 1 = Argon2id (version 0x13)
    11      4     Argon2 time cost (passes)
    15      4     Argon2 memory cost, in KiB
    19      1     Argon2 parallelism (lanes)
    20      16    salt, random for every file
    36      12    AES-GCM nonce, random for every file
    48      4     length of the encrypted body, tag included
    52      ...   body: AES-256-GCM of the zlib-compressed plan JSON, 16-byte tag last

The 256-bit key is Argon2id of the passphrase (Unicode NFC, UTF-8) with the
salt and the parameters in the header, so the parameters can rise in later
files and older files still open. The whole 52-byte header is the associated
data of the encryption: changing any byte of it, or of the body, makes the file
fail to open. AES-GCM cannot tell a wrong passphrase from a changed file, so
the message says both.

The plaintext only ever exists in memory: nothing here writes a file.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vocplan.export.importing import MAX_FILE_BYTES, parse_plan_file
from vocplan.export.json_plan import document_bytes
from vocplan.i18n import _
from vocplan.security.crypto import STRONG_KDF, KdfParameters, passphrase_key
from vocplan.security.passphrases import (
    MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH,
)
from vocplan.security.passphrases import (
    PassphraseTooShort as PassphraseTooShort,
)
from vocplan.security.passphrases import (
    check_new_passphrase,
)
from vocplan.services.snapshot import PlanDocumentError
from vocplan.storage.database import Database

MAGIC = b"VOCPLAN\x1a"
FORMAT_VERSION = 1
FILE_SUFFIX = ".vocplan"

_KDF_ARGON2ID = 1
_HEADER = struct.Struct(">8sHBIIB16s12sI")
HEADER_SIZE = _HEADER.size
_VERSION = struct.Struct(">H")
_TAG_SIZE = 16


KDF_PARAMETERS = STRONG_KDF
"""What new files are written with. Tests lower it; the app never does."""


class TakeHomeFileError(PlanDocumentError):
    """A take-home file that cannot be opened. Nothing has been changed."""


class NotATakeHomeFile(TakeHomeFileError):
    """The bytes do not begin as a take-home file does."""


class NewerTakeHomeFile(TakeHomeFileError):
    """A take-home file of a format version this VocPlan does not know."""


class IncompleteTakeHomeFile(TakeHomeFileError):
    """A take-home file cut off part-way."""


class DamagedTakeHomeFile(TakeHomeFileError):
    """A take-home file whose header makes no sense, or with bytes after its end."""


class WrongPassphraseOrChanged(TakeHomeFileError):
    """The encryption did not check out: a wrong passphrase, or a changed file."""


def export_takehome(database: Database, person_id: int, passphrase: str) -> bytes:
    """One person's plan as a take-home file, recorded in the audit trail as an export."""
    from vocplan.export.json_plan import person_plan_document
    from vocplan.model.audit import AuditAction
    from vocplan.services.audit import record_action

    data = write_takehome(person_plan_document(database, person_id), passphrase)
    record_action(database, AuditAction.EXPORT, person_id, "vocplan")
    return data


def write_takehome(
    document: dict[str, Any], passphrase: str, *, kdf: KdfParameters | None = None
) -> bytes:
    """The bytes of a take-home file holding ``document``, locked with ``passphrase``."""
    check_new_passphrase(passphrase)
    kdf = kdf or KDF_PARAMETERS
    salt = os.urandom(16)
    nonce = os.urandom(12)
    body = zlib.compress(document_bytes(document), 9)
    header = _HEADER.pack(
        MAGIC,
        FORMAT_VERSION,
        _KDF_ARGON2ID,
        kdf.time_cost,
        kdf.memory_kib,
        kdf.parallelism,
        salt,
        nonce,
        len(body) + _TAG_SIZE,
    )
    key = passphrase_key(passphrase, salt, kdf)
    return header + AESGCM(key).encrypt(nonce, body, header)


def read_takehome(data: bytes, passphrase: str) -> dict[str, Any]:
    """The plan document in a take-home file, checked all through like a JSON plan file."""
    if len(data) < len(MAGIC):
        if data and MAGIC.startswith(data):
            raise _incomplete()
        raise _not_takehome()
    if not data.startswith(MAGIC):
        raise _not_takehome()
    # The version first: a later format may lay out the rest of its header differently.
    if len(data) >= len(MAGIC) + 2 and _VERSION.unpack_from(data, len(MAGIC))[0] > FORMAT_VERSION:
        raise NewerTakeHomeFile(
            _(
                "This take-home file was saved by a newer version of VocPlan. Update VocPlan "
                "on this computer, then open the file again."
            )
        )
    if len(data) < HEADER_SIZE:
        raise _incomplete()
    header = data[:HEADER_SIZE]
    (_magic, version, kdf_id, time_cost, memory_kib, parallelism, salt, nonce, length) = (
        _HEADER.unpack(header)
    )
    kdf = KdfParameters(time_cost, memory_kib, parallelism)
    if version < 1 or kdf_id != _KDF_ARGON2ID or not kdf.reasonable() or length < _TAG_SIZE:
        raise _damaged()
    body = data[HEADER_SIZE:]
    if len(body) < length:
        raise _incomplete()
    if len(body) > length:
        raise _damaged()
    key = passphrase_key(passphrase, salt, kdf)
    try:
        compressed = AESGCM(key).decrypt(nonce, body, header)
    except InvalidTag:
        raise WrongPassphraseOrChanged(
            _(
                "The passphrase is wrong, or the file has been changed since it was saved. "
                "Check the passphrase and try again; if it is right, the file cannot be used: "
                "export the plan again from the copy of VocPlan that made it."
            )
        ) from None
    return parse_plan_file(_decompressed(compressed))


def read_takehome_file(path: Path | str, passphrase: str) -> dict[str, Any]:
    """The plan document in the take-home file at ``path``."""
    return read_takehome(_file_bytes(Path(path)), passphrase)


def is_takehome_file(path: Path | str) -> bool:
    """Whether the file at ``path`` begins as a take-home file does."""
    try:
        with Path(path).open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _file_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise TakeHomeFileError(_("There is no file at {file}.").format(file=path))
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _not_takehome()
        return path.read_bytes()
    except OSError as problem:
        raise TakeHomeFileError(
            _("VocPlan could not read the file: {reason}").format(
                reason=problem.strerror or problem
            )
        ) from None


def _decompressed(compressed: bytes) -> bytes:
    expander = zlib.decompressobj()
    try:
        plain = expander.decompress(compressed, MAX_FILE_BYTES)
    except zlib.error:
        raise _damaged() from None
    if expander.unconsumed_tail or not expander.eof:
        raise _damaged()
    return plain


def _not_takehome() -> NotATakeHomeFile:
    return NotATakeHomeFile(
        _(
            "This file is not a VocPlan take-home file. Take-home files end in .vocplan "
            "and are made by exporting a plan with a passphrase."
        )
    )


def _incomplete() -> IncompleteTakeHomeFile:
    return IncompleteTakeHomeFile(
        _(
            "This take-home file is incomplete: it stops part-way, perhaps because it was not "
            "saved or copied completely. Copy it again, or export the plan again."
        )
    )


def _damaged() -> DamagedTakeHomeFile:
    return DamagedTakeHomeFile(
        _("This take-home file is damaged: VocPlan cannot read it. Export the plan again.")
    )
