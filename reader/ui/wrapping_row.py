"""A row of control groups that stacks them when there is not room side by side, so a page of
buttons never sets a minimum width that pushes the window past a small screen (800x600)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget


class WrappingRow(QWidget):
    """Groups laid out left to right while they fit, one under the other when they do not."""

    def __init__(self, *groups: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the minimum is ours
        for group in groups:
            self._box.addLayout(group)

    def stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def _minimum_sizes(self) -> list[QSize]:
        items = (self._box.itemAt(i) for i in range(self._box.count()))
        return [item.minimumSize() for item in items if item is not None]

    def _side_by_side_width(self) -> int:
        sizes = self._minimum_sizes()
        return sum(size.width() for size in sizes) + max(0, self._box.spacing()) * max(0, len(sizes) - 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        sizes = self._minimum_sizes()
        widths, heights = [s.width() for s in sizes], [s.height() for s in sizes]
        if self.stacked():
            spacing = max(0, self._box.spacing()) * max(0, len(heights) - 1)
            return QSize(max(widths, default=0), sum(heights) + spacing)
        return QSize(max(widths, default=0), max(heights, default=0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if wanted != self._box.direction():
            self._box.setDirection(wanted)
            self.updateGeometry()
