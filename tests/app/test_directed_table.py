"""A right-to-left table is the same table, mirrored: its first column drawn at the right."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.exports.directed_table import mirrored, table


def test_cells_widths_spans_and_sides_are_mirrored():
    rows = [["Crow — Pallbearer", "", "QR"], ["Date", "09:15", ""]]
    commands = [
        ("SPAN", (0, 0), (1, 0)),  # the alias across two columns
        ("SPAN", (2, 0), (2, -1)),  # the codes down the last column
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (2, 0), (2, -1), 6),
        ("LINEBEFORE", (1, 0), (1, -1), 0.5, (0, 0, 0)),
        ("ALIGN", (0, 0), (0, -1), "LEFT"),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]
    out_rows, widths, out = mirrored(rows, [200, 80, 72], commands)
    assert widths == [72, 80, 200]
    # the alias now starts its span from the span's first cell, the codes stay on their own
    assert out_rows == [["QR", "Crow — Pallbearer", ""], ["", "09:15", "Date"]]
    assert out == [
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (0, 0), (0, -1)),
        ("RIGHTPADDING", (0, 0), (2, -1), 8),
        ("LEFTPADDING", (0, 0), (0, -1), 6),
        ("LINEAFTER", (1, 0), (1, -1), 0.5, (0, 0, 0)),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]


def _x_of(data: bytes) -> dict[str, float]:
    where: dict[str, float] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            where[text.strip()] = cm[4] + tm[4] * cm[0]

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return where


def test_an_rtl_table_puts_its_first_column_at_the_right_on_paper():
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    seen = {}
    for rtl in (False, True):
        out = io.BytesIO()
        grid = table([["first", "second", "third"]], [100, 100, 100], rtl=rtl)
        SimpleDocTemplate(out, pagesize=A4).build([grid])
        seen[rtl] = _x_of(out.getvalue())
    assert seen[False]["first"] < seen[False]["second"] < seen[False]["third"]
    assert seen[True]["first"] > seen[True]["second"] > seen[True]["third"]
    assert seen[True]["first"] > seen[False]["third"]  # against the right margin


@st.composite
def grids(draw):
    n = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(st.text(max_size=3), min_size=n, max_size=n), min_size=1))
    cols = st.integers(-n, n - 1)
    line = st.integers(-len(rows), len(rows) - 1)
    names = st.sampled_from(["LEFTPADDING", "RIGHTPADDING", "LINEBEFORE", "BACKGROUND", "FONT"])
    commands = draw(st.lists(st.tuples(names, st.tuples(cols, line), st.tuples(cols, line))))
    return rows, [float(10 + i) for i in range(n)], commands


@given(grids())
def test_mirroring_twice_gives_the_table_back(grid):
    rows, widths, commands = grid
    n = len(widths)

    def plain(c):  # -1 and n-1 name the same column
        return c if c >= 0 else n + c

    twice = mirrored(*mirrored(rows, widths, commands))
    assert twice[0] == [list(r) for r in rows] and twice[1] == widths
    assert [(c[0], sorted((plain(c[1][0]), plain(c[2][0])))) for c in twice[2]] == [
        (c[0], sorted((plain(c[1][0]), plain(c[2][0])))) for c in commands
    ]
