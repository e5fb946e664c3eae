"""Slowing down guesses: after a few wrong passphrases, each further try must wait.

The count is kept in a small file in the data folder, so closing and
reopening VocPlan, or scripting the command line, does not reset it. It
holds only a count and a time. This guards against guessing at the
keyboard; against a copied folder, the cost of Argon2id is what protects.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vocplan.paths import make_private_folder
from vocplan.security.errors import TooManyAttempts

ATTEMPTS_FILE_NAME = "unlock-attempts.json"
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 0, 0, 0, 2, 4, 8 … 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_SECONDS))


@dataclass
class Throttle:
    folder: Path
    clock: Callable[[], float] = field(default=time.time)

    @property
    def path(self) -> Path:
        return self.folder / ATTEMPTS_FILE_NAME

    def check(self) -> None:
        """Raise TooManyAttempts while a wait is still running."""
        failures, last = self._read()
        # Capped: a clock put back (or a count from a PC with a wrong clock) never means forever.
        remaining = min(last + wait_after(failures) - self.clock(), wait_after(failures))
        if remaining > 0:
            raise TooManyAttempts(math.ceil(remaining))

    def failed(self) -> None:
        failures, _last = self._read()
        self._write(failures + 1, self.clock())

    def succeeded(self) -> None:
        self.path.unlink(missing_ok=True)

    def _read(self) -> tuple[int, float]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return max(0, int(raw["failures"])), float(raw["last"])
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged count (a power cut mid-write, say) is taken as the first wait, from
            # when the file was last written, so it can never lock anyone out for good.
            try:
                return FREE_ATTEMPTS, self.path.stat().st_mtime
            except OSError:
                return FREE_ATTEMPTS, 0.0

    def _write(self, failures: int, last: float) -> None:
        from vocplan.domain.errors import VocPlanError
        from vocplan.services.directory import write_atomically

        try:
            make_private_folder(self.folder)
            write_atomically(self.path, json.dumps({"failures": failures, "last": last}).encode())
        except (OSError, VocPlanError):
            pass  # a read-only folder cannot count; Argon2id's cost still slows guessing
