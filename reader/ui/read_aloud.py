"""Read aloud in the window: the speech actions of the action table, the narrator behind them,
and the highlight of the sentence being spoken in the article.

Built by the window with a few lines; the kiosk adds its large buttons through `reader.kiosk.speech`.
QtTextToSpeech is imported only by `probe()` (deferred until after the first paint) or the first
Listen, never at start-up; so are the speech engine, the scripts and the lexicon modules.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader.resources import BUNDLED_CONTENT_DIR
from reader.speech.narrator import Narrator, NarratorState, Speed

if TYPE_CHECKING:
    from reader.content.model import Topic
    from reader.speech.lexicon import Lexicon
    from reader.speech.script import Script
    from reader.ui.actions import Actions
    from reader.ui.article import ArticleView
    from reader.ui.comparison import ComparisonView
    from reader.ui.settings import Settings

log = logging.getLogger(__name__)

ENGINE_VARIABLE = "HEALTH_READER_SPEECH_ENGINE"  # an engine by name (tests: "mock"); "" = the best
STATUS_MS = 10_000  # how long a message about speech stays in the status bar
PROBE_DELAY_MS = 1500  # after the first paint: whether Listen can work, before anyone presses it
LISTEN_ACTIONS = ("listen", "listen_section", "listen_sentence")
SPEED_ACTIONS = {Speed.SLOWER: "speech_slower", Speed.NORMAL: "speech_normal", Speed.FASTER: "speech_faster"}


class ReadAloud(QObject):
    """Connects the speech actions to a narrator, and the narrator to the article and comparison."""

    availabilityKnown = Signal(str)  # noqa: N815 - "" when speech works, else why not
    languageMayHaveChanged = Signal()  # noqa: N815 - another topic is shown

    def __init__(
        self,
        actions: Actions,
        article: ArticleView,
        comparison: Callable[[], ComparisonView],  # the window's, built after the first paint
        is_comparison_shown: Callable[[], bool],
        memory: Settings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._article = article
        self._comparison = comparison
        self._is_comparison_shown = is_comparison_shown
        self._memory = memory
        self.narrator = Narrator(os.environ.get(ENGINE_VARIABLE, ""), memory, self)
        self._lexicons: dict[str, Lexicon] = {}
        self._probed = False
        self._probe_timer = QTimer(self)  # a child: a closed window never probes
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self.probe)
        self._connect()
        self._show_state(NarratorState.IDLE.value)

    def _connect(self) -> None:
        a = self._actions
        a["listen"].triggered.connect(self.listen)
        a["listen_section"].triggered.connect(self.listen_section)
        a["listen_sentence"].triggered.connect(self.listen_sentence)
        a["pause_speech"].triggered.connect(self.narrator.toggle_pause)
        a["stop_speech"].triggered.connect(self.stop)
        for speed, name in SPEED_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, s=speed: self.set_speed(s))
        self.set_speed(Speed(self._memory.speech_speed) if self._memory is not None else Speed.NORMAL)
        self.narrator.utteranceStarted.connect(self._on_utterance)
        self.narrator.stateChanged.connect(self._show_state)
        self.narrator.failed.connect(self._on_failed)
        self._article.firstPainted.connect(self._probe_later)
        self._article.topicShown.connect(self._on_topic_shown)

    # --- availability ----------------------------------------------------------------------------

    @Slot()
    def _probe_later(self) -> None:
        if not self._probed and self._actions["listen"].isEnabled():  # not in a kiosk without it
            self._probe_timer.start(PROBE_DELAY_MS)

    @Slot()
    def probe(self) -> str:
        """Open the engine now; when there is none, disable Listen and say why. Returns the reason."""
        self._probed = True
        self._probe_timer.stop()
        reason = self.narrator.unavailableReason()
        if reason:
            self._disable(reason)
            self._tell(
                QCoreApplication.translate("ReadAloud", "Read aloud is off: {reason}").format(reason=reason)
            )  # once, for whoever sets the machine up
        self.availabilityKnown.emit(reason)
        return reason

    def _disable(self, reason: str) -> None:
        def tip() -> str:
            why = QCoreApplication.translate("ReadAloud", "Reading aloud is not available: {reason}")
            return why.format(reason=reason)

        for name in (*LISTEN_ACTIONS, "pause_speech", "stop_speech"):
            self._actions[name].setEnabled(False)
            self._actions.override_tooltip(name, tip)  # said again in a new language

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        if self.narrator.unavailableReason():
            self._disable(reason)
        self._tell(
            QCoreApplication.translate("ReadAloud", "Reading aloud stopped: {reason}").format(reason=reason)
        )

    def _tell(self, message: str) -> None:
        window = self._article.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_MS)

    # --- what to say -------------------------------------------------------------------------------

    def _lexicon(self, topic: Topic) -> Lexicon:
        from reader.speech.lexicon import Lexicon, lexicon_for_topic_file  # speech modules: at first use

        path = lexicon_for_topic_file(topic.source_path, BUNDLED_CONTENT_DIR / "synonyms.yaml")
        key = str(path)
        if key not in self._lexicons:
            self._lexicons[key] = Lexicon.load(path)
        return self._lexicons[key]

    @Slot()
    def listen(self) -> bool:
        """The selected comparison row when the comparison is shown, else the article from the
        section being read on."""
        from reader.speech.script import article_script, comparison_row_script

        topic = self._article.topic
        if topic is None:
            return False
        if self._is_comparison_shown():
            comparison = self._comparison()
            found = comparison.model.cell_at(comparison.table.currentIndex())
            if found is not None:
                return self.speak(comparison_row_script(topic, found[0].id, self._lexicon(topic)))
        return self.speak(article_script(topic, self._article.current_section(), self._lexicon(topic)))

    @Slot()
    def listen_section(self) -> bool:
        from reader.speech.script import section_script

        topic = self._article.topic
        section = self._article.current_section() or (
            topic.sections[0].id if topic and topic.sections else ""
        )
        return topic is not None and self.speak(section_script(topic, section, self._lexicon(topic)))

    @Slot()
    def listen_sentence(self) -> bool:
        from reader.speech.script import sentence_script

        topic = self._article.topic
        key = self.sentence_at_cursor()
        return (
            topic is not None and bool(key) and self.speak(sentence_script(topic, key, self._lexicon(topic)))
        )

    def sentence_at_cursor(self) -> str:
        """The key of the sentence holding the article's cursor (or its selection's start), or ""."""
        topic = self._article.topic
        if topic is None:
            return ""
        position = self._article.textCursor().selectionStart()
        for section in topic.sections:
            for sentence in section.sentences():
                start = self._article.anchor_position(sentence.key)
                if start is not None and start <= position <= start + len(sentence.text):
                    return sentence.key
        return ""

    def speak(self, script: Script) -> bool:
        if not self._probed:
            self.probe()
        return self.narrator.speak(script)

    def language(self) -> str:
        topic = self._article.topic
        return topic.language if topic is not None else "en"

    @Slot()
    def stop(self) -> None:
        self.narrator.stop()

    def set_speed(self, speed: Speed) -> None:
        self.narrator.set_speed(speed)
        self._actions[SPEED_ACTIONS[speed]].setChecked(True)
        if self._memory is not None:
            self._memory.speech_speed = speed.value

    # --- following along ----------------------------------------------------------------------------

    @Slot(int, str, str)
    def _on_utterance(self, _index: int, anchor: str, _text: str) -> None:
        from reader.speech.script import Kind

        script = self.narrator.script
        topic = self._article.topic
        if script is None or topic is None or topic.id != script.topic_id:
            self.stop()  # the reader went to another topic: what is said would not match the page
            return
        utterance = self.narrator.current()
        if utterance is None or not anchor or utterance.kind is Kind.ROW:
            return
        if utterance.kind is Kind.HEADING:
            self._article.scroll_to_section(anchor)
        else:
            self._article.select_sentence(anchor)  # marked and kept in view

    @Slot(str)
    def _on_topic_shown(self, topic_id: str) -> None:
        script = self.narrator.script
        if script is not None and script.topic_id != topic_id:
            self.stop()
        self.languageMayHaveChanged.emit()

    def refresh_controls(self) -> None:
        """Pause and Stop enabled only while speaking (after a kiosk's restrict() enabled all)."""
        self._show_state(self.narrator.state.value)

    @Slot(str)
    def _show_state(self, state: str) -> None:
        busy = state != NarratorState.IDLE.value
        pause: QAction = self._actions["pause_speech"]
        paused = state == NarratorState.PAUSED.value
        resume = (lambda: QCoreApplication.translate("ReadAloud", "&Resume")) if paused else None
        self._actions.override_text("pause_speech", resume)  # None: the table's "Pause"
        if not self.narrator.known_problem():  # once disabled for a reason, they stay so
            pause.setEnabled(busy)
            self._actions["stop_speech"].setEnabled(busy)
