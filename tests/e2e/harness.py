"""Helpers for tests that drive the real window: build one on the bundled content with its
settings in a temp file, and read the text of a PDF the reader wrote.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.content.model import Topic
from reader.ui.article import ArticleView
from reader.ui.main_window import MainWindow, WindowOptions
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController

PINNED_TODAY = dt.date(2026, 11, 25)
WINDOW_SIZE = (1280, 800)


def make_window(
    qtbot,
    topics: Sequence[Topic],
    settings_path: Path,
    *,
    today: dt.date = PINNED_TODAY,
    theme: ThemeChoice = ThemeChoice.LIGHT,
) -> MainWindow:
    """A shown, exposed main window; closed and its theme controller freed by qtbot at the end."""
    controller = ThemeController(theme)
    controller.apply()
    window = MainWindow(topics, Settings(settings_path), controller, WindowOptions(clock=lambda: today))
    controller.setParent(window)
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.finish_building()  # the views the app's session builds right after the first paint
    return window


def shown_article(qtbot, topic: Topic, *, today: dt.date = PINNED_TODAY) -> ArticleView:
    """An article view alone, 700x500, shown and exposed, showing `topic`."""
    view = ArticleView(clock=lambda: today)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_topic(topic)
    return view


def pdf_text(path: Path) -> str:
    """The text a PDF written by Qt draws, per font, decoded through the fonts' ToUnicode maps.

    Qt writes glyph ids (`<0001> Tj`) in compressed content streams, one glyph per `Td`
    move, and maps the space glyph to a tab: tabs become spaces; line breaks are lost.
    """
    data = path.read_bytes()
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    cmaps = {}
    for number, body in objects.items():
        font = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if font:
            cmaps[number] = _cmap(_stream(objects[int(font.group(1))]))
    font_refs = {m.group(1).decode(): int(m.group(2)) for m in re.finditer(rb"/(F\d+) (\d+) 0 R", data)}
    pieces = []
    for body in objects.values():
        content = _stream(body)
        if b" Tj" not in content:
            continue
        current: dict[int, str] = {}
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", content):
            if token.group(1):
                current = cmaps.get(font_refs.get(token.group(1).decode(), -1), {})
            else:
                hexes = token.group(2).decode()
                pieces.extend(current.get(int(hexes[i : i + 4], 16), "") for i in range(0, len(hexes), 4))
    return "".join(pieces).replace("\t", " ")


def _stream(body: bytes) -> bytes:
    match = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if not match:
        return b""
    raw = match.group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body else raw


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for glyph, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(glyph, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        pattern = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])"
        for first, last, target in re.findall(pattern, block):
            glyphs = range(int(first, 16), int(last, 16) + 1)
            if target.startswith(b"["):  # one code point per glyph
                targets = [int(t, 16) for t in re.findall(rb"<([0-9A-Fa-f]+)>", target)]
            else:  # consecutive code points from the first
                targets = [int(target[1:-1], 16) + offset for offset in range(len(glyphs))]
            mapping.update({glyph: chr(code) for glyph, code in zip(glyphs, targets, strict=False)})
    return mapping
