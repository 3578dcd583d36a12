"""Telling one organiser's window that another organiser changed the database.

PostgreSQL: each committed transaction that wrote something sends ``NOTIFY cortege_changes``
(``pg_notify``, inside the transaction, so it is delivered only if the commit succeeds). A
notice names what changed and nothing else — ids, never values, so no personal data travels:

    2|<origin>|<action id or *>|<entity>|<created, updated or deleted>|<id>,<id>,…

one per (action, entity, kind) the transaction touched; ``2|<origin>|*|*|updated|`` when it
touched too much to list (a bulk statement, a restore; a bare ``*`` from an older version means
the same). ``<origin>`` is a random token per open store: a watcher
drops its own store's notices (a server process id would not do behind PgBouncer, where
connections are shared). A watcher is a connection of its own that ``LISTEN``s.

SQLite: ``PRAGMA data_version`` on a connection of its own changes whenever another connection
committed to the file; the watcher polls it lightly and says ``*`` (the file cannot say what).
It cannot say *how many* commits landed, so every writing transaction also counts itself in the
file's ``user_version`` (the commit stamp, inside the transaction: it lands only with the
commit), and a store's watchers know the stamps of their own store's commits. The watcher reads
both from one snapshot: when the file changed, the stamps it moved by that are not ours — or a
change that moved no stamp (a program that keeps none) — are a colleague's. Re-reading
``data_version`` after our own commit instead took a colleague's commit for ours whenever it
landed in between, as a writer waiting for the lock does at once.

Nothing here imports Qt: ``ui/live_updates.py`` runs a watcher off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
import weakref
from dataclasses import dataclass

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.domain import models as m

log = logging.getLogger(__name__)

CHANNEL = "cortege_changes"
#: How long a starting listener waits for the notice it sent itself (a few ms on a server).
PROBE_SECONDS = 2.0


class NoticesDoNotArrive(Exception):
    """The server's notices do not reach the listener: its connection goes through a pooler
    in transaction mode (PgBouncer), where LISTEN lasts one transaction (docs/team.md)."""


ANYTHING = "*"
FORMAT = "2"
MAX_GROUPS = 50  # more (action, entity, kind) groups in one transaction: "everything" says it
MAX_PAYLOAD = 7000  # PostgreSQL allows 8000 bytes; longer id lists become "all of them"
SQLITE_POLL_SECONDS = 0.5
_KEY = "cortege_touched"
_STAMP = "cortege_stamp"
STAMP_MODULUS = 2**31  # SQLite's user_version is a signed 32-bit number: stamps count round


def next_stamp(current: int) -> int:
    """The commit stamp after ``current`` (0 … 2**31 - 1, then round again)."""
    return (current + 1) % STAMP_MODULUS


# table -> the entity name the window knows (app.services.edits.MODELS)
_ENTITIES = {
    "action": "action",
    "key_contact": "contact",
    "role": "role",
    "participant": "participant",
    "assignment": "assignment",
    "cue": "cue",
    "prop": "prop",
    "press_release": "release",
    "task": "task",
    "media_contact": "media_contact",
    "settings": "settings",
    "incident": "incident",  # live mode's log: a colleague's screen counts it, nothing more
}
_CHILDREN = ("quote", "press_contact")  # their release is bumped in the same transaction
# link tables -> the entity whose row a flush would report as updated
_LINKS = {
    "cue_role": "cue",
    "cue_participant": "cue",
    "cue_prop": "cue",
    "prop_carrier": "prop",
    "action_media_contact": "action",
}


@dataclass(frozen=True)
class Notice:
    """Somebody else changed the database. ``payload`` is the text sent (see the module)."""

    payload: str

    def _parts(self) -> list[str]:
        parts = self.payload.split("|")
        return parts if len(parts) == 6 and parts[0] == FORMAT else []

    @property
    def origin(self) -> str:
        parts = self._parts()
        return parts[1] if parts else ""

    @property
    def everything(self) -> bool:
        parts = self._parts()
        if parts:
            return parts[3] == ANYTHING
        return self.payload == ANYTHING or not self.payload.isdigit()

    @property
    def action_id(self) -> int | None:
        """The action it belongs to; None for organisation-wide rows (people, settings)."""
        parts = self._parts()
        raw = parts[2] if parts else self.payload  # format 1: the action id alone, or *
        return int(raw) if raw.isdigit() else None

    @property
    def entity(self) -> str:
        parts = self._parts()
        return parts[3] if parts else ANYTHING

    @property
    def kind(self) -> str:
        parts = self._parts()
        return parts[4] if parts else "updated"

    @property
    def ids(self) -> tuple[int, ...]:
        """The rows' ids; () when all of them may have changed."""
        parts = self._parts()
        if not parts or not parts[5]:
            return ()
        return tuple(int(i) for i in parts[5].split(",") if i.isdigit())


class ChangeNotifier:
    """Per store: sends notifications after our commits, and opens watchers for others'."""

    def __init__(self, engine: Engine) -> None:
        self._engine = weakref.ref(engine)  # the registry's value must not keep its key alive
        self.backend = engine.dialect.name
        self.origin = uuid.uuid4().hex[:12]
        self._watchers: weakref.WeakSet[SqliteWatcher] = weakref.WeakSet()

    @property
    def engine(self) -> Engine:
        engine = self._engine()
        if engine is None:
            raise RuntimeError("the store of this notifier was closed and collected")
        return engine

    def watch(self) -> PostgresWatcher | SqliteWatcher:
        """A new watcher on its own connection (close it when done)."""
        if self.backend == "postgresql":
            return PostgresWatcher(self)
        watcher = SqliteWatcher(self)
        self._watchers.add(watcher)
        return watcher

    def payloads(self, touched: set[tuple[str, str, str, int | None]]) -> list[str]:
        """The notices for what one transaction touched: (action, entity, kind, id) tuples."""
        # "Everything may have changed" names its sender too: a bare "*" came back to our own
        # window (PostgreSQL) as a colleague's change after our own bulk statement.
        everything = [f"{FORMAT}|{self.origin}|{ANYTHING}|{ANYTHING}|updated|"]
        groups: dict[tuple[str, str, str], set[int]] = {}
        for action, entity, kind, row_id in touched:
            if entity == ANYTHING:
                return everything
            ids = groups.setdefault((action, entity, kind), set())
            if row_id is not None:
                ids.add(row_id)
        if len(groups) > MAX_GROUPS:
            return everything
        out = []
        for (action, entity, kind), ids in sorted(groups.items()):
            listed = ",".join(str(i) for i in sorted(ids))
            if len(listed) > MAX_PAYLOAD:
                listed = ""  # all rows of that entity in that action
            out.append("|".join((FORMAT, self.origin, action, entity, kind, listed)))
        return out

    def announce(self, session: Session, touched: set) -> None:
        """Inside the committing transaction: NOTIFY the others (PostgreSQL only)."""
        if self.backend != "postgresql":
            return
        for payload in self.payloads(touched):
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": payload},
            )

    def mine(self, notice: Notice) -> bool:
        return notice.origin == self.origin

    def stamp(self, session: Session) -> None:
        """Inside our committing transaction (SQLite): count it in the file's commit stamp and
        tell our watchers the stamp is ours. The transaction holds the write lock (``BEGIN
        IMMEDIATE``), so no other commit takes the same number."""
        if self.backend != "sqlite":
            return
        conn = session.connection()
        current = conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
        stamp = next_stamp(current)
        conn.exec_driver_sql(f"PRAGMA user_version = {stamp}")
        session.info[_STAMP] = stamp
        for watcher in list(self._watchers):
            watcher.ours(stamp)

    def not_committed(self, stamp: int) -> None:
        """Our transaction rolled back after its stamp was given: the next writer takes it."""
        for watcher in list(self._watchers):
            watcher.forget(stamp)


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


def _touched(obj, kind: str) -> tuple[str, str, str, int | None] | None:
    """(action, entity, kind, id) for one written row; ids only, never values."""
    table = getattr(obj, "__tablename__", "")
    if table in _CHILDREN:  # a quote or a contact line: the release's own version moved too
        return None
    if table == "release_send":  # the send log of a release (its action is not on the row)
        return (ANYTHING, "release", "updated", obj.release_id)
    entity = _ENTITIES.get(table)
    if entity is None:
        return (ANYTHING, ANYTHING, kind, None)
    if isinstance(obj, m.Action):
        return (str(obj.id) if obj.id is not None else ANYTHING, "action", kind, obj.id)
    return (_action_of(obj), entity, kind, getattr(obj, "id", None))


def _action_of(obj) -> str:
    action_id = getattr(obj, "action_id", None)
    return str(action_id) if action_id is not None else ANYTHING


def touched_in_bulk(
    session: Session,
    table: str,
    ids=(),
    *,
    action_id: int | None = None,
    kind: str = "created",
) -> None:
    """Record the notices of a bulk statement run on the session's connection, once for the
    batch: no flush sees its rows (an ``executemany`` of thousands), so without this a commit
    that wrote only those would announce nothing, and — SQLite — leave our own watcher's
    baseline where it was: our own import would reach our window as a colleague's change.
    ``ids`` empty: all rows of that table in that action may have changed."""
    if _notifier(session) is None:
        return
    if table in _CHILDREN:  # a release's quotes or contact lines: written with their release
        return
    touched = session.info.setdefault(_KEY, set())
    entity = _ENTITIES.get(table)
    if entity is None and table in _LINKS:  # links between rows: their owner was updated
        entity, kind, ids = _LINKS[table], "updated", ()
    if entity is None:
        touched.add((ANYTHING, ANYTHING, kind, None))
        return
    action = str(action_id) if action_id is not None else ANYTHING
    touched.add((action, entity, kind, None))
    touched.update((action, entity, kind, i) for i in ids)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush_context) -> None:
    if _notifier(session) is None:
        return
    touched = session.info.setdefault(_KEY, set())
    found = [_touched(obj, "created") for obj in session.new]
    found += [_touched(obj, "deleted") for obj in session.deleted]
    found += [_touched(obj, "updated") for obj in session.dirty if session.is_modified(obj)]
    touched.update(f for f in found if f is not None)


@event.listens_for(Session, "do_orm_execute")
def _collect_bulk(state) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and _notifier(state.session):
        state.session.info.setdefault(_KEY, set()).add((ANYTHING, ANYTHING, "updated", None))


@event.listens_for(Session, "before_commit")
def _send(session: Session) -> None:
    notifier = _notifier(session)
    if notifier is None:
        return
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        session.flush()  # the commit would flush them after this hook: count them now
    payloads = session.info.get(_KEY)
    if payloads:
        notifier.stamp(session)
        notifier.announce(session, set(payloads))


@event.listens_for(Session, "after_commit")
def _sent(session: Session) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(_STAMP, None)


@event.listens_for(Session, "after_soft_rollback")
def _dropped(session: Session, _previous) -> None:
    session.info.pop(_KEY, None)
    stamp = session.info.pop(_STAMP, None)
    notifier = _notifier(session)
    if stamp is not None and notifier is not None:
        notifier.not_committed(stamp)


# --- watchers ------------------------------------------------------------------------------


class PostgresWatcher:
    """``LISTEN cortege_changes`` on a connection of its own (autocommit, outside the pool,
    so a window holds two connections at most: docs/team.md). It waits on the connection's
    socket and on a wake-up socket of its own, so a stopping listener ends at once (psycopg's
    ``notifies`` cannot be interrupted from another thread: every close sat out its wait)."""

    def __init__(self, notifier: ChangeNotifier) -> None:
        import socket

        from app.storage.server import listen_connection

        self._notifier = notifier
        self._conn = listen_connection(notifier.engine)
        self._early: list[str] = []  # colleagues' notices that came with our probe
        try:
            self._conn.execute(f"LISTEN {CHANNEL}")
            self._check_delivery()
        except BaseException:
            self._conn.close()
            raise
        self._wake_in, self._wake_out = socket.socketpair()
        self._wake_in.setblocking(False)
        self._wake_out.setblocking(False)

    def _check_delivery(self) -> None:
        """Send ourselves a notice through the app's own connection, as a colleague's save
        would come; raise ``NoticesDoNotArrive`` when it does not arrive (behind PgBouncer's
        transaction pool the window otherwise showed no colleague's change, and said nothing)."""
        import secrets
        import select

        probe = f"cortege_probe_{secrets.token_hex(8)}"
        self._conn.execute(f"LISTEN {probe}")
        arrived = False
        try:
            with self._notifier.engine.connect() as conn:
                conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": probe})
                conn.commit()
            deadline = time.monotonic() + PROBE_SECONDS
            while not arrived and (left := deadline - time.monotonic()) > 0:
                ready, _w, _x = select.select([self._conn.fileno()], [], [], left)
                if not ready:
                    break
                pg = self._conn.pgconn
                pg.consume_input()
                while (n := pg.notifies()) is not None:
                    if n.relname.decode("utf-8", "replace") == probe:
                        arrived = True
                    else:
                        self._early.append(n.extra.decode("utf-8", "replace"))
        finally:
            self._conn.execute(f"UNLISTEN {probe}")
        if not arrived:
            raise NoticesDoNotArrive(probe)

    def _ready(self, timeout: float) -> bool:
        """Whether the server sent something within ``timeout`` (False once woken)."""
        import select

        ready, _w, _x = select.select([self._conn.fileno(), self._wake_in], [], [], timeout)
        return bool(ready) and self._wake_in not in ready

    def _drain(self) -> list[str]:
        """The payloads the server has sent (raises when the connection is gone)."""
        pg = self._conn.pgconn
        pg.consume_input()
        payloads = []
        while (n := pg.notifies()) is not None:
            payloads.append(n.extra.decode("utf-8", "replace"))
        return payloads

    def wait(self, timeout: float) -> list[Notice]:
        """Block up to ``timeout`` seconds for others' changes; [] when there were none."""
        got, self._early = self._early, []
        if not got and not self._ready(timeout):
            return []
        if not got or self._ready(0):
            got += self._drain()
        # the rest of a burst; or, when the server's last words were not a notice (it is
        # shutting our connection), the end of the connection, which the next read raises
        if self._ready(0.05):
            got += self._drain()
        notices = (Notice(payload or ANYTHING) for payload in got)
        return _unique(n for n in notices if not self._notifier.mine(n))

    def wake(self) -> None:
        """End a ``wait`` now, and every later one at once (the listener is stopping)."""
        try:
            self._wake_out.send(b"!")
        except OSError:  # already closed, or woken often enough to fill the buffer
            pass

    def close(self) -> None:
        for sock in (self._wake_in, self._wake_out):
            sock.close()
        try:
            self._conn.close()
        except Exception:  # already gone with the server: nothing to release
            log.debug("closing the change listener failed", exc_info=True)


class SqliteWatcher:
    """Polls ``PRAGMA data_version`` and the commit stamp on a connection of its own."""

    def __init__(self, notifier: ChangeNotifier) -> None:
        raw = notifier.engine.raw_connection()
        self._conn = raw.driver_connection
        raw.detach()
        self._lock = threading.Lock()
        self._closed = False
        self._woken = threading.Event()
        self._version, self._stamp = self._read()
        self._own: set[int] = set()  # stamps of our store's commits, until a poll passes them

    def _read(self) -> tuple[int, int]:
        """(data_version, commit stamp), both of one snapshot of the file."""
        conn = self._conn
        conn.execute("BEGIN")
        try:
            stamp = conn.execute("PRAGMA user_version").fetchone()[0]
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        finally:
            conn.execute("COMMIT")
        return version, stamp

    def ours(self, stamp: int) -> None:
        """Our store is committing with ``stamp``: not news for our window."""
        with self._lock:
            self._own.add(stamp)

    def forget(self, stamp: int) -> None:
        with self._lock:
            self._own.discard(stamp)

    def _others_committed(self, stamp: int) -> bool:
        """The file changed since the last poll and now has ``stamp``: was any of it not ours?"""
        moved = (stamp - self._stamp) % STAMP_MODULUS
        ours = {s for s in self._own if 0 < (s - self._stamp) % STAMP_MODULUS <= moved}
        self._own -= ours
        return moved == 0 or moved != len(ours)

    def wait(self, timeout: float) -> list[Notice]:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if self._closed:
                    return []
                version, stamp = self._read()
                if version != self._version:
                    news = self._others_committed(stamp)
                    self._version, self._stamp = version, stamp
                    if news:
                        return [Notice(ANYTHING)]
            left = deadline - time.monotonic()
            if left <= 0 or self._woken.wait(min(SQLITE_POLL_SECONDS, left)):
                return []

    def wake(self) -> None:
        """End a ``wait`` now, and every later one at once (the listener is stopping: closing
        the window or opening another database need not sit out a poll)."""
        self._woken.set()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()


def _unique(notices) -> list[Notice]:
    seen: dict[str, Notice] = {}
    for n in notices:
        seen.setdefault(n.payload, n)
    for n in seen.values():
        if n.everything:
            return [n]
    return list(seen.values())
