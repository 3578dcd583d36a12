"""``import-ics SLUG FILE [--skip-outside] [--dry-run]``: events of an .ics file become cues.

stdout: one line per event, ``created|updated|unchanged<TAB>start<TAB>title[<TAB>outside]``
(``outside``: the cue is outside the action's window); stderr: what was left out and why.
A bad file: exit 2 with ``line N: problem`` on stderr, and the plan is unchanged.
"""

from __future__ import annotations

import argparse

from app.i18n import _

STATUS_WORD = {"new": "created", "update": "updated", "same": "unchanged"}


def register(sub) -> None:
    p = sub.add_parser(
        "import-ics", help=_("import the events of an .ics file into an action's schedule")
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--skip-outside",
        action="store_true",
        help=_("leave out the events outside the action's window"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("only show what would be imported"))
    p.set_defaults(handler=cmd_import_ics)


def cmd_import_ics(args: argparse.Namespace, ctx) -> int:
    from app.commands.cmd_core import read_input_file
    from app.domain.timeutil import format_iso, zone
    from app.services.actions import action_by_slug
    from app.services.calendar_import import apply_import, preview_ics
    from app.storage.files import MAX_IMPORT_BYTES

    data = read_input_file(args.file, limit=MAX_IMPORT_BYTES)
    store = ctx.store()
    with store.session() as session:
        action = action_by_slug(session, args.slug)
        preview = preview_ics(session, action.id, data)
        if args.skip_outside:
            left_out = [e for e in preview.events if e.outside]
            preview.events = [e for e in preview.events if not e.outside]
            for event in left_out:
                preview.notes.append(
                    _("line {n}: {title!r} is outside the action's window: left out").format(
                        n=event.line, title=event.title
                    )
                )
        if not args.dry_run:
            apply_import(session, preview)
        tz = zone(action.timezone)
        lines = []
        for event in preview.events:
            fields = [STATUS_WORD[event.status], format_iso(event.starts_at, tz), event.title]
            if event.outside:
                fields.append("outside")
            lines.append("\t".join(fields))
        if args.dry_run:
            session.rollback()
    for note in preview.notes:
        ctx.warn(note)
    for line in lines:
        ctx.print(line)
    return 0
