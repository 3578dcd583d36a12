"""A short plain-text message for one person, to paste into Signal or an SMS.

Only what a volunteer needs to turn up right: the action and day, their call time, the meeting
point, what to bring, the legal-support number, and a request to confirm. In the reader's
language, from the same sheet data as the printed page; no other person's name in it.
"""

from __future__ import annotations

from app.exports.runsheet.data import PersonalSheet, quantity_text, translator


def render_message(sheet: PersonalSheet) -> str:
    header = sheet.header
    tr = translator(header.lang)
    roles = tr.comma_list(r.name for r in sheet.roles)
    lines = [
        tr.gettext("Hello {alias},").format(alias=sheet.alias),
        " — ".join(x for x in (header.title, sheet.day) if x),
    ]
    if roles:
        lines.append(tr.gettext("Your role: {roles}").format(roles=roles))
    calls = list(dict.fromkeys(r.call_time for r in sheet.roles if r.call_time))
    if len(calls) > 1:  # two roles, two calls: both (only the first was said)
        times = tr.comma_list(f"{r.call_time} — {r.name}" for r in sheet.roles if r.call_time)
        lines.append(tr.gettext("Call time: {time}").format(time=times))
    elif sheet.call_time:
        lines.append(tr.gettext("Call time: {time}").format(time=sheet.call_time))
    meet = tr.comma_list(x for x in (header.meeting_point or header.place, header.address) if x)
    if meet:
        lines.append(tr.gettext("Meeting point: {place}").format(place=meet))
    bring = [c.name + quantity_text(tr, c.quantity, bool(c.others)) for c in sheet.carries]
    if bring:
        lines.append(tr.gettext("Bring: {things}").format(things=tr.join(bring)))
    if header.legal_phone:
        lines.append(tr.gettext("Legal support: {phone}").format(phone=header.legal_phone))
    lines.append(tr.gettext("Please reply to confirm that you are coming."))
    return "\n".join(lines) + "\n"
