"""Building blocks of the main window that need no window state: the pages tab widget (article,
comparison, references), a named dock, and the list of controls a user can focus or press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QTabWidget, QWidget

_PAGES = (
    ("&Article", "Read the topic"),
    ("&Compare procedures", "The procedures side by side; each value links to its sentence"),
    ("&References", "The topic's references: copy or export citations"),
)


def make_pages(article: QWidget, comparison: QWidget, references: QWidget) -> QTabWidget:
    """The three pages in a tab widget, each tab with its tooltip; the tab bar named for screen readers."""
    pages = QTabWidget()
    pages.setObjectName("pages")
    pages.setDocumentMode(True)
    pages.setAccessibleName("Pages")
    pages.setToolTip("The article, the comparison of procedures and the references")
    for index, (page, (title, tip)) in enumerate(zip((article, comparison, references), _PAGES, strict=True)):
        pages.addTab(page, title)
        pages.setTabToolTip(index, tip)
    bar = pages.tabBar()
    bar.setAccessibleName("Pages")
    bar.setToolTip("Switch between the article, the comparison and the references (Ctrl+Tab)")
    return pages


def add_dock(
    window: QMainWindow, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    """A dock holding `widget`, named for screen readers, added to `window` in `area`."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setAccessibleName(f"{title} panel")
    dock.toggleViewAction().setToolTip(f"Show or hide the {title.lower()} panel")
    window.addDockWidget(area, dock)
    return dock


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every visible widget under `root` a user can focus or press (used by the accessibility tests)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and (isinstance(w, QAbstractButton) or w.focusPolicy() != Qt.FocusPolicy.NoFocus)
    ]
