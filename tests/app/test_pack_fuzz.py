"""Property: whatever a valid plan holds (text at its limits, every script, markup-looking text),
the phone sheet is valid HTML that loads nothing, shows the typed text as text, and the printed
sheet's QR codes stay small enough to print and decode to what the sheet says."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from xml.etree.ElementTree import ElementTree

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.test_runsheet_fuzz import plans, short

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=https://x.example/a.png>',
        "</title><style>body{background:url(https://x.example)}</style>",
        "a;b,c\\d\nnext",
        "صقر المراقبة",
        "निगरानी",
    ]
)


def parse(text: str) -> ElementTree:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return ElementTree(parser.parse(text))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), HOSTILE, short(300))
def test_phone_sheet_is_always_valid_html_that_loads_nothing(plan, hostile, extra):
    from app.exports.pack.message import render_message
    from app.exports.pack.phone_html import render_html

    sheet = plan[0]
    sheet = replace(
        sheet,
        header=replace(sheet.header, title=f"{hostile} {sheet.header.title}"),
        alias=f"{sheet.alias} {extra}".strip(),
        cues=[replace(sheet.cues[0], title=hostile), *sheet.cues[1:]],
    )
    text = render_html(sheet)
    doc = parse(text)
    root = doc.getroot()
    assert root.get("lang") and root.get("dir") in ("ltr", "rtl")
    assert doc.find(".//script") is None and doc.find(".//img") is None
    assert len(doc.findall(".//style")) == 1
    for el in doc.iter():
        for name in ("src", "href", "action", "srcset"):
            value = el.get(name)
            assert value is None or value.startswith("tel:")
    style = doc.find(".//style").text
    assert "url(" not in style and "@import" not in style
    body_text = "".join(doc.find(".//body").itertext())
    assert " ".join(hostile.split()) in " ".join(body_text.split())  # shown, as text
    message = render_message(sheet)
    assert sheet.alias in message and "&lt;" not in message  # plain text, not escaped markup


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), HOSTILE)
def test_calendar_code_stays_small_and_decodes_to_the_escaped_event(plan, hostile):
    import icalendar
    import zxingcpp
    from PIL import Image

    from app.exports.pack.qr import event_payload, matrix

    sheet = plan[0]
    long_title = (hostile + " " + sheet.header.title) * 3
    sheet = replace(
        sheet,
        header=replace(sheet.header, title=long_title, timezone="Europe/Paris"),
        call_at=datetime(2024, 10, 27, 0, 30, tzinfo=UTC),  # the repeated hour in Paris
    )
    payload = event_payload(sheet)
    modules = matrix(payload)
    assert len(modules) <= 65 + 8  # version 12 at most, plus the quiet zone
    scale = 4
    image = Image.new("L", (len(modules) * scale, len(modules) * scale), 255)
    pixels = image.load()
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        pixels[x * scale + dx, y * scale + dy] = 0
    (found,) = zxingcpp.read_barcodes(image)
    assert found.text == payload
    event = icalendar.Event.from_ical(found.text)
    assert event.decoded("DTSTART") == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)
    summary = str(event["SUMMARY"])
    assert summary and " ".join(long_title.split()).startswith(summary.rstrip("…").rstrip())
    assert not re.search(r"[\r\n]", summary)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_calendar_code_lists_the_place_with_the_sheets_own_comma(plan):
    import icalendar

    from app.exports.pack.qr import event_payload

    sheet = plan[0]
    places = {}
    for lang, place, address in (
        ("ar", "مقبرة بير لاشيز", "16 شارع ريبو"),
        ("fr", "Cimetière du Père-Lachaise", "16 rue du Repos"),
    ):
        header = replace(sheet.header, lang=lang, meeting_point="", place=place, address=address)
        one = replace(sheet, header=header, call_at=datetime(2024, 10, 27, 7, 30, tzinfo=UTC))
        places[lang] = str(icalendar.Event.from_ical(event_payload(one))["LOCATION"])
    assert places == {
        "ar": "مقبرة بير لاشيز، 16 شارع ريبو",
        "fr": "Cimetière du Père-Lachaise, 16 rue du Repos",
    }
