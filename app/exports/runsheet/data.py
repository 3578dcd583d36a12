"""What each reader's sheet says, gathered from the database into plain, formatted values.

Everything is read and formatted here (babel, in the reader's locale) so that the layout code
needs no session and can run in a worker thread. Participants appear by alias only unless
``include_personal_data`` is given.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError
from app.domain.timeutil import utcnow, zone
from app.i18n import Translator, _, isolate, normalise_language


@lru_cache(maxsize=65536)
def alias_order(alias: str) -> tuple:
    """A sort key that reads the numbers in an alias as numbers ("Mourner 2" before "Mourner
    10") and its letters without their accents first ("Éloïse" among the E, not after "Z");
    ties keep the accented one after."""
    import re

    folded = alias.casefold()
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    key = tuple(
        (0, int(part), "") if part.isdecimal() else (1, 0, part)
        for part in re.split(r"(\d+)", plain)
        if part
    )
    return (key, folded)


# CLDR's paperSize data: the countries that use US Letter; A4 everywhere else.
LETTER_COUNTRIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())
# Where plain "en" readers expect US dates and 12-hour times; elsewhere they get en_GB's.
US_STYLE_COUNTRIES = frozenset("US PH PR GU AS VI MP UM".split())
PRESS_ROLE_KEYS = frozenset({"press", "press-officer", "press_officer", "pressofficer"})


@dataclass
class CueLine:
    start: str
    end: str
    title: str
    place: str
    instructions: str
    who: str = ""  # roles and aliases (master)
    props: str = ""  # every prop the cue uses
    bring: str = ""  # the props of this cue the reader carries
    mine: bool = False
    sort_key: tuple = ()
    #: the cue's day without the year, on an action over more than one day (else ""): a list
    #: of a night's cues says where the day changes ("9:00 PM" under a Sunday date box was
    #: read as Sunday evening)
    day: str = ""


def quantity_text(tr: Translator, quantity: int, shared: bool) -> str:
    """ " × 40" after a prop's name; " × 40 in all" when others carry it too: each of the 40
    flag carriers' cards said "Flags × 40", read as "you bring 40 flags"."""
    if quantity <= 1:
        return ""
    if shared:
        # Translators: after a prop's name on one carrier's card, when several carry it
        return " " + tr.gettext("× {quantity} in all").format(quantity=tr.number(quantity))
    return f" × {tr.number(quantity)}"


def day_changes(lines: list) -> list[tuple[str, object]]:
    """The lines with a ("day", text) entry before each change of day (and before the first
    of a night's list), for the renderers: [("day", "Saturday, January 16"), ("cue", line)…]."""
    out: list[tuple[str, object]] = []
    day = None
    for line in lines:
        if line.day and line.day != day:
            out.append(("day", line.day))
        day = line.day
        out.append(("cue", line))
    return out


@dataclass
class Carried:
    name: str
    quantity: int
    others: list[str]  # the other carriers' aliases
    times: list[str]  # when the prop is used


@dataclass
class RoleLine:
    name: str
    instructions: str
    call_time: str


@dataclass
class Header:
    lang: str
    paper: str
    title: str
    message: str
    date: str
    hours: str
    place: str
    address: str
    meeting_point: str
    fallback: str
    safety: str
    contacts: list[tuple[str, str]]
    printed: str
    confidential: bool
    day: str = ""  # the date without the year, printed as large as the call time
    legal_phone: str = ""  # the legal-support number (its own QR code and tel: link)
    timezone: str = "UTC"
    starts_at: datetime | None = None  # instants, for the calendar QR code
    ends_at: datetime | None = None


@dataclass
class PersonalSheet:
    header: Header
    alias: str
    roles: list[RoleLine]
    call_time: str
    cues: list[CueLine]
    schedule: list[CueLine]
    carries: list[Carried]
    no_photo: list[str] | None  # only for press officers
    full_name: str = ""
    phone: str = ""
    email: str = ""
    call_at: datetime | None = None  # the first call time as an instant (QR code, messages)
    uid: str = ""  # of the first assignment: the calendar event's identity
    call_day: str = ""  # the day of that call time, without the year (after midnight: the next)

    @property
    def day(self) -> str:
        """The date printed beside the call time: the call's own day, which is the next one
        for a call after midnight on a night action (the action's start day said Saturday for
        a call at 2:15 on Sunday)."""
        return self.call_day or self.header.day


@dataclass
class RosterLine:
    alias: str
    call_time: str
    confirmed: bool
    full_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class RoleBlock:
    name: str
    needed: int
    people: list[RosterLine]


@dataclass
class PropLine:
    name: str
    quantity: int
    status: str
    carriers: list[str]
    times: list[str]


@dataclass
class TaskLine:
    title: str
    due: str
    assignee: str


@dataclass
class MasterSheet:
    header: Header
    schedule: list[CueLine]
    roster: list[RoleBlock]
    props: list[PropLine]
    tasks: list[TaskLine]
    problems: list[str]
    no_photo: list[str]


@dataclass
class CardLine:
    alias: str
    prop: str
    quantity: int
    others: list[str]
    cues: list[tuple[str, str]]  # (time, cue title)


@dataclass
class PropsCard:
    header: Header
    lines: list[CardLine]
    uncarried: list[str] = field(default_factory=list)


# --- language and paper -----------------------------------------------------------------------
def checked_language(code: str | None) -> str | None:
    """``--lang``: None passes; an unknown code is refused with a message naming the field."""
    if code is None:
        return None
    lang = normalise_language(code)
    if lang is None:
        raise DomainError(_("unknown language {code!r}").format(code=code), field="lang")
    return lang


def main_language(action: m.Action) -> str:
    for code in action.languages or []:
        lang = normalise_language(code)
        if lang:
            return lang
    return "en"


def reader_language(person: m.Participant, action: m.Action, override: str | None) -> str:
    lang = override or normalise_language(person.language) or main_language(action)
    return regional(lang, action.country)


def regional(lang: str, country: str | None) -> str:
    """Bare English becomes en_US for a US-style country and en_GB elsewhere (24-hour times
    for a European action); a regional choice such as ``en_US`` is kept. A right-to-left
    language without a catalogue gets English throughout: its labels would be English, and
    an English label around an Arabic date reads in no order at all."""
    tr = translator(lang)
    if tr.rtl and not tr.has_catalogue:
        lang = "en"
    if lang == "en":
        return "en_US" if (country or "").upper() in US_STYLE_COUNTRIES else "en_GB"
    return lang


def paper_for(country: str | None, override: str | None = None) -> str:
    if override:
        if override not in ("a4", "letter"):
            raise DomainError(
                _("paper must be a4 or letter, not {value!r}").format(value=override),
                field="paper",
            )
        return override
    return "letter" if (country or "").upper() in LETTER_COUNTRIES else "a4"


def is_press_role(role: m.Role) -> bool:
    return role.key.casefold() in PRESS_ROLE_KEYS or "press" in role.name.casefold()


def safe_filename(alias: str, taken: set[str]) -> str:
    """The alias as a file name stem that every system accepts; ``-2``, ``-3``… on a clash."""
    stem = unicodedata.normalize("NFC", alias).strip()
    # Vowel signs and joiners are part of a letter in Indic and Arabic scripts (अनिल, not अन_ल).
    kept: list[str] = []
    for c in stem:
        if c.isalnum() or c == " " or c in "-_":
            kept.append(c)
        elif _is_mark(c) or c in _JOINERS:  # with the letter before it, not after a "_"
            if kept and kept[-1] not in "_ ":  # (an emoji's U+FE0F gave "Mourner__️_️")
                kept.append(c)
        else:
            kept.append("_")
    stem = "".join(kept)
    stem = _cut("_".join(stem.split())).strip("._") or "participant"
    if stem.upper().split(".")[0] in {"CON", "PRN", "AUX", "NUL", *_DEVICES}:
        stem = f"_{stem}"
    if stem.startswith("-"):  # "-rf.pdf": `rm *` in the folder would read it as an option
        stem = f"_{stem}"
    candidate, n = stem, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.casefold())
    return candidate


#: A file name stem holds at most this many characters and bytes of UTF-8: file systems take
#: 255 bytes, and the temporary ".….12345.abcdefgh.part" name of an atomic write, a "-12"
#: and ".html" go around it (80 Devanagari letters were 240 bytes: "File name too long").
STEM_CHARACTERS, STEM_BYTES = 80, 120


def _cut(stem: str) -> str:
    stem = stem[:STEM_CHARACTERS]
    while len(stem.encode()) > STEM_BYTES:
        stem = stem[:-1]
    return stem.rstrip("\u200c\u200d")  # no joiner left with nothing to join


_DEVICES = {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}
_JOINERS = frozenset("\u200c\u200d")


def _is_mark(c: str) -> bool:
    return unicodedata.category(c)[0] == "M"


# --- formatting, cached per language (a batch formats the same instants hundreds of times) ---
@lru_cache(maxsize=8)
def translator(lang: str) -> Translator:
    return Translator(lang)


@lru_cache(maxsize=4096)
def _hm(lang: str, instant: datetime, tz_name: str) -> str:
    """The wall-clock time, unbreakable ("9:00\u00a0AM"); on the night clocks go back, the
    hour that happens twice carries its UTC offset ("02:15 (UTC+02:00)")."""
    local = instant.astimezone(zone(tz_name))
    text = translator(lang).time(local, "short").replace(" ", "\u00a0").replace("\u202f", "\u00a0")
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        from babel.dates import get_timezone_gmt

        text += f"\u00a0({get_timezone_gmt(local, 'long', locale=lang)})"
    return text


def time_range(start: str, end: str) -> str:
    """ "09:30–09:45"; with an offset in either ("02:15 (UTC+02:00)", the night the clocks go
    back) the dash is spaced, and the line may break after it: unbroken, the range was one
    word wider than its column, cut anywhere ("02:15 (GMT+02:00" / ")–02:45 …")."""
    if "(" in start or "(" in end:
        return f"{start}\u00a0– {end}"
    return f"{start}–{end}"


@lru_cache(maxsize=64)
def day_without_year(lang: str, day: date) -> str:
    """The locale's full date without the year: "mardi 28 mai", "Tuesday, May 28"."""
    import re

    from babel import Locale
    from babel.dates import format_date

    pattern = Locale.parse(lang).date_formats["full"].pattern
    short = re.sub(r"[\s,،]*(?:'[^']*'\s*)?y+(?:\s*'[^']*')?[年년]?\.?", "", pattern).strip(" ,،")
    try:
        return format_date(day, short or pattern, locale=lang)
    except (ValueError, KeyError):
        return format_date(day, "full", locale=lang)


def printed_at(lang: str, now: datetime, tz_name: str) -> str:
    """The print time in the action's zone, naming it: "26/05/2024 17:02 (Paris, GMT+02:00)"."""
    from babel.dates import get_timezone_gmt, get_timezone_location

    tz = zone(tz_name)
    local = now.astimezone(tz)
    try:
        city = get_timezone_location(tz, locale=lang, return_city=True)
    except Exception:  # babel has no name for some zones: the offset says enough
        city = ""
    offset = get_timezone_gmt(local, "long", locale=lang)
    tr = translator(lang)
    where = tr.comma_list((city, offset)) if city else offset  # "باريس، غرينتش+02:00"
    return f"{tr.datetime(local, 'short')} ({where})"


class _Fmt:
    def __init__(self, lang: str, action: m.Action) -> None:
        self.lang = lang
        self.tr = translator(lang)
        self.tz = action.timezone

    def hm(self, instant: datetime | None) -> str:
        return _hm(self.lang, instant, self.tz) if instant is not None else ""

    def hm_on_its_day(self, instant: datetime | None, base: datetime | None) -> str:
        """The time, with its weekday when it falls on another day than ``base`` (the action's
        start, the reader's call): "00:45 (So.)" in a night's roster under "Samstag, 16.
        Januar"."""
        if instant is None:
            return ""
        from babel.dates import format_date

        tz = zone(self.tz)
        day = instant.astimezone(tz).date()
        if base is None or day == base.astimezone(tz).date():
            return self.hm(instant)
        weekday = format_date(day, "EEE", locale=self.lang)
        return f"{self.hm(instant)}\u00a0({weekday})"

    def day_of(self, instant: datetime, action: m.Action) -> str:
        """The instant's day, when the action runs over more than one day (else "")."""
        tz = zone(self.tz)
        first, last = (t.astimezone(tz).date() for t in (action.starts_at, action.ends_at))
        if first == last:
            return ""
        return day_without_year(self.lang, instant.astimezone(tz).date())


def header(action: m.Action, *, lang: str, paper: str, now: datetime, confidential: bool) -> Header:
    tz = zone(action.timezone)
    fmt = _Fmt(lang, action)
    start = action.starts_at.astimezone(tz)
    return Header(
        lang=lang,
        paper=paper,
        title=action.title,
        message=action.message,
        date=fmt.tr.date(start.date(), "full"),
        hours=fmt.tr.hours(
            start,
            action.ends_at.astimezone(tz),
            fmt.hm,
            lambda day: day_without_year(lang, day),
        ),
        place=action.location_name,
        address=action.address,
        meeting_point=action.meeting_point,
        fallback=action.fallback_plan,
        safety=action.safety_notes,
        contacts=[(c.label, c.phone or c.email) for c in action.contacts],
        printed=printed_at(lang, now, action.timezone),
        confidential=confidential,
        day=day_without_year(lang, start.date()),
        legal_phone=legal_phone(action),
        timezone=action.timezone,
        starts_at=action.starts_at,
        ends_at=action.ends_at,
    )


# How key contacts for legal support are labelled in the languages organisers write in.
LEGAL_WORDS = ("legal", "lawyer", "juri", "jurí", "avocat", "abogad", "recht", "anwalt", "νομικ")


def legal_phone(action: m.Action) -> str:
    """The phone of the first key contact whose label says legal support; "" if none."""
    for contact in action.contacts:
        label = contact.label.casefold()
        if contact.phone and any(word in label for word in LEGAL_WORDS):
            return contact.phone
    return ""


def cached_header(
    index: ActionIndex, *, lang: str, paper: str, now: datetime, private: bool
) -> Header:
    """``header`` once per language for a batch (sheets only read it)."""
    key = ("header", lang, paper, now, private)
    found = index.cache.get(key)
    if found is None:
        found = index.cache[key] = header(
            index.action, lang=lang, paper=paper, now=now, confidential=private
        )
    return found


class ActionIndex:
    """Who is in which cue and who carries what, computed once for a whole batch."""

    def __init__(self, action: m.Action) -> None:
        self.action = action
        self.cues = list(action.cues)
        self.roles_of: dict[int, list[m.Assignment]] = {}
        self.people: dict[int, m.Participant] = {}
        for a in action.assignments:
            self.roles_of.setdefault(a.participant_id, []).append(a)
            self.people.setdefault(a.participant_id, a.participant)
        self.cues_of_role: dict[int, set[int]] = {}
        self.cues_of_person: dict[int, set[int]] = {}
        for i, cue in enumerate(self.cues):
            for role in cue.roles:
                self.cues_of_role.setdefault(role.id, set()).add(i)
            for person in cue.participants:
                self.cues_of_person.setdefault(person.id, set()).add(i)
                self.people.setdefault(person.id, person)
        self.props_of: dict[int, list[m.Prop]] = {}
        self.cues_of_prop: dict[int, list[int]] = {}
        for prop in action.props:
            for person in prop.carriers:
                self.props_of.setdefault(person.id, []).append(prop)
        for i, cue in enumerate(self.cues):
            for prop in cue.props:
                self.cues_of_prop.setdefault(prop.id, []).append(i)
        self.aliases_of_role: dict[int, list[str]] = {}
        for a in action.assignments:
            self.aliases_of_role.setdefault(a.role_id, []).append(a.participant.alias)
        for names in self.aliases_of_role.values():
            names.sort(key=alias_order)  # "Mourner 7" before "Mourner 10"
        self.cache: dict[tuple, object] = {}  # formatted once per language for a batch
        self.no_photo = sorted(
            (p.alias for p in self.people.values() if not p.consent_photos), key=alias_order
        )

    def readers(self) -> list[m.Participant]:
        """Everyone with a part in the action: a role, or a cue of their own; by alias."""
        return sorted(self.people.values(), key=lambda p: (alias_order(p.alias), p.id))

    def cue_indexes(self, person_id: int) -> list[int]:
        found = set(self.cues_of_person.get(person_id, ()))
        for a in self.roles_of.get(person_id, []):
            found |= self.cues_of_role.get(a.role_id, set())
        return sorted(found)


# A role in a cue lists its people up to this many, then "+N".
WHO_NAMES = 8


def _who(index: ActionIndex, cue: m.Cue, tr: Translator) -> str:
    """Who is in a cue: each role with the aliases holding it, then the people named alone."""
    parts = []
    for role in cue.roles:
        names = index.aliases_of_role.get(role.id, [])
        shown = names if len(names) <= WHO_NAMES else names[: WHO_NAMES - 2]
        more = f" +{len(names) - len(shown)}" if len(shown) < len(names) else ""
        listed = tr.comma_list(names_in_a_list(shown, tr)) or "—"
        parts.append(f"{isolate(role.name, rtl=tr.rtl)} ({listed}{more})")
    return tr.group_list(parts + names_in_a_list([p.alias for p in cue.participants], tr))


def names_in_a_list(names: list[str], tr: Translator) -> list[str]:
    """Each name of a list isolated where bidi could move it (``app.i18n.isolate``): two
    Arabic aliases side by side on a German sheet swapped places and lost their comma, and an
    emoji alias came out mirrored on an Arabic one."""
    return [isolate(n, rtl=tr.rtl) for n in names]


def schedule_lines(index: ActionIndex, fmt: _Fmt, *, mine: set[int] = frozenset()) -> list:
    """The whole schedule in ``fmt``'s language, formatted once per language for a batch; the
    reader's own cues (``mine``) are marked on a copy of their lines only."""
    base = index.cache.get(("schedule", fmt.lang))
    if base is None:
        base = index.cache[("schedule", fmt.lang)] = _schedule_lines(index, fmt)
    if not mine:
        return list(base)
    return [replace(line, mine=True) if i in mine else line for i, line in enumerate(base)]


def _schedule_lines(index: ActionIndex, fmt: _Fmt) -> list:
    return [
        CueLine(
            start=fmt.hm(cue.starts_at),
            end=fmt.hm(cue.ends_at),
            title=cue.title,
            place=cue.place,
            instructions=cue.instructions,
            who=_who(index, cue, fmt.tr),
            day=fmt.day_of(cue.starts_at, index.action),
            props=fmt.tr.comma_list(p.name for p in cue.props),
            sort_key=(cue.starts_at, cue.id),
        )
        for cue in index.cues
    ]


def personal_sheet(
    index: ActionIndex,
    person: m.Participant,
    *,
    lang: str,
    paper: str,
    now: datetime,
    include_personal_data: bool = False,
) -> PersonalSheet:
    action = index.action
    fmt = _Fmt(lang, action)
    assignments = sorted(
        index.roles_of.get(person.id, []), key=lambda a: (a.call_time is None, a.call_time)
    )
    mine = index.cue_indexes(person.id)
    carried = index.props_of.get(person.id, [])
    carried_ids = {p.id for p in carried}
    cues = []
    for i in mine:
        cue = index.cues[i]
        cues.append(
            CueLine(
                start=fmt.hm(cue.starts_at),
                end=fmt.hm(cue.ends_at),
                title=cue.title,
                place=cue.place,
                instructions=cue.instructions,
                bring=fmt.tr.comma_list(p.name for p in cue.props if p.id in carried_ids),
                mine=True,
                day=fmt.day_of(cue.starts_at, action),
            )
        )
    first_call = next((a.call_time for a in assignments if a.call_time), None)
    if first_call is None and mine:
        first_call = index.cues[mine[0]].starts_at
    carries = [
        Carried(
            name=prop.name,
            quantity=prop.quantity,
            others=[c.alias for c in prop.carriers if c.id != person.id],
            times=[fmt.hm(index.cues[i].starts_at) for i in index.cues_of_prop.get(prop.id, [])],
        )
        for prop in carried
    ]
    press = any(is_press_role(a.role) for a in assignments)
    return PersonalSheet(
        header=cached_header(index, lang=lang, paper=paper, now=now, private=include_personal_data),
        alias=person.alias,
        roles=[
            RoleLine(a.role.name, a.role.instructions, fmt.hm_on_its_day(a.call_time, first_call))
            for a in assignments
        ],
        call_time=fmt.hm(first_call),
        cues=cues,
        schedule=schedule_lines(index, fmt, mine=set(mine)),
        carries=carries,
        no_photo=index.no_photo if press else None,
        full_name=person.full_name if include_personal_data else "",
        phone=person.phone if include_personal_data else "",
        email=person.email if include_personal_data else "",
        call_at=first_call,
        uid=assignments[0].uid if assignments else "",
        call_day=_call_day(lang, first_call, action.timezone),
    )


def _call_day(lang: str, call: datetime | None, timezone: str) -> str:
    return day_without_year(lang, call.astimezone(zone(timezone)).date()) if call else ""


def load(session: Session, action_id: int) -> ActionIndex:
    from app.storage.rows import load_action

    return ActionIndex(load_action(session, action_id))


def personal_sheets(
    session: Session,
    action_id: int,
    *,
    lang: str | None = None,
    paper: str | None = None,
    alias: str | None = None,
    role_id: int | None = None,
    include_personal_data: bool = False,
    now: datetime | None = None,
) -> list[PersonalSheet]:
    """One sheet per reader (all, one alias, or the holders of one role), each in the reader's
    language unless ``lang`` overrides it."""
    override = checked_language(lang)
    index = load(session, action_id)
    paper = paper_for(index.action.country, paper)
    now = now or utcnow()
    readers = index.readers()
    if alias is not None:
        key = m.alias_key(alias)
        readers = [p for p in readers if p.alias_key == key]
        if not readers:
            from app.domain.errors import NotFoundError

            raise NotFoundError(
                _("no participant with alias {alias!r} in this action").format(alias=alias),
                field="participant",
            )
    if role_id is not None:
        readers = [
            p for p in readers if any(a.role_id == role_id for a in index.roles_of.get(p.id, []))
        ]
    return [
        personal_sheet(
            index,
            person,
            lang=reader_language(person, index.action, override),
            paper=paper,
            now=now,
            include_personal_data=include_personal_data,
        )
        for person in readers
    ]


@dataclass
class Choices:
    """What the run-sheet dialog offers for one action."""

    title: str
    readers: list[tuple[str, str]]  # (alias, language)
    roles: list[tuple[int, str]]
    languages: list[str]
    paper: str


def choices(session: Session, action_id: int) -> Choices:
    index = load(session, action_id)
    action = index.action
    readers = [(p.alias, reader_language(p, action, None)) for p in index.readers()]
    languages = [main_language(action)]
    for code in [*(action.languages or []), *(lang for _a, lang in readers), "en"]:
        lang = normalise_language(code)
        if lang and lang not in languages:
            languages.append(lang)
    return Choices(
        title=action.title,
        readers=readers,
        roles=[(r.id, r.name) for r in action.roles],
        languages=languages,
        paper=paper_for(action.country),
    )
