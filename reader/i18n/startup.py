"""Which interface language the reader starts in: `--language` for this run, else the one chosen
in View > Language (saved in the settings), else the system's. Cheap: English loads nothing."""

from __future__ import annotations

from reader.i18n import supported_language


def start_language(requested: str | None, saved: str, system: str) -> str:
    """The first shipped language of `requested` (the command line), `saved` (the settings) and
    `system` (reader.i18n.switcher.system_language()); English when none is shipped."""
    for code in (requested, saved, system):
        chosen = supported_language(code)
        if chosen is not None:
            return chosen
    return "en"
