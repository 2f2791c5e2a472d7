"""Save dialogs start in Documents and remember the last folder (issue 14, item 14): never the
process's working folder (on an install, the read-only program folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from reader.content import citation
from reader.ui import handout, references
from reader.ui.export_folder import ExportFolder, documents_folder
from reader.ui.handout_content import HandoutChoice
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from tests.e2e.harness import make_window


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A fresh account: a home with no Documents folder, and a working folder elsewhere."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return folder


def test_documents_when_it_exists_else_home_never_the_working_folder(home: Path) -> None:
    assert documents_folder() == home
    assert documents_folder() != Path(os.getcwd())
    docs = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    docs.mkdir(parents=True)
    assert documents_folder() == docs


class _Store:
    export_folder = ""


def test_the_last_folder_is_remembered_while_it_exists(home: Path, tmp_path: Path) -> None:
    folders = ExportFolder(_Store())
    assert folders.start() == home
    chosen = tmp_path / "handouts"
    chosen.mkdir()
    folders.remember(chosen / "topic.pdf")
    assert folders.start() == chosen
    assert folders.suggest("x.pdf") == str(chosen / "x.pdf")
    chosen.rmdir()  # e.g. a USB stick taken out
    assert folders.start() == home


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path, home: Path) -> MainWindow:
    return make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")


def test_pdf_and_reference_dialogs_share_and_keep_the_last_folder(
    qtbot, window: MainWindow, tmp_path: Path, home: Path, monkeypatch
) -> None:
    offered: list[str] = []
    target = tmp_path / "clinic"
    target.mkdir()

    def pdf_dialog(_parent, _title, suggested, _filters, *rest):
        offered.append(suggested)
        return str(target / "handout.pdf"), ""

    monkeypatch.setattr(handout.QFileDialog, "getSaveFileName", pdf_dialog)
    window.handout.ask_choice = lambda parent, topic, action: HandoutChoice()  # everything, no dialog
    window.action_table["export_pdf"].trigger()
    assert Path(offered[0]).parent == home  # no Documents: home, not the program folder
    assert (target / "handout.pdf").stat().st_size > 0

    def ris_dialog(_parent, _title, suggested, _filters, _selected):
        offered.append(suggested)
        return str(target / "refs.ris"), citation.EXPORT_FILTERS[citation.RIS]

    monkeypatch.setattr(references.QFileDialog, "getSaveFileName", ris_dialog)
    window.references._export_with_dialog()
    assert Path(offered[1]).parent == target  # the folder the handout went to
    assert (target / "refs.ris").is_file()
    window.close()
    assert Settings(tmp_path / "reader.ini").export_folder == str(target)  # kept for the next run
