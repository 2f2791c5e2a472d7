"""Kiosk text sizes: every kiosk widget sizes its text as a multiple of the application font,
which kiosk mode enlarges first (so a widget built before it is shown still gets the right size).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication

MIN_BASE_POINTS = 10.0


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    """The application font times `factor` (from at least 10 pt), optionally bold."""
    font = QFont(QGuiApplication.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else MIN_BASE_POINTS
    font.setPointSizeF(max(base, MIN_BASE_POINTS) * factor)
    font.setBold(bold)
    return font
