"""The declaration letter (PDF): what the law asks for, to the right authority, on time.

The letter is a legal form read by the authority, so it is written in the authority's language
(``rule.letter_language``), whatever the UI's: its wording is kept as data, one template per
language, in ``app/exports/declaration_letters.py``, beside the rules in
``app/domain/declaration.py``. Dates and times are formatted by babel in that language (French
writes "le 1er décembre"). Besides what the law lists, it prints what prefecture forms ask for
and the plan already holds: the expected headcount (the roles' needs), the props (vehicles such
as the hearse, the sound system), the route or the static place, start and end.

The organisers' names and home addresses are personal data: they are passed in each time and
never stored in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain import models as m
from app.domain.declaration import (
    DeclarationRule,
    known_authority,
    notice_required,
    rule_for,
    window,
)
from app.domain.errors import DomainError, Problem
from app.domain.timeutil import zone
from app.exports.declaration_letters import letter_text
from app.i18n import Translator, _, ngettext


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
    if not organisers:
        problems.append(
            Problem(
                "organisers",
                _("at least one organiser (full name and home address) must sign"),
            )
        )
    if problems:
        raise DomainError(problems)


def letter_warnings(organisers: list[Organiser], rule: DeclarationRule) -> list[str]:
    """What the letter can be written without, but the authority may hold against it."""
    if 0 < len(organisers) < rule.min_signatures:
        return [
            ngettext(
                "the law asks for the signatures of {n} organiser; this letter has {have}",
                "the law asks for the signatures of {n} organisers; this letter has {have}",
                rule.min_signatures,
            ).format(n=rule.min_signatures, have=len(organisers))
        ]
    return []


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
    if not notice_required(rule, action.route):
        raise DomainError(_(rule.static_note), field="route")
    return rule


def default_purpose(action: m.Action, lang: str) -> str:
    """The purpose in the letter's language: the release written in it (headline and
    subheadline) when there is one, else the action's title and message as typed."""
    base = lang.split("_")[0]
    for rel in sorted(action.releases, key=lambda r: (r.translation_of_id is not None, r.id)):
        if rel.language.split("_")[0] == base and rel.headline.strip():
            return "\n".join(x.strip() for x in (rel.headline, rel.subheadline or "") if x.strip())
    return "\n".join(x.strip() for x in (action.title, action.message) if x and x.strip())


def expected_headcount(action: m.Action) -> int:
    """The people the plan counts on: the roles' needs, or those assigned when more."""
    needed = sum(r.needed or 0 for r in action.roles)
    assigned = len({a.participant_id for a in action.assignments})
    return max(needed, assigned)


def equipment(action: m.Action) -> str:
    """The props (vehicles such as the hearse, sound system, banners), with quantities."""
    return ", ".join(
        f"{p.name.strip()} × {p.quantity}" if (p.quantity or 0) > 1 else p.name.strip()
        for p in action.props
        if p.name.strip()
    )


def build_pdf(
    action: m.Action,
    organisers: list[Organiser],
    *,
    authority: str = "",
    place: str = "",
    purpose: str = "",
    today: date | None = None,
) -> bytes:
    """The letter as PDF bytes: one page when it fits (the type set a little smaller first),
    the date and signatures always on the page of the closing words."""
    rule = rule_of_action(action)
    check_organisers(organisers, rule)
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
            ).format(hint=_(rule.authority_default)),
            field="authority",
        )
    tz = zone(action.timezone)
    args = dict(
        rule=rule,
        organisers=organisers,
        authority=authority,
        place=place,
        purpose=purpose.strip() or default_purpose(action, rule.letter_language),
        today=today or datetime.now(tz).date(),
    )
    for scale in (1.0, 0.92, 0.85):
        data, pages = _render(action, scale=scale, **args)
        if pages == 1 or pages > 2:  # fits, or no smaller type would make it fit
            break
    return data


def _render(
    action: m.Action,
    *,
    rule: DeclarationRule,
    organisers: list[Organiser],
    authority: str,
    place: str,
    purpose: str,
    today: date,
    scale: float,
) -> tuple[bytes, int]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Spacer,
        Table,
        TableStyle,
    )

    from app.exports import pdfkit
    from app.exports.fonts import BOLD, REGULAR, register_fonts
    from app.exports.press.conventions import format_day

    register_fonts()
    lang = rule.letter_language
    text = letter_text(lang)
    tr = Translator(lang)
    tz = zone(action.timezone)
    start = action.starts_at.astimezone(tz)
    end = action.ends_at.astimezone(tz)
    first, last = window(rule, start.date())

    def day(value: date, fmt: str = "long") -> str:
        return format_day(value, lang, rule.country, fmt=fmt)

    def st(name: str, size: float, lead: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=kw.pop("font", REGULAR),
            fontSize=size * scale,
            leading=lead * scale,
            **kw,
        )

    base = st("base", 10.5, 14.5)
    small = st("small", 8.5, 11, textColor="#555555")
    bold = st("bold", 10.5, 14.5, font=BOLD)
    title = st("title", 15, 19, font=BOLD, alignment=TA_CENTER)
    label = st("label", 9.5, 13, font=BOLD)

    def p(value: str, style=base) -> list:
        """A paragraph per typed line, each shaped and ordered as its script needs; a line
        stays in the letter's direction (an Arabic name in a French letter reads left to
        right around it)."""
        from app.exports.shaped_paragraph import ShapedParagraph
        from app.exports.shaping import needs_shaping

        out = []
        for line in (value or "").splitlines() or [""]:
            if needs_shaping(line):
                strong = style.fontName == BOLD
                out.append(ShapedParagraph([(line, strong)], style, direction_of=text["title"]))
            else:
                out.append(pdfkit.para(line, style))
        return out

    def height(flows: list, w: float) -> float:
        """As a table cell stacks them: each one's height and the space around it."""
        return sum(f.wrap(w, A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flows)

    def gap(h: float) -> Spacer:
        return Spacer(1, h * mm * scale)

    width = pdfkit.content_width("a4") - 12  # the frame's width inside its 6 pt paddings
    # The first organiser is the address for replies; all of them are named in the table.
    sender = p(f"{organisers[0].name}\n{organisers[0].address}")
    recipient = p(text["to"].format(authority=authority), bold)
    # Sender and recipient side by side, unless one is taller than half a page (an address of
    # many lines): then one below the other, flowing, since a table row cannot split and the
    # whole letter would be printed flat, its signatures scattered over pages.
    if max(height(sender, width - 75 * mm), height(recipient, 75 * mm)) < A4[1] / 2:
        head = [
            Table(
                [[sender, recipient]],
                colWidths=[width - 75 * mm, 75 * mm],
                hAlign="LEFT",
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ]
                ),
            )
        ]
    else:
        head = [*sender, gap(4), *recipient]
    story: list = [*head, gap(7), *p(text["title"], title), gap(4)]
    story += [*p(text["subject"], bold), gap(2.5)]
    signers = text["signers_one"] if len(organisers) == 1 else text["signers_many"]
    story += [*p(text["intro"].format(signers=signers)), gap(3)]

    assembly = "\n".join(
        x for x in (action.location_name, action.address, action.meeting_point) if x
    )
    route = [r.strip() for r in (action.route or []) if r and r.strip()]
    if len(route) >= 2:
        route_text = text["route_value"].format(route=" → ".join(route), last=route[-1])
    else:
        route_text = text["static"]
    overnight = end.date() != start.date()  # a night vigil ends the next day
    when = text["when_overnight" if overnight else "when_value"].format(
        date=day(start.date(), "full"),
        start=tr.time(start),
        end=tr.time(end),
        end_date=day(end.date(), "full"),
    )
    rows = [
        (text["purpose"], purpose),
        (text["assembly"], assembly),
        (text["when"], when),
        (text["route"], route_text),
    ]
    headcount = expected_headcount(action)
    if headcount:
        # French writes 1 person in the singular ("environ 1 personne"), like the signers.
        value = text["headcount_value_one"] if headcount == 1 else text["headcount_value"]
        rows.append((text["headcount"], value.format(n=headcount)))
    if equipment(action):
        rows.append((text["equipment"], equipment(action)))
    rows.append(
        (
            text["organisers"],
            # The mark keeps a right-to-left name from taking the house number with it.
            "\n".join(f"{o.name}\u200e — {o.address}".replace("\n", ", ") for o in organisers),
        )
    )
    # One table per row; a value taller than half a page flows (and splits) below its label
    # instead, as reportlab cannot split a table row.
    line = colors.HexColor("#BBBBBB")
    value_width = width - 50 * mm
    for i, (k, v) in enumerate(rows):
        value = p(v)
        rule_below = [("LINEBELOW", (0, 0), (-1, -1), 0.4, line)] if i < len(rows) - 1 else []
        if height(value, value_width - 12) < A4[1] / 2:
            story.append(
                Table(
                    [[p(k, label), value]],
                    colWidths=[50 * mm, value_width],
                    hAlign="LEFT",
                    style=TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("TOPPADDING", (0, 0), (-1, -1), 4 * scale),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * scale),
                            ("LEFTPADDING", (0, 0), (0, -1), 0),
                            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                            *rule_below,
                        ]
                    ),
                )
            )
        else:
            story += [gap(1.5), *p(k, label), *value, gap(2)]
    story.append(gap(4))
    if first is not None:
        notice = text["window"].format(
            min=rule.min_clear_days, max=rule.max_clear_days, first=day(first), last=day(last)
        )
    else:
        notice = text["window_open"].format(min=rule.min_clear_days, last=day(last))
    story += [*p(notice, small), gap(3)]
    where = place or _town(organisers[0].address)
    # The closing words, the date and every signature stay together: never a page of
    # signatures alone.
    per_row = min(len(organisers), 3)
    col = width / per_row
    cells: list[list] = []
    for i in range(0, len(organisers), per_row):
        chunk = organisers[i : i + per_row]
        cells.append([p(o.name, bold) for o in chunk] + [""] * (per_row - len(chunk)))
        cells.append([p(text["signature"], small) for _o in chunk] + [""] * (per_row - len(chunk)))
    sign_style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ]
    for r in range(1, len(cells), 2):
        sign_style.append(("BOTTOMPADDING", (0, r), (-1, r), 16 * mm * scale))
    story.append(
        KeepTogether(
            [
                *p(text["closing"]),
                gap(4),
                *p(text["done_at"].format(place=where, date=day(today))),
                gap(4),
                Table(cells, colWidths=[col] * per_row, hAlign="LEFT", style=sign_style),
            ]
        )
    )
    pages: list[int] = []
    frame = pdfkit.Frame(
        title=text["title"],
        left_note=text["confidential"],
        printed="",
        page_label="{page} / {total}",
        lang=lang,
    )
    data = pdfkit.build_pdf(
        story, frame, paper="a4", on_page=lambda canvas, doc: pages.append(doc.page)
    )
    return data, len(pages)


def _town(address: str) -> str:
    """The town of a home address: its last line or comma part, without the postcode."""
    import re

    last = address.replace("\n", ",").split(",")[-1].strip()
    town = re.sub(r"^\d{4,5}\s+", "", last)  # 75011 Paris
    town = re.sub(r"\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", "", town)  # Leeds LS1 1AA
    return town or last
