"""The country lists: countries only, in the order their readers look for them, and a code an
earlier version saved kept as it is."""

from __future__ import annotations

from sqlalchemy import update

from tests.ui.conftest import open_window
from ui.i18n_qt import apply_language


def _items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_country_list_holds_countries_sorted_as_a_french_reader_looks(qtbot, demo_db):
    """The Overview's list offered "Région indéterminée (ZZ)", "Union européenne (EU)" and the
    pseudo-locales, and put "Égypte" and "Équateur" after "Zimbabwe"."""
    apply_language("fr")
    window = open_window(qtbot, demo_db)
    items = _items(window.tab_widgets["overview"].fields["country"])
    assert items[0] == "—"
    codes = [text.rsplit("(", 1)[-1].rstrip(")") for text in items[1:]]
    for code in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"):
        assert code not in codes
    assert items.index("Égypte (EG)") < items.index("Espagne (ES)") < items.index("Zimbabwe (ZW)")
    assert items.index("Danemark (DK)") < items.index("Équateur (EC)")
    assert items[-1] != "Égypte (EG)"
    window.close()


def test_a_code_an_earlier_version_saved_is_shown_and_kept(qtbot, demo_db):
    """An action saved with "EU" before the list was held to countries shows "EU", not "—",
    and keeps it when another field is edited; the next action shows its own country."""
    from app.domain.models import Action
    from app.services.changes import EVERYTHING
    from app.services.edits import get

    window = open_window(qtbot, demo_db)
    with window.ctx.store.session() as session:
        session.execute(update(Action).where(Action.id == window.action_id).values(country="EU"))
    window.ctx.changed.emit(EVERYTHING)  # as when another organiser's change arrives
    combo = window.tab_widgets["overview"].fields["country"]
    assert combo.currentText() == "EU"
    title = window.tab_widgets["overview"].fields["title"]
    title.setText("Vigil for privacy")
    title.editingFinished.emit()

    def country(session, action_id):
        return get(session, "action", action_id).country

    assert window.ctx.query(country, window.action_id) == "EU"
    assert _items(combo).count("EU") == 1
    window.close()
