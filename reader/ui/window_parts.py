"""Building blocks of the main window that need no window state: the pages tab widget (article,
comparison, references), a named dock, and the list of controls a user can focus or press.

Their fixed texts are set by `retranslate_pages` and `retranslate_dock`, which the window calls
again when the interface language changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QTabWidget, QWidget

from reader.i18n import QT_TRANSLATE_NOOP

_PAGES = (
    (
        QT_TRANSLATE_NOOP("WindowParts", "&Article"),
        QT_TRANSLATE_NOOP("WindowParts", "Read the topic"),
    ),
    (
        QT_TRANSLATE_NOOP("WindowParts", "&Compare procedures"),
        QT_TRANSLATE_NOOP("WindowParts", "The procedures side by side; each value links to its sentence"),
    ),
    (
        QT_TRANSLATE_NOOP("WindowParts", "&References"),
        QT_TRANSLATE_NOOP("WindowParts", "The topic's references: copy or export citations"),
    ),
)


@dataclass(frozen=True)
class DockTexts:
    """A dock's fixed texts, each a whole sentence (English sources, context "WindowParts")."""

    title: str
    name: str  # for screen readers
    toggle: str  # the View menu's show/hide action
    detach: str  # Qt's float button on the title bar
    close: str  # Qt's close button on the title bar


DOCKS = {
    "toc_dock": DockTexts(
        QT_TRANSLATE_NOOP("WindowParts", "Contents"),
        QT_TRANSLATE_NOOP("WindowParts", "Contents panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Show or hide the contents panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Detach the contents panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Close the contents panel"),
    ),
    "search_dock": DockTexts(
        QT_TRANSLATE_NOOP("WindowParts", "Search"),
        QT_TRANSLATE_NOOP("WindowParts", "Search panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Show or hide the search panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Detach the search panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Close the search panel"),
    ),
    "problems_dock": DockTexts(
        QT_TRANSLATE_NOOP("WindowParts", "Content problems"),
        QT_TRANSLATE_NOOP("WindowParts", "Content problems panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Show or hide the content problems panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Detach the content problems panel"),
        QT_TRANSLATE_NOOP("WindowParts", "Close the content problems panel"),
    ),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("WindowParts", source)


def make_pages(article: QWidget, comparison: QWidget, references: QWidget) -> QTabWidget:
    """The three pages in a tab widget, each tab with its tooltip; the tab bar named for screen readers."""
    pages = QTabWidget()
    pages.setObjectName("pages")
    pages.setDocumentMode(True)
    for page in (article, comparison, references):
        pages.addTab(page, "")
    retranslate_pages(pages)
    return pages


def retranslate_pages(pages: QTabWidget) -> None:
    """The tabs' titles and tooltips and the tab bar's name in the interface language."""
    pages.setAccessibleName(QCoreApplication.translate("WindowParts", "Pages"))
    pages.setToolTip(
        QCoreApplication.translate(
            "WindowParts", "The article, the comparison of procedures and the references"
        )
    )
    for index, (title, tip) in enumerate(_PAGES):
        pages.setTabText(index, _tr(title))
        pages.setTabToolTip(index, _tr(tip))
    bar = pages.tabBar()
    bar.setAccessibleName(QCoreApplication.translate("WindowParts", "Pages"))
    bar.setToolTip(
        QCoreApplication.translate(
            "WindowParts", "Switch between the article, the comparison and the references (Ctrl+Tab)"
        )
    )


def add_dock(window: QMainWindow, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    """The dock `name` (a key of DOCKS) holding `widget`, named for screen readers, added to `window`."""
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    retranslate_dock(dock)
    return dock


def retranslate_dock(dock: QDockWidget) -> None:
    """The dock's title, names and tooltips (its title-bar buttons' too) in the interface language."""
    texts = DOCKS[dock.objectName()]
    dock.setWindowTitle(_tr(texts.title))
    dock.setAccessibleName(_tr(texts.name))
    dock.toggleViewAction().setToolTip(_tr(texts.toggle))
    for button in dock.findChildren(QAbstractButton):  # Qt's float and close buttons come unnamed
        if "float" in button.objectName():
            text = _tr(texts.detach)
        elif "close" in button.objectName():
            text = _tr(texts.close)
        else:
            continue
        button.setAccessibleName(text)
        button.setToolTip(text)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every visible widget under `root` a user can focus or press (used by the accessibility tests)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and (isinstance(w, QAbstractButton) or w.focusPolicy() != Qt.FocusPolicy.NoFocus)
    ]
