"""Translations (gettext catalogues managed with babel) and locale-aware formatting.

Two languages are in play at once: the UI's (``_``, ``ngettext``…, switchable at run time) and a
document's, which is its reader's (``Translator(lang)``). The catalogues are the ``.po`` files in
``translations/``; each is compiled on first use to a ``.mo`` in the user data folder's cache
(rebuilt when the ``.po`` changes), so nobody has to run a compile step and start-up stays fast.
A language without a catalogue gets English labels, but its dates and numbers still follow its
own locale (babel has CLDR data for all of them).

Source strings are English. Extraction (``python main.py i18n update``) picks up ``_``, ``N_``,
``ngettext``, ``pgettext``, ``npgettext`` and ``tr.gettext``/``tr.ngettext``/``tr.pgettext``
called with literal strings; see ``docs/translations.md``.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import hashlib
import locale as _syslocale
import os
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"
CATALOGUE_DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a module-level string for extraction; translate it where it is shown."""
    return message


# --- catalogues -------------------------------------------------------------------------------


def _candidates(lang: str) -> list[str]:
    lang = normalise_language(lang) or SOURCE_LANGUAGE
    out = [lang]
    parts = lang.split("_")
    for n in range(len(parts) - 1, 0, -1):  # zh_Hant_TW -> zh_Hant -> zh
        out.append("_".join(parts[:n]))
    return out


def po_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / lang / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"


def catalogue_language(lang: str | None) -> str | None:
    """The catalogue that serves ``lang`` (``fr_CA`` -> ``fr``), or None: English labels."""
    for candidate in _candidates(lang or SOURCE_LANGUAGE):
        if po_path(candidate).exists():
            return candidate
    return None


def _cache_dir() -> Path | None:
    try:
        from app.paths import data_dir

        path = data_dir() / "cache" / "translations"
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return None


def _filled_plurals(forms: list[str]) -> tuple[str, ...]:
    """CLDR adds plural forms a translator may not fill (babel 2.19 gives French, Spanish and
    Italian a "many" form for round millions): an empty form takes its nearest filled plural
    neighbour rather than silently falling back to English. Only the singular alone, or
    nothing, stays untranslated (English), so a sentence never mixes two languages."""
    if not forms or not forms[0] or not any(forms[1:]):
        return ()
    out = list(forms)
    for i in range(1, len(out)):
        if not out[i]:
            after = [f for f in out[i + 1 :] if f]
            before = [f for f in out[1:i] if f]
            out[i] = after[0] if after else before[-1]
    return tuple(out)


def _compile(po: Path, lang: str) -> bytes:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    for message in catalog:
        if message.id and isinstance(message.string, tuple | list) and not all(message.string):
            message.string = _filled_plurals(list(message.string))
    buf = BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)  # fuzzy and empty entries fall back to English
    return buf.getvalue()


def compiled_catalogue(lang: str) -> Path | bytes | None:
    """The compiled ``.mo`` for catalogue ``lang``: a cached file, rebuilt whenever the ``.po``
    changes (its path, size and mtime name the file), or the bytes when no cache is writable."""
    po = po_path(lang)
    try:
        st = po.stat()
    except OSError:
        return None
    key = hashlib.sha1(
        f"{po}|{st.st_size}|{st.st_mtime_ns}".encode(), usedforsecurity=False
    ).hexdigest()[:16]
    cache = _cache_dir()
    if cache is not None:
        mo = cache / f"{lang}-{key}.mo"
        if mo.exists():
            return mo
    data = _compile(po, lang)
    if cache is None:
        return data
    try:
        tmp = mo.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, mo)  # atomic: two processes compiling at once both end with a whole file
        for stale in cache.glob(f"{lang}-*.mo"):
            if stale != mo:
                stale.unlink(missing_ok=True)
    except OSError:
        return data
    return mo


@functools.lru_cache(maxsize=64)
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext object for ``lang`` (NullTranslations, i.e. English, without a catalogue)."""
    source = catalogue_language(lang)
    if source is None:
        return _gettext.NullTranslations()
    compiled = compiled_catalogue(source)
    if compiled is None:
        return _gettext.NullTranslations()
    if isinstance(compiled, bytes):
        from io import BytesIO

        return _gettext.GNUTranslations(BytesIO(compiled))
    with open(compiled, "rb") as fh:
        return _gettext.GNUTranslations(fh)


def reload_catalogues() -> None:
    """Forget loaded catalogues (after ``i18n update`` or an edit of a ``.po`` file)."""
    translations.cache_clear()


def available_languages() -> list[str]:
    """The languages with a catalogue, plus the English source."""
    langs = {SOURCE_LANGUAGE}
    if TRANSLATIONS_DIR.exists():
        for po in TRANSLATIONS_DIR.glob(f"*/LC_MESSAGES/{CATALOGUE_DOMAIN}.po"):
            langs.add(po.parent.parent.name)
    return sorted(langs)


#: Languages Cortège prints documents in (a volunteer's sheet, calendar texts, the props card)
#: but whose catalogue does not cover the window: their catalogue, once present, translates
#: documents only, and they are not offered as UI languages.
DOCUMENT_ONLY_LANGUAGES = ("el", "pl", "uk", "tr")
#: Regional variants whose documents differ in format (dates, grouping) though they share one
#: catalogue: ``pt`` is translated once (Brazilian and European spelling differences are rare
#: in these texts; a ``pt_PT`` catalogue would override it, as ``fr_CA`` falls back to ``fr``),
#: and a reader picks pt_PT or pt_BR for their dates and numbers.
DOCUMENT_VARIANTS = {"pt": ("pt_PT", "pt_BR")}


def ui_languages() -> list[str]:
    """The languages offered for the window: English and every catalogue present, except
    the documents-only ones. Driven by the files, so a new catalogue appears by itself."""
    return [code for code in available_languages() if code not in DOCUMENT_ONLY_LANGUAGES]


def document_languages() -> list[str]:
    """The languages offered for a document's reader: the UI languages (with their regional
    variants, ``pt_PT`` / ``pt_BR``) and the documents-only languages, with or without their
    catalogue yet (dates and numbers follow the reader's locale anyway)."""
    out: list[str] = []
    for code in [*ui_languages(), *DOCUMENT_ONLY_LANGUAGES]:
        out.append(code)
        out.extend(DOCUMENT_VARIANTS.get(code, ()))
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=256)
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


def isolate(text: str, *, rtl: bool = False) -> str:
    """``text`` (somebody's words: a name, a title, a place) as one unit inside a sentence: its
    digits and punctuation stay with it, and its neighbours' with them (a bidi isolate, FSI …
    PDI). Only where bidi can move anything: the sentence is right to left (``rtl``) or the
    name holds right-to-left letters; a Latin name in a left-to-right sentence is left as is,
    with no invisible marks. Without it a time after a Latin cue in an Arabic sentence joined
    the cue: "«Photo call» (10:25 ص)" read "(10:25 و) ص"."""
    if text and (rtl or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)):
        return f"\u2068{text}\u2069"
    return text


def first_strong(text: str | None) -> str | None:
    """``"ltr"`` or ``"rtl"`` after the first strong character of ``text`` (its first letter),
    what is inside a bidi isolate not counted (UAX #9 rule P2, as Qt and browsers count it);
    None when it has none (digits and signs: a phone number, "9:30")."""
    depth = 0
    for ch in text or "":
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


#: Unicode categories of a closing bracket and a closing quote.
_CLOSING = ("Pe", "Pf")


def our_sentence(text: str, *, rtl: bool) -> str:
    """``text`` (a sentence of ours, translated) laid out from its language's side, each line.

    A right-to-left line that starts with a Latin word or a name ("Space: الفقرة التالية", a
    key first; "/home/ana/plan.cortege ليس قاعدة بيانات Cortège", a path first) was laid out from
    the left by a label, its parts in reverse order for a reader from the right. Such a line
    gets a right-to-left mark first, and its opening Latin run (up to its last Latin letter or
    digit before the first Arabic one, and a closing quote or bracket right after it) an
    isolate, so that a path's leading "/" or a name's quotes stay with it; the colon after a
    key's name stays outside, between the key and its command. A line that already starts
    right to left is left as it is.
    """
    if not rtl or not text:
        return text
    return "\n".join(_from_the_right(line) for line in text.split("\n"))


def _from_the_right(line: str) -> str:
    if not line or first_strong(line) == "rtl":
        return line
    end = 0  # the end of the opening run: after its last strong Latin letter or digit
    for i, ch in enumerate(line):
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            break
        if kind in ("L", "EN", "AN"):
            end = i + 1
    while end < len(line) and (line[end] in "'\"" or unicodedata.category(line[end]) in _CLOSING):
        end += 1  # a closing quote or bracket goes with the name it closes ("'Wren'")
    if end == 0 or any(c in line[:end] for c in "\u2066\u2067\u2068\u2069"):
        return "\u200f" + line
    return "\u200f\u2068" + line[:end] + "\u2069" + line[end:]


@functools.lru_cache(maxsize=64)
def is_rtl(lang: str | None) -> bool:
    """True when ``lang`` is written right to left (Arabic, Hebrew, Persian, Urdu…)."""
    code = normalise_language(lang)
    if not code:
        return False
    from babel import Locale

    return Locale.parse(code).character_order == "right-to-left"


# --- one language: gettext plus babel formatting ----------------------------------------------


class Translator:
    """gettext for one language, plus babel formatting in that language's locale."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = normalise_language(lang) or SOURCE_LANGUAGE

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"

    @property
    def locale(self):  # babel.Locale
        from babel import Locale

        return Locale.parse(self.lang)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    @property
    def has_catalogue(self) -> bool:
        """False when labels fall back to English (formatting still follows the locale)."""
        return catalogue_language(self.lang) is not None

    @property
    def document_direction(self) -> str:
        """The direction of a document's own lines (labels, template sentences with a name
        inside): right to left only in a right-to-left language that has a catalogue
        (otherwise its words are English), whatever script a name inside them is in."""
        return "rtl" if (self.rtl and self.has_catalogue) else "ltr"

    def isolated(self, text: str) -> str:
        """``text`` (somebody's words: an alias, a title, a path) kept whole inside a sentence
        of this language, which it no longer turns the other way (``isolate``)."""
        return isolate(text, rtl=self.document_direction == "rtl")

    def sentence(self, text: str) -> str:
        """``text`` (a sentence of ours, translated, shown in a label) laid out from this
        language's side, whatever word it opens with (``our_sentence``)."""
        return our_sentence(text, rtl=self.document_direction == "rtl")

    def gettext(self, message: str) -> str:
        if not message:  # gettext("") would return the catalogue's header
            return message
        return translations(self.lang).gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return translations(self.lang).pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form for ``n`` by the catalogue's Plural-Forms rule (French: 0 and 1 singular)."""
        return translations(self.lang).ngettext(singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return translations(self.lang).npgettext(context, singular, plural, n)

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

    def day_and_time(self, value: datetime, day: str = "MMMd", time: str = "Hm") -> str:
        """A date and a time joined by the locale's own date-time pattern ("May 28, 09:30",
        "28 mai, 09:30", "28. Mai, 09:30", "28 مايو، 09:30"): never a comma written by hand.
        Used where a sentence names a moment without a preposition."""
        return self.date_and_time(self.skeleton(value, day), self.skeleton(value, time))

    def date_and_time(self, day: str, time: str) -> str:
        """A written date and a written time (or range of times) joined by the locale's own
        date-time pattern: "Tue, May 28, 2024, 9:30 AM", Arabic "الثلاثاء، 28 مايو 2024، 9:30 ص"
        (a Latin comma written by hand read wrong there)."""
        pattern = self.locale.datetime_formats.get("medium") or "{1} {0}"
        return str(pattern).format(time, day)

    def hours(self, start: datetime, end: datetime, time, day) -> str:
        """From ``start`` to ``end`` (local times): "20:00–23:00", and when it ends on another
        day that day too, "20:00–dimanche 25 octobre, 12:00" (a night vigil read "20:00–12:00").
        ``time`` writes a time, ``day`` a date."""
        if end.date() == start.date():
            return f"{time(start)}–{time(end)}"
        return f"{time(start)}–{self.date_and_time(day(end.date()), time(end))}"

    def time_range(self, start: datetime, end: datetime, skeleton: str = "Hm") -> str:
        """'09:30–11:00' in the locale's own interval pattern."""
        from babel.dates import format_interval

        return format_interval(start, end, skeleton, tzinfo=start.tzinfo, locale=self.lang)

    def unit(self, value: int, unit: str, length: str = "short") -> str:
        """'3 min', '2 h', '1 hora': CLDR unit patterns (``duration-minute``, ``duration-hour``…),
        taking the 'other' pattern where a locale lacks the plural form's own (babel would
        otherwise borrow the long form, e.g. Spanish '1 horas')."""
        from babel.numbers import format_decimal
        from babel.units import format_unit

        pattern = self._unit_pattern(value, unit, length)
        if pattern:
            text = pattern.format(format_decimal(value, locale=self.lang))
        else:
            text = format_unit(value, unit, length=length, locale=self.lang)
        if self.document_direction == "rtl":
            # the number keeps its unit on its line: an Arabic debrief broke "4" from "د"
            # (CLDR writes a plain space there), which then read from the wrong end
            text = text.replace(" ", "\u00a0")
        return text

    def unit_affixes(self, value: int, unit: str, length: str = "long") -> tuple[str, str]:
        """What goes before and after a number a spin box shows itself: ('', ' days') for 45,
        ('', ' day') for 1, ('', ' يومًا') for 45 in Arabic. A pattern without the number
        (Arabic's 'يومان', two days) gives way to the 'other' one: the box shows the number."""
        pattern = self._unit_pattern(value, unit, length)
        if not pattern or "{0}" not in pattern:
            pattern = self._unit_pattern(value, unit, length, form="other") or "{0}"
        before, _number, after = pattern.partition("{0}")
        return before, after

    def _unit_pattern(self, value: int, unit: str, length: str, form: str = "") -> str:
        by_length = self.locale._data["unit_patterns"].get(unit, {})
        form = form or self.locale.plural_form(abs(value))
        for candidate in (length, "short", "long", "narrow"):
            patterns = by_length.get(candidate) or {}
            pattern = patterns.get(form) or patterns.get("other")
            if pattern:
                return pattern
        return ""

    def duration(self, minutes: int, format: str = "short") -> str:
        """An exact duration: '45 min', '2 h', '1 h 30 min' (never rounded)."""
        minutes = int(minutes)
        hours, rest = divmod(abs(minutes), 60)
        sign = "-" if minutes < 0 else ""
        if hours == 0:
            return self.unit(minutes, "duration-minute", format)
        if rest == 0:
            return sign + self.unit(hours, "duration-hour", format)
        patterns = self.locale.list_patterns.get("unit-narrow") or {}
        pattern = patterns.get("2") or patterns.get("end") or "{0} {1}"
        return sign + pattern.format(
            self.unit(hours, "duration-hour", format), self.unit(rest, "duration-minute", format)
        )

    def relative(self, delta: timedelta, *, threshold: float = 0.85) -> str:
        """'in 3 days' / 'dans 3 jours' / '2 hours ago'."""
        from babel.dates import format_timedelta

        return format_timedelta(
            delta, add_direction=True, threshold=threshold, format="long", locale=self.lang
        )

    def number(self, value: int | float | Decimal) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.lang)

    def percent(self, value: float | Decimal) -> str:
        from babel.numbers import format_percent

        return format_percent(value, locale=self.lang)

    def currency(self, value: Decimal | float | int, currency: str) -> str:
        from babel.numbers import format_currency

        return format_currency(value, currency, locale=self.lang)

    def join(self, items: list[str], style: str = "standard") -> str:
        """'Ana, Bo and Cy' / 'Ana, Bo et Cy'."""
        from babel.lists import format_list

        items = [str(i) for i in items]
        try:
            return format_list(items, style=style, locale=self.lang)
        except (KeyError, ValueError):  # a locale without that list pattern
            return (", " if style == "standard" else " ").join(items)

    def comma_list(self, items) -> str:
        """Items listed with the language's comma, not "and": the people in a table cell, a
        city and its offset, a volunteer's roles ("Finch، Kestrel" in Arabic)."""
        # Translators: what separates the items of a list inside a table cell (the names of a
        # prop's carriers, its times): a comma, as in a table, not "and"; Arabic "، "
        return self.pgettext("list in a table cell", ", ").join(items)

    def group_list(self, groups) -> str:
        """Items that hold commas themselves, listed: a cue's roles each with its people, the
        spokespeople each with their title ("Owl, spokesperson; Kestrel, lawyer")."""
        # Translators: what separates the groups inside a table cell, each a role with its people
        # in brackets: "Mourner (Crow, Finch); Steward (Jay)". Arabic "؛ ", Greek "· " (the
        # Greek ";" is a question mark)
        return self.pgettext("groups in a table cell", "; ").join(groups)

    def language_name(self, code: str) -> str:
        from babel import Locale

        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.lang) or code
        except Exception:
            return code

    def country_name(self, code: str) -> str:
        return self.locale.territories.get((code or "").upper(), code)

    def zone_name(self, zone: str, when: datetime | None = None) -> str:
        """'heure de Paris' / 'Central European Summer Time' style, for embargo lines."""
        from babel.dates import get_timezone_location

        try:
            return get_timezone_location(zone, locale=self.lang, return_city=False)
        except Exception:
            return zone


# --- language names in pickers -----------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def endonym(code: str) -> str:
    """A language's name in that language, as its speakers look for it: "Deutsch",
    "français", "العربية", "português (Brasil)"; the code itself when babel does not know it."""
    lang = normalise_language(code)
    if not lang:
        return code
    from babel import Locale

    return Locale.parse(lang).get_display_name(lang) or code


def language_label(code: str, ui_lang: str | None = None) -> str:
    """How a language picker names ``code``: its own name, then the UI language's name for it
    when that differs ("Deutsch — German", "français", in a French window "Deutsch —
    allemand"). A reader who does not read the UI language still finds their own."""
    own = endonym(code)
    shown = Translator(ui_lang or _ui.lang).language_name(code)
    if not shown or shown.casefold() == own.casefold():
        return own
    # Translators: a language in a picker: its own name, then its name in your language.
    return _ui.pgettext("language picker", "{own} — {name}").format(own=own, name=shown)


# --- the UI's language ------------------------------------------------------------------------


def system_language() -> str:
    """The language of the user's environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else 'en'."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if not value:
            continue
        for item in value.split(":"):  # LANGUAGE is a priority list: "fr:en"
            item = item.split(".")[0].split("@")[0]
            if not item or item in ("C", "POSIX"):
                continue
            lang = normalise_language(item)
            if lang:
                return lang
    try:
        code = _syslocale.getlocale()[0]
    except ValueError:
        code = None
    return normalise_language(code) or SOURCE_LANGUAGE


def default_language() -> str:
    """The UI language when the user chose none: ``CORTEGE_LANG`` if set, else the system's;
    English for a language only documents speak (el, pl, tr, uk: their catalogues hold the
    documents' words, and Polish messages read "The angielski release … is still a draft")."""
    lang = normalise_language(os.environ.get("CORTEGE_LANG")) or system_language()
    if lang.replace("-", "_").split("_")[0] in DOCUMENT_ONLY_LANGUAGES:
        return SOURCE_LANGUAGE
    return lang


_ui = Translator(default_language())


def set_ui_language(lang: str | None) -> str:
    """Switch the UI language (None or '': the default, see ``default_language``); returns the
    language now in use."""
    global _ui
    _ui = Translator(lang or default_language())
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


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _ui.npgettext(context, singular, plural, n)


# --- argparse's own words ("usage:", "options", its error messages) in the UI language ---------

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _argparse_plurals() -> tuple[str, str]:
    """Never called: marks argparse's plural message for the extractor."""
    return ngettext("expected %s argument", "expected %s arguments", 2), ""


def _translate_argparse() -> None:
    """argparse looks its messages up through its module-level ``_`` and ``ngettext`` (bound
    to the stdlib's gettext); route them to the UI language instead."""
    import argparse

    argparse._ = lambda message: _ui.gettext(message)
    argparse.ngettext = lambda singular, plural, n: _ui.ngettext(singular, plural, n)


_translate_argparse()
