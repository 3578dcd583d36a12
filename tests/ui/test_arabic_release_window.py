"""An Arabic organiser exports the Arabic press release from the window's Export menu, and
the PDF reads as the export-level tests say: the bold words bold, the dateline "باريس، …"."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.app.test_arabic_sheets import INVISIBLE, seen_lines
from tests.ui.conftest import open_window
from ui.dialogs.press_export import PressExportDialog
from ui.i18n_qt import apply_language


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def test_export_menu_saves_the_arabic_release_as_it_reads(qtbot, cli, tmp_path):
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")  # the demo's plan and its release in Arabic
    assert cli("--db", db, "demo").code == 0
    window = open_window(qtbot, db)
    window.apply_language("ar")
    out = tmp_path / "release.pdf"
    window.a_press.trigger()  # Export → Press release…
    dialog = window.findChild(PressExportDialog)
    qtbot.waitExposed(dialog)
    box = dialog.release_box
    box.setCurrentIndex(next(i for i in range(box.count()) if "العربية" in box.itemText(i)))
    dialog.set_format("pdf")
    assert dialog.save_to(out), dialog.message.text()
    dialog.close()
    window.close()
    lines = seen_lines(out)
    first = next(line for line in lines if "ديسمبر" in line)
    assert "باريس" in first and "،" in first and "PARIS," not in first, first
    # the body's **المراقبة الخوارزمية بالفيديو** is a run of its own, set in the bold face
    # (the subheadline says the same words in the regular one)
    runs = _runs(out)
    assert ("Bold", "المراقبة الخوارزمية بالفيديو") in runs, runs
    assert ("Bold", "ناشطون") not in runs


def _runs(path) -> set[tuple[str, str]]:
    """("Bold" or "Regular", text) of every piece of text the first page draws."""
    found: set[tuple[str, str]] = set()

    def visit(text, _cm, _tm, font, _size):
        face = "Bold" if font and "Bold" in str(font.get("/BaseFont", "")) else "Regular"
        piece = INVISIBLE.sub("", text).strip()
        if piece:
            found.add((face, piece))
            found.update((face, word) for word in piece.split())

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


def test_the_arabic_release_preview_shows_its_subheadline_upright(qtbot, cli, tmp_path):
    """The Press tab's preview set the subheadline, the quotes and *words* of an Arabic release
    in italics, and Qt finds no Arabic letters in the usual sloped faces: they were blank in
    the proof read before approval. Upright, as the PDF prints them."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    i18n.set_ui_language("en")
    window = open_window(qtbot, db)
    window.show_tab("press")
    tab = window.tab_widgets["press"]
    arabic = next(r.id for r in tab.model.all_rows() if r.language == "ar")
    assert tab.focus_entity("release", arabic)
    qtbot.waitUntil(lambda: "المراقبة" in tab.preview.toPlainText(), timeout=5000)
    document = tab.preview.document()
    sloped = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontItalic() and fragment.text().strip():
                sloped.append(fragment.text())
            it += 1
        block = block.next()
    assert not sloped, sloped
    window.close()


def test_the_export_dialogs_release_list_keeps_a_latin_headline_whole(qtbot, demo_db):
    """In the Arabic window the item "الألمانية — „Wir begraben …“" threw the headline's
    opening mark to the far end: the headline is isolated inside the item."""
    from bidi import get_display

    window = open_window(qtbot, demo_db)
    window.apply_language("ar")
    window.a_press.trigger()  # Export → Press release…
    dialog = window.findChild(PressExportDialog)
    qtbot.waitExposed(dialog)
    box = dialog.release_box
    english = next(box.itemText(i) for i in range(box.count()) if "Funeral" in box.itemText(i))
    headline = "Funeral for privacy at Père-Lachaise"
    assert f"\u2068{headline}\u2069" in english
    seen = get_display(english, base_dir="R")
    assert headline in seen  # whole, in its own order, at the left end of the item
    dialog.close()
    window.close()
