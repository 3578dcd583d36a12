"""Dates and times as people type them, read in the UI language.

"15/01/2027", "15.1.27", "2027-01-15", "15 janvier 2027", "Fri, Jan 15, 2027", "15 de enero de
2027"; "9:30", "9h30", "0930", "9.30 pm". Numbers follow the order of the locale's short date
(day first in French, month first in American English) unless only one order makes sense
("15/01/2027" is 15 January everywhere). Anything else is refused with a message that shows how
to type it; nothing is guessed silently.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from app.i18n import _

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
TIME = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})|(\d{2}))?\s*([^\d\s]*)$")
FILLER = {
    "de",
    "of",
    "the",
    "le",
    "der",
    "den",
    "am",
    "el",
    "del",
    "um",
    "er",
    "st",
    "nd",
    "rd",
    "th",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".")


def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang.replace("-", "_"))


def _names(locale, kind: str) -> dict[str, int]:
    table = locale.months if kind == "months" else locale.days
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in table[context][width].items():
                out.setdefault(_fold(name), number)
    return out


def _order(locale) -> str:
    """ "dmy", "mdy" or "ymd": the order of the locale's short date."""
    pattern = locale.date_formats["short"].pattern
    seen = ""
    for c in pattern:
        key = {"d": "d", "M": "m", "L": "m", "y": "y"}.get(c)
        if key and key not in seen:
            seen += key
    return seen if len(seen) == 3 else "dmy"


def example_date(lang: str) -> str:
    from babel.dates import format_date

    return format_date(date(2027, 1, 15), "short", locale=_locale(lang))


def example_time(lang: str) -> str:
    from babel.dates import format_time

    return format_time(time(9, 30), "short", locale=_locale(lang))


def _year(number: str) -> int:
    value = int(number)
    if len(number) <= 2:
        return 2000 + value
    return value


def parse_date(text: str, lang: str, *, today: date | None = None) -> date:
    """The date ``text`` means in ``lang``; ValueError with the reason otherwise."""
    today = today or date.today()
    raw = text.strip()
    bad = ValueError(
        _("“{text}” is not a date: type it like {example}").format(
            text=raw, example=example_date(lang)
        )
    )
    if not raw:
        raise ValueError(_("type a date, like {example}").format(example=example_date(lang)))
    if ":" in raw:  # a time ("11:15"), which two numbers would have read as 15 November
        raise bad
    match = ISO.match(raw)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        locale = _locale(lang)
        months = _names(locale, "months")
        english = _names(_locale("en"), "months")
        weekdays = set(_names(locale, "days")) | set(_names(_locale("en"), "days"))
        numbers: list[str] = []
        named: list[tuple[int, bool]] = []  # (month, could also be a weekday: Spanish "mar")
        for token in re.findall(r"\d+|[^\W\d_]+\.?", raw):
            if token.isdigit():
                numbers.append(token)
                continue
            word = _fold(token)
            number = months.get(word) or (None if word in weekdays else english.get(word))
            if number is not None:
                named.append((number, word in weekdays))
            elif word not in weekdays and word not in FILLER:  # "Fri,", "1er", "de enero"
                raise bad
        sure = [m for m, maybe_day in named if not maybe_day]
        if len(sure) > 1 or (not sure and len(named) > 2):
            raise bad
        # Two words that could each be a weekday or a month ("mar, 21 mar 2000": martes,
        # marzo): the weekday comes first in every written date, the month after it.
        month = sure[0] if sure else (named[-1][0] if named else None)
        if month is not None:
            if not numbers or len(numbers) > 2:
                raise bad
            if len(numbers[0]) == 4:  # "2027 Jan 15"
                numbers = numbers[1:] + numbers[:1]
            day = int(numbers[0])
            year = _year(numbers[1]) if len(numbers) == 2 else today.year
            return date(year, month, day)
        if len(numbers) not in (2, 3):
            raise bad
        order = _order(locale)
        if len(numbers) == 2:
            order = order.replace("y", "")
        if len(numbers[0]) == 4:
            order = "ymd"
        parts = dict(zip(order, numbers, strict=False))
        day, mon = int(parts["d"]), int(parts["m"])
        if mon > 12 >= day:  # only the other order makes sense
            day, mon = mon, day
        year = _year(parts["y"]) if "y" in parts else today.year
        return date(year, mon, day)
    except ValueError as exc:
        if exc is bad:
            raise
        raise bad from exc


def parse_time(text: str, lang: str) -> time:
    """The time of day ``text`` means ("9:30", "21h", "930", "9:30 pm"); ValueError otherwise."""
    raw = text.strip()
    bad = ValueError(
        _("“{text}” is not a time: type it like {example}").format(
            text=raw, example=example_time(lang)
        )
    )
    match = TIME.match(raw.casefold())
    if not match:
        raise bad
    hour = int(match[1])
    minute = int(match[2] or match[3] or 0)
    suffix = match[4].replace(".", "").replace(" ", "")
    periods = _locale(lang).day_periods["format"]["abbreviated"]
    am = {"am", "a", _fold(periods.get("am", "am")).replace(".", "").replace(" ", "")}
    pm = {"pm", "p", _fold(periods.get("pm", "pm")).replace(".", "").replace(" ", "")}
    if suffix in ("", "h", "uhr"):
        pass
    elif suffix in am or suffix in pm:
        if not 1 <= hour <= 12:
            raise bad
        hour = hour % 12 + (12 if suffix in pm else 0)
    else:
        raise bad
    if hour > 23 or minute > 59:
        raise bad
    return time(hour, minute)
