"""``export press SLUG (--lang LL | --release KEY) --format pdf|txt|html|eml -o FILE``.

For ``eml`` the draft is addressed (Bcc, never To) to the action's media list: by default the
contacts who read the release's language (or have no language recorded); ``--bcc all`` takes
the whole list, ``--bcc none`` nobody. ``--for-sending`` also writes the "sent to" log.
"""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(kinds) -> None:
    p = kinds.add_parser(
        "press", help=_("a press release as PDF, plain text, HTML or an e-mail draft")
    )
    p.add_argument("slug", metavar="SLUG")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--lang", metavar="LL", help=_("the release in this language"))
    which.add_argument("--release", metavar="KEY", help=_("the release with this key"))
    p.add_argument("--format", required=True, choices=("pdf", "txt", "html", "eml"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--bcc",
        choices=("language", "all", "none"),
        default="language",
        help=_(
            "eml: who of the media list goes in Bcc: readers of the release's language "
            "(default), all, none"
        ),
    )
    p.add_argument(
        "--from-name",
        metavar="TEXT",
        help=_("eml: the sender's display name (default: the organisation's name)"),
    )
    p.add_argument(
        "--for-sending",
        action="store_true",
        help=_("eml: record in the release's sent log that it goes to these contacts"),
    )
    p.set_defaults(handler=cmd_export_press)


def cmd_export_press(args: argparse.Namespace, ctx) -> int:
    from app.exports.press import render
    from app.services.actions import action_by_slug
    from app.services.media import media_list, recipients, record_sends
    from app.services.press_docs import find_release, load_release
    from app.storage.files import atomic_write

    store = ctx.store()
    contacts = []
    with store.read() as session:
        action = action_by_slug(session, args.slug)
        rel = find_release(session, action.id, lang=args.lang, key=args.release)
        release_id = rel.id
        doc = load_release(session, release_id)
        if args.format == "eml" and args.bcc != "none":
            if args.bcc == "all":
                contacts = [c for c in media_list(session, action.id) if c.email and not c.purged]
            else:
                contacts = recipients(session, action.id, language=doc.language)
    data = render(doc, args.format, bcc=[c.email for c in contacts], from_name=args.from_name)
    atomic_write(args.output, data)
    if args.format == "eml":
        if args.for_sending:
            with store.session() as session:
                record_sends(
                    session,
                    release_id,
                    [c.id for c in contacts],
                    note=_("e-mail draft exported for sending"),
                )
        ctx.warn(
            ngettext(
                "{n} e-mail address of the media list is in the draft's Bcc",
                "{n} e-mail addresses of the media list are in the draft's Bcc",
                len(contacts),
            ).format(n=len(contacts))
        )
    ctx.print(args.output)
    return 0
