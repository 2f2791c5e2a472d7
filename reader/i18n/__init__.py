"""The interface's languages: which ones ship, and markers for strings that are translated later.

Qt-free, so modules the command line shares with the window can mark their user-facing strings.
Strings are translated the Qt way: `QCoreApplication.translate("Context", "Text")` where the
text is shown (see `reader.i18n.switcher` for installing a language). A module that must not
import Qt marks a string with `QT_TRANSLATE_NOOP("Context", "Text")` (the name `pyside6-lupdate`
looks for) and the widget showing it passes it through `QCoreApplication.translate` with the
same context.
"""

from __future__ import annotations

# Interface languages that ship, by ISO 639-1 code, each named in its own language (a patient
# looks for their language's own name). The first is the fallback.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
FALLBACK_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark `text` for translation in `context` without translating it now."""
    del context
    return text


def supported_language(code: str | None) -> str | None:
    """The shipped language `code` names ("es", "es_MX", "es-419" all name Spanish), else None."""
    if not code:
        return None
    base = code.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return base if base in LANGUAGES else None
