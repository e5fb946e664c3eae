"""The catalogue of common UK job families and course areas, kept as data.

``resources/catalogues/interests.json`` lists each entry with a stable
``code`` (stored in ``Preferences.interests``: never change or reuse one), a
``kind`` (a job family or a course area), an English ``label``, a few search
``keywords`` and the interest themes it relates to.

Babel cannot extract strings from JSON, so every label is also listed in
``vocplan/catalogue_strings.py``; a test keeps the two the same. After
changing the JSON, run ``python -m vocplan.catalogue`` to rewrite that module,
then ``scripts/update-translations.sh``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from vocplan.domain.errors import VocPlanError
from vocplan.i18n import N_, _
from vocplan.interest_explorer import Theme
from vocplan.paths import resource

CATALOGUE_FORMAT = "vocplan-interests-catalogue"
STRINGS_MODULE = Path(__file__).with_name("catalogue_strings.py")


class CatalogueKind(StrEnum):
    JOB_FAMILY = "job_family"
    COURSE_AREA = "course_area"

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])


_KIND_LABELS: dict[CatalogueKind, str] = {
    CatalogueKind.JOB_FAMILY: N_("Kinds of work"),
    CatalogueKind.COURSE_AREA: N_("Courses and study"),
}


class CatalogueError(VocPlanError):
    """The shipped catalogue file cannot be read: the installation is damaged."""


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    kind: CatalogueKind
    label_source: str
    """The English label, as in the JSON file; ``label`` is its translation."""
    keywords: tuple[str, ...]
    themes: tuple[Theme, ...]

    @property
    def label(self) -> str:
        return _(self.label_source)


def catalogue_path() -> Path:
    return resource("catalogues", "interests.json")


def load_catalogue() -> list[CatalogueEntry]:
    """Every entry, job families first, in the order of the file."""
    return list(_entries())


@cache
def _entries() -> tuple[CatalogueEntry, ...]:
    return read_catalogue(catalogue_path())


def read_catalogue(path: Path) -> tuple[CatalogueEntry, ...]:
    """The entries of a catalogue file, checked; raises CatalogueError if it is damaged."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise CatalogueError(
            _("The list of kinds of work and study cannot be read: {reason}").format(reason=problem)
        ) from None
    if not isinstance(document, dict) or document.get("format") != CATALOGUE_FORMAT:
        raise CatalogueError(_("The list of kinds of work and study is not in the right format."))
    entries = []
    seen: set[str] = set()
    for number, raw in enumerate(document.get("entries") or [], start=1):
        entry = _entry(raw, number)
        if entry.code in seen:
            raise CatalogueError(
                _("The list of kinds of work and study has the code {code} twice.").format(
                    code=entry.code
                )
            )
        seen.add(entry.code)
        entries.append(entry)
    entries.sort(key=lambda entry: list(CatalogueKind).index(entry.kind))  # stable
    return tuple(entries)


def _entry(raw: Any, number: int) -> CatalogueEntry:
    try:
        if not isinstance(raw, dict):
            raise TypeError
        code, label = raw["code"], raw["label"]
        keywords, themes = raw.get("keywords", []), raw.get("themes", [])
        if not (isinstance(code, str) and code and isinstance(label, str) and label):
            raise TypeError
        if not all(isinstance(word, str) for word in keywords):
            raise TypeError
        return CatalogueEntry(
            code=code,
            kind=CatalogueKind(raw["kind"]),
            label_source=label,
            keywords=tuple(keywords),
            themes=tuple(Theme(theme) for theme in themes),
        )
    except (KeyError, TypeError, ValueError):
        raise CatalogueError(
            _("Entry {number} of the list of kinds of work and study is damaged.").format(
                number=number
            )
        ) from None


def entry_for(code: str) -> CatalogueEntry | None:
    return next((entry for entry in _entries() if entry.code == code), None)


def label_for(code: str) -> str:
    """The translated label of ``code``; an unknown code (from a newer catalogue) as it is."""
    entry = entry_for(code)
    return entry.label if entry is not None else code


def codes_for_theme(theme: Theme) -> tuple[str, ...]:
    return tuple(entry.code for entry in _entries() if theme in entry.themes)


def search(text: str, kind: CatalogueKind | None = None) -> list[CatalogueEntry]:
    """Entries matching every word of ``text``, best matches first.

    A word matches the start of a word of the translated label, of the English
    label, of a keyword, or of the code. Labels starting with the text come
    first, then other label matches, then keyword matches; empty text gives
    every entry (of ``kind``, if given) in catalogue order.
    """
    wanted = text.casefold().split()
    candidates = [entry for entry in _entries() if kind is None or entry.kind == kind]
    if not wanted:
        return candidates
    ranked: list[tuple[int, int, CatalogueEntry]] = []
    for order, entry in enumerate(candidates):
        label = entry.label.casefold()
        label_words = _words(label) | _words(entry.label_source.casefold())
        other_words = _words(" ".join(entry.keywords).casefold()) | _words(
            entry.code.replace("_", " ")
        )
        if not all(_matches(word, label_words | other_words) for word in wanted):
            continue
        if label.startswith(" ".join(wanted)):
            rank = 0
        elif all(_matches(word, label_words) for word in wanted):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, order, entry))
    ranked.sort(key=lambda each: (each[0], each[1]))
    return [entry for _rank, _order, entry in ranked]


def _words(text: str) -> set[str]:
    cleaned = "".join(char if char.isalnum() else " " for char in text)
    return set(cleaned.split())


def _matches(word: str, words: set[str]) -> bool:
    word = "".join(char for char in word if char.isalnum())
    return not word or any(each.startswith(word) for each in words)


def strings_module_source(entries: tuple[CatalogueEntry, ...] | list[CatalogueEntry]) -> str:
    """The text of ``catalogue_strings.py`` for ``entries``: every label in an ``N_`` call."""
    lines = [
        '"""Every label of resources/catalogues/interests.json, so Babel can extract them.',
        "",
        "Generated by ``python -m vocplan.catalogue``: do not edit by hand. A test",
        "checks that it matches the JSON file exactly.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from vocplan.i18n import N_",
        "",
        "LABELS: tuple[str, ...] = (",
    ]
    lines += [f"    N_({json.dumps(entry.label_source, ensure_ascii=False)})," for entry in entries]
    lines.append(")")
    return "\n".join(lines) + "\n"


def write_strings_module() -> Path:
    """Rewrite ``catalogue_strings.py`` from the JSON file; returns its path."""
    STRINGS_MODULE.write_text(
        strings_module_source(read_catalogue(catalogue_path())), encoding="utf-8"
    )
    return STRINGS_MODULE


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    sys.stdout.write(f"{write_strings_module()}\n")
