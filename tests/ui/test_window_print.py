"""Printing the current topic as a patient handout: PDF export with and without the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from reader.ui.handout_content import HandoutChoice
from reader.ui.main_window import MainWindow
from tests.e2e.harness import make_window, pdf_text


@pytest.fixture
def window(qtbot, bundled_topic, tmp_path: Path) -> MainWindow:
    made = make_window(qtbot, [bundled_topic], tmp_path / "reader.ini")
    made.handout.ask_choice = lambda parent, topic, action: HandoutChoice()  # everything, no dialog
    return made


def test_export_pdf_writes_a_clean_handout(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "handout.pdf"
    window.export_pdf(path)
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    assert "Vertebroplasty and Kyphoplasty" in text
    assert "Possible problems" in text
    assert "About the age of this information." in text  # the handout is honest about its age
    assert "Klazen CAH, et al." in text
    assert "printed on 25 November 2026" in text  # in the footer of every page
    assert "Back to text" not in text  # nothing to click on paper


def test_export_action_asks_for_a_file_name(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    chosen = tmp_path / "for-patient"  # the .pdf suffix is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), "PDF files (*.pdf)")
    )
    window.action_table["export_pdf"].trigger()
    written = chosen.with_suffix(".pdf")
    assert written.exists()
    assert "Vertebroplasty and Kyphoplasty" in pdf_text(written)
    assert window.statusBar().currentMessage() == f"Saved {written}"


def test_no_file_dialog_when_dialogs_are_not_allowed(window: MainWindow, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("a file dialog was opened")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fail)
    window.set_file_dialogs_allowed(False)
    assert not window.action_table["export_pdf"].isVisible()
    window.ask_export_pdf()


def test_a_failed_export_is_reported_not_raised(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "missing-folder" / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.action_table["export_pdf"].trigger()
    assert not target.exists()
    assert window.statusBar().currentMessage().startswith("Could not save handout.pdf")
