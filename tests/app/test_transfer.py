"""Moving a whole database between SQLite and PostgreSQL keeps every row and every id."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.models import Base
from app.storage.engine import current_revision, head_revision, make_engine, open_store


def _dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by primary key (what a copy must keep)."""
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*pk))]
    return out


def _add_translation_before_its_source(store) -> None:
    """A release whose source has a higher id: the self-reference must survive the copy."""
    from app.services import edits

    with store.session() as s:
        action_id = s.scalar(select(m.Action.id))
        fr = edits.create(s, "release", action_id=action_id, language="fr", headline="FR")
        de = edits.create(s, "release", action_id=action_id, language="de", headline="DE")
        edits.update(s, "release", fr, translation_of_id=de)


def test_sqlite_to_postgresql_and_back_keeps_every_row_and_id(demo_store, pg_url, tmp_path, cli):
    _add_translation_before_its_source(demo_store)
    before = _dump(demo_store.engine)
    assert sum(len(rows) for rows in before.values()) > 100

    r = cli("--db", demo_store.target, "copy-db", pg_url)
    assert r.code == 0, r.err
    assert "schema revision " + head_revision() in r.out
    assert "@" in r.out and "postgres" in r.out

    server = make_engine(pg_url)
    try:
        assert _dump(server) == before
        assert current_revision(server) == head_revision()
    finally:
        server.dispose()

    back = tmp_path / "back.sqlite3"
    r = cli("--db", pg_url, "copy-db", str(back))
    assert r.code == 0, r.err
    laptop = make_engine(str(back))
    try:
        assert _dump(laptop) == before
        assert current_revision(laptop) == head_revision()
    finally:
        laptop.dispose()


def test_new_rows_on_the_server_get_fresh_ids_after_a_copy(demo_store, pg_url, cli):
    from app.services import edits

    assert cli("--db", demo_store.target, "copy-db", pg_url).code == 0
    with demo_store.read() as s:
        top = s.scalar(select(func.max(m.Cue.id)))
        action_id = s.scalar(select(m.Action.id))
    server = open_store(pg_url)
    try:
        with server.session() as s:
            cue = edits.get(s, "cue", top)
            new_id = edits.create(
                s,
                "cue",
                action_id=action_id,
                starts_at=cue.starts_at,
                minutes=5,
                title="Added on the server",
            )
        assert new_id == top + 1  # the sequence was moved past the copied ids
    finally:
        server.close()


def test_copy_refuses_a_target_that_holds_a_plan(demo_store, tmp_path, cli):
    other = tmp_path / "other.sqlite3"
    assert cli("--db", other, "demo", "--on", "2024-06-08").code == 0
    before = other.read_bytes()

    r = cli("--db", demo_store.target, "copy-db", other)
    assert r.code == 2
    assert "already holds a plan" in r.err and "--replace" in r.err
    assert other.read_bytes() == before

    r = cli("--db", demo_store.target, "copy-db", other, "--replace")
    assert r.code == 0, r.err
    listed = cli("--db", other, "list")
    assert listed.out.splitlines()[0].startswith("funeral-for-privacy\t2024-05-28T09:30+02:00")


def test_copy_refuses_itself_and_foreign_databases(demo_store, tmp_path, cli):
    r = cli("--db", demo_store.target, "copy-db", demo_store.target)
    assert r.code == 2 and "is the database being copied" in r.err

    foreign = tmp_path / "shop.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    r = cli("--db", demo_store.target, "copy-db", foreign, "--replace")
    assert r.code == 2
    assert "holds tables that are not Cortège's (invoices)" in r.err

    r = cli("--db", demo_store.target, "copy-db", tmp_path / "missing" / "x.sqlite3")
    assert r.code == 2 and "does not exist" in r.err


def test_backup_of_a_server_database_is_a_sqlite_file_the_app_opens(any_demo_store, tmp_path, cli):
    from app.services import edits

    with any_demo_store.session() as s:
        prop_id = s.scalar(select(m.Prop.id).order_by(m.Prop.id))
        edits.update(s, "prop", prop_id, cost=Decimal("12.50"))
    out = tmp_path / "backup.sqlite3"

    r = cli("--db", any_demo_store.target, "backup", "-o", out)
    assert r.code == 0, r.err
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not out.with_name(out.name + "-wal").exists()

    listed = cli("--db", out, "list")
    assert listed.code == 0
    assert listed.out.startswith("funeral-for-privacy\t2024-05-28T09:30+02:00\tconfirmed\t")
    copy = open_store(str(out))
    try:
        with copy.read() as s:
            assert edits.get(s, "prop", prop_id).cost == Decimal("12.50")
    finally:
        copy.close()


@pytest.mark.parametrize("replace", [False, True])
def test_copy_to_an_upgraded_but_unused_server_needs_no_replace(demo_store, pg_url, cli, replace):
    assert cli("--db", pg_url, "upgrade").code == 0
    args = ["--replace"] if replace else []
    r = cli("--db", demo_store.target, "copy-db", pg_url, *args)
    assert r.code == 0, r.err
    assert cli("--db", pg_url, "list").out.startswith("funeral-for-privacy\t")


def test_a_sealed_backup_of_a_server_database_leaves_no_plain_copy(pg_url, demo_store, tmp_path):
    from app.storage.backup import backup_sqlite
    from app.storage.transfer import copy_database

    copy_database(demo_store.engine, pg_url)
    store = open_store(pg_url)
    sealed = []
    folder = tmp_path / "backups"
    folder.mkdir()
    try:
        out = backup_sqlite(
            store, folder / "b.cortege", seal=lambda data: sealed.append(data) or b"SEALED"
        )
    finally:
        store.close()
    assert out.read_bytes() == b"SEALED"
    assert sealed[0][:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in folder.iterdir()) == ["b.cortege"]
