"""The organisers' sheets: the master run-sheet and the props card.

Every table cell wraps and column widths follow their content (``pdfkit.fit_widths``); times,
phone numbers and e-mail addresses never break. Free text (cue instructions) flows below its
cue's row, and a role's people follow a one-line role heading: no row can grow taller than a
page, whatever the plan holds (reportlab cannot split a row).
"""

from __future__ import annotations

from app.exports.directed_table import table as directed_table
from app.exports.fonts import register_fonts
from app.exports.pdfkit import (
    aligned_like,
    build_pdf,
    cell,
    content_width,
    fit_widths,
    nobreak,
    para,
    plan_words,
    rich,
    styles,
    table_heading,
    text_flow,
)
from app.exports.runsheet.data import (
    MasterSheet,
    PropsCard,
    day_changes,
    names_in_a_list,
    quantity_text,
    time_range,
    translator,
)
from app.exports.runsheet.personal import (
    MINE_BG,
    RULE,
    contacts_and_plan_b,
    direction,
    frame_for,
    h2,
    heading,
)
from app.exports.shaping import base_direction
from app.i18n import isolate

HEAD_BG = (0.85, 0.85, 0.85)
SIZE = 8.5
# A props-card line lists this many cues, then "+N".
CARD_CUES = 16


def _fonts():
    fonts = register_fonts()
    return (fonts["regular"], SIZE), (fonts["bold"], SIZE)


def _grid(
    rows, widths, *, header: bool = True, extra=(), repeat: bool = True, rules=True, rtl=False
):
    """A table of the master sheet, read from the right on a right-to-left sheet."""
    fonts = register_fonts()
    style = [
        ("FONT", (0, 0), (-1, -1), fonts["regular"], SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if rules:
        style.append(("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE))
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), fonts["bold"], SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ]
    repeat_rows = 1 if (header and repeat) else 0
    return directed_table(rows, widths, style + list(extra), rtl=rtl, repeatRows=repeat_rows)


def _row(values, widths, bold=(), *, head: bool = False, way: str = "ltr", ours=(0,)) -> list:
    """Cells of one row; ``bold`` columns in bold (a header row is bold by its table style).
    The cells of columns ``ours`` hold the document's own words (a time "9:30 ص", a date, a
    status, "nobody") and are set in its direction ``way``, as is every cell of a header row
    (its labels: "الوقت"); the others hold the plan's words (a name, a title), in their own."""
    out = []
    for i, (v, w) in enumerate(zip(values, widths, strict=True)):
        side = way if head or i in ours else plan_words(way)
        value = cell(v, "cell_bold" if i in bold else "cell", w, direction=side)
        if i in bold and not head and isinstance(value, str) and value:
            value = para(value, "cell_bold")  # a plain string takes the table's regular FONT
        out.append(value)
    return out


def _schedule(sheet: MasterSheet, width: float) -> list:
    """The run of show as one table whose header repeats on every page: each cue's row, then
    its instructions in rows of their own below it, a typed line (or a slice of at most
    ``CHUNK`` characters of one) per row, so that no row can grow taller than a page."""
    tr = translator(sheet.header.lang)
    regular, bold = _fonts()
    head = [tr.gettext("Time"), tr.gettext("Cue"), tr.gettext("Place"), tr.gettext("Who")]
    head.append(tr.gettext("Props"))
    times = [time_range(line.start, line.end) for line in sheet.schedule]
    columns = [
        [head[0], *times],
        [head[1], *(line.title for line in sheet.schedule)],
        [head[2], *(line.place for line in sheet.schedule)],
        [head[3], *(line.who for line in sheet.schedule)],
        [head[4], *(line.props for line in sheet.schedule)],
    ]
    widths = fit_widths(
        columns, [regular, bold, regular, regular, regular], width, fixed=[True], head_font=bold[0]
    )
    way = direction(sheet.header.lang)
    rows = [_row(head, widths, bold=range(5), head=True, way=way)]
    extra = []  # rules above each cue's row only: its instructions read as part of it
    time_of = dict(zip(map(id, sheet.schedule), times, strict=True))
    for kind, line in day_changes(sheet.schedule):
        if kind == "day":  # a night's schedule: the day on a row of its own where it changes
            r = len(rows)
            rows.append([para(line, "cell_bold", direction=way), "", "", "", ""])
            extra += [
                ("SPAN", (0, r), (-1, r)),
                ("LINEABOVE", (0, r), (-1, r), 0.25, RULE),
                ("NOSPLIT", (0, r), (-1, r + 1)),
            ]
            continue
        time = time_of[id(line)]
        extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.25, RULE))
        values = [time, line.title, line.place, line.who, line.props]
        cue_row = len(rows)
        rows.append(_row(values, widths, bold={1}, way=way))
        if (line.instructions or "").strip():
            # never the cue at a page's foot and its instructions alone on the next page,
            # under nothing that says which cue they belong to
            extra.append(("NOSPLIT", (0, cue_row), (-1, cue_row + 1)))
        for piece, side in _slices(line.instructions):
            for flowable in text_flow(piece, "tiny", direction=side):
                r = len(rows)
                rows.append(["", flowable, "", "", ""])
                extra += [
                    ("SPAN", (1, r), (-1, r)),
                    ("TOPPADDING", (0, r), (-1, r), 0),
                    ("BOTTOMPADDING", (0, r), (-1, r), 1),
                ]
    rtl = direction(sheet.header.lang) == "rtl"
    return [_grid(rows, widths, extra=extra, rules=False, rtl=rtl)]


# An instruction line longer than this is cut into rows (at a space where there is one).
CHUNK = 900


def _slices(text: str) -> list[tuple[str, str | None]]:
    """(slice, direction): a line cut into slices keeps its own direction in each of them (a
    long Arabic line flipped to the left at every slice that opened with a Latin word)."""
    out: list[tuple[str, str | None]] = []
    for line in (text or "").splitlines():
        side = base_direction(line) if len(line) > CHUNK else None  # None: the line's own
        while len(line) > CHUNK:
            cut = line.rfind(" ", CHUNK // 2, CHUNK)
            cut = cut if cut > 0 else CHUNK
            out.append((line[:cut], side))
            line = line[cut:].lstrip()
        out.append((line, side))
    return out


def _roster(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    way = direction(sheet.header.lang)
    regular, bold = _fonts()
    private = sheet.header.confidential
    head = [tr.gettext("Alias"), tr.gettext("Call time"), tr.gettext("Conf.")]
    if private:
        head += [tr.gettext("Full name"), tr.gettext("Phone"), tr.gettext("E-mail")]
    people = [p for block in sheet.roster for p in block.people]
    columns = [
        [head[0], *(p.alias for p in people)],
        [head[1], *(p.call_time for p in people)],
        [head[2], "✓"],
    ]
    fixed = [False, True, True]
    if private:
        columns += [
            [head[3], *(p.full_name for p in people)],
            [head[4], *(nobreak(p.phone) for p in people)],
            [head[5], *(p.email for p in people)],
        ]
        fixed += [False, True, True]
    widths = fit_widths(columns, [regular] * len(columns), width, fixed=fixed, head_font=bold[0])
    rows, extra = [_row(head, widths, bold=range(len(head)), head=True, way=way)], []
    for block in sheet.roster:
        count = tr.gettext("{assigned} of {needed}").format(
            assigned=tr.number(len(block.people)), needed=tr.number(block.needed)
        )
        r = len(rows)
        # The role on a row of its own across the table: a role of any size fits, as its
        # people are ordinary rows that split across pages.
        rows.append(
            [
                rich(
                    [(isolate(block.name, rtl=way == "rtl"), True), (f" ({count})", False)],
                    "cell",
                    direction=way,
                )
            ]
            + [""] * (len(head) - 1)
        )
        extra.append(("SPAN", (0, r), (-1, r)))
        # ...and never alone at the foot of a page: kept with its first person (or its "—").
        extra.append(("NOSPLIT", (0, r), (-1, r + 1)))
        if len(block.people) < block.needed:
            extra.append(("BACKGROUND", (0, r), (-1, r), MINE_BG))
        if not block.people:
            rows.append(["—"] + [""] * (len(head) - 1))
        for person in block.people:
            # the alias is a label of the sheet, isolated: under its header, from the reading
            # side (on an Arabic sheet "Fox" stood at the left edge beside the call time)
            alias = isolate(person.alias, rtl=way == "rtl")
            values = [alias, person.call_time, "✓" if person.confirmed else ""]
            if private:
                values += [person.full_name, nobreak(person.phone), person.email]
            rows.append(_row(values, widths, way=way, ours=(0, 1, 2)))
    return _grid(rows, widths, extra=extra, rtl=way == "rtl")


def _props(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    way = direction(sheet.header.lang)
    regular, bold = _fonts()
    head = ["", tr.gettext("Prop"), tr.gettext("Qty"), tr.gettext("Status")]
    head += [tr.gettext("Carried by"), tr.gettext("Needed at")]
    nobody = tr.gettext("NOBODY")
    lines = [
        [
            "☐",
            prop.name,
            tr.number(prop.quantity),
            nobreak(prop.status),
            tr.comma_list(names_in_a_list(prop.carriers, tr)) or nobody,
            tr.comma_list(prop.times),
        ]
        for prop in sheet.props
    ]
    columns = [[h, *(line[i] for line in lines)] for i, h in enumerate(head)]
    widths = fit_widths(columns, [bold] * 6, width, fixed=[True, False, True, True, False, False])
    rows = [_row(head, widths, bold=range(6), head=True, way=way)]
    for prop, values in zip(sheet.props, lines, strict=True):
        ours = (2, 3, 4, 5)  # the carriers, each isolated, are listed from the reading side
        rows.append(_row(values, widths, bold=set() if prop.carriers else {4}, way=way, ours=ours))
    fonts = register_fonts()
    extra = [("FONT", (0, 1), (0, -1), fonts["regular"], 12)]
    return _grid(rows, widths, extra=extra, rtl=way == "rtl")


def _tasks(sheet: MasterSheet, width: float):
    tr = translator(sheet.header.lang)
    way = direction(sheet.header.lang)
    regular, bold = _fonts()
    head = [tr.gettext("Open task"), tr.pgettext("task column", "Due"), tr.gettext("Who")]
    lines = [[t.title, nobreak(t.due), isolate(t.assignee, rtl=way == "rtl")] for t in sheet.tasks]
    columns = [[h, *(line[i] for line in lines)] for i, h in enumerate(head)]
    widths = fit_widths(
        columns, [regular] * 3, width, fixed=[False, True, False], head_font=bold[0]
    )
    rows = [_row(head, widths, bold=range(3), head=True, way=way)] + [
        _row(v, widths, way=way, ours=(1, 2))
        for v in lines  # the assignee: an alias, a label
    ]
    return _grid(rows, widths, rtl=way == "rtl")


def master_story(sheet: MasterSheet) -> list:
    from reportlab.platypus import Spacer

    header = sheet.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    lead = tr.gettext("Meeting point: {place}").format(place="").strip()
    meet = header.meeting_point or header.place
    if meet.strip():  # not "Meeting point:" with nothing after it
        story += text_flow(meet, "body", lead=lead)
    if header.address:
        story += text_flow(header.address, aligned_like(meet, "small"))
    if sheet.problems:
        story.append(h2(tr.gettext("Still to fix")))
        story += [rich([("• ", False), (p, False)], "small") for p in sheet.problems]
    none = para(tr.gettext("None."), "small")  # not a table of column titles alone
    story += table_heading(tr.gettext("Schedule"))
    story += _schedule(sheet, width) if sheet.schedule else [none]
    people = any(block.people for block in sheet.roster)
    story += [*table_heading(tr.gettext("Roster")), _roster(sheet, width) if people else none]
    story += [*table_heading(tr.gettext("Props checklist"))]
    story.append(_props(sheet, width) if sheet.props else none)
    if sheet.tasks:
        story += [*table_heading(tr.gettext("Tasks still open")), _tasks(sheet, width)]
    if sheet.no_photo:
        story.append(h2(tr.gettext("Do not photograph (blur their faces)")))
        names = tr.comma_list(names_in_a_list(sheet.no_photo, tr))
        story.append(para(names, "warn", direction=direction(tr.lang)))  # from the reading side
    story.append(Spacer(1, 6))
    story += contacts_and_plan_b(header, width)
    return story


def render_master(sheet: MasterSheet) -> bytes:
    frame = frame_for(sheet.header)
    # Not inside the f-string: the catalogue's extractor does not look into one (Python 3.11),
    # and every PDF's title said "— Master" in English.
    master = translator(sheet.header.lang).gettext("Master sheet")
    frame.title = f"{sheet.header.title} — {master}"
    return build_pdf(master_story(sheet), frame, paper=sheet.header.paper)


def _card_line(line, tr) -> list:
    what = [(line.prop, True)]
    if line.quantity > 1:
        what.append((quantity_text(tr, line.quantity, bool(line.others)), False))
    cues = line.cues[:CARD_CUES]
    rtl = direction(tr.lang) == "rtl"
    when = [f"{t}  {isolate(title, rtl=rtl)}" for t, title in cues]  # the title's digits its own
    if len(line.cues) > len(cues):
        when.append(f"+{tr.number(len(line.cues) - len(cues))}")
    return what, when


def render_props_card(card: PropsCard) -> bytes:
    """One boxed line per person per prop, dashed between them, to cut out and hand over."""

    header = card.header
    tr = translator(header.lang)
    width = content_width(header.paper)
    story = heading(header)
    # a table heading, not kept with the whole table: the cards of a big march are taller
    # than a page, and kept with them the heading began page 2, page 1 left blank
    story += table_heading(tr.gettext("Who carries what, and when"))
    rows = []
    widths = [width * 0.2, width * 0.38, width * 0.42]
    for line in card.lines:
        what, when = _card_line(line, tr)
        what_cell = [rich(what, "body")]
        if line.others:
            names = tr.join(names_in_a_list(line.others, tr))
            others = tr.gettext("with {names}").format(names=names)
            what_cell.append(para(others, "body"))
        # "time  title" is the card's own line: it runs in the card's direction, the
        # organiser's title inside it in its own.
        doc = direction(header.lang)
        nothing = [para("—", "small", direction=doc)]
        when_cell = [para(w, "small", direction=doc) for w in when] or nothing
        alias = cell(line.alias, "cue_title", widths[0], direction=doc)  # at the line's start
        rows.append([alias, what_cell, when_cell])
    if rows:
        fonts = register_fonts()
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (0, -1), fonts["bold"], styles()["cue_title"].fontSize),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE, None, (4, 3)),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE, None, (4, 3)),
        ]
        rtl = direction(header.lang) == "rtl"
        story.append(directed_table(rows, widths, commands, rtl=rtl))
    else:
        story.append(para(tr.gettext("Nobody carries a prop yet."), "body"))
    if card.uncarried:
        story.append(h2(tr.gettext("Nobody carries yet")))
        story.append(para(tr.comma_list(card.uncarried), "warn"))
    frame = frame_for(header)
    card = tr.gettext("Props card")
    frame.title = f"{header.title} — {card}"
    return build_pdf(story, frame, paper=header.paper)
