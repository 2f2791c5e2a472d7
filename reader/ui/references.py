"""The reference list: numbered citations in NLM/Vancouver or AMA, copy to the clipboard, RIS/BibTeX export.

Nothing here opens a browser: PMID and DOI are plain text.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.content import citation
from reader.content.model import Reference, Section, Sentence, Topic
from reader.ui.export_folder import ExportFolder
from reader.ui.plaintext import plain_label
from reader.ui.qthelpers import grow_with_font
from reader.ui.wrapped_list import WrappedRowsList
from reader.ui.wrapping_row import WrappingRow

log = logging.getLogger(__name__)

HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the citation as escaped HTML (italics only, no links)
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # int: the reference's number in the topic

AnyIndex = QModelIndex | QPersistentModelIndex


class ReferencesModel(QAbstractListModel):
    """The topic's references, one row each, formatted in the current citation style."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._topic: Topic | None = None
        self._style = citation.VANCOUVER

    def set_topic(self, topic: Topic | None) -> None:
        self.beginResetModel()
        self._topic = topic
        self.endResetModel()

    def topic(self) -> Topic | None:
        return self._topic

    def references(self) -> tuple[Reference, ...]:
        return self._topic.references if self._topic else ()

    def citation_style(self) -> str:
        return self._style

    def set_citation_style(self, style: str) -> None:
        if style not in citation.STYLE_LABELS:
            raise ValueError(f"unknown citation style {style!r}")
        self._style = style
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def row_of(self, reference_id: str) -> int:
        """The row of the reference with this id, or -1."""
        return next((row for row, ref in enumerate(self.references()) if ref.id == reference_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.references())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or not 0 <= index.row() < self.rowCount():
            return None
        ref = self.references()[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return citation.citation_text(ref, self._style)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Reference {ref.number}: {citation.citation_text(ref, self._style)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Reference {ref.number}: Ctrl+C copies it; Enter shows where the article cites it"
        if role == HTML_ROLE:
            return citation.citation_html(ref, self._style)
        if role == NUMBER_ROLE:
            return ref.number
        return None


class ReferenceDelegate(QStyledItemDelegate):
    """Draws 'n.' in a number column and the citation (with italics) wrapped to the view's width."""

    def _geometry(self, option: QStyleOptionViewItem) -> tuple[int, int, int, int]:
        """Horizontal padding, vertical padding, number column width and citation text width."""
        metrics = option.fontMetrics
        pad_x, pad_y = round(metrics.height() * 0.5), round(metrics.height() * 0.45)
        number_width = metrics.horizontalAdvance("99.") + pad_x
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        return pad_x, pad_y, number_width, max(120, width - 2 * pad_x - number_width)

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(width)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        pad_x, pad_y, number_width, width = self._geometry(option)
        height = round(self._document(option, index, width).size().height())
        return QSize(width + number_width + 2 * pad_x, max(height + 2 * pad_y, 24))  # 24 px: AA target

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # background
        state, group, role = opt.state, QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text
        if state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Active
        if state & QStyle.StateFlag.State_Selected:
            role = QPalette.ColorRole.HighlightedText
        colour = opt.palette.color(group, role)
        pad_x, pad_y, number_width, width = self._geometry(opt)
        rect = opt.rect
        painter.save()
        painter.setPen(colour)
        painter.setFont(opt.font)
        number_rect = QRect(rect.left() + pad_x, rect.top() + pad_y, number_width - pad_x, rect.height())
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        painter.drawText(number_rect, align, f"{index.data(NUMBER_ROLE)}.")
        painter.translate(rect.left() + pad_x + number_width, rect.top() + pad_y)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        document = self._document(opt, index, width)  # kept alive while its layout draws
        document.documentLayout().draw(painter, context)
        painter.restore()


class ReferenceListView(WrappedRowsList):
    """The list: rows wrap to the width; Ctrl+C (the platform's Copy) asks for the citation to be copied."""

    copyRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ReferenceDelegate(), parent)
        self.setAlternatingRowColors(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_copy(event):
            event.accept()  # Copy here beats a window-wide Copy shortcut
            return True
        return super().event(event)

    @staticmethod
    def _is_copy(event: QEvent) -> bool:
        return isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ReferencesView(QWidget):
    """Numbered references with style choice, copy, export and the reference's identifiers and citing text.

    `citingSentenceRequested(topic_id, sentence_key)` is the "back" link: the first sentence citing the
    current reference, emitted on Enter, double-click or 'Show where cited' (never on mere selection, so
    the window can call `show_reference` without being sent back).
    """

    citingSentenceRequested = Signal(str, str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReferencesModel(self)
        self.list = ReferenceListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName("References")
        self.list.setToolTip("The topic's references. Ctrl+C copies the selected citation.")
        self.list.copyRequested.connect(self.copy_citation)
        self.list.activated.connect(self._emit_citing_sentence)
        self.list.selectionModel().currentChanged.connect(self._show_details)
        self._make_controls()
        self._lay_out()
        self._file_dialogs_allowed = True
        self.export_folder: ExportFolder | None = None  # where the dialog starts; set by the window
        self._scale_controls()
        self.set_topic(None)

    def _button(self, text: str, tip: str, slot: Any, name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name or text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _make_controls(self) -> None:
        self.style_combo = QComboBox(self)
        for style, label in citation.STYLE_LABELS.items():
            self.style_combo.addItem(label, style)
        self.style_combo.setAccessibleName("Citation style")
        self.style_combo.setToolTip("How citations are shown and copied: NLM/Vancouver or AMA")
        self.style_combo.currentIndexChanged.connect(self._on_style_chosen)
        self.style_label = plain_label("Citation &style:", self)
        self.style_label.setBuddy(self.style_combo)
        self.copy_button = self._button(
            "Copy citation", "Copy the selected citation (Ctrl+C)", self.copy_citation
        )
        self.copy_all_button = self._button("Copy all", "Copy every reference as a list", self.copy_all)
        tip = "Save the references as RIS or BibTeX"
        self.export_button = self._button("Export\u2026", tip, self._export_with_dialog, "Export references")
        tip = "Show the first sentence of the article that cites this reference (Enter)"
        self.cited_button = self._button("Show where cited", tip, self._emit_citing_sentence)
        self.details = plain_label("", self)
        self.details.setWordWrap(True)
        self.details.setOpenExternalLinks(False)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setAccessibleName("Reference details")
        self.details.setToolTip("PMID, DOI and the sentences that cite the selected reference")
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")

    def _lay_out(self) -> None:
        style = QHBoxLayout()
        style.addWidget(self.style_label)
        style.addWidget(self.style_combo)
        style.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.copy_all_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        controls = WrappingRow(style, buttons, parent=self)  # stacked on a narrow window
        cited = QHBoxLayout()
        cited.addWidget(self.details, 1)
        cited.addWidget(self.cited_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(self.list, 1)
        layout.addLayout(cited)
        layout.addWidget(self.status)
        self._targets = [self.style_combo, self.copy_button, self.copy_all_button, self.export_button]
        for first, second in itertools.pairwise([*self._targets, self.list, self.details, self.cited_button]):
            self.setTabOrder(first, second)
        self._targets.append(self.cited_button)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_controls()

    def _scale_controls(self) -> None:
        """Touch targets grow with the font: at least 24 px (WCAG AA), 44 px and more at kiosk sizes."""
        for control in self._targets:
            grow_with_font(control, self.fontMetrics().height())

    # --- public API ------------------------------------------------------------------------------------

    def set_topic(self, topic: Topic | None) -> None:
        """Show `topic`'s references; nothing is selected."""
        self.model.set_topic(topic)
        has_refs = self.model.rowCount() > 0
        for button in (self.copy_all_button, self.export_button):
            button.setEnabled(has_refs)
        self.status.clear()
        self._show_details(QModelIndex())

    def show_reference(self, reference_id: str) -> None:
        """Select the reference and scroll it into view (e.g. after a citation link in the article)."""
        row = self.model.row_of(reference_id)
        if row < 0:
            log.warning("no reference %r in the current topic", reference_id)
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def reset_citation_style(self) -> None:
        """Back to the default style (NLM/Vancouver), as at start-up."""
        self.style_combo.setCurrentIndex(self.style_combo.findData(citation.VANCOUVER))

    def set_file_dialogs_allowed(self, allowed: bool) -> None:
        """False in kiosk mode: export (which needs a file dialog) is hidden."""
        self._file_dialogs_allowed = allowed
        self.export_button.setVisible(allowed)

    def _current_reference(self) -> Reference | None:
        row = self.list.currentIndex().row()
        refs = self.model.references()
        return refs[row] if 0 <= row < len(refs) else None

    def _copy(self, text: str, what: str) -> None:
        QApplication.clipboard().setText(text)
        style = citation.STYLE_LABELS[self.model.citation_style()]
        self.status.setText(f"Copied {what} to the clipboard in {style} style.")

    @Slot()
    def copy_citation(self) -> None:
        """Put the current reference's citation, as plain text in the chosen style, on the clipboard."""
        ref = self._current_reference()
        if ref is None:
            self.status.setText("Select a reference to copy it.")
            return
        self._copy(citation.citation_text(ref, self.model.citation_style()), f"reference {ref.number}")

    @Slot()
    def copy_all(self) -> None:
        refs = self.model.references()
        self._copy(citation.numbered_list(refs, self.model.citation_style()), f"all {len(refs)} references")

    def export(self, path: Path, fmt: str) -> bool:
        """Write the references to `path` as RIS or BibTeX (citation.RIS / citation.BIBTEX), atomically.

        Returns False, and says why below the list, when the file cannot be written.
        """
        refs = self.model.references()
        try:
            citation.write_export(path, refs, fmt)
        except OSError as exc:
            log.warning("export to %s failed: %s", path, exc)
            reason = exc.strerror or str(exc)
            self.status.setText(
                f"\u26a0 Could not save {path}: {reason}. Nothing was written; choose another folder or name."
            )
            return False
        self.status.setText(f"Saved {len(refs)} references to {path}.")
        return True

    @Slot()
    def _export_with_dialog(self) -> None:
        topic = self.model.topic()
        if topic is None or not self._file_dialogs_allowed:
            return
        name = f"{topic.id}-references.ris"
        suggested = self.export_folder.suggest(name) if self.export_folder is not None else name
        filters = citation.EXPORT_FILTERS
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, "Export references", suggested, ";;".join(filters.values()), filters[citation.RIS]
        )
        if chosen:
            target = citation.export_target(chosen, chosen_filter)
            if self.export(*target) and self.export_folder is not None:
                self.export_folder.remember(target[0])

    @Slot(int)
    def _on_style_chosen(self, _combo_index: int) -> None:
        self.model.set_citation_style(self.style_combo.currentData())  # rows re-measure on dataChanged

    def _citing(self) -> list[tuple[Section, Sentence]]:
        ref, topic = self._current_reference(), self.model.topic()
        return citation.citing_sentences(topic, ref.id) if topic and ref else []

    @Slot(QModelIndex, QModelIndex)
    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        ref, topic = self._current_reference(), self.model.topic()
        self.copy_button.setEnabled(ref is not None)
        self.cited_button.setEnabled(bool(self._citing()))
        if ref is None or topic is None:
            self.details.setText("Select a reference to see its PMID, DOI and where the article cites it.")
        else:
            self.details.setText("\n".join(citation.reference_details(topic, ref)))

    @Slot()
    def _emit_citing_sentence(self) -> None:
        topic, citing = self.model.topic(), self._citing()
        if topic is not None and citing:
            self.citingSentenceRequested.emit(topic.id, citing[0][1].key)
