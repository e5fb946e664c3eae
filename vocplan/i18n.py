"""Translation for every user-visible string, in the core and the UI alike.

``_`` translates now, ``N_`` marks a string for extraction and is translated
where it is shown, ``ngettext`` and ``pgettext`` handle plurals and context.
Catalogues are read straight from the ``.po`` sources in ``translations/``, so
nothing needs compiling before the app runs, from a checkout or installed.
"""

from __future__ import annotations

import gettext
import io
import os

from vocplan.paths import translations_dir

DOMAIN = "vocplan"
SUPPORTED_LANGUAGES = ("en", "cy", "pl")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    return _translations.gettext(message)


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def current_language() -> str:
    return _language


def choose_language(requested: str | None = None) -> str:
    """Pick the language: the one asked for, then VOCPLAN_LANG, then the system's."""
    candidates = [requested, os.environ.get("VOCPLAN_LANG")]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        candidates.extend((os.environ.get(variable) or "").split(":"))
    for candidate in candidates:
        if not candidate:
            continue
        code = candidate.split(".")[0].split("_")[0].split("-")[0].lower()
        if code in SUPPORTED_LANGUAGES:
            return code
    return "en"


def install(language: str | None = None) -> str:
    """Load the catalogue for ``language`` (or the chosen default) and return its code."""
    global _translations, _language
    code = choose_language(language)
    _language = code
    _translations = _load_catalogue(code)
    return code


def _load_catalogue(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    po_file = translations_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_file.is_file():
        return gettext.NullTranslations()
    # Babel is only needed for a non-English catalogue, so it is imported here.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalogue = read_po(handle, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
