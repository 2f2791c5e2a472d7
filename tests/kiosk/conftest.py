"""Fixtures for the kiosk tests: no system-wide kiosk file can leak in, and a real main window
in kiosk mode (its app-wide filters removed again afterwards)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.content.model import Topic
from reader.kiosk.config import KioskConfig
from reader.kiosk.mode import KioskSession, apply_kiosk
from reader.kiosk.pin import hash_pin
from reader.search.service import Hit
from reader.search.service import SearchResult as Result  # the real types: a fake cannot drift
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import PINNED_TODAY

PIN = "482913"
TOPIC = "vertebroplasty-kyphoplasty"


@pytest.fixture(autouse=True)
def _private_system_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG_CONFIG_DIRS (normally /etc/xdg) at an empty temp dir."""
    system = tmp_path_factory.mktemp("etc-xdg")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    return system


class FakeSearch:
    """The shape of reader.search's SearchService: one answer, and completions for "ball"."""

    def search(self, query: str, limit: int = 20) -> Result:
        hits = ()
        if query.strip() == "balloon":
            hits = (
                Hit(
                    TOPIC,
                    "Vertebroplasty and Kyphoplasty",
                    "kyphoplasty",
                    "Kyphoplasty",
                    1.0,
                    "The doctor inflates the <mark>balloon</mark>.",
                    ("balloon",),
                ),
            )
        return Result(query, None, len(hits), hits)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return ["balloon", "ballooning"][:limit] if "balloon".startswith(prefix.casefold()) else []


@pytest.fixture
def service() -> FakeSearch:
    return FakeSearch()


@pytest.fixture(scope="session")
def pin_hash() -> str:
    return hash_pin(PIN)


@dataclass
class FakeClock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Kiosk:
    """A kiosk window and what the test needs to steer and observe it."""

    window: MainWindow
    session: KioskSession
    clock: FakeClock
    exits: list[int] = field(default_factory=list)


def start_kiosk(
    qtbot, topics: list[Topic], tmp_path: Path, config: KioskConfig, second_ms: int = 1000
) -> Kiosk:
    theme = ThemeController(ThemeChoice.LIGHT)
    theme.apply()
    settings = Settings(tmp_path / "reader.ini", persistent=False)
    window = MainWindow(topics, settings, theme, WindowOptions(clock=lambda: PINNED_TODAY))
    theme.setParent(window)
    qtbot.addWidget(window)
    clock = FakeClock()
    exits: list[int] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    session = apply_kiosk(window, app, config, second_ms=second_ms, clock=clock, on_exit=exits.append)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return Kiosk(window, session, clock, exits)


@pytest.fixture
def kiosk_config(pin_hash: str) -> KioskConfig:
    return KioskConfig(enabled=True, pin_hash=pin_hash)


@pytest.fixture
def kiosk(qtbot, bundled_topic: Topic, tmp_path: Path, kiosk_config: KioskConfig) -> Iterator[Kiosk]:
    running = start_kiosk(qtbot, [bundled_topic], tmp_path, kiosk_config)
    yield running
    running.session.stop()
