"""Property: whatever a valid plan holds, every kind of run-sheet is produced and its text can
be read back. Text fields go up to their limits (app/services/fields.py) with long words, many
lines, mixed scripts and emoji."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

WORDS = [
    "Funérailles", "privacy", "Ελευθερία", "Свобода", "निगरानी", "स्वतंत्रता", "صقر",
    "المراقبة", "שלום", "🕯", "✊", "1.", "-", "•", "09:15", "(", ")", "«", "»", "—",
    "\u2067שלום\u2069", "\u202bصقر\u202c", "e\u0301", "👩\u200d👩\u200d👧", "ि", "\t",
    "<b>", "&amp;",
]  # fmt: skip
LONG = "x" * 400 + "निगरानी" * 30 + "صقر" * 40


@st.composite
def free_text(draw, limit: int):
    """Words of every script, typed lines and blank lines, sometimes one enormous word."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(["\n", "\n\n", " "]),
                st.text(alphabet="abcdéαβγабвकखगअ", min_size=1, max_size=30),
                st.just(LONG),
            ),
            max_size=60,
        )
    )
    text = " ".join(pieces)
    repeat = draw(st.sampled_from([1, 1, 4, 40]))
    return (text * repeat)[:limit]


def short(limit: int):
    return free_text(limit).map(lambda t: " ".join(t.split())[:limit])


def latin_tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if len(w) < 60][:5]


@st.composite
def plans(draw):
    from app.exports.runsheet.data import (
        CardLine,
        Carried,
        CueLine,
        Header,
        MasterSheet,
        PersonalSheet,
        PropLine,
        PropsCard,
        RoleBlock,
        RoleLine,
        RosterLine,
        TaskLine,
    )

    header = Header(
        lang=draw(st.sampled_from(["fr", "de", "es", "en_GB", "en_US", "el", "hi", "ar"])),
        paper=draw(st.sampled_from(["a4", "letter"])),
        title=draw(short(300)) or "T",
        message=draw(free_text(2000)),
        date="mardi 28 mai 2024",
        hours="09:30–11:30",
        place=draw(short(300)),
        address=draw(free_text(2000)),
        meeting_point=draw(free_text(2000)),
        fallback=draw(free_text(5000)),
        safety=draw(free_text(5000)),
        contacts=[(draw(short(200)), "+33 1 40 00 00 00")],
        printed="26/05/2024 17:02 (Paris, UTC+02:00)",
        confidential=draw(st.booleans()),
        day="mardi 28 mai",
    )
    n_cues = draw(st.integers(1, 6))
    cues = [
        CueLine(
            start="09:45",
            end="10:00",
            title=draw(short(300)) or "cue",
            place=draw(short(300)),
            instructions=draw(free_text(5000)),
            who=draw(short(300)),
            props=draw(short(300)),
            bring=draw(short(300)),
            mine=bool(i % 2),
        )
        for i in range(n_cues)
    ]
    alias = draw(short(100)) or "Crow"
    people = [
        RosterLine(alias=f"{alias[:90]} {n}", call_time="09:15", confirmed=bool(n % 2),
                   full_name=draw(short(200)), phone="+33 6 00 00 10 00", email="a@example.org")
        for n in range(draw(st.integers(0, 70)))
    ]  # fmt: skip
    sheet = PersonalSheet(
        header=header,
        alias=alias,
        roles=[RoleLine(draw(short(200)) or "Role", draw(free_text(5000)), "09:15")],
        call_time="09:15",
        cues=cues,
        schedule=cues,
        carries=[Carried(draw(short(300)) or "Prop", 2, [alias], ["09:45"])],
        no_photo=[alias] if draw(st.booleans()) else None,
    )
    master = MasterSheet(
        header=header,
        schedule=cues,
        roster=[RoleBlock(draw(short(200)) or "Role", 4, people)],
        props=[PropLine(draw(short(300)) or "Prop", 1, "prêt", [alias], ["09:45"] * 30)],
        tasks=[TaskLine(draw(short(300)) or "Task", "23 mai 2024", alias)],
        problems=[draw(short(300)) or "problem"],
        no_photo=[alias],
    )
    card = PropsCard(
        header=header,
        lines=[CardLine(alias, draw(short(300)) or "Prop", 3, [alias], [("09:45", "cue")] * 40)],
        uncarried=[draw(short(300))],
    )
    return sheet, master, card


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plans())
def test_every_kind_of_sheet_is_produced_and_reads_back(plan):
    from app.exports.runsheet import render_master, render_personal, render_props_card

    sheet, master, card = plan
    for data, fields in (
        (render_personal(sheet), [sheet.header.safety, sheet.cues[0].instructions, sheet.alias]),
        (render_master(master), [master.header.fallback, master.schedule[-1].instructions]),
        (render_props_card(card), [card.lines[0].prop]),
    ):
        assert data.startswith(b"%PDF")
        text = "".join(text_of(data).split())
        for field in fields:
            for token in latin_tokens(field):
                assert token in text, token
