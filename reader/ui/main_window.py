"""The reader's main window: table of contents, article / comparison / references pages, the
search panel, menus and toolbar from the action table, history, zoom, theme, printing.

Kiosk mode hooks in through `action_table.restrict()`, `set_chrome_visible()`,
`set_file_dialogs_allowed()` and `reset_state()`, not through flags inside the views.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QListView,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from reader.content.errors import ContentError
from reader.content.model import Topic
from reader.content.store import TopicStore
from reader.ui.about import show_about
from reader.ui.actions import Actions, ActionSpec
from reader.ui.article import ArticleView
from reader.ui.comparison import ComparisonView
from reader.ui.empty_pack import render_empty_pack_html
from reader.ui.pack_install import ask_install_pack
from reader.ui.plaintext import literal_window_title, plain_label
from reader.ui.references import ReferencesView
from reader.ui.render import (
    DEFAULT_EVIDENCE_MAX_AGE_YEARS,
    RenderOptions,
    ask_pdf_path,
    handout_document,
    preview,
    print_with_dialog,
    section_anchor,
    write_pdf,
)
from reader.ui.search_panel import SearchPanel
from reader.ui.settings import WINDOW_STATE_VERSION, Location, NavigationHistory, Settings, next_zoom
from reader.ui.theme import ThemeChoice, ThemeController, app_icon, themed_icon
from reader.ui.toc import TocModel, TocView

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks

log = logging.getLogger(__name__)

APP_TITLE = "Health Topic Reader"
STATUS_TIMEOUT_MS = 6000


@dataclass(frozen=True)
class WindowOptions:
    """What the window is told from outside: the clock (tests pin it) and the evidence age."""

    clock: Callable[[], dt.date] = dt.date.today
    evidence_max_age_years: int = DEFAULT_EVIDENCE_MAX_AGE_YEARS


class MainWindow(QMainWindow):
    """One window over a list of topics. Navigation goes through `navigate()` and is recorded."""

    packsChanged = Signal()  # noqa: N815 - a pack was installed from the window: the session reloads

    def __init__(
        self,
        topics: Sequence[Topic],
        settings: Settings,
        theme: ThemeController,
        options: WindowOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._topics = TopicStore.wrap(topics)  # topics are built lazily: never iterate them all here
        self._topic_order = self._topics.ids()
        self._settings = settings
        self._theme = theme
        self._options = options or WindowOptions()
        self._history = NavigationHistory()
        self._file_dialogs_allowed = True
        self.packs: LoadedPacks | None = None  # set by the session: the bundled and installed packs
        self.setObjectName("main_window")
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.action_table = Actions(self, icon_for=lambda name: themed_icon(name, theme.colors))
        self._build_pages()
        self._build_docks(topics)
        self._build_status_bar()
        self._build_menus_and_toolbar()
        self._connect()
        self._restore_settings()
        if self._topic_order:
            self.navigate(self._topic_order[0])
        _name_dock_buttons(self.toc_dock, self.search_dock, self.problems_dock)
        self.article.setFocus()  # keyboard and screen-reader users start in the text

    # --- construction -------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.article = ArticleView(
            clock=self._options.clock, evidence_max_age_years=self._options.evidence_max_age_years
        )
        self.article.set_colors(self._theme.colors)
        self.comparison = ComparisonView()
        self.references = ReferencesView()
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.setAccessibleName("Pages")
        self.pages.setToolTip("The article, the comparison of procedures and the references")
        self.pages.addTab(self.article, "&Article")
        self.pages.addTab(self.comparison, "&Compare procedures")
        self.pages.addTab(self.references, "&References")
        self.pages.setTabToolTip(0, "Read the topic")
        self.pages.setTabToolTip(1, "The procedures side by side; each value links to its sentence")
        self.pages.setTabToolTip(2, "The topic's references: copy or export citations")
        bar = self.pages.tabBar()
        bar.setAccessibleName("Pages")
        bar.setToolTip("Switch between the article, the comparison and the references (Ctrl+Tab)")
        self.setCentralWidget(self.pages)

    def _build_docks(self, topics: Sequence[Topic]) -> None:
        self.toc = TocView(TocModel(self._topics, self))
        self.toc_dock = self._dock("toc_dock", "Contents", self.toc, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_panel = SearchPanel()
        self.search_dock = self._dock(
            "search_dock", "Search", self.search_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.problems = ProblemsList()
        self.problems_dock = self._dock(
            "problems_dock", "Content problems", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.problems_dock.hide()
        self.resizeDocks([self.toc_dock, self.search_dock], [260, 340], Qt.Orientation.Horizontal)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        dock.toggleViewAction().setToolTip(f"Show or hide the {title.lower()} panel")
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.index_label = plain_label("")
        self.index_label.setAccessibleName("Search index status")
        self.index_progress = QProgressBar()
        self.index_progress.setAccessibleName("Search index progress")
        self.index_progress.setRange(0, 0)  # busy indicator
        self.index_progress.setMaximumWidth(120)
        self.index_progress.hide()
        self.problems_button = QToolButton()
        self.problems_button.setAccessibleName("Show content problems")
        self.problems_button.setToolTip("Some topic files could not be loaded: show why")
        self.problems_button.clicked.connect(self.problems_dock.show)
        self.problems_button.hide()
        self.zoom_label = plain_label("")
        self.zoom_label.setAccessibleName("Text size")
        for label in (self.index_label, self.zoom_label):
            label.setContentsMargins(8, 0, 8, 0)
        for widget in (self.problems_button, self.index_label, self.index_progress, self.zoom_label):
            bar.addPermanentWidget(widget)

    def _build_menus_and_toolbar(self) -> None:
        menus = self.action_table.fill_menu_bar(self.menuBar())
        view = menus["&View"]
        view.addSeparator()
        for dock in (self.toc_dock, self.search_dock, self.problems_dock):
            view.addAction(dock.toggleViewAction())
        self.toolbar = self.action_table.make_toolbar("Navigation", self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _connect(self) -> None:
        a = self.action_table
        a["back"].triggered.connect(self.go_back)
        a["forward"].triggered.connect(self.go_forward)
        a["home"].triggered.connect(self.go_home)
        a["zoom_in"].triggered.connect(lambda: self.set_zoom(next_zoom(self.article.zoom, +1)))
        a["zoom_out"].triggered.connect(lambda: self.set_zoom(next_zoom(self.article.zoom, -1)))
        a["zoom_reset"].triggered.connect(lambda: self.set_zoom(100))
        a["find"].triggered.connect(self.focus_search)
        a["next_hit"].triggered.connect(self.article.next_hit)
        a["previous_hit"].triggered.connect(self.article.previous_hit)
        a["print"].triggered.connect(self.print_topic)
        a["print_preview"].triggered.connect(self.print_preview)
        a["export_pdf"].triggered.connect(self.ask_export_pdf)
        a["quit"].triggered.connect(self.close)
        a["install_pack"].triggered.connect(self._install_pack)
        a["about"].triggered.connect(lambda: show_about(self, self.packs))
        for choice in ThemeChoice:
            a[f"theme_{choice.value}"].triggered.connect(lambda _=False, c=choice: self.set_theme(c))
        self._theme.themeChanged.connect(self._on_theme_changed)
        self.toc.sectionRequested.connect(self._on_toc_requested)
        self.article.linkRequested.connect(self._on_link_requested)
        self.article.currentSectionChanged.connect(self._on_section_read)
        self.article.highlighted.connect(self._on_link_hovered)
        self._connect_views()

    def _connect_views(self) -> None:
        """The pages and the search panel ask the window to show a place in the article."""
        self.comparison.sourceRequested.connect(self._on_comparison_source)
        self._browsing = _KeyboardBrowsing(self.comparison.table)
        self.references.citingSentenceRequested.connect(self.show_sentence)
        self.search_panel.resultActivated.connect(self.show_search_result)

    @Slot(str, str, str)
    def _on_comparison_source(self, topic_id: str, _section_id: str, sentence_key: str) -> None:
        if self._browsing.active:  # arrowing through cells: get the article ready, stay in the table
            self.article.go_to(sentence_key)
            return
        self.navigate(topic_id, sentence_key)

    def _restore_settings(self) -> None:
        geometry = self._settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self._settings.window_state()
        if state is not None:
            self.restoreState(state, WINDOW_STATE_VERSION)
        self.set_zoom(self._settings.zoom, persist=False)
        self.action_table[f"theme_{self._theme.choice.value}"].setChecked(True)

    # --- navigation --------------------------------------------------------------------------------

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def current_topic(self) -> Topic | None:
        return self.article.topic

    def navigate(self, topic_id: str, anchor: str = "", *, record: bool = True) -> bool:
        """Show `anchor` ("" = the start, a section/reference anchor or a sentence key) of a topic."""
        topic = self._topics.get(topic_id)
        if topic is None:
            log.warning("no topic %r", topic_id)
            return False
        if record:
            self._history.remember_scroll(self.article.verticalScrollBar().value())
        self._show_topic(topic)
        self.pages.setCurrentWidget(self.article)
        found = self.article.go_to(anchor)
        if record:
            self._history.visit(Location(topic_id, anchor))
        self._update_history_actions()
        return found

    def _show_topic(self, topic: Topic) -> None:
        if self.article.topic is topic:
            return
        self.article.show_topic(topic)
        self.comparison.set_topic(topic)
        self.references.set_topic(topic)
        self.pages.setTabEnabled(self.pages.indexOf(self.comparison), topic.comparison is not None)
        self.setWindowTitle(literal_window_title(f"{topic.title} — {APP_TITLE}"))
        self.toc.expand(self.toc.toc_model().index_for(topic.id))
        self.toc.set_current(topic.id)

    def _restore(self, location: Location | None) -> None:
        if location is None:
            return
        topic = self._topics.get(location.topic_id)
        if topic is None:
            return
        self._show_topic(topic)
        self.pages.setCurrentWidget(self.article)
        self.article.go_to(location.anchor)
        if location.scroll is not None:
            self.article.verticalScrollBar().setValue(location.scroll)
        self._update_history_actions()

    @Slot()
    def go_back(self) -> None:
        self._history.remember_scroll(self.article.verticalScrollBar().value())
        self._restore(self._history.back())

    @Slot()
    def go_forward(self) -> None:
        self._history.remember_scroll(self.article.verticalScrollBar().value())
        self._restore(self._history.forward())

    @Slot()
    def go_home(self) -> None:
        if self._topic_order:
            self.navigate(self._topic_order[0])

    def _update_history_actions(self) -> None:
        self.action_table["back"].setEnabled(self._history.can_go_back())
        self.action_table["forward"].setEnabled(self._history.can_go_forward())

    @Slot(str, str)
    def _on_toc_requested(self, topic_id: str, section_id: str) -> None:
        self.navigate(topic_id, section_anchor(section_id) if section_id else "")

    @Slot(str)
    def _on_link_requested(self, anchor: str) -> None:
        if self.article.topic is not None:
            self.navigate(self.article.topic.id, anchor)

    @Slot(str)
    def _on_section_read(self, section_id: str) -> None:
        if self.article.topic is not None:
            self.toc.set_current(self.article.topic.id, section_id)

    @Slot(QUrl)
    def _on_link_hovered(self, url: QUrl) -> None:
        self.statusBar().showMessage(self.article.describe_link(url))

    @Slot(str, str, list, str)
    def show_search_result(self, topic_id: str, section_id: str, terms: list[str], anchor: str = "") -> None:
        """Open a search hit: show its section, or the place it points at (the reference a clinician
        looked up, or a sentence citing it, selected), and mark every hit term in the page."""
        if anchor:
            self.navigate(topic_id, anchor)
        else:
            self.navigate(topic_id, section_anchor(section_id) if section_id else "")
        count = self.article.highlight_terms([str(t) for t in terms])
        hint = " Press F3 for the next, Shift+F3 for the previous." if count else ""
        self.statusBar().showMessage(f"{count} matches marked in this topic.{hint}", STATUS_TIMEOUT_MS)

    @Slot(str, str)
    def show_sentence(self, topic_id: str, sentence_key: str) -> None:
        self.navigate(topic_id, sentence_key)

    # --- search, zoom, theme ----------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_search()

    def set_search_service(self, service: Any) -> None:
        """Hand the ready search service to the panel (None: "preparing the index")."""
        self.search_panel.set_service(service)

    def _install_pack(self) -> None:
        if ask_install_pack(self, self.packs):
            self.packsChanged.emit()

    def replace_topics(self, topics: Sequence[Topic]) -> None:
        """Show another set of topics (packs installed meanwhile), staying on the topic being read."""
        current = self.current_topic()
        self._topics = TopicStore.wrap(topics)
        self._topic_order = self._topics.ids()
        old = self.toc.model()
        self.toc.setModel(TocModel(self._topics, self))
        old.deleteLater()
        if current is not None and self._topics.get(current.id) is not None:
            self.navigate(current.id, record=False)
        elif self._topic_order:
            self.navigate(self._topic_order[0])

    def set_packs(self, packs: LoadedPacks) -> None:
        """The content packs shown: their names go into the credits and Help > About."""
        self.packs = packs
        self.article.set_pack_labels({topic_id: s.label for topic_id, s in packs.topic_sources.items()})

    def set_index_status(self, message: str, *, busy: bool = False) -> None:
        self.index_label.setText(message)
        self.index_progress.setVisible(busy)

    def set_zoom(self, percent: int, *, persist: bool = True) -> None:
        self.article.set_zoom(percent)
        self.zoom_label.setText(f"Text size {self.article.zoom}%")
        self.action_table["zoom_reset"].setEnabled(self.article.zoom != 100)
        if persist:
            self._settings.zoom = self.article.zoom

    def set_theme(self, choice: ThemeChoice) -> None:
        self._settings.theme = choice
        self.action_table[f"theme_{choice.value}"].setChecked(True)
        self._theme.set_choice(choice)

    @Slot(str)
    def _on_theme_changed(self, _name: str) -> None:
        self.article.set_colors(self._theme.colors)
        self.action_table.refresh_icons(lambda name: themed_icon(name, self._theme.colors))

    # --- content problems ----------------------------------------------------------------------------

    def show_empty_pack(self, pack: Path | None, errors: Sequence[ContentError]) -> None:
        """No topic to show: say where the reader looked and how to add a pack, instead of a blank page."""
        self.article.show_placeholder(render_empty_pack_html(pack, errors))
        self.set_index_status("No topics to search")
        self.search_panel.set_unavailable("No topics to search", "This content pack has no topic to show.")

    def show_content_errors(self, errors: Sequence[ContentError]) -> None:
        """List files that could not be loaded; the reader keeps going with the good ones."""
        self.problems.set_errors(errors)
        bad = len({e.path for e in errors if e.severity == "error"})
        if bad:
            self.problems_button.setText(f"{bad} file{'s' if bad != 1 else ''} not loaded")
            self.problems_button.show()
        elif errors:
            self.problems_button.setText(f"{len(errors)} content warning{'s' if len(errors) != 1 else ''}")
            self.problems_button.show()

    # --- printing --------------------------------------------------------------------------------------

    def _handout(self) -> Any:
        topic = self.current_topic()
        assert topic is not None
        options = RenderOptions(
            today=self._options.clock(),
            evidence_max_age_years=self._options.evidence_max_age_years,
            pack=self.article.pack_of(topic.id),
        )
        return handout_document(topic, options)

    def export_pdf(self, path: Path) -> None:
        """Write the current topic as a PDF handout to `path` (no dialog)."""
        topic = self.current_topic()
        if topic is not None:
            write_pdf(self._handout(), path, topic.title)

    @Slot()
    def ask_export_pdf(self) -> None:
        """Ask where to save the handout (laptops), then write it and say so in the status bar."""
        topic = self.current_topic()
        path = ask_pdf_path(self, topic.id) if topic is not None and self._file_dialogs_allowed else None
        if path is None:
            return
        try:
            self.export_pdf(path)
        except OSError as exc:
            self.statusBar().showMessage(
                f"Could not save {path.name}: {exc.strerror or exc}", STATUS_TIMEOUT_MS
            )
            return
        self.statusBar().showMessage(f"Saved {path}", STATUS_TIMEOUT_MS)

    @Slot()
    def print_topic(self) -> None:
        print_with_dialog(self, self._handout())

    @Slot()
    def print_preview(self) -> None:
        preview(self, self._handout())

    # --- kiosk hooks ---------------------------------------------------------------------------------

    def restrict_actions(self, allowed: Callable[[ActionSpec], bool]) -> list[str]:
        """Switch off the actions `allowed` refuses (kiosk: `lambda spec: spec.kiosk`)."""
        return self.action_table.restrict(allowed)

    def set_chrome_visible(self, visible: bool) -> None:
        """Show or hide the menu bar, toolbar and dock title bars (kiosk mode hides them)."""
        self.menuBar().setVisible(visible)
        self.toolbar.setVisible(visible)
        for dock in (self.toc_dock, self.search_dock):
            dock.setTitleBarWidget(None if visible else QWidget(dock))  # type: ignore[arg-type]
        self.problems_dock.setVisible(visible and self.problems.count() > 0)

    def set_file_dialogs_allowed(self, allowed: bool) -> None:
        self._file_dialogs_allowed = allowed
        self.action_table["export_pdf"].setVisible(allowed)
        self.action_table["export_pdf"].setEnabled(allowed)
        self.references.set_file_dialogs_allowed(allowed)

    def reset_state(self) -> None:
        """Back to a fresh start: first topic at the top, no search, marks, history, zoom, status
        message or citation style of the last visit."""
        self.search_panel.clear()
        self.article.clear_highlights()
        self.set_zoom(100, persist=False)
        self._history.clear()
        self.statusBar().clearMessage()
        self.references.reset_citation_style()
        if self._topic_order:
            self.navigate(self._topic_order[0])
        self.pages.setCurrentWidget(self.article)

    # --- closing ---------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._settings.save_window(self.saveGeometry(), self.saveState(WINDOW_STATE_VERSION))
        self._settings.sync()
        super().closeEvent(event)

    def interactive_widgets(self) -> list[QWidget]:
        """Every visible widget a user can focus or press (used by the accessibility test)."""
        return [
            w
            for w in self.findChildren(QWidget)
            if w.isVisibleTo(self)
            and (isinstance(w, QAbstractButton) or w.focusPolicy() != Qt.FocusPolicy.NoFocus)
        ]


class ProblemsList(QListView):
    """Topic files that could not be loaded, one `file:line: field: message` per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setObjectName("problems")
        self.setAccessibleName("Content problems")
        self.setToolTip("Topic files that could not be loaded, with the line and field at fault")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_errors(self, errors: Sequence[ContentError]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([str(error) for error in errors])

    def count(self) -> int:
        return self.model().rowCount()


class _KeyboardBrowsing(QObject):
    """Knows whether a navigation key is being handled in a view (moving, not choosing)."""

    KEYS = frozenset(
        {
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        }
        | {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}
    )

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.active = False
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent):
            self.active = event.type() == QEvent.Type.KeyPress and Qt.Key(event.key()) in self.KEYS
        return False


def _name_dock_buttons(*docks: QDockWidget) -> None:
    """Qt's float and close buttons on dock title bars come without names or tooltips."""
    for dock in docks:
        title = dock.windowTitle().lower()
        for button in dock.findChildren(QAbstractButton):
            if "float" in button.objectName():
                text = f"Detach the {title} panel"
            elif "close" in button.objectName():
                text = f"Close the {title} panel"
            else:
                continue
            button.setAccessibleName(text)
            button.setToolTip(text)
