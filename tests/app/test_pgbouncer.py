"""Team mode behind a real PgBouncer in transaction pooling, as docs/team.md describes it.

Two organisers' windows share one server connection through the pooler. Before the fix, a
statement psycopg had prepared for one of them (after five runs of it) was run for the other's
statement of the same name: a rename of the action was written into a participant's notes, or
a save failed with "prepared statement already exists". And a change listener behind the pooler
heard nothing, silently. The tests run when a PgBouncer binary is found (``CORTEGE_PGBOUNCER``
or ``pgbouncer`` on the PATH; .ci/run unpacks Debian's) and PostgreSQL is there
(``CORTEGE_TEST_POSTGRES_URL``); PgBouncer drops the ``options`` the rest of the suite keeps
schemas apart with, so each test gets a database of its own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.domain import models as m
from app.services import edits
from app.storage.engine import open_store
from tests.app.test_readiness import plain_action
from tests.conftest import POSTGRES_URL_VAR, _pg_conninfo

PGBOUNCER_VAR = "CORTEGE_PGBOUNCER"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            pytest.fail(f"PgBouncer stopped: {said} {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("PgBouncer did not start listening within 10 s")


@pytest.fixture
def server():
    """(the URL of a fresh database on the server, the database's name), dropped after."""
    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        pytest.skip(f"PostgreSQL tests run only when {POSTGRES_URL_VAR} is set (.ci/run sets it)")
    name = f"cortege_pgb_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_pg_conninfo(base), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    open_store(url, upgrade_schema=True).close()  # the schema, directly on the server
    try:
        yield url, name
    finally:
        with psycopg.connect(_pg_conninfo(base), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def bouncer(server):
    """The URL of ``server``'s database through a PgBouncer in transaction mode whose pool
    holds one server connection: every window's transaction runs on the same one."""
    exe = os.environ.get(PGBOUNCER_VAR) or shutil.which("pgbouncer")
    if not exe:
        pytest.skip(f"no PgBouncer here (set {PGBOUNCER_VAR}, or put pgbouncer on the PATH)")
    direct, name = server
    up = make_url(direct)
    port = _free_port()
    # run as root, PgBouncer switches to the postgres user (-u), who cannot enter pytest's
    # own temporary folders: a folder of its own, open to it
    folder = Path(tempfile.mkdtemp(prefix="cortege-pgbouncer-"))
    folder.chmod(0o777)
    (folder / "users.txt").write_text(f'"{up.username}" ""\n')
    log = folder / "pgbouncer.log"
    ini = folder / "pgbouncer.ini"
    ini.write_text(
        f"[databases]\n{name} = host={up.host} port={up.port or 5432} dbname={name}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\n"
        "pool_mode = transaction\ndefault_pool_size = 1\nmax_client_conn = 20\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
        f"logfile = {log}\n"
    )
    command = [exe, str(ini)]
    if os.geteuid() == 0:
        command[1:1] = ["-u", "postgres"]  # PgBouncer refuses to run as root
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, proc, log)
        yield up.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_two_organisers_behind_the_pooler_save_where_they_typed(bouncer):
    """Each saves six times in one go (a bulk edit: psycopg would prepare the statement on its
    fifth run, on the server connection the pooler lent); then the other does the same."""
    ana, ben = open_store(bouncer), open_store(bouncer)
    try:
        action = plain_action(ana)
        with ana.session() as s:
            person = edits.create(s, "participant", alias="Wren")
        for round_ in range(2):
            for store, entity, row, field in (
                (ana, "action", action, "title"),
                (ben, "participant", person, "notes"),
            ):
                with store.session() as s:
                    for i in range(6):
                        edits.update(s, entity, row, **{field: f"{field} {round_}.{i}"})
                        s.flush()
        with ana.read() as s:
            assert s.get(m.Action, action).title == "title 1.5"
            assert s.get(m.Participant, person).notes == "notes 1.5"
    finally:
        ana.close()
        ben.close()


def test_a_listener_behind_the_pooler_says_it_hears_nothing(bouncer):
    from app.storage.notify import NoticesDoNotArrive, enable_change_notifications

    store = open_store(bouncer)
    try:
        notifier = enable_change_notifications(store)
        started = time.monotonic()
        with pytest.raises(NoticesDoNotArrive):
            notifier.watch()
        assert time.monotonic() - started < 10
    finally:
        store.close()
