"""Lint, format, types and the translation template: the same checks CI relies on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core_and_the_ui() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_translation_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "vocplan.pot"
    result = run(
        str(BIN / "pybabel"), "extract", "-F", "babel.cfg", "-k", "N_", "-k", "ngettext:1,2",
        "-k", "pgettext:1c,2", "--no-location", "--sort-output", "--omit-header",
        "--project", "VocPlan", "-o", str(fresh), ".",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    committed = (ROOT / "translations" / "vocplan.pot").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == committed, (
        "Run scripts/update-translations.sh and commit the result."
    )


def test_each_language_has_every_string_of_the_template_once() -> None:
    """Translators' tools (GNU msgfmt, Poedit) refuse a catalogue that defines a string
    twice, which an old, obsolete copy of a string used again would do."""
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / "vocplan.pot").open("rb") as template_file:
        template = {message.id for message in read_po(template_file) if message.id}
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/vocplan.po")):
        with po.open("rb") as catalogue_file:
            catalogue = read_po(catalogue_file)
        ids = {message.id for message in catalogue if message.id}
        assert ids == template, f"{po}: run scripts/update-translations.sh"
        assert not catalogue.obsolete, f"{po}: {len(catalogue.obsolete)} obsolete strings"
