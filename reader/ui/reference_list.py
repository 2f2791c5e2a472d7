"""The reference list's view: each row a numbered citation, drawn with its italics and wrapped to
the view's width; Ctrl+C (the platform's Copy) asks for the citation to be copied. And the texts
around a reference in the interface language: its style's name and its details.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
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
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.content import citation
from reader.content.model import Reference, Topic
from reader.ui.wrapped_list import WrappedRowsList

HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the citation as escaped HTML (italics only, no links)
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # int: the reference's number in the topic

AnyIndex = QModelIndex | QPersistentModelIndex


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


def style_label(style: str) -> str:
    """A citation style's name in the interface language."""
    labels = {
        citation.VANCOUVER: QCoreApplication.translate("ReferencesView", "NLM / Vancouver"),
        citation.AMA: QCoreApplication.translate("ReferencesView", "AMA (11th edition)"),
    }
    return labels.get(style, citation.STYLE_LABELS.get(style, style))


def reference_details(topic: Topic, ref: Reference) -> list[str]:
    """Plain-text lines about a reference: its PMID and DOI, then each sentence of `topic` citing it
    (citation.reference_details, in the interface language)."""
    ids = [f"{label}: {value}" for label, value in (("PMID", ref.pmid), ("DOI", ref.doi)) if value]
    lines = [
        "  \u00b7  ".join(ids) or QCoreApplication.translate("ReferencesView", "No PMID or DOI recorded.")
    ]
    cited = QCoreApplication.translate(
        "ReferencesView", "Cited in \u201c{section}\u201d: \u201c{sentence}\u201d"
    )
    for section, sentence in citation.citing_sentences(topic, ref.id):
        lines.append(cited.format(section=section.title, sentence=sentence.text))
    return lines
