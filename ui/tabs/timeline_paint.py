"""Drawing a drag in progress on the timeline: the ghosts and the time tag.

Each cue that would move is drawn where it would go (its own bar stays, faded, where it is) in
the highlight colour with a dashed outline; a refused move is a tint of the error colour under
the plain text colour, so it reads in a light and a dark palette alike. The dragged cue's new
times sit in a tag above its ghost (below it in the top lane).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.tabs._common import error_color, fmt_time
from ui.tabs.timeline_drag import BarDrag


def paint_ghosts(
    widget: QWidget, p: QPainter, ghosts: list, drag: BarDrag, *, left: float, pad: int
) -> None:
    """``ghosts``: (rect, row) of every bar of a cue that would move, in its new place."""
    pal = widget.palette()
    fm = QFontMetrics(widget.font())
    fill = pal.color(QPalette.ColorRole.Highlight)
    on_fill = pal.color(QPalette.ColorRole.HighlightedText)
    text = pal.color(QPalette.ColorRole.Text)
    alarm = error_color(pal)
    refused = drag.refused
    p.save()
    p.setClipRect(QRectF(left, 0, widget.width() - left, widget.height()))  # never over a label
    for ghost, row in ghosts:
        color = QColor(alarm if refused else fill)
        color.setAlpha(70 if refused else 200)
        p.setPen(QPen(alarm if refused else on_fill, 2, Qt.PenStyle.DashLine))
        p.setBrush(color)
        p.drawRoundedRect(ghost, 3, 3)
        if ghost.width() > fm.horizontalAdvance("…") + 8:
            p.setPen(text if refused else on_fill)
            widget.draw_text(
                p,
                ghost.adjusted(4, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(row.title, Qt.TextElideMode.ElideRight, int(ghost.width() - 8)),
            )
    p.restore()
    dragged = next((rect for rect, row in ghosts if row.id == drag.row.id), None)
    if dragged is not None:
        _paint_tag(widget, p, fm, dragged, drag, pad)


def _paint_tag(
    widget: QWidget, p: QPainter, fm: QFontMetrics, ghost: QRectF, drag: BarDrag, pad: int
) -> None:
    start, minutes = drag.proposed[drag.row.id]
    tz = getattr(widget, "tz", None)
    # Translators: the time a dragged cue would take, shown beside it ("10:00 AM–10:10 AM").
    text = _("{start}–{end}").format(
        start=fmt_time(start, tz), end=fmt_time(start + timedelta(minutes=minutes), tz)
    )
    if drag.refused:
        text = f"⚠ {text}"
    pal = widget.palette()
    w, h = fm.horizontalAdvance(text) + 2 * pad, fm.height() + 4
    y = ghost.top() - h - 1 if ghost.top() - h - 1 >= 0 else ghost.bottom() + 1
    x = min(max(ghost.left(), 0), widget.width() - w - 1)
    tag = QRectF(x, y, w, h)
    edge = error_color(pal) if drag.refused else pal.color(QPalette.ColorRole.Dark)
    p.setPen(QPen(edge, 1))
    p.setBrush(pal.color(QPalette.ColorRole.ToolTipBase))
    p.drawRoundedRect(tag, 3, 3)
    p.setPen(pal.color(QPalette.ColorRole.ToolTipText))
    widget.draw_text(p, tag, Qt.AlignmentFlag.AlignCenter, text)
