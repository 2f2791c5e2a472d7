"""The comparison's table pieces: the table (Enter and double-click open the source; a click only
selects), its row labels (drawn in the palette and font, clear of the edge) and the cell delegate
("Not stated" dimmed, padding that grows with the font).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontInfo, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.ui.theme import contrast_ratio

STATED_ROLE = Qt.ItemDataRole.UserRole + 2  # bool: False when the article does not state the value

AnyIndex = QModelIndex | QPersistentModelIndex


class ComparisonTable(QTableView):
    """A table where selecting (click, tap, arrows) and opening (Enter, double-click) differ.

    Qt's `activated` also fires on a single click under some platform styles, so it is not used.
    """

    openRequested = Signal()  # noqa: N815 - Enter or a double-click on the current cell

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseDoubleClickEvent(event)
        if self.indexAt(event.position().toPoint()).isValid():
            self.openRequested.emit()


class RowLabels(QHeaderView):
    """Row labels drawn by the style from the palette and in the table's font (a style sheet on the
    header would draw it in its own colours and stop font changes), inset by 0.6 em from the edges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def inset(self) -> int:
        return round(QFontInfo(self.font()).pixelSize() * 0.6)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N802, N803
        size = super().sectionSizeFromContents(logicalIndex)
        return QSize(size.width() + 2 * self.inset(), size.height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:  # noqa: N802, N803
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logicalIndex)
        option.rect = rect
        text, option.text = option.text, ""
        style = self.style()
        painter.save()
        style.drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        option.text = text
        option.rect = rect.adjusted(self.inset(), 0, -self.inset(), 0)
        style.drawControl(QStyle.ControlElement.CE_HeaderLabel, option, painter, self)
        painter.restore()


def muted_text_color(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """Text colour moved towards the background, as far as 4.5:1 contrast on Base and AlternateBase allows."""
    text = palette.color(group, QPalette.ColorRole.Text)
    roles = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
    backgrounds = [palette.color(group, role) for role in roles]
    base = backgrounds[0]
    for step in range(9, 0, -1):
        weight = step * 0.05  # from 45% of the way towards the background down to 5%
        mixed = QColor.fromRgbF(
            text.redF() + (base.redF() - text.redF()) * weight,
            text.greenF() + (base.greenF() - text.greenF()) * weight,
            text.blueF() + (base.blueF() - text.blueF()) * weight,
        )
        if all(contrast_ratio(mixed, bg) >= 4.6 for bg in backgrounds):  # 4.6: margin for rounding
            return mixed
    return text


class ComparisonDelegate(QStyledItemDelegate):
    """Draws "Not stated" cells dimmed (still >= 4.5:1) and gives rows room that grows with the font."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.data(STATED_ROLE) is False:
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                muted = muted_text_color(option.palette, group)
                option.palette.setColor(group, QPalette.ColorRole.Text, muted)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Background and selection across the whole cell; the text inset so it never touches the grid."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        text, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if opt.state & QStyle.StateFlag.State_Selected:
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                selected_text = opt.palette.color(group, QPalette.ColorRole.HighlightedText)
                opt.palette.setColor(group, QPalette.ColorRole.Text, selected_text)
        opt.state &= ~(
            QStyle.StateFlag.State_Selected
            | QStyle.StateFlag.State_HasFocus
            | QStyle.StateFlag.State_MouseOver
        )
        opt.backgroundBrush = QBrush()
        opt.text = text
        pad = _padding(opt)
        opt.rect = opt.rect.adjusted(pad.width(), 0, -pad.width(), 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        pad = _padding(option)
        opt = QStyleOptionViewItem(option)
        opt.rect = opt.rect.adjusted(pad.width(), 0, -pad.width(), 0)  # wrap at the width the text gets
        size = super().sizeHint(opt, index)
        return QSize(
            size.width() + 2 * pad.width(), max(size.height() + 2 * pad.height(), 24)
        )  # 24 px: AA target


def _padding(option: QStyleOptionViewItem) -> QSize:
    """Cell padding that grows with the font, so kiosk-size text gets kiosk-size rows."""
    line = option.fontMetrics.height()
    return QSize(round(line * 0.5), round(line * 0.4))
