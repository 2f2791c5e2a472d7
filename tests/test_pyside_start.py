"""PySide's per-module check for `from __feature__ import ...` is answered from the module's name
for the reader's own modules and the standard library (reader.pyside_start), and still made by
PySide, from the source, for any other module."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.pyside_start import known_answer, skip_feature_scan


def test_the_answer_is_known_from_the_name_for_the_reader_and_the_standard_library() -> None:
    assert known_answer(ModuleType("reader.ui.not_on_disk")) is True
    assert known_answer(ModuleType("reader")) is True
    assert known_answer(ModuleType("json.not_on_disk")) is False
    assert known_answer(ModuleType("readerish")) is None  # not ours: only the source can tell
    assert known_answer(ModuleType("whoosh.fields")) is None


def test_pyside_check_is_replaced_and_answers_without_reading_a_file() -> None:
    assert skip_feature_scan()
    assert skip_feature_scan()  # a second call changes nothing
    feature = sys.modules["shibokensupport.feature"]
    # No file behind these modules: PySide's own check would fail to read them and answer False.
    assert feature._mod_uses_pyside(ModuleType("reader.not_on_disk")) is True
    assert feature._mod_uses_pyside(ModuleType("email.not_on_disk")) is False


@pytest.mark.parametrize(("source", "select_id"), [("import PySide6\n", 0), ("import json\n", -1)])
def test_other_modules_are_still_checked_from_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, select_id: int
) -> None:
    assert skip_feature_scan()
    name = f"third_party_probe_{select_id + 1}"
    (tmp_path / f"{name}.py").write_text(source, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules["shibokensupport.feature"]
    try:
        __import__(name)  # through the import statement's hook, where PySide checks
        assert feature.pyside_feature_dict[name] == select_id
    finally:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)
