"""The reader's main window: table of contents, article / comparison / references pages, the
search panel, menus and toolbar from the action table, history, zoom, theme, printing.

The comparison and references pages and the search panel are built after the first paint
(reader.ui.deferred_views): `finish_building()`, called by the session then, or by the first use
of `comparison`, `references` or `search_panel`.

Kiosk mode hooks in through `action_table.restrict()`, `set_chrome_visible()`,
`set_file_dialogs_allowed()` and `reset_state()`, not through flags inside the views.

Fixed texts follow the interface language: `retranslate()` (on QEvent.LanguageChange) sets the
window's own and those of the parts it builds without subclassing (tabs, docks, actions, menus,
status bar); widgets of our own classes re-translate themselves.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QWidget,
)

from reader.content.errors import ContentError
from reader.content.model import Topic
from reader.content.store import TopicStore
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.actions import Actions, ActionSpec
from reader.ui.article import ArticleView
from reader.ui.deferred_views import (
    COMPARISON_PAGE,
    DeferredViews,
    build_deferred_views,
    stand_in,
)
from reader.ui.empty_pack import render_empty_pack_html
from reader.ui.export_folder import ExportFolder
from reader.ui.handout_commands import HandoutCommands
from reader.ui.hit_navigation import HitNavigator
from reader.ui.language_menu import LanguageMenu
from reader.ui.plaintext import literal_window_title
from reader.ui.problems import ProblemsList, problems_summary
from reader.ui.render import DEFAULT_EVIDENCE_MAX_AGE_YEARS, RenderOptions, section_anchor
from reader.ui.settings import WINDOW_STATE_VERSION, Location, NavigationHistory, Settings, next_zoom
from reader.ui.speech_controls import add_read_aloud
from reader.ui.status_bar import INDEX_FAILED, INDEX_NO_TOPICS, StatusWidgets
from reader.ui.text_zoom import ReadingZoom
from reader.ui.theme import ThemeChoice, ThemeController, app_icon, themed_icon
from reader.ui.toc import TOPIC_ID_ROLE, TocModel, TocView
from reader.ui.topic_language import attach_topic_language
from reader.ui.window_fit import DockWidths, place_window
from reader.ui.window_help import HelpCommands
from reader.ui.window_parts import (
    add_dock,
    interactive_widgets,
    make_pages,
    retranslate_dock,
    retranslate_pages,
)

if TYPE_CHECKING:
    from reader.packs.sources import LoadedPacks
    from reader.ui.comparison import ComparisonView
    from reader.ui.references import ReferencesView
    from reader.ui.search_panel import SearchPanel

log = logging.getLogger(__name__)

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Health Topic Reader")
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
        *,
        packs: LoadedPacks | None = None,  # known before the first topic is shown: it is rendered once
    ) -> None:
        super().__init__(parent)
        self._topics = TopicStore.wrap(topics)  # topics are built lazily: never iterate them all here
        self._topic_order = self._topics.ids()
        self._settings = settings
        self._theme = theme
        self._options = options or WindowOptions()
        self._history = NavigationHistory()
        self.packs: LoadedPacks | None = None  # set by the session: the bundled and installed packs
        self._empty_pack: tuple[Path | None, Sequence[ContentError]] | None = None  # shown instead of topics
        self._views: DeferredViews | None = None  # built after the first paint: finish_building()
        self._search_service: tuple[Any] | None = None  # handed to the search panel once it is built
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.action_table = Actions(self, icon_for=lambda name: themed_icon(name, theme.colors))
        self.handout = HandoutCommands(self, self.current_topic, self._handout_options)
        self.export_folder = ExportFolder(settings)  # where save dialogs start, remembered
        self.handout.export_folder = self.export_folder
        self._build_pages()
        self._build_docks(topics)
        self.reading_zoom = ReadingZoom([self.toc])  # and the deferred views, once built
        self._build_status_bar()
        self._build_menus_and_toolbar()
        self.read_aloud, self.speech_toolbar = add_read_aloud(self, settings)  # reader.ui.read_aloud
        self._connect()
        self._restore_settings()
        if packs is not None:
            self.set_packs(packs)
        self._show_title()  # each part set its own texts when built; retranslate() is for a change
        if self._topic_order:
            self.navigate(self._topic_order[0])
        self.topic_language = attach_topic_language(self, self._topics)  # reader.ui.topic_language
        self.article.setFocus()  # keyboard and screen-reader users start in the text

    # --- construction -------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.article = ArticleView(
            clock=self._options.clock, evidence_max_age_years=self._options.evidence_max_age_years
        )
        self.article.set_colors(self._theme.colors)
        self.pages = make_pages(self.article, stand_in("comparison"), stand_in("references"))
        self.setCentralWidget(self.pages)

    def _build_docks(self, topics: Sequence[Topic]) -> None:
        self.toc = TocView(TocModel(self._topics, self))
        self.toc_dock = add_dock(self, "toc_dock", self.toc, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock = add_dock(
            self, "search_dock", stand_in("search_panel"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.problems = ProblemsList()
        self.problems_dock = add_dock(
            self, "problems_dock", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.problems_dock.hide()
        self.dock_widths = DockWidths(self, self.search_dock, self.toc_dock, preferred=(340, 260))
        self.resizeDocks([self.toc_dock, self.search_dock], [260, 340], Qt.Orientation.Horizontal)

    def resizeDocks(  # noqa: N802 - Qt's name; widths asked for are kept as the window narrows
        self, docks: Sequence[QDockWidget], sizes: Sequence[int], orientation: Qt.Orientation
    ) -> None:
        super().resizeDocks(list(docks), list(sizes), orientation)
        if orientation == Qt.Orientation.Horizontal:
            self.dock_widths.prefer(list(docks), list(sizes))

    def _build_status_bar(self) -> None:
        self.status = StatusWidgets(self.statusBar())
        self.index_label = self.status.index_label  # the names tests and the kiosk know
        self.index_progress = self.status.index_progress
        self.problems_button = self.status.problems_button
        self.zoom_label = self.status.zoom_label
        self.problems_button.clicked.connect(self.problems_dock.show)
        self.hits = HitNavigator(self.article, None, self.status.hit_label)  # + the search field, later

    def _build_menus_and_toolbar(self) -> None:
        menus = self.action_table.fill_menu_bar(self.menuBar())
        view = menus["&View"]
        self.language_menu = LanguageMenu(view, self._settings, self)  # View > Language
        view.addSeparator()
        for dock in (self.toc_dock, self.search_dock, self.problems_dock):
            view.addAction(dock.toggleViewAction())
        self.toolbar = self.action_table.make_toolbar(self)
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
        a["next_hit"].triggered.connect(self.hits.next)
        a["previous_hit"].triggered.connect(self.hits.previous)
        a["print"].triggered.connect(self.print_topic)
        a["print_preview"].triggered.connect(self.print_preview)
        a["export_pdf"].triggered.connect(self.ask_export_pdf)
        a["quit"].triggered.connect(self.close)
        a["install_pack"].triggered.connect(self._install_pack)
        for choice in ThemeChoice:
            a[f"theme_{choice.value}"].triggered.connect(lambda _=False, c=choice: self.set_theme(c))
        self._theme.themeChanged.connect(self._on_theme_changed)
        self.toc.sectionRequested.connect(self._on_toc_requested)
        self.article.linkRequested.connect(self._on_link_requested)
        self.article.currentSectionChanged.connect(self._on_section_read)
        self.article.highlighted.connect(self._on_link_hovered)
        self.help = HelpCommands(self, a, self.article, self.current_topic)  # Copy, Select all, Help

    # --- the views built after the first paint (reader.ui.deferred_views) ------------------------------

    def finish_building(self) -> DeferredViews:
        """Build the comparison and references pages and the search panel, once; returns them."""
        if self._views is None:
            self._views = views = build_deferred_views(self)
            for view in (views.comparison, views.references, views.search_panel):
                self.reading_zoom.add(view)
            self.hits.follow(views.search_panel.field)
            self._connect_views(views)
            if self.article.topic is not None:
                views.comparison.set_topic(self.article.topic)
                views.references.set_topic(self.article.topic)
            if self._search_service is not None:
                views.search_panel.set_service(self._search_service[0])
        return self._views

    @property
    def comparison(self) -> ComparisonView:
        return self.finish_building().comparison

    @property
    def references(self) -> ReferencesView:
        return self.finish_building().references

    @property
    def search_panel(self) -> SearchPanel:
        return self.finish_building().search_panel

    def is_comparison_shown(self) -> bool:
        return self.pages.currentIndex() == COMPARISON_PAGE and self._views is not None

    def _connect_views(self, views: DeferredViews) -> None:
        """The pages and the search panel ask the window to show a place in the article."""
        views.comparison.sourceSelected.connect(self._on_comparison_selected)
        views.comparison.sourceRequested.connect(lambda topic, _section, key: self.navigate(topic, key))
        views.references.citingSentenceRequested.connect(self.show_sentence)
        views.search_panel.resultActivated.connect(self.show_search_result)

    @Slot(str, str, str)
    def _on_comparison_selected(self, topic_id: str, _section_id: str, sentence_key: str) -> None:
        """A cell was selected: get the article ready, stay in the table (the quote panel shows it)."""
        if self.article.topic is not None and self.article.topic.id == topic_id:
            self.article.go_to(sentence_key)

    def retranslate(self) -> None:
        """The window's fixed texts, and those of the parts it built, in the interface language."""
        self._show_title()
        retranslate_pages(self.pages)
        for dock in (self.toc_dock, self.search_dock, self.problems_dock):
            retranslate_dock(dock)
        self.action_table.retranslate()
        self.language_menu.retranslate()
        self.status.retranslate()
        if self._empty_pack is not None:
            self.article.show_placeholder(render_empty_pack_html(*self._empty_pack))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_title(self) -> None:
        """ "Topic — Health Topic Reader", or the reader's name alone before a topic is shown."""
        app = QCoreApplication.translate("MainWindow", APP_TITLE)
        QGuiApplication.setApplicationDisplayName(app)  # some platforms add it to every window title
        topic = self.article.topic
        if topic is None:
            self.setWindowTitle(app)
        else:
            title = QCoreApplication.translate("MainWindow", "{topic} — {app}")
            self.setWindowTitle(literal_window_title(title.format(topic=topic.title, app=app)))

    def _restore_settings(self) -> None:
        place_window(self, self._settings.window_geometry())  # a saved size only if it fits the screen
        state = self._settings.window_state()
        if state is not None and self.restoreState(state, WINDOW_STATE_VERSION):
            self.dock_widths.keep_restored_widths()
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
        self.hits.clear()  # a new topic's page has no marks yet
        if self._views is not None:  # else they are built showing it
            self._views.comparison.set_topic(topic)
            self._views.references.set_topic(topic)
        self.pages.setTabEnabled(COMPARISON_PAGE, topic.comparison is not None)
        self._show_title()
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
        first = self._first_listed()
        if first is not None:
            self.navigate(first)

    def _first_listed(self) -> str | None:
        """The first topic of the contents: in the interface language's version when a topic has
        two (reader.ui.topic_language lists those), else the first topic of the packs."""
        model = self.toc.toc_model()
        if model.rowCount() > 0:
            listed = model.index(0, 0).data(TOPIC_ID_ROLE)
            if isinstance(listed, str):
                return listed
        return self._topic_order[0] if self._topic_order else None

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
        self.status.show_message(lambda: self.article.describe_link(url))

    @Slot(str, str, list, str)
    def show_search_result(self, topic_id: str, section_id: str, terms: list[str], anchor: str = "") -> None:
        """Open a search hit: show its section, or the place it points at (the reference a clinician
        looked up, or a sentence citing it, selected), and mark every hit term in the page."""
        if anchor:
            self.navigate(topic_id, anchor)
        else:
            self.navigate(topic_id, section_anchor(section_id) if section_id else "")
        count = self.hits.mark([str(t) for t in terms])
        self.status.show_message(lambda: marked_text(count), STATUS_TIMEOUT_MS)

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
        self._search_service = (service,)
        if self._views is not None:
            self._views.search_panel.set_service(service)

    def wait_for_searches(self) -> None:
        """Let searches running in the panel's pool finish (none before the panel is built)."""
        if self._views is not None:
            self._views.search_panel.runner.wait()

    def _install_pack(self) -> None:
        from reader.ui.pack_install import ask_install_pack  # loaded when a pack is first installed

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
        self.topic_language.set_topics(self._topics)
        if current is not None and self._topics.get(current.id) is not None:
            self.navigate(current.id, record=False)
        elif (first := self._first_listed()) is not None:
            self.navigate(first)

    def set_packs(self, packs: LoadedPacks) -> None:
        """The content packs shown: their names go into the credits and Help > About."""
        self.packs = packs
        self.help.packs = packs
        self.article.set_pack_labels({topic_id: s.label for topic_id, s in packs.topic_sources.items()})

    def set_index_status(self, source: str, *, busy: bool = False) -> None:
        """Show the index state: one of reader.ui.status_bar's INDEX_* (English, translated there)."""
        self.status.set_index_status(source, busy=busy)

    def set_zoom(self, percent: int, *, persist: bool = True) -> None:
        self.article.set_zoom(percent)
        self.reading_zoom.apply(self.article.zoom)  # every reading view, not the article alone
        self.status.set_zoom(self.article.zoom)
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
        self._empty_pack = (pack, errors)
        self.article.show_placeholder(render_empty_pack_html(pack, errors))
        self.set_index_status(INDEX_NO_TOPICS)
        self.search_panel.set_unavailable(
            lambda: QCoreApplication.translate("MainWindow", "No topics to search"),
            lambda: QCoreApplication.translate("MainWindow", "This content pack has no topic to show."),
        )

    def show_search_unavailable(self, reason: str) -> None:
        """The search index could not be prepared: say so (with `reason`, e.g. an OSError's text,
        which is not translated) in the status bar and the search panel; reading goes on."""
        self.set_index_status(INDEX_FAILED)
        self.search_panel.set_unavailable(
            lambda: QCoreApplication.translate("MainWindow", "Search is not available"), lambda: reason
        )
        self.status.show_message(
            lambda: QCoreApplication.translate("MainWindow", "Search is not available: {reason}").format(
                reason=reason
            )
        )

    def show_content_errors(self, errors: Sequence[ContentError]) -> None:
        """List files that could not be loaded; the reader keeps going with the good ones."""
        self.problems.set_errors(errors)
        self.status.set_problems(lambda: problems_summary(errors))

    # --- printing (reader.ui.handout) -------------------------------------------------------------------

    def _handout_options(self) -> RenderOptions:
        topic = self.current_topic()
        return RenderOptions(
            today=self._options.clock(),
            evidence_max_age_years=self._options.evidence_max_age_years,
            pack=self.article.pack_of(topic.id) if topic is not None else None,
            citation_style=self.references.model.citation_style(),  # the handout cites as the panel does
        )

    def export_pdf(self, path: Path) -> None:
        """Write the current topic as a PDF handout to `path` (no dialog)."""
        self.handout.export_pdf(path)

    @Slot()
    def ask_export_pdf(self) -> None:
        self.handout.ask_export_pdf()

    @Slot()
    def print_topic(self) -> None:
        self.handout.print_topic()

    @Slot()
    def print_preview(self) -> None:
        self.handout.print_preview()

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
        self.handout.file_dialogs_allowed = allowed
        self.action_table["export_pdf"].setVisible(allowed)
        self.action_table["export_pdf"].setEnabled(allowed)
        self.references.set_file_dialogs_allowed(allowed)

    def reset_state(self) -> None:
        """Back to a fresh start: first topic at the top, no search, marks, history, zoom, status
        message or citation style of the last visit."""
        self.finish_building()  # a kiosk has them from its start; resetting them too must not be skipped
        self.search_panel.clear()
        self.hits.clear()
        self.set_zoom(100, persist=False)
        self._history.clear()
        self.statusBar().clearMessage()
        self.references.reset_citation_style()
        if (first := self._first_listed()) is not None:
            self.navigate(first)
        self.pages.setCurrentWidget(self.article)

    # --- closing ---------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._settings.save_window(self.saveGeometry(), self.saveState(WINDOW_STATE_VERSION))
        self._settings.sync()
        super().closeEvent(event)

    def interactive_widgets(self) -> list[QWidget]:
        """Every visible widget a user can focus or press (used by the accessibility tests), the
        views built after the first paint included."""
        self.finish_building()
        return interactive_widgets(self)


def marked_text(count: int) -> str:
    """What the status bar says when a search hit is opened: how many matches were marked."""
    if count:
        return QCoreApplication.translate(
            "MainWindow",
            "%n matches marked in this topic. Press F3 for the next, Shift+F3 for the previous.",
            "",
            count,
        )
    return QCoreApplication.translate("MainWindow", "No matches marked in this topic.")
