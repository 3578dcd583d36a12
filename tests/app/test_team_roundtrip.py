"""The foundation works the same on a team server: bundles, list, check, demo, upgrade, roles."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from app.services import edits


def _normalised(path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["action"]["slug"] = "<slug>"
    return data


def test_bundle_round_trip_is_identical(any_store, demo_db, tmp_path, cli):
    db = any_store.target
    seed = tmp_path / "seed.json"
    assert cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", seed).code == 0

    first = cli("--db", db, "import", seed)
    assert first.code == 0, first.err
    assert first.out.strip() == "funeral-for-privacy"
    one = tmp_path / "one.json"
    assert cli("--db", db, "export", "bundle", "funeral-for-privacy", "-o", one).code == 0

    second = cli("--db", db, "import", one)
    assert second.code == 0, second.err
    assert second.out.strip() == "funeral-for-privacy-2"
    two = tmp_path / "two.json"
    assert cli("--db", db, "export", "bundle", "funeral-for-privacy-2", "-o", two).code == 0

    assert _normalised(one) == _normalised(two) == _normalised(seed)


def test_demo_list_and_check_through_the_cli(any_target, cli):
    r = cli("--db", any_target, "demo", "--on", "2024-05-28")
    assert r.code == 0, r.err
    assert r.out.strip() == "funeral-for-privacy"

    listed = cli("--db", any_target, "list")
    assert listed.code == 0
    assert listed.out == (
        "funeral-for-privacy\t2024-05-28T09:30+02:00\tconfirmed\t"
        "Funeral for privacy at Père-Lachaise\n"
    )

    checked = cli("--db", any_target, "check", "funeral-for-privacy")
    assert checked.code == 3
    kinds = {line.split(":")[0] for line in checked.out.splitlines()}
    assert {"prop-uncarried", "release-unapproved"} <= kinds

    unknown = cli("--db", any_target, "check", "no-such-action")
    assert unknown.code == 2 and "no-such-action" in unknown.err


def test_upgrade_is_explicit_on_a_server_and_works_on_sqlite(pg_url, tmp_path, cli):
    refused = cli("--db", pg_url, "list")
    assert refused.code == 2
    assert "has no Cortège schema yet" in refused.err
    assert "upgrade" in refused.err

    made = cli("--db", pg_url, "upgrade")
    assert made.code == 0, made.err
    assert "schema created at revision" in made.out
    again = cli("--db", pg_url, "upgrade")
    assert "the schema is already at revision" in again.out
    assert cli("--db", pg_url, "list").code == 0

    local = tmp_path / "new.sqlite3"
    assert "schema created at revision" in cli("--db", local, "upgrade").out
    assert "already at revision" in cli("--db", local, "upgrade").out


def test_a_password_never_reaches_the_output(pg_url, cli):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url).set(password="s3cret-pw").render_as_string(hide_password=False)
    r = cli("--db", url, "upgrade")  # trust auth here: the password is simply ignored
    assert r.code == 0, r.err
    assert "s3cret-pw" not in r.out + r.err
    assert "***" in r.out


@pytest.fixture
def press_officer(pg_url, demo_store):
    """A read-only login role for the demo copied to the server (dropped after the test)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from app.storage.transfer import copy_database

    copy_database(demo_store.engine, pg_url)
    url = make_url(pg_url)
    schema = url.query["options"].split("=", 1)[1]
    role = f"press_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(
        url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
    )
    admin.execute(f"CREATE ROLE {role} LOGIN")
    admin.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}')
    admin.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {role}')
    try:
        yield url.set(username=role).render_as_string(hide_password=False)
    finally:
        admin.execute(f"DROP OWNED BY {role}")
        admin.execute(f"DROP ROLE {role}")
        admin.close()


def test_a_read_only_role_can_open_list_check_and_export(press_officer, tmp_path, cli):
    listed = cli("--db", press_officer, "list")
    assert listed.code == 0, listed.err
    assert listed.out.startswith("funeral-for-privacy\t2024-05-28T09:30+02:00\tconfirmed\t")
    assert cli("--db", press_officer, "check", "funeral-for-privacy").code == 3
    out = tmp_path / "b.json"
    r = cli("--db", press_officer, "export", "bundle", "funeral-for-privacy", "-o", out)
    assert r.code == 0, r.err
    assert json.loads(out.read_text(encoding="utf-8"))["action"]["slug"] == "funeral-for-privacy"
    backup = tmp_path / "press.sqlite3"
    assert cli("--db", press_officer, "backup", "-o", backup).code == 0
    assert cli("--db", backup, "list").out == listed.out


def test_a_read_only_role_cannot_change_the_plan(press_officer, demo_db, tmp_path, cli):
    r = cli("--db", press_officer, "demo", "--on", "2024-06-08")
    assert r.code != 0
    assert "Traceback" not in r.err
    assert cli("--db", press_officer, "list").out.count("\n") == 1


@pytest.mark.skipif(
    not os.environ.get("CORTEGE_TEST_POSTGRES_URL"), reason="needs CORTEGE_TEST_POSTGRES_URL"
)
def test_the_ci_url_names_a_server_we_can_reach():
    from sqlalchemy import create_engine, text

    engine = create_engine(os.environ["CORTEGE_TEST_POSTGRES_URL"])
    try:
        with engine.connect() as conn:
            assert conn.execute(text("select 1")).scalar() == 1
    finally:
        engine.dispose()


def test_an_older_schema_is_upgraded_only_when_asked_on_a_server(any_blank, cli):
    from app.storage.engine import head_revision, make_engine, upgrade

    engine = make_engine(any_blank)
    try:
        upgrade(engine, "0001")
    finally:
        engine.dispose()
    listed = cli("--db", any_blank, "list")
    if "://" in any_blank:  # a server is never upgraded behind the others' backs
        assert listed.code == 2
        assert "uses an older schema (0001)" in listed.err and "upgrade" in listed.err
        r = cli("--db", any_blank, "upgrade")
        assert r.code == 0, r.err
        assert f"schema upgraded from revision 0001 to {head_revision()}" in r.out
    else:  # a file is upgraded on open (after a copy beside itself)
        assert listed.code == 0, listed.err
        assert "already at revision" in cli("--db", any_blank, "upgrade").out
    assert cli("--db", any_blank, "list").code == 0


def test_a_read_only_role_is_detected_on_open(press_officer, pg_url):
    from sqlalchemy.engine import make_url

    from app.storage.engine import open_store

    store = open_store(press_officer)
    try:
        assert store.read_only
        role = make_url(press_officer).username
        assert store.read_only_reason == (
            f"you are connected as “{role}”, a role that may only read this plan"
        )
    finally:
        store.close()
    owner = open_store(pg_url)
    try:
        assert not owner.read_only and owner.read_only_reason is None
    finally:
        owner.close()


def test_an_edit_by_a_read_only_role_says_so_in_words(press_officer):
    from app.domain.errors import StoreError
    from app.services.actions import action_by_slug
    from app.storage.engine import open_store

    store = open_store(press_officer)
    try:
        with pytest.raises(StoreError) as caught, store.session() as s:
            edits.update(s, "action", action_by_slug(s, "funeral-for-privacy").id, title="X")
        assert str(caught.value) == (
            "Not saved: this database role may only read the plan (ask the administrator)."
        )
    finally:
        store.close()


def test_the_upgrade_hint_names_the_program_the_user_runs(tmp_path, monkeypatch):
    """The download has no ``python main.py``: its hint names the program itself."""
    import sqlite3
    import sys

    from app.domain.errors import StoreError
    from app.storage.engine import open_store

    empty = tmp_path / "empty.sqlite3"
    conn = sqlite3.connect(empty)
    conn.execute("CREATE TABLE t (a)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    for frozen, program in ((False, "python main.py"), (True, "Cortege")):
        if frozen:
            monkeypatch.setattr(sys, "frozen", True, raising=False)
            monkeypatch.setattr(sys, "executable", "/opt/Cortege/Cortege")
        with pytest.raises(StoreError) as refused:
            open_store(str(empty), upgrade_schema=False)
        assert f"run '{program} --db URL upgrade' once to create it" in str(refused.value)
