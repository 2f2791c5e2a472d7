"""A list of rich rows that wrap to the list's width (search results, references).

One place for the set-up both lists need: a delegate that measures rows, single
selection, smooth scrolling, no horizontal scroll bar, and rows measured again
whenever the width changes (a narrower list makes wrapped rows taller).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QListView, QWidget


class WrappedRowsList(QListView):
    def __init__(self, delegate: QAbstractItemDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        delegate.setParent(self)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # rows wrap to the width: measure again
            self.scheduleDelayedItemsLayout()
