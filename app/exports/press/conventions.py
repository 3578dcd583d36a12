"""How a press release is laid out in each language: the labels journalists recognise.

These lines are conventions of the trade more than translations ("SOUS EMBARGO jusqu'au …
(heure de Paris)" is what a French newsroom expects, word for word), so the languages we know
keep them in this small table instead of the shared gettext catalogues, where a well-meaning
translation could break them. Any other language takes its labels from the catalogues through
``Translator(lang).gettext`` with the English source (English until somebody translates them)
and its dates, times and zone city from babel in that language's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.i18n import Translator, is_rtl, isolate

NBSP = "\u00a0"


@dataclass(frozen=True)
class Convention:
    press_release: str
    immediate: str
    embargo: str  # {date}, {time}, {zone}
    zone: str  # {city}
    about: str  # {name}
    about_us: str
    contact: str
    contacts: str
    notes_to_editors: str = "Notes to editors"
    quote_open: str = "“"
    quote_close: str = "”"
    dash: str = "—"
    comma: str = ", "  # between the dateline's place and day


TABLE: dict[str, Convention] = {
    "en": Convention(
        press_release="PRESS RELEASE",
        immediate="FOR IMMEDIATE RELEASE",
        embargo="EMBARGOED UNTIL {date}, {time} ({zone})",
        zone="{city} time",
        about="About {name}",
        about_us="About us",
        contact="Media contact",
        contacts="Media contacts",
    ),
    "fr": Convention(
        press_release="COMMUNIQUÉ DE PRESSE",
        immediate="POUR DIFFUSION IMMÉDIATE",
        embargo="SOUS EMBARGO jusqu'au {date} à {time} ({zone})",
        zone="heure de {city}",
        about="À propos de {name}",
        about_us="À propos de nous",
        contact="Contact presse",
        contacts="Contacts presse",
        notes_to_editors="Notes aux rédactions",
        quote_open="«" + NBSP,
        quote_close=NBSP + "»",
    ),
    "de": Convention(
        press_release="PRESSEMITTEILUNG",
        immediate="ZUR SOFORTIGEN VERÖFFENTLICHUNG",
        embargo="SPERRFRIST: {date}, {time} Uhr ({zone})",
        zone="Ortszeit {city}",
        about="Über {name}",
        about_us="Über uns",
        contact="Pressekontakt",
        contacts="Pressekontakte",
        notes_to_editors="Hinweise für die Redaktion",
        quote_open="„",
        quote_close="“",
    ),
    "es": Convention(
        press_release="COMUNICADO DE PRENSA",
        immediate="PARA DIFUSIÓN INMEDIATA",
        embargo="EMBARGADO HASTA el {date} a las {time} ({zone})",
        zone="hora de {city}",
        about="Acerca de {name}",
        about_us="Acerca de nosotros",
        contact="Contacto de prensa",
        contacts="Contactos de prensa",
        notes_to_editors="Notas para los editores",
        quote_open="«",
        quote_close="»",
    ),
    "ar": Convention(
        press_release="بيان صحفي",
        immediate="للنشر الفوري",
        embargo="يُحظر النشر قبل {date}، الساعة {time} ({zone})",
        zone="بتوقيت {city}",
        about="نبذة عن {name}",
        about_us="من نحن",
        contact="للتواصل الإعلامي",
        contacts="للتواصل الإعلامي",
        notes_to_editors="ملاحظات للمحررين",
        quote_open="«",
        quote_close="»",
        comma="، ",
    ),
}

# Countries whose English writes "May 28, 2024"; elsewhere a bare "en" release uses the
# international (British) order "28 May 2024" that European newsrooms expect.
_US_STYLE = {"US", "PH", "PR", "GU", "AS", "VI", "MP", "UM"}


def _from_catalogue(lang: str) -> Convention:
    tr = Translator(lang)
    return Convention(
        press_release=tr.gettext("PRESS RELEASE"),
        immediate=tr.gettext("FOR IMMEDIATE RELEASE"),
        embargo=tr.gettext("EMBARGOED UNTIL {date}, {time} ({zone})"),
        zone=tr.gettext("{city} time"),
        about=tr.gettext("About {name}"),
        about_us=tr.gettext("About us"),
        contact=tr.gettext("Media contact"),
        contacts=tr.gettext("Media contacts"),
        notes_to_editors=tr.gettext("Notes to editors"),
    )


def base_language(lang: str) -> str:
    return (lang or "en").replace("-", "_").split("_")[0].lower()


def convention(lang: str) -> Convention:
    return TABLE.get(base_language(lang)) or _from_catalogue(lang)


def date_locale(lang: str, country: str = "") -> str:
    """The babel locale dates are written in: the release's, with bare English by country."""
    code = (lang or "en").replace("-", "_")
    if code == "en":
        return "en_US" if (country or "").upper() in _US_STYLE else "en_GB"
    return Translator(code).lang


def format_day(value: date | datetime, lang: str, country: str = "", *, fmt: str = "long") -> str:
    """The day in words; French writes the first of the month as an ordinal: "1er décembre"."""
    from babel.dates import format_date

    locale = date_locale(lang, country)
    if base_language(lang) == "fr" and value.day == 1 and fmt in ("long", "full"):
        pattern = "EEEE d'er' MMMM y" if fmt == "full" else "d'er' MMMM y"
        return format_date(value, format=pattern, locale=locale)
    return format_date(value, format=fmt, locale=locale)


def format_clock(value: datetime, lang: str, country: str = "") -> str:
    from babel.dates import format_time

    return format_time(
        value, format="short", tzinfo=value.tzinfo, locale=date_locale(lang, country)
    )


def zone_phrase(zone: str, lang: str, when: datetime | None = None) -> str:
    """'heure de Paris', 'Paris time', 'Ortszeit Paris': the zone by its city, as newsrooms say.

    babel's own French location name is "heure : France", not the convention, so only its
    exemplar city is taken; zones without a city (UTC) use babel's zone name.
    """
    from babel.dates import get_timezone_location, get_timezone_name

    loc = Translator(lang).lang
    city = ""
    if "/" in zone and not zone.startswith("Etc/"):
        try:
            city = get_timezone_location(zone, locale=loc, return_city=True)
        except Exception:  # babel has no data for that zone in that locale
            city = zone.rsplit("/", 1)[-1].replace("_", " ")
    if city:
        return convention(lang).zone.format(city=city)
    try:
        return get_timezone_name(when or zone, width="long", locale=loc)
    except Exception:
        return zone


def embargo_line(until: datetime | None, *, zone: str, lang: str, country: str = "") -> str:
    conv = convention(lang)
    if until is None:
        return conv.immediate
    local = until.astimezone(ZoneInfo(zone))
    where = zone_phrase(zone, lang, local)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        # the hour the clocks go back happens twice: "02:30" alone names two instants
        from babel.dates import get_timezone_gmt

        tr = Translator(lang)
        where = tr.comma_list((where, get_timezone_gmt(local, "long", locale=tr.lang)))
    return conv.embargo.format(
        date=format_day(local, lang, country),
        time=format_clock(local, lang, country),
        zone=where,
    )


def dateline(place: str, day: date | datetime, *, lang: str, country: str = "") -> str:
    """'PARIS, 28 May 2024 —' (no place: just the date and the dash). In a right-to-left
    language the place is isolated: a Latin "PARIS" would otherwise take the day's digits
    into its run and print "PARIS, 20" left to right, the day before the city."""
    conv = convention(lang)
    when = format_day(day, lang, country)
    head = f"{dateline_place(place, lang)}{conv.comma}{when}" if (place or "").strip() else when
    return f"{head} {conv.dash}"


def dateline_place(place: str, lang: str) -> str:
    """The dateline's place in capitals, isolated in a right-to-left release."""
    name = (place or "").strip().upper()
    return isolate(name, rtl=True) if name and is_rtl(lang) else name


def about_heading(org_name: str, lang: str) -> str:
    conv = convention(lang)
    name = (org_name or "").strip()
    if not name:
        return conv.about_us
    if base_language(lang) == "fr" and name[:1].lower() in "aeiouyàâäéèêëîïôöûüœ":
        return conv.about.replace("de {name}", "d'{name}").format(name=name)
    return conv.about.format(name=name)


#: Quotation marks a quote may arrive in, pasted from a draft: (opening, closing).
_PAIRS = (
    ("“", "”"),
    ("„", "“"),
    ("«", "»"),
    ("»", "«"),
    ('"', '"'),
    ("‚", "‘"),
    ("‘", "’"),
    ("'", "'"),
    ("”", "”"),
    ("「", "」"),
)


def unquoted(text: str) -> str:
    """``text`` without the quotation marks typed around the whole of it ("„Wir lassen …“"
    came out „„Wir lassen …““): only a pair that opens the quote and first closes at its end,
    so "“privacy” is dead, they say “no”" keeps its own."""
    text = text.strip()
    for opening, closing in _PAIRS:
        inner = text[len(opening) : -len(closing)]
        if (
            len(text) > len(opening) + len(closing)
            and text.startswith(opening)
            and text.endswith(closing)
            and closing not in inner
            and (opening == closing or opening not in inner)
        ):
            return inner.strip(" \u00a0\u202f")
    return text


def quoted(text: str, lang: str) -> str:
    conv = convention(lang)
    return f"{conv.quote_open}{unquoted(text)}{conv.quote_close}"
