"""A pseudo-language for tests: every string that goes through Qt's translation comes out
wrapped in «…», so a test can see which visible strings were marked for translation and that a
widget re-translated itself on `QEvent.LanguageChange`, without a compiled catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

OPEN, CLOSE = "«", "»"


class PseudoTranslator(QTranslator):
    """Translates every message to «source», with %n filled in as Qt does for plurals."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        del context, disambiguation
        text = source.replace("%n", str(n)) if n >= 0 else source
        return f"{OPEN}{text}{CLOSE}"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def is_pseudo(text: str) -> bool:
    """Whether `text` came through the pseudo-language (it may be embedded in longer text)."""
    return OPEN in text and CLOSE in text


@contextmanager
def pseudo_language() -> Iterator[PseudoTranslator]:
    """Install the pseudo-language for the block (sends LanguageChange), then remove it."""
    app = QCoreApplication.instance()
    assert app is not None, "needs a QApplication (use the qapp or qtbot fixture)"
    translator = PseudoTranslator()
    app.installTranslator(translator)
    try:
        QCoreApplication.processEvents()
        yield translator
    finally:
        app.removeTranslator(translator)
        QCoreApplication.processEvents()
