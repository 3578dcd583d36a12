"""Every date, time, number and amount the window shows, in the UI language (babel/CLDR).

One place, so no screen writes its own pattern: field order, separators, month names and digits
are CLDR's for the UI locale ("Tue, May 28, 2024", "mar. 28 mai 2024", "Di., 28. Mai 2024").
Documents format through their reader's ``Translator`` instead (``app.i18n``); these functions
are that same translator for the UI language, read at call time so a language switch applies to
the next text drawn.

Digits: CLDR's default numbering system for ``ar`` is Latin (``latn``, since CLDR 42), and
that is what Cortège writes. A regional locale whose CLDR default is Arabic-Indic (``ar_EG``,
``ar_SA``) also gets Latin digits: babel writes dates with Latin digits only, and a sheet must
not mix "٢٨" in its numbers with "28" in its dates.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from app.i18n import ui

#: the skeleton of a date field's text: weekday, day, abbreviated month, year, in CLDR's order
FIELD_DATE_SKELETON = "yMMMEd"


def field_date(value: date) -> str:
    """A date as a date field shows it: 'Tue, May 28, 2024' / 'Di., 28. Mai 2024'."""
    return ui().skeleton(value, FIELD_DATE_SKELETON)


def field_time(value: time | datetime) -> str:
    """A wall-clock time as a time field shows it: '9:30 AM' / '09:30'."""
    if isinstance(value, time):
        value = datetime.combine(date(2000, 1, 1), value)
    return ui().time(value, "short")


def day(value: date, length: str = "medium") -> str:
    """A date in a sentence or a table: 'May 28, 2024' / '28 mai 2024' (CLDR length)."""
    return ui().date(value, length)


def moment(value: datetime, length: str = "medium") -> str:
    """A date and time: CLDR's combined pattern for the locale."""
    return ui().datetime(value, length)


def number(value: int | float | Decimal) -> str:
    return ui().number(value)


def amount(value: Decimal | float | int, currency: str) -> str:
    """Money with its currency, placed and separated as the locale does: '€12.50', '12,50 €'."""
    return ui().currency(value, currency)


def percent(value: float | Decimal) -> str:
    return ui().percent(value)
