"""The two primitives every encrypted thing in VocPlan is built from.

Argon2id turns a passphrase into a 256-bit key; AES-256-GCM encrypts and
authenticates with it. Take-home files and the key slots of a data folder
both use these, so there is one place to raise the cost or change a choice.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_SIZE = 32
NONCE_SIZE = 12
SALT_SIZE = 16
TAG_SIZE = 16


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id's cost: passes over the memory, the memory in KiB, and lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def reasonable(self) -> bool:
        """Within limits, so a made-up file cannot make VocPlan spend minutes or gigabytes."""
        return (
            1 <= self.time_cost <= 64
            and 1 <= self.parallelism <= 64
            and 8 * self.parallelism <= self.memory_kib <= 2 * 1024 * 1024
        )


STRONG_KDF = KdfParameters(time_cost=3, memory_kib=64 * 1024, parallelism=4)
"""RFC 9106's second recommended option: about a quarter of a second on a laptop."""


class DecryptionFailed(Exception):
    """The key is wrong or the bytes were changed: AES-GCM cannot say which."""


def normalised(passphrase: str) -> str:
    # The same passphrase typed on macOS and on Windows can differ in Unicode form.
    return unicodedata.normalize("NFC", passphrase)


def passphrase_key(passphrase: str, salt: bytes, kdf: KdfParameters) -> bytes:
    """The 256-bit key Argon2id makes of ``passphrase`` with ``salt``."""
    return hash_secret_raw(
        secret=normalised(passphrase).encode("utf-8"),
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_SIZE,
        type=Type.ID,
    )


def new_key() -> bytes:
    return os.urandom(KEY_SIZE)


def new_salt() -> bytes:
    return os.urandom(SALT_SIZE)


def seal(key: bytes, plaintext: bytes, associated: bytes = b"") -> bytes:
    """A random nonce followed by the AES-GCM ciphertext and tag."""
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def unseal(key: bytes, sealed: bytes, associated: bytes = b"") -> bytes:
    """The plaintext of ``seal``'s output; DecryptionFailed if key or bytes are wrong."""
    if len(sealed) < NONCE_SIZE + TAG_SIZE:
        raise DecryptionFailed()
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], associated)
    except InvalidTag:
        raise DecryptionFailed() from None
