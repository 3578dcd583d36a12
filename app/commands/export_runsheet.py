"""``export runsheet SLUG -o OUT [--participant ALIAS | --each | --props-card] [--lang LL]
[--paper a4|letter] [--include-personal-data] [--format pdf|html]``: run-sheets, printed
(PDF) or, for personal sheets, one self-contained HTML file each for phones."""

from __future__ import annotations

import argparse

from app.i18n import _


def register(kinds) -> None:
    p = kinds.add_parser(
        "runsheet",
        help=_("printed run-sheets: master (default), one person, everybody, or the props card"),
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--participant", metavar="ALIAS", help=_("the sheet of one participant"))
    which.add_argument(
        "--each",
        action="store_true",
        help=_("a sheet for every assigned participant, in the folder OUT"),
    )
    which.add_argument(
        "--props-card", action="store_true", help=_("who carries what, and when (to cut out)")
    )
    p.add_argument("--lang", metavar="LL", help=_("print every sheet in this language"))
    p.add_argument(
        "--format",
        choices=("pdf", "html"),
        default="pdf",
        help=_("html: personal sheets as one self-contained file each, for phones"),
    )
    p.add_argument(
        "--paper", choices=("a4", "letter"), help=_("paper size (default: from the country)")
    )
    p.add_argument(
        "--include-personal-data",
        action="store_true",
        help=_("also print full names, phones and e-mails (every page marked confidential)"),
    )
    p.set_defaults(handler=cmd_export_runsheet)


def cmd_export_runsheet(args: argparse.Namespace, ctx) -> int:
    from app.exports import runsheet
    from app.exports.runsheet.data import checked_language, personal_sheets
    from app.services.actions import action_by_slug
    from app.storage.files import atomic_write

    checked_language(args.lang)  # refuse a bad --lang before opening anything
    if args.format == "html" and not (args.each or args.participant is not None):
        from app.domain.errors import DomainError

        raise DomainError(
            _("html is only for personal sheets: add --participant ALIAS or --each"),
            field="--format",
        )
    store = ctx.store()
    options = {"lang": args.lang, "paper": args.paper}
    with store.read() as session:
        action_id = action_by_slug(session, args.slug).id
        if args.each or args.participant is not None:
            sheets = personal_sheets(
                session,
                action_id,
                alias=args.participant,
                include_personal_data=args.include_personal_data,
                **options,
            )
        elif args.props_card:
            from app.exports.runsheet.master_data import props_card

            card = props_card(session, action_id, **options)
        else:
            from app.services.runsheet_master import master_sheet

            master = master_sheet(
                session, action_id, include_personal_data=args.include_personal_data, **options
            )
    if args.each:
        if not sheets:  # as export ics --each says it: no sheet, and why
            ctx.warn(_("nobody has a role or a cue in {slug!r} yet").format(slug=args.slug))
        from app.exports.batch import left_from_before, leftovers_warning

        failed: list[tuple[str, str]] = []
        written = runsheet.write_each(sheets, args.output, failed=failed, fmt=args.format)
        for path in written:
            ctx.print(str(path))
        # a sheet that could not be written now keeps its earlier file: named as well
        leftovers = left_from_before(args.output, written, "." + args.format)
        if leftovers:
            ctx.warn(leftovers_warning(leftovers))
        for alias, reason in failed:
            ctx.warn(
                _("could not write the sheet of {alias}: {reason}").format(
                    alias=alias, reason=reason
                )
            )
        return 1 if failed else 0
    if args.participant is not None:
        data = runsheet.RENDERERS[args.format](sheets[0])
    elif args.props_card:
        data = runsheet.render_props_card(card)
    else:
        data = runsheet.render_master(master)
    atomic_write(args.output, data)
    ctx.print(args.output)
    return 0
