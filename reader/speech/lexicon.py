"""How written forms are spoken: the `spoken:` mapping of the pack's synonyms file
(`e.g.: for example`), applied as whole words, and the removal of citation markers.

A missing or malformed file gives an empty lexicon and a warning, never an error.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

from reader.filereading import read_text_limited

log = logging.getLogger(__name__)

MAX_LEXICON_BYTES = 4 * 1024 * 1024  # the same file as the search synonyms: a few kB
SECTION = "spoken"

# "[1]", "[1, 2]", "[1-3]", "[12–14]" and superscript digits: citation markers, never spoken.
_BRACKETED = re.compile(r"\s*\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]")
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SPACES = re.compile(r"\s+")


def without_citation_markers(text: str) -> str:
    """`text` with bracketed reference numbers and superscript digits taken out."""
    text = _SUPERSCRIPTS.sub("", _BRACKETED.sub("", text))
    return _SPACES.sub(" ", text).strip()


class Lexicon:
    """Written form -> spoken form, matched case-sensitively as whole words (longest first)."""

    def __init__(self, entries: Mapping[str, str] | None = None) -> None:
        self._entries = {k: v for k, v in (entries or {}).items() if k.strip()}
        if self._entries:
            alternatives = "|".join(re.escape(k) for k in sorted(self._entries, key=len, reverse=True))
            self._pattern: re.Pattern[str] | None = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        else:
            self._pattern = None

    def __len__(self) -> int:
        return len(self._entries)

    def spoken(self, text: str) -> str:
        """What to say for `text`: no citation markers, abbreviations as words."""
        text = without_citation_markers(text)
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._entries[m.group(0)], text)

    @classmethod
    def load(cls, path: Path | None) -> Lexicon:
        """The `spoken:` mapping of a synonyms file; empty (with a warning) when it cannot be used."""
        if path is None or not path.exists():
            return cls()
        import yaml

        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(read_text_limited(path, MAX_LEXICON_BYTES), Loader=loader) or {}
            entries = data.get(SECTION) if isinstance(data, dict) else None
            if entries is None:
                return cls()
            if not isinstance(entries, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
            ):
                raise ValueError(f"'{SECTION}' must map written forms to spoken words")
        except (OSError, ValueError, yaml.YAMLError) as exc:
            log.warning("%s: spoken forms ignored: %s", path, exc)
            return cls()
        return cls(entries)


def lexicon_for_topic_file(source_path: str, fallback: Path) -> Path:
    """The synonyms file of the pack a topic file belongs to (`<pack>/topics/x.yaml`), else `fallback`."""
    if source_path:
        candidate = Path(source_path).parent.parent / "synonyms.yaml"
        if candidate.is_file():
            return candidate
    return fallback
