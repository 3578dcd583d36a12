"""Read an action bundle (BUNDLE.md, version 1): check everything, then write it in one go.

Every problem is reported with its path (``schedule[3].starts_at: …``); when there is any,
nothing is written. ``bundle_insert.write_plan`` writes the checked plan.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.enums import ActionStatus, PropStatus, ReleaseStatus, values
from app.domain.errors import DomainError, Problem, short
from app.domain.timeutil import LocalTimeError, parse_date, parse_local, zone
from app.i18n import _
from app.services import bundle_day as day
from app.services.bundle_advisory import read_advisories
from app.services.bundle_insert import ImportResult, write_plan
from app.services.bundle_json import bad_text, parse_json
from app.services.chain import read_follows
from app.services.fields import ENTITY_FIELDS, check_value
from app.services.fields import Field as F
from app.services.validation import SLUG_RE

UTC_ZONE = ZoneInfo("UTC")
FORMAT = "cortege.bundle"
VERSION = 1

TOP = {
    "format",
    "version",
    "generator",
    "action",
    "roles",
    "participants",
    "assignments",
    "props",
    "schedule",
    "press_releases",
    "tasks",
    "media_contacts",
    "media_advisories",
}
ACTION = {
    "slug",
    "title",
    "message",
    "description",
    "status",
    "timezone",
    "country",
    "starts_at",
    "ends_at",
    "location",
    "route",
    "languages",
    "fallback_plan",
    "safety_notes",
    "contacts",
    "declaration",
}
LOCATION = {"name", "address", "meeting_point", "latitude", "longitude"}
CONTACT = {"label", "phone", "email"}
DECLARATION = {"authority", "sent_on", "received_on", "reference"}
ROLE = {"key", "name", "needed", "instructions"}
PARTICIPANT = {
    "key",
    "alias",
    "full_name",
    "phone",
    "email",
    "language",
    "notes",
    "retain_until",
    "consent",
}
CONSENT = {"given_on", "scope", "photos"}
ASSIGNMENT = {"participant", "role", "call_time", "confirmed", "attended", "pack_sent"}
PROP = {"key", "name", "quantity", "status", "carried_by", "cost", "notes"}
CUE = {
    "key",
    "follows",
    "starts_at",
    "minutes",
    "title",
    "place",
    "instructions",
    "roles",
    "participants",
    "props",
    "photo_opportunity",
}
RELEASE = {
    "key",
    "language",
    "headline",
    "subheadline",
    "dateline",
    "release_at",
    "embargo_until",
    "body",
    "quotes",
    "boilerplate",
    "press_contacts",
    "status",
    "translation_of",
    "notes_to_editors",
}
QUOTE = {"speaker", "text"}
TASK = {"title", "due", "assignee", "done"}
MEDIA = {"outlet", "name", "email", "phone", "language", "beat"}
TOP, ACTION, ASSIGNMENT, PROP, CUE = day.extend(TOP, ACTION, ASSIGNMENT, PROP, CUE)


class _Reader:
    """Walks the parsed JSON, collecting problems and clean values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.tz = None

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(
        self, value: Any, path: str, allowed: set[str], required: tuple[str, ...] = ()
    ) -> dict | None:
        if not isinstance(value, dict):
            self.fail(path, _("must be an object"))
            return None
        for name in value:
            if name not in allowed:
                self.fail(f"{path}.{name}" if path else name, _("unknown field"))
        for name in required:
            if name not in value or value[name] is None:
                self.fail(f"{path}.{name}" if path else name, _("is required"))
        return value

    def items(self, data: dict, name: str) -> list:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(name, _("must be a list"))
            return []
        return value

    def text(
        self,
        d: dict,
        name: str,
        path: str,
        *,
        of: str | None = None,
        column: str | None = None,
        required: bool = False,
        max_len: int = 20000,
    ) -> str:
        """The text ``d[name]``, checked by the rule the app saves it with (``of``: the entity,
        ``column`` its field when named otherwise): its length, one line for a title or an
        alias. A bundle held 5,001 characters of safety notes the window could not save back,
        and titles with line breaks that broke ``list``'s one line per action."""
        if name not in d or d[name] is None:
            return ""  # a missing required field is reported once, by obj()
        rule = F("text", required=required, max_len=max_len)
        if of is not None:
            rule = ENTITY_FIELDS[of][column or name]
            rule = F(rule.kind, required=required or rule.required, max_len=rule.max_len)
        cleaned, err = check_value(rule, d[name])
        if err:
            self.fail(f"{path}.{name}", err)
            return ""
        return cleaned

    def check(self, d: dict, name: str, path: str, kind: F, default: Any = None) -> Any:
        if name not in d or d[name] is None and kind.kind not in ("bool_or_none",):
            return default
        cleaned, err = check_value(kind, d[name])
        if err:
            self.fail(f"{path}.{name}", err)
            return default
        return cleaned

    def date(self, d: dict, name: str, path: str):
        value = d.get(name)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            self.fail(f"{path}.{name}", str(exc))
            return None

    def time(self, d: dict, name: str, path: str, *, required: bool = False):
        value = d.get(name)
        if value is None:
            if required:
                self.fail(f"{path}.{name}", _("is required"))
            return None
        try:
            if self.tz is None:  # the zone is wrong (reported): still check the format
                parse_local(value, UTC_ZONE)
                return None
            return parse_local(value, self.tz)
        except LocalTimeError as exc:
            if self.tz is not None or exc.kind == "format":
                self.fail(f"{path}.{name}", str(exc))
            return None

    def key(self, d: dict, path: str, seen: set[str]) -> str | None:
        value = d.get("key")
        if value is None:
            return None  # reported as required by obj()
        if not isinstance(value, str) or not value:
            self.fail(f"{path}.key", _("must be non-empty text"))
            return None
        if value in seen:
            self.fail(f"{path}.key", _("duplicate key {key!r}").format(key=short(value)))
            return None
        seen.add(value)
        return value

    def ref(self, d: dict, name: str, path: str, known: set[str]) -> str | None:
        value = d.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(f"{path}.{name}", _("must be a key (text)"))
            return None
        if value not in known:
            self.fail(f"{path}.{name}", _("no such key {key!r}").format(key=short(value)))
            return None
        return value

    def refs(self, d: dict, name: str, path: str, known: set[str]) -> list[str]:
        value = d.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{path}.{name}", _("must be a list of keys"))
            return []
        out = []
        for i, key in enumerate(value):
            if key not in known:
                self.fail(f"{path}.{name}[{i}]", _("no such key {key!r}").format(key=short(key)))
            elif key not in out:
                out.append(key)
        return out


def _int_field(entity: str, name: str) -> F:
    """The bundle checks a whole number with the same bounds as the window's services."""
    return ENTITY_FIELDS[entity][name]


def read_bundle(data: Any) -> dict:
    """Check a parsed bundle; return a clean plan or raise DomainError with every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise DomainError(_("a bundle must be a JSON object"))
    unstorable = list(bad_text(data, ""))
    if unstorable:
        raise DomainError(unstorable[:20])
    if data.get("format") != FORMAT:
        raise DomainError(
            _("not a Cortège bundle (format must be {fmt!r})").format(fmt=FORMAT), field="format"
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DomainError(_("must be a whole number"), field="version")
    if version > VERSION:
        raise DomainError(
            _(
                "this bundle is version {v}; this Cortège reads version {ours}: update Cortège"
            ).format(v=short(version), ours=VERSION),
            field="version",
        )
    if version < 1:
        raise DomainError(_("unknown bundle version {v}").format(v=short(version)), field="version")
    r.obj(data, "", TOP, ("action",))
    written_by = data.get("generator")  # informational: the app and version that wrote it
    if written_by is not None and not (isinstance(written_by, str) and written_by.strip()):
        r.fail("generator", _("must be non-empty text"))
    plan: dict = {}
    a = r.obj(
        data.get("action", {}), "action", ACTION, ("title", "timezone", "starts_at", "ends_at")
    )
    if a is not None:
        plan["action"] = _read_action(r, a)
    known_roles: set[str] = set()
    plan["roles"] = []
    for i, item in enumerate(r.items(data, "roles")):
        p = f"roles[{i}]"
        d = r.obj(item, p, ROLE, ("key", "name"))
        if d is None:
            continue
        key = r.key(d, p, known_roles)
        plan["roles"].append(
            {
                "key": key,
                "name": r.text(d, "name", p, of="role", required=True),
                "needed": r.check(d, "needed", p, _int_field("role", "needed"), 1),
                "instructions": r.text(d, "instructions", p, of="role"),
            }
        )
    plan["participants"] = _read_participants(r, data)
    known_people = {p["key"] for p in plan["participants"] if p["key"]}
    plan["assignments"] = []
    pairs: set[tuple[str, str]] = set()
    for i, item in enumerate(r.items(data, "assignments")):
        p = f"assignments[{i}]"
        d = r.obj(item, p, ASSIGNMENT, ("participant", "role"))
        if d is None:
            continue
        who = r.ref(d, "participant", p, known_people)
        role = r.ref(d, "role", p, known_roles)
        if who is not None and role is not None and (who, role) in pairs:
            r.fail(
                p, _("{who!r} already has role {role!r}").format(who=short(who), role=short(role))
            )
        pairs.add((who, role))
        plan["assignments"].append(
            {
                "participant": who,
                "role": role,
                "call_time": r.time(d, "call_time", p),
                "confirmed": r.check(d, "confirmed", p, F("bool"), False),
                "attended": r.check(d, "attended", p, F("bool_or_none"), None),
                "pack_sent": r.check(d, "pack_sent", p, F("bool"), False),
            }
        )
    known_props: set[str] = set()
    plan["props"] = []
    for i, item in enumerate(r.items(data, "props")):
        p = f"props[{i}]"
        d = r.obj(item, p, PROP, ("key", "name"))
        if d is None:
            continue
        plan["props"].append(
            {
                "key": r.key(d, p, known_props),
                "name": r.text(d, "name", p, of="prop", required=True),
                "quantity": r.check(d, "quantity", p, _int_field("prop", "quantity"), 1),
                "status": r.check(
                    d, "status", p, F("enum", choices=tuple(values(PropStatus))), "needed"
                ),
                "carried_by": r.refs(d, "carried_by", p, known_people),
                "cost": _cost(r, d, p),
                "notes": r.text(d, "notes", p, of="prop"),
            }
        )
    plan["schedule"] = []
    known_cues: set[str] = set()
    for i, item in enumerate(r.items(data, "schedule")):
        p = f"schedule[{i}]"
        d = r.obj(item, p, CUE, ("key", "starts_at", "minutes", "title"))
        if d is None:
            continue
        plan["schedule"].append(
            {
                "key": r.key(d, p, known_cues),
                "starts_at": r.time(d, "starts_at", p),
                "minutes": r.check(d, "minutes", p, _int_field("cue", "minutes"), 1),
                "title": r.text(d, "title", p, of="cue", required=True),
                "place": r.text(d, "place", p, of="cue"),
                "instructions": r.text(d, "instructions", p, of="cue"),
                "roles": r.refs(d, "roles", p, known_roles),
                "participants": r.refs(d, "participants", p, known_people),
                "props": r.refs(d, "props", p, known_props),
                "photo_opportunity": r.check(d, "photo_opportunity", p, F("bool"), False),
                "follows": d.get("follows"),
            }
        )
    read_follows(r, plan["schedule"], known_cues)
    day.read_day(r, data, plan, known_cues)
    plan["press_releases"] = _read_releases(r, data)
    plan["media_advisories"] = read_advisories(r, data)
    plan["tasks"] = []
    for i, item in enumerate(r.items(data, "tasks")):
        p = f"tasks[{i}]"
        d = r.obj(item, p, TASK, ("title",))
        if d is None:
            continue
        who = r.ref(d, "assignee", p, known_people)
        plan["tasks"].append(
            {
                "title": r.text(d, "title", p, of="task", required=True),
                "due": r.date(d, "due", p),
                "assignee": who,
                "done": r.check(d, "done", p, F("bool"), False),
            }
        )
    plan["media_contacts"] = []
    for i, item in enumerate(r.items(data, "media_contacts")):
        p = f"media_contacts[{i}]"
        d = r.obj(item, p, MEDIA, ("outlet",))
        if d is None:
            continue
        plan["media_contacts"].append(
            {
                "outlet": r.text(d, "outlet", p, of="media_contact", required=True),
                "name": r.text(d, "name", p, of="media_contact"),
                "email": r.check(d, "email", p, F("email"), ""),
                "phone": r.text(d, "phone", p, of="media_contact"),
                "language": r.check(d, "language", p, F("language"), ""),
                "beat": r.text(d, "beat", p, of="media_contact"),
            }
        )
    if r.problems:
        raise DomainError(r.problems)
    return plan


def _read_action(r: _Reader, a: dict) -> dict:
    p = "action"
    out: dict = {}
    slug = a.get("slug")
    if slug is not None and (not isinstance(slug, str) or not SLUG_RE.match(slug)):
        r.fail(
            "action.slug",
            _("{value!r} is not a slug (a-z, 0-9 and -, at most 64)").format(value=short(slug)),
        )
    out["slug"] = slug
    out["title"] = r.text(a, "title", p, of="action", required=True)
    for name in ("message", "description", "fallback_plan", "safety_notes"):
        out[name] = r.text(a, name, p, of="action")
    out["status"] = r.check(
        a, "status", p, F("enum", choices=tuple(values(ActionStatus))), "planned"
    )
    tzname = a.get("timezone")
    if tzname is not None:
        try:
            r.tz = zone(tzname)
            out["timezone"] = tzname
        except ValueError as exc:
            r.fail("action.timezone", str(exc))
    country = a.get("country", "")
    if country is not None and (not isinstance(country, str) or country != country.upper()):
        r.fail(
            "action.country",
            _("{value!r} is not an ISO 3166 country code").format(value=short(country)),
        )
        out["country"] = ""
    else:
        out["country"] = r.check(a, "country", p, F("country"), "")
    out["starts_at"] = r.time(a, "starts_at", p)
    out["ends_at"] = r.time(a, "ends_at", p)
    if out["starts_at"] and out["ends_at"] and out["ends_at"] < out["starts_at"]:
        r.fail("action.ends_at", _("ends before the action starts"))
    loc = a.get("location")
    out.update(location_name="", address="", meeting_point="", latitude=None, longitude=None)
    if loc is not None:
        loc = r.obj(loc, "action.location", LOCATION)
        if loc is not None:
            lp = "action.location"
            out["location_name"] = r.text(loc, "name", lp, of="action", column="location_name")
            out["address"] = r.text(loc, "address", lp, of="action")
            out["meeting_point"] = r.text(loc, "meeting_point", lp, of="action")
            out["latitude"] = r.check(loc, "latitude", lp, F("latitude"))
            out["longitude"] = r.check(loc, "longitude", lp, F("longitude"))
    out["route"] = r.check(a, "route", p, F("text_list"), [])
    raw_languages = a.get("languages")
    if isinstance(raw_languages, list):  # every bad code, each with its index (BUNDLE.md)
        out["languages"] = []
        for i, item in enumerate(raw_languages):
            lang, err = check_value(F("language", required=True), item)
            if err:
                r.fail(f"{p}.languages[{i}]", err)
            elif lang not in out["languages"]:
                out["languages"].append(lang)
    else:
        out["languages"] = r.check(a, "languages", p, F("languages"), [])
    out["contacts"] = []
    contacts = a.get("contacts")
    if contacts is not None and not isinstance(contacts, list):
        r.fail("action.contacts", _("must be a list"))
        contacts = []
    for i, c in enumerate(contacts or []):
        cp = f"action.contacts[{i}]"
        c = r.obj(c, cp, CONTACT, ("label",))
        if c is not None:
            out["contacts"].append(
                {
                    "position": i,
                    "label": r.text(c, "label", cp, of="contact", required=True),
                    "phone": r.text(c, "phone", cp, of="contact"),
                    "email": r.check(c, "email", cp, F("email"), ""),
                }
            )
    out.update(decl_authority="", decl_sent_on=None, decl_received_on=None, decl_reference="")
    decl = a.get("declaration")
    if decl is not None:
        decl = r.obj(decl, "action.declaration", DECLARATION)
        if decl is not None:
            dp = "action.declaration"
            out["decl_authority"] = r.text(
                decl, "authority", dp, of="action", column="decl_authority"
            )
            out["decl_sent_on"] = r.date(decl, "sent_on", dp)
            out["decl_received_on"] = r.date(decl, "received_on", dp)
            out["decl_reference"] = r.text(
                decl, "reference", dp, of="action", column="decl_reference"
            )
    return out


def _read_participants(r: _Reader, data: dict) -> list[dict]:
    out = []
    keys: set[str] = set()
    aliases: dict[str, int] = {}
    for i, item in enumerate(r.items(data, "participants")):
        p = f"participants[{i}]"
        d = r.obj(item, p, PARTICIPANT, ("key", "alias"))
        if d is None:
            continue
        alias = r.text(d, "alias", p, of="participant", required=True).strip()
        k = m.alias_key(alias) if alias else ""  # once a row: the import looks people up by it
        if alias:
            if k in aliases:
                r.fail(
                    f"{p}.alias",
                    _("{alias!r} is also the alias of participants[{j}]").format(
                        alias=alias, j=aliases[k]
                    ),
                )
            aliases[k] = i
        consent = {"given_on": None, "scope": "", "photos": False}
        if d.get("consent") is not None:
            c = r.obj(d["consent"], f"{p}.consent", CONSENT)
            if c is not None:
                consent = {
                    "given_on": r.date(c, "given_on", f"{p}.consent"),
                    "scope": r.text(
                        c, "scope", f"{p}.consent", of="participant", column="consent_scope"
                    ),
                    "photos": r.check(c, "photos", f"{p}.consent", F("bool"), False),
                }
        out.append(
            {
                "key": r.key(d, p, keys),
                "alias": alias,
                "alias_key": k,
                "full_name": r.text(d, "full_name", p, of="participant"),
                "phone": r.text(d, "phone", p, of="participant"),
                "email": r.check(d, "email", p, F("email"), ""),
                "language": r.check(d, "language", p, F("language"), ""),
                "notes": r.text(d, "notes", p, of="participant"),
                "retain_until": r.date(d, "retain_until", p),
                "consent_given_on": consent["given_on"],
                "consent_scope": consent["scope"],
                "consent_photos": consent["photos"],
            }
        )
    return out


def _read_releases(r: _Reader, data: dict) -> list[dict]:
    out = []
    keys: set[str] = set()
    raw = r.items(data, "press_releases")
    all_keys = {d.get("key") for d in raw if isinstance(d, dict) and isinstance(d.get("key"), str)}
    for i, item in enumerate(raw):
        p = f"press_releases[{i}]"
        d = r.obj(item, p, RELEASE, ("key", "language", "headline"))
        if d is None:
            continue
        key = r.key(d, p, keys)
        source = r.ref(d, "translation_of", p, {k for k in all_keys if k != key})
        quotes = []
        qs = d.get("quotes")
        if qs is not None and not isinstance(qs, list):
            r.fail(f"{p}.quotes", _("must be a list"))
            qs = []
        for j, q in enumerate(qs or []):
            qp = f"{p}.quotes[{j}]"
            q = r.obj(q, qp, QUOTE, ("text",))
            if q is not None:
                quotes.append(
                    {
                        "speaker": r.text(q, "speaker", qp, max_len=200),
                        "text": r.text(q, "text", qp, required=True),
                    }
                )
        contacts = []
        cs = d.get("press_contacts")
        if cs is not None and not isinstance(cs, list):
            r.fail(f"{p}.press_contacts", _("must be a list"))
            cs = []
        for j, c in enumerate(cs or []):
            cp = f"{p}.press_contacts[{j}]"
            c = r.obj(c, cp, CONTACT)
            if c is not None:
                contacts.append(
                    {
                        "label": r.text(c, "label", cp, max_len=200),
                        "phone": r.text(c, "phone", cp, max_len=64),
                        "email": r.check(c, "email", cp, F("email"), ""),
                    }
                )
        lang = r.check(d, "language", p, F("language", required=True), None)
        out.append(
            {
                "key": key,
                "language": lang,
                "headline": r.check(d, "headline", p, F("line", required=True, max_len=500), ""),
                "subheadline": r.text(d, "subheadline", p, of="release"),
                "dateline": r.check(d, "dateline", p, F("line", max_len=200), ""),
                "release_at": r.time(d, "release_at", p),
                "embargo_until": r.time(d, "embargo_until", p),
                "body": r.text(d, "body", p, of="release"),
                "boilerplate": r.text(d, "boilerplate", p, of="release"),
                "notes_to_editors": r.text(d, "notes_to_editors", p, of="release"),
                "status": r.check(
                    d, "status", p, F("enum", choices=tuple(values(ReleaseStatus))), "draft"
                ),
                "translation_of": source,
                "quotes": quotes,
                "press_contacts": contacts,
            }
        )
    return out


def _cost(r: _Reader, d: dict, p: str) -> Decimal | None:
    value = d.get("cost")
    if value is None:
        return None
    if not isinstance(value, str):
        r.fail(f"{p}.cost", _('must be a decimal written as text, like "35.00"'))
        return None
    return r.check(d, "cost", p, F("money"))


def import_bundle(session: Session, raw: bytes | str | dict) -> ImportResult:
    """Check and write a bundle; nothing is written unless all of it is valid."""
    data = raw if isinstance(raw, dict) else parse_json(raw)
    return write_plan(session, read_bundle(data))
