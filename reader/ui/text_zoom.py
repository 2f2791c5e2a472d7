"""Text size for every reading view: the article scales its own font (reader.ui.article); the
comparison, the references, the search results and the contents scale with it, from the font each
had when the window was built. A larger application font (a kiosk's) is a floor above 100 %, never
applied twice: at a kiosk's 150 % the views keep its font instead of 150 % of it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget


def scaled(font: QFont, percent: int) -> QFont:
    """`font` at `percent` of its size, whether it is sized in points or in pixels."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * percent / 100)
    else:
        result.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return result


class ReadingZoom:
    """Applies the window's text size to a set of views, each relative to its own base font."""

    def __init__(self, views: Sequence[QWidget]) -> None:
        self._views = [(view, QFont(view.font())) for view in views]
        self._factors: dict[int, float] = {}  # id(view) -> a size kept above the others (a kiosk's)
        self.percent = 100

    def add(self, view: QWidget) -> None:
        """One more view (built after the first paint), at the text size the others have now."""
        self._views.append((view, QFont(view.font())))
        self.apply(self.percent)

    def set_factor(self, view: QWidget, factor: float) -> None:
        """Keep `view` `factor` times the size the others get (the kiosk's larger search panel)."""
        self._factors[id(view)] = factor
        self.apply(self.percent)

    def apply(self, percent: int) -> None:
        self.percent = percent
        app_font = QGuiApplication.font()
        for view, base in self._views:
            font = scaled(base, percent)
            floor = app_font.pointSizeF() * min(percent, 100) / 100
            if font.pointSizeF() > 0 and floor > font.pointSizeF():
                font.setPointSizeF(floor)
            factor = self._factors.get(id(view), 1.0)
            view.setFont(scaled(font, round(factor * 100)) if factor != 1.0 else font)

    def base_point_size(self, view: QWidget) -> float:
        return next(base.pointSizeF() for v, base in self._views if v is view)
