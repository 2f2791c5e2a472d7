"""A focus ring everyone can see (WCAG 2.4.7): the application style draws keyboard focus as a
2 px ring in the palette's highlight colour around the control that has it: tabs, buttons, text
fields, combo boxes, framed text views and the current item of every list, tree and table. Fusion
alone draws a faint 1 px tint, on some controls only after a key press, and none on a tab.
The article draws its own from resources/styles/reader.qss."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

RING_PX = 2

PE = QStyle.PrimitiveElement
CE = QStyle.ControlElement
# Drawn as a whole control: a ring around it when it has the focus.
_RINGED_PRIMITIVES = {PE.PE_PanelButtonCommand, PE.PE_PanelLineEdit}
_RINGED_CONTROLS = {CE.CE_TabBarTabLabel, CE.CE_ShapedFrame}


def draw_ring(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A RING_PX ring just inside `rect`, in the active highlight colour."""
    painter.save()
    pen = QPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING_PX)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    inset = RING_PX // 2
    painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
    painter.restore()


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


class FocusRingStyle(QProxyStyle):
    """Fusion, with a clear focus ring."""

    def __init__(self, base: str = "Fusion") -> None:
        super().__init__(base)

    def drawPrimitive(  # noqa: N802
        self, element: PE, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if element == PE.PE_FrameFocusRect:  # items of views, check boxes: Fusion's is a faint tint
            draw_ring(painter, option.rect, option.palette)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _RINGED_PRIMITIVES and _has_focus(option):
            draw_ring(painter, option.rect, option.palette)

    def drawControl(  # noqa: N802
        self, element: CE, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and _has_focus(option):
            draw_ring(painter, option.rect, option.palette)

    def drawComplexControl(  # noqa: N802
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and _has_focus(option):
            draw_ring(painter, option.rect, option.palette)
