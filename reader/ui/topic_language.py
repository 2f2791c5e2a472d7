"""Honest about content language: a bar above the article that says when a topic is not in the
interface language and offers the topic's other-language versions, and the window's side of it
(the table of contents lists each topic once, in the interface language when the pack has it;
changing the interface language shows the current topic's version in that language).

Topic text is never translated here: versions are the publisher's own (`translation_of`, see
reader.content.translations). Fixed texts follow the interface language; an offer to read another
version is written in that version's language ("Leer este tema en español"), as a patient looks
for their own language's name.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Topic
from reader.content.store import TopicStore
from reader.content.translations import Translations, Version, base_language
from reader.i18n.switcher import language_controller
from reader.ui.plaintext import plain_label

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# An offer to read a version, written in the version's own language (not translated by the
# interface: a reader of that language is the one who must recognise it).
OFFERS: dict[str, str] = {"en": "Read this topic in English", "es": "Leer este tema en español"}


def language_name(tag: str) -> str:
    """A language's name in that language: "es" -> "español", "en" -> "English"."""
    name = QLocale(tag.replace("-", "_")).nativeLanguageName()
    return name or tag


def offer_text(tag: str) -> str:
    """The offer to read a version in language `tag`, in that language: a sentence for the
    languages we know how to say it in, else the language's own name ("français")."""
    return OFFERS.get(base_language(tag)) or language_name(tag)


class TopicLanguageBar(QFrame):
    """The notice and the offers for the topic being read; hidden when there is nothing to say."""

    versionRequested = Signal(str)  # noqa: N815 - a topic id: show this version

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicLanguageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice = plain_label("", self)
        self.notice.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.notice, 1)
        self._layout.addStretch()  # offers keep their size at the trailing end when there is no notice
        self.buttons: list[QPushButton] = []
        self._topic_language = ""
        self._interface = "en"
        self._others: list[Version] = []
        self.hide()

    def show_for(self, topic: Topic, others: Sequence[Version], interface: str) -> None:
        """Say what fits `topic` for a reader of the `interface` language; offer `others`."""
        self._topic_language, self._interface = topic.language, interface
        self._others = list(others)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for version in self._others:
            button = QPushButton(offer_text(version.language), self)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.setProperty("topicId", version.topic_id)
            button.setProperty("language", version.language)
            button.clicked.connect(lambda _=False, v=version.topic_id: self.versionRequested.emit(v))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.retranslate()

    def notice_shown(self) -> bool:
        """Whether the bar says the topic is not available in the interface language."""
        return not self.notice.isHidden() and bool(self.notice.text())

    def retranslate(self) -> None:
        text = self._notice_text()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice.setAccessibleName(text)
        tip = QCoreApplication.translate(
            "TopicLanguageBar", "Show this topic as its publisher wrote it in that language"
        )
        for button in self.buttons:
            button.setToolTip(tip)
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(tip)
        self.setAccessibleName(QCoreApplication.translate("TopicLanguageBar", "Language of this topic"))
        self.setVisible(bool(text) or bool(self.buttons))

    def _notice_text(self) -> str:
        """The notice when the topic is not in the interface language and has no version in it."""
        if not self._topic_language or base_language(self._topic_language) == base_language(self._interface):
            return ""
        if any(base_language(v.language) == base_language(self._interface) for v in self._others):
            return ""  # the reader chose another version: the offer back is enough
        if base_language(self._topic_language) == "en":
            return QCoreApplication.translate("TopicLanguageBar", "This topic is available in English only.")
        return QCoreApplication.translate("TopicLanguageBar", "This topic is not available in your language.")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TopicLanguage(QObject):
    """The window's content-language behaviour: the bar above the pages, one table-of-contents
    entry per topic, and the version that follows the interface language."""

    def __init__(self, window: MainWindow, topics: Sequence[Topic]) -> None:
        super().__init__(window)
        self._window = window
        self._topics = TopicStore.wrap(topics)
        self._translations = Translations(self._topics)
        self.bar = TopicLanguageBar()
        self._put_above_pages(window)
        self.bar.versionRequested.connect(self._show_version)
        window.article.topicShown.connect(self._on_topic_shown)
        language_controller().changed.connect(self._on_language_changed)
        self._list_topics()
        self._follow_language()

    def _put_above_pages(self, window: QMainWindow) -> None:
        pages = window.takeCentralWidget()
        assert pages is not None
        holder = QWidget(window)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(pages, 1)
        window.setCentralWidget(holder)

    def set_topics(self, topics: Sequence[Topic]) -> None:
        """Another set of topics (packs installed): group them again, list them again."""
        self._topics = TopicStore.wrap(topics)
        self._translations = Translations(self._topics)
        self._list_topics()
        self._follow_language()

    def _list_topics(self) -> None:
        from reader.ui.toc import TocModel  # the window's own model, over the topics to list

        listed = self._translations.listed(language_controller().current)
        toc = self._window.toc
        if listed is self._topics and toc.toc_model().topic_count() == len(self._topics):
            return
        old = toc.model()
        toc.setModel(TocModel(listed, self._window))
        old.deleteLater()
        current = self._window.current_topic()
        if current is not None:
            toc.set_current(current.id)

    def _follow_language(self) -> None:
        """Show the current topic's version in the interface language, if the pack has one."""
        current = self._window.current_topic()
        if current is None:
            return
        wanted = self._translations.in_language(current.id, language_controller().current)
        if wanted is not None and wanted != current.id:
            self._window.navigate(wanted, record=False)
        else:
            self._on_topic_shown(current.id)

    @Slot(str)
    def _on_topic_shown(self, topic_id: str) -> None:
        topic = self._window.current_topic()
        if topic is None or topic.id != topic_id:
            return
        self.bar.show_for(topic, self._translations.others(topic_id), language_controller().current)

    @Slot(str)
    def _show_version(self, topic_id: str) -> None:
        self._window.navigate(topic_id)

    @Slot(str)
    def _on_language_changed(self, _code: str) -> None:
        self._list_topics()
        self._follow_language()


def attach_topic_language(window: MainWindow, topics: Sequence[Topic]) -> TopicLanguage:
    """Give the window its content-language behaviour (called once it is built)."""
    return TopicLanguage(window, topics)
