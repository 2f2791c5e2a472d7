"""Right-to-left ready (issue 16, item 6): with the layout direction forced right to left, the
window at 1366x768 and the kiosk at 1920x1080 mirror, and no widget is clipped by its parent or
overlaps a sibling in the same layout. Screenshots from a real X server: docs/screenshots/rtl-*."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLayout, QMenuBar, QWidget

from reader.kiosk.config import KioskConfig
from reader.kiosk.pin import hash_pin
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY
from tests.kiosk.conftest import PIN, start_kiosk


def _scrolled(widget: QWidget, root: QWidget) -> bool:
    """Inside a scroll area's viewport, where content may be larger than what shows."""
    node = widget.parentWidget()
    while node is not None and node is not root:
        holder = node.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and node is holder.viewport():
            return True
        node = holder
    return False


def layout_problems(root: QWidget) -> list[str]:
    """Visible widgets cut off by their parent, and visible siblings of one layout that overlap."""
    found = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if parent is None or widget.isWindow() or not widget.isVisibleTo(root) or _scrolled(widget, root):
            continue
        if widget.geometry().isEmpty():
            continue  # no area, nothing to cut off (e.g. an empty dock title bar in the kiosk)
        if not parent.rect().contains(widget.geometry()):
            found.append(
                f"clipped: {_name(widget)} {_box(widget.geometry())} in {_name(parent)} {_box(parent.rect())}"
            )
    for layout in root.findChildren(QLayout):
        items = [layout.itemAt(i).widget() for i in range(layout.count())]
        shown = [w for w in items if w is not None and w.isVisibleTo(root)]
        for index, first in enumerate(shown):
            for second in shown[index + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > 1 and common.height() > 1:
                    found.append(f"overlap: {_name(first)} and {_name(second)}")
    return found


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"


def _box(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


@pytest.fixture
def right_to_left(qapp):
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _first_menu_x(window: QWidget) -> int:
    bar = window.findChild(QMenuBar)
    assert bar is not None
    first = bar.actions()[0]
    return bar.actionGeometry(first).center().x() - bar.width() // 2


def test_the_window_mirrors_with_nothing_clipped_or_overlapping(
    qtbot, bundled_topic, tmp_path: Path, right_to_left
) -> None:
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow(
        [bundled_topic], Settings(tmp_path / "r.ini"), theme, WindowOptions(clock=lambda: PINNED_TODAY)
    )
    theme.setParent(window)
    qtbot.addWidget(window)
    window.resize(1366, 768 - 24 - 30)  # a laptop screen less a panel and the window frame
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the status bar places its size grip on a later pass
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert _first_menu_x(window) > 0, "the first menu starts on the right"
    assert layout_problems(window) == []


def test_the_kiosk_mirrors_with_nothing_clipped_or_overlapping(
    qtbot, bundled_topic, tmp_path: Path, right_to_left
) -> None:
    config = KioskConfig(enabled=True, pin_hash=hash_pin(PIN))
    kiosk = start_kiosk(qtbot, [bundled_topic], tmp_path, config)
    try:
        kiosk.window.setGeometry(0, 0, 1920, 1080)
        QApplication.processEvents()
        assert kiosk.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert layout_problems(kiosk.window) == []
    finally:
        kiosk.session.stop()


def test_the_check_sees_a_clipped_and_an_overlapping_widget(qtbot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLabel

    root = QWidget()
    qtbot.addWidget(root)
    root.resize(200, 100)
    clipped = QLabel("wide", root)
    clipped.setGeometry(150, 10, 100, 20)  # runs 50 px past the right edge
    row = QHBoxLayout()
    first, second = QLabel("a"), QLabel("b")
    row.addWidget(first)
    row.addWidget(second)
    holder = QWidget(root)
    holder.setLayout(row)
    holder.setGeometry(0, 40, 150, 40)
    root.show()
    qtbot.waitExposed(root)
    second.setGeometry(first.geometry().translated(5, 0))  # as a hand-placed widget would
    problems = layout_problems(root)
    assert any(p.startswith("clipped: QLabel") for p in problems)
    assert any(p.startswith("overlap:") for p in problems)
