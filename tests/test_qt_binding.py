"""Regression test for the Qt binding itself: PySide6-Essentials 6.12.0 drops a reference to
None on every Python slot call and to True on every emit, and CPython 3.11 aborts after a few
thousand signals. constraints.txt pins a release without the bug; this keeps it that way.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_signals_do_not_leak_references_to_singletons(qapp) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    emitter.fired.connect(lambda value: None)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for value in range(200):  # few enough that a leaking build cannot abort here
        emitter.fired.emit(value)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert received == list(range(200))
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
