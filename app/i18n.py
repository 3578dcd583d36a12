"""Translations (gettext catalogues managed with babel) and locale-aware formatting.

Two languages are in play at once: the UI's (``_``, ``ngettext``…, switchable at run time) and a
document's, which is its reader's (``Translator(lang)``). Catalogues are the ``.po`` files in
``translations/``, read directly with babel, so nobody has to compile anything.
"""

from __future__ import annotations

import functools
import locale as _syslocale
import os
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a module-level string for extraction; translate it where it is shown."""
    return message


@functools.lru_cache(maxsize=64)
def _catalogue(lang: str) -> dict:
    """msgid -> msgstr (str, or tuple of plural forms), plus the plural rule, for ``lang``."""
    for candidate in _candidates(lang):
        po = TRANSLATIONS_DIR / candidate / "LC_MESSAGES" / "messages.po"
        if po.exists():
            from babel.messages.pofile import read_po

            with po.open("rb") as fh:
                cat = read_po(fh, locale=candidate)
            table: dict = {}
            for msg in cat:
                if not msg.id or msg.fuzzy:
                    continue
                key = (msg.context, msg.id if isinstance(msg.id, str) else msg.id[0])
                if isinstance(msg.string, tuple | list):
                    if all(msg.string):
                        table[key] = tuple(msg.string)
                elif msg.string:
                    table[key] = msg.string
            table["__plural__"] = cat.plural_expr
            return table
    return {}


def _candidates(lang: str) -> list[str]:
    lang = normalise_language(lang) or SOURCE_LANGUAGE
    out = [lang]
    if "_" in lang:
        out.append(lang.split("_")[0])
    return out


def available_languages() -> list[str]:
    langs = {SOURCE_LANGUAGE}
    if TRANSLATIONS_DIR.exists():
        for po in TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po"):
            langs.add(po.parent.parent.name)
    return sorted(langs)


def normalise_language(code: str | None) -> str | None:
    """``pt-BR`` -> ``pt_BR``; None when babel does not know the code."""
    if not code or not isinstance(code, str):
        return None
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(code.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return str(loc)


def _plural_index(table: dict, n: int) -> int:
    expr = table.get("__plural__", "(n != 1)")
    try:
        return int(eval(expr, {"__builtins__": {}}, {"n": n}))  # noqa: S307 - babel's own rule
    except Exception:  # pragma: no cover - defensive, a broken header
        return 0 if n == 1 else 1


class Translator:
    """gettext for one language, plus babel formatting in that language's locale."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = normalise_language(lang) or SOURCE_LANGUAGE

    @property
    def locale(self):  # babel.Locale
        from babel import Locale

        return Locale.parse(self.lang)

    def gettext(self, message: str) -> str:
        return _catalogue(self.lang).get((None, message), message)

    def pgettext(self, context: str, message: str) -> str:
        return _catalogue(self.lang).get((context, message), message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        table = _catalogue(self.lang)
        forms = table.get((None, singular))
        if isinstance(forms, tuple):
            idx = _plural_index(table, n)
            return forms[min(idx, len(forms) - 1)]
        return singular if n == 1 else plural

    # --- formatting (babel, never strftime) ---------------------------------------------------
    def date(self, value: date | datetime, format: str = "full") -> str:
        from babel.dates import format_date

        return format_date(value, format=format, locale=self.lang)

    def time(self, value: datetime, format: str = "short") -> str:
        from babel.dates import format_time

        return format_time(value, format=format, locale=self.lang)

    def datetime(self, value: datetime, format: str = "medium") -> str:
        from babel.dates import format_datetime

        return format_datetime(value, format=format, tzinfo=value.tzinfo, locale=self.lang)

    def skeleton(self, value: datetime | date, skeleton: str) -> str:
        from babel.dates import format_skeleton

        return format_skeleton(skeleton, value, locale=self.lang)

    def duration(self, minutes: int, format: str = "short") -> str:
        from babel.dates import format_timedelta

        return format_timedelta(
            timedelta(minutes=minutes), threshold=10, format=format, locale=self.lang
        )

    def number(self, value: int | float | Decimal) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.lang)

    def currency(self, value: Decimal | float | int, currency: str) -> str:
        from babel.numbers import format_currency

        return format_currency(value, currency, locale=self.lang)

    def language_name(self, code: str) -> str:
        from babel import Locale

        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.lang) or code
        except Exception:
            return code

    def zone_name(self, zone: str, when: datetime | None = None) -> str:
        """'heure de Paris' / 'Central European Summer Time' style, for embargo lines."""
        from babel.dates import get_timezone_location

        try:
            return get_timezone_location(zone, locale=self.lang, return_city=False)
        except Exception:
            return zone


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            lang = normalise_language(value.split(".")[0].split(":")[0])
            if lang:
                return lang
    try:
        code = _syslocale.getlocale()[0]
    except ValueError:
        code = None
    return normalise_language(code) or SOURCE_LANGUAGE


_ui = Translator(os.environ.get("CORTEGE_LANG") or system_language())


def set_ui_language(lang: str | None) -> str:
    """Switch the UI language (None: follow the system); returns the language now in use."""
    global _ui
    _ui = Translator(lang or system_language())
    return _ui.lang


def ui_language() -> str:
    return _ui.lang


def ui() -> Translator:
    return _ui


def _(message: str) -> str:
    return _ui.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _ui.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _ui.pgettext(context, message)
