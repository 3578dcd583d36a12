"""The personal sheet for a phone: one self-contained HTML file per reader.

The same facts as the printed sheet (``app/exports/runsheet/data.PersonalSheet``), laid out for a
narrow screen: the call time and meeting point first and large, then the reader's cues, what they
carry, key numbers as ``tel:`` links, plan B and safety, and the whole schedule last. Inline CSS
only, no script, no image, no link that loads anything: a Content-Security-Policy of
``default-src 'none'`` says so to the browser too, so the file opened from a messaging app stays
offline. Dark mode follows ``prefers-color-scheme``. Semantic HTML (``lang``, ``dir``, landmarks,
headings, lists, ``<time>``) so a screen reader can walk it; free text the organiser typed is
marked ``dir="auto"`` so an Arabic cue title reads right inside an English sheet and vice versa.
"""

from __future__ import annotations

from html import escape

from app.exports.pack.qr import tel_uri
from app.exports.runsheet.data import (
    CueLine,
    PersonalSheet,
    day_changes,
    quantity_text,
    translator,
)
from app.exports.shaping import base_direction, start_side
from app.i18n import isolate

CSS = """
:root{color-scheme:light dark;--fg:#111;--bg:#fff;--muted:#555;--box:#f1f1f1;--line:#ccc;
--mine:#fff4c2;--warn:#8a1c1c;--link:#0b4fb3}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#121212;--muted:#aaa;--box:#1f1f1f;
--line:#444;--mine:#3a3210;--warn:#ff8a80;--link:#8ab4ff}}
*{box-sizing:border-box}
body{margin:0;padding:1rem;font:1.05rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans",sans-serif;color:var(--fg);background:var(--bg);max-width:40rem;margin-inline:auto}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.4rem 0 .4rem;
border-bottom:1px solid var(--line)}
.action{font-weight:700;margin:0}.muted{color:var(--muted);margin:.2rem 0}
.key{background:var(--box);border:2px solid var(--fg);border-radius:.5rem;padding:.8rem;
margin:.8rem 0}
.key dl{display:flex;flex-wrap:wrap;gap:.4rem 2rem;margin:.4rem 0}
.key dt{font-size:.85rem;color:var(--muted)}.key dd{margin:0;font-size:1.9rem;font-weight:700}
.meet{font-size:1.35rem;font-weight:700;margin:.2rem 0}
ol,ul{padding-inline-start:1.2rem}ol.cues{list-style:none;padding:0}
h3{font-size:1rem;margin:.6rem 0 .1rem}li{margin:.5rem 0}
.cue time{font-weight:700;font-size:1.15rem;margin-inline-end:.4rem}
.cue p{margin:.2rem 0}
a{color:var(--link)}.tel{font-size:1.2rem;font-weight:700;white-space:nowrap}
.confidential{border:2px solid var(--warn);color:var(--warn);font-weight:700;padding:.5rem}
.warn{color:var(--warn);font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid var(--line);padding:.25rem;text-align:start;vertical-align:top}
tr.mine{background:var(--mine);font-weight:700}
footer{margin-top:2rem;font-size:.8rem;color:var(--muted)}
""".strip()

# The browser itself forbids every fetch: nothing but the inline style may load.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def html_lang(lang: str) -> str:
    """``en_GB`` → ``en-GB`` (BCP 47, as the ``lang`` attribute wants)."""
    return lang.replace("_", "-")


def direction(lang: str) -> str:
    """The sheet's direction: ``Translator.document_direction`` of its language."""
    return translator(lang).document_direction


def _t(text: str) -> str:
    return escape(text or "", quote=True)


def _free(text: str, tag: str = "p", cls: str = "", *, under: str = "") -> str:
    """Text the organiser typed: escaped, its own direction, line breaks kept; set on the side
    ``under`` starts from when it belongs under that text (a Latin address under an Arabic
    meeting point starts at the right with it)."""
    if not text:
        return ""
    klass = f' class="{cls}"' if cls else ""
    side = f' style="text-align:{start_side(base_direction(under))}"' if under else ""
    body = "<br>".join(_t(line) for line in text.splitlines())
    return f'<{tag} dir="auto"{klass}{side}>{body}</{tag}>'


def _cue(cue: CueLine, tr) -> str:
    # the place and hours in the sheet's direction, the place isolated (as on paper): after a
    # Latin place an Arabic sheet's hours came out "9:45 –ص" with "9:55 ص" on the next line
    doc = direction(tr.lang)
    site = isolate(cue.place or "", rtl=doc == "rtl")
    hours = f'<span style="white-space:nowrap">{_t(f"{cue.start}–{cue.end}")}</span>'
    where = " · ".join(x for x in (_t(site), hours) if x)
    parts = [
        f'<li class="cue"><p><time>{_t(cue.start)}</time> <strong dir="auto">{_t(cue.title)}'
        f"</strong></p>",
        f'<p class="muted" dir="{doc}">{where}</p>',  # the hours never split
        _free(cue.instructions),
    ]
    if cue.bring:
        bring = _t(tr.gettext("Bring:"))
        parts.append(f"<p><strong>{bring}</strong> {_free(cue.bring, 'span')}</p>")
    parts.append("</li>")
    return "".join(parts)


def _carries(sheet: PersonalSheet, tr) -> list[str]:
    if not sheet.carries:
        return []
    out = [
        f'<section aria-labelledby="carry"><h2 id="carry">{_t(tr.gettext("What you carry"))}'
        "</h2><ul>"
    ]
    for item in sheet.carries:
        line = f'<strong dir="auto">{_t(item.name)}</strong>'
        if item.quantity > 1:
            line += _t(quantity_text(tr, item.quantity, bool(item.others)))
        if item.others:
            line += " — " + _t(tr.gettext("with {names}").format(names=tr.join(item.others)))
        if item.times:
            line += " · " + _t(tr.gettext("needed at {times}").format(times=tr.join(item.times)))
        out.append(f"<li>{line}</li>")
    out.append("</ul></section>")
    return out


def _numbers(sheet: PersonalSheet, tr) -> list[str]:
    header = sheet.header
    if not header.contacts:
        return []
    out = [
        f'<section aria-labelledby="numbers"><h2 id="numbers">{_t(tr.gettext("Key numbers"))}'
        "</h2><ul>"
    ]
    for label, number in header.contacts:
        tel = tel_uri(number) if "@" not in (number or "") else ""
        if tel:
            link = f'<a class="tel" href="{_t(tel)}">{_t(number)}</a>'
        else:
            link = _t(number)
        out.append(f'<li><span dir="auto">{_t(label)}</span>: <bdi>{link}</bdi></li>')
    out.append("</ul></section>")
    return out


def _plan_b(sheet: PersonalSheet, tr) -> list[str]:
    header = sheet.header
    if not (header.fallback or header.safety):
        return []
    out = [
        f'<section aria-labelledby="wrong"><h2 id="wrong">'
        f"{_t(tr.gettext('If things go wrong'))}</h2>"
    ]
    for lead, text in (
        (tr.gettext("Plan B:"), header.fallback),
        (tr.gettext("Safety:"), header.safety),
    ):
        if text:
            out.append(f"<h3>{_t(lead.rstrip(':').rstrip())}</h3>{_free(text)}")
    out.append("</section>")
    return out


def _schedule(sheet: PersonalSheet, tr) -> list[str]:
    if all(line.mine for line in sheet.schedule):  # none, or all of it is the reader's above
        return []
    out = [
        f'<section aria-labelledby="all"><h2 id="all">'
        f"{_t(tr.gettext('Whole schedule (yours in bold)'))}</h2><table>"
        f'<thead><tr><th scope="col">{_t(tr.gettext("Time"))}</th>'
        f'<th scope="col">{_t(tr.gettext("Cue"))}</th>'
        f'<th scope="col">{_t(tr.gettext("Place"))}</th></tr></thead><tbody>'
    ]
    for kind, line in day_changes(sheet.schedule):
        if kind == "day":  # a night's schedule: where the day changes
            out.append(f'<tr><th colspan="3" scope="rowgroup">{_t(line)}</th></tr>')
            continue
        cls = ' class="mine"' if line.mine else ""
        out.append(
            f"<tr{cls}><td><time>{_t(line.start)}</time>–<time>{_t(line.end)}</time></td>"
            f'<td dir="auto">{_t(line.title)}</td><td dir="auto">{_t(line.place)}</td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def render_html(sheet: PersonalSheet) -> str:
    """The whole document, UTF-8 text."""
    header = sheet.header
    tr = translator(header.lang)
    roles = tr.comma_list(r.name for r in sheet.roles) or tr.gettext("no role")
    title = f"{header.title} — {sheet.alias}"
    body: list[str] = []
    if header.confidential:
        body.append(
            f'<p class="confidential" role="note">'
            f"{_t(tr.gettext('CONFIDENTIAL — contains personal data'))}</p>"
        )
    body.append(
        f'<header><p class="action" dir="auto">{_t(header.title)}</p>'
        + (
            _free(tr.gettext("“{message}”").format(message=header.message), cls="muted")
            if header.message
            else ""
        )
        + f'<p class="muted">{_t(" · ".join(x for x in (header.date, header.hours) if x))}</p>'
        + "</header><main>"
    )
    body.append(
        f'<section class="key" aria-labelledby="me"><h1 id="me"><bdi>{_t(sheet.alias)}</bdi>'
        f' — <span dir="auto">{_t(roles)}</span></h1>'
    )
    if sheet.full_name or sheet.phone or sheet.email:
        # each in its own direction: beside an Arabic name a phone's digit groups reversed
        parts = [f"<bdi>{_t(sheet.full_name)}</bdi>"] if sheet.full_name else []
        parts += [f'<bdi dir="ltr">{_t(x)}</bdi>' for x in (sheet.phone, sheet.email) if x]
        body.append(f'<p dir="{direction(tr.lang)}">{" · ".join(parts)}</p>')
    body.append(
        f"<dl><div><dt>{_t(tr.gettext('Date'))}</dt><dd>{_t(sheet.day)}</dd></div>"
        f"<div><dt>{_t(tr.gettext('Call time'))}</dt><dd><time>{_t(sheet.call_time or '—')}"
        "</time></dd></div></dl>"
        f"<h2>{_t(tr.gettext('Meeting point'))}</h2>"
        + _free(header.meeting_point or header.place, cls="meet")
        + _free(header.address, under=header.meeting_point or header.place)
        + "</section>"
    )
    for role in sheet.roles:
        if role.instructions:
            body.append(
                # One direction for the role and its instructions (both typed): from the text.
                f'<p dir="auto"><strong>{_t(role.name)}:</strong> '
                + "<br>".join(_t(line) for line in role.instructions.splitlines())
                + "</p>"
            )
    body.append(f'<section aria-labelledby="cues"><h2 id="cues">{_t(tr.gettext("Your cues"))}</h2>')
    if sheet.cues:
        items = [
            f'<li class="day"><h3>{_t(c)}</h3></li>' if kind == "day" else _cue(c, tr)
            for kind, c in day_changes(sheet.cues)
        ]
        body.append('<ol class="cues">' + "".join(items) + "</ol>")
    else:
        body.append(f"<p>{_t(tr.gettext('No cue of your own: follow the organisers.'))}</p>")
    body.append("</section>")
    body += _carries(sheet, tr)
    if sheet.no_photo:
        body.append(
            f'<section aria-labelledby="nophoto"><h2 id="nophoto">'
            f"{_t(tr.gettext('Do not photograph (blur their faces)'))}</h2>"
            f'<p class="warn">{_t(tr.comma_list(sheet.no_photo))}</p></section>'
        )
    body += _numbers(sheet, tr)
    body += _plan_b(sheet, tr)
    body += _schedule(sheet, tr)
    body.append(
        f"</main><footer><p>{_t(tr.gettext('Do not share — contains the plan'))}</p>"
        f"<p>{_t(tr.gettext('Printed {time}').format(time=header.printed))}</p></footer>"
    )
    lang = html_lang(header.lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{_t(lang)}" dir="{direction(header.lang)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{_t(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def render_html_bytes(sheet: PersonalSheet) -> bytes:
    return render_html(sheet).encode("utf-8")
