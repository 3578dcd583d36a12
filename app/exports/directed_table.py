"""Tables that read in their document's direction.

An Arabic reader takes a table from the right: the first column (a time, an alias) belongs at the
right edge, the second to its left. ``table(..., rtl=True)`` draws the same rows mirrored: the
cells of every row and the column widths reversed, and every style command's columns mirrored
with it (a span's content moved to its new first cell; left and right padding, a line before and
a line after, left and right alignment swapped); the table sits against the right margin.
Written once for every run-sheet table, so no table of a right-to-left sheet is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

_SWAPPED = {
    "LEFTPADDING": "RIGHTPADDING",
    "RIGHTPADDING": "LEFTPADDING",
    "LINEBEFORE": "LINEAFTER",
    "LINEAFTER": "LINEBEFORE",
}
_ALIGN = {"LEFT": "RIGHT", "RIGHT": "LEFT"}


def mirrored(rows: Sequence[Sequence], widths: Sequence[float], commands: Sequence[tuple]):
    """``(rows, widths, commands)`` drawn right to left: see the module."""
    n = len(widths)

    def col(c: int) -> int:
        return n - 1 - (c if c >= 0 else n + c)

    out_rows = [list(reversed(row)) for row in rows]
    out_commands = []
    for command in commands:
        name, (c0, r0), (c1, r1), *args = command
        start, end = sorted((col(c0), col(c1)))
        name = _SWAPPED.get(name, name)
        if name == "ALIGN" and args and str(args[0]).upper() in _ALIGN:
            args = [_ALIGN[str(args[0]).upper()], *args[1:]]
        if name == "SPAN":  # reportlab draws a span from its first cell: the content moves there
            first = r0 if r0 >= 0 else len(out_rows) + r0
            row = out_rows[first]
            row[start], row[end] = row[end], row[start]
        out_commands.append((name, (start, r0), (end, r1), *args))
    return out_rows, list(reversed(widths)), out_commands


def table(
    rows: Sequence[Sequence],
    widths: Sequence[float],
    commands: Sequence[tuple] = (),
    *,
    rtl: bool = False,
    h_align: str = "LEFT",
    **options,
):
    """A reportlab ``Table`` of ``rows`` with ``commands``, mirrored when ``rtl``; ``h_align``
    is where it sits on a left-to-right page (mirrored too)."""
    from reportlab.platypus import Table, TableStyle

    if rtl:
        rows, widths, commands = mirrored(rows, widths, commands)
        h_align = _ALIGN.get(h_align, h_align)
    out = Table(rows, colWidths=list(widths), hAlign=h_align, **options)
    out.setStyle(TableStyle(list(commands)))
    return out
