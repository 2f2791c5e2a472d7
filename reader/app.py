"""Wires the parts together and runs the Qt application."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.cli import content_dir
    from reader.content import load_content

    app = QApplication.instance() or QApplication(sys.argv[:1])
    result = load_content(content_dir(args))
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    browser.setPlainText(
        "\n\n".join(f"{t.title}\n\n{s.title}\n{s.text}" for t in result.topics for s in t.sections)
    )
    browser.resize(900, 700)
    browser.show()
    return app.exec()
