"""Media contacts: the action's list, CSV import with per-row errors, the sent log, privacy."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError

CSV = (
    "Outlet;Name;E-mail;Phone;Language;Beat\n"
    "Radio Libre;C. Voix;c.voix@example.fr;+33 1 11 11 11 11;fr;société\n"
    ";Nobody;nobody@example.fr;;;\n"
    "Tech Daily;T. Writer;not-an-address;;english;tech\n"
    "Example Wire;A. Reporter;desk@example.net;;en;civil liberties\n"
    "Radio Libre;C. Voix;c.voix@example.fr;;fr;\n"
)


def test_demo_media_list(demo_store, demo_id):
    from app.services.media import media_list, recipients

    with demo_store.read() as session:
        rows = media_list(session, demo_id)
        assert [(c.outlet, c.email) for c in rows] == [
            ("Example Wire", "desk@example.net"),
            ("Le Quotidien d'exemple", "redaction@example.com"),
        ]
        assert [c.email for c in recipients(session, demo_id, language="fr")] == [
            "redaction@example.com"
        ]
        assert len(recipients(session, demo_id)) == 2


def test_preview_reports_every_bad_row_and_writes_nothing(demo_store):
    from app.services.media import list_contacts, preview_csv

    with demo_store.read() as session:
        before = len(list_contacts(session))
        pv = preview_csv(session, CSV.encode("utf-8-sig"))
        assert [str(e) for e in pv.errors()] == [
            "row 3, outlet: is required",
            "row 4, email: 'not-an-address' is not an e-mail address",
            "row 4, language: 'english' is not a language code",
            "row 6, email: the same contact as row 2",
        ]
        assert [r.line for r in pv.good] == [2, 5]
        assert pv.good[1].existing_id is not None  # Example Wire is in the demo already
        assert len(list_contacts(session)) == before


def test_import_adds_good_rows_to_the_list(demo_store, demo_id):
    from app.services.media import import_csv, media_list, undo_import

    with demo_store.session() as session:
        pv, result = import_csv(session, demo_id, CSV.encode())
    assert (len(result.created), len(result.reused), result.skipped) == (1, 1, 3)
    assert result.listed == result.created  # Example Wire was on the list already
    with demo_store.read() as session:
        outlets = [c.outlet for c in media_list(session, demo_id)]
    assert outlets == ["Example Wire", "Le Quotidien d'exemple", "Radio Libre"]
    with demo_store.session() as session:
        undo_import(session, demo_id, result)
    with demo_store.read() as session:
        assert "Radio Libre" not in [c.outlet for c in media_list(session, demo_id)]


def test_header_problems_refuse_the_whole_file(demo_store):
    from app.services.media import preview_csv

    with demo_store.read() as session:
        pv = preview_csv(session, "name,email,fax\nA,a@example.org,1\n")
    assert pv.good == []
    messages = [str(e) for e in pv.errors()]
    assert "row 1, fax: unknown column; expected outlet, name, email, phone, language, beat" in (
        messages
    )
    assert "row 1, outlet: the outlet column is missing" in messages


def test_not_utf8_is_refused(demo_store):
    from app.services.media import preview_csv

    with pytest.raises(DomainError) as err, demo_store.read() as session:
        preview_csv(session, "outlet\nLe Café\n".encode("latin-1"))
    assert err.value.field == "file" and "UTF-8" in str(err.value)


def test_list_add_remove_and_create(demo_store, demo_id):
    from app.services.media import add_to_list, create_contact, list_ids, remove_from_list

    with demo_store.session() as session:
        cid = create_contact(session, outlet="Gazette", email="g@example.org", action_id=demo_id)
        assert cid in list_ids(session, demo_id)
        assert add_to_list(session, demo_id, [cid]) == []
        assert remove_from_list(session, demo_id, [cid]) == [cid]
        assert cid not in list_ids(session, demo_id)
    with pytest.raises(DomainError) as err, demo_store.session() as session:
        create_contact(session, outlet="", email="x")
    assert {p.path for p in err.value.problems} == {"outlet", "email"}


def test_sent_log_and_mark_sent(demo_store, demo_id):
    from app.services import edits
    from app.services.media import delete_sends, mark_sent, media_list, sent_log
    from app.services.press import list_releases

    with demo_store.read() as session:
        en = next(r for r in list_releases(session, demo_id) if r.language == "en")
        ids = [c.id for c in media_list(session, demo_id)]
    with demo_store.session() as session:
        old, sends = mark_sent(session, en.id, ids, note="sent by hand")
    assert old == "draft"
    with demo_store.read() as session:
        log = sent_log(session, en.id)
        assert [(s.outlet, s.note) for s in log] == [
            ("Example Wire", "sent by hand"),
            ("Le Quotidien d'exemple", "sent by hand"),
        ]
        assert edits.get(session, "release", en.id).status == "sent"
    with demo_store.session() as session:
        delete_sends(session, sends)
        edits.update(session, "release", en.id, status=old)
    with demo_store.read() as session:
        assert sent_log(session, en.id) == []


def test_media_contacts_are_personal_data_in_bundles(demo_store, demo_id):
    from app.services.bundle_write import bundle_dict

    with demo_store.read() as session:
        assert "media_contacts" not in bundle_dict(session, demo_id)
        full = bundle_dict(session, demo_id, include_personal_data=True)
    assert {c["email"] for c in full["media_contacts"]} == {
        "desk@example.net",
        "redaction@example.com",
    }
