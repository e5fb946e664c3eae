"""Logging and crash reports that never hold personal data.

Log calls in VocPlan pass ids, counts and revision numbers only. A crash
report keeps the exception's type and where it happened, never its message
or local values, because those can hold what a person wrote.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from vocplan.paths import make_private_folder

LOG_FILE_NAME = "vocplan.log"


def setup_logging(data_folder: Path, level: int = logging.INFO) -> Path:
    folder = data_folder / "logs"
    make_private_folder(data_folder)  # on a first run the logs come first: it must not be made open
    make_private_folder(folder)
    path = folder / LOG_FILE_NAME
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return path


def crash_report(
    kind: type[BaseException], _value: BaseException, trace: TracebackType | None
) -> str:
    """Where a crash happened, without the exception's message or any variable's value."""
    frames = traceback.extract_tb(trace)
    lines = [f"Unexpected error: {kind.__module__}.{kind.__qualname__}"]
    lines.extend(f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames)
    return "\n".join(lines)


def install_crash_handler() -> None:
    def handle(
        kind: type[BaseException], value: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        report = crash_report(kind, value, trace)
        logging.getLogger("vocplan.crash").error(report)
        print(report, file=sys.stderr)

    sys.excepthook = handle
