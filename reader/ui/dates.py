"""Dates, years and counts as the reader shows them, in the interface language: a long date
("24 May 2011", "24 de mayo de 2011") from the default QLocale (which follows the language) and a
translatable format. Plurals are the catalogues' business (English has one for its plural forms).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def long_date_format() -> str:
    """The Qt date format of a long date in the interface language ("d MMMM yyyy" in English)."""
    return QCoreApplication.translate("Dates", "d MMMM yyyy")


def month_year_format() -> str:
    """The Qt date format of a month and year ("MMMM yyyy" in English)."""
    return QCoreApplication.translate("Dates", "MMMM yyyy")


def format_long_date(day: dt.date, locale: QLocale | None = None, date_format: str | None = None) -> str:
    """`day` as a long date: "24 May 2011" in English, "24 de mayo de 2011" in Spanish.

    `locale` defaults to QLocale() (the interface language's) and `date_format` to the
    translated long-date format; passing both formats a date for a given language in tests.
    """
    locale = locale if locale is not None else QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), date_format or long_date_format())


def format_month_year(day: dt.date, locale: QLocale | None = None) -> str:
    """`day`'s month and year: "May 2011", "mayo de 2011"."""
    locale = locale if locale is not None else QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), month_year_format())


def format_year(year: int) -> str:
    """A year as digits, never grouped ("2011", not "2.011" as a Spanish number would read)."""
    return str(year)


def format_number(value: int) -> str:
    """A count with the interface language's digit grouping ("1,234" / "1234" / "12.345")."""
    return QLocale().toString(value)
