"""The window's status bar: the search hit shown, search index state, content problems, text size.
Messages that come and go (a saved file, a hovered link) use QStatusBar's own temporary message;
`StatusWidgets.show_message` keeps how one was made, so a language change shows it again translated.

Texts that come from state are kept as their inputs (the index state's English source, the zoom
percentage, a function making the problems summary) and made again by `retranslate()`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton

from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.plaintext import plain_label

# What the index label says; callers pass one of these English sources (context "StatusWidgets").
INDEX_PREPARING = QT_TRANSLATE_NOOP("StatusWidgets", "Preparing the search index…")
INDEX_READY = QT_TRANSLATE_NOOP("StatusWidgets", "Search ready")
INDEX_FAILED = QT_TRANSLATE_NOOP("StatusWidgets", "Search not available")
INDEX_NO_TOPICS = QT_TRANSLATE_NOOP("StatusWidgets", "No topics to search")


def _tr(source: str) -> str:
    return QCoreApplication.translate("StatusWidgets", source)


class StatusWidgets:
    """The permanent widgets on the right of the status bar, added in reading order."""

    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar
        self._index_source = ""
        self._zoom = 100
        self._problems: Callable[[], str] = str
        self._message: Callable[[], str] | None = None  # makes the temporary message shown last
        self._message_shown = ""
        self._message_timeout = 0
        self.index_label = plain_label("")
        self.index_progress = QProgressBar()
        self.index_progress.setRange(0, 0)  # busy indicator
        self.index_progress.setMaximumWidth(120)
        self.index_progress.hide()
        self.problems_button = QToolButton()
        self.problems_button.hide()
        self.hit_label = plain_label("")  # "Hit 2 of 5": reader.ui.hit_navigation fills it
        self.zoom_label = plain_label("")
        for label in (self.hit_label, self.index_label, self.zoom_label):
            label.setContentsMargins(8, 0, 8, 0)
        widgets = (
            self.hit_label,
            self.problems_button,
            self.index_label,
            self.index_progress,
            self.zoom_label,
        )
        for widget in widgets:
            bar.addPermanentWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.index_label.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Search index status"))
        self.index_progress.setAccessibleName(
            QCoreApplication.translate("StatusWidgets", "Search index progress")
        )
        self.problems_button.setAccessibleName(
            QCoreApplication.translate("StatusWidgets", "Show content problems")
        )
        self.problems_button.setToolTip(
            QCoreApplication.translate("StatusWidgets", "Some topic files could not be loaded: show why")
        )
        self.zoom_label.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Text size"))
        self.index_label.setText(_tr(self._index_source) if self._index_source else "")
        self.problems_button.setText(self._problems())
        self.zoom_label.setText(
            QCoreApplication.translate("StatusWidgets", "Text size {percent}%").format(percent=self._zoom)
        )
        if self._message is not None and self._bar.currentMessage() == self._message_shown:
            self.show_message(self._message, self._message_timeout)

    def set_index_status(self, source: str, *, busy: bool = False) -> None:
        """Show the index state `source` (one of the INDEX_* English sources, translated here)."""
        self._index_source = source
        self.index_label.setText(_tr(source) if source else "")
        self.index_progress.setVisible(busy)

    def set_problems(self, summary: Callable[[], str]) -> None:
        """Show the button with the text `summary()` makes ("" keeps it as it is: problems are
        never un-shown)."""
        if summary():
            self._problems = summary
            self.problems_button.setText(summary())
            self.problems_button.show()

    def set_zoom(self, percent: int) -> None:
        self._zoom = percent
        self.zoom_label.setText(
            QCoreApplication.translate("StatusWidgets", "Text size {percent}%").format(percent=percent)
        )

    def show_message(self, make_text: Callable[[], str], timeout_ms: int = 0) -> None:
        """A temporary message made by `make_text` (made again, translated, at a language change
        while it is still shown)."""
        self._message, self._message_timeout = make_text, timeout_ms
        self._message_shown = make_text()
        self._bar.showMessage(self._message_shown, timeout_ms)
