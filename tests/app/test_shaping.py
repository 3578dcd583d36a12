"""User text in every script through the shared PDF pipeline, read back as a reader would:
the extracted text, and the page rendered to pixels."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

ARABIC = "لا للمراقبة الجماعية"
HEBREW = "שלום עולם"
DEVANAGARI = "निगरानी स्वतंत्रता"


def build(story, lang: str = "en") -> bytes:
    from app.exports.pdfkit import Frame, build_pdf

    frame = Frame(title="Test", left_note="", printed="", page_label="", lang=lang)
    return build_pdf(story, frame, paper="a4")


def lines_of(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [line.strip() for line in text.splitlines() if line.strip() not in ("", "·")]


@pytest.mark.parametrize("sample", [ARABIC, HEBREW, DEVANAGARI, "صقر", "דוד", "क्षमा"])
def test_extracted_text_is_the_logical_string(sample):
    from app.exports.pdfkit import para, text_flow

    data = build([para(sample, "body"), *text_flow(sample, "title")])
    assert lines_of(data)[:2] == [sample, sample]


def test_emoji_prints_a_glyph_and_reads_back():
    from reportlab.pdfbase.pdfmetrics import getFont

    from app.exports.fonts import SYMBOLS
    from app.exports.pdfkit import para

    data = build([para("Vigil 🕯 at dusk ✊", "body")])
    assert lines_of(data)[0] == "Vigil 🕯 at dusk ✊"
    assert ord("🕯") in getFont(SYMBOLS).face.charToGlyph
    reader = PdfReader(io.BytesIO(data))
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("Symbola" in f for f in fonts), fonts  # ✊ is in neither DejaVu nor Symbols 2


def test_right_to_left_paragraphs_are_set_right_to_left_and_aligned_right():
    from app.exports.pdfkit import para

    flowable = para(ARABIC, "body")
    assert flowable.rtl
    flowable.wrap(400, 100)
    (line,) = flowable._lines
    from app.exports.shaped_paragraph import _visual

    words = [r.text for r in _visual(line, 1) if not r.space]
    assert words == ARABIC.split()[::-1]  # the first word is the rightmost
    assert not para("Crow — صقر", "body").rtl  # a Latin start sets the paragraph left to right


def test_latin_text_is_left_to_reportlab_unshaped():
    from reportlab.platypus import Paragraph

    from app.exports.pdfkit import para

    assert type(para("Ménilmontant, Ελευθερία, Свобода", "body")) is Paragraph
    assert type(para(DEVANAGARI, "body")) is not Paragraph


def test_typed_lines_and_lists_stay_lines_and_list_items():
    from app.exports.pdfkit import text_flow

    flow = text_flow(
        "Before you go:\n1. Charge your phone\n2) Write the hotline on your arm\n\n- Stay calm",
        "body",
    )
    assert len(flow) == 4
    data = build(flow)
    assert lines_of(data) == [
        "Before you go:",
        "1. Charge your phone",
        "2) Write the hotline on your arm",
        "• Stay calm",
    ]
    assert flow[3].style.spaceBefore > 0  # the blank line is a paragraph break


def test_lead_label_is_bold_and_first():
    from app.exports.pdfkit import text_flow

    latin = text_flow("Follow the stewards", "body", lead="Plan B:")
    assert lines_of(build(latin)) == ["Plan B: Follow the stewards"]
    # A left-to-right label would read ":Plan B" at the start of a right-to-left paragraph:
    # it gets a line of its own above the text, which is set right to left.
    flow = text_flow("اتبعوا المنظمين", "body", lead="Plan B:")
    assert lines_of(build(flow)) == ["Plan B:", "اتبعوا المنظمين"]
    assert flow[1].rtl


def test_long_words_and_long_text_wrap_and_split_across_pages():
    from app.exports.pdfkit import text_flow

    word = "निगरानी" * 60 + "صقر" * 80
    text = "\n".join([word] + [f"{ARABIC} {DEVANAGARI} {n}" for n in range(140)])
    data = build(text_flow(text, "body"))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    joined = "".join(lines_of(data))
    assert joined.count("निगरानी") >= 60 + 140
    assert "139" in joined


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_a_shaped_word_renders_differently_from_its_unshaped_letters(tmp_path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from app.exports.fonts import DEVANAGARI as FONT
    from app.exports.fonts import register_fonts
    from app.exports.pdfkit import para

    register_fonts()
    unshaped_style = ParagraphStyle("raw", fontName=FONT, fontSize=30, leading=36)
    shaped_style = ParagraphStyle("shaped", fontName=FONT, fontSize=30, leading=36)
    pixels = []
    for name, flowable in (
        ("shaped", para("निगरानी", shaped_style)),
        ("unshaped", Paragraph("निगरानी", unshaped_style)),
    ):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(build([flowable]))
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-gray",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(tmp_path / name),
            ],
            check=True,
        )
        (png,) = tmp_path.glob(f"{name}*.png")
        pixels.append(png.read_bytes())
    from PIL import Image

    shaped, unshaped = (Image.open(io.BytesIO(p)).convert("L") for p in pixels)
    assert shaped.size == unshaped.size
    assert shaped.tobytes() != unshaped.tobytes()
    assert shaped.getextrema()[0] < 128  # ink was printed


def test_pieces_can_be_bold_italic_or_both_in_any_script():
    from app.exports.pdfkit import rich

    for text in ("plain Latin", "صقر and निगरानी"):
        data = build([rich([("Note: ", 1), (text, 2), (" end", 3)], "body")])
        reader = PdfReader(io.BytesIO(data))
        fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
        assert any(f.endswith("DejaVuSans-Bold") for f in fonts), fonts
        assert any(f.endswith("DejaVuSans-BoldOblique") for f in fonts), fonts
        assert any(f.endswith("DejaVuSans-Oblique") for f in fonts), fonts  # "and", "Latin"
        words = lines_of(data)[0].split()
        assert words[0] == "Note:" and words[-1] == "end"
        assert "निगरानी" in words or "Latin" in words


def test_a_table_row_taller_than_a_page_is_printed_flat_rather_than_failing(caplog):
    from reportlab.platypus import Table

    from app.exports.pdfkit import para, text_flow

    tall = [para("Cue", "body"), *text_flow("\n".join(f"Step {n}" for n in range(200)), "body")]
    data = build([para("Before", "h2"), Table([["09:45", tall]])])
    text = "\n".join(lines_of(data))
    assert "Before" in text and "Step 0" in text and "Step 199" in text
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    assert "printing it flat" in caplog.text  # reportlab alone raises LayoutError here


def test_a_heading_before_a_paragraph_taller_than_a_page_prints_and_ends():
    """A heading keeps with the paragraph after it; when the two are taller than a page,
    platypus splits them and marks the heading as no longer keeping (``keepWithNext = 0`` on
    the flowable). A shaped heading read only its style, grouped itself again on every page
    and the build never ended (hypothesis found it: a personal sheet's Arabic role
    instructions under their heading)."""
    import signal

    from app.exports.pdfkit import para

    def too_long(*_args):
        raise TimeoutError("the layout does not end")

    story = [para(ARABIC, "h2"), para(" ".join([ARABIC] * 900), "body"), para("End.", "body")]
    old = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(60)
    try:
        data = build(story, lang="ar")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert "End." in reader.pages[-1].extract_text()
