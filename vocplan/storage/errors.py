"""Problems with a data file, each with a message a person can act on."""

from __future__ import annotations

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _


class StorageError(VocPlanError):
    """A data file cannot be used. The file has been left exactly as it was."""


class NotAVocPlanDatabase(StorageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This file is not a VocPlan data file. Nothing in it was changed. "
                "Check you chose the right file or folder."
            )
        )


class CorruptDatabase(StorageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This VocPlan data file is damaged and cannot be opened. Nothing in it "
                "was changed. You can restore a backup with 'vocplan restore FILE'."
            )
        )


class NewerDatabase(StorageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This data file was made by a newer version of VocPlan. Nothing in it "
                "was changed. Install the newer version to open it."
            )
        )
