"""The purge reminder: a status-bar button while people are past their retention date."""

from __future__ import annotations


def test_the_reminder_shows_while_a_purge_is_due_and_goes_after_it(main_window, qtbot):
    from app.services.changes import EVERYTHING
    from app.services.purge import plan_due, run_purge

    button = main_window.purge_button
    # The demo took place on 28 May 2024: its 15 participants and 2 media contacts are long
    # past 30 days of retention. Counted after the window's first paint (nothing heavy before):
    # on a loaded machine that comes a moment after the window is shown.
    qtbot.waitUntil(button.isVisible, timeout=5000)
    assert button.text() == "Purge due: 17 people past their retention date…"
    store = main_window.ctx.store
    plan = main_window.ctx.query(lambda s: plan_due(s))
    run_purge(store, plan)
    main_window.ctx.changed.emit(EVERYTHING)
    assert not button.isVisible()
