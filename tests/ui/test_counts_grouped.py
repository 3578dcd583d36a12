"""A count in the window is written as its reader writes numbers: a plan with more than a
thousand people says "1,015 participants" in the status bar ("1.015 Teilnehmende" in German,
"1 015" in French), not "1015"; so do the Directory and the bulk commands."""

from __future__ import annotations

from sqlalchemy import insert, select

from app.domain import models as m
from tests.ui.conftest import open_window


def _grow(demo_db, extra: int) -> None:
    """``extra`` more people in the demo action, as a big import would leave them."""
    from app.storage.engine import open_store

    store = open_store(str(demo_db))
    with store.session() as s:
        action_id = s.scalar(select(m.Action.id))
        role_id = s.scalar(select(m.Role.id).where(m.Role.action_id == action_id))
        first = s.scalar(select(m.Participant.id).order_by(m.Participant.id.desc())) + 1
        s.execute(
            insert(m.Participant),
            [{"alias": f"Walker {i:04d}", "alias_key": f"walker {i:04d}"} for i in range(extra)],
        )
        s.execute(
            insert(m.Assignment),
            [
                {
                    "action_id": action_id,
                    "participant_id": first + i,
                    "role_id": role_id,
                    "uid": f"walker-{i}",
                }
                for i in range(extra)
            ],
        )
    store.close()


def test_the_status_bar_groups_the_thousands_in_the_readers_language(qtbot, demo_db):
    _grow(demo_db, 1000)
    window = open_window(qtbot, demo_db)
    status = window.status_left.text()
    assert "1,015 participants" in status, status
    window.apply_language("de")
    assert "1.015 Teilnehmende" in window.status_left.text(), window.status_left.text()
    window.apply_language("fr")
    assert "1\u202f015 participant" in window.status_left.text(), window.status_left.text()
    window.close()
