"""``export advisory SLUG [--lang LL] --format pdf|txt|html|eml -o FILE``: the media advisory.

Without ``--lang`` it is in the action's main language. For ``eml`` the draft is addressed (Bcc,
never To) to the action's media list, as the release's (``--bcc language|all|none``).
"""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(kinds) -> None:
    p = kinds.add_parser(
        "advisory",
        help=_("the media advisory (what, when, where, who, photo opportunities, contact)"),
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("--lang", metavar="LL", help=_("its language (default: the action's first)"))
    p.add_argument("--format", required=True, choices=("pdf", "txt", "html", "eml"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--bcc",
        choices=("language", "all", "none"),
        default="language",
        help=_("eml: who of the media list goes in Bcc (default: readers of its language)"),
    )
    p.add_argument(
        "--from-name",
        metavar="TEXT",
        help=_("eml: the sender's display name (default: the organisation's name)"),
    )
    p.set_defaults(handler=cmd_export_advisory)


def cmd_export_advisory(args: argparse.Namespace, ctx) -> int:
    from app.domain.errors import DomainError
    from app.exports.press import render_advisory
    from app.i18n import normalise_language
    from app.services.actions import action_by_slug
    from app.services.media import media_list, recipients
    from app.services.press_docs import load_advisory
    from app.storage.files import atomic_write

    contacts = []
    with ctx.store().read() as session:
        action = action_by_slug(session, args.slug)
        lang = args.lang or (action.languages or ["en"])[0]
        if normalise_language(lang) is None:
            raise DomainError(
                _("{value!r} is not a language code").format(value=lang), field="--lang"
            )
        doc = load_advisory(session, action.id, lang)
        if args.format == "eml" and args.bcc != "none":
            if args.bcc == "all":
                contacts = [c for c in media_list(session, action.id) if c.email and not c.purged]
            else:
                contacts = recipients(session, action.id, language=doc.language)
    data = render_advisory(
        doc, args.format, bcc=[c.email for c in contacts], from_name=args.from_name
    )
    atomic_write(args.output, data)
    if args.format == "eml":
        ctx.warn(
            ngettext(
                "{n} e-mail address of the media list is in the draft's Bcc",
                "{n} e-mail addresses of the media list are in the draft's Bcc",
                len(contacts),
            ).format(n=len(contacts))
        )
    ctx.print(args.output)
    return 0
