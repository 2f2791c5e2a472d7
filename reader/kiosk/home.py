"""The kiosk's home page (every topic and its sections as large buttons, and the language
button) and its toolbar of large buttons (Home, Back, Forward, Search, text size, Print, the
language), with the kiosk's style sheet.

Fixed texts are re-translated in place on `QEvent.LanguageChange`; topic and section titles
come from the content and are never translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Topic
from reader.i18n import QT_TRANSLATE_NOOP
from reader.i18n.switcher import language_controller
from reader.kiosk.fonts import scaled_font
from reader.kiosk.language import LanguageButton
from reader.resources import resource_path
from reader.ui import theme
from reader.ui.plaintext import literal_tooltip, plain_label
from reader.ui.toc import TOPIC_ID_ROLE

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


STYLE_SHEET = resource_path("styles", "kiosk.qss")
COLUMNS = 3
BUTTON_HEIGHT = 88


def load_style_sheet() -> str:
    """The kiosk's style sheet (added to the reader's)."""
    return theme.load_style_sheet(STYLE_SHEET)


def topics_of(window: MainWindow) -> list[Topic]:
    """Every topic of the window, in table-of-contents order."""
    model = window.toc.toc_model()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.index(row, 0).data(TOPIC_ID_ROLE) for row in range(model.rowCount())]
    return [topic for topic in map(window.topic, ids) if topic is not None]


class ChoiceButton(QPushButton):
    """A large button whose text wraps onto more lines instead of being cut off."""

    def __init__(self, text: str, tooltip: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.label = plain_label("", self)
        self.set_texts(text, tooltip)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.label)
        self.setMinimumHeight(BUTTON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def set_texts(self, text: str, tooltip: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(literal_tooltip(tooltip))

    def set_label_font(self, font: QFont) -> None:
        self.label.setFont(font)


class KioskHome(QScrollArea):
    """Large buttons for each topic: read from the start, each section, the comparison and the
    references. Choosing one emits `sectionChosen(topic_id, section_id)` ("" = the start) or
    `pageChosen(topic_id, page)` with page "comparison" or "references"."""

    sectionChosen = Signal(str, str)  # noqa: N815 - Qt signal naming
    pageChosen = Signal(str, str)  # noqa: N815
    firstPainted = Signal()  # noqa: N815 - the kiosk's first screen is on the display

    def __init__(self, topics: Sequence[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHome")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons: list[ChoiceButton] = []
        self._choices: list[tuple[ChoiceButton, Topic, str, str]] = []  # button, topic, kind, section id
        self._has_topics = False
        self._topics_now: Callable[[], Sequence[Topic]] | None = None
        self._shown_ids: list[str] = []
        body = QWidget()
        body.setObjectName("kioskHomeBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(20)
        self.title = plain_label("")
        self.title.setObjectName("kioskHomeTitle")
        self.title.setFont(scaled_font(2.2, bold=True))
        self.language_button = LanguageButton()
        self.language_button.setFont(scaled_font(1.5, bold=True))
        heading = QHBoxLayout()  # follows the layout direction: the button is at the line's end
        heading.addWidget(self.title, 1)
        heading.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hint = plain_label("")
        self.hint.setObjectName("kioskHomeHint")
        self.hint.setFont(scaled_font(1.3))
        self.hint.setWordWrap(True)
        layout.addLayout(heading)
        layout.addWidget(self.hint)
        self._groups = QVBoxLayout()  # one group per topic, replaced by set_topics
        self._groups.setContentsMargins(0, 0, 0, 0)
        self._groups.setSpacing(20)
        layout.addLayout(self._groups)
        layout.addStretch(1)
        self.setWidget(body)
        self.viewport().installEventFilter(self)
        self.set_topics(topics)

    def follow_language(self, topics: Callable[[], Sequence[Topic]]) -> None:
        """List `topics()` again at each language change: a topic in two languages shows the
        contents' version, which follows the interface language (the contents re-list first:
        they connected when the window was built)."""
        self._topics_now = topics
        language_controller().changed.connect(self._on_language_changed)

    @Slot(str)
    def _on_language_changed(self, _code: str) -> None:
        if self._topics_now is not None:
            self.set_topics(self._topics_now())

    def set_topics(self, topics: Sequence[Topic]) -> None:
        """Show these topics (the contents' versions: they follow the interface language). The
        same topics again keep their buttons: a language change re-translates them in place."""
        ids = [topic.id for topic in topics]
        if self._groups.count() and ids == self._shown_ids:
            return
        self._shown_ids = ids
        while self._groups.count():
            item = self._groups.takeAt(0)
            group = item.widget() if item is not None else None
            if group is not None:
                group.deleteLater()
        self.buttons, self._choices = [], []
        self._has_topics = bool(topics)
        for topic in topics:
            self._groups.addWidget(self._topic_group(topic))
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("KioskHome", "Home: health topics"))
        self.title.setText(QCoreApplication.translate("KioskHome", "Health topics"))
        if self._has_topics:
            hint = QCoreApplication.translate(
                "KioskHome", "Touch a topic to read it, or use Search to look for a word."
            )
        else:
            hint = QCoreApplication.translate(
                "KioskHome",
                "No health topics are available on this screen at the moment. Please ask at the desk.",
            )
        self.hint.setText(hint)
        for button, topic, kind, section_id in self._choices:
            button.set_texts(*self._choice_texts(topic, kind, section_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.viewport() and event.type() == QEvent.Type.Paint:
            self.viewport().removeEventFilter(self)
            self.firstPainted.emit()
        return super().eventFilter(watched, event)

    def _topic_group(self, topic: Topic) -> QWidget:
        group = QFrame()
        group.setObjectName("kioskTopic")
        layout = QVBoxLayout(group)
        layout.setContentsMargins(0, 16, 0, 0)
        heading = plain_label(topic.title)
        heading.setObjectName("kioskTopicTitle")
        heading.setFont(scaled_font(1.7, bold=True))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setSpacing(16)
        choices = [("start", "")]
        choices += [("section", section.id) for section in topic.sections]
        if topic.comparison is not None:
            choices.append(("comparison", ""))
        if topic.references:
            choices.append(("references", ""))
        for n, (kind, section_id) in enumerate(choices):
            button = self._choice_button(topic, kind, section_id)
            grid.addWidget(button, n // COLUMNS, n % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)  # equal columns, whatever the button texts
        layout.addLayout(grid)
        return group

    @staticmethod
    def _choice_texts(topic: Topic, kind: str, section_id: str) -> tuple[str, str]:
        """The button text and tooltip of one choice, in the current language (titles as written)."""
        if kind == "section":
            title = next(section.title for section in topic.sections if section.id == section_id)
            tip = QCoreApplication.translate("KioskHome", "Read the section “{section}”")
            return title, tip.format(section=title)
        if kind == "comparison":
            return (
                QCoreApplication.translate("KioskHome", "Compare the procedures"),
                QCoreApplication.translate("KioskHome", "See the procedures side by side"),
            )
        if kind == "references":
            return (
                QCoreApplication.translate("KioskHome", "References"),
                QCoreApplication.translate("KioskHome", "See the studies this topic is based on"),
            )
        tip = QCoreApplication.translate("KioskHome", "Read “{topic}” from the beginning")
        return QCoreApplication.translate("KioskHome", "Read from the start"), tip.format(topic=topic.title)

    def _choice_button(self, topic: Topic, kind: str, section_id: str) -> ChoiceButton:
        text, tip = self._choice_texts(topic, kind, section_id)
        button = ChoiceButton(text, tip, f"kioskChoice_{topic.id}_{kind}_{section_id}")
        button.set_label_font(scaled_font(1.3, bold=kind == "start"))
        if kind in ("start", "section"):
            button.clicked.connect(lambda _=False: self.sectionChosen.emit(topic.id, section_id))
        else:
            button.clicked.connect(lambda _=False: self.pageChosen.emit(topic.id, kind))
        self.buttons.append(button)
        self._choices.append((button, topic, kind, section_id))
        return button


Label = str | Callable[[], str]  # marked in the "KioskBar" context, or a function giving the text


def _text(label: Label) -> str:
    return label() if callable(label) else QCoreApplication.translate("KioskBar", label)


class KioskBar(QToolBar):
    """A fixed toolbar of large text-and-icon buttons for the kiosk's actions.

    A button may show a shorter text than its action's: a `Label`, translated here and put back
    whenever the language or the action changes (a changed action resets its button's text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(40, 40))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggleViewAction().setVisible(False)
        self._labels: list[tuple[QAction, QToolButton, Label | None, Label | None]] = []
        self._captions: list[tuple[QLabel, Label]] = []
        self._names: tuple[Label, Label] = (
            QT_TRANSLATE_NOOP("KioskBar", "Kiosk"),
            QT_TRANSLATE_NOOP("KioskBar", "Kiosk toolbar"),
        )
        self.retranslate()

    def set_names(self, title: Label, accessible_name: Label) -> None:
        """The bar's window title and accessible name."""
        self._names = (title, accessible_name)
        self.retranslate()

    def add(self, action: QAction, text: Label | None = None, tooltip: Label | None = None) -> QToolButton:
        """Add `action` as a large button, optionally with a shorter text and its own tooltip."""
        self.addAction(action)
        button = self.widgetForAction(action)
        assert isinstance(button, QToolButton)
        button.setMinimumSize(112, 72)
        button.setFont(scaled_font(1.3))
        self._labels.append((action, button, text, tooltip))
        action.changed.connect(lambda: self._label(action, button, text, tooltip))
        self._label(action, button, text, tooltip)
        return button

    def add_caption(self, text: Label) -> QLabel:
        caption = plain_label(_text(text))
        self._captions.append((caption, text))
        self.addWidget(caption)
        return caption

    def add_language_button(self) -> LanguageButton:
        button = LanguageButton(self)
        button.setFont(scaled_font(1.3, bold=True))
        self.addWidget(button)
        return button

    @staticmethod
    def _label(action: QAction, button: QToolButton, text: Label | None, tooltip: Label | None) -> None:
        if not shiboken6.isValid(button):  # the action outlived this bar
            return
        shown = _text(text) if text else None
        if shown is not None:
            button.setText(shown)
        button.setAccessibleName(shown or action.text().replace("&", "").rstrip("…"))
        button.setToolTip(_text(tooltip) if tooltip else action.toolTip())

    def retranslate(self) -> None:
        """Every text of the bar again, in the current language (and the current state)."""
        title, name = self._names
        self.setWindowTitle(_text(title))
        self.setAccessibleName(_text(name))
        for labelled in self._labels:
            self._label(*labelled)
        for caption, text in self._captions:
            caption.setText(_text(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_spacer(self) -> None:
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
