"""A count goes through ngettext: what a reader sees for 1, 2, 5, 22… of something is the right
form of the noun in every language, in documents (the reader's language) and in the window.

English has two forms ("About 1 participant", "About 5 participants"); Polish and Ukrainian
three, with the genitive after "około"/"близько"; Arabic six (zero, one, two, 3–10, 11–99,
100 and more)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app import i18n
from app.i18n_tools import catalogue_languages
from tests.app.test_readiness import lines, plain_action

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)


def _action(needed: int):
    """The least of a plan the advisory reads: one role needing ``needed`` people."""
    return SimpleNamespace(
        releases=[],
        timezone="Europe/Paris",
        starts_at=START,
        ends_at=datetime(2024, 5, 28, 9, 30, tzinfo=UTC),
        languages=["en"],
        title="Vigil",
        message="",
        description="",
        country="FR",
        location_name="Place de la République",
        address="",
        meeting_point="",
        route=[],
        roles=[SimpleNamespace(needed=needed)],
        assignments=[],
        cues=[],
    )


def who(lang: str, n: int) -> str:
    """The advisory's WHO section, as written from a plan needing ``n`` people."""
    from app.exports.press.advisory import plan_sections

    return plan_sections(_action(n), lang)[1]["who"]


# --- documents: the media advisory -----------------------------------------------------------


@pytest.mark.parametrize(
    "lang, n, expected",
    [
        ("en", 1, "About 1 participant"),
        ("en", 5, "About 5 participants"),
        ("fr", 1, "Environ 1 participant"),
        ("fr", 15, "Environ 15 participants"),
        ("de", 1, "Etwa 1 teilnehmende Person"),
        ("de", 5, "Etwa 5 Teilnehmende"),
        ("pl", 1, "Około 1 uczestnika"),
        ("pl", 2, "Około 2 uczestników"),
        ("pl", 5, "Około 5 uczestników"),
        ("pl", 22, "Około 22 uczestników"),
        ("uk", 1, "Близько 1 учасника"),
        ("uk", 2, "Близько 2 учасників"),
        ("uk", 5, "Близько 5 учасників"),
        ("uk", 21, "Близько 21 учасника"),
        ("uk", 22, "Близько 22 учасників"),
        ("ar", 1, "مشارك واحد تقريبًا"),
        ("ar", 2, "مشاركان تقريبًا"),
        ("ar", 5, "5 مشاركين تقريبًا"),
        ("ar", 22, "22 مشاركًا تقريبًا"),
        ("ar", 100, "100 مشارك تقريبًا"),
        ("it", 1, "Circa 1 partecipante"),
        ("pt", 1, "Cerca de 1 participante"),
        ("es", 1, "Alrededor de 1 persona"),
        ("es", 5, "Unas 5 personas"),
    ],
)
def test_the_advisory_counts_its_participants_in_the_readers_language(lang, n, expected):
    assert who(lang, n) == expected


@given(
    n=st.integers(min_value=0, max_value=200), lang=st.sampled_from(["en", *catalogue_languages()])
)
@example(n=1, lang="en")
@example(n=0, lang="en")
def test_every_headcount_reads_whole_in_every_language(n, lang):
    """The line holds its number (Arabic writes 1 and 2 as words), never a bare {field}, and the
    English one is singular exactly when n == 1."""
    from app.exports.press.advisory import participants

    line = participants(lang, n)
    assert "{" not in line and "}" not in line and line.strip() == line and line
    if not (lang == "ar" and n in (1, 2)):
        assert str(n) in line
    if lang == "en":
        assert line == ("About 1 participant" if n == 1 else f"About {n} participants")


def test_a_late_declaration_counts_one_clear_day(store):
    """Tuesday 28 May: received on Sunday 26th leaves one clear day (Monday)."""
    from app.services import edits

    aid = plain_action(store, country="FR")
    with store.session() as s:
        day = date(2024, 5, 26)
        edits.update(s, "action", aid, decl_sent_on=day, decl_received_on=day)
    [line] = lines(store, aid, kinds=("declaration-late",))
    assert "only 1 clear day before;" in line


def test_the_french_declaration_letter_says_one_person(demo_store, demo_id, monkeypatch):
    from app.exports import declaration
    from tests.app.test_declaration_letter import _letter, _pages

    monkeypatch.setattr(declaration, "expected_headcount", lambda action: 1)
    text = " ".join(_pages(_letter(demo_store, demo_id)[0]))
    assert "Nombre de participants attendu environ 1 personne " in text


# --- the window and the command line ---------------------------------------------------------


def _row(cue_id: int, minutes: int = 15):
    from app.services.views import ScheduleRow

    return ScheduleRow(
        id=cue_id,
        starts_at=START,
        minutes=minutes,
        title=f"Cue {cue_id}",
        place="",
        instructions="",
        chained=False,
        role_ids=(1,),
        role_names=("Steward",),
        participant_ids=(),
        aliases=(),
        prop_ids=(),
        prop_names=(),
    )


def test_the_timeline_tells_a_screen_reader_one_cue_in_one_lane(qtbot):
    from zoneinfo import ZoneInfo

    from app.services.views import Choice
    from ui.tabs.timeline import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.set_rows([_row(1)], [Choice(1, "Steward")], ZoneInfo("Europe/Paris"))
    spoken = view.accessibleDescription().replace("\u202f", " ")
    assert spoken == "1 cue in 1 lane from 9:30 AM to 9:45 AM"
    view.set_rows([_row(1), _row(2, 30)], [Choice(1, "Steward")], ZoneInfo("Europe/Paris"))
    assert view.accessibleDescription().replace("\u202f", " ") == (
        "2 cues in 1 lane from 9:30 AM to 10:00 AM"
    )
    i18n.set_ui_language("ar")
    view.retranslate()
    assert view.accessibleDescription().startswith("فقرتان في مسار واحد")


def test_a_field_longer_than_one_character():
    from app.services.fields import Field, check_value

    assert check_value(Field("text", max_len=1), "ab") == (None, "is longer than 1 character")
    assert check_value(Field("text", max_len=5), "abcdef") == (None, "is longer than 5 characters")


def test_a_number_with_more_than_one_decimal():
    from app.numbers import NumberInputError, parse_number

    with pytest.raises(NumberInputError) as one:
        parse_number("1.55", locale="en", decimals=1)
    assert str(one.value) == "has more than 1 decimal"
    with pytest.raises(NumberInputError) as two:
        parse_number("1.555", locale="en", decimals=2)
    assert str(two.value) == "has more than 2 decimals: “1.555” — did you mean 1555.00?"


def test_limits_in_minutes_seconds_and_characters_in_the_singular(monkeypatch):
    from app.domain import passphrase
    from app.domain.errors import DomainError
    from app.services import cue_shift
    from app.storage import constants, diagnose

    monkeypatch.setattr(passphrase, "MIN_PASSPHRASE_LENGTH", 1)
    assert passphrase.passphrase_problem("") == "The passphrase must have at least 1 character."
    monkeypatch.setattr(cue_shift, "MAX_SHIFT", 1)
    with pytest.raises(DomainError, match=": shift by at most 1 minute either way$"):
        cue_shift._check_minutes(2)
    monkeypatch.setattr(constants, "BUSY_TIMEOUT_MS", 1000)
    busy = str(diagnose.busy("plan.sqlite3", who=["a", "b", "c", "d"]))
    assert busy.startswith("plan.sqlite3 is busy: a, b, c and 1 more kept it locked for more ")
    assert "for more than 1 second. Nothing" in busy


def test_arabic_counts_103_characters_of_a_headline():
    from app.services.press import draft_warnings
    from tests.app.test_press_service import _ctx

    i18n.set_ui_language("ar")
    [warning] = draft_warnings(_ctx(), headline="x" * 103)
    assert warning.message.startswith("103 محارف: ")


# --- reports of what was done ----------------------------------------------------------------


def test_arabic_counts_two_heads(monkeypatch):
    from app.domain.errors import StoreError
    from app.storage import revisions

    i18n.set_ui_language("ar")
    monkeypatch.setattr(revisions, "_revision_graph", lambda: {"a": None, "b": None})
    with pytest.raises(StoreError, match="^لمراجعات المخطط رأسان$"):
        revisions.head_revision()


def test_a_copy_of_one_row(cli, demo_db, tmp_path, monkeypatch):
    from app.storage import transfer

    report = SimpleNamespace(total=1, revision="0042")
    monkeypatch.setattr(transfer, "copy_database", lambda engine, target, replace: report)
    r = cli("--db", demo_db, "copy-db", tmp_path / "copy.sqlite3")
    assert r.code == 0, r.err
    assert r.out.startswith("copied 1 row of "), r.out


def test_the_purge_report_in_french_counts_participants_and_contacts(cli, demo_db):
    i18n.set_ui_language("fr")
    r = cli("--db", demo_db, "purge", "funeral-for-privacy", "--yes")
    assert r.code == 0, r.err
    assert (
        "données purgées\u00a0: 15 participant·es et 0 contact presse\u00a0; les sauvegardes "
        "faites avant les contiennent toujours"
    ) in r.err


def test_a_catalogue_holding_one_translation_is_not_replaced(tmp_path):
    from app.domain.errors import DomainError
    from app.i18n_tools import init_language

    po = tmp_path / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Call time"\nmsgstr "Heure"\n', encoding="utf-8")
    with pytest.raises(DomainError, match="already holds 1 translation: run"):
        init_language("fr", root=tmp_path)
