"""What a touch screen does not need or needs larger, applied to a built window: no mnemonic
underlines (there is no Alt key to go with them), the search panel at the kiosk's text size
with touch-high rows and links, and no copy buttons (a kiosk empties the clipboard anyway).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from reader.kiosk.fonts import scaled_font
from reader.kiosk.touch import TOUCH_PX

SEARCH_FONT_FACTOR = 1.25  # the home page's buttons are 1.3; results need a little more per line

_MNEMONIC = re.compile(r"&(&?)")


def without_mnemonic(text: str) -> str:
    """`text` with its mnemonic marks removed: '&Article' -> 'Article', 'A && B' -> 'A & B'."""
    return _MNEMONIC.sub(lambda m: m.group(1), text)


def drop_mnemonics(root: QWidget) -> int:
    """Remove the mnemonic marks of every tab, button and label under `root`; how many changed."""
    changed = 0
    for bar in root.findChildren(QTabBar):
        for index in range(bar.count()):
            text = bar.tabText(index)
            if "&" in text:
                bar.setTabText(index, without_mnemonic(text))
                changed += 1
    for button in root.findChildren(QAbstractButton):
        if "&" in button.text():
            button.setText(without_mnemonic(button.text()))
            changed += 1
    for label in root.findChildren(QLabel):
        if "&" in label.text() and label.buddy() is not None:  # only a buddy's label has a mnemonic
            label.setText(without_mnemonic(label.text()))
            changed += 1
    return changed


def enlarge_search_panel(panel: QWidget) -> None:
    """The search panel's text at kiosk size (the results list sizes its rows from it) and every
    control in it at least a finger high, the "Did you mean" link included."""
    panel.setFont(scaled_font(SEARCH_FONT_FACTOR))
    for button in panel.findChildren(QAbstractButton):
        button.setMinimumHeight(max(TOUCH_PX, button.minimumHeight()))


def remove_copy_controls(references: QWidget) -> list[str]:
    """Hide the reference list's copy buttons; the names of those hidden."""
    hidden = []
    for name in ("copy_button", "copy_all_button"):
        button = getattr(references, name, None)
        if isinstance(button, QAbstractButton):
            button.hide()
            hidden.append(button.text())
    return hidden
