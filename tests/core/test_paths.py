"""The data folder's precedence (override, environment, portable, per-user); shipped folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from vocplan import paths

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def portable_install(tmp_path: Path) -> Path:
    """A frozen build's executable with the portable marker beside it."""
    folder = tmp_path / "VocPlan"
    folder.mkdir()
    (folder / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    executable = folder / "vocplan"
    executable.write_bytes(b"")
    return executable


@pytest.fixture
def user_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the per-user folders at tmp_path, and run from the project folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv(paths.DATA_DIR_VARIABLE, raising=False)
    monkeypatch.chdir(PROJECT_ROOT)
    return tmp_path / "xdg-data"


def expected_user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False, roaming=False))


def test_override_wins_over_everything(tmp_path: Path, portable_install: Path) -> None:
    chosen = paths.choose_data_dir(
        tmp_path / "asked-for",
        from_env=str(tmp_path / "from-env"),
        executable=portable_install,
        frozen=True,
    )
    assert chosen == tmp_path / "asked-for"


def test_environment_wins_over_a_portable_install(tmp_path: Path, portable_install: Path) -> None:
    chosen = paths.choose_data_dir(
        None, from_env=str(tmp_path / "from-env"), executable=portable_install, frozen=True
    )
    assert chosen == tmp_path / "from-env"


def test_portable_install_keeps_its_data_beside_the_executable(
    portable_install: Path, user_data_home: Path
) -> None:
    chosen = paths.choose_data_dir(None, from_env=None, executable=portable_install, frozen=True)
    assert chosen == portable_install.parent / "data"


def test_empty_override_and_environment_fall_through_to_portable(
    portable_install: Path, user_data_home: Path
) -> None:
    chosen = paths.choose_data_dir("", from_env="", executable=portable_install, frozen=True)
    assert chosen == portable_install.parent / "data"


def test_marker_is_ignored_when_not_frozen(portable_install: Path, user_data_home: Path) -> None:
    # From a checkout the "executable" is the Python interpreter: never portable.
    chosen = paths.choose_data_dir(None, from_env=None, executable=portable_install, frozen=False)
    assert chosen == expected_user_data_dir()
    assert paths.portable_data_dir(portable_install, frozen=False) is None


def test_frozen_build_without_marker_uses_the_user_data_folder(
    tmp_path: Path, user_data_home: Path
) -> None:
    folder = tmp_path / "installed"
    folder.mkdir()
    chosen = paths.choose_data_dir(None, from_env=None, executable=folder / "vocplan", frozen=True)
    assert chosen == expected_user_data_dir()


def test_a_folder_named_like_the_marker_does_not_make_it_portable(
    tmp_path: Path, user_data_home: Path
) -> None:
    folder = tmp_path / "installed"
    (folder / paths.PORTABLE_MARKER).mkdir(parents=True)
    assert paths.portable_data_dir(folder / "vocplan", frozen=True) is None


def test_user_data_folder_is_per_user_and_not_the_project_folder(user_data_home: Path) -> None:
    chosen = paths.choose_data_dir(None, from_env=None, executable=sys.executable, frozen=False)
    assert chosen.is_absolute()
    assert chosen != PROJECT_ROOT
    assert PROJECT_ROOT not in chosen.parents
    assert chosen.name == paths.APP_NAME
    if sys.platform.startswith("linux"):
        assert chosen == user_data_home / paths.APP_NAME


def test_override_and_environment_expand_home_and_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert paths.choose_data_dir(
        "~/plans", from_env=None, executable=sys.executable, frozen=False
    ) == (tmp_path / "plans")
    assert paths.choose_data_dir(
        None, from_env="relative", executable=sys.executable, frozen=False
    ) == (tmp_path / "relative")


def test_data_dir_reads_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"
    assert paths.data_dir(tmp_path / "asked-for") == tmp_path / "asked-for"


def test_data_dir_sees_a_frozen_portable_build(
    portable_install: Path, user_data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(portable_install))
    assert paths.data_dir() == portable_install.parent / "data"


def test_data_dir_from_a_checkout_is_the_user_data_folder(
    user_data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.data_dir() == expected_user_data_dir()


def test_database_url_defaults_to_the_sqlite_file_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.DATABASE_URL_VARIABLE, raising=False)
    assert paths.database_url(tmp_path) == f"sqlite:///{tmp_path / 'vocplan.db'}"


def test_database_url_environment_variable_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATABASE_URL_VARIABLE, "sqlite:////elsewhere/test.db")
    assert paths.database_url(tmp_path) == "sqlite:////elsewhere/test.db"


def test_shipped_folders_resolve_to_the_checkout() -> None:
    assert paths.resources_dir() == PROJECT_ROOT / "resources"
    assert paths.translations_dir() == PROJECT_ROOT / "translations"
    assert paths.resources_dir().is_dir()
    assert paths.translations_dir().is_dir()


def test_resource_finds_the_app_icon() -> None:
    assert paths.resource("icons", "vocplan.svg").is_file()
