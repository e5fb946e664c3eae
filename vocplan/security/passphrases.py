"""What makes a passphrase acceptable for a new key slot or a take-home file."""

from __future__ import annotations

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.security.crypto import normalised

MIN_PASSPHRASE_LENGTH = 8


class PassphraseTooShort(VocPlanError):
    """A passphrase too short to protect anything."""


def check_new_passphrase(passphrase: str) -> None:
    """Raise PassphraseTooShort unless ``passphrase`` may lock something new."""
    if len(normalised(passphrase).strip()) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShort(
            _(
                "The passphrase must be at least {count} characters long. A few ordinary "
                "words with spaces between them make a good one."
            ).format(count=MIN_PASSPHRASE_LENGTH)
        )
