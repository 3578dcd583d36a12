"""PostgreSQL specifics of team mode: connection settings, and what each failure means.

Settings. A server URL gets defaults it can override: ``connect_timeout`` (libpq), TCP
keepalives (a vanished laptop is noticed in about a minute, not two hours), and three server
settings sent as ``options``: ``lock_timeout`` (a frozen colleague's open transaction blocks a
save for seconds, not forever), ``statement_timeout`` and ``idle_in_transaction_session_timeout``
(our own frozen transaction is ended by the server). Write them in the URL as
``?lock_timeout=10s`` or inside ``options=-c lock_timeout=10s``. A window holds at most two
connections: one pooled (a second only for the moment a background export reads while you
edit) and the change listener's; ``listen_host``/``listen_port`` send the listener around a
transaction-pooling PgBouncer (LISTEN needs a session of its own; docs/team.md).

Failures. Each cause gets its own sentence (wrong password, unknown database, no server, too
many connections, TLS, timeouts, an outage mid-edit), never with a password in it.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url

from app.domain.errors import StoreError
from app.i18n import _

CONNECT_TIMEOUT_S = 10
SERVER_SETTINGS = {  # name -> default, as the server reads them
    "lock_timeout": "5s",
    "statement_timeout": "30s",
    "idle_in_transaction_session_timeout": "60s",
}
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "20", "keepalives_interval": "10"}
KEEPALIVES["keepalives_count"] = "3"
OWN_PARAMS = ("listen_host", "listen_port")


class ServerError(StoreError):
    """The server cannot be reached or refused the work; the message says why, for a person."""


@dataclass(frozen=True)
class ServerSettings:
    url: URL  # what the pool connects with (our own parameters removed, defaults added)
    listen_url: URL  # what the change listener connects with
    connect_timeout: int
    settings: dict[str, str]


_SETTINGS: weakref.WeakKeyDictionary[Engine, ServerSettings] = weakref.WeakKeyDictionary()


def _options_settings(options: str) -> dict[str, str]:
    found = {}
    for name, value in re.findall(r"-c\s*([\w.]+)=(\S+)", options or ""):
        found[name] = value
    return found


def server_settings(target: str | URL) -> ServerSettings:
    """The URL the app connects with: the user's, plus the defaults it did not set."""
    url = make_url(target) if isinstance(target, str) else target
    query = dict(url.query)
    own = {k: query.pop(k) for k in OWN_PARAMS if k in query}
    options = query.get("options", "")
    if isinstance(options, tuple):
        options = " ".join(options)
    given = _options_settings(options)
    settings = {}
    for name, default in SERVER_SETTINGS.items():
        value = query.pop(name, None)
        if isinstance(value, tuple):
            value = value[-1]
        settings[name] = given.get(name) or value or default
        if name not in given:
            options = f"{options} -c {name}={settings[name]}".strip()
    query["options"] = options
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    for name, value in KEEPALIVES.items():
        query.setdefault(name, value)
    timeout = query["connect_timeout"]
    timeout = timeout[-1] if isinstance(timeout, tuple) else timeout
    url = url.set(query=query)
    listen = url
    if "listen_host" in own:
        listen = listen.set(host=own["listen_host"])
    if "listen_port" in own:
        listen = listen.set(port=int(own["listen_port"]))
    return ServerSettings(url, listen, int(timeout) if str(timeout).isdigit() else 0, settings)


def make_server_engine(target: str) -> Engine:
    """The engine for a server URL: small pool, pre-ping (reconnects after an outage), defaults."""
    found = server_settings(target)
    engine = create_engine(
        found.url,
        pool_size=1,  # one connection per window (the listener is the second)
        max_overflow=1,  # only while a background export reads as the user edits
        pool_timeout=found.connect_timeout or CONNECT_TIMEOUT_S,
        pool_pre_ping=True,
        hide_parameters=True,
        # No server-side prepared statements: psycopg prepares a query after its fifth run and
        # reuses it by name, but a pooler in transaction mode (PgBouncer before 1.22, or
        # without max_prepared_statements) runs the next transaction on another server
        # connection, where that name may be another client's statement: an organiser's
        # rename was written into a participant's notes. The app's queries are short.
        connect_args={"prepare_threshold": None},
    )
    _SETTINGS[engine] = found
    return engine


def settings_of(engine: Engine) -> ServerSettings:
    found = _SETTINGS.get(engine)
    if found is None:
        found = _SETTINGS[engine] = server_settings(engine.url)
    return found


def listen_connection(engine: Engine):
    """A psycopg connection of its own for LISTEN (autocommit, outside the pool)."""
    import psycopg

    url = settings_of(engine).listen_url
    _args, params = engine.dialect.create_connect_args(url)  # keywords: no URI quoting traps
    return psycopg.connect(**params, autocommit=True)


# --- what the role may do ------------------------------------------------------------------

_WRITABLE = """
SELECT count(*) FROM pg_catalog.pg_tables t
WHERE t.schemaname = current_schema() AND t.tablename <> 'alembic_version'
  AND NOT (has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'INSERT')
       AND has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'UPDATE')
       AND has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'DELETE'))
"""


def detect_read_only(store) -> None:
    """Open the store read-only when the server would refuse every edit anyway: a role without
    write rights on the plan's tables (the press officer of docs/team.md), a read-only
    session, or a standby server. The window then shows why and disables editing."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        standby = conn.execute(text("SELECT pg_is_in_recovery()")).scalar()
        session_ro = conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        refused = conn.execute(text(_WRITABLE)).scalar() or 0
        user = conn.execute(text("SELECT current_user")).scalar()
        conn.rollback()
    if standby:
        store.mark_read_only(_("this server is a read-only copy (a standby)"))
    elif session_ro:
        store.mark_read_only(_("this connection is read-only (default_transaction_read_only)"))
    elif refused:
        store.mark_read_only(
            _("you are connected as “{user}”, a role that may only read this plan").format(
                user=user
            )
        )


# --- what went wrong ---------------------------------------------------------------------------


def _where(url: URL) -> dict[str, str]:
    port = url.port or 5432
    return {
        "host": url.host or "localhost",
        "port": str(port),
        "database": url.database or "",
        "user": url.username or "",
    }


def _redact(text: str, url: URL | None) -> str:
    if url is not None and url.password:
        text = text.replace(str(url.password), "***")
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", text, flags=re.I)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[-1] if lines else type(orig).__name__


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return getattr(orig, "sqlstate", None) or ""


def describe_connect_failure(exc: BaseException, target: str | URL) -> str:
    """One sentence for why a connection to the server could not be made."""
    url = make_url(target) if isinstance(target, str) else target
    where = _where(url)
    state = _sqlstate(exc)
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    timeout = server_settings(url).connect_timeout or CONNECT_TIMEOUT_S
    if state == "28P01" or "password authentication failed" in low:
        return _(
            "The server {host} refused the password of user “{user}”. Check the line for this "
            "server in ~/.pgpass, or PGPASSWORD."
        ).format(**where)
    if "no password supplied" in low or "fe_sendauth" in low:
        return _(
            "The server {host} asks for the password of user “{user}”, and none was found. "
            "Put it in ~/.pgpass (never in the URL)."
        ).format(**where)
    if state == "3D000" or ("database" in low and "does not exist" in low):
        return _(
            "There is no database “{database}” on the server {host}. Check the name in the URL, "
            "or ask the administrator to create it."
        ).format(**where)
    if "role" in low and "does not exist" in low:
        return _(
            "The server {host} knows no user “{user}”. Check the user name in the URL."
        ).format(**where)
    if state == "53300" or "too many c" in low or "connection slots are reserved" in low:
        return _(
            "The server {host} has no connection left (too many clients). Close Cortège windows "
            "you do not need, or ask the administrator to raise max_connections or to set up "
            "PgBouncer (see docs/team.md)."
        ).format(**where)
    if "pg_hba.conf" in low or state == "28000":
        return _(
            "The server {host} does not let user “{user}” connect to “{database}” from this "
            "machine (pg_hba.conf). Ask the administrator."
        ).format(**where)
    if "server does not support ssl" in low or "ssl is not enabled" in low:
        return _(
            "The server {host} does not offer TLS, but the URL requires it (sslmode). Turn on "
            "TLS on the server; do not send the plan unencrypted."
        ).format(**where)
    if "certificate" in low or "ssl" in low or "tls" in low:
        return _(
            "The TLS connection to {host} failed: the server's certificate could not be "
            "checked (sslmode, sslrootcert in the URL)."
        ).format(**where)
    if "timeout expired" in low or "timed out" in low:
        return _("The server {host}:{port} did not answer within {n} s.").format(n=timeout, **where)
    if "could not translate host name" in low or "name or service not known" in low:
        return _("The server name “{host}” is unknown. Check the URL and the network.").format(
            **where
        )
    if "starting up" in low or "shutting down" in low or state in ("57P03", "57P01"):
        return _(
            "The server {host} is starting up or shutting down. Try again in a moment."
        ).format(**where)
    if "connection refused" in low or "could not connect" in low or "no such file" in low:
        return _(
            "No PostgreSQL server answers at {host}:{port}. Is it running, and is the address "
            "right?"
        ).format(**where)
    return _("Cannot connect to the server {host}:{port}: {reason}").format(
        reason=_redact(_first_line(exc), url), **where
    )


def describe_failure(
    exc: BaseException, url: URL | None = None, *, writing: bool = True
) -> ServerError:
    """What to tell the user when a read or an edit failed on the server (not a rule of the
    plan: those are DomainErrors). Nothing of the failed transaction was saved."""
    state = _sqlstate(exc)
    settings = server_settings(url).settings if url is not None else SERVER_SETTINGS
    if state == "55P03":  # lock_not_available
        return ServerError(
            _(
                "Not saved: another organiser's save held this part of the plan for more than "
                "{n}. Nothing was changed; try again."
            ).format(n=settings["lock_timeout"])
        )
    if state == "57014":  # query_canceled: statement_timeout
        return ServerError(
            _("The server did not finish within {n}. Nothing was changed; try again.").format(
                n=settings["statement_timeout"]
            )
        )
    if state in ("40001", "40P01"):  # serialization failure, deadlock
        return ServerError(
            _(
                "Not saved: another organiser saved the same part of the plan at the same "
                "moment. Nothing was changed; try again."
            )
        )
    if state == "42501" or state == "25006":  # insufficient privilege, read-only transaction
        return ServerError(
            _("Not saved: this database role may only read the plan (ask the administrator).")
        )
    if not writing:
        return ServerError(
            _(
                "Cortège could not read from the database server: the connection was lost "
                "({reason}). Nothing was changed; it reconnects by itself, so try again in a "
                "moment."
            ).format(reason=_redact(_first_line(exc), url))
        )
    return ServerError(
        _(
            "This change was not saved: the connection to the database server was lost "
            "({reason}). Everything you saved before is safe on the server; Cortège reconnects "
            "by itself, so try again in a moment."
        ).format(reason=_redact(_first_line(exc), url))
    )
