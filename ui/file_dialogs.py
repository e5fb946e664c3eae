"""Where to save and what to open: always Qt's own file dialog, never the system's.

The system dialogs (the Windows common file dialog, GTK's file chooser) add each
file chosen to the desktop's recent-files lists, so a name someone types, such
as "Jo Bloggs plan.pdf", would outlive the session there. Qt's own dialog keeps
no list of files, only which folders were visited.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QFileDialog, QStandardPaths, QWidget

KEEPS_NO_RECENT_FILES = QFileDialog.Option.DontUseNativeDialog


def documents_folder() -> Path:
    """Where files are offered first: the person's documents folder, or their home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def ask_save_path(parent: QWidget | None, title: str, suggested: Path | str, filters: str) -> str:
    """The file to save to, or "" when the person cancels. Qt asks before replacing one."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(suggested), filters, options=KEEPS_NO_RECENT_FILES
    )
    return str(chosen)


def ask_open_path(parent: QWidget | None, title: str, folder: Path | str, filters: str) -> str:
    """The file to open, or "" when the person cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(folder), filters, options=KEEPS_NO_RECENT_FILES
    )
    return str(chosen)
