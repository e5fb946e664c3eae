"""Why a data folder could not be unlocked, each in words a person can act on."""

from __future__ import annotations

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _, ngettext


class UnlockError(VocPlanError):
    """The data could not be unlocked. Nothing has been changed."""


class WrongPassphrase(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "That passphrase is not right. Check Caps Lock and the keyboard language, "
                "then try again. Your plans are safe and have not been changed."
            )
        )


class UnknownAccount(UnlockError):
    def __init__(self, name: str) -> None:
        super().__init__(_("There is no member of staff called {name} here.").format(name=name))


class TooManyAttempts(UnlockError):
    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            ngettext(
                "Too many wrong passphrases. Wait {count} second, then try again.",
                "Too many wrong passphrases. Wait {count} seconds, then try again.",
                seconds,
            ).format(count=seconds)
        )


class KeyFileDamaged(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The file that holds this folder's passphrases (vocplan-keys.json) is damaged, "
                "so the plans cannot be unlocked. Nothing was changed. Put back a copy of that "
                "file from a backup of the data folder."
            )
        )


class KeyFileMissing(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "VocPlan cannot open the data file in this folder. Either it is not a VocPlan "
                "data file, or it is an encrypted one whose file of passphrases "
                "(vocplan-keys.json) is missing. Nothing was changed. If it is VocPlan's, put "
                "vocplan-keys.json back from a backup of the data folder."
            )
        )


class NotSetUp(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "VocPlan has not been set up in this folder yet. Open the app to set it up, or "
                "run 'vocplan init --mode personal' (one person's own plan) or 'vocplan init "
                '--mode clinic --name "Your name"\' (a clinic with staff accounts).'
            )
        )


class NotProtected(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The plans in this folder are not protected by a passphrase yet. Open the app "
                "to protect them, or run 'vocplan init --mode personal' or 'vocplan init "
                '--mode clinic --name "Your name"\'.'
            )
        )


class NeedsPassphrase(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The plans are protected by a passphrase. Give it with --passphrase-file FILE "
                "(or, for automation only, the VOCPLAN_PASSPHRASE environment variable)."
            )
        )


class NotAllowed(UnlockError):
    """Only an administrator may do this."""


class AlreadySetUp(UnlockError):
    def __init__(self) -> None:
        super().__init__(_("VocPlan is already set up in this folder. Nothing was changed."))


class KeysNotWritable(UnlockError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "VocPlan cannot change the file of passphrases in the data folder ({reason}). "
                "Nothing was changed. Check that the folder can be changed and that the disk "
                "is not full."
            ).format(reason=reason)
        )


class KeysBusy(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else is changing the staff list of this folder right now. Nothing was "
                "changed. Try again in a minute."
            )
        )
