"""Copy a whole Cortège database between backends (SQLite file <-> PostgreSQL), keeping ids.

The same code moves a plan from a laptop to a team server and back, and writes the SQLite backup
of a server database. The target's schema is made by the same Alembic revisions as the source's
(never by ``create_all``), then every table is copied in dependency order with Core bulk inserts,
in one transaction on each side: a failed copy leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table, bindparam, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.domain.errors import StoreError
from app.domain.models import Base
from app.i18n import _
from app.storage.engine import MIGRATIONS, current_revision, is_url, make_engine
from app.storage.files import atomic_path

CHUNK = 1000
# Tables that exist in a freshly created, still unused database (ensure_settings adds the row).
_EMPTY_OK = {"settings", "alembic_version"}
_VERSION_TABLE = Table("alembic_version", MetaData(), Column("version_num", String(32)))


@dataclass
class TransferReport:
    """What was copied: rows per table, and the schema revision both sides now have."""

    revision: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def display(target: str) -> str:
    """A target for messages: a URL without its password, or the path."""
    if is_url(target):
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    return target


def _our_tables() -> set[str]:
    return {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}


def _has_rows(conn: Connection, name: str) -> bool:
    table = Table(name, MetaData())
    return conn.execute(select(text("1")).select_from(table).limit(1)).first() is not None


def target_state(engine: Engine, shown: str) -> str:
    """``empty`` (nothing or an unused Cortège schema) or ``used``; refuses foreign tables."""
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        foreign = sorted(names - _our_tables())
        if foreign:
            raise StoreError(
                _(
                    "{target} holds tables that are not Cortège's ({tables}); nothing was copied"
                ).format(target=shown, tables=", ".join(foreign[:5]))
            )
        used = any(_has_rows(conn, name) for name in sorted(names - _EMPTY_OK))
    return "used" if used else "empty"


def _alembic_upgrade(conn: Connection, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _drop_ours(conn: Connection) -> None:
    Base.metadata.drop_all(conn)
    _VERSION_TABLE.drop(conn, checkfirst=True)


def _self_refs(table: Table) -> list[str]:
    """Columns pointing at the same table: inserted empty, set once every row exists."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    later = _self_refs(table)
    pk = list(table.primary_key.columns)
    result = src.execution_options(yield_per=CHUNK).execute(select(table).order_by(*pk))
    count = 0
    deferred: list[dict] = []
    for part in result.partitions():
        rows = [dict(row._mapping) for row in part]
        for row in rows:
            refs = {name: row[name] for name in later if row[name] is not None}
            if refs:
                deferred.append({"_pk": row[pk[0].name], **{f"_{k}": v for k, v in refs.items()}})
                for name in refs:
                    row[name] = None
        dst.execute(table.insert(), rows)
        count += len(rows)
    for name in later:
        params = [d for d in deferred if f"_{name}" in d]
        if params:
            stmt = (
                table.update()
                .where(pk[0] == bindparam("_pk"))
                .values({name: bindparam(f"_{name}")})
            )
            dst.execute(stmt, params)
    return count


def _reset_sequences(conn: Connection) -> None:
    """After inserting explicit ids, PostgreSQL's serial sequences must start after them."""
    quote = conn.dialect.identifier_preparer.quote
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = conn.execute(
            select(func.pg_get_serial_sequence(quote(table.name), pk[0].name))
        ).scalar()
        if seq is None:
            continue
        top = conn.execute(select(func.max(pk[0]))).scalar()
        conn.execute(select(func.setval(seq, top or 1, top is not None)))


def copy_between(source: Engine, target: Engine) -> TransferReport:
    """Copy every row of ``source`` into ``target`` after (re)making its schema. One transaction
    on the target; the source is read in one consistent snapshot."""
    revision = current_revision(source)
    if revision is None:
        raise StoreError(_("the source has no Cortège schema; nothing was copied"))
    report = TransferReport(revision=revision)
    src_opts = {"isolation_level": "REPEATABLE READ"} if source.dialect.name != "sqlite" else {}
    with source.connect() as src_conn, target.begin() as dst:
        src = src_conn.execution_options(**src_opts) if src_opts else src_conn
        _drop_ours(dst)
        _alembic_upgrade(dst, revision)
        for table in Base.metadata.sorted_tables:
            if table.name == "settings":
                dst.execute(table.delete())
            report.rows[table.name] = _copy_table(src, dst, table)
        dst.execute(_VERSION_TABLE.delete())
        dst.execute(_VERSION_TABLE.insert(), [{"version_num": revision}])
        if target.dialect.name == "postgresql":
            _reset_sequences(dst)
        src_conn.rollback()
    return report


def _same_database(source: Engine, target: str) -> bool:
    if is_url(target):
        from sqlalchemy.engine import make_url

        a, b = source.url, make_url(target)
        return (a.get_backend_name(), a.host, a.port, a.database) == (
            b.get_backend_name(),
            b.host,
            b.port,
            b.database,
        )
    if source.dialect.name != "sqlite" or not source.url.database:
        return False
    try:
        return Path(source.url.database).resolve() == Path(target).expanduser().resolve()
    except OSError:
        return False


def write_sqlite_file(source: Engine, dest: Path) -> TransferReport:
    """A self-contained SQLite file (rollback journal, no ``-wal``) holding all of ``source``,
    written atomically to ``dest``."""
    with _as_store_error(str(dest)), atomic_path(dest) as tmp:
        return _build_sqlite(source, tmp)


def _build_sqlite(source: Engine, path: Path) -> TransferReport:
    engine = make_engine(str(path))
    try:
        report = copy_between(source, engine)
        raw = engine.raw_connection()  # outside any transaction: WAL cannot be left in one
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = DELETE")
        finally:
            raw.close()
    finally:
        engine.dispose()
    return report


@contextmanager
def _as_store_error(shown: str) -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except (DBAPIError, SQLAlchemyError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(
            _("cannot copy to {target}: {reason}").format(
                target=shown, reason=str(reason).splitlines()[0]
            )
        ) from exc


def copy_database(source: Engine, target: str, *, replace: bool = False) -> TransferReport:
    """Copy the whole ``source`` database to ``target`` (a SQLite path or a server URL).

    Refuses a target that already holds a plan unless ``replace``; refuses tables that are not
    Cortège's in any case. A SQLite target is built beside itself and renamed into place.
    """
    shown = display(target)
    if _same_database(source, target):
        raise StoreError(_("{target} is the database being copied").format(target=shown))
    with _as_store_error(shown):
        if not is_url(target):
            path = Path(target).expanduser()
            if not path.parent.is_dir():
                raise StoreError(_("folder {path} does not exist").format(path=path.parent))
            if path.is_dir():
                raise StoreError(_("{path} is a folder").format(path=path))
            if path.exists() and path.stat().st_size > 0:
                # Read-only: a file that is not ours is refused without being written to.
                _refuse_used(make_engine(str(path), read_only=True), shown, replace=replace)
                from app.storage.holders import refuse_if_open_elsewhere

                refuse_if_open_elsewhere(path, doing=_("nothing was copied"))
            with atomic_path(path) as tmp:
                report = _build_sqlite(source, tmp)
                for extra in ("-wal", "-shm"):  # the replaced file's: never beside the new one
                    path.with_name(path.name + extra).unlink(missing_ok=True)
            return report
        engine = make_engine(target)
        try:
            _refuse_used(engine, shown, replace=replace, dispose=False)
            return copy_between(source, engine)
        finally:
            engine.dispose()


def _refuse_used(engine: Engine, shown: str, *, replace: bool, dispose: bool = True) -> None:
    try:
        state = target_state(engine, shown)
    except DBAPIError as exc:
        raise StoreError(
            _("{target} is not a database Cortège can write to: {reason}").format(
                target=shown, reason=str(exc.orig).splitlines()[0]
            )
        ) from exc
    finally:
        if dispose:
            engine.dispose()
    if state == "used" and not replace:
        raise StoreError(
            _(
                "{target} already holds a plan; nothing was copied "
                "(add --replace to overwrite it with this database)"
            ).format(target=shown)
        )
