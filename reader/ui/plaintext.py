"""Content shown as the text it is. Qt takes a label's text and any tooltip for HTML when it
*looks like* HTML (an `<img src=...>` in a topic title would be loaded and shown), a window
title's "[*]" for the modified mark and a button's "&" for a shortcut mark. Every label is made
here, and every title, name or sentence from a topic reaches a tooltip, a window title or a
button through these functions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # the namespace functions (mightBeRichText) live in QtGui
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def literal_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally: escaped and wrapped when Qt would take it
    for HTML, unchanged (so still plain, with its line breaks) otherwise."""
    if GuiQt.mightBeRichText(text):
        return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text


def literal_window_title(text: str) -> str:
    """`text` for setWindowTitle: a "[*]" in it is shown, not taken for the modified mark."""
    return text.replace("[*]", "[*][*]")


def literal_button_text(text: str) -> str:
    """`text` for a button: an "&" in it is shown, not taken for a shortcut mark."""
    return text.replace("&", "&&")
