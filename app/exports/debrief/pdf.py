"""The debrief as a PDF in the action's language.

The timeline is a picture: one row per cue, its title (shaped, any script) beside two bars on
one time scale, the planned one light, the actual one dark. Then overrun per cue, turnout per
role, props that came back damaged or lost, the incident log, the press coverage and the
lessons. Free text (incidents, notes, lessons) flows in paragraphs, never in table cells.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.exports.debrief import text as words
from app.exports.debrief.data import CueRun, Debrief
from app.exports.fonts import register_fonts
from app.exports.pdfkit import (
    Frame,
    build_pdf,
    cell,
    content_width,
    document_direction,
    fit_widths,
    nobreak,
    para,
    rich,
    table_heading,
    text_flow,
)
from app.exports.shaping import needs_shaping
from app.i18n import Translator, isolate

PLANNED = (0.78, 0.78, 0.78)
ACTUAL = (0.12, 0.12, 0.12)
LATE = (0.70, 0.10, 0.10)
RULE = (0.55, 0.55, 0.55)
BAR_H = 15.0
SIZE = 8.5


def _name(tr: Translator, text: str) -> str:
    """Somebody's words (a role, a prop, an outlet, a cue) inside a line of the document."""
    return isolate(text, rtl=document_direction(tr) == "rtl")


def _span(cues: list[CueRun]) -> tuple[datetime, datetime]:
    times = []
    for c in cues:
        times += [c.planned_start, c.planned_end]
        times += [t for t in (c.actual_start, c.actual_end) if t is not None]
    return min(times), max(times)


def tick_step(minutes: float) -> int:
    """Minutes between two marks of a time scale of ``minutes``: at most eight marks."""
    for step in (5, 10, 15, 30, 60, 120, 240):
        if minutes / step <= 8:
            return step
    return 480


def _bars(run: CueRun, t0: datetime, t1: datetime, width: float):
    from reportlab.graphics.shapes import Drawing, Line, Rect
    from reportlab.lib.colors import Color

    total = max((t1 - t0).total_seconds(), 60.0)

    def x(t: datetime) -> float:
        return (t - t0).total_seconds() / total * (width - 2) + 1

    d = Drawing(width, BAR_H)
    px0, px1 = x(run.planned_start), x(run.planned_end)
    d.add(
        Rect(
            px0,
            BAR_H / 2 + 0.5,
            max(px1 - px0, 1.5),
            BAR_H / 2 - 1.5,
            fillColor=Color(*PLANNED),
            strokeColor=None,
        )
    )
    if run.actual_start is not None:
        end = run.actual_end or run.actual_start
        ax0, ax1 = x(run.actual_start), x(end)
        late = run.overrun is not None and run.overrun > 0
        d.add(
            Rect(
                ax0,
                1.0,
                max(ax1 - ax0, 1.5),
                BAR_H / 2 - 1.5,
                fillColor=Color(*(LATE if late else ACTUAL)),
                strokeColor=None,
            )
        )
        if run.actual_end is None:  # started, end not recorded: a tick at its start
            d.add(Line(ax0, 0, ax0, BAR_H / 2, strokeColor=Color(*ACTUAL), strokeWidth=1))
    return d


def _axis(tr: Translator, tz: str, t0: datetime, t1: datetime, width: float):
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib.colors import Color

    fonts = register_fonts()
    total = max((t1 - t0).total_seconds(), 60.0)
    step = tick_step(total / 60)
    d = Drawing(width, 12)
    first = t0.replace(second=0, microsecond=0)
    first += timedelta(minutes=(-first.minute) % step)
    t = first
    while t <= t1:
        xpos = (t - t0).total_seconds() / total * (width - 2) + 1
        d.add(Line(xpos, 0, xpos, 3, strokeColor=Color(*RULE), strokeWidth=0.5))
        label = tr.skeleton(t.astimezone(ZoneInfo(tz)), "Hm")
        if needs_shaping(label):  # a drawing's string is not shaped: the digits alone
            local = t.astimezone(ZoneInfo(tz))
            label = f"{local.hour:02d}:{local.minute:02d}"
        anchor = "start" if xpos < 12 else ("end" if xpos > width - 12 else "middle")
        d.add(
            String(
                xpos,
                4,
                label,
                fontName=fonts["regular"],
                fontSize=7,
                fillColor=Color(*RULE),
                textAnchor=anchor,
            )
        )
        t += timedelta(minutes=step)
    return d


def _grid(rows, widths, *, header: bool = True, extra=(), align: str = "LEFT"):
    from reportlab.platypus import Table, TableStyle

    fonts = register_fonts()
    style = [
        ("FONT", (0, 0), (-1, -1), fonts["regular"], SIZE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), fonts["bold"], SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), (0.88, 0.88, 0.88)),
        ]
    table = Table(rows, colWidths=widths, hAlign=align, repeatRows=1 if header else 0)
    table.setStyle(TableStyle(style + list(extra)))
    return table


def _timeline(doc: Debrief, tr: Translator, width: float) -> list:
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import Color

    story = table_heading(tr.gettext("Planned and actual"))
    if not doc.cues:
        return story + [para(tr.gettext("This action has no cues."), "body")]
    if not doc.has_actuals:
        return story + [
            para(
                tr.gettext(
                    "No actual times were recorded: live mode records when each cue starts "
                    "and ends."
                ),
                "body",
            )
        ]
    t0, t1 = _span(doc.cues)
    label_w = min(width * 0.32, 170)
    bar_w = width - label_w - 6
    legend = []
    for colour, name in ((PLANNED, tr.gettext("planned")), (ACTUAL, tr.gettext("actual"))):
        key = Drawing(14, 8)
        key.add(Rect(0, 0, 12, 7, fillColor=Color(*colour), strokeColor=None))
        legend += [key, cell(name, "cell", 80)]
    rows = [["", _axis(tr, doc.timezone, t0, t1, bar_w)]]
    rows += [[cell(c.title, "cell", label_w), _bars(c, t0, t1, bar_w)] for c in doc.cues]
    table = _grid(rows, [label_w, bar_w + 6], header=False)
    key_table = _grid(
        [legend],
        [16, 80, 16, 80],
        header=False,
        extra=[("LINEBELOW", (0, 0), (-1, -1), 0, (1, 1, 1))],
    )
    return story + [key_table, table]


def _overruns(doc: Debrief, tr: Translator, width: float) -> list:
    if not doc.has_actuals:
        return []
    fonts = register_fonts()
    head = [
        tr.gettext("Cue"),
        tr.gettext("Planned"),
        tr.gettext("Actual"),
        tr.gettext("Start"),
        tr.gettext("Overrun"),
    ]
    body = []
    for c in doc.cues:
        body.append(
            [
                c.title,
                # times are sized whole (fit_widths' fixed columns): never broken at "9:30 AM"
                nobreak(
                    tr.gettext("{start}–{end}").format(
                        start=words.hm(tr, c.planned_start, doc.timezone),
                        end=words.hm(tr, c.planned_end, doc.timezone),
                    )
                ),
                nobreak(words.actual_span(tr, c, doc.timezone)),
                words.started(tr, c.started_late),
                words.ending(tr, c),
            ]
        )
    columns = [[head[i]] + [r[i] for r in body] for i in range(5)]
    widths = fit_widths(
        columns,
        [(fonts["regular"], SIZE)] * 5,
        width,
        fixed=[False, True, True, False, False],
        head_font=fonts["bold"],
    )
    way = document_direction(tr)
    rows = [[cell(h, "cell_bold", w, direction=way) for h, w in zip(head, widths, strict=True)]]
    rows += [
        [cell(v, "cell", w, direction=way) for v, w in zip(r, widths, strict=True)] for r in body
    ]
    if way == "rtl":  # read from the right: the cue first, its overrun last
        rows, widths = [row[::-1] for row in rows], widths[::-1]
    story = table_heading(tr.gettext("Overrun per cue"))
    late = doc.end_overrun
    if late is not None:
        story.append(
            para(
                tr.gettext("Last cue: {overrun}").format(overrun=words.overrun(tr, late)),
                "body",
                direction=document_direction(tr),
            )
        )
    return story + [_grid(rows, widths, align="RIGHT" if way == "rtl" else "LEFT")]


def _turnout(doc: Debrief, tr: Translator, width: float) -> list:
    story = table_heading(tr.gettext("Turnout"))
    if not doc.turnout:
        return story + [para(tr.gettext("This action has no roles."), "body")]
    way = document_direction(tr)  # "Pallbearer: …" in Arabic is still an Arabic line
    for t in doc.turnout:
        story.append(
            para(
                words.turnout_line(tr, _name(tr, t.role), t.attended, t.confirmed, t.needed),
                "body",
                bold=t.attended < t.needed,
                direction=way,
            )
        )
    story.append(
        para(
            words.turnout_total(tr, doc.total_attended, doc.total_needed),
            "small",
            direction=way,
        )
    )
    return story


def _props(doc: Debrief, tr: Translator) -> list:
    story = table_heading(tr.gettext("Props damaged or lost"))
    if not doc.props:
        return story + [para(tr.gettext("None."), "body")]
    way = document_direction(tr)
    return story + [
        rich(
            [(_name(tr, p.name), True), (" — " + words.condition(tr, p.condition), False)],
            "body",
            direction=way,
        )
        for p in doc.props
    ]


def _incidents(doc: Debrief, tr: Translator) -> list:
    story = table_heading(tr.gettext("Incidents"))
    if not doc.incidents:
        return story + [para(tr.gettext("None recorded."), "body")]
    for i in doc.incidents:
        when = words.hm(tr, i.at, doc.timezone)
        lead = words.incident_lead(tr, when, _name(tr, i.cue))
        story += text_flow(i.text, "body", lead=lead)
    return story


def _coverage(doc: Debrief, tr: Translator) -> list:
    story = table_heading(tr.gettext("Press coverage"))
    if not doc.coverage:
        return story + [para(tr.gettext("None recorded."), "body")]
    for c in doc.coverage:
        parts = [(_name(tr, c.outlet), True)]
        if c.published_on is not None:
            parts.append((" · " + tr.date(c.published_on, "medium"), False))
        story.append(rich(parts, "body", direction=document_direction(tr)))
        if c.link:
            story.append(para(c.link, "small"))
        if c.note:
            story += text_flow(c.note, "small")
    return story


def _story(doc: Debrief, tr: Translator, width: float, printed: str) -> list:
    local = doc.starts_at.astimezone(ZoneInfo(doc.timezone))
    way = document_direction(tr)  # the title's own script does not turn the page around
    story = [
        para(
            tr.gettext("Debrief: {title}").format(title=_name(tr, doc.title)),
            "title",
            direction=way,
        ),
        para(tr.date(local.date(), "full"), "when", direction=way),
    ]
    story += _timeline(doc, tr, width)
    story += _overruns(doc, tr, width)
    story += _turnout(doc, tr, width)
    story += _props(doc, tr)
    story += _incidents(doc, tr)
    story += _coverage(doc, tr)
    story += table_heading(tr.gettext("Lessons"))
    story += text_flow(doc.lessons, "body") or [para(tr.gettext("None written yet."), "body")]
    return story


def render_pdf(
    doc: Debrief, *, lang: str | None = None, paper: str | None = None, printed: datetime
) -> bytes:
    """The debrief in ``lang`` (default: the action's main language); ``printed``: now."""
    from app.exports.runsheet.data import paper_for

    lang = lang or doc.language
    tr = Translator(lang)
    sheet = paper_for(doc.country, paper)
    width = content_width(sheet)
    stamp = tr.datetime(printed.astimezone(ZoneInfo(doc.timezone)), "short")
    frame = Frame(
        title=tr.gettext("Debrief: {title}").format(title=doc.title),
        left_note=tr.gettext("Do not share — contains the plan"),
        printed=tr.gettext("Printed {time}").format(time=stamp),
        page_label=tr.gettext("page {page} of {total}"),
        lang=lang,
    )
    return build_pdf(_story(doc, tr, width, stamp), frame, paper=sheet)
