"""When the focus ring style (reader.ui.focus_style) takes over from the plain Fusion a start
draws its first frame with.

The ring style costs a start ~15 ms (its Python drawing calls, its module, the QStyle enums) and
draws nothing in the first frame: it rings the control that has the keyboard focus, and at start
that is the article, which draws its own ring from its style sheet. Installing a style re-polishes
every widget; the article, re-polished while it has the focus, would lay its text out inside the
2 px border of its `:focus` rule instead of the 1 px one it was laid out with at start (its text
would move by a pixel). So the style is installed at once when the article does not have the
focus, else as soon as the focus leaves it: before anything else can show a focus ring.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QWidget


def use_focus_ring_style() -> None:
    """Make the focus ring style the application's, once."""
    from reader.ui.focus_style import FocusRingStyle

    if not isinstance(QApplication.style(), FocusRingStyle):
        QApplication.setStyle(FocusRingStyle("Fusion"))


def use_focus_ring_style_once_free(article: QWidget) -> None:
    """Install the ring style now, or when the focus leaves `article` if it has it now."""
    if not isinstance(QApplication.instance(), QApplication) or not article.hasFocus():
        use_focus_ring_style()
    else:
        _WhenFocusLeaves(article)


class _WhenFocusLeaves(QObject):
    """Installs the ring style at the first focus change that leaves the article. A child of the
    article: closed with its window first, it is gone with it, and its connection too."""

    def __init__(self, article: QWidget) -> None:
        super().__init__(article)
        self._article = article
        _app().focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._article.hasFocus():
            return
        _app().focusChanged.disconnect(self._on_focus_changed)
        use_focus_ring_style()
        self.deleteLater()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
