"""The one table of user actions: text, standard shortcuts, tooltip, icon, and whether
the action is allowed in kiosk mode. Menus, toolbars and the kiosk lockdown all read it.

Texts, tooltips and menu titles are English sources marked for translation (context "Actions");
`Actions.retranslate()` sets them in the interface language (the window calls it on LanguageChange).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from reader.i18n import QT_TRANSLATE_NOOP

Key = QKeySequence.StandardKey
Text = Callable[[], str]  # makes a text in the interface language of the moment
Shortcut = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One action a user can take. `kiosk` says whether a kiosk may offer it."""

    name: str
    text: str
    tooltip: str
    shortcuts: tuple[Shortcut, ...] = ()
    kiosk: bool = False
    icon: str | None = None  # file stem in resources/icons/
    checkable: bool = False
    group: str | None = None  # checkable actions of one group exclude each other


ACTION_SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "print",
        QT_TRANSLATE_NOOP("Actions", "&Print…"),
        QT_TRANSLATE_NOOP("Actions", "Print this topic as a patient handout"),
        (Key.Print,),
        icon="document-print",
    ),
    ActionSpec(
        "print_preview",
        QT_TRANSLATE_NOOP("Actions", "Print pre&view…"),
        QT_TRANSLATE_NOOP("Actions", "See the handout as it will print"),
        ("Ctrl+Shift+P",),
    ),
    ActionSpec(
        "export_pdf",
        QT_TRANSLATE_NOOP("Actions", "&Export as PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Save this topic as a PDF handout"),
        ("Ctrl+Shift+E",),
        icon="document-export",
    ),
    ActionSpec(
        "install_pack",
        QT_TRANSLATE_NOOP("Actions", "&Install content pack…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Check a signed content pack file (e.g. from a USB stick) and install it"
        ),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close the reader"),
        (Key.Quit, "Ctrl+Q"),
    ),
    # Edit
    ActionSpec(
        "copy",
        QT_TRANSLATE_NOOP("Actions", "&Copy"),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected text"),
        (Key.Copy,),
    ),
    ActionSpec(
        "select_all",
        QT_TRANSLATE_NOOP("Actions", "Select &all"),
        QT_TRANSLATE_NOOP("Actions", "Select all the text of the view you are in"),
        (Key.SelectAll,),
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        QT_TRANSLATE_NOOP("Actions", "Search all topics"),
        (Key.Find,),
        kiosk=True,
        icon="edit-find",
    ),
    ActionSpec(
        "next_hit",
        QT_TRANSLATE_NOOP("Actions", "Find &next"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next search match in the topic"),
        (Key.FindNext, "F3"),
        True,
    ),
    ActionSpec(
        "previous_hit",
        QT_TRANSLATE_NOOP("Actions", "Find pre&vious"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous search match in the topic"),
        (Key.FindPrevious, "Shift+F3"),
        kiosk=True,
    ),
    # Go
    ActionSpec(
        "back",
        QT_TRANSLATE_NOOP("Actions", "&Back"),
        QT_TRANSLATE_NOOP("Actions", "Go back to where you were"),
        (Key.Back,),
        kiosk=True,
        icon="go-back",
    ),
    ActionSpec(
        "forward",
        QT_TRANSLATE_NOOP("Actions", "&Forward"),
        QT_TRANSLATE_NOOP("Actions", "Go forward again"),
        (Key.Forward,),
        kiosk=True,
        icon="go-forward",
    ),
    ActionSpec(
        "home",
        QT_TRANSLATE_NOOP("Actions", "&Home"),
        QT_TRANSLATE_NOOP("Actions", "Go to the start of the first topic"),
        ("Alt+Home",),
        kiosk=True,
        icon="go-home",
    ),
    # View
    ActionSpec(
        "zoom_in",
        QT_TRANSLATE_NOOP("Actions", "Zoom &in"),
        QT_TRANSLATE_NOOP("Actions", "Make the text larger"),
        (Key.ZoomIn, "Ctrl+="),
        kiosk=True,
        icon="zoom-in",
    ),
    ActionSpec(
        "zoom_out",
        QT_TRANSLATE_NOOP("Actions", "Zoom &out"),
        QT_TRANSLATE_NOOP("Actions", "Make the text smaller"),
        (Key.ZoomOut,),
        kiosk=True,
        icon="zoom-out",
    ),
    ActionSpec(
        "zoom_reset",
        QT_TRANSLATE_NOOP("Actions", "&Normal size"),
        QT_TRANSLATE_NOOP("Actions", "Show the text at its normal size"),
        ("Ctrl+0",),
        True,
        "zoom-reset",
    ),
    ActionSpec(
        "theme_system",
        QT_TRANSLATE_NOOP("Actions", "Follow the &system"),
        QT_TRANSLATE_NOOP("Actions", "Use the system's light or dark setting"),
        (),
        False,
        None,
        True,
        "theme",
    ),
    ActionSpec(
        "theme_light",
        QT_TRANSLATE_NOOP("Actions", "&Light"),
        QT_TRANSLATE_NOOP("Actions", "Dark text on a light background"),
        (),
        False,
        None,
        True,
        "theme",
    ),
    ActionSpec(
        "theme_dark",
        QT_TRANSLATE_NOOP("Actions", "&Dark"),
        QT_TRANSLATE_NOOP("Actions", "Light text on a dark background"),
        (),
        False,
        None,
        True,
        "theme",
    ),
    # Speak (reader.ui.read_aloud; a kiosk offers them only when its read_aloud setting is on)
    ActionSpec(
        "listen",
        QT_TRANSLATE_NOOP("Actions", "&Listen"),
        QT_TRANSLATE_NOOP(
            "Actions", "Read aloud from the section being read (on the comparison: the selected row)"
        ),
        ("Ctrl+Shift+L",),
        kiosk=True,
        icon="speech-listen",
    ),
    ActionSpec(
        "listen_section",
        QT_TRANSLATE_NOOP("Actions", "Listen to this &section"),
        QT_TRANSLATE_NOOP("Actions", "Read aloud the section being read"),
        ("Ctrl+Alt+L",),
    ),
    ActionSpec(
        "listen_sentence",
        QT_TRANSLATE_NOOP("Actions", "Listen to the se&ntence"),
        QT_TRANSLATE_NOOP("Actions", "Read aloud the sentence at the cursor"),
        ("Alt+Shift+L",),
    ),
    ActionSpec(
        "pause_speech",
        QT_TRANSLATE_NOOP("Actions", "&Pause"),
        QT_TRANSLATE_NOOP("Actions", "Pause or resume reading aloud"),
        ("Ctrl+Shift+Space",),
        True,
        "speech-pause",
    ),
    ActionSpec(
        "stop_speech",
        QT_TRANSLATE_NOOP("Actions", "S&top"),
        QT_TRANSLATE_NOOP("Actions", "Stop reading aloud"),
        ("Ctrl+Shift+X",),
        kiosk=True,
        icon="speech-stop",
    ),
    ActionSpec(
        "speech_slower",
        QT_TRANSLATE_NOOP("Actions", "&Slower"),
        QT_TRANSLATE_NOOP("Actions", "Speak more slowly"),
        ("Ctrl+Alt+,",),
        True,
        None,
        True,
        "speed",
    ),
    ActionSpec(
        "speech_normal",
        QT_TRANSLATE_NOOP("Actions", "&Normal speed"),
        QT_TRANSLATE_NOOP("Actions", "Speak at the normal speed"),
        (),
        True,
        None,
        True,
        "speed",
    ),
    ActionSpec(
        "speech_faster",
        QT_TRANSLATE_NOOP("Actions", "&Faster"),
        QT_TRANSLATE_NOOP("Actions", "Speak faster"),
        ("Ctrl+Alt+.",),
        True,
        None,
        True,
        "speed",
    ),
    # Help
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "List every keyboard shortcut"),
        (Key.HelpContents,),
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About Health Topic Reader"),
        QT_TRANSLATE_NOOP("Actions", "Version, content pack, and licences of the parts"),
    ),
)

SPEECH_ACTIONS = frozenset(
    {"listen", "listen_section", "listen_sentence", "pause_speech", "stop_speech"}
    | {"speech_slower", "speech_normal", "speech_faster"}
)

SPECS_BY_NAME = {spec.name: spec for spec in ACTION_SPECS}

# Where the actions appear; None is a separator, a tuple is a submenu (title, names).
MENUS: dict[str, list[str | tuple[str, list[str]] | None]] = {
    QT_TRANSLATE_NOOP("Actions", "&File"): [
        "print",
        "print_preview",
        "export_pdf",
        None,
        "install_pack",
        None,
        "quit",
    ],
    QT_TRANSLATE_NOOP("Actions", "&Edit"): ["copy", "select_all", None, "find", "next_hit", "previous_hit"],
    QT_TRANSLATE_NOOP("Actions", "&Go"): ["back", "forward", "home"],
    QT_TRANSLATE_NOOP("Actions", "&View"): [
        "zoom_in",
        "zoom_out",
        "zoom_reset",
        None,
        (QT_TRANSLATE_NOOP("Actions", "&Theme"), ["theme_system", "theme_light", "theme_dark"]),
    ],
    QT_TRANSLATE_NOOP("Actions", "Spea&k"): [
        "listen",
        "listen_section",
        "listen_sentence",
        None,
        "pause_speech",
        "stop_speech",
        None,
        (QT_TRANSLATE_NOOP("Actions", "Spee&d"), ["speech_slower", "speech_normal", "speech_faster"]),
    ],
    QT_TRANSLATE_NOOP("Actions", "&Help"): ["shortcuts", None, "about"],
}
TOOLBAR = ["back", "forward", "home", None, "find", None, "zoom_out", "zoom_reset", "zoom_in", None, "print"]

# Some platforms bind Back/Forward to these; they would take Backspace from the search field.
_TEXT_EDITING_KEYS = {QKeySequence("Backspace"), QKeySequence("Shift+Backspace")}


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The platform's sequences for the spec, without empty or repeated ones."""
    result: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        sequences = (
            QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) else [QKeySequence(shortcut)]
        )
        result.extend(
            s for s in sequences if not s.isEmpty() and s not in result and s not in _TEXT_EDITING_KEYS
        )
    return result


def plain_text(text: str) -> str:
    """Menu text without mnemonics and ellipsis, for accessible names."""
    return text.replace("&", "").rstrip("…")


def translated(source: str) -> str:
    """An action text, tooltip or menu title of the table, in the interface language."""
    return QCoreApplication.translate("Actions", source)


def spec_tooltip(spec: ActionSpec) -> str:
    """What the action does, in the interface language."""
    return translated(spec.tooltip)


class Actions:
    """The QActions of one window, created once from the table and looked up by name."""

    def __init__(self, parent: QObject, icon_for: Callable[[str], QIcon] | None = None) -> None:
        self._actions: dict[str, QAction] = {}
        self._menus: list[tuple[QMenu, str]] = []  # (menu, source title) for retranslate()
        self._toolbars: list[QToolBar] = []
        self._overrides: dict[str, tuple[Text | None, Text | None]] = {}  # name: (text, tooltip)
        groups: dict[str, QActionGroup] = {}
        for spec in ACTION_SPECS:
            action = QAction(parent)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts(key_sequences(spec))
            action.setCheckable(spec.checkable)
            if spec.icon and icon_for is not None:
                action.setIcon(icon_for(spec.icon))
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(parent)).addAction(action)
            self._actions[spec.name] = action
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[tuple[ActionSpec, QAction]]:
        return ((spec, self._actions[spec.name]) for spec in ACTION_SPECS)

    def override_text(self, name: str, text: Text | None) -> None:
        """Let another part word an action its own way from now on (Pause that became Resume):
        `text` makes the words, again at every language change, whichever part hears of the change
        first. None goes back to the table's. The tooltip's override, if any, stays."""
        self._overrides[name] = (text, self._overrides.get(name, (None, None))[1])
        self._retranslate_action(SPECS_BY_NAME[name], self[name])

    def override_tooltip(self, name: str, tooltip: Text | None) -> None:
        """As override_text, for the tooltip and status tip (why an action is unavailable)."""
        self._overrides[name] = (self._overrides.get(name, (None, None))[0], tooltip)
        self._retranslate_action(SPECS_BY_NAME[name], self[name])

    def retranslate(self) -> None:
        """Texts, tooltips, menu titles and toolbar names in the interface language."""
        for spec, action in self:
            self._retranslate_action(spec, action)
        for menu, title in self._menus:
            menu.setTitle(translated(title))
        for toolbar in self._toolbars:
            toolbar.setWindowTitle(QCoreApplication.translate("Actions", "Navigation"))
            toolbar.setAccessibleName(QCoreApplication.translate("Actions", "Navigation toolbar"))
            for name in filter(None, TOOLBAR):
                button = toolbar.widgetForAction(self[name])
                if button is not None:
                    button.setAccessibleName(plain_text(self[name].text()))

    def _retranslate_action(self, spec: ActionSpec, action: QAction) -> None:
        text, tooltip = self._overrides.get(spec.name, (None, None))
        action.setText(text() if text is not None else translated(spec.text))
        what = tooltip() if tooltip is not None else spec_tooltip(spec)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut:
            action.setToolTip(
                QCoreApplication.translate("Actions", "{what} ({keys})").format(what=what, keys=shortcut)
            )
        else:
            action.setToolTip(what)
        action.setStatusTip(what)

    def restrict(self, allowed: Callable[[ActionSpec], bool]) -> list[str]:
        """Disable and hide every action `allowed` refuses (kiosk: `lambda s: s.kiosk`).

        Hidden actions vanish from menus and toolbars, and their shortcuts stop working.
        Returns the names of the actions switched off.
        """
        refused = []
        for spec, action in self:
            ok = allowed(spec)
            action.setEnabled(ok)
            action.setVisible(ok)
            if not ok:
                refused.append(spec.name)
        return refused

    def refresh_icons(self, icon_for: Callable[[str], QIcon]) -> None:
        """Re-create the icons, e.g. in the colours of a new theme."""
        for spec, action in self:
            if spec.icon:
                action.setIcon(icon_for(spec.icon))

    def fill_menu_bar(self, menu_bar: QMenuBar) -> dict[str, QMenu]:
        """Add the MENUS to a menu bar; returns the menus by (English source) title for callers to extend."""
        menus = {}
        for title, entries in MENUS.items():
            menus[title] = menu = menu_bar.addMenu(translated(title))
            self._menus.append((menu, title))
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, tuple):
                    submenu = menu.addMenu(translated(entry[0]))
                    self._menus.append((submenu, entry[0]))
                    for name in entry[1]:
                        submenu.addAction(self[name])
                else:
                    menu.addAction(self[entry])
        return menus

    def make_toolbar(self, parent: QWidget) -> QToolBar:
        """The TOOLBAR, with icons and text, each button named for screen readers."""
        toolbar = QToolBar(parent)
        toolbar.setObjectName("navigation_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self[name])
        self._toolbars.append(toolbar)
        self.retranslate()
        return toolbar
