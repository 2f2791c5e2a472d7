"""Touch sizes for a widget tree that was built for a mouse: every control at least 44 x 44 px
(WCAG 2.5.5; Qt's default button is about 22 px high), scroll bars a finger can hold, and
scrolling by dragging a finger.

Sizes are set on the widgets themselves, never through a style sheet on a parent window: such
a sheet stops font changes from reaching the views inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QScroller,
    QTabBar,
    QTableView,
    QWidget,
)

TOUCH_PX = 48  # a little over 44, so borders and rounding never take a target under it
SCROLL_BAR_PX = 28

_TAB_SHEET = f"QTabBar::tab {{ min-height: {TOUCH_PX}px; min-width: 120px; padding: 6px 24px; }}"
_BAR_SHEET = (
    f"QScrollBar:vertical {{ width: {SCROLL_BAR_PX}px; }} "
    f"QScrollBar:horizontal {{ height: {SCROLL_BAR_PX}px; }}"
)


def enlarge_touch_targets(root: QWidget, px: int = TOUCH_PX) -> None:
    """Give every control under `root` a touch size; give item views touch-high rows."""
    for control in (*root.findChildren(QAbstractButton), *root.findChildren(QComboBox)):
        control.setMinimumSize(max(px, control.minimumWidth()), max(px, control.minimumHeight()))
    for label in root.findChildren(QLabel):
        if label.focusPolicy() != Qt.FocusPolicy.NoFocus:  # selectable text, reachable by Tab
            label.setMinimumHeight(max(px, label.minimumHeight()))
    for line in root.findChildren(QLineEdit):
        line.setClearButtonEnabled(False)  # a 20 px cross inside the field: the keyboard has Clear
        line.setMinimumHeight(max(px, line.minimumHeight()))
        line.setTextMargins(8, 0, 8, 0)
    for tabs in root.findChildren(QTabBar):
        tabs.setStyleSheet(_TAB_SHEET)
        tabs.setUsesScrollButtons(False)  # 16 px arrows; on a narrow screen the tabs shrink instead
        tabs.setElideMode(Qt.TextElideMode.ElideRight)
    for table in root.findChildren(QTableView):
        table.horizontalHeader().setMinimumHeight(px)
        table.verticalHeader().setMinimumSectionSize(px)


def enable_touch_scrolling(root: QWidget) -> None:
    """Drag a finger to scroll every scrollable view (the mouse still selects text); wide bars."""
    for area in root.findChildren(QAbstractScrollArea):
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setStyleSheet(_BAR_SHEET)
        if isinstance(area, QAbstractItemView):
            area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
