"""The personal run-sheet: one page a volunteer can follow alone, in the rain.

Hierarchy (WIREFRAMES.md): the action, then a box with the alias and role(s), the date and the
call time in equally large type; the meeting point and its street address; the role
instructions; the reader's cues in time order; what they carry; the whole schedule with their
cues in bold; key numbers; plan B and safety notes.

Tables hold only short, bounded values (times, titles, places, labels). Free text (instructions,
plan B, safety notes, the meeting point) flows in paragraphs that split across pages: reportlab
cannot split one table row, and a row taller than a page cannot be printed at all.
"""

from __future__ import annotations

from app.exports.directed_table import table as directed_table
from app.exports.pdfkit import (
    Frame,
    aligned_like,
    build_pdf,
    cell,
    content_width,
    document_direction,
    drawn_width,
    fit_widths,
    indented,
    nobreak,
    para,
    plan_words,
    rich,
    styles,
    table_heading,
    text_flow,
)
from app.exports.runsheet.data import (
    Header,
    PersonalSheet,
    day_changes,
    names_in_a_list,
    quantity_text,
    time_range,
    translator,
)
from app.i18n import isolate

BOX_BG = (0.93, 0.93, 0.93)
MINE_BG = (0.86, 0.86, 0.86)
RULE = (0.55, 0.55, 0.55)


def direction(lang: str) -> str:
    """The direction of a sheet's labels (``pdfkit.document_direction``)."""
    return document_direction(translator(lang))


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
        lang=header.lang,
    )


def heading(header: Header) -> list:
    """Title, slogan and the day in full: the top of every sheet."""
    tr = translator(header.lang)
    out = [para(header.title, "title")]
    if header.message:
        out += text_flow(tr.gettext("“{message}”").format(message=header.message), "message")
    doc = direction(header.lang)
    place = isolate(header.place or "", rtl=doc == "rtl")  # "9:30" would join a Latin place
    when = " · ".join(x for x in (header.date, header.hours, place) if x)
    out.append(para(when, "when", direction=doc))
    return out


def h2(text: str):
    return para(text, "h2")


def contacts_table(header: Header, width: float) -> list:

    from app.exports.fonts import register_fonts

    tr = translator(header.lang)
    if not header.contacts:
        return []
    fonts = register_fonts()
    phones = [nobreak(phone) for _label, phone in header.contacts]
    widths = fit_widths(
        [[label for label, _p in header.contacts], phones],
        [(fonts["regular"], 10.5), (fonts["bold"], 12)],
        width,
        fixed=[False, True],
    )
    rows = [
        [cell(label, "body", widths[0]), cell(phone, "cue_title", widths[1])]
        for (label, _p), phone in zip(header.contacts, phones, strict=True)
    ]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (0, -1), fonts["regular"], 10.5),
        ("FONT", (1, 0), (1, -1), fonts["bold"], 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    grid = directed_table(rows, widths, commands, rtl=direction(header.lang) == "rtl")
    return [h2(tr.gettext("Key numbers")), grid]


def plan_b_and_safety(header: Header) -> list:
    tr = translator(header.lang)
    out = []
    if header.fallback:
        out += text_flow(header.fallback, "body", lead=tr.gettext("Plan B:"))
    if header.safety:
        out += text_flow(header.safety, "body", lead=tr.gettext("Safety:"))
    if out:
        out.insert(0, h2(tr.gettext("If things go wrong")))
    return out


def contacts_and_plan_b(header: Header, width: float) -> list:
    """Key numbers, then plan B and safety notes: the bottom of a sheet. Short notes sit beside
    the numbers; long ones flow below them across pages (a table cell cannot split)."""

    notes = (header.fallback or "") + (header.safety or "")
    if len(notes) > SIDE_BY_SIDE_CHARS or notes.count("\n") > 8 or not header.contacts:
        return contacts_table(header, width) + plan_b_and_safety(header)
    left = contacts_table(header, width * 0.44)
    right = plan_b_and_safety(header)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]
    rtl = direction(header.lang) == "rtl"
    return [directed_table([[left, right]], [width * 0.46, width * 0.54], commands, rtl=rtl)]


# Plan B and safety notes up to this long fit beside the key numbers (about 16 lines).
SIDE_BY_SIDE_CHARS = 700


def compact_schedule(lines, header: Header, width: float, *, bold_mine: bool):
    """The whole run of show at a readable 9 pt; the reader's own cues bold on grey."""

    from app.exports.fonts import register_fonts

    fonts = register_fonts()
    size = styles()["sched"].fontSize
    style = [
        ("FONT", (0, 0), (-1, -1), fonts["regular"], size),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    times = [time_range(line.start, line.end) for line in lines]
    # the paddings (3 set, reportlab's 6 on the other side) and a point to spare: with 8, the
    # Arabic "10:00 ص–10:10 ص" of a bold row left its last "ص" on a line of its own
    first = max([drawn_width(t, fonts["bold"], size) for t in times] + [width * 0.1]) + 10
    widths = [first, (width - first) * 0.6, (width - first) * 0.4]
    doc = direction(header.lang)
    rows = []
    time_of = dict(zip(map(id, lines), times, strict=True))
    for kind, line in day_changes(lines):
        r = len(rows)
        if kind == "day":  # a night's schedule: the day on a row of its own where it changes
            rows.append([para(line, "sched_bold", direction=doc), "", ""])
            style += [("SPAN", (0, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            continue
        cue_style = "sched_bold" if (bold_mine and line.mine) else "sched"
        rows.append(
            [
                cell(time_of[id(line)], cue_style, widths[0], direction=doc),  # "9:30 ص" whole
                cell(line.title, cue_style, widths[1], direction=plan_words(doc)),
                cell(line.place, cue_style, widths[2], direction=plan_words(doc)),
            ]
        )
        if bold_mine and line.mine:
            style.append(("FONT", (0, r), (-1, r), fonts["bold"], size))
            style.append(("BACKGROUND", (0, r), (-1, r), MINE_BG))
    return directed_table(rows, widths, style, rtl=doc == "rtl")


def private_details(sheet: PersonalSheet) -> str:
    """The reader's own name, phone and e-mail on one line in the sheet's direction: the name
    in its own, the phone and the address left to right, each isolated (beside an Arabic name
    the digit groups of "+33 6 12 34 56 78" came out as "78 56 34 12 6 33+": another number)."""
    parts = [f"\u2068{sheet.full_name}\u2069"] if sheet.full_name else []
    parts += [f"\u2066{x}\u2069" for x in (nobreak(sheet.phone), sheet.email) if x]
    return " · ".join(parts)


def _identity_box(sheet: PersonalSheet, width: float):
    """Alias and roles; the date and the call time side by side, equally large."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.exports.fonts import register_fonts

    tr = translator(sheet.header.lang)
    doc = direction(sheet.header.lang)
    roles = tr.comma_list(r.name for r in sheet.roles) or tr.gettext("no role")
    rows = [[rich([(sheet.alias, True), (f" — {roles}", True)], "alias", direction=doc), ""]]
    if sheet.full_name or sheet.phone or sheet.email:
        rows.append([para(private_details(sheet), "body", direction=doc), ""])
    codes = qr_codes(sheet)
    left = width if codes is None else width - codes[1] - 8
    # The call time is a few characters: the date gets what it does not need, and when a long
    # day ("miércoles, 30 de septiembre") still does not fit on one line beside the QR codes,
    # both shrink together, so the date stays as prominent as the call time and on one line.
    fonts = register_fonts()
    big, label = styles()["big"], styles()["label"]
    call = sheet.call_time or "—"
    call_width = stringWidth(call, fonts["bold"], big.fontSize)
    label_width = stringWidth(tr.gettext("Call time"), label.fontName, label.fontSize)
    # The label stays on one line (a wrapped "Hora de co / nvocatoria" reads as two words);
    # the date shrinks with the call time instead when both do not fit.
    time_col = min(max(call_width, label_width) + 20, left * 0.42)
    day_width = stringWidth(sheet.day, fonts["bold"], big.fontSize)
    size = max(14.0, big.fontSize * min(1.0, (left - time_col - 18) / max(day_width, 1.0)))
    if size < big.fontSize:
        big = ParagraphStyle("big_fitted", parent=big, fontSize=size, leading=size * 1.15)
    rows.append(
        [
            [para(tr.gettext("Date"), "label"), para(sheet.day, big, direction=doc)],
            [
                para(tr.gettext("Call time"), "label"),
                para(call, big, direction=doc),
            ],
        ]
    )
    if codes is not None:
        table, _code_width = codes
        for r, row in enumerate(rows):
            row.append(table if r == 0 else "")
    spans = 1 if codes is not None else 0
    style = [("SPAN", (0, r), (1, r)) for r in range(len(rows) - 1)]
    if codes is not None:
        style += [
            ("SPAN", (2, 0), (2, -1)),
            ("VALIGN", (2, 0), (2, -1), "MIDDLE"),
            ("RIGHTPADDING", (2, 0), (2, -1), 6),
            ("LEFTPADDING", (2, 0), (2, -1), 0),
        ]
    style += [
        ("BOX", (0, 0), (-1, -1), 1.6, (0, 0, 0)),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]
    widths = [left - time_col, time_col] + ([width - left] if spans else [])
    return directed_table(rows, widths, style, rtl=doc == "rtl", h_align="CENTER")


def _meeting(sheet: PersonalSheet) -> list:
    header = sheet.header
    tr = translator(header.lang)
    out = [para(tr.gettext("Meeting point"), "label")]
    meet = header.meeting_point or header.place
    out += text_flow(meet, "meet")
    if header.address:
        out += text_flow(header.address, aligned_like(meet, "body"))
    return out


def _cue(cue, width: float, lang: str) -> list:
    """One cue: its time and title side by side, then place and instructions flowing below."""

    from app.exports.fonts import register_fonts

    tr = translator(lang)
    fonts = register_fonts()
    first = max(drawn_width(cue.start, fonts["bold"], 14) + 14, 58)
    doc = direction(lang)  # cells of the sheet: in its direction, whatever the title's script
    site = isolate(cue.place or "", rtl=doc == "rtl")  # its time stays whole beside it
    where = " · ".join(x for x in (site, time_range(cue.start, cue.end)) if x)
    rest = width - first
    title, place = para(cue.title, "cue_title", direction=doc), para(where, "small", direction=doc)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (0, -1), fonts["bold"], 14, 17),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (2, 0), (2, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
    ]
    rtl = doc == "rtl"
    row = [cell(cue.start, "cue_time", first, direction=doc), title, place]
    out = [directed_table([row], [first, rest * 0.62, rest * 0.38], commands, rtl=rtl)]
    if cue.instructions:  # under the title: beside the time column, on its side
        out += indented(text_flow(cue.instructions, "body"), first, rtl=rtl)
    if cue.bring:
        bring = text_flow(cue.bring, "body", lead=tr.gettext("Bring:"))
        out += indented(bring, first, rtl=rtl)
    return out


def _bring_list(sheet: PersonalSheet) -> list:
    tr = translator(sheet.header.lang)
    doc = direction(sheet.header.lang)
    rtl = doc == "rtl"
    out = []
    for item in sheet.carries:
        parts = [("☐ ", False), (isolate(item.name, rtl=rtl), True)]
        if item.quantity > 1:
            parts.append((quantity_text(tr, item.quantity, bool(item.others)), False))
        if item.others:
            names = tr.join([isolate(n, rtl=rtl) for n in item.others])  # "Jay et Swift"
            parts.append((" — " + tr.gettext("with {names}").format(names=names), False))
        if item.times:
            used = tr.gettext("needed at {times}").format(times=tr.join(item.times))
            parts.append((f" · {used}", False))
        out.append(rich(parts, "body", direction=doc))  # a line of the sheet, in its direction
    return out


# Printed sizes of the QR codes, in points: about 23 mm and 17 mm (modules of ~0.37 mm and
# ~0.5 mm, which phone cameras read at a hand's length); small enough to sit in the box.
EVENT_QR = 64
TEL_QR = 48


def qr_codes(sheet: PersonalSheet):
    """The call time as a calendar event, and the legal-support number, as QR codes a phone
    camera reads without a network, each with a one-line caption; None when there is neither."""
    from reportlab.lib.styles import ParagraphStyle

    from app.exports.pack.qr import event_payload, flowable, tel_uri

    tr = translator(sheet.header.lang)
    caption = ParagraphStyle("qr_caption", parent=styles()["tiny"], alignment=1)
    codes, captions, widths = [], [], []
    event = event_payload(sheet)
    if event:
        codes.append(flowable(event, EVENT_QR))
        captions.append(para(tr.gettext("Add to calendar"), caption))
        widths.append(codes[-1].size + 8)
    tel = tel_uri(sheet.header.legal_phone)
    if tel:
        codes.append(flowable(tel, TEL_QR))
        captions.append(para(tr.gettext("Legal support"), caption))
        widths.append(TEL_QR + 8)
    if not codes:
        return None
    commands = [
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    rtl = direction(sheet.header.lang) == "rtl"
    codes_table = directed_table([codes, captions], widths, commands, rtl=rtl, h_align="RIGHT")
    return codes_table, sum(widths)


def personal_story(sheet: PersonalSheet) -> list:
    from reportlab.platypus import Spacer

    header = sheet.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    story.append(_identity_box(sheet, width))
    story.append(Spacer(1, 2))
    story += _meeting(sheet)
    story.append(Spacer(1, 3))
    for role in sheet.roles:
        if role.instructions:
            label = role.name if len(sheet.roles) == 1 else f"{role.name} ({role.call_time})"
            story += text_flow(role.instructions, "body", lead=f"{label}:")
    story.append(h2(tr.gettext("Your cues")))
    if sheet.cues:
        for kind, item in day_changes(sheet.cues):
            if kind == "day":  # a night's cues: where the day changes
                story.append(para(item, "h3", direction=direction(header.lang)))
            else:
                story += _cue(item, width, header.lang)
    else:
        story.append(para(tr.gettext("No cue of your own: follow the organisers."), "body"))
    if sheet.carries:
        story += [h2(tr.gettext("What you carry")), *_bring_list(sheet)]
    if sheet.no_photo:
        story.append(h2(tr.gettext("Do not photograph (blur their faces)")))
        names = tr.comma_list(names_in_a_list(sheet.no_photo, tr))
        story.append(para(names, "warn", direction=direction(tr.lang)))  # from the reading side
    if not all(line.mine for line in sheet.schedule):
        # a reader in every cue has all of it above: a marcher's 60 cues printed twice made
        # an eight-page sheet of what should be one or two
        story += table_heading(tr.gettext("Whole schedule (yours in bold)"), room=70)
        story.append(compact_schedule(sheet.schedule, header, width, bold_mine=True))
    story.append(Spacer(1, 3))
    story += contacts_and_plan_b(header, width)
    return story


def render_personal(sheet: PersonalSheet) -> bytes:
    frame = frame_for(sheet.header)
    frame.title = f"{sheet.header.title} — {sheet.alias}"
    return build_pdf(personal_story(sheet), frame, paper=sheet.header.paper)
