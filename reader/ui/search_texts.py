"""What the search panel says, in the interface language: its fixed texts (English sources in the
context "SearchPanel"), the results count with its plural forms, and "no results" messages.

The panel keeps a message as a function making it (`Text`), so when the language changes it
makes every message on screen again, translated, from the same query and counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.search_worker import SearchResultLike

Text = Callable[[], str]  # makes a message in the language of the moment

PLACEHOLDER = QT_TRANSLATE_NOOP("SearchPanel", "Search topics")
PREPARING = QT_TRANSLATE_NOOP("SearchPanel", "Preparing the search index…")
PREPARING_BODY = QT_TRANSLATE_NOOP("SearchPanel", "You can type now: results appear as soon as it is ready.")
NO_RESULTS_TIPS = QT_TRANSLATE_NOOP(
    "SearchPanel", "Try:\n• checking the spelling\n• fewer words\n• a more general word"
)
EMPTY = QT_TRANSLATE_NOOP("SearchPanel", "Type a word or two to search every topic.")
FAILED = QT_TRANSLATE_NOOP("SearchPanel", "Search is not available right now.")
FAILED_BODY = QT_TRANSLATE_NOOP("SearchPanel", "Browse the topics instead.")


def say(source: str) -> str:
    """A fixed text of the panel in the interface language."""
    return QCoreApplication.translate("SearchPanel", source)


def fixed(source: str) -> Text:
    """A message that is one fixed text ("" for none)."""
    return lambda: say(source) if source else ""


def results_count_text(result: SearchResultLike) -> str:
    """'1 result', '3 results', or 'Showing 20 of 57 results' when the list is cut short (English
    picks its plural source by the count: no English catalogue is loaded)."""
    shown = len(result.hits)
    total = max(result.total, shown)
    if total > shown:
        return QCoreApplication.translate("SearchPanel", "Showing {shown} of %n results", "", total).format(
            shown=shown
        )
    return QCoreApplication.translate("SearchPanel", "%n results", "", total)


def no_results_text(query: str) -> str:
    return QCoreApplication.translate("SearchPanel", "No results for “{query}”").format(query=query)


def status_text(result: SearchResultLike) -> str:
    """The line above the results: how many, and whether the query was corrected to find them."""
    count = results_count_text(result)
    if not (result.corrected and result.suggestion):
        return count
    corrected = QCoreApplication.translate(
        "SearchPanel", "No results for “{query}”; showing the results for “{suggestion}”."
    ).format(query=result.query, suggestion=result.suggestion)
    return f"{corrected}\n{count}"  # two sentences, one under the other
