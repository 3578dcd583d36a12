"""Commands on the store: demo, list, import, check, backup."""

from __future__ import annotations

import argparse
from datetime import date

from app.domain.errors import DomainError
from app.i18n import _


def register(sub) -> None:
    p = sub.add_parser("demo", help=_("add the demo action (10 days from today unless --on)"))
    p.add_argument("--on", metavar="DATE", help=_("date of the demo action (YYYY-MM-DD)"))
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("list", help=_("list the actions by start"))
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("import", help=_("import an action bundle; prints the slug used"))
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("check", help=_("print what is still wrong with an action"))
    p.add_argument("slug", metavar="SLUG")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("backup", help=_("write a consistent copy of the database"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=_(
            "seal the backup with a passphrase (CORTEGE_FILE_PASSPHRASE, else "
            "CORTEGE_PASSPHRASE, else typed twice)"
        ),
    )
    p.set_defaults(handler=cmd_backup)


def _date(value: str, field: str) -> date:
    from app.domain.timeutil import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise DomainError(str(exc), field=field) from exc


def cmd_demo(args: argparse.Namespace, ctx) -> int:
    from app.services.demo import add_demo

    on = _date(args.on, "--on") if args.on else None
    store = ctx.store()
    with store.session() as session:
        result = add_demo(session, on=on)
    ctx.print(result.slug)
    return 0


def cmd_list(args: argparse.Namespace, ctx) -> int:
    from app.domain.timeutil import format_iso, zone
    from app.services.actions import action_slugs

    store = ctx.store()
    with store.read() as session:
        rows = action_slugs(session)
    from app.cli import shown

    for slug, starts_at, timezone, status, title in rows:
        # four columns whatever a title saved long ago holds (a tab split them)
        ctx.print(
            "\t".join([slug, format_iso(starts_at, zone(timezone)), status, shown(title, keep="")])
        )
    return 0


def read_input_file(path: str, *, limit: int | None = None) -> bytes:
    """A file to import: refused when it is not a regular file, or larger than ``limit``."""
    from app.storage.files import read_input

    return read_input(path, limit=limit)


def cmd_import(args: argparse.Namespace, ctx) -> int:
    from app.services.bundle_insert import write_plan
    from app.services.bundle_read import parse_json, read_bundle
    from app.services.envelope_hook import maybe_decrypt

    # Parsed and checked before the write transaction: other writers wait only for the
    # writing; a file whose JSON is not an object ([1, 2], null, a string) is refused by name.
    from app.storage.files import MAX_IMPORT_BYTES

    plan = read_bundle(
        parse_json(maybe_decrypt(read_input_file(args.file, limit=MAX_IMPORT_BYTES)))
    )
    store = ctx.store()
    with store.session() as session:
        result = write_plan(session, plan)
    for note in result.notes:
        ctx.warn(note)
    ctx.print(result.slug)
    return 0


def cmd_check(args: argparse.Namespace, ctx) -> int:
    from app.services.actions import action_by_slug
    from app.services.readiness import check

    store = ctx.store()
    with store.read() as session:
        problems = check(session, action_by_slug(session, args.slug).id)
    for problem in problems:
        ctx.print(problem.line())
    return 3 if problems else 0


def cmd_backup(args: argparse.Namespace, ctx) -> int:
    from app.storage.backup import backup_sqlite

    store = ctx.store()
    seal = None
    if args.encrypt:
        from app.services.envelope import encrypt, new_passphrase

        passphrase = new_passphrase(
            _("Passphrase for the backup: "),
            env=("CORTEGE_FILE_PASSPHRASE", "CORTEGE_PASSPHRASE"),
        )

        def seal(data: bytes) -> bytes:
            return encrypt(data, passphrase)

    path = backup_sqlite(store, args.output, seal=seal)
    ctx.print(str(path))
    return 0
