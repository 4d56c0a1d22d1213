"""The language of the lesson: English, or Korean for the lessons in notebooks/ko/.

The first cell of a Korean lesson runs ``setup_lesson(language="ko")``; from then on the helpers
print their messages in Korean. Messages are written in English, marked with ``_()`` or ``N_()``;
their Korean versions live in helpers/locale/ko/*.po (``make translations``). Introduced in
lesson 00.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LANGUAGES = ("en", "ko")
LOCALE = Path(__file__).parent / "locale"
DOMAIN = "helpers"
_chosen = ["en"]
_catalogs: dict[str, gettext.NullTranslations] = {"en": gettext.NullTranslations()}


def choose(language: str) -> None:
    """Print the helpers' messages in ``language`` ("en" or "ko") from now on."""
    if language not in LANGUAGES:
        unknown = N_('language must be "en" (English) or "ko" (Korean), not {language}')
        raise ValueError(_(unknown, language=repr(language)))
    if language not in _catalogs:
        _catalogs[language] = gettext.translation(DOMAIN, LOCALE, languages=[language])
    _chosen[0] = language


def chosen() -> str:
    """The language chosen by setup_lesson: "en" or "ko"."""
    return _chosen[0]


def _(message: str, **values: object) -> str:
    """``message`` in the chosen language (the English message when it has no translation), its
    ``{name}`` placeholders filled in with ``values``: ``_("{count} rows", count=3)``."""
    translated = _catalogs[_chosen[0]].gettext(message) if message else message
    return translated.format(**values) if values else translated


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (it is translated when shown)."""
    return message
