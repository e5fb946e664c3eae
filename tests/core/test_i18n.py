from __future__ import annotations

from pathlib import Path

import pytest

from vocplan import i18n
from vocplan.domain.enums import PlanStatus


@pytest.fixture
def welsh_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vocplan.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Draft"\nmsgstr "Drafft"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    yield
    i18n.install("en")


@pytest.mark.parametrize(
    ("requested", "environment", "expected"),
    [
        ("cy", {}, "cy"),
        (None, {"VOCPLAN_LANG": "pl"}, "pl"),
        (None, {"VOCPLAN_LANG": "", "LANG": "cy_GB.UTF-8"}, "cy"),
        (None, {"VOCPLAN_LANG": "", "LANG": "fr_FR.UTF-8"}, "en"),
        ("xx", {"VOCPLAN_LANG": "pl"}, "pl"),
    ],
)
def test_choose_language(
    monkeypatch: pytest.MonkeyPatch, requested: str | None, environment: dict[str, str],
    expected: str,
) -> None:  # fmt: skip
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.choose_language(requested) == expected


def test_labels_are_translated_from_the_po_source(welsh_catalogue: None) -> None:
    assert i18n.install("cy") == "cy"
    assert PlanStatus.DRAFT.label == "Drafft"
    assert PlanStatus.AGREED.label == "Agreed"  # untranslated strings fall back to English
    i18n.install("en")
    assert PlanStatus.DRAFT.label == "Draft"
