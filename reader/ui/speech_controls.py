"""The read-aloud toolbar of the window: Listen (with a menu for a section or a sentence),
Pause/Resume, Stop, the speed and the voice. Its buttons are the action table's actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from reader.i18n import QT_TRANSLATE_NOOP
from reader.speech.narrator import Speed
from reader.ui.actions import Actions, plain_text
from reader.ui.plaintext import plain_label
from reader.ui.read_aloud import SPEED_ACTIONS, ReadAloud

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

VOICE_CHARS = 5  # the voice box's width in characters, with room for an icon: as wide as it was at start
SPEED_LABELS = {
    Speed.SLOWER: QT_TRANSLATE_NOOP("SpeechControls", "Slower"),
    Speed.NORMAL: QT_TRANSLATE_NOOP("SpeechControls", "Normal"),
    Speed.FASTER: QT_TRANSLATE_NOOP("SpeechControls", "Faster"),
}


class SpeechControls(QToolBar):
    """Listen / Pause / Stop buttons and the speed and voice choices."""

    def __init__(self, actions: Actions, read_aloud: ReadAloud, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_toolbar")
        self._no_voice_reason = ""
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._actions = actions
        self._read_aloud = read_aloud
        self.listen_button = self._button("listen")
        menu = QMenu(self.listen_button)
        menu.addAction(actions["listen_section"])
        menu.addAction(actions["listen_sentence"])
        self.listen_button.setMenu(menu)
        self.listen_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.pause_button = self._button("pause_speech")
        self.stop_button = self._button("stop_speech")
        self.speed_label, self.speed = self._combo("speed", [s.value for s in Speed])
        self.voice_label, self.voice = self._combo("voice", [])
        # Hundreds of voices with long names arrive after the paint: the box keeps a width of
        # VOICE_CHARS characters whatever it lists, so the toolbar keeps its layout when the style
        # is polished again (the box had gone into the toolbar's "»" overflow then); its list is as
        # wide as the longest name.
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voice.setMinimumContentsLength(VOICE_CHARS)
        self.voice.setEnabled(False)
        self.speed.currentIndexChanged.connect(self._on_speed_chosen)
        for speed, name in SPEED_ACTIONS.items():
            actions[name].toggled.connect(lambda on, s=speed: self._show_speed(s) if on else None)
        self._show_speed(read_aloud.narrator.speed)
        self.voice.activated.connect(self._on_voice_chosen)
        read_aloud.availabilityKnown.connect(self.fill_voices)
        read_aloud.languageMayHaveChanged.connect(self._refill_voices)
        self.retranslate()

    def retranslate(self) -> None:
        """The toolbar's own texts; the buttons' texts are the actions' (reader.ui.actions)."""
        self.setWindowTitle(QCoreApplication.translate("SpeechControls", "Read aloud"))
        self.setAccessibleName(QCoreApplication.translate("SpeechControls", "Read aloud toolbar"))
        self.speed_label.setText(QCoreApplication.translate("SpeechControls", "Speed:"))
        self.speed.setAccessibleName(QCoreApplication.translate("SpeechControls", "Speed"))
        self.speed.setToolTip(QCoreApplication.translate("SpeechControls", "How fast the text is read"))
        for speed, label in SPEED_LABELS.items():
            self.speed.setItemText(
                list(Speed).index(speed), QCoreApplication.translate("SpeechControls", label)
            )
        self.voice_label.setText(QCoreApplication.translate("SpeechControls", "Voice:"))
        self.voice.setAccessibleName(QCoreApplication.translate("SpeechControls", "Voice"))
        self._voice_tip()

    def _voice_tip(self) -> None:
        if self._no_voice_reason:
            tip = QCoreApplication.translate("SpeechControls", "No voice: {reason}")
            self.voice.setToolTip(tip.format(reason=self._no_voice_reason))
        else:
            self.voice.setToolTip(
                QCoreApplication.translate(
                    "SpeechControls", "The voice for this topic's language (remembered)"
                )
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _button(self, name: str) -> QToolButton:
        action = self._actions[name]
        self.addAction(action)
        button = self.widgetForAction(action)
        assert isinstance(button, QToolButton)
        button.setAccessibleName(plain_text(action.text()))
        action.changed.connect(lambda: button.setAccessibleName(plain_text(action.text())))  # a new language
        return button

    def _combo(self, name: str, items: list[str]) -> tuple[QLabel, QComboBox]:
        caption = plain_label("")
        combo = QComboBox()
        combo.setObjectName(f"speech_{name}")
        combo.addItems(items)
        caption.setBuddy(combo)
        self.addSeparator()
        self.addWidget(caption)
        self.addWidget(combo)
        return caption, combo

    def _show_speed(self, speed: Speed) -> None:
        self.speed.blockSignals(True)
        self.speed.setCurrentIndex(list(Speed).index(speed))
        self.speed.blockSignals(False)

    @Slot(int)
    def _on_speed_chosen(self, index: int) -> None:
        self._actions[SPEED_ACTIONS[list(Speed)[index]]].trigger()

    @Slot(str)
    def fill_voices(self, reason: str = "") -> None:
        """The voices of the topic's language; the current one selected."""
        self.voice.clear()
        self._no_voice_reason = reason
        self._voice_tip()
        if reason:
            self.voice.setEnabled(False)
            return
        narrator = self._read_aloud.narrator
        language = self._read_aloud.language()
        names = narrator.voices(language)
        self.voice.addItems(names)
        view = self.voice.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())
        current = narrator.use_language(language)
        if current in names:
            self.voice.setCurrentIndex(names.index(current))
        self.voice.setEnabled(bool(names))

    @Slot()
    def _refill_voices(self) -> None:
        """Another topic may be in another language: its voices (only once an engine is open)."""
        if self._read_aloud.narrator.is_open():
            self.fill_voices()

    @Slot(int)
    def _on_voice_chosen(self, index: int) -> None:
        if index >= 0:
            self._read_aloud.narrator.set_voice(self._read_aloud.language(), self.voice.itemText(index))


def add_read_aloud(window: MainWindow, settings: Settings) -> tuple[ReadAloud, SpeechControls]:
    """Read aloud for a window: the controller and its toolbar, beside the navigation toolbar."""
    read_aloud = ReadAloud(
        window.action_table,
        window.article,
        lambda: window.comparison,
        window.is_comparison_shown,
        settings,
        window,
    )
    controls = SpeechControls(window.action_table, read_aloud, window)
    QMainWindow.addToolBar(window, Qt.ToolBarArea.TopToolBarArea, controls)
    return read_aloud, controls
