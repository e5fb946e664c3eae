"""Where VocPlan finds its data folder and its shipped files.

The entry point calls these; nothing here runs at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "VocPlan"
DATA_DIR_VARIABLE = "VOCPLAN_DATA_DIR"
DATABASE_URL_VARIABLE = "VOCPLAN_DATABASE_URL"
DATABASE_FILE_NAME = "vocplan.db"
PORTABLE_MARKER = "portable.txt"
"""A file of this name next to a frozen build's executable makes the install portable."""
PORTABLE_DATA_FOLDER = "data"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the database, backups and logs.

    ``--data-dir`` wins over ``VOCPLAN_DATA_DIR``, which wins over a portable
    install's ``data`` folder, which wins over the per-user data folder of
    the operating system.
    """
    return choose_data_dir(
        override,
        from_env=os.environ.get(DATA_DIR_VARIABLE),
        executable=sys.executable,
        frozen=bool(getattr(sys, "frozen", False)),
    )


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (the data folder, its backups or logs) for this account only.

    On Linux and macOS other accounts on the same computer then cannot even
    list what is in it (on Windows the per-user AppData folder already is
    private). A folder that exists already is left as it is.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def make_default_folder_private(folder: Path) -> None:
    """Close up the per-user data folder of an older VocPlan, made open to other accounts.

    Only the operating system's per-user folder, which is VocPlan's own: a
    folder someone chose with --data-dir keeps the permissions they gave it.
    """
    if os.name != "posix" or folder != per_user_data_dir():
        return
    for path in (folder, folder / "backups", folder / "logs"):
        try:
            if path.is_dir() and path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
                path.chmod(0o700)
        except OSError:
            pass  # not ours to change; the data in it is encrypted all the same


def choose_data_dir(
    override: str | os.PathLike[str] | None,
    *,
    from_env: str | None,
    executable: str | os.PathLike[str],
    frozen: bool,
) -> Path:
    """The data folder decision, given everything it depends on.

    A portable install is a frozen build with ``portable.txt`` beside its
    executable; its data lives in ``data`` beside the executable, so the
    whole folder can be carried on a USB stick.
    """
    if override:
        return Path(override).expanduser().resolve()
    if from_env:
        return Path(from_env).expanduser().resolve()
    portable = portable_data_dir(executable, frozen=frozen)
    if portable is not None:
        return portable
    return per_user_data_dir()


def per_user_data_dir() -> Path:
    """The operating system's data folder for VocPlan in this account."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def portable_data_dir(executable: str | os.PathLike[str], *, frozen: bool) -> Path | None:
    """``<executable's folder>/data`` for a portable install, else None.

    Only a frozen build can be portable: from a checkout or a pip install,
    ``executable`` is the Python interpreter, whose folder is not VocPlan's.
    """
    if not frozen:
        return None
    folder = Path(executable).resolve().parent
    if not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA_FOLDER


def database_url(folder: Path) -> str:
    """The engine URL: ``VOCPLAN_DATABASE_URL`` if set, else the SQLite file in ``folder``."""
    return os.environ.get(DATABASE_URL_VARIABLE) or f"sqlite:///{folder / DATABASE_FILE_NAME}"


def _shipped_dir(name: str) -> Path:
    # A wheel and the PyInstaller bundle both carry the files in vocplan/_data.
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name  # a source checkout or an editable install


def resources_dir() -> Path:
    return _shipped_dir("resources")


def translations_dir() -> Path:
    return _shipped_dir("translations")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
