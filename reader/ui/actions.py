"""The one table of user actions: text, standard shortcuts, tooltip, icon, and whether
the action is allowed in kiosk mode. Menus, toolbars and the kiosk lockdown all read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

Key = QKeySequence.StandardKey
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
        "print", "&Print…", "Print this topic as a patient handout", (Key.Print,), icon="document-print"
    ),
    ActionSpec("print_preview", "Print pre&view…", "See the handout as it will print", ("Ctrl+Shift+P",)),
    ActionSpec(
        "export_pdf",
        "&Export as PDF…",
        "Save this topic as a PDF handout",
        ("Ctrl+Shift+E",),
        icon="document-export",
    ),
    ActionSpec(
        "install_pack",
        "&Install content pack…",
        "Check a signed content pack file (e.g. from a USB stick) and install it",
    ),
    ActionSpec("quit", "&Quit", "Close the reader", (Key.Quit, "Ctrl+Q")),
    # Edit
    ActionSpec("copy", "&Copy", "Copy the selected text", (Key.Copy,)),
    ActionSpec("select_all", "Select &all", "Select all the text of the view you are in", (Key.SelectAll,)),
    ActionSpec("find", "&Find…", "Search all topics", (Key.Find,), kiosk=True, icon="edit-find"),
    ActionSpec(
        "next_hit", "Find &next", "Go to the next search match in the topic", (Key.FindNext, "F3"), True
    ),
    ActionSpec(
        "previous_hit",
        "Find pre&vious",
        "Go to the previous search match in the topic",
        (Key.FindPrevious, "Shift+F3"),
        kiosk=True,
    ),
    # Go
    ActionSpec("back", "&Back", "Go back to where you were", (Key.Back,), kiosk=True, icon="go-back"),
    ActionSpec("forward", "&Forward", "Go forward again", (Key.Forward,), kiosk=True, icon="go-forward"),
    ActionSpec(
        "home", "&Home", "Go to the start of the first topic", ("Alt+Home",), kiosk=True, icon="go-home"
    ),
    # View
    ActionSpec(
        "zoom_in", "Zoom &in", "Make the text larger", (Key.ZoomIn, "Ctrl+="), kiosk=True, icon="zoom-in"
    ),
    ActionSpec("zoom_out", "Zoom &out", "Make the text smaller", (Key.ZoomOut,), kiosk=True, icon="zoom-out"),
    ActionSpec(
        "zoom_reset", "&Normal size", "Show the text at its normal size", ("Ctrl+0",), True, "zoom-reset"
    ),
    ActionSpec(
        "theme_system",
        "Follow the &system",
        "Use the system's light or dark setting",
        (),
        False,
        None,
        True,
        "theme",
    ),
    ActionSpec("theme_light", "&Light", "Dark text on a light background", (), False, None, True, "theme"),
    ActionSpec("theme_dark", "&Dark", "Light text on a dark background", (), False, None, True, "theme"),
    # Speak (reader.ui.read_aloud; a kiosk offers them only when its read_aloud setting is on)
    ActionSpec(
        "listen",
        "&Listen",
        "Read aloud from the section being read (on the comparison: the selected row)",
        ("Ctrl+Shift+L",),
        kiosk=True,
        icon="speech-listen",
    ),
    ActionSpec(
        "listen_section", "Listen to this &section", "Read aloud the section being read", ("Ctrl+Alt+L",)
    ),
    ActionSpec(
        "listen_sentence",
        "Listen to the se&ntence",
        "Read aloud the sentence at the cursor",
        ("Alt+Shift+L",),
    ),
    ActionSpec(
        "pause_speech", "&Pause", "Pause or resume reading aloud", ("Ctrl+Shift+Space",), True, "speech-pause"
    ),
    ActionSpec(
        "stop_speech", "S&top", "Stop reading aloud", ("Ctrl+Shift+X",), kiosk=True, icon="speech-stop"
    ),
    ActionSpec("speech_slower", "&Slower", "Speak more slowly", ("Ctrl+Alt+,",), True, None, True, "speed"),
    ActionSpec("speech_normal", "&Normal speed", "Speak at the normal speed", (), True, None, True, "speed"),
    ActionSpec("speech_faster", "&Faster", "Speak faster", ("Ctrl+Alt+.",), True, None, True, "speed"),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", "List every keyboard shortcut", (Key.HelpContents,)),
    ActionSpec("about", "&About Health Topic Reader", "Version, content pack, and licences of the parts"),
)

SPEECH_ACTIONS = frozenset(
    {"listen", "listen_section", "listen_sentence", "pause_speech", "stop_speech"}
    | {"speech_slower", "speech_normal", "speech_faster"}
)

SPECS_BY_NAME = {spec.name: spec for spec in ACTION_SPECS}

# Where the actions appear; None is a separator, a tuple is a submenu (title, names).
MENUS: dict[str, list[str | tuple[str, list[str]] | None]] = {
    "&File": ["print", "print_preview", "export_pdf", None, "install_pack", None, "quit"],
    "&Edit": ["copy", "select_all", None, "find", "next_hit", "previous_hit"],
    "&Go": ["back", "forward", "home"],
    "&View": [
        "zoom_in",
        "zoom_out",
        "zoom_reset",
        None,
        ("&Theme", ["theme_system", "theme_light", "theme_dark"]),
    ],
    "Spea&k": [
        "listen",
        "listen_section",
        "listen_sentence",
        None,
        "pause_speech",
        "stop_speech",
        None,
        ("Spee&d", ["speech_slower", "speech_normal", "speech_faster"]),
    ],
    "&Help": ["shortcuts", None, "about"],
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


class Actions:
    """The QActions of one window, created once from the table and looked up by name."""

    def __init__(self, parent: QObject, icon_for: Callable[[str], QIcon] | None = None) -> None:
        self._actions: dict[str, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for spec in ACTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts(key_sequences(spec))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{spec.tooltip} ({shortcut})" if shortcut else spec.tooltip)
            action.setStatusTip(spec.tooltip)
            action.setCheckable(spec.checkable)
            if spec.icon and icon_for is not None:
                action.setIcon(icon_for(spec.icon))
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(parent)).addAction(action)
            self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[tuple[ActionSpec, QAction]]:
        return ((spec, self._actions[spec.name]) for spec in ACTION_SPECS)

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
        """Add the MENUS to a menu bar; returns the menus by title for callers to extend."""
        menus = {}
        for title, entries in MENUS.items():
            menus[title] = menu = menu_bar.addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, tuple):
                    submenu = menu.addMenu(entry[0])
                    for name in entry[1]:
                        submenu.addAction(self[name])
                else:
                    menu.addAction(self[entry])
        return menus

    def make_toolbar(self, title: str, parent: QWidget) -> QToolBar:
        """The TOOLBAR, with icons and text, each button named for screen readers."""
        toolbar = QToolBar(title, parent)
        toolbar.setObjectName("navigation_toolbar")
        toolbar.setAccessibleName(f"{title} toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
                continue
            toolbar.addAction(self[name])
            button = toolbar.widgetForAction(self[name])
            if button is not None:
                button.setAccessibleName(plain_text(self[name].text()))
        return toolbar
