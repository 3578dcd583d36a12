"""Team mode: ``upgrade`` (create or upgrade the schema explicitly) and ``copy-db TARGET``."""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser(
        "upgrade",
        help=_("create or upgrade the database's schema (the only way on a server database)"),
    )
    p.set_defaults(handler=cmd_upgrade)

    p = sub.add_parser(
        "copy-db",
        help=_("copy the whole database to TARGET (a SQLite file or a PostgreSQL URL)"),
    )
    p.add_argument("target", metavar="TARGET")
    p.add_argument(
        "--replace",
        action="store_true",
        help=_("overwrite a TARGET that already holds a plan"),
    )
    p.set_defaults(handler=cmd_copy_db)


def _revision_before(target: str) -> str | None:
    """The schema revision before the upgrade, when it can be read without a passphrase."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.storage.engine import current_revision, is_url, make_engine

    if not is_url(target):
        from pathlib import Path

        path = Path(target).expanduser()
        if not path.exists() or path.stat().st_size == 0:
            return None
    try:
        engine = make_engine(target)
    except SQLAlchemyError:
        return None
    try:
        return current_revision(engine)
    except Exception:  # an encrypted file or an unreachable server: open_store will say why
        return None
    finally:
        engine.dispose()


def cmd_upgrade(args: argparse.Namespace, ctx) -> int:
    from app.storage.engine import current_revision, head_revision

    before = _revision_before(ctx.target)
    store = ctx.store(upgrade_schema=True)
    after = current_revision(store.engine) or head_revision()
    name = store.display_name()
    if before == after:
        ctx.print(_("{db}: the schema is already at revision {rev}").format(db=name, rev=after))
    elif before is None:
        ctx.print(_("{db}: schema created at revision {rev}").format(db=name, rev=after))
    else:
        ctx.print(
            _("{db}: schema upgraded from revision {old} to {rev}").format(
                db=name, old=before, rev=after
            )
        )
    return 0


def cmd_copy_db(args: argparse.Namespace, ctx) -> int:
    from app.storage.transfer import copy_database, display

    store = ctx.store()
    report = copy_database(store.engine, args.target, replace=args.replace)
    ctx.print(
        ngettext(
            "copied {rows} row of {db} to {target} (schema revision {rev})",
            "copied {rows} rows of {db} to {target} (schema revision {rev})",
            report.total,
        ).format(
            rows=report.total,
            db=store.display_name(),
            target=display(args.target),
            rev=report.revision,
        )
    )
    return 0
