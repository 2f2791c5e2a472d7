"""Render the kiosk at 1920x1080 (offscreen) for docs/screenshots: the home page, a search typed
on the on-screen keyboard, and the idle countdown.

    .venv/bin/python -m tests.kiosk.make_screenshots [OUT_DIR]

Not a test (pytest does not collect it); it uses throwaway settings, cache and index folders.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SCREEN = {"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}


def _offscreen_1080p(tmp: Path) -> None:
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), "utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("PYSIDE6_OPTION_PYTHON_ENUM", "0x11")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(tmp / var.lower())


def main(out_dir: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    _offscreen_1080p(tmp)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader import paths
    from reader.content import load_content
    from reader.kiosk.config import KioskConfig
    from reader.kiosk.mode import apply_kiosk
    from reader.resources import BUNDLED_CONTENT_DIR
    from reader.search import SearchService, synonyms_file_for
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings
    from reader.ui.theme import ThemeChoice, ThemeController

    paths.set_application_identity()
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    theme = ThemeController(ThemeChoice.LIGHT)
    theme.apply()
    result = load_content(BUNDLED_CONTENT_DIR)
    window = MainWindow(result.topics, Settings(persistent=False), theme)
    service = SearchService(result.topics, tmp / "index", synonyms_file_for(BUNDLED_CONTENT_DIR))
    service.ensure_index()
    window.set_search_service(service)
    session = apply_kiosk(window, app, KioskConfig(enabled=True), on_exit=lambda status: None)

    def settle(until=lambda: True, rounds: int = 400) -> None:
        for _ in range(rounds):
            QCoreApplication.processEvents()
            QTest.qWait(5)
            if until():
                break

    out_dir.mkdir(parents=True, exist_ok=True)
    settle(rounds=20)
    window.grab().save(str(out_dir / "kiosk-home.png"))

    field = window.search_panel.field
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    for key in "fracture":
        QTest.mouseClick(session.keyboard.keys[key], Qt.MouseButton.LeftButton)
    settle(lambda: window.search_panel.results_model.rowCount() > 0)
    window.grab().save(str(out_dir / "kiosk-search.png"))

    session.reset()
    session.overlay.show_countdown(20)
    settle(rounds=20)
    window.grab().save(str(out_dir / "kiosk-countdown.png"))
    session.stop()
    window.set_search_service(None)
    service.close()


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    )
