"""Add, insert or edit a cue: a form whose fields show their own errors.

Start times are wall-clock times in the action's zone. A chained cue starts when the previous one
ends (the service ripples every chained cue after a change of duration), so its start is not
edited. "Insert" places the new cue right after the selected one, pushing the cue that started
exactly there (a chained one, always) so the chain runs through the new cue.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from app.i18n import _
from app.services import edits
from app.services.changes import Change
from app.services.views import Choice, ScheduleRow
from ui.dialogs.form import CheckList, FormDialog, parse_int
from ui.tabs._common import update_changed, wall_clock_instant
from ui.tabs._timeinput import WallClockEdit


def insert_cue(
    ctx, *, action_id: int, after: ScheduleRow, following_id: int | None, values: dict, text: str
) -> int:
    """One undo step: a chained cue right after ``after``; returns its id."""
    start = after.ends_at
    values = {**values, "action_id": action_id, "starts_at": start, "chained": True}

    def do(session):
        pushed = None
        if following_id is not None:
            later = start + timedelta(minutes=max(values["minutes"], 0))
            pushed = edits.update(session, "cue", following_id, starts_at=later, chained=False)
        new_id = edits.create(session, "cue", **values)
        if pushed is not None and pushed["chained"]:
            edits.update(session, "cue", following_id, chained=True)
        return Change("cue", (new_id,), "created", action_id), (new_id, pushed)

    def undo(session, state):
        new_id, pushed = state
        edits.delete(session, "cue", new_id)
        if pushed is not None:
            edits.update(session, "cue", following_id, **pushed)
        return Change("cue", (new_id,), "deleted", action_id)

    return ctx.run_edit(text, do, undo)[0]


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
        following_id: int | None = None,
    ) -> None:
        if row is not None:
            title = _("Edit cue")
        elif after is not None:
            title = _("Insert cue")
        else:
            title = _("Add cue")
        super().__init__(parent, title=title, name="cue_editor")
        self.ctx, self.action_id, self.tz = ctx, action_id, tz
        self.row, self.after, self.following_id = row, after, following_id
        self.saved_id: int | None = None

        self.title_edit = self.add_field("title", _("&Title:"), QLineEdit())
        self.start_edit = self.add_field(
            "starts_at", _("&Start:"), WallClockEdit("start", _("Start"))
        )
        self.chained = self.add_field(
            "chained", _("C&hained:"), QCheckBox(_("Starts when the previous cue ends"))
        )
        self.minutes_edit = self.add_field("minutes", _("&Duration (minutes):"), QLineEdit())
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
        self.chained.toggled.connect(lambda on: self.start_edit.setEnabled(not on))

        if row is not None:
            self.title_edit.setText(row.title)
            self.start_edit.set_instant(row.starts_at, tz)
            self.chained.setChecked(row.chained)
            self.minutes_edit.setText(str(row.minutes))
            self.place_edit.setText(row.place)
            self.instructions.setPlainText(row.instructions)
            self.photo.setChecked(row.photo_opportunity)
            checked = (row.role_ids, row.participant_ids, row.prop_ids)
        else:
            begin = after.ends_at if after is not None else start
            self.start_edit.set_instant(begin, tz)
            self.chained.setChecked(after is not None)
            self.chained.setEnabled(after is None)
            self.minutes_edit.setText("10")
            checked = ((), (), ())
        self.roles.set_choices(roles, checked[0])
        self.people.set_choices(people, checked[1])
        self.props.set_choices(props, checked[2])
        self.title_edit.setFocus()

    def values(self) -> dict | None:
        minutes = parse_int(self.minutes_edit.text())
        if minutes is None:
            self.problem("minutes", _("must be a whole number"))
            return None
        out = {
            "title": self.title_edit.text().strip(),
            "minutes": minutes,
            "place": self.place_edit.text().strip(),
            "instructions": self.instructions.toPlainText().strip(),
            "chained": self.chained.isChecked(),
            "photo_opportunity": self.photo.isChecked(),
            "role_ids": self.roles.checked_ids(),
            "participant_ids": self.people.checked_ids(),
            "prop_ids": self.props.checked_ids(),
        }
        if self.after is not None or (self.row is not None and out["chained"]):
            return out  # the start follows the previous cue
        kept = self.row.starts_at if self.row is not None else None
        out["starts_at"] = wall_clock_instant(
            self, self.start_edit, field="starts_at", kept=kept, tz=self.tz
        )
        return out if out["starts_at"] is not None else None

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
                "chained": self.row.chained,
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
            values.pop("chained", None)
            self.saved_id = insert_cue(
                self.ctx,
                action_id=self.action_id,
                after=self.after,
                following_id=self.following_id,
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
