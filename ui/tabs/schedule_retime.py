"""Retiming cues from the Schedule tab: a drop on the timeline, or Alt+arrows on the table or
the timeline. Each is ONE operation (``cue_retime.retime``) and one undo step named after what
it did ("Move “Hearse parks at the gate” to 10:15 AM"); a refusal changes nothing and says why
in the status bar.

Keys (on the table's current cue, or the timeline's selected one):
Alt+Up / Alt+Down move it 5 minutes earlier / later, Alt+Shift+Up / Alt+Shift+Down make it
5 minutes shorter / longer.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.domain.errors import ConflictError
from app.i18n import N_, _
from app.services import cue_retime
from ui.context import EditFailed
from ui.tabs._common import read_only_here
from ui.tabs.timeline_drag import SNAP, undo_text

#: (object name, key, minutes earlier/later, minutes shorter/longer, what it does)
KEYS = (
    ("move_cue_earlier", "Alt+Up", -SNAP, 0, N_("Move the cue 5 minutes earlier")),
    ("move_cue_later", "Alt+Down", SNAP, 0, N_("Move the cue 5 minutes later")),
    ("shorten_cue", "Alt+Shift+Up", 0, -SNAP, N_("Make the cue 5 minutes shorter")),
    ("lengthen_cue", "Alt+Shift+Down", 0, SNAP, N_("Make the cue 5 minutes longer")),
)


def say(widget: QWidget, text: str, msecs: int = 10000) -> None:
    """A line in the window's status bar (the tab is not always in a main window: tests)."""
    bar = getattr(widget.window(), "statusBar", None)
    if callable(bar) and text:
        bar().showMessage(text, msecs)
    elif callable(bar):
        bar().clearMessage()


def retime(tab, cue_id: int, values: dict) -> bool:
    """Write ``values`` (``starts_at`` or ``minutes``) for the cue as one undo step."""
    row = tab.model.get(cue_id)
    if row is None or not values:
        return False
    if read_only_here(tab):
        say(tab, _("Read-only: the cues cannot be moved or resized here"))
        return False
    text = undo_text(row, values, tab.tz)
    try:
        tab.ctx.run_op(
            text,
            lambda session: cue_retime.retime(
                session,
                cue_id=cue_id,
                expected_version=row.version,
                shown={"starts_at": row.starts_at, "minutes": row.minutes},
                **values,
            ),
        )
    except EditFailed as exc:
        problems = getattr(exc.error, "problems", None)
        reason = problems[0].message if problems else str(exc.error)
        if isinstance(exc.error, ConflictError):
            tab.reload()  # show the times the other organiser set
            # Translators: {reason} says who changed the cue ("somebody else changed this cue…").
            reason = _("Not moved: {reason}; the schedule now shows their change").format(
                reason=reason
            )
        if not exc.shown:
            say(tab, reason)
        return False
    tab.table.select_id(cue_id)
    tab.timeline.select(cue_id)
    say(tab, text)
    return True


def nudge(tab, source: QWidget, later: int, longer: int) -> None:
    """Alt+arrow on ``source`` (the table or the timeline): its cue by the snap."""
    cue_id = tab.table.selected_id() if source is tab.table else tab.timeline.selected
    row = None if cue_id is None else tab.model.get(cue_id)
    if row is None:
        say(tab, _("Select a cue first"))
        return
    if later:
        retime(tab, row.id, {"starts_at": row.starts_at + timedelta(minutes=later)})
    else:
        retime(tab, row.id, {"minutes": row.minutes + longer})
    source.setFocus()


def wire(tab) -> None:
    """The timeline's drop and the Alt+arrow keys of the table and the timeline."""
    tab.timeline.retime_requested.connect(lambda cue_id, values: retime(tab, cue_id, values))
    tab.timeline.status.connect(lambda text: say(tab, text))
    tab.retime_keys = []
    for source in (tab.table, tab.timeline):
        for name, key, later, longer, what in KEYS:
            shortcut = QShortcut(QKeySequence(key), source)
            shortcut.setObjectName(f"{source.objectName()}:{name}")
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setProperty("what", what)
            shortcut.activated.connect(lambda s=source, a=later, b=longer: nudge(tab, s, a, b))
            tab.retime_keys.append(shortcut)
    retranslate(tab)


def retranslate(tab) -> None:
    """Each key says what it does (a list of the window's shortcuts can show it)."""
    for shortcut in getattr(tab, "retime_keys", ()):
        shortcut.setWhatsThis(_(shortcut.property("what")))
