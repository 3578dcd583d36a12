"""Connecting to the team server: defaults a URL can override, and one sentence per failure,
never with the password in it."""

from __future__ import annotations

import socket
import threading
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.domain.errors import StoreError
from app.storage.engine import open_store
from app.storage.server import describe_connect_failure, server_settings

SECRET = "s3cret-Pw-9"


def _with(url: str, **changes) -> str:
    query = changes.pop("query", None)
    u = make_url(url).set(**changes)
    if query:
        u = u.update_query_dict(query)
    return u.render_as_string(hide_password=False)


def _open_error(target: str) -> str:
    with pytest.raises(StoreError) as caught:
        open_store(target).close()
    message = str(caught.value)
    assert SECRET not in message
    assert "Traceback" not in message and "psycopg" not in message
    return message


def test_defaults_are_added_and_the_url_overrides_them():
    url = "postgresql+psycopg://alice@db.example.org/cortege?sslmode=verify-full"
    found = server_settings(url)
    assert found.url.query["connect_timeout"] == "10"
    assert found.url.query["sslmode"] == "verify-full"
    assert found.settings == {
        "lock_timeout": "5s",
        "statement_timeout": "30s",
        "idle_in_transaction_session_timeout": "60s",
    }
    override = server_settings(
        url + "&connect_timeout=3&lock_timeout=12s&options=-c statement_timeout=2min"
    )
    assert override.url.query["connect_timeout"] == "3"
    assert override.settings["lock_timeout"] == "12s"
    assert override.settings["statement_timeout"] == "2min"
    assert "lock_timeout" not in {k for k in override.url.query if k != "options"}
    assert override.url.query["options"].count("statement_timeout") == 1


def test_the_server_applies_the_timeouts(pg_url):
    store = open_store(_with(pg_url, query={"lock_timeout": "7s"}), upgrade_schema=True)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar() == "7s"
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
    finally:
        store.close()


def test_an_unknown_database_is_named(pg_url):
    name = f"nope_{uuid.uuid4().hex[:6]}"
    message = _open_error(_with(pg_url, database=name, password=SECRET))
    assert message.startswith(f"There is no database “{name}” on the server ")


def test_no_server_is_said_so():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    message = _open_error(f"postgresql+psycopg://alice:{SECRET}@127.0.0.1:{port}/cortege")
    assert message == (
        f"No PostgreSQL server answers at 127.0.0.1:{port}. Is it running, and is the "
        "address right?"
    )


def test_a_silent_server_is_reported_after_the_connect_timeout():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    try:
        message = _open_error(
            f"postgresql+psycopg://alice:{SECRET}@127.0.0.1:{port}/cortege?connect_timeout=1"
        )
    finally:
        listener.close()
    assert message == f"The server 127.0.0.1:{port} did not answer within 1 s."


def test_tls_required_but_not_offered(pg_url):
    admin = psycopg.connect(make_url(pg_url).set(drivername="postgresql").render_as_string(False))
    ssl = admin.execute("SHOW ssl").fetchone()[0]
    admin.close()
    if ssl == "on":
        pytest.skip("this server offers TLS")
    message = _open_error(_with(pg_url, password=SECRET, query={"sslmode": "require"}))
    assert message.startswith("The server 127.0.0.1 does not offer TLS, but the URL requires it")


def test_too_many_connections_is_its_own_sentence(pg_url):
    role = f"full_{uuid.uuid4().hex[:6]}"
    admin = psycopg.connect(
        make_url(pg_url).set(drivername="postgresql").render_as_string(False), autocommit=True
    )
    admin.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 0")
    try:
        message = _open_error(_with(pg_url, username=role, password=SECRET))
    finally:
        admin.execute(f"DROP ROLE {role}")
        admin.close()
    assert message.startswith("The server 127.0.0.1 has no connection left (too many clients).")


@pytest.mark.parametrize(
    ("server_says", "starts"),
    [
        (
            'connection to server at "db", port 5432 failed: FATAL:  password authentication '
            'failed for user "alice"',
            "The server db refused the password of user “alice”.",
        ),
        (
            'connection to server at "db", port 5432 failed: fe_sendauth: no password supplied',
            "The server db asks for the password of user “alice”, and none was found.",
        ),
        (
            'connection to server at "db", port 5432 failed: FATAL:  no pg_hba.conf entry for '
            'host "10.0.0.2", user "alice", database "cortege", no encryption',
            "The server db does not let user “alice” connect to “cortege” from this machine",
        ),
        (
            'connection to server at "db", port 5432 failed: root certificate file '
            '"/root/.postgresql/root.crt" does not exist',
            "The TLS connection to db failed: the server's certificate could not be checked",
        ),
        (
            'could not translate host name "db" to address: Name or service not known',
            "The server name “db” is unknown.",
        ),
        (
            f'connection to server at "db" failed: something new with password={SECRET}',
            "Cannot connect to the server db:5432: ",
        ),
    ],
)
def test_each_failure_gets_its_own_sentence(server_says, starts):
    exc = psycopg.OperationalError(server_says)
    message = describe_connect_failure(exc, f"postgresql+psycopg://alice:{SECRET}@db/cortege")
    assert message.startswith(starts)
    assert SECRET not in message


def test_an_edit_during_an_outage_says_it_was_not_saved_and_the_next_one_works(pg_url):
    from sqlalchemy import select

    from app.domain import models as m
    from app.services import edits

    store = open_store(pg_url, upgrade_schema=True)
    admin = psycopg.connect(
        make_url(pg_url).set(drivername="postgresql").render_as_string(False), autocommit=True
    )
    try:
        with store.session() as s:
            pid = edits.create(s, "participant", alias="Heron")
        with pytest.raises(StoreError) as caught, store.session() as s:
            backend = s.execute(text("SELECT pg_backend_pid()")).scalar()
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))  # the server goes away
            version = s.scalar(select(m.Participant.version).where(m.Participant.id == pid))
            edits.update(s, "participant", pid, expected_version=version, alias="Heron 2")
        message = str(caught.value)
        assert message.startswith("This change was not saved: the connection to the database")
        assert "Everything you saved before is safe on the server" in message
        assert "sqlalche.me" not in message and "please report it" not in message
        with store.session() as s:  # the pool reconnects by itself
            edits.update(s, "participant", pid, expected_version=1, alias="Heron 2")
        with store.read() as s:
            assert s.get(m.Participant, pid).alias == "Heron 2"
    finally:
        admin.close()
        store.close()


def test_the_change_listener_connects_with_the_same_settings(pg_url):
    """A URL without options of its own: the listener's connection gets the defaults too (a
    URI with spaces in ``options`` would not reach the server intact)."""
    import os

    from app.storage.server import listen_connection, make_server_engine

    for url in (os.environ["CORTEGE_TEST_POSTGRES_URL"], pg_url):
        engine = make_server_engine(url)
        conn = listen_connection(engine)
        try:
            assert conn.execute("SHOW lock_timeout").fetchone()[0] == "5s"
            assert conn.autocommit
        finally:
            conn.close()
            engine.dispose()


def test_the_app_prepares_no_statement_on_the_server(pg_url):
    """A connection pooler in transaction mode (PgBouncer, as docs/team.md advises for big
    teams) hands each transaction any server connection: a statement psycopg prepared on one
    (after five runs of it) ran there for another organiser's statement of the same name, and
    one organiser's rename of an action was written into a participant's notes. The app's
    statements are short; they are not prepared."""
    store = open_store(pg_url, upgrade_schema=True)
    try:
        with store.engine.connect() as conn:
            for _ in range(12):
                conn.execute(text("SELECT count(*) FROM action WHERE title = :t"), {"t": "x"})
            prepared = conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
        assert prepared == 0
    finally:
        store.close()


def test_the_window_title_shows_the_url_as_typed_without_the_options_cortege_adds(pg_url):
    """The title read "…/flaky?connect_timeout=10&keepalives=1&…&options=-c+lock_timeout…"."""
    from sqlalchemy.engine import make_url

    from app.storage.engine import open_store

    store = open_store(pg_url, upgrade_schema=True)
    try:
        shown = store.display_name()
        assert shown == make_url(pg_url).render_as_string(hide_password=True)
        assert "connect_timeout" not in shown and "keepalives" not in shown
    finally:
        store.close()
