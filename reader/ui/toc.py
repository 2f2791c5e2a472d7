"""The table of contents: a lazily populated tree model of topics and their sections, and its view.

The model creates no object per row: an index's internal id says whether it is a topic
(0) or a section of topic row `id - 1`. Topic rows are exposed in batches through
`canFetchMore`/`fetchMore`, so a pack of 10,000 topics costs nothing until it is scrolled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from reader.content.model import Topic
from reader.content.store import TopicStore
from reader.ui.plaintext import literal_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # "" for a topic row

MIN_ROW_HEIGHT = 28
_TOPIC = 0  # internal id of topic rows; section rows store their topic's row + 1


class TocModel(QAbstractItemModel):
    """Topics (top level) and their sections (children), read from the immutable content model."""

    def __init__(
        self, topics: Sequence[Topic], parent: QObject | None = None, *, batch_size: int = 200
    ) -> None:
        super().__init__(parent)
        self._topics = TopicStore.wrap(topics)  # rows build their topic only when shown
        self._batch_size = batch_size
        self._loaded = min(batch_size, len(self._topics))

    # --- the QAbstractItemModel interface -------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOPIC)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _TOPIC:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOPIC)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return self._loaded
        if parent.column() == 0 and parent.internalId() == _TOPIC:
            return len(self._topics[parent.row()].sections)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        if not parent.isValid():
            return bool(self._topics)
        # every topic has at least one section (the schema requires it): no need to build it here
        return parent.internalId() == _TOPIC and parent.column() == 0

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._loaded < len(self._topics)

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        end = min(self._loaded + self._batch_size, len(self._topics))
        self.beginInsertRows(QModelIndex(), self._loaded, end - 1)
        self._loaded = end
        self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _TOPIC:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        topic_id, section_id, title = self._row_data(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (
                QCoreApplication.translate("TocModel", "Read “{title}”")
                if section_id
                else QCoreApplication.translate("TocModel", "Open the topic “{title}”")
            )
            return literal_tooltip(tip.format(title=title))
        if role == TOPIC_ID_ROLE:
            return topic_id
        if role == SECTION_ID_ROLE:
            return section_id
        return None

    # --- lookups for the window ---------------------------------------------------------------

    def _row_data(self, index: AnyIndex) -> tuple[str, str, str]:
        """(topic id, section id or "", title); a topic row does not build its topic."""
        if index.internalId() == _TOPIC:
            return self._topics.id_at(index.row()), "", self._topics.title_at(index.row())
        topic = self._topics[index.internalId() - 1]
        section = topic.sections[index.row()]
        return topic.id, section.id, section.title

    def topic_count(self) -> int:
        """All topics of the pack, including rows not fetched yet."""
        return len(self._topics)

    def index_for(self, topic_id: str, section_id: str = "") -> QModelIndex:
        """The row of a topic or of one of its sections (fetching rows as needed); invalid if unknown."""
        row = self._topics.position(topic_id)
        if row is None:
            return QModelIndex()
        while row >= self._loaded:
            self.fetchMore(QModelIndex())
        topic_index = self.index(row, 0)
        if not section_id:
            return topic_index
        topic = self._topics[row]
        section_row = next((i for i, s in enumerate(topic.sections) if s.id == section_id), None)
        return QModelIndex() if section_row is None else self.index(section_row, 0, topic_index)


class _TallRows(QStyledItemDelegate):
    """Rows at least MIN_ROW_HEIGHT high (a 24 px target, WCAG 2.5.8) and growing with the font."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return size.expandedTo(QSize(0, max(MIN_ROW_HEIGHT, round(option.fontMetrics.height() * 1.7))))


class TocView(QTreeView):
    """The tree of topics and sections. Click, tap or Enter opens the row in the article."""

    sectionRequested = Signal(str, str)  # noqa: N815 - topic_id, section_id ("" = the topic's start)

    def __init__(self, model: TocModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toc")
        self.setItemDelegate(_TallRows(self))
        self.setModel(model)
        self.setHeaderHidden(True)
        # Long titles are elided (their tooltips say them in full), never scrolled sideways: the dock
        # keeps a width where most titles fit (reader.ui.window_fit).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformRowHeights(True)  # lets the view skip measuring 10,000 rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clicked.connect(self._open)
        self.activated.connect(self._open)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("TocView", "Table of contents"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "TocView", "Topics and their sections. Press Enter to read the selected one."
            )
        )
        self.setToolTip(
            QCoreApplication.translate(
                "TocView", "Table of contents: click a section, or press Enter, to read it"
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def toc_model(self) -> TocModel:
        model = self.model()
        assert isinstance(model, TocModel)
        return model

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sectionRequested.emit(index.data(TOPIC_ID_ROLE), index.data(SECTION_ID_ROLE))

    def current_location(self) -> tuple[str, str] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return index.data(TOPIC_ID_ROLE), index.data(SECTION_ID_ROLE)

    def set_current(self, topic_id: str, section_id: str = "") -> None:
        """Mark the row being read, without opening it (nothing is emitted)."""
        model = self.toc_model()
        index = model.index_for(topic_id, section_id)
        if not index.isValid():
            index = model.index_for(topic_id)
        if not index.isValid() or index == self.currentIndex():
            return
        if index.parent().isValid():
            self.expand(index.parent())
        flags = self.selectionModel().SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
