"""The window's status bar: the search hit shown, search index state, content problems, text size.
Messages that come and go (a saved file, a hovered link) use QStatusBar's own temporary message."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton

from reader.ui.plaintext import plain_label


class StatusWidgets:
    """The permanent widgets on the right of the status bar, added in reading order."""

    def __init__(self, bar: QStatusBar) -> None:
        self.index_label = plain_label("")
        self.index_label.setAccessibleName("Search index status")
        self.index_progress = QProgressBar()
        self.index_progress.setAccessibleName("Search index progress")
        self.index_progress.setRange(0, 0)  # busy indicator
        self.index_progress.setMaximumWidth(120)
        self.index_progress.hide()
        self.problems_button = QToolButton()
        self.problems_button.setAccessibleName("Show content problems")
        self.problems_button.setToolTip("Some topic files could not be loaded: show why")
        self.problems_button.hide()
        self.hit_label = plain_label("")  # "Hit 2 of 5": reader.ui.hit_navigation fills it
        self.zoom_label = plain_label("")
        self.zoom_label.setAccessibleName("Text size")
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

    def set_index_status(self, message: str, *, busy: bool = False) -> None:
        self.index_label.setText(message)
        self.index_progress.setVisible(busy)

    def set_problems(self, summary: str) -> None:
        """Show the button with `summary` ("" keeps it as it is: problems are never un-shown)."""
        if summary:
            self.problems_button.setText(summary)
            self.problems_button.show()

    def set_zoom(self, percent: int) -> None:
        self.zoom_label.setText(f"Text size {percent}%")
