"""The one engine factory, and the store that opens, checks and upgrades a database.

A target is a file path (SQLite) or a SQLAlchemy URL (``postgresql+psycopg://…``). SQLite runs in
WAL mode with foreign keys and a busy timeout. The schema is created and upgraded only by Alembic;
before a SQLite file is upgraded it is copied beside itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import StoreError
from app.i18n import _
from app.paths import program_name
from app.storage.constants import BUSY_TIMEOUT_MS, MIGRATIONS, SQLITE_HEADER
from app.storage.revisions import head_revision, known_revisions

log = logging.getLogger(__name__)

WRITE_OPTION = "cortege_write"


def is_url(target: str) -> bool:
    return "://" in target


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA secure_delete = ON")
    cur.close()


def _sqlite_read_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.close()


def _sqlite_begin(conn) -> None:
    # pysqlite's own transaction handling defers BEGIN; emit it ourselves so each service call
    # is one real transaction (SQLAlchemy's documented recipe). A write transaction takes the
    # write lock at once (BEGIN IMMEDIATE): a deferred one that reads before it writes fails
    # with "database is locked" when another writer committed meanwhile, whatever the busy
    # timeout; immediate ones queue.
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(
    target: str,
    *,
    passphrase: str | None = None,
    read_only: bool = False,
    immutable: bool = False,
) -> Engine:
    """An engine for a path or a URL. ``passphrase`` opens an encrypted (SQLCipher) file;
    ``read_only`` opens a file with SQLite's ``mode=ro`` (``immutable`` on a read-only disk)
    and never switches it to WAL."""
    if is_url(target) and not target.startswith("sqlite"):
        from app.storage.server import make_server_engine  # timeouts, pool of one

        return make_server_engine(target)
    if is_url(target):
        url = target
        creator: Callable | None = None
    else:
        path = Path(target).expanduser()
        url = f"sqlite:///{path}"
        creator = None
        if passphrase is not None:
            from app.storage.cipher import sqlcipher_creator

            creator = sqlcipher_creator(path, passphrase, read_only=read_only, immutable=immutable)
        elif read_only:
            from app.storage.cipher import sqlite_uri

            params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
            url = f"sqlite:///{sqlite_uri(path, **params)}&uri=true"
    kwargs: dict = {}
    if creator is not None:
        kwargs["creator"] = creator
        kwargs["module"] = __import__("sqlcipher3").dbapi2
    engine = create_engine(url, hide_parameters=True, **kwargs)
    event.listen(engine, "connect", _sqlite_read_pragmas if read_only else _sqlite_pragmas)

    @event.listens_for(engine, "connect")
    def _no_pysqlite_tx(dbapi_conn, _record):
        dbapi_conn.isolation_level = None

    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _alembic_config(connection: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


class Store:
    """An open Cortège database: the engine and a session factory."""

    def __init__(self, engine: Engine, target: str) -> None:
        self.target = target
        self.listeners: list[Callable[[object], None]] = []
        #: called (no argument) once when the file is found replaced under the open store
        self.replaced_listeners: list[Callable[[], None]] = []
        self.encrypted = False
        self.closed = False
        self.bind(engine)
        if self.path is not None:
            from app.storage.files import guard_database

            guard_database(self.path)  # no export goes over it
        # Read-only is a mode, not an error: a read-only file or folder, a server role without
        # write rights, or the user's choice. Storage (files) and team mode (server roles) set
        # it on open; the window shows a banner with the reason and disables every edit;
        # viewing and exports keep working.
        self.read_only: bool = False
        self.read_only_reason: str | None = None

    def mark_read_only(self, reason: str) -> None:
        """Open this store read-only; ``reason`` is a sentence for the user (translated)."""
        self.read_only = True
        self.read_only_reason = reason

    def reopen(self, passphrase: str) -> None:
        """Point the store at its file again with the key of ``passphrase`` (after a rekey or
        encryption in place): the same Store object, so the window, its undo history and every
        listener keep working."""
        self.engine.dispose()
        self.bind(make_engine(str(self.path), passphrase=passphrase))
        self.encrypted = True

    def bind(self, engine: Engine) -> None:
        """Use ``engine`` from now on (the same Store: the window and its undo history stay)."""
        from app.storage.holders import file_identity, register_open

        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = self._sessions
        self.identity = file_identity(self.path)
        self._replaced_told = False
        register_open(self)

    def file_replaced(self) -> bool:
        """Whether the file is no longer the one this store opened (replaced or removed)."""
        if self.path is None or self.identity is None:
            return False
        from app.storage.holders import file_identity

        return file_identity(self.path) != self.identity

    def notice_replacement(self) -> None:
        """Tell the replaced-file listeners (once per store)."""
        if not self._replaced_told:
            self._replaced_told = True
            for listener in list(self.replaced_listeners):
                listener()

    def _check_identity(self, *, writing: bool) -> None:
        if not self.file_replaced():
            return
        self.notice_replacement()
        if writing:
            from app.domain.errors import StoreReplacedError

            raise StoreReplacedError(
                _(
                    "{path} was replaced or removed by another program while it was open: "
                    "nothing was saved. Open it again to see the new file."
                ).format(path=self.path)
            )

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @cached_property
    def path(self) -> Path | None:
        """The database file, its links followed: encrypting or restoring "plan.cortege", a
        link to a file on another disk, replaced the link with a new file and left the real
        one as it was — in plain text, after "is now encrypted". Resolved once: every session
        asks for it (has the file been replaced?)."""
        if self.backend == "sqlite" and not is_url(self.target):
            return Path(os.path.realpath(Path(self.target).expanduser()))
        return None

    def display_name(self) -> str:
        """The target as the user gave it, without any password (for titles, logs, recent
        lists): not the engine's URL, which carries the timeouts and keepalives Cortège adds
        ("…/flaky?connect_timeout=10&keepalives=1&…" made the window title unreadable)."""
        if is_url(self.target):
            return _safe(self.target)
        return str(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on error."""
        self._check_identity(writing=True)
        with self._sessions() as session, self._server_errors():
            try:
                # Set before the connection begins: SQLite then says BEGIN IMMEDIATE.
                session.connection(execution_options={WRITE_OPTION: True})
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                translated = self._translated(exc)
                if translated is None:
                    raise
                raise translated from exc
            except UnicodeDecodeError as exc:
                session.rollback()
                if not _raised_reading_rows(exc):
                    raise
                from app.storage.diagnose import damaged

                # We never store invalid UTF-8: text that does not decode is a damaged page.
                raise damaged(self.path or self.display_name(), encrypted=self.encrypted) from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (rolled back at the end)."""
        self._check_identity(writing=False)
        with self._readers() as session, self._server_errors(writing=False):
            try:
                yield session
            except DBAPIError as exc:
                session.rollback()
                translated = self._translated(exc)
                if translated is None:
                    raise
                raise translated from exc
            except UnicodeDecodeError as exc:
                session.rollback()
                if not _raised_reading_rows(exc):
                    raise
                from app.storage.diagnose import damaged

                # We never store invalid UTF-8: text that does not decode is a damaged page.
                raise damaged(self.path or self.display_name(), encrypted=self.encrypted) from exc
            session.rollback()

    def _translated(self, exc: DBAPIError) -> StoreError | None:
        if self.backend != "sqlite":
            return None
        from app.storage.diagnose import translate

        where = self.path if self.path is not None else self.display_name()
        return translate(exc, where, encrypted=self.encrypted, store=self)

    @contextmanager
    def _server_errors(self, *, writing: bool = True) -> Iterator[None]:
        """A server that went away, a timeout, a role that may only read: one sentence each
        (app.storage.server), instead of the driver's text."""
        try:
            yield
        except DBAPIError as exc:
            if self.backend == "sqlite" or isinstance(exc, IntegrityError):
                raise
            from app.storage.server import describe_failure

            raise describe_failure(exc, self.engine.url, writing=writing) from exc

    def notify(self, changes: object) -> None:
        for listener in list(self.listeners):
            listener(changes)

    def close(self) -> None:
        if not self.closed and self.path is not None:
            from app.storage.files import release_database

            release_database(self.path)
        self.closed = True
        self.engine.dispose()


def _check_sqlite_file(path: Path, *, encrypted: bool) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not a Cortège database").format(path=path))
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER and not encrypted:
        raise StoreError(
            _(
                "{path} is encrypted or is not a Cortège database "
                "(set CORTEGE_PASSPHRASE to open an encrypted one)"
            ).format(path=path),
        )


def _raised_reading_rows(exc: BaseException) -> bool:
    """Whether the error came out of SQLAlchemy fetching rows (not a service's own decoding)."""
    tb = exc.__traceback__
    while tb is not None:
        if "sqlalchemy" in tb.tb_frame.f_code.co_filename:
            return True
        tb = tb.tb_next
    return False


def translated_as_not_ours(exc: BaseException) -> bool:
    return "file is not a database" in str(getattr(exc, "orig", None) or exc)


def _refuse_damaged(engine: Engine, path: Path, *, encrypted: bool) -> None:
    """The full check runs before an upgrade rewrites the tables (not on every open)."""
    from app.storage.sqlite_open import integrity_problem

    with engine.connect() as conn:
        problem = integrity_problem(conn, encrypted=encrypted)
    if problem:
        engine.dispose()
        raise StoreError(
            _("{path} is damaged ({detail}); nothing was upgraded").format(
                path=path, detail=problem
            )
        )


def _backup_before_upgrade(path: Path, revision: str | None) -> Path:
    from app.storage.sqlite_open import create_private_file

    suffix = f".before-upgrade-{revision or 'empty'}"
    dest = path.with_name(path.name + suffix)
    dest.unlink(missing_ok=True)
    create_private_file(dest)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError:
        # An encrypted file cannot be read by the stdlib: copy its bytes (and its WAL).
        src.close()
        shutil.copy2(path, dest)
        for extra in ("-wal", "-shm"):
            if path.with_name(path.name + extra).exists():
                shutil.copy2(path.with_name(path.name + extra), dest.with_name(dest.name + extra))
        return dest
    finally:
        src.close()
    return dest


def open_store(
    target: str,
    *,
    passphrase: str | None = None,
    upgrade_schema: bool | None = None,
    keep_deleted: bool = False,
) -> Store:
    """Open (creating if needed) the database at ``target``.

    ``keep_deleted``: leave actions deleted in this window for its undo history (a window
    unlocking the database it locked); otherwise day-old ones are erased on open.

    SQLite is upgraded on open (after a copy beside the file); a server database only when
    ``upgrade_schema`` is true (the explicit ``upgrade`` command), so a newer client never
    changes a shared database behind the others' backs.
    """
    path = None if is_url(target) else Path(target).expanduser()
    probe = None
    if path is None:
        _check_backend(target)
    if path is not None:
        if not path.parent.exists():
            raise StoreError(_("folder {path} does not exist").format(path=path.parent))
        _check_sqlite_file(path, encrypted=passphrase is not None)
        from app.storage.sqlite_open import create_private_file, probe_file

        # Read-only, before our pragmas could change a byte of a file that is not ours.
        probe = probe_file(path, passphrase=passphrase)
        if probe is None:
            create_private_file(path)
    read_only = probe is not None and probe.read_only is not None
    try:
        engine = make_engine(
            target,
            passphrase=passphrase,
            read_only=read_only,
            immutable=probe is not None and probe.immutable,
        )
        existed = path is None or (path.exists() and path.stat().st_size > 0)
        try:
            rev = current_revision(engine)
            has_tables = bool(inspect(engine).get_table_names()) if existed else False
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            if path is not None:
                from app.storage.diagnose import translate

                translated = translate(exc, path, encrypted=passphrase is not None)
                if translated is not None and not translated_as_not_ours(exc):
                    raise translated from exc
            if path is None and engine.dialect.name != "sqlite":  # a server: say why, no password
                from app.storage.server import describe_connect_failure

                raise StoreError(describe_connect_failure(exc, target)) from exc
            if passphrase is not None:
                raise StoreError(
                    _("wrong passphrase, or {path} is not a Cortège database").format(path=target)
                ) from exc
            raise StoreError(
                _("{path} is not a Cortège database, or it is damaged").format(path=target)
            ) from exc
        if rev is None and has_tables:
            engine.dispose()
            raise StoreError(_("{path} is not a Cortège database").format(path=_safe(target)))
        head = head_revision()
        if rev is not None and rev not in known_revisions():
            engine.dispose()
            raise StoreError(
                _(
                    "{path} was made by a newer version of Cortège (schema {rev}); "
                    "this version knows up to {head}. Update Cortège to open it."
                ).format(path=_safe(target), rev=rev, head=head)
            )
        if rev != head:
            allowed = upgrade_schema if upgrade_schema is not None else path is not None
            if not allowed:
                engine.dispose()
                if rev is None:
                    raise StoreError(
                        _(
                            "{path} has no Cortège schema yet: run "
                            "'{program} --db URL upgrade' once to create it"
                        ).format(path=_safe(target), program=program_name())
                    )
                raise StoreError(
                    _(
                        "{path} uses an older schema ({rev}): run "
                        "'{program} --db URL upgrade' to bring it to {head}"
                    ).format(path=_safe(target), rev=rev, head=head, program=program_name())
                )
            if read_only:
                engine.dispose()
                raise StoreError(
                    _(
                        "{path} uses an older schema ({rev}) and cannot be upgraded where it "
                        "is: {reason} Copy it to a folder you can write to."
                    ).format(path=target, rev=rev, reason=probe.read_only)
                )
            if path is not None and rev is not None:
                _refuse_damaged(engine, path, encrypted=passphrase is not None)
                copy = _backup_before_upgrade(path, rev)
                log.info("copied the database to %s before upgrading it", copy.name)
            upgrade(engine)
        store = Store(engine, target)
        store.encrypted = passphrase is not None
        if read_only:
            store.mark_read_only(probe.read_only)
            return store
        if store.backend != "sqlite":
            from app.storage.server import detect_read_only  # a role that may only read

            detect_read_only(store)
        from app.storage.rows import ensure_settings_row, has_settings_row

        # Read first: a `list` or a `check` waited 15 s for another program's write, then
        # failed, though WAL lets readers through; only a new file needs the row written.
        with store.read() as session:
            missing = not has_settings_row(session)
        if missing:
            with store.session() as session:
                ensure_settings_row(session)
        if not store.read_only and not keep_deleted:
            erase_deleted_actions(store, quiet=False)
        # Writers tell other organisers' windows, the CLI included: LISTEN/NOTIFY on a server,
        # the commit stamp of a SQLite file (app.storage.notify).
        from app.storage.notify import enable_change_notifications

        enable_change_notifications(store)
        return store
    except StoreError:
        raise
    except DBAPIError as exc:
        if path is None and not target.startswith("sqlite"):  # a server: say why, no password
            from app.storage.server import describe_connect_failure

            raise StoreError(describe_connect_failure(exc, target)) from exc
        if path is not None:
            from app.storage.diagnose import translate

            translated = translate(exc, path, encrypted=passphrase is not None)
            if translated is not None:
                raise translated from exc
        if not isinstance(exc, OperationalError):
            raise StoreError(
                _("cannot open {path}: {reason}").format(path=_safe(target), reason=exc)
            ) from exc
        raise StoreError(
            _("cannot open {path}: {reason}").format(path=_safe(target), reason=exc.orig)
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(
            _("cannot open {path}: {reason}").format(path=_safe(target), reason=exc)
        ) from exc


def erase_deleted_actions(store: Store, *, quiet: bool = True, closing: bool = False) -> None:
    """Deleted actions stay for undo while a window is open. The window that deleted them
    erases them as it closes (``closing``: its undo history goes with it); any open erases
    the deletions a day old — of a window that crashed, say. An open by another program (a
    `list` on the command line, a second window) erased every deletion, and the first
    window's undo brought nothing back.

    On a shared server another organiser may still undo, so only day-old deletions go there,
    closing or not, and a read-only role simply leaves them."""
    from datetime import timedelta

    from app.storage.rows import erase_deleted, has_deleted

    if store.read_only:
        return
    older = None if closing and store.backend == "sqlite" else timedelta(days=1)
    try:
        with store.read() as session:  # the usual case, at every open: nothing to erase
            if not has_deleted(session, older_than=older):
                return
        with store.session() as session:
            erase_deleted(session, older_than=older)
    except StoreError:
        if not quiet:  # on open: a damaged or busy file is said now, not at the first edit
            raise
        log.warning("could not erase deleted actions (the database cannot be written)")
    except SQLAlchemyError:
        log.warning("could not erase deleted actions (read-only database?)")


def _check_backend(target: str) -> None:
    """A URL of a database we do not keep plans in (``mysql://…`` gave "internal error:
    ModuleNotFoundError"), or whose driver is not installed, is said so."""
    import importlib.util

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(target)
    except ArgumentError:
        return  # said by the engine, with the address
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            _(
                "cannot open {path}: Cortège keeps plans in SQLite files and on PostgreSQL servers"
            ).format(path=_safe(target))
        )
    driver = url.get_driver_name()
    module = {"pysqlite": "sqlite3", "psycopg2": "psycopg2"}.get(driver, driver)
    if importlib.util.find_spec(module) is None:
        raise StoreError(
            _("cannot open {path}: the {driver} driver is not installed (use postgresql+psycopg://…)")
            .format(path=_safe(target), driver=driver)
        )  # fmt: skip


def _safe(target: str) -> str:
    if is_url(target):
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    return target
