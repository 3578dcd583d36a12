"""The action tabs are built when first needed and load only when shown (issue #17): through
the real window, a hidden tab does no work, and what it shows once shown is up to date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.domain import models as m
from tests.ui.tabs_helpers import latest
from ui.main_window import TAB_SPECS

CTRL = Qt.KeyboardModifier.ControlModifier


def _titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _count_reloads(tab) -> list[int]:
    """Each reload of ``tab`` (the user's edits, a switch) appends to the returned list."""
    calls: list[int] = []
    original = tab.reload

    def counted() -> None:
        calls.append(tab.action_id)
        original()

    tab.reload = counted
    return calls


def _first_prop(window) -> int:
    return window.ctx.query(lambda s: s.scalars(select(m.Prop.id).order_by(m.Prop.id)).first())


def _approve(w, release: int) -> None:
    """Release → Approve, as the window's button does it."""
    w.ctx.update(
        "release",
        release,
        "Approve",
        expected_version=latest(w.ctx, "release", release),
        status="approved",
    )


def test_the_window_paints_with_every_title_and_builds_no_tab(qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.tab_widgets.built() == {}
    assert len(_titles(window)) == len(TAB_SPECS)
    assert _titles(window)[:4] == ["Overview", "Readiness", "Schedule", "People"]
    window.close()


def test_opening_the_demo_builds_only_the_shown_tab_and_readiness(main_window):
    w = main_window

    assert set(w.tab_widgets.built()) == {"overview", "readiness"}
    assert w.tabs.currentWidget() is w.tab_widgets["overview"]
    assert w.tabs.tabText(1).startswith("Readiness (")  # its badge counts already
    assert len(_titles(w)) == len(TAB_SPECS)


def test_ctrl_number_builds_the_tab_once_and_shows_the_action(qtbot, main_window):
    w = main_window
    w.activateWindow()

    QTest.keyClick(w, Qt.Key.Key_5, CTRL)

    props = w.tabs.currentWidget()
    assert props is w.tab_widgets["props"]
    assert props.model.rowCount() > 0  # the demo's props, loaded as it was shown
    assert w.tabs.tabText(w.tabs.indexOf(props)) == "Props"
    QTest.keyClick(w, Qt.Key.Key_1, CTRL)
    QTest.keyClick(w, Qt.Key.Key_5, CTRL)
    assert w.tabs.currentWidget() is props
    assert w.tab_widgets.builds["props"] == 1


def test_a_hidden_tab_does_no_work_and_shows_an_edit_once_shown(qtbot, main_window):
    w = main_window
    w.show_tab("props")
    props = w.tab_widgets["props"]
    reloads = _count_reloads(props)
    w.show_tab("overview")
    prop_id = _first_prop(w)

    for name in ("Coffin, black", "Coffin, grey", "Coffin, white"):
        version = latest(w.ctx, "prop", prop_id)
        w.ctx.update("prop", prop_id, "Rename", expected_version=version, name=name)

    assert reloads == []  # three edits, no reload of the hidden tab
    w.show_tab("props")
    assert len(reloads) == 1  # one reload for the burst, as it is shown
    assert props.model.get(prop_id).name == "Coffin, white"


def test_switching_actions_loads_only_the_shown_tab(qtbot, main_window):
    from datetime import date

    from app.services.action_ops import duplicate_action

    w = main_window
    first = w.action_id
    copy = w.ctx.run_op(
        "Duplicate",
        lambda s: duplicate_action(s, action_id=first, new_date=date(2024, 11, 5), title="Copy"),
    )
    w.actions_panel.select(first)
    w.show_tab("props")
    props = w.tab_widgets["props"]
    w.show_tab("overview")
    reloads = _count_reloads(props)

    for action_id in (copy, first, copy):
        w.actions_panel.select(action_id)

    assert reloads == []  # the props tab was hidden all along
    assert w.header_title.text() == "Copy"
    w.show_tab("props")
    assert reloads == [copy]  # one load, for the action now selected
    ids = w.ctx.query(lambda s: set(s.scalars(select(m.Prop.id).where(m.Prop.action_id == copy))))
    assert ids and all(props.model.get(pid) is not None for pid in ids)
    assert props.model.get(_first_prop(w)) is None  # the first action's props are gone


def test_a_readiness_link_builds_the_tab_that_shows_the_problem(qtbot, main_window):
    w = main_window
    readiness = w.tab_widgets["readiness"]
    w.show_tab("readiness")
    entities = {p.entity for p in readiness.problems()}
    for problem in readiness.problems():
        if problem.entity in ("prop", "cue", "participant", "role", "task"):
            assert w.navigate(problem.entity, problem.entity_id)
            shown = w.tabs.currentWidget()
            assert shown is not readiness and shown in w.tab_widgets.built().values()
            break
    else:
        raise AssertionError(f"the demo has no linked problem: {entities}")


def test_nothing_heavy_is_imported_before_the_first_paint():
    """The window paints before SQLAlchemy, the models and the exports are imported: they
    come with the database, after the first paint (a fresh process: this one has them)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from ui.app import make_application\n"
        "app = make_application()\n"
        "from ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "heavy = ('sqlalchemy', 'app.domain.models', 'reportlab', 'app.exports')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=root, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_slow_plan_is_judged_off_the_gui_thread_once_per_burst(qtbot, main_window, monkeypatch):
    """The Readiness tab in front: a big plan (here: any plan with someone in it) is judged in
    a pool thread once a burst of edits has settled, and then shows the result."""
    import threading

    import ui.tabs.readiness as module

    w = main_window
    w.show_tab("readiness")
    readiness = w.tab_widgets["readiness"]
    monkeypatch.setattr(module, "BIG_PLAN", 1)
    calls: list[bool] = []
    real = module.read_readiness

    def counted(*args):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(module, "read_readiness", counted)
    kinds = {p.kind: p for p in readiness.problems()}
    release = kinds["release-unapproved"].entity_id
    prop_id = _first_prop(w)

    _approve(w, release)
    for name in ("Coffin, black", "Coffin, grey"):
        version = latest(w.ctx, "prop", prop_id)
        w.ctx.update("prop", prop_id, "Rename", expected_version=version, name=name)

    assert calls == []  # nothing judged yet, and never on the GUI thread
    qtbot.waitUntil(lambda: bool(calls) and readiness.data is not None, timeout=10_000)
    qtbot.wait(2 * module.MERGE_MS)
    assert calls == [False]  # one judgement for the burst of three edits, in a pool thread
    assert "release-unapproved" not in [p.kind for p in readiness.problems()]
    assert w.tabs.tabText(1).startswith("Readiness (")


def test_switching_back_to_a_big_plan_says_it_is_checking_then_shows_it(
    qtbot, main_window, monkeypatch
):
    import threading
    from datetime import date

    import ui.tabs.readiness as module
    from app.services.action_ops import duplicate_action

    w = main_window
    w.show_tab("readiness")
    readiness = w.tab_widgets["readiness"]
    demo, title = w.action_id, w.header_title.text()
    copy = w.ctx.run_op(
        "Duplicate",
        lambda s: duplicate_action(s, action_id=demo, new_date=date(2024, 11, 5), title="Copy"),
    )
    monkeypatch.setattr(module, "BIG_PLAN", 1)
    on_gui: list[bool] = []
    real = module.read_readiness

    def counted(*args):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(module, "read_readiness", counted)
    w.actions_panel.select(copy)  # the copy's size is not known yet: judged at once
    qtbot.waitUntil(lambda: readiness.data is not None and not readiness._later.isActive())
    w.actions_panel.select(demo)

    assert readiness.headline.text() == f"Checking {title}…"
    assert readiness.problems() == []  # nothing of the copy stays on screen
    qtbot.waitUntil(lambda: readiness.data is not None, timeout=10_000)
    assert readiness.headline.text().endswith("to fix before Tuesday, May 28, 2024, 9:30\u202fAM")
    assert on_gui[-1] is False  # the big plan was judged in a pool thread


def test_opening_a_database_loads_the_shown_tab_once(qtbot, main_window, demo_db):
    """The change "everything" that opening emits selects the first action: the shown tab,
    which just loaded it, does not load it again when the same change reaches it."""
    w = main_window
    overview = w.tab_widgets["overview"]
    reloads = _count_reloads(overview)

    assert w.open_database(str(demo_db))

    assert reloads.count(w.action_id) == 1  # (and once for "no action" while switching)
    assert overview.fields["title"].text() == w.header_title.text()


def test_opening_a_database_judges_the_first_action_once_and_draws_its_header_once(
    qtbot, demo_db, monkeypatch
):
    """Opening a file selects its first action inside the "everything changed" of the new
    store: the readiness check and the header ran twice for it (issue #17, start-up)."""
    import ui.main_window as window_module
    import ui.tabs.readiness as module
    from tests.ui.conftest import open_window

    judged: list[int] = []
    headers: list[int] = []
    real_judge, real_header = module.read_readiness, window_module.read_header
    monkeypatch.setattr(
        module, "read_readiness", lambda s, a, now: judged.append(a) or real_judge(s, a, now)
    )
    monkeypatch.setattr(
        window_module, "read_header", lambda s, a: headers.append(a) or real_header(s, a)
    )
    w = open_window(qtbot, demo_db)

    assert judged == [w.action_id] and headers == [w.action_id]
    assert w.tabs.tabText(1).startswith("Readiness (")
    w.close()


def test_readiness_in_front_follows_an_edit_and_its_undo(qtbot, main_window):
    """The readiness tab caches judgements per minute: an edit and its undo are judged again,
    never shown as they were before the change."""
    w = main_window
    w.show_tab("readiness")
    readiness = w.tab_widgets["readiness"]
    kinds = [p.kind for p in readiness.problems()]
    assert "release-unapproved" in kinds
    release = next(p for p in readiness.problems() if p.kind == "release-unapproved").entity_id
    _approve(w, release)
    assert "release-unapproved" not in [p.kind for p in readiness.problems()]
    w.a_undo.trigger()
    assert "release-unapproved" in [p.kind for p in readiness.problems()]
