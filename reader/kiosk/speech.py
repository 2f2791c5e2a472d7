"""Read aloud in the kiosk: large Listen, Pause, Stop and Speed buttons on the kiosk bar, the
window's own speech toolbar hidden, and speech stopped (speed back to the configured one) when
a visit ends. With `read_aloud: false` the speech actions are switched off instead."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton

from reader.kiosk.config import KioskConfig
from reader.kiosk.home import KioskBar
from reader.speech.narrator import Speed
from reader.ui.actions import SPEECH_ACTIONS, ActionSpec
from reader.ui.main_window import MainWindow
from reader.ui.read_aloud import SPEED_ACTIONS


def allowed_in_kiosk(config: KioskConfig, spec: ActionSpec) -> bool:
    """The kiosk's filter of the action table: speech actions only when read aloud is on."""
    return spec.kiosk and (config.read_aloud or spec.name not in SPEECH_ACTIONS)


class KioskSpeech:
    """The kiosk's read-aloud buttons and its end-of-visit reset."""

    def __init__(self, window: MainWindow, config: KioskConfig) -> None:
        self.window = window
        self.config = config
        self.speed_button: QToolButton | None = None
        window.speech_toolbar.hide()
        window.speech_toolbar.toggleViewAction().setVisible(False)

    def add_buttons(self, bar: KioskBar) -> None:
        if not self.config.read_aloud:
            return
        actions = self.window.action_table
        bar.add(actions["listen"], "Listen")
        bar.add(actions["pause_speech"])
        bar.add(actions["stop_speech"], "Stop")
        menu = QMenu(bar)
        for name in SPEED_ACTIONS.values():
            menu.addAction(actions[name])
        self.speed_button = button = bar.add(menu.menuAction(), "Speed")
        button.setToolTip("Read slower or faster")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for speed, name in SPEED_ACTIONS.items():
            label = f"Speed: {speed.value.capitalize()}"
            actions[name].toggled.connect(lambda on, text=label: button.setText(text) if on else None)
            if actions[name].isChecked():
                button.setText(label)

    def stop(self) -> None:
        """Silence at once (Home, the idle reset, the end of the visit)."""
        self.window.read_aloud.stop()

    def reset(self) -> None:
        """Stopped, and the speed back to the configured one: nothing of the visit carries over."""
        self.stop()
        self.window.read_aloud.set_speed(Speed(self.config.speech_speed))
