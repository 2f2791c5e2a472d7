"""What the search panel shows under its field: the results (model, delegate, view) and "did you mean".

The delegate builds its text with QTextCursor from plain strings, so the only markup taken
from a snippet is `<mark>`; everything else in it is shown as the literal text it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.plaintext import literal_button_text, literal_tooltip, plain_label
from reader.ui.search_worker import HitLike
from reader.ui.theme import contrast_ratio
from reader.ui.wrapped_list import WrappedRowsList

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
TERMS_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 4
TOPIC_TITLE_ROLE = Qt.ItemDataRole.UserRole + 5

_MARK_TAG = re.compile(r"(</?mark\s*>)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")

Index = QModelIndex | QPersistentModelIndex


def snippet_runs(snippet_html: str) -> list[tuple[str, bool]]:
    """Split an escaped snippet into (plain text, is a match) runs; `<mark>` is the only tag honoured."""
    runs: list[tuple[str, bool]] = []
    depth = 0
    for part in _MARK_TAG.split(snippet_html):
        tag = part.lower().replace(" ", "")
        if tag == "<mark>":
            depth += 1
        elif tag == "</mark>":
            depth = max(0, depth - 1)
        elif part:
            text = _SPACE.sub(" ", html.unescape(part))
            if runs and runs[-1][1] == (depth > 0):
                runs[-1] = (runs[-1][0] + text, depth > 0)
            else:
                runs.append((text, depth > 0))
    return runs


def snippet_text(snippet_html: str) -> str:
    """The snippet as plain text (for screen readers and tooltips)."""
    return "".join(text for text, _ in snippet_runs(snippet_html)).strip()


class SearchResultsModel(QAbstractListModel):
    """One row per hit, best first. Display text is plain; the ids and terms are in roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[HitLike, ...] = ()

    def set_hits(self, hits: Sequence[HitLike]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits(())

    def hit(self, row: int) -> HitLike | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title} — {hit.topic_title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{hit.title} — {hit.topic_title}: {snippet_text(hit.snippet_html)}"
            return literal_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return {
            TOPIC_ID_ROLE: hit.topic_id,
            SECTION_ID_ROLE: hit.section_id,
            TERMS_ROLE: list(hit.terms),
            SNIPPET_HTML_ROLE: hit.snippet_html,
            TOPIC_TITLE_ROLE: hit.topic_title,
        }.get(role)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def muted_text_colour(text: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """A softer text colour that still keeps `minimum` contrast on `background`."""
    for amount in (0.4, 0.3, 0.2, 0.1):
        candidate = _mix(text, background, amount)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return text


def mark_background(palette: QPalette) -> QColor:
    """Background of a matched word: the palette's highlight faded into the base colour (the active
    group's, so marks look the same whether or not the window is active)."""
    active = QPalette.ColorGroup.Active
    return _mix(
        palette.color(active, QPalette.ColorRole.Base),
        palette.color(active, QPalette.ColorRole.Highlight),
        0.4,
    )


def _sized(font: QFont, factor: float) -> QFont:
    """`font` scaled by `factor`, whether it was sized in points or in pixels."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return scaled


def build_result_document(hit: HitLike, font: QFont, palette: QPalette, selected: bool) -> QTextDocument:
    """The rich text of one result: section title, topic title, snippet with matches emphasised."""
    text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    back_role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
    text, back = palette.color(text_role), palette.color(back_role)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)

    title = QTextCharFormat()
    title.setForeground(text)
    title.setFont(_sized(font, 1.1))
    title.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(hit.title, title)

    topic = QTextCharFormat()
    topic.setForeground(muted_text_colour(text, back))
    topic.setFont(_sized(font, 0.9))
    spaced = QTextBlockFormat()
    spaced.setTopMargin(QFontMetricsF(font).height() * 0.2)
    cursor.insertBlock(spaced)
    cursor.insertText(hit.topic_title, topic)

    plain = QTextCharFormat()
    plain.setForeground(text)
    match = QTextCharFormat(plain)
    match.setFontWeight(QFont.Weight.Bold)  # not colour alone: matches stay visible in any theme
    if selected:
        match.setFontUnderline(True)
    else:
        match.setBackground(mark_background(palette))
    cursor.insertBlock(spaced)
    for run, is_match in snippet_runs(hit.snippet_html):
        cursor.insertText(run, match if is_match else plain)
    return doc


def drawn_palette(option: QStyleOptionViewItem) -> QPalette:
    """The option's palette in the colour group the style paints the row with: Inactive when the
    window is not active. Text taken from another group than the background can be unreadable
    (white on the pale inactive selection: 1.4:1)."""
    palette = QPalette(option.palette)
    if not option.state & QStyle.StateFlag.State_Enabled:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
    elif not option.state & QStyle.StateFlag.State_Active:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Inactive)
    else:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Active)
    return palette


class SearchResultDelegate(QStyledItemDelegate):
    """Draws a hit as title, topic and snippet; rows grow with the text and the font size."""

    def _padding(self, option: QStyleOptionViewItem) -> tuple[int, int]:
        metrics = option.fontMetrics
        return max(6, metrics.averageCharWidth()), max(6, round(metrics.height() * 0.6))

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        width = width or option.rect.width() or 320
        return max(80, width - 2 * self._padding(option)[0])

    def _document(self, option: QStyleOptionViewItem, index: Index, selected: bool) -> QTextDocument | None:
        model = index.model()
        hit = model.hit(index.row()) if isinstance(model, SearchResultsModel) else None
        if hit is None:
            return None
        doc = build_result_document(hit, option.font, drawn_palette(option), selected)
        doc.setTextWidth(self._text_width(option))
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        doc = self._document(option, index, selected=False)
        if doc is None:
            return super().sizeHint(option, index)
        pad_x, pad_y = self._padding(option)
        return QSize(int(doc.idealWidth()) + 2 * pad_x, int(doc.size().height()) + 2 * pad_y + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = self._document(opt, index, selected)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect = opt.rect
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not selected:  # a hairline between rows, so long snippets do not run together
            painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if doc is not None:
            pad_x, pad_y = self._padding(opt)
            painter.translate(rect.left() + pad_x, rect.top() + pad_y)
            painter.setClipRect(0, 0, rect.width() - 2 * pad_x, rect.height() - pad_y)
            doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()


class SearchResultsView(WrappedRowsList):
    """The results list: Enter opens the current hit; Up from the first row or Escape goes back."""

    rowActivated = Signal(int)  # noqa: N815 (row opened with Enter; clicks and taps come via `clicked`)
    leaveRequested = Signal()  # noqa: N815 (the user wants the search field again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SearchResultDelegate(), parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, row = event.key(), self.currentIndex().row()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.rowActivated.emit(row)
        elif key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and row <= 0):
            self.leaveRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class LinkButton(QPushButton):
    """A flat, link-coloured button that draws a clear focus ring (a flat button's own is faint).

    Enter follows it, as it would a link; Space presses it, as any button.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)
            painter.end()


class DidYouMean(QWidget):
    """'Did you mean: <suggestion>': the suggestion is a link-like button that asks to search it."""

    chosen = Signal(str)  # the suggestion the user picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggestion = ""
        self.label = plain_label("", self)
        self.button = LinkButton(self)
        self.button.setFlat(True)
        self.button.setAutoDefault(False)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        link_font = QFont()  # only underline: the size keeps following the panel
        link_font.setUnderline(True)
        self.button.setFont(link_font)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)  # "Did you mean:" and the suggestion read as one line
        row.addWidget(self.label)
        row.addWidget(self.button)
        row.addStretch(1)
        self.button.clicked.connect(self._on_clicked)
        self._apply_link_colour()
        self.retranslate()
        self.hide()

    def set_suggestion(self, suggestion: str | None) -> None:
        """Show `suggestion`, or hide the row for None (forgetting the last one everywhere)."""
        self._suggestion = suggestion or ""
        self.button.setText(literal_button_text(self._suggestion))
        self.retranslate()
        self.setVisible(bool(suggestion))

    def retranslate(self) -> None:
        """The label, and the button's name and tooltip for the suggestion shown, translated."""
        self.label.setText(QCoreApplication.translate("DidYouMean", "Did you mean:"))
        if self._suggestion:
            name = QCoreApplication.translate("DidYouMean", "Did you mean {suggestion}")
            tip = QCoreApplication.translate("DidYouMean", "Search for “{suggestion}” instead")
            self.button.setAccessibleName(name.format(suggestion=self._suggestion))
            self.button.setToolTip(literal_tooltip(tip.format(suggestion=self._suggestion)))
        else:
            self.button.setAccessibleName(QCoreApplication.translate("DidYouMean", "Did you mean"))
            self.button.setToolTip(
                QCoreApplication.translate("DidYouMean", "Search for the suggested spelling instead")
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_link_colour()

    def _apply_link_colour(self) -> None:
        link = QPalette()
        link.setColor(QPalette.ColorRole.ButtonText, self.palette().color(QPalette.ColorRole.Link))
        self.button.setPalette(link)

    @Slot()
    def _on_clicked(self) -> None:
        if self._suggestion:
            self.chosen.emit(self._suggestion)
