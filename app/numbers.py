"""One rule for every number a person types: strict in the UI locale, never silently rescaled.

- The text is read with babel's ``parse_decimal(strict=True)`` in the locale: "1,500.50" in
  English, "1.500,50" in German, "1 500,50" in French (any space stands for its thin space).
- The other common decimal separator is accepted only where it cannot be a grouping separator
  in that locale ("12.50" in French, whose groups are spaces); where it could ("45,50" in
  English, "12.50" in German) the text is refused with how it would be read the other way:
  "45,50 — did you mean 45.50?".
- A field with a number of decimals (2 for money, 0 for a count) refuses more typed decimals
  instead of rounding, with the same hint ("1.500" for a cost in English may mean 1,500).
- Exponents, currency signs and other letters are refused.

``number_text`` writes a stored value back for editing, in the same locale, without grouping,
so what the field shows after a save is what was stored and reads back to the same value.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.i18n import _, ngettext

_SPACES = (" ", "\xa0", "\u202f", "\u2009")
_MINUS = ("\u2212", "\u2012", "\u2013")


class NumberInputError(ValueError):
    """The text is not a number this field can take; ``str()`` is the message for the user."""

    def __init__(self, message: str, *, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


def _symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(locale), get_group_symbol(locale)


def _normalise(text: str, group: str) -> str:
    text = text.strip()
    for minus in _MINUS:
        text = text.replace(minus, "-")
    if group in _SPACES:  # people type a plain space for the locale's (thin) one
        for space in _SPACES:
            text = text.replace(space, group)
    return text


def _strict(text: str, locale: str) -> Decimal | None:
    from babel.numbers import NumberFormatError, parse_decimal

    if not re.fullmatch(r"[+-]?[\d.,\s\xa0\u202f\u2009]*\d[\d.,\s\xa0\u202f\u2009]*", text):
        return None
    try:
        value = parse_decimal(text, locale=locale, strict=True)
    except (NumberFormatError, ValueError, ArithmeticError):
        return None
    return value if value.is_finite() else None


def _typed_decimals(text: str, decimal: str, group: str) -> int:
    """How many digits were typed after the decimal separator the locale reads."""
    marks = [decimal] + (["."] if decimal == "," and group != "." else [])
    for mark in marks:
        if mark in text:
            return len(re.sub(r"\D", "", text.rsplit(mark, 1)[1]))
    return 0


def _swapped(text: str) -> str:
    return text.translate(str.maketrans({".": ",", ",": "."}))


def number_text(value: Decimal | float | int | None, *, locale: str, decimals: int | None) -> str:
    """A stored value written for editing: ``decimals`` fixed (None: as many as it has)."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    if decimals is None:
        pattern = "0.########"
        value = Decimal(str(value))
    else:
        pattern = "0." + "0" * decimals if decimals else "0"
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)


def _hint(text: str, locale: str, decimals: int | None) -> str | None:
    """The other convention's reading of ``text``, written in the locale, if it is one."""
    decimal, group = _symbols(locale)
    other = _swapped(text)
    value = _strict(other, locale)
    if value is None:
        return None
    if decimals is not None and _typed_decimals(other, decimal, group) > decimals:
        return None
    return number_text(value, locale=locale, decimals=decimals)


def parse_number(
    text: str, *, locale: str, decimals: int | None = None, example: Decimal | None = None
) -> Decimal | None:
    """The number typed in ``text`` (None when empty); NumberInputError when it is not one.

    ``decimals``: at most that many digits after the separator (0: a whole number);
    ``example``: a typical value, shown in the message for text that is no number at all.
    """
    decimal, group = _symbols(locale)
    text = _normalise(text, group)
    if not text:
        return None
    value = _strict(text, locale)
    if value is None:
        if decimals == 0 and _strict(_swapped(text), locale) is not None:
            raise NumberInputError(_("must be a whole number"))
        hint = _hint(text, locale, decimals)
        if hint is not None:
            raise NumberInputError(
                _("“{text}” — did you mean {suggestion}? (decimal separator: “{symbol}”)").format(
                    text=text, suggestion=hint, symbol=decimal
                ),
                suggestion=hint,
            )
        if decimals == 0:
            raise NumberInputError(_("must be a whole number"))
        sample = Decimal("1234.5") if example is None else example
        raise NumberInputError(
            _("“{text}” is not a number (like {example})").format(
                text=text, example=number_text(sample, locale=locale, decimals=decimals)
            )
        )
    typed = _typed_decimals(text, decimal, group)
    if decimals is not None and typed > decimals:
        hint = _hint(text, locale, decimals)
        if decimals == 0:
            message = _("must be a whole number")
        else:
            message = ngettext(
                "has more than {n} decimal", "has more than {n} decimals", decimals
            ).format(n=decimals)
        if hint is not None:
            message = _("{problem}: “{text}” — did you mean {suggestion}?").format(
                problem=message, text=text, suggestion=hint
            )
        raise NumberInputError(message, suggestion=hint)
    return value


def parse_whole(text: str, *, locale: str) -> int | None:
    """A whole number (a quantity, minutes, people needed); None when empty."""
    value = parse_number(text, locale=locale, decimals=0)
    return None if value is None else int(value)
