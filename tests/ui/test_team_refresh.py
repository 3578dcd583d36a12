"""A colleague's edit refreshes only what it changed, and only where it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain import models as m
from app.services import edits, views
from tests.ui.conftest import open_window, wait_listening
from ui.models.people import PersonCol


def _assignment(store, action_id: int) -> tuple[int, bool]:
    with store.read() as s:
        a = s.scalars(select(m.Assignment).where(m.Assignment.action_id == action_id)).first()
        return a.id, a.confirmed


def test_a_colleague_s_tick_repaints_that_row_only(qtbot, any_demo_store, monkeypatch):
    window = open_window(qtbot, any_demo_store.target)
    try:
        wait_listening(qtbot, window.live_updates)
        window.show_tab("people")
        model = window.tab_widgets["people"].model
        aid, confirmed = _assignment(any_demo_store, window.action_id)
        wanted = Qt.CheckState.Unchecked if confirmed else Qt.CheckState.Checked
        reads = []
        real = views.assignment_rows

        def counting(session, action_id, **kwargs):
            rows = real(session, action_id, **kwargs)
            reads.append(len(rows))
            return rows

        monkeypatch.setattr(views, "assignment_rows", counting)
        with any_demo_store.session() as s:  # the colleague, elsewhere
            version = edits.get(s, "assignment", aid).version
            edits.update(s, "assignment", aid, expected_version=version, confirmed=not confirmed)

        index = model.index(model.row_of(aid), PersonCol.CONFIRMED)
        qtbot.waitUntil(
            lambda: model.data(index, Qt.ItemDataRole.CheckStateRole) == wanted,
            timeout=8000,
        )
        if any_demo_store.backend == "postgresql":  # the notice named the row: just it is read
            assert reads == [1]
        else:  # SQLite cannot say what changed: the shown tab reloads
            assert reads and reads[-1] == model.rowCount()
    finally:
        window.close()


def test_a_hidden_tab_does_no_work_until_it_is_shown(qtbot, any_demo_store, monkeypatch):
    window = open_window(qtbot, any_demo_store.target)
    try:
        wait_listening(qtbot, window.live_updates)
        window.show_tab("props")
        window.show_tab("overview")  # props loaded once, now hidden
        props = window.tab_widgets["props"]
        reloads = []
        real = props.reload
        monkeypatch.setattr(props, "reload", lambda: (reloads.append(1), real())[1])
        with any_demo_store.read() as s:
            prop = s.scalars(select(m.Prop).where(m.Prop.action_id == window.action_id)).first()
            prop_id, version = prop.id, prop.version
        with any_demo_store.session() as s:
            edits.update(s, "prop", prop_id, expected_version=version, name="Black coffin")
        qtbot.waitUntil(lambda: "props" in window._dirty, timeout=8000)
        assert reloads == []  # hidden: nothing read
        window.show_tab("props")
        assert reloads == [1]
        assert props.model.get(prop_id).name == "Black coffin"
    finally:
        window.close()
