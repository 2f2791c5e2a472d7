"""The procedure comparison: a table (one row per attribute, one column per procedure) with a quote panel.

Selecting a cell (click, tap, arrow keys) quotes its source sentences verbatim and lets the window get
the article ready; only "Show in article", Enter or a double-click go there.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Attribute, Cell, Procedure, Section, Sentence, SentenceRef, Topic
from reader.ui.comparison_table import (
    STATED_ROLE,
    ComparisonDelegate,
    ComparisonTable,
    RowLabels,
)
from reader.ui.plaintext import literal_tooltip, plain_label
from reader.ui.qthelpers import grow_with_font

log = logging.getLogger(__name__)

SOURCES_ROLE = Qt.ItemDataRole.UserRole + 1  # tuple[SentenceRef, ...] of the cell
NOT_STATED = "Not stated"  # the English; not_stated() gives it in the interface language


def not_stated() -> str:
    """What a cell the article gives no value for says."""
    return QCoreApplication.translate("ComparisonModel", "Not stated")


def _not_said_for(procedure: Procedure) -> str:
    text = QCoreApplication.translate(
        "ComparisonModel", "Not stated: the article does not say this for {procedure}."
    )
    return text.format(procedure=procedure.name)


AnyIndex = QModelIndex | QPersistentModelIndex


class ComparisonModel(QAbstractTableModel):
    """The topic's comparison as a table: rows are attributes, columns are procedures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._topic: Topic | None = None

    def set_topic(self, topic: Topic | None) -> None:
        self.beginResetModel()
        self._topic = topic
        self.endResetModel()

    def topic(self) -> Topic | None:
        return self._topic

    def _axes(self) -> tuple[tuple[Attribute, ...], tuple[Procedure, ...]]:
        comparison = self._topic.comparison if self._topic else None
        return (comparison.attributes, comparison.procedures) if comparison else ((), ())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._axes()[0])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._axes()[1])

    def cell_at(self, index: AnyIndex) -> tuple[Attribute, Procedure, Cell] | None:
        """The attribute, procedure and cell at `index`, or None for an invalid index."""
        if not index.isValid() or index.model() is not self:
            return None
        attributes, procedures = self._axes()
        attribute, procedure = attributes[index.row()], procedures[index.column()]
        return attribute, procedure, procedure.cells[attribute.id]

    def source_sentences(self, index: AnyIndex) -> list[tuple[Section | None, Sentence | None]]:
        """The cell's sources resolved to their section and sentence (None where the topic lacks them)."""
        found = self.cell_at(index)
        if found is None or self._topic is None:
            return []
        topic = self._topic
        return [(topic.section(ref.section), topic.sentence(ref.sentence)) for ref in found[2].sources]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.cell_at(index)
        if found is None:
            return None
        attribute, procedure, cell = found
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.value if cell.stated else not_stated()
        if role == Qt.ItemDataRole.FontRole and not cell.stated:
            font = QFont()  # only italic is set: the view's family and size still apply
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_tooltip(self._tooltip(procedure, index))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = QCoreApplication.translate("ComparisonModel", "{procedure}, {attribute}: {value}")
            value = cell.value if cell.stated else not_stated()
            return text.format(procedure=procedure.name, attribute=attribute.label, value=value)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if not cell.stated:
                return _not_said_for(procedure)
            text = QCoreApplication.translate("ComparisonModel", "From the article: {quotes}")
            return text.format(quotes=self._quoted_sources(index))
        if role == SOURCES_ROLE:
            return cell.sources
        if role == STATED_ROLE:
            return cell.stated
        return None

    def _quoted_sources(self, index: AnyIndex) -> str:
        sentences = [sentence for _, sentence in self.source_sentences(index) if sentence]
        return " ".join(f"\u201c{sentence.text}\u201d" for sentence in sentences)

    def _tooltip(self, procedure: Procedure, index: AnyIndex) -> str:
        quoted = self._quoted_sources(index)
        if not quoted:
            return _not_said_for(procedure)
        return QCoreApplication.translate("ComparisonModel", "Source: {quotes}").format(quotes=quoted)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        attributes, procedures = self._axes()
        items = attributes if orientation == Qt.Orientation.Vertical else procedures
        if not 0 <= section < len(items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            item = items[section]
            return item.label if isinstance(item, Attribute) else item.name
        return None

    def language_changed(self) -> None:
        """Cells say "Not stated" and describe themselves in the interface language: ask again."""
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ComparisonView(QWidget):
    """The comparison table, a quote panel with the selected cell's source sentences, and 'Show in article'.

    `sourceSelected(topic_id, section_id, sentence_key)` names the first source of a cell when it is
    selected (click, touch or arrow keys): the window may prepare the article but stays here, so the quote
    panel can be read and the next cell compared. `sourceRequested` (same arguments) asks to go there: it
    is emitted by 'Show in article', Enter or a double-click.
    """

    sourceSelected = Signal(str, str, str)  # noqa: N815
    sourceRequested = Signal(str, str, str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ComparisonModel(self)
        self.table = self._make_table()
        self.quote = self._make_quote_panel()
        self.show_button = QPushButton(self)
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self._emit_current_source)
        self.empty_label = plain_label("", self)
        self.empty_label.setWordWrap(True)
        self._lay_out()
        self._scale_controls()
        self.set_topic(None)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text of the view, and the quote panel for the selected cell, in the language."""
        self.show_button.setText(QCoreApplication.translate("ComparisonView", "Show in article"))
        self.show_button.setAccessibleName(
            QCoreApplication.translate("ComparisonView", "Show source in article")
        )
        self.show_button.setToolTip(
            QCoreApplication.translate(
                "ComparisonView", "Highlight the selected cell's source sentence in the article (Enter)"
            )
        )
        self.empty_label.setText(
            QCoreApplication.translate("ComparisonView", "This topic has no procedure comparison.")
        )
        self.empty_label.setAccessibleName(QCoreApplication.translate("ComparisonView", "No comparison"))
        self.table.setAccessibleName(QCoreApplication.translate("ComparisonView", "Procedure comparison"))
        self.table.setToolTip(
            QCoreApplication.translate(
                "ComparisonView", "Compare the procedures. Select a cell to see the sentences it comes from."
            )
        )
        self.quote.setAccessibleName(QCoreApplication.translate("ComparisonView", "Source sentences"))
        self.quote.setToolTip(
            QCoreApplication.translate("ComparisonView", "The article's own words for the selected cell")
        )
        self._splitter.setAccessibleName(
            QCoreApplication.translate("ComparisonView", "Comparison and sources")
        )
        self._splitter.setToolTip(
            QCoreApplication.translate(
                "ComparisonView", "Drag to share the space between the table and the source sentences"
            )
        )
        self.model.language_changed()
        self._show_quote(self.table.currentIndex())

    def _make_table(self) -> ComparisonTable:
        table = ComparisonTable(self)
        table.setModel(self.model)
        table.setItemDelegate(ComparisonDelegate(table))
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        table.setCornerButtonEnabled(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = RowLabels(table)  # palette and font followed; labels clear of the edge
        table.setVerticalHeader(rows)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Wrapped cells grow their row: heights are recomputed (once per event loop turn) whenever the
        # columns change width, since ResizeToContents alone keeps heights measured at an older width.
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self._fit_table)
        table.horizontalHeader().sectionResized.connect(self._fit_rows.start)
        self.model.modelReset.connect(self._fit_rows.start)
        table.selectionModel().currentChanged.connect(self._on_current_changed)
        table.openRequested.connect(self._emit_current_source)
        return table

    def _make_quote_panel(self) -> QTextBrowser:
        quote = QTextBrowser(self)
        quote.setOpenExternalLinks(False)
        quote.setOpenLinks(False)
        quote.setTabChangesFocus(True)
        quote.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return quote

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        panel = QWidget(splitter)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.quote, 1)
        panel_layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter.addWidget(self.table)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        self._splitter = splitter
        self._user_sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.table, self.quote)
        self.setTabOrder(self.quote, self.show_button)

    @Slot()
    def _on_splitter_moved(self) -> None:
        self._user_sized = True  # from now on the user's split is kept

    @Slot()
    def _fit_table(self) -> None:
        """Fit rows to their wrapped text, then give the table the height it needs (at most 70%)."""
        self.table.resizeRowsToContents()
        total = sum(self._splitter.sizes())
        if self._user_sized or total <= 0:
            return
        table = self.table
        needed = table.horizontalHeader().height() + table.verticalHeader().length() + 2 * table.frameWidth()
        table_height = min(needed, round(total * 0.7))
        self._splitter.setSizes([table_height, total - table_height])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_controls()
            self._fit_rows.start()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fit_rows.start()

    def _scale_controls(self) -> None:
        """Touch targets grow with the font: at least 24 px (WCAG AA), 44 px and more at kiosk sizes."""
        grow_with_font(self.show_button, self.fontMetrics().height())

    def set_topic(self, topic: Topic | None) -> None:
        """Show `topic`'s comparison (or a short message when it has none); nothing is selected."""
        self.model.set_topic(topic)
        has_table = topic is not None and topic.comparison is not None
        self._splitter.setVisible(has_table)
        self.empty_label.setVisible(not has_table)
        self._show_quote(QModelIndex())

    def select_cell(self, row: int, column: int) -> None:
        """Select a cell as a user would (used by the window, e.g. to restore a selection)."""
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_quote(current)
        source = self._current_source()
        if source is not None:
            self.sourceSelected.emit(*source)

    def _current_source(self) -> tuple[str, str, str] | None:
        topic = self.model.topic()
        sources = self.table.currentIndex().data(SOURCES_ROLE)
        if topic is None or not sources:
            return None
        first: SentenceRef = sources[0]
        return topic.id, first.section, first.sentence

    @Slot()
    def _emit_current_source(self) -> None:
        source = self._current_source()
        if source is not None:
            log.debug("source requested: %s %s %s", *source)
            self.sourceRequested.emit(*source)

    def _show_quote(self, index: QModelIndex) -> None:
        found = self.model.cell_at(index)
        self.show_button.setEnabled(bool(found and found[2].sources))
        if found is None:
            prompt = QCoreApplication.translate(
                "ComparisonView", "Select a cell to see the sentences of the article it comes from."
            )
            self.quote.setHtml(f"<p>{html.escape(prompt)}</p>")
            return
        attribute, procedure, cell = found
        parts = [f"<p><b>{html.escape(procedure.name)} \u2014 {html.escape(attribute.label)}</b></p>"]
        if not cell.stated:
            text = QCoreApplication.translate(
                "ComparisonView", "Not stated. The article does not say this for {procedure}."
            )
            parts.append(f"<p><i>{html.escape(text.format(procedure=procedure.name))}</i></p>")
        previous_section = None
        for section, sentence in self.model.source_sentences(index):
            if section is not None and section is not previous_section:
                text = QCoreApplication.translate("ComparisonView", "From \u201c{section}\u201d:")
                parts.append(f"<p>{html.escape(text.format(section=section.title))}</p>")
                previous_section = section
            if sentence is not None:
                parts.append(f"<blockquote>{html.escape(sentence.text)}</blockquote>")
        self.quote.setHtml("".join(parts))
