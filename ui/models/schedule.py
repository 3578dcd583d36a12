"""The run of show as a table: one row per cue, by time."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication

from app.i18n import _, pgettext, ui
from app.services.views import ScheduleRow
from ui.models.base import RowTableModel
from ui.tabs._common import fmt_minutes, fmt_time, warning_background


class Col(IntEnum):
    START = 0
    DURATION = 1
    END = 2
    TITLE = 3
    FOLLOWS = 4  # what this chained cue follows: the chain is visible, not implied
    PLACE = 5
    ROLES = 6
    PEOPLE = 7
    PROPS = 8
    ACTUAL = 9  # live mode: the times the caller recorded


class ScheduleModel(RowTableModel):
    columns = Col

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tz = None

    def header(self, column: Col) -> str:
        return {
            Col.START: _("Start"),
            Col.DURATION: _("Duration"),
            Col.END: _("End"),
            Col.TITLE: _("Cue"),
            Col.PLACE: _("Place"),
            Col.ROLES: _("Roles"),
            Col.PEOPLE: _("People"),
            Col.PROPS: _("Props"),
            Col.FOLLOWS: _("Follows"),
            # Translators: Schedule column: the times a cue really ran (live mode)
            Col.ACTUAL: pgettext("schedule", "Actual"),
        }[column]

    def clash_text(self, row: ScheduleRow) -> str:
        return "\n".join(
            _("{alias} is also in “{cue}” ({start}–{end})").format(
                alias=c.alias,
                cue=c.other_title,
                start=fmt_time(c.other_starts_at, self.tz),
                end=fmt_time(c.other_ends_at, self.tz),
            )
            for c in row.clashes
        )

    def actual_text(self, row: ScheduleRow) -> str:
        if row.actual_start is None:
            return ""
        start = fmt_time(row.actual_start, self.tz)
        if row.actual_end is None:
            # Translators: Schedule, a cue that started in live mode and runs still
            return _("{start}–").format(start=start)
        return f"{start}–{fmt_time(row.actual_end, self.tz)}"

    def cell(self, row: ScheduleRow, column: Col, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Col.START:
                start = fmt_time(row.starts_at, self.tz)
                return f"↳ {start}" if row.chained else start
            if column == Col.DURATION:
                return fmt_minutes(row.minutes)
            if column == Col.END:
                return fmt_time(row.ends_at, self.tz)
            if column == Col.TITLE:
                title = f"⚠ {row.title}" if row.clashes else row.title
                return f"▶ {title}" if row.live else title
            if column == Col.ACTUAL:
                return self.actual_text(row)
            if column == Col.PLACE:
                return row.place
            if column == Col.ROLES:
                return ui().comma_list(row.role_names)
            if column == Col.PEOPLE:
                return ui().comma_list(row.aliases)
            if column == Col.PROPS:
                return ui().comma_list(row.prop_names)
            if column == Col.FOLLOWS:
                return f"↳ {row.follows_title}" if row.chained else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.live and column in (Col.TITLE, Col.ACTUAL):
                return _("Being called now in live mode")
            if row.clashes:
                return _("Double-booked:") + "\n" + self.clash_text(row)
            if column in (Col.START, Col.FOLLOWS) and row.chained:
                return _("Starts when “{cue}” ends").format(cue=row.follows_title)
            if column == Col.TITLE and row.photo_opportunity:
                note = _("A photo opportunity: listed on the media advisory")
                return f"{note}\n\n{row.instructions}" if row.instructions else note
            if column == Col.TITLE and row.instructions:
                return row.instructions
        if role == Qt.ItemDataRole.DecorationRole and column == Col.TITLE:
            if row.photo_opportunity:  # on the media advisory's photo opportunities
                from ui.icons import icon

                return icon("photo")
        if role == Qt.ItemDataRole.BackgroundRole and row.clashes:
            return QBrush(warning_background(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.BackgroundRole and row.live:
            tint = QGuiApplication.palette().highlight().color()
            tint.setAlpha(70)  # over the base colour: reads in light and dark themes
            return QBrush(tint)
        if role == Qt.ItemDataRole.FontRole and (row.clashes or row.live) and column == Col.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.START, Col.END):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
