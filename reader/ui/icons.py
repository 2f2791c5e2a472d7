"""Toolbar and menu icons drawn from resources/icons/ in the theme's colours, when first shown.

An icon is a QIcon over an engine that renders its SVG at the size and state Qt asks for, the
first time it asks, and keeps the result: building the window no longer renders every icon at
every size (72 renders before the first paint), only what is drawn.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap

log = logging.getLogger(__name__)


class SvgColourEngine(QIconEngine):
    """Renders one SVG with `currentColor` in the text colour (normal) or the disabled colour."""

    def __init__(self, svg: str, normal: str, disabled: str) -> None:
        super().__init__()
        self._svg, self._normal, self._disabled = svg, normal, disabled
        self._drawn: dict[tuple[int, int, bool], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._render(size, self._disabled if disabled else self._normal)
        return drawn

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def clone(self) -> QIconEngine:
        return SvgColourEngine(self._svg, self._normal, self._disabled)

    def _render(self, size: QSize, colour: str) -> QPixmap:
        from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon drawn

        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if not size.isEmpty():
            renderer = QSvgRenderer(QByteArray(self._svg.replace("currentColor", colour).encode("utf-8")))
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
        return QPixmap.fromImage(image)


def svg_icon(svg: str, normal: str, disabled: str) -> QIcon:
    """A QIcon that draws `svg` on demand in the given colours."""
    return QIcon(SvgColourEngine(svg, normal, disabled))
