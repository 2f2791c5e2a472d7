"""Issue 16: dates, numbers and plurals follow the interface language. A long date reads
"24 May 2011" in English and "24 de mayo de 2011" in Spanish, from QLocale and a translatable
format; the evidence-age notice counts its years with a %n plural."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.ui.dates import format_long_date, format_month_year, format_number, long_date_format
from reader.ui.render import evidence_notice, later_studies_sentence
from tests.i18n_support import pseudo_language

MAY_24 = dt.date(2011, 5, 24)
SPANISH_LONG_DATE = "d 'de' MMMM 'de' yyyy"  # the translation in /work/notes/es-documents.tsv


class SpanishDates(QTranslator):
    """The two Spanish messages these tests need, as the shipped catalogue will give them."""

    MESSAGES: ClassVar[dict[tuple[str, str], str]] = {
        ("Dates", "d MMMM yyyy"): SPANISH_LONG_DATE,
        ("Dates", "MMMM yyyy"): "MMMM 'de' yyyy",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        del disambiguation, n
        return self.MESSAGES.get((context, source))  # None: not translated here (a null QString)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@contextmanager
def spanish_dates() -> Iterator[None]:
    """The default locale Spanish and the Spanish date formats installed, as the language
    controller does for Spanish; English again afterwards."""
    app = QCoreApplication.instance()
    assert app is not None
    previous = QLocale()
    translator = SpanishDates()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(previous)


def test_the_helper_formats_a_date_for_a_given_language(qapp) -> None:
    spanish = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    assert format_long_date(MAY_24, spanish, SPANISH_LONG_DATE) == "24 de mayo de 2011"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert format_long_date(MAY_24, english, "d MMMM yyyy") == "24 May 2011"


def test_the_long_date_follows_the_interface_language(qapp) -> None:
    assert long_date_format() == "d MMMM yyyy"
    assert format_long_date(MAY_24) == "24 May 2011"
    with spanish_dates():
        assert long_date_format() == SPANISH_LONG_DATE
        assert format_long_date(MAY_24) == "24 de mayo de 2011"
        assert format_month_year(MAY_24) == "mayo de 2011"
        assert format_number(12345) == "12.345"
        notice = evidence_notice(MAY_24, dt.date(2026, 11, 25), 3)
        assert notice is not None and "24 de mayo de 2011" in notice
    assert format_long_date(MAY_24) == "24 May 2011"


def test_the_spanish_controller_locale_names_the_month_in_spanish(qapp) -> None:
    from reader.i18n.switcher import language_controller

    controller = language_controller()
    controller.switch("es")  # the catalogue may not be built yet: the locale switches anyway
    assert QLocale().language() == QLocale.Language.Spanish
    assert format_long_date(MAY_24, date_format=SPANISH_LONG_DATE) == "24 de mayo de 2011"
    shipped = long_date_format()  # from the compiled catalogue, once it holds the documents' messages
    controller.switch("en")
    assert format_long_date(MAY_24) == "24 May 2011"
    if shipped == "d MMMM yyyy":
        pytest.skip("the Spanish catalogue does not hold the date formats yet (imported when merged)")
    assert shipped == SPANISH_LONG_DATE


def test_the_age_of_the_evidence_is_a_plural_with_n(qapp) -> None:
    later = dt.date(2026, 11, 25)
    assert "more than 15 years ago" in (evidence_notice(MAY_24, later, 3) or "")
    assert "more than 1 year ago" in (evidence_notice(MAY_24, dt.date(2012, 6, 1), 0) or "")
    with pseudo_language():
        # The pseudo-language fills %n as Qt does for a plural message: the count goes through %n.
        assert "more than 15 years ago" in (evidence_notice(MAY_24, later, 3) or "")
        assert "more than 1 years ago" in (evidence_notice(MAY_24, dt.date(2012, 6, 1), 0) or "")
        assert later_studies_sentence(1).startswith("\u00abFor clinicians: 1 later studies")
    assert later_studies_sentence(1).startswith("For clinicians: 1 later study is listed")
