"""Read aloud in the kiosk: a bar of large Listen, Pause, Stop and Speed buttons along the
bottom of the screen (the top bar has no room left at 1920 px), the window's own speech
toolbar hidden, and speech stopped (speed back to the configured one) when a visit ends.
With `read_aloud: false` the speech actions are switched off and there is no bar. The bar's
texts follow the interface language (see `KioskBar`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from reader.i18n import QT_TRANSLATE_NOOP
from reader.kiosk.config import KioskConfig
from reader.kiosk.fonts import scaled_font
from reader.kiosk.home import KioskBar
from reader.speech.narrator import Speed
from reader.ui.actions import SPEECH_ACTIONS, ActionSpec
from reader.ui.main_window import MainWindow
from reader.ui.read_aloud import SPEED_ACTIONS


def speed_label(speed: Speed) -> str:
    """The Speed button's text for `speed`, in the current language."""
    names = {
        Speed.SLOWER: QCoreApplication.translate("KioskSpeech", "Speed: Slower"),
        Speed.NORMAL: QCoreApplication.translate("KioskSpeech", "Speed: Normal"),
        Speed.FASTER: QCoreApplication.translate("KioskSpeech", "Speed: Faster"),
    }
    return names[speed]


def allowed_in_kiosk(config: KioskConfig, spec: ActionSpec) -> bool:
    """The kiosk's filter of the action table: speech actions only when read aloud is on."""
    return spec.kiosk and (config.read_aloud or spec.name not in SPEECH_ACTIONS)


class KioskSpeech:
    """The kiosk's read-aloud buttons and its end-of-visit reset."""

    def __init__(self, window: MainWindow, config: KioskConfig) -> None:
        self.window = window
        self.config = config
        self.speed_button: QToolButton | None = None
        self.bar: KioskBar | None = None
        window.speech_toolbar.hide()
        window.speech_toolbar.toggleViewAction().setVisible(False)

    def widgets(self) -> tuple[QWidget, ...]:
        """The kiosk's own widgets, for its style sheet."""
        return (self.bar,) if self.bar is not None else ()

    def add_bar(self) -> None:
        """The read-aloud bar at the bottom of the window (nothing with `read_aloud: false`)."""
        if not self.config.read_aloud:
            return
        actions = self.window.action_table
        self.bar = bar = KioskBar(self.window)
        bar.setObjectName("kioskSpeechBar")
        bar.set_names(
            QT_TRANSLATE_NOOP("KioskBar", "Read aloud"), QT_TRANSLATE_NOOP("KioskBar", "Read aloud toolbar")
        )
        caption = bar.add_caption(QT_TRANSLATE_NOOP("KioskBar", "Listen to the topic:"))
        caption.setObjectName("kioskSpeechCaption")
        caption.setFont(scaled_font(1.1))
        bar.add(actions["listen"], QT_TRANSLATE_NOOP("KioskBar", "Listen"))
        bar.add(actions["pause_speech"])
        bar.add(actions["stop_speech"], QT_TRANSLATE_NOOP("KioskBar", "Stop"))
        menu = QMenu(bar)
        for name in SPEED_ACTIONS.values():
            menu.addAction(actions[name])
        self.speed_button = button = bar.add(
            menu.menuAction(), self._speed_text, QT_TRANSLATE_NOOP("KioskBar", "Read slower or faster")
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for name in SPEED_ACTIONS.values():
            actions[name].toggled.connect(lambda on: bar.retranslate() if on else None)
        self.window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)

    def _speed_text(self) -> str:
        """The Speed button's text: the speed chosen, or just "Speed" before one is."""
        actions = self.window.action_table
        for speed, name in SPEED_ACTIONS.items():
            if actions[name].isChecked():
                return speed_label(speed)
        return QCoreApplication.translate("KioskBar", "Speed")

    def stop(self) -> None:
        """Silence at once (Home, the idle reset, the end of the visit)."""
        self.window.read_aloud.stop()

    def reset(self) -> None:
        """Stopped, and the speed back to the configured one: nothing of the visit carries over."""
        self.stop()
        self.window.read_aloud.set_speed(Speed(self.config.speech_speed))
        self.window.read_aloud.refresh_controls()
