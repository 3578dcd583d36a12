"""Telling one organiser's window that another organiser changed the database.

PostgreSQL: each committed transaction that wrote something sends ``NOTIFY cortege_changes``
(``pg_notify``, inside the transaction, so it is delivered only if the commit succeeds) with the
id of each action it touched, or ``*`` when it touched something organisation-wide. A watcher is
a separate connection that ``LISTEN``s; notifications sent by this process's own connections
(recognised by their server process id) are dropped.

SQLite: ``PRAGMA data_version`` on a connection of its own changes whenever another connection
committed to the file; the watcher polls it lightly. Our own commits move its baseline, so a
window is not told about its own edits.

Nothing here imports Qt: ``ui/live_updates.py`` runs a watcher off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from dataclasses import dataclass

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.domain import models as m

log = logging.getLogger(__name__)

CHANNEL = "cortege_changes"
ANYTHING = "*"
MAX_PAYLOADS = 50  # more actions in one transaction: one "*" says it as well
SQLITE_POLL_SECONDS = 0.5
_KEY = "cortege_touched"


@dataclass(frozen=True)
class Notice:
    """Somebody else changed the database: ``payload`` is an action id, or ``*``."""

    payload: str

    @property
    def action_id(self) -> int | None:
        return int(self.payload) if self.payload.isdigit() else None


class ChangeNotifier:
    """Per store: sends notifications after our commits, and opens watchers for others'."""

    def __init__(self, engine: Engine) -> None:
        self._engine = weakref.ref(engine)  # the registry's value must not keep its key alive
        self.backend = engine.dialect.name
        self.own_pids: set[int] = set()
        self._watchers: weakref.WeakSet[SqliteWatcher] = weakref.WeakSet()
        if self.backend == "postgresql":
            event.listen(engine, "close", self._forget_pid)
            event.listen(engine, "detach", self._forget_pid)

    @property
    def engine(self) -> Engine:
        engine = self._engine()
        if engine is None:
            raise RuntimeError("the store of this notifier was closed and collected")
        return engine

    def _forget_pid(self, dbapi_conn, *_args) -> None:
        pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
        self.own_pids.discard(pid)

    def watch(self) -> PostgresWatcher | SqliteWatcher:
        """A new watcher on its own connection (close it when done)."""
        if self.backend == "postgresql":
            return PostgresWatcher(self)
        watcher = SqliteWatcher(self)
        self._watchers.add(watcher)
        return watcher

    def announce(self, session: Session, payloads: set[str]) -> None:
        """Inside the committing transaction: NOTIFY the others (PostgreSQL only)."""
        if self.backend != "postgresql":
            return
        dbapi = session.connection().connection.driver_connection
        self.own_pids.add(dbapi.info.backend_pid)
        if len(payloads) > MAX_PAYLOADS or ANYTHING in payloads:
            payloads = {ANYTHING}
        for payload in sorted(payloads):
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": payload},
            )

    def committed(self) -> None:
        """After our own commit: our SQLite watchers must not take it for somebody else's."""
        for watcher in list(self._watchers):
            watcher.rebase()


_NOTIFIERS: weakref.WeakKeyDictionary[Engine, ChangeNotifier] = weakref.WeakKeyDictionary()


def enable_change_notifications(store) -> ChangeNotifier:
    """Make every committed write through ``store`` announce itself; idempotent, any backend."""
    notifier = _NOTIFIERS.get(store.engine)
    if notifier is None:
        notifier = _NOTIFIERS[store.engine] = ChangeNotifier(store.engine)
    return notifier


# --- session hooks (registered once, for every Session; inert unless the engine is enabled) ---


def _notifier(session: Session) -> ChangeNotifier | None:
    bind = session.bind
    engine = bind if isinstance(bind, Engine) else getattr(bind, "engine", None)
    if engine is None:
        return None
    notifier = _NOTIFIERS.get(engine)
    if notifier is None and engine.dialect.name == "postgresql":
        # Every writer to a shared database must announce itself, whoever opened it.
        notifier = _NOTIFIERS[engine] = ChangeNotifier(engine)
    return notifier


def _touched(obj) -> str:
    if isinstance(obj, m.Action):
        return str(obj.id) if obj.id is not None else ANYTHING
    action_id = getattr(obj, "action_id", None)  # quotes, participants…: say "anything"
    return str(action_id) if action_id is not None else ANYTHING


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush_context) -> None:
    if _notifier(session) is None:
        return
    touched = session.info.setdefault(_KEY, set())
    for obj in session.new:
        touched.add(_touched(obj))
    for obj in session.deleted:
        touched.add(_touched(obj))
    for obj in session.dirty:
        if session.is_modified(obj):
            touched.add(_touched(obj))


@event.listens_for(Session, "do_orm_execute")
def _collect_bulk(state) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and _notifier(state.session):
        state.session.info.setdefault(_KEY, set()).add(ANYTHING)


@event.listens_for(Session, "before_commit")
def _send(session: Session) -> None:
    notifier = _notifier(session)
    if notifier is None:
        return
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        session.flush()  # the commit would flush them after this hook: count them now
    payloads = session.info.get(_KEY)
    if payloads:
        notifier.announce(session, set(payloads))


@event.listens_for(Session, "after_commit")
def _sent(session: Session) -> None:
    notifier = _notifier(session)
    if session.info.pop(_KEY, None) and notifier is not None:
        notifier.committed()


@event.listens_for(Session, "after_soft_rollback")
def _dropped(session: Session, _previous) -> None:
    session.info.pop(_KEY, None)


# --- watchers ------------------------------------------------------------------------------


class PostgresWatcher:
    """``LISTEN cortege_changes`` on a connection of its own (autocommit)."""

    def __init__(self, notifier: ChangeNotifier) -> None:
        self._notifier = notifier
        raw = notifier.engine.raw_connection()
        self._conn = raw.driver_connection
        raw.detach()  # ours alone: never handed back to the pool
        self._conn.rollback()
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[Notice]:
        """Block up to ``timeout`` seconds for others' changes; [] when there were none."""
        got = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if got:
            got += list(self._conn.notifies(timeout=0.05))
        own = self._notifier.own_pids
        return _unique(Notice(n.payload or ANYTHING) for n in got if n.pid not in own)

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:  # already gone with the server: nothing to release
            log.debug("closing the change listener failed", exc_info=True)


class SqliteWatcher:
    """Polls ``PRAGMA data_version`` on a connection of its own."""

    def __init__(self, notifier: ChangeNotifier) -> None:
        raw = notifier.engine.raw_connection()
        self._conn = raw.driver_connection
        raw.detach()
        self._lock = threading.Lock()
        self._closed = False
        self._version = self._read()

    def _read(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def rebase(self) -> None:
        """Our own commit: not news for our window."""
        with self._lock:
            if not self._closed:
                self._version = self._read()

    def wait(self, timeout: float) -> list[Notice]:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if self._closed:
                    return []
                version = self._read()
                if version != self._version:
                    self._version = version
                    return [Notice(ANYTHING)]
            left = deadline - time.monotonic()
            if left <= 0:
                return []
            time.sleep(min(SQLITE_POLL_SECONDS, left))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()


def _unique(notices) -> list[Notice]:
    seen: dict[str, Notice] = {}
    for n in notices:
        seen.setdefault(n.payload, n)
    if ANYTHING in seen:
        return [seen[ANYTHING]]
    return list(seen.values())
