"""The media advisory: the one page journalists act on, sent days before a photo action.

WHAT / WHEN / WHERE / WHO / PHOTO OPPORTUNITY / CONTACT, per language, never under embargo.
Every section is written from the plan (``plan_sections``): the release in that language, the
action's time, place, meeting point and route, the cues flagged as photo opportunities, the
release's press contacts. A section the press officer typed (``m.MediaAdvisory``, one row per
action and language, edited in the Press tab) replaces the one written from the plan; an empty
one goes back to the plan, so later changes of the plan still show.

Labels are conventions of the trade, kept in a table like the release's (``conventions``);
other languages take them from the catalogues. The headcount ("About 15 participants") is a
count, so it comes from the catalogues in every language, in the form for its number
(``participants``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from html import escape

from app.exports.press import conventions as conv
from app.exports.press.html import direction
from app.exports.shaping import base_direction, start_side

SECTIONS = ("what", "when_text", "where_text", "who", "photo", "contact")


@dataclass(frozen=True)
class AdvisoryLabels:
    kicker: str
    what: str
    when_text: str
    where_text: str
    who: str
    photo: str
    contact: str
    meeting_point: str
    route: str
    spokespeople: str  # {names}


LABELS: dict[str, AdvisoryLabels] = {
    "en": AdvisoryLabels(
        kicker="MEDIA ADVISORY",
        what="WHAT",
        when_text="WHEN",
        where_text="WHERE",
        who="WHO",
        photo="PHOTO OPPORTUNITIES",
        contact="MEDIA CONTACT",
        meeting_point="Meeting point: {place}",
        route="Route: {route}",
        spokespeople="Available for interview: {names}",
    ),
    "fr": AdvisoryLabels(
        kicker="INVITATION PRESSE",
        what="QUOI",
        when_text="QUAND",
        where_text="OÙ",
        who="QUI",
        photo="MOMENTS PHOTO",
        contact="CONTACT PRESSE",
        meeting_point="Point de rendez-vous : {place}",
        route="Parcours : {route}",
        spokespeople="Disponibles pour des interviews : {names}",
    ),
    "de": AdvisoryLabels(
        kicker="PRESSEEINLADUNG",
        what="WAS",
        when_text="WANN",
        where_text="WO",
        who="WER",
        photo="FOTOTERMINE",
        contact="PRESSEKONTAKT",
        meeting_point="Treffpunkt: {place}",
        route="Route: {route}",
        spokespeople="Für Interviews verfügbar: {names}",
    ),
    "es": AdvisoryLabels(
        kicker="CONVOCATORIA DE PRENSA",
        what="QUÉ",
        when_text="CUÁNDO",
        where_text="DÓNDE",
        who="QUIÉN",
        photo="MOMENTOS PARA FOTOGRAFIAR",
        contact="CONTACTO DE PRENSA",
        meeting_point="Punto de encuentro: {place}",
        route="Recorrido: {route}",
        spokespeople="Disponibles para entrevistas: {names}",
    ),
    "ar": AdvisoryLabels(
        kicker="دعوة إعلامية",
        what="ماذا",
        when_text="متى",
        where_text="أين",
        who="من",
        photo="فرص التصوير",
        contact="للتواصل الإعلامي",
        meeting_point="نقطة التجمع: {place}",
        route="المسار: {route}",
        spokespeople="متاحون لإجراء المقابلات: {names}",
    ),
}


def labels(lang: str) -> AdvisoryLabels:
    found = LABELS.get(conv.base_language(lang))
    if found is not None:
        return found
    from app.i18n import N_, Translator

    tr = Translator(lang)
    english = LABELS["en"]
    # The English words, marked for the catalogues, so a translator can give them.
    marked = {
        "kicker": N_("MEDIA ADVISORY"),
        "what": N_("WHAT"),
        "when_text": N_("WHEN"),
        "where_text": N_("WHERE"),
        "who": N_("WHO"),
        "photo": N_("PHOTO OPPORTUNITIES"),
        "contact": N_("MEDIA CONTACT"),
        "meeting_point": N_("Meeting point: {place}"),
        "route": N_("Route: {route}"),
        "spokespeople": N_("Available for interview: {names}"),
    }
    return replace(english, **{k: tr.gettext(v) for k, v in marked.items()})


def participants(lang: str, n: int) -> str:
    """The WHO section's headcount in the reader's language, in the plural form for ``n``:
    "About 1 participant", "About 15 participants"; Polish "Około 22 uczestników"."""
    from app.i18n import Translator

    tr = Translator(lang)
    return tr.ngettext("About {n} participant", "About {n} participants", n).format(n=tr.number(n))


@dataclass(frozen=True)
class AdvisoryDoc:
    """What every format prints; ``sections`` are plain text (lines kept), by SECTIONS name."""

    action_id: int
    language: str
    headline: str
    sections: dict[str, str]
    #: the same, written from the plan (what an empty section falls back to)
    defaults: dict[str, str] = field(default_factory=dict)
    default_headline: str = ""
    advisory_id: int | None = None
    version: int | None = None
    timezone: str = "UTC"
    country: str = ""
    starts_at: datetime | None = None
    org_name: str = ""
    org_logo: bytes | None = field(default=None, repr=False)
    from_address: str = ""
    key: str = "advisory"

    @property
    def blocks(self) -> list[tuple[str, str]]:
        """(label, text) of every section that has something to say, in order."""
        lab = labels(self.language)
        return [(getattr(lab, name), self.sections[name]) for name in SECTIONS if self.text(name)]

    def text(self, name: str) -> str:
        return (self.sections.get(name) or "").strip()


def _release_for(action, lang: str):
    rels = sorted(action.releases, key=lambda r: (r.translation_of_id is not None, r.id))
    base = conv.base_language(lang)
    return next((r for r in rels if r.language == lang), None) or next(
        (r for r in rels if conv.base_language(r.language) == base), None
    )


def contacts_of(action, lang: str) -> list:
    """The press contacts for an advisory in ``lang``: its release's, else those of the release in
    the plan's main language, else of any release (journalists need a number to call)."""
    rel = _release_for(action, lang)
    if rel is not None and rel.press_contacts:
        return list(rel.press_contacts)
    main = (action.languages or [lang])[0]
    rels = [_release_for(action, main)] + sorted(action.releases, key=lambda r: r.id)
    return next((list(r.press_contacts) for r in rels if r is not None and r.press_contacts), [])


def plan_sections(action, lang: str, *, org_name: str = "") -> tuple[str, dict[str, str]]:
    """(headline, sections) written from the plan, in ``lang``."""
    from zoneinfo import ZoneInfo

    from app.i18n import Translator, isolate

    lab = labels(lang)
    rel = _release_for(action, lang)
    tz = ZoneInfo(action.timezone)
    start, end = action.starts_at.astimezone(tz), action.ends_at.astimezone(tz)
    headline = (rel.headline if rel else "") or action.title
    # The plan's own texts are in its main language: only the release speaks for another one.
    same = conv.base_language((action.languages or [lang])[0]) == conv.base_language(lang)
    parts = [rel.subheadline if rel else action.message]
    if same or rel is None:
        parts.append(action.description)
    what = "\n".join(x.strip() for x in parts if x and x.strip())
    tr = Translator(conv.date_locale(lang, action.country))
    # the hours on the clock of the photo opportunities below, joined to the day by the
    # locale's own pattern (Arabic "الثلاثاء، 28 مايو 2024، 9:30 ص–11:30 ص")
    day = conv.format_day(start, lang, action.country, fmt="full")
    hours = tr.hours(
        start, end, tr.time, lambda d: conv.format_day(d, lang, action.country, fmt="full")
    )
    when = f"{tr.date_and_time(day, hours)} ({conv.zone_phrase(action.timezone, lang, start)})"
    where = [x.strip() for x in (action.location_name, action.address) if x and x.strip()]
    if action.meeting_point.strip():
        where.append(lab.meeting_point.format(place=action.meeting_point.strip()))
    route = [r.strip() for r in (action.route or []) if r and r.strip()]
    if len(route) >= 2:
        where.append(lab.route.format(route=" → ".join(route)))
    who = [org_name.strip()] if org_name.strip() else []
    needed = max(sum(r.needed or 0 for r in action.roles), len(action.assignments))
    if needed:
        who.append(participants(lang, needed))
    speakers = [q.speaker.strip() for q in (rel.quotes if rel else []) if q.speaker.strip()]
    if speakers:
        speakers = list(dict.fromkeys(speakers))
        # "Owl, spokesperson; Kestrel": a name with its title is one item
        titled = any("," in x or "،" in x for x in speakers)
        names = tr.group_list(speakers) if titled else tr.comma_list(speakers)
        who.append(lab.spokespeople.format(names=names))
    photo = []
    rtl = Translator(lang).rtl
    for cue in sorted(action.cues, key=lambda c: c.starts_at):
        if cue.photo_opportunity:
            at = tr.time(cue.starts_at.astimezone(tz))
            # the organiser's words isolated: on an Arabic page a Latin title and place read
            # "(Wreath laid on the coffin (Funeral parlour", a parenthesis thrown to the end
            title = isolate(cue.title.strip(), rtl=rtl)
            place = f" ({isolate(cue.place.strip(), rtl=rtl)})" if cue.place.strip() else ""
            photo.append(f"{at} — {title}{place}")
    contact = []
    for c in contacts_of(action, lang):
        line = " · ".join(x.strip() for x in (c.label, c.phone, c.email) if x and x.strip())
        if line:
            contact.append(line)
    return headline.strip(), {
        "what": what,
        "when_text": when,
        "where_text": "\n".join(where),
        "who": "\n".join(who),
        "photo": "\n".join(photo),
        "contact": "\n".join(contact),
    }


# --- plain text and HTML ----------------------------------------------------------------------


def render_text(doc: AdvisoryDoc) -> str:
    lab = labels(doc.language)
    blocks = [x for x in (doc.org_name.strip(), lab.kicker, doc.headline.strip()) if x]
    out = ["\n".join(blocks)]
    out += [f"{label}\n{text.strip()}" for label, text in doc.blocks]
    return "\n\n".join(out) + "\n"


#: the advisory's own "9:55 ص — cue (place)" lines: a clock time, then the dash
_TIME_LINE = re.compile(r"\s*\d{1,2}\s?[:.h]\s?\d{2}\b[^—]*\s—\s")


def line_direction(line: str, language: str) -> str:
    """The direction of one line of a block: a line that starts with a time ("10:00 — cue
    (place)", the advisory's own) runs in the advisory's direction, whatever script the cue's
    title is in; any other line in its own (its first strong letter, as ``dir="auto"``)."""
    if _TIME_LINE.match(line):  # not "16 rue du Repos — porte B", an address
        return direction(language)
    return base_direction(line)


def render_body(doc: AdvisoryDoc) -> str:
    lab = labels(doc.language)
    out = [
        '<div dir="auto" style="font-family:Helvetica,Arial,sans-serif;font-size:15px;'
        'line-height:1.5;color:#1b1b1b;max-width:42em;">'
    ]
    if doc.org_name.strip():
        out.append(
            f'<p dir="auto" style="margin:0 0 .3em 0;font-size:13px;color:#555;">'
            f"{escape(doc.org_name.strip())}</p>"
        )
    out.append(
        '<p style="margin:0;font-size:12px;font-weight:bold;letter-spacing:.08em;color:#a4161a;">'
        f"{escape(lab.kicker)}</p>"
    )
    out.append(
        f'<h1 dir="auto" style="font-size:24px;line-height:1.25;margin:.2em 0 .8em 0;">'
        f"{escape(doc.headline.strip())}</h1>"
    )
    # every line starts under its label, on the advisory's side, in its own order
    side = start_side(direction(doc.language))
    for label, text in doc.blocks:
        lines = "\n".join(
            f'<p dir="{line_direction(x, doc.language)}" style="margin:0;text-align:{side};">'
            f"{escape(x)}</p>"
            for x in text.strip().splitlines()
        )
        out.append(
            '<h2 style="font-size:13px;letter-spacing:.06em;margin:1em 0 .2em 0;color:#555;">'
            f"{escape(label)}</h2>\n{lines}"
        )
    out.append("</div>")
    return "\n".join(out)


def render_html(doc: AdvisoryDoc) -> str:
    lang = escape(doc.language.replace("_", "-"), quote=True)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}" dir="{direction(doc.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.headline.strip())}</title>\n</head>\n"
        f'<body style="margin:0;padding:16px;background:#ffffff;">\n{render_body(doc)}\n'
        "</body>\n</html>\n"
    )
