"""Bundles (BUNDLE.md): the round trip, privacy by default, and every bad input refused."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from app.domain.errors import DomainError
from app.services.bundle_read import import_bundle
from app.services.bundle_write import bundle_dict
from app.services.demo import demo_bundle

DEMO = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))


def minimal(**action) -> dict:
    base = {
        "title": "Vigil",
        "timezone": "Europe/Paris",
        "starts_at": "2024-10-26T20:00",
        "ends_at": "2024-10-26T21:00",
    }
    base.update(action)
    return {"format": "cortege.bundle", "version": 1, "action": base}


def problems_of(store, data) -> list[str]:
    with pytest.raises(DomainError) as info, store.session() as session:
        import_bundle(session, data)
    return [str(p) for p in info.value.problems]


def nothing_written(store) -> bool:
    from app.services.actions import list_actions

    with store.read() as session:
        return list_actions(session) == []


# --- the round trip -------------------------------------------------------------------------


def test_export_import_export_gives_the_same_plan(store, tmp_path):
    from app.storage.engine import open_store

    with store.session() as session:
        first_id = import_bundle(session, copy.deepcopy(DEMO)).action_id
    with store.read() as session:
        first = bundle_dict(session, first_id, include_personal_data=True)
    other = open_store(str(tmp_path / "other.sqlite3"))
    try:
        with other.session() as session:
            second_id = import_bundle(session, json.dumps(first)).action_id
        with other.read() as session:
            second = bundle_dict(session, second_id, include_personal_data=True)
    finally:
        other.close()
    assert second == first
    assert first["action"]["starts_at"] == "2024-05-28T09:30+02:00"
    assert [c["title"] for c in first["schedule"]][:2] == [
        "Mourners gather in black",
        "Police liaison on duty",
    ]


def test_default_export_leaves_personal_data_out(demo_store, demo_id):
    with demo_store.read() as session:
        data = bundle_dict(session, demo_id)
    text = json.dumps(data, ensure_ascii=False)
    for secret in ("Camille Martin", "crow@example.org", "+33 6 00 00 10 00", "R. Journaliste"):
        assert secret not in text
    crow = next(p for p in data["participants"] if p["alias"] == "Crow")
    assert crow == {
        "key": crow["key"],
        "alias": "Crow",
        "language": "fr",
        "consent": {"photos": True},
    }
    assert "media_contacts" not in data
    # Key contacts are not participants: the legal hotline stays.
    assert {"label": "Legal support", "phone": "+33 1 40 00 00 00", "email": ""} in (
        data["action"]["contacts"]
    )


def test_export_with_personal_data_includes_it(demo_store, demo_id):
    with demo_store.read() as session:
        data = bundle_dict(session, demo_id, include_personal_data=True)
    crow = next(p for p in data["participants"] if p["alias"] == "Crow")
    assert crow["full_name"] == "Camille Martin"
    assert crow["consent"]["scope"] == "contact for this action"
    assert [m["outlet"] for m in data["media_contacts"]] == [
        "Le Quotidien d'exemple",
        "Example Wire",
    ]


def test_bundle_without_personal_data_imports_back(demo_store, demo_id, tmp_path):
    from app.storage.engine import open_store

    with demo_store.read() as session:
        data = bundle_dict(session, demo_id)
    other = open_store(str(tmp_path / "o.sqlite3"))
    try:
        with other.session() as session:
            result = import_bundle(session, data)
        assert result.slug == "funeral-for-privacy"
    finally:
        other.close()


# --- slugs and aliases ------------------------------------------------------------------------


def test_slug_is_made_from_the_title_and_numbered_on_a_clash(store):
    with store.session() as session:
        a = import_bundle(session, minimal(title="Vigil for Élodie & the right to privacy!"))
        b = import_bundle(session, minimal(title="Vigil for Élodie & the right to privacy!"))
        c = import_bundle(session, minimal(title="¡¿…?!"))
    assert a.slug == "vigil-for-elodie-the-right-to-privacy"
    assert b.slug == "vigil-for-elodie-the-right-to-privacy-2"
    assert c.slug == "action"
    assert "is taken" in b.notes[0]


def test_an_invalid_slug_in_the_file_is_an_error(store):
    assert problems_of(store, minimal(slug="Funeral For Privacy")) == [
        "action.slug: 'Funeral For Privacy' is not a slug (a-z, 0-9 and -, at most 64)"
    ]
    assert nothing_written(store)


def test_an_existing_alias_is_that_person_and_the_stored_details_win(store):
    first = minimal()
    first["participants"] = [{"key": "a", "alias": "Crow", "full_name": "Camille Martin"}]
    second = minimal(title="Second")
    second["participants"] = [{"key": "x", "alias": "  crow ", "full_name": "Somebody Else"}]
    second["roles"] = [{"key": "r", "name": "Mourner"}]
    second["assignments"] = [{"participant": "x", "role": "r"}]
    with store.session() as session:
        import_bundle(session, first)
        result = import_bundle(session, second)
    assert any("'crow'" in n and "stored details are kept" in n for n in result.notes)
    from sqlalchemy import select

    from app.domain.models import Participant

    with store.read() as session:
        people = [(p.alias, p.full_name) for p in session.scalars(select(Participant))]
    assert people == [("Crow", "Camille Martin")]


# --- bad input: each named, nothing written ---------------------------------------------------


def test_malformed_json(store):
    assert problems_of(store, '{"format": "cortege.bundle", ') == [
        "not valid JSON: line 1, column 30: Expecting property name enclosed in double quotes"
    ]


def test_a_bundle_that_is_not_an_object(store):
    assert problems_of(store, "[1, 2, 3]") == ["a bundle must be a JSON object"]


def test_wrong_format_marker(store):
    assert problems_of(store, {"format": "other", "version": 1}) == [
        "format: not a Cortège bundle (format must be 'cortege.bundle')"
    ]


def test_a_newer_version_names_both_versions(store):
    data = minimal()
    data["version"] = 2
    assert problems_of(store, data) == [
        "version: this bundle is version 2; this Cortège reads version 1: update Cortège"
    ]


def test_unknown_time_zone(store):
    assert problems_of(store, minimal(timezone="Europe/Pariss")) == [
        "action.timezone: unknown time zone 'Europe/Pariss'"
    ]


def test_end_before_start(store):
    assert problems_of(store, minimal(ends_at="2024-10-26T19:00")) == [
        "action.ends_at: ends before the action starts"
    ]


def test_missing_required_fields_are_all_reported(store):
    data = {
        "format": "cortege.bundle",
        "version": 1,
        "action": {"timezone": "Europe/Paris", "starts_at": "2024-10-26T20:00"},
        "roles": [{"key": "r"}],
        "schedule": [{"key": "s", "title": "x"}],
    }
    assert problems_of(store, data) == [
        "action.title: is required",
        "action.ends_at: is required",
        "roles[0].name: is required",
        "schedule[0].starts_at: is required",
        "schedule[0].minutes: is required",
    ]
    assert nothing_written(store)


def test_unknown_enumeration_value(store):
    data = minimal(status="postponed")
    data["props"] = [{"key": "w", "name": "Wreath", "status": "lost"}]
    assert problems_of(store, data) == [
        "action.status: 'postponed' is not one of idea, planned, confirmed, done, cancelled",
        "props[0].status: 'lost' is not one of needed, sourced, ready, returned",
    ]


def test_duplicate_keys(store):
    data = minimal()
    data["roles"] = [{"key": "r", "name": "A"}, {"key": "r", "name": "B"}]
    assert problems_of(store, data) == ["roles[1].key: duplicate key 'r'"]


def test_reference_to_a_key_that_does_not_exist(store):
    data = minimal()
    data["schedule"] = [
        {
            "key": "s",
            "starts_at": "2024-10-26T20:00",
            "minutes": 5,
            "title": "Candles",
            "roles": ["ghost"],
            "props": ["candles"],
        }
    ]
    data["tasks"] = [{"title": "Buy candles", "assignee": "nobody"}]
    assert problems_of(store, data) == [
        "schedule[0].roles[0]: no such key 'ghost'",
        "schedule[0].props[0]: no such key 'candles'",
        "tasks[0].assignee: no such key 'nobody'",
    ]


def test_two_participants_with_one_alias(store):
    data = minimal()
    data["participants"] = [{"key": "a", "alias": "Crow"}, {"key": "b", "alias": "CROW "}]
    assert problems_of(store, data) == [
        "participants[1].alias: 'CROW' is also the alias of participants[0]"
    ]


def test_a_local_time_that_does_not_exist(store):
    data = minimal(starts_at="2024-03-31T01:00", ends_at="2024-03-31T04:00")
    data["schedule"] = [
        {"key": "s", "starts_at": "2024-03-31T02:30", "minutes": 10, "title": "Candles"}
    ]
    assert problems_of(store, data) == [
        "schedule[0].starts_at: 2024-03-31T02:30 does not exist in Europe/Paris"
    ]


def test_an_ambiguous_local_time_needs_an_offset(store):
    data = minimal(starts_at="2024-10-27T01:00", ends_at="2024-10-27T04:00")
    data["schedule"] = [
        {"key": "a", "starts_at": "2024-10-27T02:15", "minutes": 10, "title": "Ambiguous"},
        {"key": "b", "starts_at": "2024-10-27T02:15+01:00", "minutes": 10, "title": "Second"},
        {"key": "c", "starts_at": "2024-10-27T02:15+05:00", "minutes": 10, "title": "Wrong"},
    ]
    assert problems_of(store, data) == [
        "schedule[0].starts_at: 2024-10-27T02:15 occurs twice in Europe/Paris: give an offset",
        "schedule[2].starts_at: 2024-10-27T02:15+05:00 has an offset that does not agree "
        "with Europe/Paris",
    ]


def test_the_second_occurrence_with_its_offset_is_kept(store):
    data = minimal(starts_at="2024-10-27T01:00", ends_at="2024-10-27T04:00")
    data["schedule"] = [
        {
            "key": "b",
            "starts_at": "2024-10-27T02:15+01:00",
            "minutes": 10,
            "title": "After the clocks go back",
        }
    ]
    with store.session() as session:
        aid = import_bundle(session, data).action_id
    with store.read() as session:
        out = bundle_dict(session, aid)
    assert out["schedule"][0]["starts_at"] == "2024-10-27T02:15+01:00"


def test_unknown_language_code(store):
    data = minimal(languages=["fr", "xx-Klingon"])
    data["participants"] = [{"key": "a", "alias": "Crow", "language": "zz"}]
    assert problems_of(store, data) == [
        "action.languages[1]: 'xx-Klingon' is not a language code",
        "participants[0].language: 'zz' is not a language code",
    ]


def test_negative_minutes_and_quantities(store):
    data = minimal()
    data["props"] = [{"key": "p", "name": "Candles", "quantity": -3}]
    data["schedule"] = [
        {"key": "s", "starts_at": "2024-10-26T20:00", "minutes": -10, "title": "Candles"}
    ]
    data["roles"] = [{"key": "r", "name": "Mourner", "needed": -1}]
    assert problems_of(store, data) == [
        "roles[0].needed: must not be negative",
        "props[0].quantity: must not be negative",
        "schedule[0].minutes: must be at least 1",
    ]


def test_unknown_fields_are_errors(store):
    data = minimal(titel="typo")
    data["extra"] = 1
    data["roles"] = [{"key": "r", "name": "A", "neded": 3}]
    assert problems_of(store, data) == [
        "extra: unknown field",
        "action.titel: unknown field",
        "roles[0].neded: unknown field",
    ]


def test_every_problem_is_reported_at_once_and_nothing_is_written(store):
    data = copy.deepcopy(DEMO)
    data["schedule"][3]["starts_at"] = "2024-05-28T25:00"
    data["props"][0]["quantity"] = -1
    data["participants"][1]["email"] = "not-an-address"
    problems = problems_of(store, data)
    assert problems == [
        "participants[1].email: 'not-an-address' is not an e-mail address",
        "props[0].quantity: must not be negative",
        "schedule[3].starts_at: '2024-05-28T25:00' is not a valid date and time",
    ]
    assert nothing_written(store)


def test_a_bundle_is_held_to_the_limits_the_window_saves_with(store):
    """A bundle held 5,001 characters of safety notes (the window keeps 5,000, so the value
    could not be saved back) and titles, aliases and role names with line breaks, which broke
    ``list``'s one line per action and the one-line cells of every sheet."""
    data = minimal(title="Vigil\nfor privacy", safety_notes="x" * 5001)
    data["action"]["location"] = {"name": "Gate", "address": "1 rue du Repos\n75020 Paris"}
    data["roles"] = [{"key": "r", "name": "Mour\nner", "instructions": "Walk.\nSlowly."}]
    data["participants"] = [{"key": "a", "alias": "Crow\r\nRaven", "notes": "y" * 5001}]
    data["schedule"] = [
        {"key": "s", "starts_at": "2024-10-26T20:00", "minutes": 5, "title": "Go\u2028now"}
    ]
    assert problems_of(store, data) == [
        "action.title: must be on one line (no line breaks)",
        "action.safety_notes: is longer than 5000 characters",
        "roles[0].name: must be on one line (no line breaks)",
        "participants[0].alias: must be on one line (no line breaks)",
        "participants[0].notes: is longer than 5000 characters",
        "schedule[0].title: must be on one line (no line breaks)",
    ]
    assert nothing_written(store)


def test_a_direction_override_in_a_name_is_refused(store):
    """U+202E in an alias printed "Crow" as "worC" on every sheet: another name, unseen."""
    data = minimal(title="Vigil \u202bfor\u202c privacy")
    data["participants"] = [{"key": "a", "alias": "\u202eworC"}]
    assert problems_of(store, data) == [
        "action.title: contains an invisible character (U+202B) that turns the text around it",
        "participants[0].alias: contains an invisible character (U+202E) that turns the text "
        "around it",
    ]
    assert nothing_written(store)


def test_a_name_written_twice_in_one_object_is_refused(store):
    """JSON readers keep the last of two equal names, or the first: the file is ambiguous."""
    from app.services.bundle_json import parse_json

    text = '{"format": "cortege.bundle", "version": 1, "action": {"title": "A"}, "action": {}}'
    with pytest.raises(DomainError, match="'action' is written twice in one object"):
        parse_json(text)


@pytest.mark.parametrize("code", ["ZZ", "EU", "UN", "XA"])
def test_a_region_that_is_no_country_is_refused(store, code):
    """CLDR lists "Unknown Region" (ZZ), the European Union, the United Nations and pseudo-
    locales among its territories: an action took place in "ZZ", with no paper size, language or
    declaration rule of its own."""
    data = minimal()
    data["action"]["country"] = code
    assert problems_of(store, data) == [f"action.country: {code!r} is not an ISO 3166 country code"]
    assert nothing_written(store)
