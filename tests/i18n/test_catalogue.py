"""The translation catalogues stay in step with the code, and Spanish is complete.

`pyside6-lupdate` is run here on the reader's code: a string marked for translation that the
Spanish file lacks (or a message the code no longer has) fails, as does an unfinished or broken
Spanish message. Plural messages get one form per Spanish plural form."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.repo import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import translations

SPANISH = REPO_ROOT / "resources" / "translations" / "health_reader_es.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
ACCELERATOR = re.compile(r"&(?!&)\w")


@pytest.fixture(scope="module")
def spanish() -> dict[translations.Key, list[str]]:
    return translations.read_entries(SPANISH)


def test_every_marked_string_is_in_the_spanish_file_and_nothing_else(spanish) -> None:
    in_code = set(translations.messages(translations.extract()))
    missing = sorted(in_code - set(spanish))
    stale = sorted(set(spanish) - in_code)
    assert not missing, f"run scripts/update-translations.sh; not in {SPANISH.name}: {missing[:10]}"
    assert not stale, f"run scripts/update-translations.sh; gone from the code: {stale[:10]}"


def test_spanish_is_complete(spanish) -> None:
    unfinished = [key for key, forms in spanish.items() if not forms]
    assert not unfinished, f"{len(unfinished)} unfinished, e.g. {unfinished[:5]}"


def test_spanish_keeps_placeholders_plurals_and_accelerators(spanish) -> None:
    problems = []
    for (context, source, _comment), forms in spanish.items():
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: placeholders differ: {source!r} -> {form!r}")
            if ("%n" in source) != ("%n" in form):
                problems.append(f"{context}: %n differs: {source!r} -> {form!r}")
            if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(form)):
                problems.append(f"{context}: accelerator differs: {source!r} -> {form!r}")
        if "%n" in source and len(forms) != 2:
            problems.append(f"{context}: {source!r} needs Spanish's two plural forms, has {len(forms)}")
    assert not problems, "\n".join(problems[:20])


def test_plural_calls_become_plural_messages(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lupdate alone would extract translate(ctx, "%n ...", "", n) as a singular message."""
    code = tmp_path / "reader"
    code.mkdir()
    (code / "m.py").write_text(
        'QCoreApplication.translate("Ctx", "%n hits", "", count)\n'
        'QCoreApplication.translate("Ctx", "Search")\n',
        "utf-8",
    )
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / "health_reader_es.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="es"></TS>\n', "utf-8")
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "TRANSLATIONS", folder)
    translations.update()
    tsv = tmp_path / "es.tsv"
    tsv.write_text("Ctx\t%n hits\t%n resultado ||| %n resultados\nCtx\tSearch\tBuscar\n", "utf-8")
    translations.import_tsv([tsv])
    (qm,) = translations.compile_all(tmp_path / "out")

    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Ctx", "%n hits", "", 1) == "1 resultado"
        assert QCoreApplication.translate("Ctx", "%n hits", "", 3) == "3 resultados"
        assert QCoreApplication.translate("Ctx", "Search") == "Buscar"
    finally:
        qapp.removeTranslator(translator)


def test_switching_to_spanish_loads_both_catalogues_and_the_locale(qapp) -> None:
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from reader.i18n.switcher import catalogue_path, language_controller

    assert catalogue_path("es").is_file(), "compile with scripts/translations.py compile (bootstrap does)"
    controller = language_controller()
    with_changes = []
    controller.changed.connect(with_changes.append)
    assert controller.switch("es")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in buttons.buttons()] == ["Cancelar"]  # Qt's own catalogue
    assert QLocale().toString(QDate(2011, 5, 24), "d MMMM yyyy") == "24 mayo 2011"
    assert with_changes == ["es"]
    assert controller.switch("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in english.buttons()] == ["Cancel"]
    assert not controller.switch("xx")
    assert controller.current == "en"
