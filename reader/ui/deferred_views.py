"""The views a first paint does not need: the comparison and references pages and the search
panel. The window starts with empty stand-ins in their places (the tabs and the search dock are
there, titled, from the first paint) and builds the views right after the topic is painted, or
the first time anything asks for one (a shortcut, the kiosk, a test), whichever comes first.

Their modules are imported here, when they are built, not when the window's module is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from reader.ui.comparison import ComparisonView
    from reader.ui.main_window import MainWindow
    from reader.ui.references import ReferencesView
    from reader.ui.search_panel import SearchPanel

COMPARISON_PAGE, REFERENCES_PAGE = 1, 2  # the article is page 0 (reader.ui.window_parts.make_pages)


@dataclass(frozen=True)
class DeferredViews:
    comparison: ComparisonView
    references: ReferencesView
    search_panel: SearchPanel


def stand_in(name: str) -> QWidget:
    """An empty widget holding a view's place until the view is built."""
    widget = QWidget()
    widget.setObjectName(f"{name}_stand_in")
    return widget


def build_deferred_views(window: MainWindow) -> DeferredViews:
    """Build the views and put them in their places in `window`, showing its current topic."""
    from reader.ui.comparison import ComparisonView
    from reader.ui.references import ReferencesView
    from reader.ui.search_panel import SearchPanel

    views = DeferredViews(ComparisonView(), ReferencesView(), SearchPanel())
    views.references.export_folder = window.export_folder
    _replace_page(window.pages, COMPARISON_PAGE, views.comparison)
    _replace_page(window.pages, REFERENCES_PAGE, views.references)
    old = window.search_dock.widget()
    window.search_dock.setWidget(views.search_panel)
    if old is not None:
        old.deleteLater()
    return views


def _replace_page(pages: QTabWidget, index: int, view: QWidget) -> None:
    """Put `view` in the tab of its stand-in, keeping the tab's texts, state and the current page."""
    current = pages.currentIndex()
    old = pages.widget(index)
    text, tip, enabled = pages.tabText(index), pages.tabToolTip(index), pages.isTabEnabled(index)
    pages.blockSignals(True)  # removing the tab would report a page change that does not happen
    pages.removeTab(index)
    pages.insertTab(index, view, text)
    pages.setTabToolTip(index, tip)
    pages.setTabEnabled(index, enabled)
    pages.setCurrentIndex(current)
    pages.blockSignals(False)
    if current == index:  # someone was on the stand-in's tab: the page shown is new
        pages.currentChanged.emit(current)
    if old is not None:
        old.deleteLater()
