"""``media list SLUG`` and ``media import SLUG FILE.csv``: the action's media list.

``media list`` prints one contact per line: outlet, name, e-mail, phone, language, beat
(tab-separated). Media contacts are personal data: the output is for the press officer.
``media import`` checks every row first; bad rows are reported on stderr (``row N, field:
problem``) and skipped, the good ones are added to the directory and to the action's list.
``--dry-run`` only checks. Exit 2 when any row was refused.
"""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser("media", help=_("an action's media list (press contacts)"))
    cmds = p.add_subparsers(dest="media_command", metavar="COMMAND", parser_class=type(p))

    q = cmds.add_parser("list", help=_("print the action's media list (personal data)"))
    q.add_argument("slug", metavar="SLUG")
    q.set_defaults(handler=cmd_media_list)

    q = cmds.add_parser("import", help=_("add media contacts from a CSV file to the action"))
    q.add_argument("slug", metavar="SLUG")
    q.add_argument("file", metavar="FILE.csv")
    q.add_argument("--dry-run", action="store_true", help=_("check the file, change nothing"))
    q.set_defaults(handler=cmd_media_import)

    p.set_defaults(handler=lambda args, ctx: _missing(p, ctx))


def _missing(parser: argparse.ArgumentParser, ctx) -> int:
    parser.print_usage(ctx.err)
    ctx.warn(_("error: say list or import"))
    return 2


def cmd_media_list(args: argparse.Namespace, ctx) -> int:
    from app.services.actions import action_by_slug
    from app.services.media import media_list

    with ctx.store().read() as session:
        rows = media_list(session, action_by_slug(session, args.slug).id)
    for c in rows:
        ctx.print("\t".join([c.outlet, c.name, c.email, c.phone, c.language, c.beat]))
    return 0


def cmd_media_import(args: argparse.Namespace, ctx) -> int:
    from app.commands.cmd_core import read_input_file
    from app.services.actions import action_by_slug
    from app.services.media import import_csv, preview_csv
    from app.services.people_csv import MAX_BYTES

    data = read_input_file(args.file, limit=MAX_BYTES)
    store = ctx.store()
    if args.dry_run:
        with store.read() as session:
            action_by_slug(session, args.slug)
            pv = preview_csv(session, data)
        for error in pv.errors():
            ctx.warn(str(error))
        good, bad = len(pv.good), len(pv.rows) - len(pv.good)
        ctx.print(
            # Translators: "3 rows can be imported, 1 refused" (each part is counted apart)
            _("{importable}, {refused}").format(
                importable=ngettext(
                    "{n} row can be imported", "{n} rows can be imported", good
                ).format(n=good),
                refused=ngettext("{n} refused", "{n} refused", bad).format(n=bad),
            )
        )
        return 2 if pv.errors() else 0
    with store.session() as session:
        pv, result = import_csv(session, action_by_slug(session, args.slug).id, data)
    for error in pv.errors():
        ctx.warn(str(error))
    created, reused, listed = len(result.created), len(result.reused), len(result.listed)
    skipped = result.skipped if not pv.problems else len(pv.rows)
    ctx.print(
        # Translators: "2 new contacts, 1 already known, 3 added to the list, 0 rows skipped"
        _("{created}, {reused}, {listed}, {skipped}").format(
            created=ngettext("{n} new contact", "{n} new contacts", created).format(n=created),
            reused=ngettext("{n} already known", "{n} already known", reused).format(n=reused),
            listed=ngettext("{n} added to the list", "{n} added to the list", listed).format(
                n=listed
            ),
            skipped=ngettext("{n} row skipped", "{n} rows skipped", skipped).format(n=skipped),
        )
    )
    return 2 if pv.errors() else 0
