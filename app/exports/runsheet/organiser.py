"""The organisers' sheets: the master run-sheet and the props card."""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.exports.fonts import markup, register_fonts
from app.exports.pdfkit import build_pdf, content_width, para
from app.exports.runsheet.data import MasterSheet, PropsCard, translator
from app.exports.runsheet.personal import (
    MINE_BG,
    RULE,
    contacts_and_plan_b,
    frame_for,
    heading,
)

HEAD_BG = (0.85, 0.85, 0.85)


def _grid(rows, widths, *, header: bool = True, extra=()):
    from reportlab.platypus import Table, TableStyle

    fonts = register_fonts()
    style = [
        ("FONT", (0, 0), (-1, -1), fonts["regular"], 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), fonts["bold"], 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    table.setStyle(TableStyle(style + list(extra)))
    return table


def _schedule(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    rows = [
        [
            tr.gettext("Time"),
            tr.gettext("Cue"),
            tr.gettext("Place"),
            tr.gettext("Who"),
            tr.gettext("Props"),
        ]
    ]
    for line in sheet.schedule:
        cue = [para(line.title, "tiny_bold")]
        if line.instructions:
            cue.append(para(line.instructions, "tiny"))
        rows.append(
            [
                para(f"{line.start}–{line.end}", "tiny"),
                cue,
                para(line.place, "tiny"),
                para(line.who, "tiny"),
                para(line.props, "tiny"),
            ]
        )
    fractions = (0.13, 0.33, 0.18, 0.18, 0.18)
    return _grid(rows, [width * f for f in fractions])


def _roster(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    private = sheet.header.confidential
    head = [tr.gettext("Role"), tr.gettext("Alias"), tr.gettext("Call time"), tr.gettext("Conf.")]
    if private:
        head += [tr.gettext("Full name"), tr.gettext("Phone"), tr.gettext("E-mail")]
    rows, extra = [head], []
    for block in sheet.roster:
        count = tr.gettext("{assigned} of {needed}").format(
            assigned=len(block.people), needed=block.needed
        )
        first = len(rows)
        label = para(f"<b>{markup(block.name)}</b> ({escape(count)})", "tiny", raw=True)
        if not block.people:
            rows.append([label, "—", "", ""] + (["", "", ""] if private else []))
        for i, person in enumerate(block.people):
            row = [
                label if i == 0 else "",
                para(person.alias, "tiny"),
                person.call_time,
                "✓" if person.confirmed else "",
            ]
            if private:
                row += [
                    para(person.full_name, "tiny"),
                    para(person.phone, "tiny"),
                    para(person.email, "tiny"),
                ]
            rows.append(row)
        if len(block.people) > 1:
            extra.append(("SPAN", (0, first), (0, len(rows) - 1)))
        if len(block.people) < block.needed:
            extra.append(("BACKGROUND", (0, first), (0, len(rows) - 1), MINE_BG))
    if private:
        fractions = (0.15, 0.12, 0.1, 0.05, 0.17, 0.19, 0.22)
    else:
        fractions = tuple(f / 0.68 for f in (0.26, 0.2, 0.14, 0.08))
    return _grid(rows, [width * f for f in fractions], extra=extra)


def _props(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    rows = [
        [
            "",
            tr.gettext("Prop"),
            tr.gettext("Qty"),
            tr.gettext("Status"),
            tr.gettext("Carried by"),
            tr.gettext("Needed at"),
        ]
    ]
    for prop in sheet.props:
        carriers = ", ".join(prop.carriers) or tr.gettext("NOBODY")
        rows.append(
            [
                "☐",
                para(prop.name, "tiny"),
                tr.number(prop.quantity),
                prop.status,
                para(carriers, "tiny" if prop.carriers else "tiny_bold"),
                para(", ".join(prop.times), "tiny"),
            ]
        )
    fonts = register_fonts()
    fractions = (0.04, 0.34, 0.06, 0.1, 0.22, 0.24)
    extra = [("FONT", (0, 1), (0, -1), fonts["regular"], 12)]
    return _grid(rows, [width * f for f in fractions], extra=extra)


def master_story(sheet: MasterSheet) -> list:
    from reportlab.platypus import KeepTogether, Spacer

    header = sheet.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    meet = tr.gettext("Meeting point: {place}").format(place=header.meeting_point)
    story.append(para(meet, "body"))
    if sheet.problems:
        items = [para(tr.gettext("Still to fix"), "h2")]
        items += [para(f"• {markup(p)}", "small", raw=True) for p in sheet.problems]
        story.append(KeepTogether(items))
    story.append(para(tr.gettext("Schedule"), "h2"))
    story.append(_schedule(sheet, width))
    story.append(KeepTogether([para(tr.gettext("Roster"), "h2"), _roster(sheet, width)]))
    story.append(KeepTogether([para(tr.gettext("Props checklist"), "h2"), _props(sheet, width)]))
    if sheet.tasks:
        rows = [[tr.gettext("Open task"), tr.gettext("Due"), tr.gettext("Who")]]
        rows += [[para(t.title, "tiny"), t.due, para(t.assignee, "tiny")] for t in sheet.tasks]
        table = _grid(rows, [width * 0.6, width * 0.2, width * 0.2])
        story.append(KeepTogether([para(tr.gettext("Tasks still open"), "h2"), table]))
    if sheet.no_photo:
        story.append(para(tr.gettext("Do not photograph (blur their faces)"), "h2"))
        story.append(para(", ".join(sheet.no_photo), "warn"))
    story.append(Spacer(1, 6))
    story.append(contacts_and_plan_b(header, width))
    return story


def render_master(sheet: MasterSheet) -> bytes:
    frame = frame_for(sheet.header)
    frame.title = f"{sheet.header.title} — {translator(sheet.header.lang).gettext('Master')}"
    return build_pdf(master_story(sheet), frame, paper=sheet.header.paper)


def render_props_card(card: PropsCard) -> bytes:
    """One boxed line per person per prop, dashed between them, to cut out and hand over."""
    from reportlab.platypus import Table, TableStyle

    header = card.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    story.append(para(tr.gettext("Who carries what, and when"), "h2"))
    rows = []
    for line in card.lines:
        what = f"<b>{markup(line.prop)}</b>"
        if line.quantity > 1:
            what += f" × {escape(tr.number(line.quantity))}"
        if line.others:
            with_ = tr.gettext("with {names}").format(names=", ".join(line.others))
            what += f"<br/>{markup(with_)}"
        when = "<br/>".join(f"<b>{escape(t)}</b>  {markup(title)}" for t, title in line.cues)
        rows.append(
            [
                para(line.alias, "cue_title"),
                para(what, "body", raw=True),
                para(when or "—", "small", raw=True),
            ]
        )
    if rows:
        table = Table(rows, colWidths=[width * 0.2, width * 0.38, width * 0.42], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE, None, (4, 3)),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE, None, (4, 3)),
                ]
            )
        )
        story.append(table)
    else:
        story.append(para(tr.gettext("Nobody carries a prop yet."), "body"))
    if card.uncarried:
        story.append(para(tr.gettext("Nobody carries yet"), "h2"))
        story.append(para(", ".join(card.uncarried), "warn"))
    frame = frame_for(header)
    frame.title = f"{header.title} — {tr.gettext('Props card')}"
    return build_pdf(story, frame, paper=header.paper)
