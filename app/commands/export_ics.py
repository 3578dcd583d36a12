"""``export ics SLUG -o OUT [--participant ALIAS | --each]``: calendars of an action.

Without an option: the whole plan in OUT. ``--participant``: that person's call time and cues.
``--each``: the folder OUT with ``<alias>.ics`` for everybody with a part. Prints the paths.
"""

from __future__ import annotations

import argparse

from app.i18n import _


def register(kinds) -> None:
    p = kinds.add_parser("ics", help=_("calendar files (.ics) of the action or of its people"))
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    who = p.add_mutually_exclusive_group()
    who.add_argument(
        "--participant", metavar="ALIAS", help=_("only this person's call time and cues")
    )
    who.add_argument(
        "--each",
        action="store_true",
        help=_("one file per person in the folder OUT (<alias>.ics)"),
    )
    p.set_defaults(handler=cmd_export_ics)


def cmd_export_ics(args: argparse.Namespace, ctx) -> int:
    from app.domain.errors import DomainError
    from app.exports.calendar import export
    from app.services.actions import action_by_slug, participant_by_alias
    from app.storage.files import atomic_write

    store = ctx.store()
    with store.read() as session:
        action = action_by_slug(session, args.slug)
        if args.each:
            files = export.everyone_calendars(session, action.id)
        elif args.participant:
            person = participant_by_alias(session, args.participant)
            if person.id not in {p.id for p in export.people_of(session, action.id)}:
                raise DomainError(
                    _("{alias!r} has no role and no cue in {slug!r}").format(
                        alias=person.alias, slug=action.slug
                    ),
                    field="--participant",
                )
            data = export.participant_calendar(session, action.id, person.id)
        else:
            data = export.action_calendar(session, action.id)
    if args.each:
        if not files:
            ctx.warn(_("nobody has a role or a cue in {slug!r} yet").format(slug=args.slug))
        from app.exports.batch import left_from_before, leftovers_warning

        failed: list[tuple[str, str]] = []
        written = export.write_each(args.output, files, failed=failed)
        for path in written:
            ctx.print(str(path))
        for alias, reason in failed:  # as runsheet --each says it
            ctx.warn(
                _("could not write the calendar of {alias}: {reason}").format(
                    alias=alias, reason=reason
                )
            )
        leftovers = left_from_before(args.output, written, ".ics")
        if leftovers:
            ctx.warn(leftovers_warning(leftovers))
        return 1 if failed else 0
    atomic_write(args.output, data)
    ctx.print(args.output)
    return 0
