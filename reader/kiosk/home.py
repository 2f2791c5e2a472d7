"""The kiosk's home page (every topic and its sections as large buttons) and its toolbar of
large buttons (Home, Back, Forward, Search, text size, Print).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.content.model import Topic
from reader.kiosk.fonts import scaled_font
from reader.ui.plaintext import literal_tooltip, plain_label

HOME_TITLE = "Health topics"
HOME_HINT = "Touch a topic to read it, or use Search to look for a word."
NO_TOPICS_HINT = "No health topics are available on this screen at the moment. Please ask at the desk."
COLUMNS = 3
BUTTON_HEIGHT = 88


class ChoiceButton(QPushButton):
    """A large button whose text wraps onto more lines instead of being cut off."""

    def __init__(self, text: str, tooltip: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setToolTip(literal_tooltip(tooltip))
        self.setAccessibleName(text)
        self.label = plain_label(text, self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.label)
        self.setMinimumHeight(BUTTON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

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
        self.setAccessibleName("Home: health topics")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons: list[ChoiceButton] = []
        body = QWidget()
        body.setObjectName("kioskHomeBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(20)
        title = plain_label(HOME_TITLE)
        title.setObjectName("kioskHomeTitle")
        title.setFont(scaled_font(2.2, bold=True))
        hint = plain_label(HOME_HINT if topics else NO_TOPICS_HINT)
        hint.setObjectName("kioskHomeHint")
        hint.setFont(scaled_font(1.3))
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        for topic in topics:
            layout.addWidget(self._topic_group(topic))
        layout.addStretch(1)
        self.setWidget(body)
        self.viewport().installEventFilter(self)

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
        choices = [("Read from the start", "start", "")]
        choices += [(section.title, "section", section.id) for section in topic.sections]
        if topic.comparison is not None:
            choices.append(("Compare the procedures", "comparison", ""))
        if topic.references:
            choices.append(("References", "references", ""))
        for n, (text, kind, section_id) in enumerate(choices):
            button = self._choice_button(topic, text, kind, section_id)
            grid.addWidget(button, n // COLUMNS, n % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)  # equal columns, whatever the button texts
        layout.addLayout(grid)
        return group

    def _choice_button(self, topic: Topic, text: str, kind: str, section_id: str) -> ChoiceButton:
        tips = {
            "start": f"Read “{topic.title}” from the beginning",
            "section": f"Read the section “{text}”",
            "comparison": "See the procedures side by side",
            "references": "See the studies this topic is based on",
        }
        button = ChoiceButton(text, tips[kind], f"kioskChoice_{topic.id}_{kind}_{section_id}")
        button.set_label_font(scaled_font(1.3, bold=kind == "start"))
        if kind in ("start", "section"):
            button.clicked.connect(lambda _=False: self.sectionChosen.emit(topic.id, section_id))
        else:
            button.clicked.connect(lambda _=False: self.pageChosen.emit(topic.id, kind))
        self.buttons.append(button)
        return button


class KioskBar(QToolBar):
    """A fixed toolbar of large text-and-icon buttons for the kiosk's actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Kiosk", parent)
        self.setObjectName("kioskBar")
        self.setAccessibleName("Kiosk toolbar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(40, 40))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggleViewAction().setVisible(False)

    def add(self, action: QAction, text: str | None = None) -> QToolButton:
        """Add `action` as a large button (optionally with shorter text than the menu's)."""
        self.addAction(action)
        button = self.widgetForAction(action)
        assert isinstance(button, QToolButton)
        if text is not None:
            button.setText(text)
        button.setAccessibleName(text or action.text().replace("&", "").rstrip("…"))
        button.setToolTip(action.toolTip())
        button.setMinimumSize(112, 72)
        button.setFont(scaled_font(1.3))
        return button

    def add_spacer(self) -> None:
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
