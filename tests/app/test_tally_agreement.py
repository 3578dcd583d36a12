"""Tallies: "Pallbearer: 1 of 4 confirmed", "3 attended / 4 confirmed / 4 needed". The word
after a count agrees with that count in French, Spanish, Italian, Portuguese and Greek ("1
présent·e" but "3 présent·es", "1 confermato su 4" but "3 confermati su 4"), in live mode, the
readiness list, the debrief page and the debrief PDF. Each count of a turnout line is its own
ngettext piece, so each word agrees with its own number."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app import i18n
from app.exports.debrief import text as words

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)


def _cue(*roles):
    from app.services.live import LiveCue, RoleNeed

    return LiveCue(
        id=1,
        title="Cortège",
        starts_at=START,
        minutes=20,
        roles=tuple(
            RoleNeed(name, needed, assigned, confirmed)
            for name, needed, assigned, confirmed in roles
        ),
    )


@pytest.mark.parametrize(
    "lang, assigned, expected",
    [
        ("en", 1, "Pallbearer: 1 of 4 assigned"),
        ("en", 3, "Pallbearer: 3 of 4 assigned"),
        ("fr", 0, "Pallbearer\u00a0: 0 affecté·e sur 4"),
        ("fr", 1, "Pallbearer\u00a0: 1 affecté·e sur 4"),
        ("fr", 3, "Pallbearer\u00a0: 3 affecté·es sur 4"),
        ("it", 1, "Pallbearer: 1 assegnato su 4"),
        ("it", 0, "Pallbearer: 0 assegnati su 4"),
        ("es", 1, "Pallbearer: 1 de 4 asignada"),
        ("pt", 1, "Pallbearer: 1 de 4 atribuído"),
        ("pt", 3, "Pallbearer: 3 de 4 atribuídos"),
        ("de", 1, "Pallbearer: 1 von 4 zugewiesen"),
    ],
)
def test_live_mode_says_one_person_assigned_in_the_singular(lang, assigned, expected):
    from app.services.live import warnings

    i18n.set_ui_language(lang)
    assert warnings(_cue(("Pallbearer", 4, assigned, assigned))) == [expected]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("fr", "Pallbearer\u00a0: 1 confirmé·e sur 4"),
        ("it", "Pallbearer: 1 confermato su 4"),
        ("es", "Pallbearer: 1 de 4 confirmada"),
    ],
)
def test_live_mode_says_one_person_confirmed_in_the_singular(lang, expected):
    from app.services.live import warnings

    i18n.set_ui_language(lang)
    assert warnings(_cue(("Pallbearer", 4, 4, 1))) == [expected]


@pytest.mark.parametrize(
    "lang, counts, expected",
    [
        ("en", (1, 1, 1), "Pallbearer: 1 attended / 1 confirmed / 1 needed"),
        ("fr", (1, 3, 4), "Pallbearer\u00a0: 1 présent·e / 3 confirmé·es / 4 nécessaires"),
        ("fr", (3, 1, 1), "Pallbearer\u00a0: 3 présent·es / 1 confirmé·e / 1 nécessaire"),
        ("it", (1, 1, 4), "Pallbearer: 1 presente / 1 confermato / 4 necessari"),
        ("es", (1, 2, 1), "Pallbearer: 1 presente / 2 confirmadas / 1 necesaria"),
        ("pt", (0, 1, 2), "Pallbearer: 0 presente / 1 confirmado / 2 necessários"),
        ("el", (1, 2, 2), "Pallbearer: ήρθε 1 / επιβεβαίωσαν 2 / χρειάζονταν 2"),
        ("de", (1, 4, 4), "Pallbearer: 1 anwesend / 4 bestätigt / 4 benötigt"),
        ("pl", (1, 2, 5), "Pallbearer: obecnych 1 / potwierdzonych 2 / potrzebnych 5"),
        ("ar", (1, 2, 4), "Pallbearer: الحضور 1 / المؤكَّدون 2 / المطلوب 4"),
    ],
)
def test_each_count_of_a_turnout_line_has_its_own_agreeing_word(lang, counts, expected):
    tr = i18n.Translator(lang)
    assert words.turnout_line(tr, "Pallbearer", *counts) == expected


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "it", "pt", "ar", "el", "pl", "uk", "tr"])
def test_a_turnout_line_holds_its_three_numbers_and_no_placeholder_for_any_count(lang):
    tr = i18n.Translator(lang)
    for came in (0, 1, 2, 3, 5, 11, 21, 22, 100, 101):
        line = words.turnout_line(tr, "R", came, 1000 + came, 2000 + came)
        total = words.turnout_total(tr, came, 2000 + came)
        assert "{" not in line + total, (lang, came, line, total)
        for number in (came, 1000 + came, 2000 + came):
            assert tr.number(number) in line, (lang, came, line)
        assert tr.number(came) in total and tr.number(2000 + came) in total


def test_the_italian_debrief_pdf_counts_one_person_present(tmp_path):
    from app.exports.debrief import render_pdf
    from app.exports.debrief.data import Turnout
    from tests.app.test_debrief import a_debrief, text_of

    doc = a_debrief("it", START, country="IT", turnout=[Turnout("Portatori", 1, 1, 1)])
    text = " ".join(text_of(render_pdf(doc, printed=START)).split())
    assert "Portatori: 1 presente / 1 confermato / 1 necessario" in text
    assert "In totale: 1 presente su 1 necessario" in text
    assert "presenti" not in text


def test_the_readiness_list_counts_one_person_assigned_in_french(demo_store, demo_id):
    from app.domain import models as m
    from tests.app.test_readiness import lines

    i18n.set_ui_language("fr")
    with demo_store.session() as session:
        action = session.get(m.Action, demo_id)
        role = next(r for r in action.roles if r.key == "pallbearer")
        theirs = [a for a in action.assignments if a.role_id == role.id]
        for extra in theirs[1:]:
            session.delete(extra)
        name, needed = role.name, role.needed
    assert needed > 1
    found = lines(demo_store, demo_id, kinds=("role-short",))
    assert found == [f"role-short: {name} — 1 affecté·e sur {needed}"]


def test_a_big_role_short_of_people_reads_its_numbers_grouped(demo_store, demo_id):
    """A march needing 1,500 people: the count is written as the reader writes numbers."""
    from app.domain import models as m
    from tests.app.test_readiness import lines

    with demo_store.session() as session:
        role = next(r for r in session.get(m.Action, demo_id).roles if r.key == "pallbearer")
        role.needed = 1500
    i18n.set_ui_language("en")
    assert lines(demo_store, demo_id, kinds=("role-short",)) == [
        "role-short: Pallbearer — 4 of 1,500 assigned"
    ]
    i18n.set_ui_language("de")
    assert lines(demo_store, demo_id, kinds=("role-short",)) == [
        "role-short: Pallbearer — 4 von 1.500 zugewiesen"
    ]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("fr", "— accessoire nécessaire à 10:20 («\u00a0Wreath laid on the coffin\u00a0»), que"),
        ("de", "— Requisite für 10:20 („Wreath laid on the coffin“), die niemand trägt"),
        ("es", "— material necesario a las 10:20 («Wreath laid on the coffin»), que nadie lleva"),
        ("it", "— oggetto che serve alle 10:20 («Wreath laid on the coffin»), che nessuno porta"),
        ("pt", "— objeto necessário às 10:20 (“Wreath laid on the coffin”), que ninguém carrega"),
    ],
)
def test_a_prop_nobody_carries_reads_right_whatever_its_gender(demo_store, demo_id, lang, expected):
    """ "Couronne … est nécessaire … et personne ne le porte" took the prop's name as the noun of
    the sentence, so a feminine prop (une couronne, una corona) read wrong; the word for "prop"
    carries the agreement now."""
    from tests.app.test_readiness import lines

    i18n.set_ui_language(lang)
    found = lines(demo_store, demo_id, kinds=("prop-uncarried",))
    assert len(found) == 1 and expected in found[0], found
