"""The personal run-sheet: one page a volunteer can follow alone, in the rain.

Hierarchy (WIREFRAMES.md): the action, then a box with the alias, the role(s), the call time in
large type and the meeting point; the role instructions; the reader's cues in time order; what
they carry; the whole schedule with their cues in bold; key numbers; plan B and safety notes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.exports.fonts import markup, register_fonts
from app.exports.pdfkit import Frame, build_pdf, cell, content_width, para
from app.exports.runsheet.data import Header, PersonalSheet, translator

BOX_BG = (0.93, 0.93, 0.93)
MINE_BG = (0.86, 0.86, 0.86)
RULE = (0.55, 0.55, 0.55)


def frame_for(header: Header) -> Frame:
    tr = translator(header.lang)
    return Frame(
        title=header.title,
        left_note=tr.gettext("Do not share — contains the plan"),
        printed=tr.gettext("Printed {time}").format(time=header.printed),
        page_label=tr.gettext("page {page} of {total}"),
        confidential=(
            tr.gettext("CONFIDENTIAL — contains personal data") if header.confidential else ""
        ),
    )


def heading(header: Header) -> list:
    """Title, slogan and the day in full: the top of every sheet."""
    tr = translator(header.lang)
    out = [para(header.title, "title")]
    if header.message:
        out.append(para(tr.gettext("“{message}”").format(message=header.message), "message"))
    when = " · ".join(x for x in (header.date, header.hours, header.place) if x)
    out.append(para(when, "when"))
    return out


def labelled(label: str, text: str, style: str = "body"):
    """``Label`` text, the label in bold, as one paragraph."""
    return para(f"<b>{escape(label)}</b>  {markup(text)}", style, raw=True)


def contacts_table(header: Header, width: float):
    from reportlab.platypus import Table, TableStyle

    tr = translator(header.lang)
    if not header.contacts:
        return []
    widths = [width * 0.42, width * 0.58]
    rows = [
        [cell(label, "body", widths[0]), cell(phone, "cue_title", widths[1])]
        for label, phone in header.contacts
    ]
    fonts = register_fonts()
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (0, 0), (0, -1), fonts["regular"], 10.5),
                ("FONT", (1, 0), (1, -1), fonts["bold"], 12),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [para(tr.gettext("Key numbers"), "h2"), table]


def plan_b_and_safety(header: Header) -> list:
    tr = translator(header.lang)
    out = []
    if header.fallback:
        out.append(labelled(tr.gettext("Plan B:"), header.fallback))
    if header.safety:
        out.append(labelled(tr.gettext("Safety:"), header.safety))
    return out


def compact_schedule(lines, header: Header, width: float, *, bold_mine: bool):
    """The whole run of show in small type; the reader's own cues bold on grey."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    fonts = register_fonts()
    rows, style = (
        [],
        [
            ("FONT", (0, 0), (-1, -1), fonts["regular"], 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ],
    )
    times = [f"{line.start}–{line.end}" for line in lines]
    first = max([stringWidth(t, fonts["bold"], 8) for t in times] + [width * 0.1]) + 8
    widths = [first, (width - first) * 0.6, (width - first) * 0.4]
    for r, line in enumerate(lines):
        cue_style = "tiny_bold" if (bold_mine and line.mine) else "tiny"
        rows.append(
            [
                times[r],
                cell(line.title, cue_style, widths[1]),
                cell(line.place, cue_style, widths[2]),
            ]
        )
        if bold_mine and line.mine:
            style.append(("FONT", (0, r), (-1, r), fonts["bold"], 8))
            style.append(("BACKGROUND", (0, r), (-1, r), MINE_BG))
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _identity_box(sheet: PersonalSheet, width: float):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    fonts = register_fonts()
    tr = translator(sheet.header.lang)
    roles = ", ".join(r.name for r in sheet.roles) or tr.gettext("no role")
    who = f"{markup(sheet.alias)} — {markup(roles)}"
    rows = [[para(who, "alias", raw=True), ""]]
    if sheet.full_name or sheet.phone or sheet.email:
        private = " · ".join(x for x in (sheet.full_name, sheet.phone, sheet.email) if x)
        rows.append([para(private, "body"), ""])
    rows.append(
        [
            [para(tr.gettext("Call time"), "label"), para(sheet.call_time or "—", "call")],
            [
                para(tr.gettext("Meeting point"), "label"),
                para(sheet.header.meeting_point or sheet.header.place, "meet"),
            ],
        ]
    )
    style = [("SPAN", (0, r), (-1, r)) for r in range(len(rows) - 1)]
    style += [
        ("BOX", (0, 0), (-1, -1), 1.6, (0, 0, 0)),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]
    call = max(width * 0.26, stringWidth(sheet.call_time or "—", fonts["bold"], 34) + 24)
    box = Table(rows, colWidths=[call, width - call])
    box.setStyle(TableStyle(style))
    return box


def _cues_table(sheet: PersonalSheet, width: float):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    fonts = register_fonts()
    tr = translator(sheet.header.lang)
    rows = []
    for cue in sheet.cues:
        text = [para(cue.title, "cue_title")]
        where = " · ".join(x for x in (cue.place, f"{cue.start}–{cue.end}") if x)
        text.append(para(where, "small"))
        if cue.instructions:
            text.append(para(cue.instructions, "body"))
        if cue.bring:
            text.append(labelled(tr.gettext("Bring:"), cue.bring))
        rows.append([cue.start, text])
    first = max([stringWidth(c.start, fonts["bold"], 14) for c in sheet.cues] + [40]) + 14
    table = Table(rows, colWidths=[first, width - first], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (0, -1), fonts["bold"], 14, 17),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
            ]
        )
    )
    return table


def _bring_list(sheet: PersonalSheet) -> list:
    tr = translator(sheet.header.lang)
    out = []
    for item in sheet.carries:
        text = f"☐ <b>{markup(item.name)}</b>"
        if item.quantity > 1:
            text += f" × {escape(tr.number(item.quantity))}"
        if item.others:
            with_ = tr.gettext("with {names}").format(names=", ".join(item.others))
            text += f" — {markup(with_)}"
        if item.times:
            used = tr.gettext("needed at {times}").format(times=", ".join(item.times))
            text += f" · {markup(used)}"
        out.append(para(text, "body", raw=True))
    return out


def personal_story(sheet: PersonalSheet) -> list:
    from reportlab.platypus import CondPageBreak, Spacer

    header = sheet.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    story.append(_identity_box(sheet, width))
    story.append(Spacer(1, 5))
    for role in sheet.roles:
        if role.instructions:
            label = role.name if len(sheet.roles) == 1 else f"{role.name} ({role.call_time})"
            story.append(labelled(f"{label}:", role.instructions))
    story.append(para(tr.gettext("Your cues"), "h2"))
    if sheet.cues:
        story.append(_cues_table(sheet, width))
    else:
        story.append(para(tr.gettext("No cue of your own: follow the organisers."), "body"))
    if sheet.carries:
        story.append(CondPageBreak(60))
        story += [para(tr.gettext("What you carry"), "h2"), *_bring_list(sheet)]
    if sheet.no_photo:
        story.append(para(tr.gettext("Do not photograph (blur their faces)"), "h2"))
        story.append(para(", ".join(sheet.no_photo), "warn"))
    # CondPageBreak keeps a heading with its table at a fraction of KeepTogether's cost.
    story.append(CondPageBreak(90))
    story.append(para(tr.gettext("Whole schedule (yours in bold)"), "h2"))
    story.append(compact_schedule(sheet.schedule, header, width, bold_mine=True))
    story.append(Spacer(1, 3))
    story.append(contacts_and_plan_b(header, width))
    return story


def contacts_and_plan_b(header: Header, width: float):
    """Key numbers on the left, plan B and safety on the right: the bottom of a sheet."""
    from reportlab.platypus import Table, TableStyle

    left = contacts_table(header, width * 0.44)
    right = plan_b_and_safety(header)
    if right:
        right.insert(0, para(translator(header.lang).gettext("If things go wrong"), "h2"))
    table = Table([[left, right]], colWidths=[width * 0.46, width * 0.54], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def render_personal(sheet: PersonalSheet) -> bytes:
    frame = frame_for(sheet.header)
    frame.title = f"{sheet.header.title} — {sheet.alias}"
    return build_pdf(personal_story(sheet), frame, paper=sheet.header.paper)
