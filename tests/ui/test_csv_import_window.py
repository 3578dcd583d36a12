"""A people list imported in the real window, then Ctrl+Z and Ctrl+Shift+Z: the People tab and
the Directory show the people, then none of them, then all of them again."""

from __future__ import annotations

from app.services import views
from tests.ui.tabs_helpers import column_texts, with_modal
from ui.models.people import PersonCol

# Aliases at their limit (100 characters) in other scripts; each row a different person.
SCRIPTS = ("شمس", "शांति", "Κύκνος", "🕯", "Überwachung")


def _alias(i: int) -> str:
    stem = f"{SCRIPTS[i % len(SCRIPTS)]} {i:03d} "
    return (stem * 100)[:99] + "x"


def test_a_big_people_list_imports_and_undoes_in_one_step_from_the_window(
    qtbot, main_window, tmp_path
):
    w = main_window
    w.show_tab("people")
    tab = w.tab_widgets["people"]
    aliases = [_alias(i) for i in range(300)]
    assert all(len(a) == 100 for a in aliases)
    path = tmp_path / "crowd.csv"
    path.write_text("alias;role\n" + "".join(f"{a};Mourner\n" for a in aliases), encoding="utf-8")

    def confirm(dialog):
        assert dialog.import_button.text() == "&Import 300 rows"
        dialog.import_button.click()

    with_modal(lambda: tab.import_csv(path), confirm)
    shown = set(column_texts(tab.model, PersonCol.ALIAS))
    assert set(aliases) <= shown and tab.model.rowCount() == 315

    w.a_undo.trigger()  # Edit → Undo (Ctrl+Z)
    assert tab.model.rowCount() == 15
    assert not set(aliases) & set(column_texts(tab.model, PersonCol.ALIAS))
    directory = {r.alias for r in w.ctx.query(views.directory_rows)}
    assert not set(aliases) & directory

    w.a_redo.trigger()  # Edit → Redo
    assert tab.model.rowCount() == 315
    assert set(aliases) <= {r.alias for r in w.ctx.query(views.directory_rows)}
