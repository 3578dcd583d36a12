"""CSV import of participants: preview with per-row errors; only good rows are written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.errors import DomainError
from app.services import people_csv, views

GOOD_AND_BAD = (
    "\ufeffalias;full_name;email;language;role;call_time\n"
    "Gull;Anna Berg;gull@example.org;sv;Mourner;09:20\n"
    "Tern;;not-an-email;fr;Mourner;09:20\n"
    ";No Alias;;;;\n"
    "Puffin;;;;Juggler;\n"
    "Crow;;;;Mourner;25:00\n"
    "Crow;;;;Steward;09:00\n"
)


def test_preview_names_row_and_field_of_each_error(demo_store, demo_id):
    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, GOOD_AND_BAD.encode("utf-8"))
    errors = [str(e) for e in pre.errors()]
    assert "row 3, email: 'not-an-email' is not an e-mail address" in errors
    assert "row 4, alias: is required" in errors
    assert any(e.startswith("row 5, role: no role named 'Juggler'") for e in errors)
    assert "row 6, call_time: '25:00' is not a time of day" in errors
    assert [r.alias for r in pre.good] == ["Gull", "Crow"]
    gull = pre.good[0]
    assert gull.person == {"full_name": "Anna Berg", "email": "gull@example.org", "language": "sv"}
    assert gull.call_time.astimezone(UTC) == datetime(2024, 5, 28, 7, 20, tzinfo=UTC)
    assert pre.good[1].existing_id is not None  # Crow is already in the directory


def test_import_writes_only_good_rows_and_undo_removes_them(demo_store, demo_id):
    with demo_store.session() as s:
        pre = people_csv.preview(s, demo_id, GOOD_AND_BAD)
        result = people_csv.import_rows(s, demo_id, pre.rows)
    assert result.skipped == 4 and len(result.participant_ids) == 1
    assert len(result.assignment_ids) == 2
    with demo_store.read() as s:
        people = {r.alias: r for r in views.assignment_rows(s, demo_id)}
        aliases = {r.alias for r in views.directory_rows(s)}
        assert [r.role_name for r in views.assignment_rows(s, demo_id) if r.alias == "Crow"] == [
            "Pallbearer",
            "Steward",
        ]
    assert people["Gull"].role_name == "Mourner"
    assert "Tern" not in aliases and "Puffin" not in aliases
    with demo_store.session() as s:
        people_csv.undo_import(s, result)
    with demo_store.read() as s:
        assert "Gull" not in {r.alias for r in views.directory_rows(s)}
        assert len(views.assignment_rows(s, demo_id)) == 15


def test_comma_delimiter_quoted_cells_and_header_aliases(demo_store, demo_id):
    text = 'Alias,Name,E-mail,Role\n"Pelican, the tall",P. Eli,p@example.org,steward\n'
    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, text.encode("utf-8-sig"))
    assert pre.errors() == []
    row = pre.good[0]
    assert row.alias == "Pelican, the tall" and row.person["full_name"] == "P. Eli"
    assert row.role_name == "Steward"


def test_missing_alias_column_and_unknown_columns_refuse_the_file(demo_store, demo_id):
    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, "nickname;shoe_size\nA;42\n")
    assert pre.good == []
    messages = [str(e) for e in pre.problems]
    assert "row 1, alias: the alias column is missing" in messages
    assert any(m.startswith("row 1, nickname: unknown column") for m in messages)


def test_duplicate_rows_in_the_file_and_non_utf8_are_refused(demo_store, demo_id):
    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, "alias\nGull\ngull \n")
        assert [str(e) for e in pre.errors()] == ["row 3, alias: repeats row 2"]
        with pytest.raises(DomainError, match="not UTF-8"):
            people_csv.preview(s, demo_id, "alias\nGöran\n".encode("latin-1"))


def test_nonexistent_and_ambiguous_call_times_are_row_errors(demo_store, demo_id):
    text = "alias,role,call_time\nA1,Steward,2024-03-31T02:30\nA2,Steward,2024-10-27T02:30\n"
    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, text)
    errors = [str(e) for e in pre.errors()]
    assert errors[0] == "row 2, call_time: 2024-03-31T02:30 does not exist in Europe/Paris"
    assert errors[1].startswith("row 3, call_time: 2024-10-27T02:30 occurs twice")


def test_a_column_written_twice_refuses_the_file(demo_store, demo_id):
    """ "alias,alias" kept the second column and lost the first without a word."""
    from app.services.media import preview_csv

    with demo_store.read() as s:
        pre = people_csv.preview(s, demo_id, "alias;alias;role\nPelican;Heron;steward\n")
        pv = preview_csv(s, "outlet,outlet,name\nA,B,C\n")
    assert pre.good == [] and "row 1, alias: this column appears twice" in map(str, pre.problems)
    assert pv.good == [] and "row 1, outlet: this column appears twice" in map(str, pv.errors())
