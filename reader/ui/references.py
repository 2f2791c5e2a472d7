"""The reference list: numbered citations in NLM/Vancouver or AMA, copy to the clipboard, RIS/BibTeX export.

Nothing here opens a browser: PMID and DOI are plain text.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.content import citation
from reader.content.model import Reference, Section, Sentence, Topic
from reader.ui.export_folder import ExportFolder
from reader.ui.plaintext import plain_label
from reader.ui.qthelpers import grow_with_font
from reader.ui.reference_list import HTML_ROLE, NUMBER_ROLE, ReferenceListView, reference_details, style_label
from reader.ui.wrapping_row import WrappingRow

log = logging.getLogger(__name__)


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

    def language_changed(self) -> None:
        """Rows describe themselves in the interface language: ask again."""
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
            text = QCoreApplication.translate("ReferencesModel", "Reference {number}: {citation}")
            return text.format(number=ref.number, citation=citation.citation_text(ref, self._style))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = QCoreApplication.translate(
                "ReferencesModel",
                "Reference {number}: Ctrl+C copies it; Enter shows where the article cites it",
            )
            return text.format(number=ref.number)
        if role == HTML_ROLE:
            return citation.citation_html(ref, self._style)
        if role == NUMBER_ROLE:
            return ref.number
        return None


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
        self.list.copyRequested.connect(self.copy_citation)
        self.list.activated.connect(self._emit_citing_sentence)
        self.list.selectionModel().currentChanged.connect(self._show_details)
        self._make_controls()
        self._lay_out()
        self._file_dialogs_allowed = True
        self.export_folder: ExportFolder | None = None  # where the dialog starts; set by the window
        self._status: Callable[[], str] | None = None  # rebuilds the status line in a new language
        self._scale_controls()
        self.set_topic(None)
        self.retranslate()

    def _button(self, slot: Any) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        return button

    def _make_controls(self) -> None:
        self.style_combo = QComboBox(self)
        for style in citation.STYLE_LABELS:
            self.style_combo.addItem(style, style)
        self.style_combo.currentIndexChanged.connect(self._on_style_chosen)
        self.style_label = plain_label("", self)
        self.style_label.setBuddy(self.style_combo)
        self.copy_button = self._button(self.copy_citation)
        self.copy_all_button = self._button(self.copy_all)
        self.export_button = self._button(self._export_with_dialog)
        self.cited_button = self._button(self._emit_citing_sentence)
        self.details = plain_label("", self)
        self.details.setWordWrap(True)
        self.details.setOpenExternalLinks(False)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.status = plain_label("", self)
        self.status.setWordWrap(True)

    def retranslate(self) -> None:
        """Every fixed text of the view, the details and the last status line in the interface language."""
        self.list.setAccessibleName(QCoreApplication.translate("ReferencesView", "References"))
        self.list.setToolTip(
            QCoreApplication.translate(
                "ReferencesView", "The topic's references. Ctrl+C copies the selected citation."
            )
        )
        for index in range(self.style_combo.count()):
            self.style_combo.setItemText(index, style_label(self.style_combo.itemData(index)))
        self.style_combo.setAccessibleName(QCoreApplication.translate("ReferencesView", "Citation style"))
        self.style_combo.setToolTip(
            QCoreApplication.translate(
                "ReferencesView", "How citations are shown and copied: NLM/Vancouver or AMA"
            )
        )
        self.style_label.setText(QCoreApplication.translate("ReferencesView", "Citation &style:"))
        buttons = (
            (
                self.copy_button,
                QCoreApplication.translate("ReferencesView", "Copy citation"),
                "",
                QCoreApplication.translate("ReferencesView", "Copy the selected citation (Ctrl+C)"),
            ),
            (
                self.copy_all_button,
                QCoreApplication.translate("ReferencesView", "Copy all"),
                "",
                QCoreApplication.translate("ReferencesView", "Copy every reference as a list"),
            ),
            (
                self.export_button,
                QCoreApplication.translate("ReferencesView", "Export\u2026"),
                QCoreApplication.translate("ReferencesView", "Export references"),
                QCoreApplication.translate("ReferencesView", "Save the references as RIS or BibTeX"),
            ),
            (
                self.cited_button,
                QCoreApplication.translate("ReferencesView", "Show where cited"),
                "",
                QCoreApplication.translate(
                    "ReferencesView",
                    "Show the first sentence of the article that cites this reference (Enter)",
                ),
            ),
        )
        for button, text, name, tip in buttons:
            button.setText(text)
            button.setAccessibleName(name or text)
            button.setToolTip(tip)
        self.details.setAccessibleName(QCoreApplication.translate("ReferencesView", "Reference details"))
        self.details.setToolTip(
            QCoreApplication.translate(
                "ReferencesView", "PMID, DOI and the sentences that cite the selected reference"
            )
        )
        self.status.setAccessibleName(QCoreApplication.translate("ReferencesView", "Status"))
        self.model.language_changed()
        self._show_details(self.list.currentIndex())
        if self._status is not None:
            self.status.setText(self._status())

    def _say(self, message: Callable[[], str]) -> None:
        """Show a status line, rebuilt from `message` when the language changes."""
        self._status = message
        self.status.setText(message())

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
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

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
        self._status = None
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

    @Slot()
    def copy_citation(self) -> None:
        """Put the current reference's citation, as plain text in the chosen style, on the clipboard."""
        ref = self._current_reference()
        if ref is None:
            self._say(lambda: QCoreApplication.translate("ReferencesView", "Select a reference to copy it."))
            return
        style = self.model.citation_style()
        QApplication.clipboard().setText(citation.citation_text(ref, style))
        number = ref.number
        self._say(
            lambda: QCoreApplication.translate(
                "ReferencesView", "Copied reference {number} to the clipboard in {style} style."
            ).format(number=number, style=style_label(style))
        )

    @Slot()
    def copy_all(self) -> None:
        refs = self.model.references()
        style = self.model.citation_style()
        QApplication.clipboard().setText(citation.numbered_list(refs, style))
        count = len(refs)

        def message() -> str:
            text = QCoreApplication.translate(
                "ReferencesView", "Copied all %n references to the clipboard in {style} style.", "", count
            )
            return text.format(style=style_label(style))

        self._say(message)

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
            self._say(
                lambda: QCoreApplication.translate(
                    "ReferencesView",
                    "\u26a0 Could not save {file}: {reason}. Nothing was written; "
                    "choose another folder or name.",
                ).format(file=path, reason=reason)
            )
            return False
        count = len(refs)

        def saved() -> str:
            text = QCoreApplication.translate("ReferencesView", "Saved %n references to {file}.", "", count)
            return text.format(file=path)

        self._say(saved)
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
            self,
            QCoreApplication.translate("ReferencesView", "Export references"),
            suggested,
            ";;".join(filters.values()),
            filters[citation.RIS],
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
            self.details.setText(
                QCoreApplication.translate(
                    "ReferencesView",
                    "Select a reference to see its PMID, DOI and where the article cites it.",
                )
            )
        else:
            self.details.setText("\n".join(reference_details(topic, ref)))

    @Slot()
    def _emit_citing_sentence(self) -> None:
        topic, citing = self.model.topic(), self._citing()
        if topic is not None and citing:
            self.citingSentenceRequested.emit(topic.id, citing[0][1].key)
