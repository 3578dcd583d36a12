"""Shared fixtures: every test gets its own data folder and database; nothing touches $HOME."""

from __future__ import annotations

import io
import os
import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CORTEGE_LANG"] = "en"

# Property tests explore new examples on every run here; CI (HYPOTHESIS_PROFILE=ci, set by
# .ci/run) runs the same examples each time, so a red CI is reproducible with
# `HYPOTHESIS_PROFILE=ci python -m pytest`, and a bug found here becomes an @example.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DEMO_DAY = date(2024, 5, 28)
# "Now" for readiness checks: ten days before the demo, at 09:00 in Paris.
DEMO_NOW = datetime(2024, 5, 18, 7, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CORTEGE_DATA_DIR", str(data))
    monkeypatch.delenv("CORTEGE_DB", raising=False)
    monkeypatch.delenv("CORTEGE_PASSPHRASE", raising=False)
    monkeypatch.delenv("CORTEGE_FILE_PASSPHRASE", raising=False)
    from app.i18n import set_ui_language

    set_ui_language("en")
    yield data
    set_ui_language("en")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "plan.sqlite3"


@pytest.fixture
def store(db_path):
    from app.storage.engine import open_store

    s = open_store(str(db_path))
    yield s
    s.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    from app.services.demo import add_demo
    from app.storage.engine import open_store

    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    s = open_store(str(path))
    with s.session() as session:
        add_demo(session, on=DEMO_DAY, today=date(2024, 5, 18))
    with s.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture
def demo_db(_demo_template, tmp_path) -> Path:
    """A database file holding the demo action on 28 May 2024 (slug funeral-for-privacy)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_db):
    from app.storage.engine import open_store

    s = open_store(str(demo_db))
    yield s
    s.close()


@pytest.fixture
def demo_id(demo_store) -> int:
    from app.services.actions import action_by_slug

    with demo_store.read() as session:
        return action_by_slug(session, "funeral-for-privacy").id


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def cli():
    """Run the CLI in-process: cli("--db", path, "list") -> CliResult(code, out, err)."""
    from app.cli import run

    def _run(*argv: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = run([str(a) for a in argv], out=out, err=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return _run


# --- team mode: SQLite always, PostgreSQL when CORTEGE_TEST_POSTGRES_URL is set --------------

POSTGRES_URL_VAR = "CORTEGE_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def _pg_conninfo(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _worker_database(base: str, worker: str) -> str:
    """The URL of this xdist worker's own database beside ``base`` (made empty now).
    Notifications (LISTEN/NOTIFY) cross schemas: two workers on one database would hear each
    other's changes, and a test that waits for silence would fail by chance."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    url = url.set(database=f"{url.database}_{worker}")
    with psycopg.connect(_pg_conninfo(base), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{url.database}"')
    return url.render_as_string(hide_password=False)


def pytest_configure(config):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base = os.environ.get(POSTGRES_URL_VAR)
    if worker and base:
        config._cortege_pg = (base, _worker_database(base, worker))
        os.environ[POSTGRES_URL_VAR] = config._cortege_pg[1]


def pytest_unconfigure(config):
    made = getattr(config, "_cortege_pg", None)
    if made is None:
        return
    import psycopg
    from sqlalchemy.engine import make_url

    base, mine = made
    os.environ[POSTGRES_URL_VAR] = base
    with psycopg.connect(_pg_conninfo(base), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{make_url(mine).database}" WITH (FORCE)')


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a fresh, empty schema, dropped after the test."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        pytest.skip(f"PostgreSQL tests run only when {POSTGRES_URL_VAR} is set (.ci/run sets it)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(_pg_conninfo(base), autocommit=True)
    admin.execute("SET lock_timeout = '10s'")
    admin.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


@pytest.fixture(params=BACKENDS)
def any_blank(request, tmp_path) -> str:
    """A database with nothing in it yet: a SQLite path, or a PostgreSQL URL (fresh schema)."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "team.sqlite3")


@pytest.fixture
def any_target(any_blank) -> str:
    """An empty database with Cortège's schema: a SQLite path, or a PostgreSQL URL."""
    from app.storage.engine import open_store

    open_store(any_blank, upgrade_schema=True).close()
    return any_blank


@pytest.fixture
def any_store(any_target):
    """An empty store, once on SQLite and once on PostgreSQL (skipped without a server)."""
    from app.storage.engine import open_store

    s = open_store(any_target)
    yield s
    s.close()


@pytest.fixture
def any_demo_store(any_blank, _demo_template):
    """The demo database (28 May 2024), copied onto each backend; ``.target`` is its path/URL."""
    from app.storage.engine import make_engine, open_store
    from app.storage.transfer import copy_between

    source, target = make_engine(str(_demo_template)), make_engine(any_blank)
    try:
        copy_between(source, target)
    finally:
        source.dispose()
        target.dispose()
    s = open_store(any_blank)
    yield s
    s.close()
