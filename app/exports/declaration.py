"""The declaration letter (PDF): what the law asks for, to the right authority, on time.

The letter is a legal form read by the authority, so it is written in the authority's language
(``rule.letter_language``), whatever the UI's: its wording is kept here as data, one template
per language, beside the rules in ``app/domain/declaration.py``. Dates and times are formatted by
babel in that language.

The organisers' names and home addresses are personal data: they are passed in each time and
never stored in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.declaration import DeclarationRule, known_authority, rule_for, window
from app.domain.errors import DomainError, Problem
from app.domain.timeutil import zone
from app.i18n import Translator, _

# One template per letter language. {placeholders} are filled from the action.
LETTERS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Déclaration préalable de manifestation sur la voie publique",
        "to": "À l’attention de : {authority}",
        "subject": "Objet : déclaration préalable de manifestation",
        "intro": (
            "Conformément aux articles L211-1 à L211-4 du code de la sécurité intérieure, "
            "{signers} l’organisation de la manifestation décrite ci-dessous."
        ),
        "signers_one": "la personne soussignée déclare",
        "signers_many": "les personnes soussignées déclarent",
        "purpose": "Objet de la manifestation",
        "assembly": "Lieu de rassemblement",
        "when": "Date et heure du rassemblement",
        "when_value": "{date}, de {start} à {end}",
        "route": "Itinéraire",
        "static": "Rassemblement statique, sans cortège",
        "organisers": "Organisateurs (nom et domicile)",
        "window": (
            "Délai légal : cette déclaration doit être reçue au moins {min} et au plus {max} "
            "jours francs avant la manifestation, soit entre le {first} et le {last} inclus."
        ),
        "window_open": (
            "Délai légal : cette déclaration doit être reçue au moins {min} jours francs avant "
            "la manifestation, soit au plus tard le {last}."
        ),
        "closing": (
            "Nous vous prions d’en accuser réception et vous prions d’agréer l’expression de "
            "notre considération distinguée."
        ),
        "done_at": "Fait à {place}, le {date}",
        "signature": "Signature",
        "confidential": "Confidentiel — contient des données personnelles des organisateurs",
    },
    "en": {
        "title": "Notice of a public procession",
        "to": "To: {authority}",
        "subject": "Re: advance notice of a public procession",
        "intro": (
            "Under section 11 of the Public Order Act 1986, {signers} notice of the public "
            "procession described below."
        ),
        "signers_one": "the undersigned gives",
        "signers_many": "the undersigned give",
        "purpose": "Purpose",
        "assembly": "Starting point (place of assembly)",
        "when": "Date and time",
        "when_value": "{date}, {start} to {end}",
        "route": "Proposed route",
        "static": "Static assembly, no procession",
        "organisers": "Organisers (name and address)",
        "window": (
            "This notice must be received at least {min} and at most {max} clear days before "
            "the event: between {first} and {last} inclusive."
        ),
        "window_open": (
            "This notice must be received at least {min} clear days before the procession: "
            "by {last} at the latest."
        ),
        "closing": "Please acknowledge receipt of this notice.",
        "done_at": "{place}, {date}",
        "signature": "Signature",
        "confidential": "Confidential: contains the organisers' personal details",
    },
}


@dataclass(frozen=True)
class Organiser:
    name: str
    address: str


def parse_organiser(text: str, *, field: str = "--organiser") -> Organiser:
    """``"Name|Home address"`` (the address may contain commas and line breaks)."""
    name, sep, address = text.partition("|")
    if not sep or not name.strip() or not address.strip():
        raise DomainError(
            _('{value!r} must be "Full name|Home address"').format(value=text), field=field
        )
    return Organiser(name.strip(), address.strip())


def check_organisers(organisers: list[Organiser], rule: DeclarationRule) -> None:
    problems = []
    for i, org in enumerate(organisers):
        if not org.name.strip():
            problems.append(Problem(f"organisers[{i}].name", _("is required")))
        if not org.address.strip():
            problems.append(Problem(f"organisers[{i}].address", _("is required")))
    if len(organisers) < max(rule.min_signatures, 1):
        problems.append(
            Problem(
                "organisers",
                _("at least one organiser (full name and home address) must sign"),
            )
        )
    if problems:
        raise DomainError(problems)


def rule_of_action(action: m.Action) -> DeclarationRule:
    rule = rule_for(action.country)
    if rule is None:
        from app.domain.declaration import RULES

        raise DomainError(
            _("no declaration rules for country {country!r} (known: {known})").format(
                country=action.country or "", known=", ".join(sorted(RULES))
            ),
            field="country",
        )
    return rule


def build_pdf(
    action: m.Action,
    organisers: list[Organiser],
    *,
    authority: str = "",
    place: str = "",
    today: date | None = None,
) -> bytes:
    """The letter as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from app.exports.fonts import BOLD, REGULAR, markup, register_fonts

    rule = rule_of_action(action)
    check_organisers(organisers, rule)
    register_fonts()
    lang = rule.letter_language
    text = LETTERS.get(lang) or LETTERS.get(lang.split("_")[0]) or LETTERS["en"]
    tr = Translator(lang)
    tz = zone(action.timezone)
    start = action.starts_at.astimezone(tz)
    end = action.ends_at.astimezone(tz)
    authority = (
        authority.strip()
        or action.decl_authority
        or known_authority(rule, action.address, action.location_name)
    )
    if not authority:
        raise DomainError(
            _(
                "say which authority receives the declaration; for this address Cortège only "
                "knows the rule: {hint}"
            ).format(hint=rule.authority_default),
            field="authority",
        )
    first, last = window(rule, start.date())
    today = today or datetime.now(tz).date()

    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10.5, leading=14.5)
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor="#555555")
    bold = ParagraphStyle("bold", parent=base, fontName=BOLD)
    title = ParagraphStyle(
        "title", parent=base, fontName=BOLD, fontSize=15, leading=19, alignment=TA_CENTER
    )
    label = ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=9.5, leading=13)

    def p(value: str, style=base) -> Paragraph:
        return Paragraph(markup(value).replace("\n", "<br/>"), style)

    story: list = []
    width = A4[0] - 40 * mm - 12  # the frame's width inside its 6 pt paddings
    senders: list = []
    for o in organisers:
        senders += [p(f"{o.name}\n{o.address}", base), Spacer(1, 2 * mm)]
    recipient = p(text["to"].format(authority=authority), bold)
    head = Table(
        [[senders, recipient]],
        colWidths=[width - 75 * mm, 75 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        ),
    )
    story += [head, Spacer(1, 8 * mm), p(text["title"], title), Spacer(1, 5 * mm)]
    story += [p(text["subject"], bold), Spacer(1, 3 * mm)]
    signers = text["signers_one"] if len(organisers) == 1 else text["signers_many"]
    story += [p(text["intro"].format(signers=signers)), Spacer(1, 4 * mm)]

    purpose = "\n".join(x for x in (action.title, action.message, action.description) if x)
    assembly = "\n".join(
        x for x in (action.location_name, action.address, action.meeting_point) if x
    )
    route = " → ".join(r for r in (action.route or []) if r) or text["static"]
    when = text["when_value"].format(
        date=tr.date(start.date(), "full"), start=tr.time(start), end=tr.time(end)
    )
    rows = [
        [p(text["purpose"], label), p(purpose)],
        [p(text["assembly"], label), p(assembly)],
        [p(text["when"], label), p(when)],
        [p(text["route"], label), p(route)],
        [
            p(text["organisers"], label),
            p("\n".join(f"{o.name} — {o.address}".replace("\n", ", ") for o in organisers)),
        ],
    ]
    story.append(
        Table(
            rows,
            colWidths=[50 * mm, width - 50 * mm],
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#BBBBBB")),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                ]
            ),
        )
    )
    story.append(Spacer(1, 5 * mm))
    if first is not None:
        story.append(
            p(
                text["window"].format(
                    min=rule.min_clear_days,
                    max=rule.max_clear_days,
                    first=tr.date(first, "long"),
                    last=tr.date(last, "long"),
                ),
                small,
            )
        )
    else:
        story.append(
            p(
                text["window_open"].format(min=rule.min_clear_days, last=tr.date(last, "long")),
                small,
            )
        )
    story += [Spacer(1, 4 * mm), p(text["closing"]), Spacer(1, 5 * mm)]
    where = place or _town(organisers[0].address)
    done_at = p(text["done_at"].format(place=where, date=tr.date(today, "long")))
    cells = [
        [p(o.name, bold), p(f"{text['signature']} :" if lang == "fr" else text["signature"])]
        for o in organisers
    ]
    story.append(
        KeepTogether(
            [
                done_at,
                Spacer(1, 3 * mm),
                Table(
                    cells,
                    colWidths=[70 * mm, width - 70 * mm],
                    hAlign="LEFT",
                    rowHeights=[16 * mm] * len(cells),
                    style=TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                            ("LEFTPADDING", (0, 0), (0, -1), 0),
                        ]
                    ),
                ),
            ]
        )
    )

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(20 * mm, 10 * mm, text["confidential"])
        canvas.drawRightString(190 * mm, 10 * mm, f"{doc.page}")
        canvas.restoreState()

    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=text["title"],
        author="",
        subject=text["confidential"],
        creator="Cortège",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def _town(address: str) -> str:
    """The town of a home address: its last line or comma part, without the postcode."""
    import re

    last = address.replace("\n", ",").split(",")[-1].strip()
    return re.sub(r"^\d{4,5}\s+", "", last) or last


def write_declaration(
    session: Session,
    action_id: int,
    out: str | Path,
    *,
    organisers: list[Organiser],
    authority: str = "",
    place: str = "",
    today: date | None = None,
) -> Path:
    """Write the letter for an action to ``out`` (atomically)."""
    from app.services.actions import load_action
    from app.storage.files import atomic_write

    action = load_action(session, action_id)
    data = build_pdf(action, organisers, authority=authority, place=place, today=today)
    return atomic_write(out, data)
