"""Is a word common English? The offline English word list of `pyspellchecker`, read on first use.

A query word the content does not have is only treated as misspelt when it is not an English
word either (issue 13: "how long does it take" must not become "how lung ..."). The list
(about 160,000 words with their frequencies, MIT licence) ships inside the `spellchecker`
package as `resources/en.json.gz`; it is read the first time a suggestion is considered,
never at start-up, and costs about 0.25 s then. Only words seen at least COMMON_MIN_COUNT
times in the list's corpus count (about 47,000): more than half the list sits at its floor of
50, where rarities such as "ballon" would otherwise shield a typo of "balloon".
"""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)

COMMON_MIN_COUNT = 100


@functools.cache
def _english_words() -> frozenset[str]:
    """The common words of the list (lowercase); empty, with a warning, if it cannot be read."""
    try:
        from spellchecker import SpellChecker

        checker = SpellChecker(language="en", distance=1)
        counts = checker.word_frequency.dictionary
        return frozenset(word for word, count in counts.items() if count >= COMMON_MIN_COUNT)
    except Exception:  # a broken install must cost suggestions their guard, not the search
        log.warning(
            "the English word list could not be read; spelling suggestions get no guard", exc_info=True
        )
        return frozenset()


def is_english_word(word: str) -> bool:
    """Whether `word` (lowercase, accents folded) is a common English word: `long`, `safe`, `cost`."""
    return word in _english_words()
