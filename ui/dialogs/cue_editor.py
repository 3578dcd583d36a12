"""Add, insert or edit a cue: a form whose fields show their own errors.

Start times are wall-clock times in the action's zone. A chained cue names the cue it follows
("Follows") and starts when that one ends: the service moves it when its predecessor changes,
so its start is not edited here. "Insert" places a new cue right after the selected one,
chained to it, and hands it the cues that followed the selected one (``cue_ops.insert_after``:
one operation, one undo step). An unchained cue keeps its own start, whatever else moves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.i18n import _
from app.services.views import Choice, ScheduleRow
from ui.dialogs.form import INVALID, CheckList, FormDialog
from ui.tabs._common import fmt_time, update_changed, wall_clock_instant
from ui.tabs._timeinput import WallClockEdit
from ui.widgets.text_edit import plain_text


def insert_cue(ctx, *, after: ScheduleRow, values: dict, text: str) -> int:
    """One undo step: a chained cue right after ``after``; returns its id."""
    from app.services.cue_ops import insert_after

    return ctx.run_op(text, lambda session: insert_after(session, after_id=after.id, values=values))


def chain_choices(rows: list[ScheduleRow], row: ScheduleRow | None) -> list[ScheduleRow]:
    """The cues ``row`` may follow: any other cue of the action that does not follow it."""
    if row is None:
        return list(rows)
    by_id = {r.id: r for r in rows}

    def follows_row(r: ScheduleRow) -> bool:
        seen = set()
        while r is not None and r.id not in seen:
            if r.id == row.id:
                return True
            seen.add(r.id)
            r = by_id.get(r.follows_id) if r.follows_id is not None else None
        return False

    return [r for r in rows if not follows_row(r)]


class CueEditor(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx,
        *,
        action_id: int,
        tz,
        roles: list[Choice],
        people: list[Choice],
        props: list[Choice],
        row: ScheduleRow | None = None,
        start=None,
        after: ScheduleRow | None = None,
        cues: list[ScheduleRow] = (),
    ) -> None:
        if row is not None:
            title = _("Edit cue")
        elif after is not None:
            title = _("Insert cue")
        else:
            title = _("Add cue")
        super().__init__(parent, title=title, name="cue_editor")
        self.ctx, self.action_id, self.tz = ctx, action_id, tz
        self.row, self.after = row, after
        self.cues = {c.id: c for c in cues}
        self.saved_id: int | None = None

        self.title_edit = self.add_field("title", _("&Title:"), QLineEdit())
        self.start_edit = self.add_field(
            "starts_at", _("&Start:"), WallClockEdit("start", _("Start"))
        )
        self.follows = self.add_field("follows_id", _("&Follows:"), QComboBox())
        self.follows.addItem(_("Nothing: it starts at its own time"), None)
        for c in chain_choices(list(cues), row):
            self.follows.addItem(f"{fmt_time(c.ends_at, tz)} — {c.title}", c.id)
        self.minutes_edit = self.add_number_field("minutes", _("&Duration (minutes):"), decimals=0)
        self.place_edit = self.add_field("place", _("&Place:"), QLineEdit())
        self.instructions = self.add_field("instructions", _("&Instructions:"), QPlainTextEdit())
        self.instructions.setTabChangesFocus(True)
        self.instructions.setFixedHeight(self.fontMetrics().height() * 4)
        self.roles = self.add_field("role_ids", _("&Roles:"), CheckList("roles"))
        self.people = self.add_field("participant_ids", _("P&eople:"), CheckList("people"))
        self.props = self.add_field("prop_ids", _("Pr&ops:"), CheckList("props"))
        self.photo = self.add_field(
            "photo_opportunity",
            _("Press:"),
            QCheckBox(_("A photo opportunity (listed on the media advisory)")),
        )
        self.follows.currentIndexChanged.connect(
            lambda _i: self.start_edit.setEnabled(self.follows.currentData() is None)
        )

        if row is not None:
            self.title_edit.setText(row.title)
            self.start_edit.set_instant(row.starts_at, tz)
            self.follows.setCurrentIndex(max(self.follows.findData(row.follows_id), 0))
            self.set_number("minutes", row.minutes)
            self.place_edit.setText(row.place)
            self.instructions.setPlainText(row.instructions)
            self.photo.setChecked(row.photo_opportunity)
            checked = (row.role_ids, row.participant_ids, row.prop_ids)
        else:
            begin = after.ends_at if after is not None else start
            self.start_edit.set_instant(begin, tz)
            if after is not None:
                self.follows.setCurrentIndex(max(self.follows.findData(after.id), 0))
                self.follows.setEnabled(False)
            self.set_number("minutes", 10)
            checked = ((), (), ())
        self.roles.set_choices(roles, checked[0])
        self.people.set_choices(people, checked[1])
        self.props.set_choices(props, checked[2])
        self.title_edit.setFocus()

    def values(self) -> dict | None:
        """The form's values, or None with every problem shown beside its field."""
        out = {
            "title": self.title_edit.text().strip(),
            "minutes": self.number("minutes", whole=True, required=True),
            "place": self.place_edit.text().strip(),
            "instructions": plain_text(self.instructions).strip(),
            "follows_id": self.follows.currentData(),
            "photo_opportunity": self.photo.isChecked(),
            "role_ids": self.roles.checked_ids(),
            "participant_ids": self.people.checked_ids(),
            "prop_ids": self.props.checked_ids(),
        }
        if self.after is None and out["follows_id"] is None:
            kept = self.row.starts_at if self.row is not None else None
            start = wall_clock_instant(
                self, self.start_edit, field="starts_at", kept=kept, tz=self.tz
            )
            out["starts_at"] = INVALID if start is None else start
        elif self.row is None and out["follows_id"] in self.cues:
            out["starts_at"] = self.cues[out["follows_id"]].ends_at  # the service keeps it so
        if INVALID in out.values():
            self.refuse("cue", out)
            return None
        return out

    def save(self) -> bool:
        values = self.values()
        if values is None:
            return False
        label = values["title"] or _("cue")
        if self.row is not None:
            old = {
                "title": self.row.title,
                "minutes": self.row.minutes,
                "place": self.row.place,
                "instructions": self.row.instructions,
                "follows_id": self.row.follows_id,
                "photo_opportunity": self.row.photo_opportunity,
                "role_ids": sorted(self.row.role_ids),
                "participant_ids": sorted(self.row.participant_ids),
                "prop_ids": sorted(self.row.prop_ids),
                "starts_at": self.row.starts_at,
            }
            self.saved_id = update_changed(
                self.ctx,
                self.row,
                entity="cue",
                old=old,
                values=values,
                text=_("Edit cue “{title}”").format(title=label),
            )
        elif self.after is not None:
            self.saved_id = insert_cue(
                self.ctx,
                after=self.after,
                values=values,
                text=_("Insert cue “{title}”").format(title=label),
            )
        else:
            self.saved_id = self.ctx.create(
                "cue",
                _("Add cue “{title}”").format(title=label),
                action_id=self.action_id,
                **values,
            )
        return True
