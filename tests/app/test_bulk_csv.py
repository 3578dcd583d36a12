"""CSV import of people through the bulk path (issue #17): the same rows land as the one-edit
path writes them, every id points at the right person and role, and nothing is half-written.

Runs on SQLite, and on PostgreSQL when CORTEGE_TEST_POSTGRES_URL is set (``any_store``)."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.errors import DomainError
from app.services import bulk, edits, people_csv

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)
SCRIPTS = ["وقفة", "शांति", "Ειρήνη", "✊🏽🕯️", "Zoë", "Crow"]
COUNTER = itertools.count()
PERSON = ("full_name", "phone", "email", "language", "notes")


def _text(limit: int):
    return st.one_of(
        st.sampled_from(SCRIPTS),
        st.sampled_from(SCRIPTS).map(lambda s: (s * limit)[:limit]),  # at the column's limit
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters='",;'
            ),
            max_size=limit,
        ),
    ).map(str.strip)


PEOPLE = st.lists(
    st.fixed_dictionaries(
        {
            "alias": st.sampled_from(SCRIPTS),
            "full_name": _text(200),
            "phone": st.sampled_from(["", "+33 6 12 34 56 78", "+91 98765 43210"]),
            "email": st.sampled_from(["", "zoe@example.org", "a@b.example"]),
            "language": st.sampled_from(["", "fr", "ar", "hi", "el"]),
            "notes": _text(300),
            "role": st.sampled_from(["", "Walker", "Drummer"]),
            "call_time": st.sampled_from(["", "09:15", "2024-05-28T08:45"]),
        }
    ),
    min_size=1,
    max_size=12,
)


def _action(store) -> tuple[int, dict[str, int]]:
    with store.session() as s:
        aid = edits.create(
            s,
            "action",
            title=f"March {next(COUNTER)}",
            timezone="Europe/Paris",
            starts_at=START,
            ends_at=START + timedelta(hours=3),
            country="",
        )
        roles = {n: edits.create(s, "role", action_id=aid, name=n) for n in ("Walker", "Drummer")}
    return aid, roles


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, ["alias", *PERSON, "role", "call_time"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _unique(people: list[dict]) -> list[dict]:
    """A distinct alias for each row of this example (and of every example before it)."""
    tag = next(COUNTER)
    out = []
    for i, p in enumerate(people):
        suffix = f" {tag}-{i}"
        out.append(dict(p, alias=(p["alias"] * 100)[: 100 - len(suffix)] + suffix))  # at 100
    return out


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=PEOPLE)
@example(people=[dict.fromkeys(("alias", *PERSON, "role", "call_time"), "") | {"alias": "Ω"}])
def test_people_land_as_the_one_edit_path_writes_them_with_the_right_links(any_store, people):
    people = _unique(people)
    for p in people:
        if not p["role"]:
            p["call_time"] = ""  # a call time needs a role (refused row, tested below)
    aid, roles = _action(any_store)
    with any_store.session() as s:
        pre = people_csv.preview(s, aid, _csv(people))
        assert not pre.errors(), pre.errors()
        result = people_csv.import_rows(s, aid, pre.rows)
    assert len(result.participant_ids) == len(people)
    with any_store.read() as s:
        for row, pid, p in zip(pre.rows, result.participant_ids, people, strict=True):
            person = s.get(m.Participant, pid)
            assert person.alias == p["alias"]  # the id is this row's person
            assert person.alias_key == m.alias_key(p["alias"])
            assert {k: getattr(person, k) for k in row.person} == row.person
            assert (person.version, person.consent_photos) == (1, False)
        made = s.scalars(select(m.Assignment).where(m.Assignment.id.in_(result.assignment_ids)))
        got = {(a.participant_id, a.role_id, a.call_time, a.confirmed, a.version) for a in made}
    wanted = {
        (pid, roles[p["role"]], row.call_time, False, 1)
        for row, pid, p in zip(pre.rows, result.participant_ids, people, strict=True)
        if p["role"]
    }
    assert got == wanted
    # The one-edit path (what the import did row by row before) writes the very same rows.
    with any_store.session() as s:
        for i, (row, pid) in enumerate(zip(pre.rows, result.participant_ids, strict=True)):
            twin = edits.create(s, "participant", alias=f"twin {next(COUNTER)}-{i}", **row.person)
            ours, theirs = s.get(m.Participant, pid), s.get(m.Participant, twin)
            columns = [c.key for c in m.Participant.__table__.c if c.key not in ("id", "alias")]
            columns.remove("alias_key")
            assert {c: getattr(ours, c) for c in columns} == {
                c: getattr(theirs, c) for c in columns
            }


def test_a_bad_row_is_named_by_line_and_field_and_written_nowhere(any_store):
    aid, _roles = _action(any_store)
    text = "alias,email,role,call_time\nKite,,Walker,09:00\nشمس,not-mail,Walker,\nΚύκνος,,,09:00\n"
    with any_store.session() as s:
        pre = people_csv.preview(s, aid, text)
    assert [str(e) for e in pre.errors()] == [
        "row 3, email: 'not-mail' is not an e-mail address",
        "row 4, call_time: needs a role",
    ]
    assert [r.alias for r in pre.good] == ["Kite"]


def test_an_alias_taken_since_the_preview_refuses_the_whole_import(any_store):
    aid, _roles = _action(any_store)
    tag = next(COUNTER)
    with any_store.read() as s:
        pre = people_csv.preview(s, aid, f"alias,role\nA{tag},Walker\nशांति {tag},Walker\n")
    with any_store.session() as s:  # a colleague takes the second alias meanwhile
        edits.create(s, "participant", alias=f"शांति {tag}")
    with any_store.read() as s:
        before = s.scalar(select(func.count()).select_from(m.Participant))
    with pytest.raises(DomainError, match=r"row 3\.alias"), any_store.session() as s:
        people_csv.import_rows(s, aid, pre.rows)
    with any_store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Participant)) == before
        assert not s.scalars(select(m.Assignment).where(m.Assignment.action_id == aid)).all()


def test_ids_read_back_by_key_when_the_id_range_cannot_say(any_store, monkeypatch):
    """PostgreSQL always reads ids back by key; SQLite does when its id range check fails."""
    monkeypatch.setattr(bulk, "id_range", lambda *_a: None)
    aid, roles = _action(any_store)
    tag = next(COUNTER)
    aliases = [f"Ειρήνη {tag}", f"✊🏽 {tag}", f"Zoë {tag}"]
    with any_store.session() as s:
        text = "alias,role\n" + "".join(f"{a},Drummer\n" for a in reversed(aliases))
        result = people_csv.import_rows(s, aid, people_csv.preview(s, aid, text).rows)
    with any_store.read() as s:
        assert [s.get(m.Participant, i).alias for i in result.participant_ids] == aliases[::-1]
        links = [s.get(m.Assignment, i) for i in result.assignment_ids]
        assert [a.participant_id for a in links] == list(result.participant_ids)
        assert {a.role_id for a in links} == {roles["Drummer"]}


def test_the_id_range_is_refused_when_ids_are_not_the_next_ones(store):
    with store.session() as s:
        edits.create(s, "participant", alias="First")
        before = bulk.last_id(s, m.Participant)
        assert bulk.id_range(s, m.Participant, before, 0) == []
        assert bulk.id_range(s, m.Participant, before - 1, 0) is None  # a row above `before`
        bulk.insert_participants(s, [{"alias": "Second"}, {"alias": "Third"}])
        assert bulk.id_range(s, m.Participant, before, 2) == [before + 1, before + 2]
