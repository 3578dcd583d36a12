"""``organisation [--name TEXT]``: the organisation's name, as the letterhead and the From of
e-mail drafts show it. Without ``--name`` it prints the name."""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser(
        "organisation",
        help=_("print or set the organisation's name (letterheads, the e-mail drafts' From)"),
    )
    p.add_argument("--name", metavar="TEXT", help=_("the new name"))
    p.set_defaults(handler=cmd_organisation)


def cmd_organisation(args: argparse.Namespace, ctx) -> int:
    from app.domain.errors import DomainError
    from app.services.settings import read_settings, update_settings

    store = ctx.store()
    if args.name is None:
        with store.read() as session:
            ctx.print(read_settings(session).name)
        return 0
    name = " ".join(args.name.split())  # a display name is one line
    limit = 200
    if len(name) > limit:
        raise DomainError(
            ngettext("is longer than {n} character", "is longer than {n} characters", limit).format(
                n=limit
            ),
            field="--name",
        )
    with store.session() as session:
        update_settings(session, name=name)
    ctx.print(name)
    return 0
