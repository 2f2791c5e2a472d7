"""Renders the reader window at 1280x800 to PNG files for the README and for review:
`python -m tests.e2e.screenshots [OUT_DIR]` (default docs/screenshots), offscreen.

main-light, main-dark, search, comparison, references, and main-zoom200 (text at 200%).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYSIDE6_OPTION_PYTHON_ENUM", "0x11")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reader.app import ReaderSession, _application
from reader.content import load_content
from reader.resources import BUNDLED_CONTENT_DIR
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY, WINDOW_SIZE
from tests.repo import REPO_ROOT

DEFAULT_OUT = REPO_ROOT / "docs" / "screenshots"


def _wait(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _save(window: MainWindow, out_dir: Path, name: str) -> Path:
    _settle()
    path = out_dir / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def _click(widget: QWidget, point: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def capture(out_dir: Path, work_dir: Path) -> list[Path]:
    """Write every screenshot into `out_dir`; settings and index live in `work_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _application()
    theme = ThemeController(ThemeChoice.LIGHT)
    theme.apply()
    session = ReaderSession(
        load_content(BUNDLED_CONTENT_DIR),
        Settings(work_dir / "reader.ini"),
        theme,
        index_dir=work_dir / "index",
        options=WindowOptions(clock=lambda: PINNED_TODAY),
    )
    window = session.window
    window.resize(*WINDOW_SIZE)
    window.show()
    session.start_index()
    _wait(lambda: not window.index_progress.isVisible())
    shots = [_save(window, out_dir, "main-light")]
    window.set_theme(ThemeChoice.DARK)
    shots.append(_save(window, out_dir, "main-dark"))
    window.set_theme(ThemeChoice.LIGHT)
    shots += _search_comparison_references(window, out_dir)
    window.set_zoom(200, persist=False)
    window.navigate(window.current_topic().id, "section.kyphoplasty")
    shots.append(_save(window, out_dir, "main-zoom200"))
    session.shut_down()
    window.close()
    return shots


def _search_comparison_references(window: MainWindow, out_dir: Path) -> list[Path]:
    panel = window.search_panel
    window.focus_search()
    QTest.keyClicks(panel.field, "balloon cement")
    _wait(lambda: panel.results_model.rowCount() > 0)
    first = panel.results_view.visualRect(panel.results_model.index(0, 0))
    _click(panel.results_view.viewport(), first.center())
    window.article.next_hit()
    shots = [_save(window, out_dir, "search")]
    panel.clear()
    window.article.clear_highlights()
    window.statusBar().clearMessage()
    window.pages.setCurrentWidget(window.comparison)
    table = window.comparison.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(4, 1))  # kyphoplasty's balloon
    window.pages.setCurrentWidget(window.comparison)
    shots.append(_save(window, out_dir, "comparison"))
    window.pages.setCurrentWidget(window.references)
    window.references.show_reference("buchbinder-2009")
    shots.append(_save(window, out_dir, "references"))
    return shots


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else DEFAULT_OUT
    with tempfile.TemporaryDirectory() as work:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(work) / var.lower())
        for path in capture(out_dir, Path(work)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
