"""The floor for start-up: a bare PySide6 main window with a QTextBrowser showing the bundled
topic's text, exiting at its first paint. Run by bench/startup_bench.py beside the reader.

It does the least a reader must: start Python and Qt, read one file, show its text in a
text browser, paint once. No project module is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

TOPIC = Path(__file__).resolve().parent.parent / "content" / "topics" / "vertebroplasty-kyphoplasty.yaml"


class _ExitAtPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    browser = QTextBrowser(window)
    browser.setPlainText(TOPIC.read_text("utf-8"))
    window.setCentralWidget(browser)
    window.resize(1024, 700)
    painted = _ExitAtPaint(browser)
    browser.viewport().installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
